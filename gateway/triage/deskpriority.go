package triage

import "fmt"

// Round sixty-one: the desk's priority chooses, it does not add. Every
// desk has a priority field, set by the requester, a form or an agent;
// the scorer used to add its weight to the words' and the logs' like any
// other signal, so an urgent priority could carry one writer's failure a
// level further than the words and logs go, and a low one could take a
// level off a failure they settle. Here the scorer first reads the ticket
// without the priority. Where the two most probable levels it leaves are
// adjacent and the runner-up is nearly as probable as the leader
// (priorityOpen), the words and logs leave the choice open: an urgent or
// high priority takes the higher of the two, a low one the lower. Where
// they settle one level, the priority does not move it.

// priorityOpen is the share of the leading level's probability the
// adjacent runner-up must reach for the words and logs to leave the
// choice between them open.
const priorityOpen = 0.5

// withoutPriority returns x without the desk priority's signals.
func withoutPriority(x signalVector) signalVector {
	x[sigPriorityUrgent], x[sigPriorityHigh], x[sigPriorityLow] = 0, 0, 0
	return x
}

// priorityDirection is +1 for a priority that asks for more (urgent,
// high), −1 for low and 0 for any other (normal, none).
func priorityDirection(priority string) int {
	switch priority {
	case "urgent", "high":
		return 1
	case "low":
		return -1
	}
	return 0
}

// priorityChooses predicts a severity from x with the desk's priority read
// as choosing between two adjacent levels the other signals leave open.
// It returns the severity, its probability read with the priority (the
// confidence, as before), and a reason when the priority chose or when it would have moved the verdict
// and did not (empty otherwise).
func priorityChooses(m *model, x *signalVector, priority string) (string, float64, string) {
	x0 := withoutPriority(*x)
	p := m.probs(&x0)
	best, second := 0, -1
	for k := 1; k < 4; k++ {
		if p[k] > p[best] {
			best = k
		}
	}
	for k := 0; k < 4; k++ {
		if k != best && (second < 0 || p[k] > p[second]) {
			second = k
		}
	}
	pf := m.probs(x)
	dir := priorityDirection(priority)
	open := (second-best == 1 || best-second == 1) && p[second] >= priorityOpen*p[best]
	// Clean logs under words that claim reach (an outage, many users, a
	// share failing) have settled the reach: the labeling conventions
	// lower such a claim to medium, and a priority does not lift it back.
	reachClean := x[sigLogSpike] < 0 && (x[sigSpikeWide] < 0 || x[sigScopeShare] == 1 || x[sigClaimPartial] == 1)
	settled := "the words and logs settle it"
	if reachClean && dir > 0 {
		dir, settled = 0, "clean logs settle the reach the words claim"
	}
	// Critical is the many blocked: where the service's logs say something
	// (the main model) and show no error spike, a priority does not choose
	// it; a warning rise is slowness.
	if dir > 0 && best == 2 && m != &fittedText && x[sigLogSpike] <= 0 {
		dir, settled = 0, "critical needs an error spike in the logs"
	}
	// A resolution, a thanks, a question or a request: the priority was set
	// for what the thread reported, the words now say it ended or ask.
	if dir > 0 && (x[sigClaimResolved] == 1 || x[sigClaimLow] == 1) {
		dir, settled = 0, "the words report no current failure"
	}
	if dir != 0 && open && (second-best)*dir > 0 {
		return severities[second], pf[second], fmt.Sprintf("the desk's %s priority chose %s over %s, which the words and logs leave open (%.0f%% against %.0f%%)",
			priority, severities[second], severities[best], p[second]*100, p[best]*100)
	}
	if full, _ := m.predict(x); full != severities[best] {
		return severities[best], pf[best], fmt.Sprintf("the desk's %s priority does not move %s: %s", priority, severities[best], settled)
	}
	return severities[best], pf[best], ""
}
