package triage

import (
	"fmt"
	"time"
)

// Round fifty-six: a reply whose own new words claim nothing, sent after
// the thread's spike ended, is a resolution (issue #14).
//
// A reply's new words that read no failure, no question and no claim of
// their own are read under the thread's "Re:" subject (run), so the old
// subject's failure ("Re: can't buy premium") becomes the claim. When the
// words that end it are not in the lists ("works now!! thank u", "voltou
// aqui!! obrigada", "orders coming thru again … can close"), nothing else
// tells a "still broken" from an "it works again". The logs do: a reply
// written after the failure the thread is about ended says it ended.

// endedReplyReason is the words' reason for such a reply.
const endedReplyReason = "a reply whose new words claim nothing, written after the thread's failure ended in the logs: a resolution, the subject's failure is the thread's, not the reply's claim"

// endedUnderSubject re-judges a reply whose claim is its subject's (f as
// read under it) as a resolution, when the failure the thread is about
// ended before the reply: the service a resolution would be about
// (pickService's ended pick, the failure over) shows a moderate or strong
// anomaly in the window that is no longer running when the reply is
// written (stillRunning) and ended at most justEnded before it: a spike
// hours earlier is another stretch than the thread's. ok is false, and v
// is not used, otherwise.
func (t *Triager) endedUnderSubject(f *facts, v verdict, tr *trace) (verdict, bool) {
	if f.ev == nil || f.claim == claimLow || f.claim == claimResolved || f.claim == claimPrivacy ||
		f.claim == claimSecurity || f.claim == claimDataLoss {
		return v, false
	}
	rf := *f
	rf.claim, rf.slowConfirmed, rf.failureLevel = claimResolved, false, ""
	rf.sig.over = true
	service, se, _ := t.pickService(&rf)
	if service == "" || se == nil || levelRank(se.Level) < levelRank(LevelModerate) || se.End.IsZero() || stillRunning(se, f.created) ||
		se.End.Before(f.created.Add(-justEnded)) {
		return v, false
	}
	tr.f("reply: its new words claim nothing and %s's failure ended at %s, before it: a resolution", service, se.End.UTC().Format("15:04 UTC"))
	rv := t.decide(&rf, tr)
	rv.reasons = append(rv.reasons, fmt.Sprintf("%s's failure ended at %s, before the reply", service, se.End.UTC().Format("15:04 UTC")))
	*f = rf
	return rv, true
}

// justEnded is how long before a reply the thread's failure may have
// ended for the reply to tell of its end: an hour.
const justEnded = time.Hour
