package triage

import (
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
)

var refit = flag.Bool("refit", false, "refit the scorer's weights on the tuning sets and rewrite score_weights.go")

// tuningSets are the labeled sets the scorer may be fitted on; the blind
// set (original holdout) is never read here. holdout3 is tuning data from
// round four on.
func tuningSets(t *testing.T) []labeledSet {
	t.Helper()
	var out []labeledSet
	for _, s := range labeledSets {
		if !s.blind && !s.outOfFit {
			out = append(out, s)
		}
	}
	if len(out) != 4 {
		t.Fatalf("%d tuning sets, want 4 (original, training, holdout2, holdout3)", len(out))
	}
	return out
}

// example is one tuning ticket as the scorer sees it.
type example struct {
	set, name string
	want      label
	service   string // the service triage attributed
	contract  string // the severity the contract fixed, "" when scored
	floor     string // the contract's least severity for a scored ticket
	x         signalVector
	textOnly  bool // no log evidence for the service: the text-only model judges it
}

func examplesOf(t *testing.T, s labeledSet) []example {
	t.Helper()
	p := worldOf(t, s.project)
	tickets, labels := loadTickets(t, s.dir)
	names := make([]string, 0, len(labels))
	for n := range labels {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []example
	for _, tt := range triagedOf(t, s, p, tickets, names) {
		n, res, v := tt.name, tt.res, tt.v
		e := example{set: s.name, name: n, want: labels[n], service: res.AffectedService, x: v.x}
		if !v.scored {
			e.contract = v.sev
		}
		e.floor = v.floor
		e.textOnly = v.textOnly
		out = append(out, e)
	}
	return out
}

// models are the scorer's two models: with log evidence and text-only.
type models struct{ logs, text model }

// fitOn fits both models on the scored examples of es: the main one on
// their signals, the text-only one on the same tickets with the log
// signals dropped — leaving out those whose label the logs moved away from
// the words (logsContradict): with no evidence, the words are taken to be
// as the logs would have confirmed them.
func fitOn(es []example, o fitOptions) models {
	var xs, ts []signalVector
	var ys, tys []int
	for _, e := range es {
		if e.contract == "" {
			xs = append(xs, e.x)
			ys = append(ys, Rank(e.want.Severity))
			if !logsContradict(&e.x) {
				ts = append(ts, textOnly(e.x))
				tys = append(tys, Rank(e.want.Severity))
			}
		}
	}
	return models{logs: fitModel(xs, ys, o), text: fitModel(ts, tys, o)}
}

// judgeWith turns examples into outcomes under the models ms; withoutLogs
// judges every ticket as if its service had no logs.
func judgeWith(es []example, ms models, withoutLogs bool) []outcome {
	out := make([]outcome, 0, len(es))
	for _, e := range es {
		sev := e.contract
		if sev == "" {
			m, x := &ms.logs, e.x
			if e.textOnly || withoutLogs {
				m, x = &ms.text, textOnly(e.x)
			}
			sev, _ = m.predict(&x)
			// The contract's floors apply as triage applies them; the
			// critical one rests on a spike, which a world without logs
			// does not have.
			if Rank(sev) < Rank(e.floor) && !(withoutLogs && e.floor == Critical) {
				sev = e.floor
			}
		}
		out = append(out, outcome{name: e.name, want: e.want, got: Result{Severity: sev, AffectedService: e.service}})
	}
	return out
}

// cvFloor is what each held-out tuning set must keep when the scorer is
// fitted on the other three: a regression guard a little below the
// measured leave-one-set-out figures (see examples/tickets/README.md).
// holdout3, tuning data only since round four, is held to less: it was
// written apart from the word lists and still misses more.
var cvFloor = map[string]figures{
	"original": {exact: 0.90, withinOne: 0.97, service: 0.95},
	"training": {exact: 0.90, withinOne: 0.97, service: 0.95},
	"holdout2": {exact: 0.90, withinOne: 0.97, service: 0.95},
	"holdout3": {exact: 0.89, withinOne: 0.97, service: 0.97},
}

// TestScorer_leaveOneSetOut fits the scorer on all tuning sets but one and
// scores that one, for each, and reports those figures — the estimate of
// how the scorer carries to tickets it was not fitted on — then the fit on
// all of them, and the same tickets judged as if no service had logs (the
// text-only model alone). With -refit it rewrites score_weights.go from
// the fit on all:
//
//	go test ./gateway/triage -run TestScorer_leaveOneSetOut -v -args -refit
func TestScorer_leaveOneSetOut(t *testing.T) {
	figuresWithoutRace(t)
	sets := tuningSets(t)
	bySet := map[string][]example{}
	var all []example
	for _, s := range sets {
		bySet[s.name] = examplesOf(t, s)
		all = append(all, bySet[s.name]...)
	}
	var cvAll, cvNoLogs []outcome
	others := func(name string) []example {
		var train []example
		for _, o := range sets {
			if o.name != name {
				train = append(train, bySet[o.name]...)
			}
		}
		return train
	}
	for _, s := range sets {
		m := fitOn(others(s.name), defaultFit)
		outs := judgeWith(bySet[s.name], m, false)
		cvAll = append(cvAll, outs...)
		cvNoLogs = append(cvNoLogs, judgeWith(bySet[s.name], m, true)...)
		f, report := tally(outs, false)
		t.Logf("held out %s, fitted on the others:\n%s", s.name, report)
		checkFloor(t, "held-out "+s.name, f, cvFloor[s.name], "leave-one-set-out regression guard")
	}
	_, report := tally(cvAll, true)
	t.Logf("leave-one-set-out, all held-out sets together:\n%s", report)
	_, report = tally(cvNoLogs, true)
	t.Logf("leave-one-set-out, judged as if no service had logs (text-only model):\n%s", report)
	if os.Getenv("DESKGATE_SCORER_GRID") != "" {
		for _, lambda := range []float64{0.002, 0.005, 0.01, 0.02, 0.05, 0.1} {
			var line []string
			for _, s := range sets {
				f, _ := tally(judgeWith(bySet[s.name], fitOn(others(s.name), fitOptions{lambda: lambda, iters: defaultFit.iters}), false), true)
				line = append(line, fmt.Sprintf("%s %.3f/%.3f", s.name, f.exact, f.withinOne))
			}
			t.Logf("lambda %.3f: %s", lambda, strings.Join(line, "  "))
		}
	}

	m := fitOn(all, defaultFit)
	for _, s := range sets {
		_, report := tally(judgeWith(bySet[s.name], m, false), true)
		t.Logf("fitted on all, set %s:\n%s", s.name, report)
	}
	t.Logf("weights fitted on all:\n%s", formatModel(m))
	if os.Getenv("DESKGATE_SCORER_DUMP") != "" {
		for _, e := range all {
			if e.x[sigPaying] == 1 || os.Getenv("DESKGATE_SCORER_DUMP") == "all" {
				sev, p := m.logs.predict(&e.x)
				t.Logf("%s/%s want %s got %s (%.2f) %v", e.set, e.name, e.want.Severity, sev, p, e.x)
			}
		}
	}
	if *refit {
		src, err := format.Source([]byte(formatModel(m)))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("score_weights.go", src, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote score_weights.go")
	} else if !sameModel(m.logs, fitted, 1e-6) || !sameModel(m.text, fittedText, 1e-6) {
		t.Errorf("score_weights.go is not the fit of the tuning sets; refit with -args -refit")
	}
}

// formatModel is score_weights.go for ms.
func formatModel(ms models) string {
	var b strings.Builder
	b.WriteString("// Code generated by TestScorer_leaveOneSetOut -refit; DO NOT EDIT.\n\npackage triage\n\n")
	for _, m := range []struct {
		name, what string
		m          model
	}{{"fitted", "the scorer's", ms.logs}, {"fittedText", "the text-only model's (no log evidence)", ms.text}} {
		fmt.Fprintf(&b, "// %sWeights are %s weights, one per signal (score.go).\nvar %sWeights = signalVector{\n", m.name, m.what, m.name)
		for i, w := range m.m.w {
			fmt.Fprintf(&b, "\t%.17g, // %s\n", w, signalNames[i])
		}
		fmt.Fprintf(&b, "}\n\n// %sCuts split the score into low | medium | high | critical.\n", m.name)
		fmt.Fprintf(&b, "var %sCuts = [3]float64{%.17g, %.17g, %.17g}\n\n", m.name, m.m.cut[0], m.m.cut[1], m.m.cut[2])
	}
	return b.String()
}

// sameModel reports whether a and b agree to within tol: platforms that
// fuse multiply-adds may round the fit differently in the last bits.
func sameModel(a, b model, tol float64) bool {
	for i := range a.w {
		if math.Abs(a.w[i]-b.w[i]) > tol {
			return false
		}
	}
	for k := range a.cut {
		if math.Abs(a.cut[k]-b.cut[k]) > tol {
			return false
		}
	}
	return true
}

// A resolution's failure words and scope are the failure that ended: the
// scorer does not see them as a current failure.
func TestReadSignalVector_aResolutionCountsNoFailureOrScope(t *testing.T) {
	_, _, sig := readTicketOf(Ticket{Subject: "Re: cart", Description: "The cart error is gone now for all our customers, thanks!"})
	c, _ := classify(sig, &trace{})
	if c != claimResolved {
		t.Fatalf("claim %s, want resolved", c)
	}
	x := readSignalVector(&facts{claim: c, sig: sig}, "checkout-api", LevelStrong, true)
	for _, i := range []int{sigRawFailure, sigRawOutage, sigScopeMany, sigScopeOne, sigScopeShare, sigLogSpike} {
		if x[i] != 0 {
			t.Errorf("signal %q is %v in a resolution, want 0", signalNames[i], x[i])
		}
	}
	if x[sigClaimResolved] != 1 {
		t.Errorf("the resolution signal is not set")
	}
}

// The reasons that go into the desk's internal note read plainly: what
// decided, in an agent's words, each thing once — no weights, score,
// probability or cut points, which --explain keeps.
func TestPlainReason_readsForASupportAgent(t *testing.T) {
	_, _, sig := readTicketOf(Ticket{Subject: "Payments down", Description: "None of our customers can pay, every card payment fails."})
	c, _ := classify(sig, &trace{})
	x := readSignalVector(&facts{claim: c, sig: sig, priority: "urgent"}, "payments", LevelStrong, true)
	got := fitted.plainReason(&x, Critical, "payments")
	for _, want := range []string{"critical, decided by: ", "core flow (payments)", "error spike in the logs"} {
		if !strings.Contains(got, want) {
			t.Errorf("reason %q lacks %q", got, want)
		}
	}
	if strings.Count(got, "error spike") != 1 {
		t.Errorf("reason %q names the spike more than once", got)
	}
	if strings.ContainsAny(got, "+0123456789") || strings.Contains(got, "score") || strings.Contains(got, "cut") {
		t.Errorf("reason %q carries the scorer's numbers", got)
	}
	x = readSignalVector(&facts{claim: c, sig: sig}, "payments", LevelClean, true)
	if got := fitted.plainReason(&x, Medium, "payments"); !strings.Contains(got, "held down by: clean logs in the window") {
		t.Errorf("reason %q does not say the clean logs held it down", got)
	}
}

// fitOptions are the fitting settings.
type fitOptions struct {
	lambda float64 // L2 penalty per weight, relative to the number of examples
	iters  int
}

// defaultFit is how the committed weights were fitted.
var defaultFit = fitOptions{lambda: 0.01, iters: 4000}

// fitModel fits an ordinal logistic model to signals xs with severities ys
// (ranks 1–4) by gradient descent from zero: deterministic, no randomness.
// The cut points are kept ordered by fitting the first and the log gaps.
func fitModel(xs []signalVector, ys []int, o fitOptions) model {
	var w signalVector
	c0, g1, g2 := 0.0, 0.0, 0.0 // cut = c0, c0+e^g1, c0+e^g1+e^g2
	n := float64(len(xs))
	lr := 0.5
	for it := 0; it < o.iters; it++ {
		var gw signalVector
		var gc [3]float64
		cut := [3]float64{c0, c0 + math.Exp(g1), c0 + math.Exp(g1) + math.Exp(g2)}
		for i, x := range xs {
			z := 0.0
			for j, v := range x {
				z += w[j] * v
			}
			y := ys[i] - 1 // 0..3
			// P(y) = F(cut[y]-z) - F(cut[y-1]-z), F the logistic CDF of
			// the latent value; F(+inf)=1, F(-inf)=0.
			var hi, lo float64 = 1, 0
			var dhi, dlo float64
			if y < 3 {
				hi = sigmoid(cut[y] - z)
				dhi = hi * (1 - hi)
			}
			if y > 0 {
				lo = sigmoid(cut[y-1] - z)
				dlo = lo * (1 - lo)
			}
			p := math.Max(hi-lo, 1e-12)
			// d(-log p)/dz = (dhi - dlo)/p ; d/dcut[y] = -dhi/p ; d/dcut[y-1] = dlo/p
			dz := (dhi - dlo) / p
			for j, v := range x {
				gw[j] += dz * v
			}
			if y < 3 {
				gc[y] -= dhi / p
			}
			if y > 0 {
				gc[y-1] += dlo / p
			}
		}
		for j := range w {
			gw[j] = gw[j]/n + 2*o.lambda*w[j]
			w[j] -= lr * gw[j]
		}
		for k := range gc {
			gc[k] /= n
		}
		// chain rule through the ordered parametrisation
		dc0 := gc[0] + gc[1] + gc[2]
		dg1 := (gc[1] + gc[2]) * math.Exp(g1)
		dg2 := gc[2] * math.Exp(g2)
		c0 -= lr * dc0
		g1 -= lr * dg1
		g2 -= lr * dg2
	}
	return model{w: w, cut: [3]float64{c0, c0 + math.Exp(g1), c0 + math.Exp(g1) + math.Exp(g2)}}
}
