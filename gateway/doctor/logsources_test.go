package doctor

import (
	"context"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/logs/loki/lokitest"
	"github.com/sigsentry/deskgate/sdk"
)

func TestLogSourceChecks_sayWhatIsWrongWithEachSource(t *testing.T) {
	now := time.Now().UTC()
	good := lokitest.New(false)
	defer good.Close()
	for i := 0; i < 5; i++ {
		good.Push("", lokitest.Entry{TS: now.Add(-time.Duration(i+1) * time.Minute).UnixNano(), Labels: map[string]string{"service": "payments"}, Line: `{"level":"info","msg":"ok"}`})
	}
	unlabelled := lokitest.New(false)
	defer unlabelled.Close()
	unlabelled.Push("", lokitest.Entry{TS: now.Add(-time.Minute).UnixNano(), Labels: map[string]string{"app": "payments"}, Line: `{"msg":"ok"}`})
	locked := lokitest.New(false)
	defer locked.Close()
	locked.RequireBearer("right")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()

	lokiBlock := func(name, url, token string) *config.LogSource {
		return &config.LogSource{Type: config.LogSourceLoki, Name: name, URLs: []string{url}, BearerToken: token, Timeout: 2 * time.Second}
	}
	p := &config.Project{Name: "checkout", Services: []string{"payments", "auth"}, LogSources: []*config.LogSource{
		lokiBlock("good", good.URL, ""),
		lokiBlock("unlabelled", unlabelled.URL, ""),
		lokiBlock("locked", locked.URL, "wrong"),
		lokiBlock("gone", closed, ""),
	}}
	res := logSourceChecks(context.Background(), p, now)
	got := map[string]sdk.CheckResult{}
	for _, r := range res {
		got[r.Name] = r
	}
	for name, want := range map[string]struct {
		ok          bool
		detail, fix string
	}{
		`log source loki "good" reachable`:           {true, "", ""},
		`log source loki "good" authenticated`:       {true, "", ""},
		`log source loki "good" service field`:       {true, "payments", ""},
		`log source loki "unlabelled" service field`: {false, `"service"`, "service_label"},
		`log source loki "locked" reachable`:         {true, "", ""},
		`log source loki "locked" authenticated`:     {false, "not authorized", "bearer_token"},
		`log source loki "gone" reachable`:           {false, "unreachable", "url"},
		"logs of payments in the last hour":          {true, "good 5, unlabelled 0, locked 0, gone 0", ""},
		"logs of auth in the last hour":              {false, "0 line(s)", `"auth"`},
	} {
		r, seen := got[name]
		if !seen || r.OK != want.ok || !strings.Contains(r.Detail, want.detail) || !strings.Contains(r.Fix, want.fix) {
			t.Errorf("%s: %+v (seen %v), want %+v", name, r, seen, want)
		}
	}
	if _, asked := got[`log source loki "locked" service field`]; asked {
		t.Error("a source that refused the credentials was asked for its fields")
	}
	for _, r := range res {
		if strings.Contains(fmt.Sprint(r), "wrong") {
			t.Errorf("a check shows the token: %+v", r)
		}
	}
}
