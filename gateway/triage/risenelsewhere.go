package triage

import (
	"fmt"
	"slices"
	"time"
)

// Round eighty-two: a failure report whose words pick a service that is
// clean in the window, while one other service, and only one, fails
// strongly while the report stands, is that other service's when the
// words touch it too: they name it by a word the matcher reads (its name,
// an alias, a built-in synonym), describe a step of its flow, hold a word
// of its aliases no other service's aliases hold, or a word of its own
// risen failure log lines. A card payment told under the shop's word for
// what was bought (checkout-api's) while payments fails; a code that
// "does not work" beside the SMS it came in (the notifications') while
// auth, which checks it, fails. The service moves, and with it the
// severity the logs decide (a failure for one during a strong spike is
// high; many blocked on a core flow, critical).
//
// Guards (the words are kept):
//   - no failure report (a question, how-to, feature request, billing,
//     privacy, security or data-loss report, a resolution), or words
//     largely unread; how-to or feature words, or a how-to told by its
//     shape, anywhere in it; a report of how a thing looks that shows
//     no error;
//   - the words' service is no clean one: a moderate rise or more that
//     is not stale (a worded rise that ended before a report of the
//     present is clean), for slowness its warnings rose, or no log lines
//     of its own;
//   - money taken and the thing bought not given, told of the order's
//     service: the outcome decides, whatever the payments' logs show;
//   - no other service, or two or more, rise moderately or more while
//     the report stands; the one that rises is no strong spike, or is no
//     longer running when a report of the present was written
//     (spikeSinceOnset: a fresh spike read from its onset, others by
//     spikeAtReport);
//   - the words name the clean service by its own name in a clause that
//     states the failure ("payments fail"): its own failure, named;
//   - the words do not touch the risen service; or touch it only by a
//     flow step or a vocabulary word while they name the clean service
//     by any word the matcher reads in a clause that states the failure
//     ("volunteers couldn't log in", the ticket's "matching hour" a word
//     of the failing service's log lines), or by its own name anywhere
//     ("my payment refund is still not back", an order's flow word
//     beside it).
// A charge the writer only fears or asks about (signals.worried) touches
// nothing; nor does a word the product lexicon lent (borrowed) while the
// clean service is named by a word of its own (lentOverOwn's rule:
// "recharger la page" beside "la recherche").

// risenElsewhere is the one other service, failing strongly while the
// report stands, that a failure report's words touch when the service
// they pick (service, se) is clean in the window, and the reason; nil
// otherwise.
func (t *Triager) risenElsewhere(f *facts, service string, se *ServiceEvidence) (*ServiceEvidence, string) {
	if service == "" || se == nil || f.ev == nil || !failureClaim(f.claim) || f.unread ||
		levelRank(se.Level) >= levelRank(LevelModerate) && !stale(f.ev, se, f.ref, f.created, f.sig.over) ||
		f.claim == claimDegraded && se.WarnRise ||
		accountBilling(&f.sig) && !failedNotBilled(&f.sig) ||
		len(active(f.sig.howto))+len(active(f.sig.feature))+len(f.sig.askShape) > 0 ||
		len(active(f.sig.cosmetic)) > 0 && !showsError(&f.sig) ||
		service == t.orderService && paidAndNotGiven(f) {
		return nil, ""
	}
	// A report of the present is tied only to a failure still running
	// (as clearAnomaly and logWordsService tie one); an outage claim or a
	// past time named to any in its window.
	current := f.claim != claimOutage && !pastWindow(f.ref, f.created)
	var risen []*ServiceEvidence
	for _, o := range f.ev.Ranked() {
		if o.Service == service || !t.known(o.Service) || levelRank(o.Level) < levelRank(LevelModerate) ||
			stale(f.ev, o, f.ref, f.created, f.sig.over) || current && o.End.Before(f.created.Add(-staleAfter)) {
			continue
		}
		risen = append(risen, o)
	}
	if len(risen) != 1 {
		return nil, ""
	}
	o := risen[0]
	if o.Level != LevelStrong || !spikeSinceOnset(o, f.ref, f.created) {
		return nil, ""
	}
	// The words' mentions, weak ones too, read once for the checks below.
	ms := t.matcher.findAll(f.toks, true)
	if failsWhereNamed(&f.sig, mentionsOf(ms, service, strengthName)) {
		return nil, ""
	}
	how, byWord := t.wordsTouch(f, ms, o.Service, ownWordNames(ms, service))
	if how == "" || !byWord && (failsWhereNamed(&f.sig, mentionsOf(ms, service, strengthSynonym)) ||
		len(mentionsOf(ms, service, strengthName)) > 0) {
		return nil, ""
	}
	return o, fmt.Sprintf("%s, the service the words pick, is clean in the window; %s, which the words touch (%s), is the one service failing strongly while the report stands: %s",
		service, o.Service, how, o.Service)
}

// ownWordNames reports whether the mentions ms name service by a word
// the matcher reads that the product lexicon did not lend (borrowed).
func ownWordNames(ms []ServiceMention, service string) bool {
	return slices.ContainsFunc(ms, func(m ServiceMention) bool { return m.Service == service && !borrowed(m) })
}

// paidAndNotGiven reports whether the words tell money taken and the
// thing bought not given (paidNotGiven, on which relevantMentions moves a
// ticket to the order's service): the outcome decides.
func paidAndNotGiven(f *facts) bool {
	paid, missing := f.paidNotGiven()
	return len(paid) > 0 && len(missing) > 0
}

// mentionsOf are the mentions in ms of service by a word of at least
// strength (strengthName: its own name; strengthSynonym: any word the
// matcher reads).
func mentionsOf(ms []ServiceMention, service string, strength int) []ServiceMention {
	var out []ServiceMention
	for _, m := range ms {
		if m.Service == service && m.Strength >= strength {
			out = append(out, m)
		}
	}
	return out
}

// wordsTouch says how the ticket's words touch service, "" when they do
// not: by a word the matcher reads (its name, an alias, a built-in
// synonym; byWord set), by a step of its flow, by a word of its aliases
// no other service's aliases hold (serviceVocab), or by a word of its
// risen failure log lines (serviceLogWords) that is no everyday or code
// word and names no service. A word in a clause that denies or clears it
// (clearedAt: "the card payment went through fine"; for the words of the
// last two, logContentWords sets claim words aside too), or a charge the
// writer only fears or asks about (signals.worried), touches nothing.
// ms are the words' mentions (findAll, weak ones kept).
func (t *Triager) wordsTouch(f *facts, ms []ServiceMention, service string, ownNamed bool) (how string, byWord bool) {
	cleared := clearedAt(f.toks, &f.sig, claimedAt(&f.sig))
	at := func(m ServiceMention) bool {
		return slices.ContainsFunc(mentionsAt(m), func(p int) bool { return !f.sig.worried[p] && !cleared(p) })
	}
	for _, m := range ms {
		if m.Service == service && at(m) && !(ownNamed && borrowed(m)) {
			return fmt.Sprintf("its word %q", m.Phrase), true
		}
	}
	for _, m := range flowMentions(t.p.Services, f.toks) {
		if m.Service == service && at(m) {
			return fmt.Sprintf("a step of its flow, %q", m.Phrase), false
		}
	}
	words := logContentWords(f.toks, &f.sig)
	if v := t.cachedVocabularies(f.ev)[service]; v != nil {
		aliasOnly := slices.DeleteFunc(slices.Clone(v.words), func(l string) bool { return !v.alias[l] })
		if _, shared := sharedLogWords(words, aliasOnly); len(shared) > 0 {
			return fmt.Sprintf("a word of its aliases, %q", shared[0]), false
		}
	}
	logShared, shared := sharedLogWords(words, f.ev.serviceLogWords(service))
	for i, w := range logShared {
		if !everydayLogWords[logWordKey(w)] && !t.namesService(w) {
			return fmt.Sprintf("a word of its failing log lines, %q", shared[i]), false
		}
	}
	return "", false
}

// spikeSinceOnset is spikeAtReport for a spike that began less than
// staleAfter before a report of the present: the minutes since its onset
// must fail at about its rate, not the quarter hour before the report
// (most of it still clean before a fresh spike or a blip).
func spikeSinceOnset(se *ServiceEvidence, ref TimeRef, created time.Time) bool {
	// no onset or minutes read, a past time named, an onset staleAfter or
	// more before the report or after it, a spike ended before it: not
	// fresh, spikeAtReport judges
	if se == nil || se.Onset.IsZero() || pastWindow(ref, created) || len(se.Minutes) == 0 ||
		!se.Onset.After(created.Add(-staleAfter)) || se.Onset.After(created) || se.End.Before(created.Add(-staleAfter)) {
		return spikeAtReport(se, ref, created)
	}
	// the minutes from the onset's to the report's, both counted
	return lastMinutesFail(se, int(created.Sub(se.Onset)/time.Minute)+1)
}
