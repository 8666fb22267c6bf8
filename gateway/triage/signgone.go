package triage

import "fmt"

// Round fifty-nine: a sign of a failure that went away. Many low tickets
// tell that the banner, bar or error message the product showed is gone
// ("the red 'payment failed' bar is gone", "le bandeau d'erreur rouge a
// disparu") and ask what that means. The failure words they hold are the
// sign's own text or the time before it went: the newest state the
// writer reports is no failure. Such a ticket is low, as a resolution
// is, unless a failure word stands outside the clauses that carry the sign
// or a time before now, or a word says the failure goes on ("still").
// A ticket whose sign went away and that tells of no failure besides is
// lowered too, when it asks or says a thing works: a banner gone with a
// spike in the logs is no report of that spike.
//
// The review's mends: a security, privacy or data-loss claim is never
// lowered; clauses split at contrast words ("gone but now …") and only
// the failure words before the sign's verb are its own text; a time
// before now is an earlier word not after a since word; a sign's end
// ("the errors stopped") counts only with nothing but a time after it;
// the writer asks or says a thing works, as the labeled tickets do; a
// still word after the subject keeps the reading; and a bar is a sign
// only after a sign noun or a failure word (barNouns).
//
// The ended path reads only English today: subjectOf (words.go) and
// timeFiller are English, so "les erreurs ont cessé il y a dix minutes"
// is not read as a sign's end (the session read-through).

// signNouns are the things a product shows to signal a state: what goes
// away with the state. Whole words (stems as tokens carry them), in
// English and the sets' main languages. Messages and notifications are not
// among them: those are what users receive, and "my messages are gone" or
// "notifications stopped" is a failure. Bars are not either: a search,
// navigation or progress bar is a control, unless a sign noun or a
// failure word stands right before it (barNouns).
var signNouns = map[string]bool{
	"banner": true, "error": true, "warning": true, "notice": true, "popup": true, "alert": true,
	"fehler": true, "fehlermeldung": true, "hinweis": true, "warnung": true,
	"bandeau": true, "bannière": true, "erreur": true, "avertissement": true, "alerte": true,
	"aviso": true, "alerta": true, "errore": true, "avviso": true,
	"fout": true, "baner": true, "komunikat": true, "błąd": true,
	"erro": true, "баннер": true, "плашка": true, "ошибка": true,
}

// barNouns are bars, a sign only after its own text ("the red 'payment
// failed' bar").
var barNouns = map[string]bool{"bar": true, "balken": true, "barra": true, "balk": true, "pasek": true}

// signWentAway returns the vanish or ended words of s.gone that tell a
// sign went away, nil when none does or a rule keeps the reading:
//   - a sign noun (or a bar after a sign noun or a failure word) stands up
//     to 8 words before the word in its clause; an ended word ("stopped")
//     counts only with nothing but a time after it (onlyTimeAfter);
//   - the writer asks a question or says a thing works after the subject;
//   - no still word follows the subject;
//   - the writer's own words (toks before to) hold no failure outside
//     what comes before the sign's verb in its clause, a clause that
//     carries a sign and a time before now (an earlier word not after a
//     since word), or a subject that names the sign ("Error banner
//     gone?").
//
// Clauses split at contrast words ("gone, but now every payment fails").
// subjectEnd is where the subject ends; a reply's subject is the thread's
// topic, whatever failure it names.
func signWentAway(s *signals, toks []token, subjectEnd, to int, reply bool) []hit {
	if len(active(s.gone)) == 0 {
		return nil
	}
	cl := clausesSplitAt(toks, contrastWords)
	failed := map[int]bool{}
	for _, h := range active(s.failure) {
		failed[h.pos] = true
	}
	// sign[k]: toks[k] is a sign noun, or a bar after one or after a
	// failure word; read once, for the gone words and the clauses.
	sign := make([]bool, len(toks))
	for k, t := range toks {
		sign[k] = signNouns[t.w] || signNouns[t.raw]
		for j := k - 1; !sign[k] && barNouns[t.w] && j >= 0 && j >= k-3 && cl[j] == cl[k]; j-- {
			sign[k] = failed[j] || signNouns[toks[j].w]
		}
	}
	ended := map[int]bool{}
	for _, h := range s.ended {
		ended[h.pos] = true
	}
	var gone []hit
	for _, h := range active(s.gone) {
		if h.pos >= to || ended[h.pos] && !onlyTimeAfter(toks, cl, h) {
			continue
		}
		for k := h.pos - 1; k >= 0 && k >= h.pos-8 && cl[k] == cl[h.pos]; k-- {
			if sign[k] {
				gone = append(gone, h)
				break
			}
		}
	}
	if len(gone) == 0 {
		return nil
	}
	// The sign's own text comes before its verb: up to the last such verb
	// in each clause.
	ownTextTo := map[int]int{}
	for _, h := range gone {
		ownTextTo[cl[h.pos]] = max(ownTextTo[cl[h.pos]], h.pos)
	}
	// "since yesterday" or "seit vorhin" tells of a thing still on
	pastClause := earlierClauses(toks, cl, to, true)
	signClause := map[int]bool{}
	asked := false
	for k, t := range toks[:to] {
		if sign[k] {
			signClause[cl[k]] = true
		}
		asked = asked || t.q
	}
	// The labeled tickets ask what the sign's end means or say a thing
	// works: where the lists are thin ("aber seitdem werden alle Zahlungen
	// abgelehnt"), the absence of failure words alone is no report of
	// none.
	works := false
	for _, h := range active(findAll(toks[:to], worksWords)) {
		works = works || h.pos >= subjectEnd
	}
	if !asked && !works {
		return nil
	}
	// "the error banner is gone but the error is still there": the
	// failure goes on, whatever went away.
	for _, t := range toks[subjectEnd:to] {
		if stillWords[t.w] {
			return nil
		}
	}
	for _, hs := range s.toldFailures() {
		for _, h := range active(hs) {
			if h.pos >= to {
				continue
			}
			c := cl[h.pos]
			inSubject := h.pos < subjectEnd
			if reply && inSubject || ownTextTo[c] > h.pos || signClause[c] && (pastClause[c] || inSubject) {
				continue
			}
			return nil
		}
	}
	return gone
}

// timeFiller are the words of a time besides its numbers and units.
var timeFiller = map[string]bool{"ago": true, "about": true, "around": true, "at": true, "now": true, "today": true,
	"this": true, "morning": true, "yesterday": true, "midnight": true, "noon": true, "am": true, "pm": true}

// onlyTimeAfter reports whether nothing but a time follows the ended
// words of h in their clause ("stopped about ten minutes ago", "stopped
// at 10:05"): "the errors stopped every customer from paying" is no end.
func onlyTimeAfter(toks []token, cl []int, h hit) bool {
	for k := h.pos + len(h.phrase); k < len(toks) && cl[k] == cl[h.pos]; k++ {
		w := toks[k].w
		if !isNumber(w) && !timeUnits[w] && !sinceWords[w] && !earlierWords[w] && numberWords[w] == 0 && !timeFiller[w] {
			return false
		}
	}
	return true
}

// signGoneLow lowers a verdict to low when the words tell a sign of the
// failure went away (signGoneBy): the newest state the writer reports is
// no failure, whatever the sign said or the logs show, as a resolution
// is. It acts on the verdict, not on the words' claim, so the scorer's
// signals and its fit stay as they are. A security, privacy or data-loss
// claim is never lowered: "the security warning disappeared and someone
// logged into my account" tells of the breach, not of its sign.
func signGoneLow(v verdict, c claim, s *signals) verdict {
	if len(s.signGoneBy) == 0 || v.sev == Low || c == claimSecurity || c == claimPrivacy || c == claimDataLoss {
		return v
	}
	v.reasons = append(v.reasons, fmt.Sprintf("low, not %s: a sign of the failure went away (%s), and no failure is told outside it or before now", v.sev, quote(s.signGoneBy)))
	v.sev = Low
	return v
}
