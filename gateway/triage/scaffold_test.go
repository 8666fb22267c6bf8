package triage

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/logs"
)

// scaffoldFloor is the share of wrapped tickets whose severity and whose
// service must stay what the bare ticket triages to, per half: a little
// under the figures after round eleven (see the test's comment).
var scaffoldFloor = map[string]figures{
	"tuned":    {exact: 0.98, service: 0.98},
	"held out": {exact: 0.95, service: 0.93},
}

// scaffoldEvery samples the right-triaged tickets of each set: every n-th
// in name order, so the test stays within its time.
// DESKGATE_SCAFFOLD_EVERY=n samples more (1: all) for a closer measurement.
var scaffoldEvery = 10

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
//
// Round eleven (issue 14) wrote the held-out half first and committed it
// alone, then the tuned half and this test, and measured both before any
// rule change: 76 tickets, severity kept / service kept (both) — tuned
// 0.870 / 0.949 (0.833), held out 0.784 / 0.902 (0.731). A signature's
// office hours read as the report's window, a disclaimer's "error",
// "delete", "unauthorized", a quoted message's date, a short "any
// update?" judged as the report, the desk's own question in the thread
// read as the customer's words. The rules then learned the layout of mail
// (mail.go: header blocks and reply lines become one boundary line;
// signature, disclaimer and mobile paragraphs at the end of each message
// go; a follow-up note hands over to the message it quotes or forwards)
// and to read a reply under its thread's subject, its time from its new
// words first (triage.go), tuned on the tuned half's misses only. After:
// tuned 0.997 / 0.999 (0.997), held out 0.971 / 0.959 (0.944), every
// labeled set's figures the same but holdout6's service (+1 ticket). One
// variant tried (a long reply claiming nothing judged on its own words)
// was dropped when the held-out aggregate fell (0.947 / 0.949): that
// look chose between two rules, so the held-out figure is a little
// optimistic. The held-out scaffolds were written by the tuner, who then
// wrote the multilingual disclaimer concepts: on their vocabulary the
// held-out half is optimistic too; on their layout (languages of reply
// lines and header blocks the tuned half lacks) it is not.
func TestMailScaffolding_keepsVerdicts(t *testing.T) {
	if testing.Short() {
		t.Skip("triages every sampled ticket once per scaffold")
	}
	figuresWithoutRace(t)
	perScaffold := map[string]*keptTally{}
	perHalf := map[string]*keptTally{"tuned": {}, "held out": {}}
	var misses []string
	listMisses := os.Getenv("DESKGATE_SCAFFOLD_MISSES") != ""
	halves := []struct {
		name string
		list []scaffold
	}{{"tuned", tunedScaffolds}, {"held out", heldOutScaffolds}}
	every := scaffoldEvery
	if n, err := strconv.Atoi(os.Getenv("DESKGATE_SCAFFOLD_EVERY")); err == nil && n > 0 {
		every = n
	}
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
			if (right-1)%every != 0 {
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
					for _, c := range []*keptTally{perHalf[half.name], perScaffold[sc.name]} {
						if c == nil {
							c = &keptTally{}
							perScaffold[sc.name] = c
						}
						c.add(sevSame, svcSame)
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
		sampled, every, len(tunedScaffolds), len(heldOutScaffolds))
	names := make([]string, 0, len(tunedScaffolds))
	for _, sc := range tunedScaffolds {
		names = append(names, sc.name)
	}
	sort.Strings(names)
	for _, n := range names {
		c := perScaffold[n]
		t.Logf("  %-34s %s", n, c.line())
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
