package triage

// Round ninety: a failure report whose words name no service, and which
// shares one word only with one service's own vocabulary (vocabplace.go),
// is that service's when the word is one of the service's failure log
// lines and stands in the clause that says what fails or is slow ("the
// unlock is very slow", "cant unlock any car" beside "unlock for
// vehicle=<id> waited <num>ms on telematics gateway"). Round sixty asked
// for two shared words, or one that is an alias's too: a world's log
// lines name its things in the operator's words, which the aliases often
// do not hold. Guards: only a failure report (a question's word is what it
// asks about, not what fails), the word in a clause with a failure, outage
// or slowness word (a word told beside the failure is not what failed),
// and no complaint about the account's own bill (accountBilling, as
// logWordsService reads it). Only the service is placed: the severity
// stays the one read without it.

// oneLogWordPlaces reports whether the single word (shared: the ticket's
// form; logShared: the service's) a failure report shares with one
// service's vocabulary v places it there.
func oneLogWordPlaces(f *facts, shared []string, v *serviceVocab, logShared []string) bool {
	if !failureClaim(f.claim) || len(logShared) != 1 || !v.logw[logShared[0]] ||
		accountBilling(&f.sig) && !failedNotBilled(&f.sig) {
		return false
	}
	hs := append(failedHits(&f.sig), active(f.sig.degraded)...)
	for i, t := range f.toks {
		if t.fw == shared[0] && inClauseOf(&f.sig, i, hs) {
			return true
		}
	}
	return false
}
