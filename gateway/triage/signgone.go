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
// Tickets that tell of no failure at all are lowered too: a banner gone
// with a spike in the logs is no report of that spike.

// signNouns are the things a product shows to signal a state: what goes
// away with the state. Whole words (stems as tokens carry them), in
// English and the sets' main languages. Messages and notifications are not among them: those are what users
// receive, and "my messages are gone" or "notifications stopped" is a
// failure.
var signNouns = map[string]bool{
	"banner": true, "bar": true, "error": true, "warning": true, "notice": true, "popup": true, "alert": true,
	"balken": true, "fehler": true, "fehlermeldung": true, "hinweis": true, "warnung": true,
	"bandeau": true, "bannière": true, "erreur": true, "avertissement": true, "alerte": true,
	"aviso": true, "barra": true, "alerta": true, "errore": true, "avviso": true,
	"fout": true, "balk": true, "baner": true, "komunikat": true, "błąd": true, "pasek": true,
	"erro": true, "баннер": true, "плашка": true, "ошибка": true,
}

// pastMarks place a clause before now: the failure it tells is the one
// whose sign went away.
var pastMarks = map[string]bool{"yesterday": true, "morning": true, "earlier": true, "before": true, "had": true,
	"was": true, "were": true, "gave": true, "showed": true, "used": true, "last": true, "gestern": true, "vorhin": true,
	"hier": true, "ayer": true, "ieri": true, "gisteren": true, "wczoraj": true, "ontem": true, "вчера": true}

// signWentAway returns the vanish or ended words that tell a sign went
// away (a sign noun before them in their clause), when the writer's own
// words (toks before to) hold no failure outside the clause that tells it
// or a clause that carries a sign and a time before now, or is a subject
// that names the sign ("Error banner gone?"); nil otherwise. subjectEnd
// is where the subject ends; a reply's subject is the thread's topic,
// whatever failure it names.
func signWentAway(s *signals, toks []token, subjectEnd, to int, reply bool) []hit {
	cl := clauses(toks)
	signClause, pastClause := map[int]bool{}, map[int]bool{}
	for k, t := range toks[:to] {
		if signNouns[t.w] || signNouns[t.raw] {
			signClause[cl[k]] = true
		}
		if pastMarks[t.w] || earlierWords[t.w] {
			pastClause[cl[k]] = true
		}
	}
	var gone []hit
	// Vanished: a sign noun before the verb in its clause ("the red
	// 'payment failed' bar is gone", "le bandeau d'erreur rouge a
	// disparu").
	for _, h := range findAll(toks, vanishWords) {
		if h.pos >= to || h.neg {
			continue
		}
		for k := h.pos - 1; k >= 0 && k >= h.pos-8 && cl[k] == cl[h.pos]; k-- {
			if signNouns[toks[k].w] || signNouns[toks[k].raw] {
				gone = append(gone, h)
				break
			}
		}
	}
	// Stopped: the sign noun is the verb's subject, right before it ("the
	// errors stopped"; not "message notifications stopped").
	for _, h := range findAll(toks, endedWords) {
		k := h.pos - 1
		for k >= 0 && cl[k] == cl[h.pos] && subjectAux[toks[k].w] {
			k--
		}
		if h.pos < to && !h.neg && k >= 0 && cl[k] == cl[h.pos] && (signNouns[toks[k].w] || signNouns[toks[k].raw]) {
			gone = append(gone, h)
		}
	}
	if len(gone) == 0 {
		return nil
	}
	goneClause := map[int]bool{}
	for _, h := range gone {
		goneClause[cl[h.pos]] = true
	}
	// "the error banner is gone but the error is still there": the
	// failure goes on, whatever went away.
	for _, t := range toks[subjectEnd:to] {
		if stillWords[t.w] {
			return nil
		}
	}
	for _, hs := range [][]hit{s.outage, s.failure, s.degraded, s.billingDefect, s.security, s.dataLoss} {
		for _, h := range active(hs) {
			if h.pos >= to {
				continue
			}
			c := cl[h.pos]
			inSubject := h.pos < subjectEnd
			if reply && inSubject || goneClause[c] || signClause[c] && (pastClause[c] || inSubject) {
				continue
			}
			return nil
		}
	}
	return gone
}

// signGoneLow lowers a verdict to low when the words tell a sign of the
// failure went away (signGoneBy): the newest state the writer reports is
// no failure, whatever the sign said or the logs show, as a resolution
// is. It acts on the verdict, not on the words' claim, so the scorer's
// signals and its fit stay as they are.
func signGoneLow(v verdict, s *signals) verdict {
	if len(s.signGoneBy) == 0 || v.sev == Low {
		return v
	}
	v.reasons = append(v.reasons, fmt.Sprintf("low, not %s: a sign of the failure went away (%s), and no failure is told outside it or before now", v.sev, quote(s.signGoneBy)))
	v.sev = Low
	return v
}
