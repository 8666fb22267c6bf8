package triage

import (
	"fmt"
	"strings"
)

// Round ninety-five: security or data-loss words in a question the desk
// marked low. The design contract makes a possible breach and reported
// data loss critical whatever the logs show, and the words decide it
// (severity, triage.go). Most tickets two or three levels above their
// label are that contract taken on words the writer only asks about: a
// "payment failed" banner that is gone and what that means, an order
// e-mail the writer deleted and wants again, how to turn on two-step
// sign-in because a friend was hacked, "my boost is gone??". The desk
// that filed them marked them low, and the writer asks rather than
// reports. Two readers then agree the ticket is a question: the words no
// longer decide, and the ticket is scored as a question (claimLow), so an
// incident running in the logs does not make it worse.
//
// The contract stands when the desk did not mark the ticket low (a
// breach asked about at normal priority is still critical), when the
// writer asks nothing (no question mark in their own words, in any
// script: token.q), when the writer denies having removed anything
// ("we did not delete anything": the loss is asserted, deletedNothing),
// and when the words claim many people (the many scope).

// askedOnDeskLow reports whether f's security or data-loss claim is a
// question on a ticket the desk marked low, with the reason that says so.
//
// Mended after the round's review: a takeover told ("someone logged into
// my account … what should I do?") or another party's data shown is a
// report asked politely, not a question (takeover, partyExposed); so is an
// act the writer disowns ("changed my password, I never asked for this":
// disownedAct) and a failure told beside the words (describesFailure). A
// data loss is a question only when the writer removed the thing
// themselves (selfRemoved): saved data that vanished without them is the
// contract's loss, asked or not. A mark in pasted text (a URL's
// "reset?token=", token.code) asks nothing. The reason quotes the sentence
// the mark closes, and the mark as written.
func askedOnDeskLow(f *facts) (string, bool) {
	if (f.claim != claimSecurity && f.claim != claimDataLoss) || f.priority != "low" {
		return "", false
	}
	if _, ok := takeover(f.sig.security); ok || partyExposed(&f.sig) {
		return "", false
	}
	if _, ok := disownedAct(&f.sig); ok {
		return "", false
	}
	if describesFailure(&f.sig) {
		return "", false
	}
	if f.claim == claimDataLoss && len(active(f.sig.selfRemoved)) == 0 {
		return "", false
	}
	if len(active(f.sig.many)) > 0 || len(findAll(f.toks, deletedNothing)) > 0 {
		return "", false
	}
	for k := range f.toks {
		t := &f.toks[k]
		if t.q && !t.code {
			return askedReason(f, k), true
		}
	}
	return "", false
}

// askedReason says which sentence asked, quoting its words and its mark.
func askedReason(f *facts, k int) string {
	var ws []string
	for i := range f.toks[:k+1] {
		if sameSentence(&f.sig, i, k) {
			ws = append(ws, f.toks[i].raw)
		}
	}
	what := "data-loss"
	if f.claim == claimSecurity {
		what = "security"
	}
	return fmt.Sprintf("the %s words stand in a question (%q) on a ticket the desk marked low: read as a question, not decided by the words", what, strings.Join(ws, " ")+string(f.toks[k].mark))
}
