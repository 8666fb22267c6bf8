package zendesk_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/internal/testbin"
	"github.com/sigsentry/deskgate/sdk"
)

// BenchmarkGetTicket_missingRoundTrip is a job's GetTicket as the bench's
// workers make it: from the host to the real plugin process over gRPC, the
// plugin asking the desk for a ticket it does not have (404), with the host
// logging at info as `deskgate serve` does, from one caller and from four.
// Besides time it reports the CPU per call of the host (this process, the
// desk's stand-in included) and of the plugin process (read from /proc in
// 10 ms ticks: run a few thousand calls).
func BenchmarkGetTicket_missingRoundTrip(b *testing.B) {
	desk := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"error":"RecordNotFound","description":"Not found"}`)
	}))
	var conns atomic.Int64 // connections the plugin opened to the desk
	desk.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	desk.Start()
	defer desk.Close()
	host := hclog.New(&hclog.LoggerOptions{Name: "bench", Level: hclog.Info, Output: io.Discard})
	c, err := sdk.NewClient(context.Background(), sdk.ClientConfig{Path: testbin.Path(b, "deskgate-plugin-zendesk"),
		Logger: host.Named("plugin.zendesk"), Env: []string{"PATH=" + os.Getenv("PATH")}})
	if err != nil {
		b.Fatalf("NewClient: %v", err)
	}
	defer c.Kill()
	plugin := c.Pid()
	p, ctx := c.Platform(), context.Background()
	creds := sdk.Credentials{AccessToken: "bench-token", APIBaseURL: desk.URL}
	if _, err := p.GetTicket(ctx, creds, "100001"); sdk.KindOf(err) != sdk.KindNotFound {
		b.Fatalf("GetTicket of a missing ticket = %v; want a not-found error", err)
	}
	b.Run("callers=1", func(b *testing.B) {
		measure(b, plugin, &conns, func() {
			for b.Loop() {
				if _, err := p.GetTicket(ctx, creds, "100001"); sdk.KindOf(err) != sdk.KindNotFound {
					b.Fatal(err)
				}
			}
		})
	})
	// As the gateway's four workers (its default) call it.
	b.Run("callers=4", func(b *testing.B) {
		measure(b, plugin, &conns, func() {
			b.SetParallelism((4 + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if _, err := p.GetTicket(ctx, creds, "100001"); sdk.KindOf(err) != sdk.KindNotFound {
						b.Error(err)
						return
					}
				}
			})
		})
	})
}

// measure runs calls and reports the CPU per op of this process and of the
// plugin process, and the connections opened to the desk per op.
func measure(b *testing.B, plugin int, conns *atomic.Int64, calls func()) {
	host0, plugin0, conns0 := selfCPU(b), procCPU(b, plugin), conns.Load()
	b.ReportAllocs()
	calls()
	n := float64(b.N)
	b.ReportMetric(float64(selfCPU(b)-host0)/float64(time.Microsecond)/n, "host-cpu-µs/op")
	b.ReportMetric(float64(procCPU(b, plugin)-plugin0)/float64(time.Microsecond)/n, "plugin-cpu-µs/op")
	b.ReportMetric(float64(conns.Load()-conns0)/n, "desk-conns/op")
}

// selfCPU is this process's user and system CPU time so far.
func selfCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// procCPU is process pid's user and system CPU time so far (from /proc, in
// clock ticks of 10 ms).
func procCPU(b *testing.B, pid int) time.Duration {
	s, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		b.Fatal(err)
	}
	f := strings.Fields(string(s[strings.LastIndexByte(string(s), ')')+2:]))
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * 10 * time.Millisecond
}
