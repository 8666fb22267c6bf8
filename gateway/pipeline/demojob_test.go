package pipeline

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/sigsentry/deskgate/gateway/assess"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/store"
	"github.com/sigsentry/deskgate/internal/demojobs"
	"github.com/sigsentry/deskgate/sdk"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/demo_jobs.golden from this run")

// demoDesk serves the ingress bench's synthetic tickets: ticket id n is
// the n-th of the demo templates in turn.
type demoDesk struct {
	*fakeDesk
	s *demojobs.Setup
}

func (d demoDesk) GetTicket(_ context.Context, _ sdk.Credentials, id string) (*sdk.Ticket, error) {
	n, err := strconv.Atoi(id)
	if err != nil {
		return nil, sdk.Errorf(sdk.KindNotFound, "ticket %s not found", id)
	}
	return d.s.Ticket(n, id), nil
}

// demoFixture is the ingress bench's jobs run by a pipeline in process:
// the real assessor over the demo logs, the bench binding with its three
// custom fields, the demo tickets, a SQLite store and queue, no rate limit.
func demoFixture(tb testing.TB) *fixture {
	f := newFixture(tb, "internal", "low")
	s := demojobs.New(tb, f.key.Name)
	b := s.Binding
	b.RateLimitPerMinute = 100000
	b.CustomFields = map[string]string{"severity": "1", "affected_service": "2", "analysis_url": "3"}
	s.Config.Bindings = []*config.Binding{b}
	o := f.p.o
	o.Config = func() *config.Config { return s.Config }
	o.Assessor = s.Assessor
	o.Platforms = onePlatform{demoDesk{f.desk, s}}
	o.Limiter = noLimit{}
	f.p = New(o)
	return f
}

var analysisID = regexp.MustCompile(`/analyses/[0-9a-f]{32}`)

// demoJobsOutput runs one job per demo ticket and returns what each left:
// its recorded stages, the notes and fields the desk got, the stored
// analysis (less what measures the run: its time, the bytes read).
func demoJobsOutput(t *testing.T) string {
	ctx := context.Background()
	f := demoFixture(t)
	var out strings.Builder
	for n := range 5 {
		id := strconv.Itoa(n)
		j := f.lease(t, id)
		if err := f.p.Process(ctx, j); err != nil {
			t.Fatalf("ticket %s: %v", id, err)
		}
		fmt.Fprintf(&out, "== ticket %s\n", id)
		recs, err := f.st.Stages(ctx, f.key, id)
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(recs, func(a, b store.StageRecord) int { return strings.Compare(string(a.Stage), string(b.Stage)) })
		for _, r := range recs {
			detail := r.Detail
			if r.Stage == store.StageAnalysis {
				a, err := f.st.GetAnalysis(ctx, r.Detail)
				if err != nil {
					t.Fatal(err)
				}
				an, err := assess.Load(a.Body)
				if err != nil {
					t.Fatal(err)
				}
				demojobs.Unmeasured(an.Report)
				b, _ := json.Marshal(an.Report)
				detail = string(b)
			}
			fmt.Fprintf(&out, "stage %s: %s\n", r.Stage, detail)
		}
		f.desk.mu.Lock()
		for _, c := range f.desk.comments {
			fmt.Fprintf(&out, "comment public=%v key=%s:\n%s\n", c.Public, c.Key, analysisID.ReplaceAllString(c.HTMLBody+c.Body, "/analyses/ID"))
		}
		for _, fs := range f.desk.fields {
			b, _ := json.Marshal(fs) // keys sorted
			fmt.Fprintf(&out, "fields: %s\n", analysisID.ReplaceAllString(string(b), "/analyses/ID"))
		}
		f.desk.comments, f.desk.fields = nil, nil
		f.desk.mu.Unlock()
	}
	return out.String()
}

// The ingress bench's jobs leave the same stages, notes, fields and stored
// analyses as when testdata/demo_jobs.golden was written (go test -run
// TestDemoJobs -update rewrites it: after a change to the triage's rules
// or the notes, not to make a speed-up pass).
func TestDemoJobs_sameNotesFieldsAndAnalyses(t *testing.T) {
	got := demoJobsOutput(t)
	golden := filepath.Join("testdata", "demo_jobs.golden")
	if *updateGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("line %d differs from %s:\ngot:  %s\nwant: %s", i+1, golden, g, w)
			}
		}
	}
}

// BenchmarkHandle_demoJob is the ingress bench's jobs as one gateway worker
// runs them: each fetches its demo ticket, triages it over the demo logs,
// records its stages, posts its note and sets its fields, and two in five
// also run, store and post the analysis; the SQLite store commits as in
// the gateway.
func BenchmarkHandle_demoJob(b *testing.B) {
	f := demoFixture(b)
	benchHandle(b, f, f.p, 1)
}
