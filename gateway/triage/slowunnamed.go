package triage

import (
	"fmt"
	"strings"
)

// Round seventy-nine: slowness told beside failure words, naming no
// service (issue #14).
//
// Round twenty-eight ties slowness that names no service, with no failure
// anomaly to tie it to, to the service whose slow requests and retries rose
// the most in the window (mostSlowedService) — but only where the words
// read slowness alone (claimDegraded). A slowness report usually names what
// it ends in as well: a timeout ("Gateway timeout", "time-out", "タイムア
// ウト"), "nothing loads", "every step fails"; the failure words make it a
// failure claim, and a failure claim naming no service on logs whose
// failures are clean everywhere was read clean, though one service's
// requests were slowed at that time. A slowdown ends in timeouts; the
// warnings (slow requests, retries) are where it shows.

// slownessTold reports whether a report naming no service, not scoped to
// the writer or a few (as round twenty-eight's pick is not), tells
// slowness (f.sig.degraded: a word of degradedWords or a duration of
// waiting, slowDurations): any where its words read slowness alone
// (claimDegraded), beside its failure or outage words only the slowness
// the writer states of the system (toldSlowness). Its service may be the
// most slowed one.
func slownessTold(f *facts) bool {
	if scopedToFew(&f.sig) {
		return false
	}
	switch f.claim {
	case claimDegraded:
		return len(active(f.sig.degraded)) > 0
	case claimOutage, claimOne, claimPartial:
		return len(toldSlowness(f)) > 0
	}
	return false
}

// Mended after the round's review: beside failure words, only slowness
// the writer tells of the system counts (toldSlowness). The degradation
// words also hold how often, how much and when a thing happens
// ("sometimes", "partially", "late", "delayed"): "Sometimes the page shows
// error 502" tells an intermittent failure, "Sorry for the late reply" and
// "the pickup was delayed" no slowdown. And a slowness word tells the
// system's slowness only where the writer states it: not in a question,
// not after a word of fear or condition in its clause ("users may see
// slow responses", "if it takes forever"), not in a quoted line, not in a
// sentence about the support's answer ("your support is so slow to
// answer", "ich warte ewig auf eure Antwort"), and not German "langsam"
// before a word of patience running out ("langsam reicht es mir": by now).

// notSlowness are the degradation words (degradedWords) that tell how
// often, how much or when, not how slow.
var notSlowness = map[string]bool{}

func init() {
	for _, w := range []string{"intermittent*", "sometimes", "occasionally", "some requests", "partially", "partial",
		"flaky", "every now and then", "on and off", "delayed", "delay*", "late", "teilweise", "en partie",
		"partiellement", "parcialmente", "in parte", "gedeeltelijk", "częściowo", "delvis", "osittain", "částečně",
		"kısmen", "частично", "一部", "部分的", "부분적*", "遅れ", "遅延", "延迟", "延遲", "지연*"} {
		notSlowness[mkPhrase(w).String()] = true
	}
}

// answerWords name the support's answer: slowness in their sentence is
// the support's, not the system's.
var answerWords = mkPhrases("answer*", "reply", "replie*", "respond", "responded", "responding", "support", "antwort*",
	"rückmeldung*", "réponse*", "répond*", "respuesta*", "responder", "risposta*", "rispondere", "antwoord*",
	"resposta*", "odpowied*", "yanıt*", "cevap*", "返信", "回复", "回覆")

// asideWords before a word in its clause make it a worry, a condition or a
// possibility, not a thing told: "may see slow responses", "afraid it will
// end in an error", "if it takes forever". They are looked up by the
// token's word, whose final "s" is stripped (stem): German "falls" and
// French "crains" are not read.
var asideWords = map[string]bool{"may": true, "might": true, "could": true, "would": true, "if": true, "afraid": true,
	"worried": true, "worry": true, "fear": true, "wenn": true, "könnte": true, "befürchte": true,
	"fürchte": true, "peur": true, "miedo": true, "temo": true, "paura": true, "receio": true,
	"bang": true, "obawiam": true, "boję": true}

// patienceWords after German "langsam" make it "by now": "langsam reicht
// es mir", "langsam nervt das" ("reichts" is read as "reicht": stem).
var patienceWords = map[string]bool{"reicht": true, "genug": true, "nervt": true, "geduld": true}

// toldAside reports whether the word at i stands aside from what the
// writer states: in a question, after a word of fear or condition in its
// clause (asideWords, up to eight words back), or in a quoted line.
func toldAside(f *facts, i int) bool {
	if i >= len(f.toks) || len(f.sig.clause) != len(f.toks) {
		return false
	}
	if questionMarked(f.toks, i) || quotedAt(f.toks, i) {
		return true
	}
	return inNumberedClauseBefore(f.sig.clause, i, 8, func(k int) bool { return asideWords[f.toks[k].w] })
}

// toldSlowness are the slowness words of a report the writer states of
// the system (see above).
func toldSlowness(f *facts) []hit {
	var out []hit
	for _, h := range active(f.sig.degraded) {
		if notSlowness[h.phrase.String()] {
			continue
		}
		if h.pos < len(f.toks) {
			if toldAside(f, h.pos) || sentenceHas(f.toks, h.pos, answerWords) || byNow(f.toks, h.pos) {
				continue
			}
		}
		out = append(out, h)
	}
	return out
}

// byNow reports whether German "langsam" at i reads "by now": a word of
// patience running out follows it within three words.
func byNow(toks []token, i int) bool {
	if toks[i].w != "langsam" {
		return false
	}
	for k := i + 1; k < len(toks) && k <= i+3 && !toks[k].stop; k++ {
		if patienceWords[toks[k].w] {
			return true
		}
	}
	return false
}

// failureSeen reports whether a report tells a failure the writer saw: an
// error shown (showsError) or a server's time-out or 5xx status
// (failedNotBilled), or either written in a script read a character a
// token ("错误", "超时": shownInCharacters), not one only feared ("I'm
// worried it will end in an error"): some failure word stands aside from
// no word of fear or condition (toldAside).
func failureSeen(f *facts) bool {
	if !showsError(&f.sig) && !failedNotBilled(&f.sig) && !shownInCharacters(&f.sig) {
		return false
	}
	for _, h := range failedHits(&f.sig) {
		if h.pos >= len(f.toks) || !toldAside(f, h.pos) {
			return true
		}
	}
	return false
}

// slowdownStale reports whether se's slowdown (slowdownEnd) ended well
// before a ticket about the present (vagueNow, staleAfter), as stale reads
// a failure anomaly's end; ok is false when se is in no slowdown.
func slowdownStale(f *facts, se *ServiceEvidence) (isStale, ok bool) {
	end, ok := slowdownEnd(f.ev, se)
	if !ok {
		return false, false
	}
	return !f.sig.over && vagueNow(f.ref, f.created) && end.Before(f.created.Add(-staleAfter)), true
}

// slowedReason is the pick's reason: beside failure words it gives the
// share of the service's requests slowed and when the slowdown's warnings
// last rose (review of the round).
func slowedReason(f *facts, w *ServiceEvidence) string {
	if f.claim == claimDegraded {
		return fmt.Sprintf("no service named; %s's slow requests rose the most in the window: the slowness reported (%s)", w.Service, quote(active(f.sig.degraded)))
	}
	r := fmt.Sprintf("no service named; %s's slow requests rose the most in the window: the slowness reported (%s); %.0f%% of its requests slowed", w.Service, quote(toldSlowness(f)), w.WarnRate*100)
	if end, ok := slowdownEnd(f.ev, w); ok {
		if end.Before(f.created) {
			r += fmt.Sprintf(", the slowdown ended %s", end.In(f.created.Location()).Format("15:04 MST"))
		} else {
			r += ", the slowdown running when the ticket was written"
		}
	}
	return r
}

// slowedFor is the service a report naming no service is about by its
// slowness (mostSlowedService), or nil. Round twenty-eight's pick for
// slowness told alone is kept as it was; beside failure words the service
// must be in a slowdown (slowdownShare: 30 % or more of its requests
// slowed), not a background rise of a tenth: a failure told with "slow"
// ("nothing opens, very slow") during a background rise is no slowdown's.
func slowedFor(f *facts) *ServiceEvidence {
	if !slownessTold(f) {
		return nil
	}
	w := mostSlowedService(f.ev)
	if w == nil || f.claim == claimDegraded {
		return w
	}
	if w.WarnRate < slowdownShare {
		return nil
	}
	// Mended after the round's review: a slowdown that ended well before
	// a ticket about the present is not what it tells (slowdownStale).
	if isStale, ok := slowdownStale(f, w); ok && isStale {
		return nil
	}
	return w
}

// slowFailure reports whether one writer's failure (claimOne: failure
// words, no reach of many read) on a core flow is told with slowness the
// warnings confirm (f.slowConfirmed: slowness words, the service's
// failures clean, its warnings risen) while the service is in a slowdown
// (slowdownShare: 30 % or more of its requests slowed) that had not ended
// well before a ticket about the present: the failure the writer saw (a
// time-out, "nothing loads", an error after a long wait) is the slowdown's,
// as one writer's failure during an error spike is the spike's (the
// labeling conventions: high). The failure must be one the writer saw
// the slowdown end in (failureSeen): an error shown (showsError), a
// server's time-out or 5xx status (failedNotBilled), or either written a
// character a token (shownInCharacters); not a wait that ends in the
// thing opening, nor a failure only feared ("I'm afraid it won't open at
// the gate"). Only where the desk marked it urgent or high: round
// forty-eight's row keeps one time-out the desk left normal medium, and
// round forty-eight's slowDesk already raises confirmed slowness the desk
// marked so, but not when a sentence asks — and a writer who saw the error
// asks for help ("Can you look at it urgently?"): the failure seen says it
// is a report, not a question. Slowness told alone stays one writer's
// slowness (claimDegraded, slowReachCap): medium.
func slowFailure(f *facts, se *ServiceEvidence, core bool) bool {
	if f.claim != claimOne || !core || se == nil || !f.slowConfirmed || !deskHigh(f) {
		return false
	}
	if !failureSeen(f) {
		return false
	}
	isStale, ok := slowdownStale(f, se)
	return ok && !isStale
}

// shownInCharacters reports whether a failure word, in a script read a
// character a token, joins into an error noun or a time-out ("错 误",
// "超 时"), which showsError and failedNotBilled read a token at a time.
func shownInCharacters(s *signals) bool {
	for _, h := range failedHits(s) {
		if len(h.phrase) < 2 {
			continue
		}
		joined := strings.Join(h.phrase, "")
		if errorNoun(joined) || strings.Contains(joined, "超时") || strings.Contains(joined, "超時") ||
			strings.Contains(joined, "タイムアウト") || strings.Contains(joined, "시간초과") {
			return true
		}
	}
	return false
}
