package triage

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/logs"
)

// scaffoldFloor is the share of wrapped tickets whose severity and whose
// service must stay what the bare ticket triages to, per half.
var scaffoldFloor = map[string]figures{
	"tuned":    {exact: 0.86, service: 0.94},
	"held out": {exact: 0.77, service: 0.89},
}

// scaffoldEvery samples the right-triaged tickets of each set: every n-th
// in name order, so the test stays within its time.
const scaffoldEvery = 10

// TestMailScaffolding_keepsVerdicts wraps tickets of the non-blind labeled
// sets that triage right in each mail scaffold (scaffold_mail_test.go) and
// triages them again with the same logs: the severity and the service
// should not move, since the scaffold changes nothing of what is reported,
// about when or for whom. It reports, per half of the scaffolds (tuned,
// held out), the share whose severity and whose service stayed, and fails
// below scaffoldFloor. The held-out half is reported in aggregate only.
// With DESKGATE_SCAFFOLD_MISSES=1 it lists the tuned half's misses.
//
// Blind sets are never wrapped: not even their aggregate is looked at
// here.
func TestMailScaffolding_keepsVerdicts(t *testing.T) {
	if testing.Short() {
		t.Skip("triages every sampled ticket once per scaffold")
	}
	type tally struct{ n, sev, svc, both int }
	perScaffold := map[string]*tally{}
	perHalf := map[string]*tally{"tuned": {}, "held out": {}}
	var misses []string
	listMisses := os.Getenv("DESKGATE_SCAFFOLD_MISSES") != ""
	halves := []struct {
		name string
		list []scaffold
	}{{"tuned", tunedScaffolds}, {"held out", heldOutScaffolds}}
	sampled := 0
	for _, s := range labeledSets {
		if s.blind {
			continue
		}
		outs := triageSet(t, s)
		tickets, _ := loadTickets(t, s.dir)
		p := worldOf(t, s.project)
		tr := New(p, Settings{DefaultTimeBuffer: 2 * time.Hour, Threshold: High})
		tr.gather = memoGather()
		right := 0
		for _, o := range outs {
			if !o.exact() || !o.serviceOK() {
				continue
			}
			right++
			if right%scaffoldEvery != 1 {
				continue
			}
			sampled++
			tk := tickets[o.name]
			// The shared gathering must not change the bare verdict.
			bare, err := tr.Triage(context.Background(), tk)
			if err != nil {
				t.Fatal(err)
			}
			if bare.Severity != o.got.Severity || bare.AffectedService != o.got.AffectedService {
				t.Fatalf("%s/%s: %s/%q with shared log evidence, %s/%q without", s.name, o.name, bare.Severity, bare.AffectedService, o.got.Severity, o.got.AffectedService)
			}
			for _, half := range halves {
				for _, sc := range half.list {
					w := sc.wrap(newMailThread(tk, sc.name))
					got, err := tr.Triage(context.Background(), w)
					if err != nil {
						t.Fatalf("%s/%s in %s: %v", s.name, o.name, sc.name, err)
					}
					sevSame, svcSame := got.Severity == bare.Severity, got.AffectedService == bare.AffectedService
					for _, c := range []*tally{perHalf[half.name], perScaffold[sc.name]} {
						if c == nil {
							c = &tally{}
							perScaffold[sc.name] = c
						}
						c.n++
						if sevSame {
							c.sev++
						}
						if svcSame {
							c.svc++
						}
						if sevSame && svcSame {
							c.both++
						}
					}
					if listMisses && half.name == "tuned" && (!sevSame || !svcSame) {
						misses = append(misses, fmt.Sprintf("%s %s/%s: %s/%q → %s/%q\n    reasons: %s", sc.name, s.name, o.name,
							bare.Severity, bare.AffectedService, got.Severity, got.AffectedService, strings.Join(got.Reasons, " | ")))
					}
				}
			}
		}
	}
	share := func(k, n int) float64 { return float64(k) / float64(max(n, 1)) }
	t.Logf("%d right-triaged tickets sampled (every %d-th per non-blind set), %d tuned and %d held-out scaffolds",
		sampled, scaffoldEvery, len(tunedScaffolds), len(heldOutScaffolds))
	names := make([]string, 0, len(tunedScaffolds))
	for _, sc := range tunedScaffolds {
		names = append(names, sc.name)
	}
	sort.Strings(names)
	for _, n := range names {
		c := perScaffold[n]
		t.Logf("  %-34s severity kept %.3f, service kept %.3f, both %.3f (%d)", n, share(c.sev, c.n), share(c.svc, c.n), share(c.both, c.n), c.n)
	}
	for _, half := range halves {
		c := perHalf[half.name]
		f := figures{exact: share(c.sev, c.n), service: share(c.svc, c.n)}
		t.Logf("%s scaffolds: severity kept %.3f, service kept %.3f, both %.3f (%d wrapped tickets)", half.name, f.exact, f.service, share(c.both, c.n), c.n)
		fl := scaffoldFloor[half.name]
		if f.exact < fl.exact || f.service < fl.service {
			t.Errorf("%s scaffolds: severity kept %.3f, service kept %.3f, below the floor %.2f / %.2f", half.name, f.exact, f.service, fl.exact, fl.service)
		}
	}
	if len(misses) > 0 {
		t.Logf("tuned scaffolds' misses:\n%s", strings.Join(misses, "\n"))
	}
}

// memoGather gathers the log evidence of each window once: the wrapped
// variants of a ticket mostly ask for the same window. Evidence is only
// read after it is gathered.
func memoGather() func(context.Context, []logs.Querier, Window) (*Evidence, error) {
	type got struct {
		ev  *Evidence
		err error
	}
	var mu sync.Mutex
	seen := map[[2]int64]got{}
	return func(ctx context.Context, sources []logs.Querier, w Window) (*Evidence, error) {
		k := [2]int64{w.From.UnixNano(), w.To.UnixNano()}
		mu.Lock()
		defer mu.Unlock()
		if g, ok := seen[k]; ok {
			return g.ev, g.err
		}
		ev, err := Gather(ctx, sources, w, nil, nil)
		seen[k] = got{ev, err}
		return ev, err
	}
}
