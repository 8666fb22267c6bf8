package triage

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

//go:generate go test -run TestScorer_leaveOneSetOut -args -refit

// The severity of a ticket that is not settled by the contract (security,
// data loss, privacy) is the verdict of a small ordinal logistic model over
// explicit signals: what kind of failure the words claim, how widely, what
// the logs of the attributed service show in the ticket's window, whether
// that service is a core flow, and the desk priority. Each signal is 0 or 1
// (those of the logs −1 to 1); the score is the sum of the weights of the
// signals present, and three cut points split it into low, medium, high and
// critical. The weights are fitted on the tuning sets only (score_test.go
// refits them and reports leave-one-set-out figures), with an L2 penalty:
// the strongest whose leave-one-set-out figure is within one ticket of the
// best, so that each weight stays readable and none fits one ticket.

// Signal indexes; signalNames says what each means. Words: the kind of
// failure (one of seven) and its scope (one of three, or none). Logs: the
// attributed service's evidence in the window, counted +1 for a spike, −1
// when clean and 0 when there is no evidence either way, so that a ticket
// without logs sits between the two; alone and with a core flow and a wide
// claim.
const (
	sigClaimOutage = iota
	sigClaimOne
	sigClaimDegraded
	sigClaimPartial
	sigClaimLow
	sigClaimResolved
	sigClaimUnclear
	sigScopeMany
	sigScopeShare
	sigScopeOne
	sigPaying
	sigAsserted
	sigLogSpike
	sigLogModerate
	sigCore
	sigSpikeCore
	sigSpikeWide
	sigSpikeCoreWide
	sigModerateCore
	sigPastTime
	sigSlowConfirmed
	sigNoService
	sigPriorityUrgent
	sigPriorityHigh
	sigPriorityLow
	sigRawOutage
	sigRawFailure
	sigRawDegraded
	sigRawAsk
	sigRawBilling
	sigQuestionMark
	nSignals
)

// signalNames are the signals as --explain names them.
var signalNames = [nSignals]string{
	sigClaimOutage:    "words: outage for many",
	sigClaimOne:       "words: failure for one or a few users",
	sigClaimDegraded:  "words: slowness or partial degradation",
	sigClaimPartial:   "words: a stated share failing",
	sigClaimLow:       "words: question, request, billing or cosmetic",
	sigClaimResolved:  "words: resolution or thanks",
	sigClaimUnclear:   "words: no clear failure or question",
	sigScopeMany:      "scope: many or all users",
	sigScopeShare:     "scope: a share or rate",
	sigScopeOne:       "scope: one user or the writer",
	sigPaying:         "a paying or key customer",
	sigAsserted:       "words assert the service is down",
	sigLogSpike:       "logs: error spike on the service",
	sigLogModerate:    "logs: moderate rise on the service (a claim of reach)",
	sigCore:           "the service is a core flow",
	sigSpikeCore:      "logs: error spike on a core flow",
	sigSpikeWide:      "logs: error spike under a claim of wide impact",
	sigSpikeCoreWide:  "logs: error spike on a core flow under a claim of wide impact",
	sigModerateCore:   "logs: moderate rise on a core flow",
	sigPastTime:       "the ticket names a past time",
	sigSlowConfirmed:  "logs confirm the slowness (warning rise)",
	sigNoService:      "no service attributed to words without a failure",
	sigPriorityUrgent: "desk priority urgent",
	sigPriorityHigh:   "desk priority high",
	sigPriorityLow:    "desk priority low",
	sigRawOutage:      "outage words anywhere",
	sigRawFailure:     "failure words anywhere",
	sigRawDegraded:    "slowness words anywhere",
	sigRawAsk:         "how-to or feature words anywhere",
	sigRawBilling:     "billing words anywhere",
	sigQuestionMark:   "a question mark",
}

// cleanNames name the log signals when they count −1: the logs are clean.
var cleanNames = map[int]string{
	sigLogSpike:      "logs: the service is clean",
	sigSpikeCore:     "logs: a core flow is clean",
	sigSpikeWide:     "logs: clean under a claim of wide impact",
	sigSpikeCoreWide: "logs: a core flow is clean under a claim of wide impact",
}

// claimSignals are the failure kinds the scorer tells apart; any other
// claim the scorer sees is unclear.
var claimSignals = map[claim]int{claimOutage: sigClaimOutage, claimOne: sigClaimOne, claimDegraded: sigClaimDegraded,
	claimPartial: sigClaimPartial, claimLow: sigClaimLow, claimResolved: sigClaimResolved}

// signalName names signal i at value v.
func signalName(i int, v float64) string {
	if n, ok := cleanNames[i]; ok && v < 0 {
		return n
	}
	return signalNames[i]
}

// signalVector is one ticket's signals.
type signalVector [nSignals]float64

// readSignalVector turns the facts, the attributed service's log level and
// whether it is a core flow into the scorer's signals.
func readSignalVector(f *facts, service, level string, core bool) signalVector {
	var x signalVector
	set := func(i int, on bool) {
		if on {
			x[i] = 1
		}
	}
	if i, ok := claimSignals[f.claim]; ok {
		x[i] = 1
	} else {
		x[sigClaimUnclear] = 1
	}
	s := &f.sig
	// A resolution's failure words and scope describe the failure that
	// ended ("the cart error is gone now", "everyone can log in again"):
	// they are not a current failure and do not count.
	over := f.claim == claimResolved
	// One scope, the most specific the words state: a share, else many,
	// else one user.
	share := !over && len(active(s.share)) > 0 && len(active(s.total)) == 0
	many := !over && !share && len(active(s.many)) > 0
	set(sigScopeShare, share)
	set(sigScopeMany, many)
	set(sigScopeOne, !over && !share && !many && len(active(s.one))+len(active(s.self)) > 0)
	set(sigPaying, len(active(s.paying)) > 0)
	set(sigAsserted, len(active(s.assert)) > 0)
	// The logs corroborate a report, or stand in for unclear words; a
	// question or a thanks is not made worse by an incident running then.
	if f.claim != claimLow && f.claim != claimResolved {
		wide := 0.0
		if f.claim == claimOutage || many {
			wide = 1
		}
		// A moderate rise confirms a claim of reach (many, a share) or
		// stands in for unclear words; what one user saw is not made part
		// of it: only a spike does that (design: one user's failure during
		// a strong spike is high). For one user's slowness the warnings
		// that rose do not count either: what the failures show does.
		oneScoped := f.claim == claimOne || x[sigScopeOne] == 1 && wide == 0 && !share
		if oneScoped && f.slowConfirmed {
			level = f.failureLevel
		}
		spike := 0.0
		switch level {
		case LevelStrong:
			spike = 1
		case LevelClean:
			spike = -1
		}
		c := 0.0
		if core {
			c = 1
		}
		moderate := 0.0
		if level == LevelModerate && !oneScoped {
			moderate = 1
		}
		x[sigLogSpike] = spike
		x[sigLogModerate] = moderate
		x[sigCore] = c
		x[sigSpikeCore] = spike * c
		x[sigSpikeWide] = spike * wide
		x[sigSpikeCoreWide] = spike * c * wide
		x[sigModerateCore] = moderate * c
	}
	set(sigPastTime, pastWindow(f.ref, f.created))
	set(sigSlowConfirmed, f.slowConfirmed)
	// No service counts against words that describe no failure (a
	// question, a call-back request); a failure reported on something no
	// service stands for (the writer's dashboard, a report page) is still
	// a real defect.
	failing := f.claim == claimOutage || f.claim == claimOne || f.claim == claimDegraded || f.claim == claimPartial
	set(sigNoService, service == "" && !failing)
	set(sigPriorityUrgent, f.priority == "urgent")
	set(sigPriorityHigh, f.priority == "high")
	set(sigPriorityLow, f.priority == "low")
	set(sigRawOutage, !over && len(active(s.outage)) > 0)
	set(sigRawFailure, !over && len(active(s.failure)) > 0)
	set(sigRawDegraded, !over && len(active(s.degraded)) > 0)
	set(sigRawAsk, len(active(s.howto))+len(active(s.feature)) > 0)
	set(sigRawBilling, len(active(s.billing)) > 0)
	set(sigQuestionMark, s.question)
	return x
}

// model is an ordinal logistic model: P(severity above level k) =
// σ(w·x − cut[k]) for k = low, medium, high.
type model struct {
	w   signalVector
	cut [3]float64
}

// fitted is the model the triage uses when the logs say something of the
// attributed service, spike or clean (score_weights.go).
var fitted = model{w: fittedWeights, cut: fittedCuts}

// fittedText is the model for a ticket whose service has no log evidence
// either way — no log source, no lines in the window, or no service. The
// main model was fitted on worlds where every service has logs: there a
// core flow's weight is offset by the clean or spike signals that always
// come with it, and without them it reads every core-flow report as an
// incident. This one is fitted on the same tickets with their log signals
// dropped, so it says what the words alone predict across the worlds —
// the text-only calibration (score_weights.go).
var fittedText = model{w: fittedTextWeights, cut: fittedTextCuts}

// logSignals are the signals the logs set; textOnly drops them.
var logSignals = []int{sigLogSpike, sigLogModerate, sigSpikeCore, sigSpikeWide, sigSpikeCoreWide, sigModerateCore, sigSlowConfirmed}

// textOnly returns x without the signals of the logs.
func textOnly(x signalVector) signalVector {
	for _, i := range logSignals {
		x[i] = 0
	}
	return x
}

// logsContradict reports whether a ticket's logs moved its label away from
// what its words claim: a spike under words that claim no wide impact (one
// user's failure during an incident is high by the labeling conventions),
// or clean logs under a claim of wide impact (lowered to medium). The
// text-only model is fitted without them: with no evidence either way, a
// report is taken at its word.
func logsContradict(x *signalVector) bool {
	return x[sigLogSpike] > 0 && x[sigSpikeWide] == 0 || x[sigLogSpike] < 0 && x[sigSpikeWide] < 0
}

// modelFor is the model for a ticket whose service's logs are at level.
func modelFor(level string) (*model, bool) {
	if level == LevelNoData || level == "" {
		return &fittedText, true
	}
	return &fitted, false
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

func (m *model) score(x *signalVector) float64 {
	z := 0.0
	for i, v := range x {
		z += m.w[i] * v
	}
	return z
}

// probs are the probabilities of low, medium, high and critical.
func (m *model) probs(x *signalVector) [4]float64 {
	z := m.score(x)
	var above [3]float64
	for k := range above {
		above[k] = sigmoid(z - m.cut[k])
	}
	return [4]float64{1 - above[0], above[0] - above[1], above[1] - above[2], above[2]}
}

var severities = [4]string{Low, Medium, High, Critical}

// predict returns the most probable severity and its probability.
func (m *model) predict(x *signalVector) (string, float64) {
	p := m.probs(x)
	best := 0
	for k := 1; k < 4; k++ {
		if p[k] > p[best] {
			best = k
		}
	}
	return severities[best], p[best]
}

// contribution is one signal's share of a score.
type contribution struct {
	signal int
	value  float64
	weight float64
}

func (c contribution) String() string {
	return fmt.Sprintf("%s %+.2f", signalName(c.signal, c.value), c.weight)
}

// contributions are the signals present, largest effect first.
func (m *model) contributions(x *signalVector) []contribution {
	var cs []contribution
	for i, v := range x {
		if v != 0 && m.w[i] != 0 {
			cs = append(cs, contribution{i, v, m.w[i] * v})
		}
	}
	sort.SliceStable(cs, func(a, b int) bool { return math.Abs(cs[a].weight) > math.Abs(cs[b].weight) })
	return cs
}

// plainNames say what a signal means to a support agent, for the reasons
// that go into the desk's internal note; the weights, the score and the
// cuts stay in --explain. %s is the attributed service.
var plainNames = [nSignals]string{
	sigClaimOutage:    "outage words for many users",
	sigClaimOne:       "a failure for one or a few users",
	sigClaimDegraded:  "slowness or partial degradation",
	sigClaimPartial:   "a share of requests failing",
	sigClaimLow:       "a question, request, billing or cosmetic matter",
	sigClaimResolved:  "the writer says it works again",
	sigClaimUnclear:   "no clear failure described",
	sigScopeMany:      "many or all users affected",
	sigScopeShare:     "a stated share failing",
	sigScopeOne:       "one user or the writer only",
	sigPaying:         "a paying or key customer",
	sigAsserted:       "the writer says the service is down",
	sigLogSpike:       "error spike in the logs",
	sigLogModerate:    "a moderate error rise in the logs",
	sigCore:           "core flow (%s)",
	sigSpikeCore:      "error spike in the logs",
	sigSpikeWide:      "error spike in the logs",
	sigSpikeCoreWide:  "error spike in the logs",
	sigModerateCore:   "a moderate error rise in the logs",
	sigPastTime:       "a past time named in the ticket",
	sigSlowConfirmed:  "the logs show the slowness",
	sigNoService:      "no service identified",
	sigPriorityUrgent: "urgent desk priority",
	sigPriorityHigh:   "high desk priority",
	sigPriorityLow:    "low desk priority",
	sigRawOutage:      "outage words",
	sigRawFailure:     "failure words",
	sigRawDegraded:    "slowness words",
	sigRawAsk:         "how-to or feature words",
	sigRawBilling:     "billing words",
	sigQuestionMark:   "a question",
}

// plainCleanNames name the log signals when the logs are clean.
var plainCleanNames = map[int]string{
	sigLogSpike:      "clean logs in the window",
	sigSpikeCore:     "clean logs in the window",
	sigSpikeWide:     "clean logs in the window",
	sigSpikeCoreWide: "clean logs in the window",
}

// plainName is signal i at value v in an agent's words.
func plainName(i int, v float64, service string) string {
	if n, ok := plainCleanNames[i]; ok && v < 0 {
		return n
	}
	if i == sigCore {
		return fmt.Sprintf(plainNames[i], service)
	}
	return plainNames[i]
}

// plainReason is the scorer's verdict for the desk's internal note: the
// signals that pushed the ticket up and those that held it down, largest
// first and in plain words — no weights, score or cuts.
func (m *model) plainReason(x *signalVector, sev, service string) string {
	var up, down []string
	for _, c := range m.contributions(x) {
		if math.Abs(c.weight) < 0.2 {
			continue // too small to have decided anything
		}
		n := plainName(c.signal, c.value, service)
		// The log signals and their combinations say one thing to an
		// agent: name it once, where it weighs most.
		if slices.Contains(up, n) || slices.Contains(down, n) {
			continue
		}
		if c.weight > 0 && len(up) < 4 {
			up = append(up, n)
		} else if c.weight < 0 && len(down) < 3 {
			down = append(down, n)
		}
	}
	s := decisionPrefix(sev)
	if len(up) == 0 {
		s += "nothing that points to a failure"
	} else {
		s += strings.Join(up, ", ")
	}
	if len(down) > 0 {
		s += "; held down by: " + strings.Join(down, ", ")
	}
	return s
}

// decisionPrefix opens the reason line that names what decided a verdict
// of severity sev.
func decisionPrefix(sev string) string { return sev + ", decided by: " }
