package triage

import (
	"fmt"
	"slices"
)

// Round eighty: a reply that tells in its new words that the thread's
// failure ended (issue #14).
//
// The conventions label a resolution low, whatever the quoted report
// says. resolvedBy reads the end in fixed phrases ("works again",
// "funktioniert wieder"); round fifty-six read a reply that only thanks
// as the end when the logs show the thread's failure ended within the
// hour. Between the two stand the replies that say it in words of their
// own: "payments are going through again", "search works now, thanks",
// "the texts are coming through again now", "SMS-ene kommer igjen nå,
// takk", "voltou aqui!! obrigada", "les paiements refonctionnent, merci",
// "we're all back in, thanks". Written under a thread that tells a
// failure, their shape is the same in every language: a word that the
// thing holds again (again, or now beside a verb of working, going or
// coming, or back), a thanks or a request to close, nothing of a failure
// of their own and nothing still wrong.
//
// Guards: no question in the new words ("thanks, now what?"), no word
// that it goes on (stillCues: "thanks, but still the same"), no failure
// word in the new words outside a clause that tells it went away, and
// the word of return not in a clause of a failure or an attempt ("I
// tried again", "the error is back again"), nor negated. The logs keep
// round fifty-six's contract (endedInWords): where the thread's service
// shows an anomaly in the window, endedUnderSubject decides.

// endedReply returns the words of a reply's new words (toks from from
// on) that tell the thread's failure ended, or nil.
func endedReply(s *signals, toks []token, from int) []hit {
	if from >= len(toks) || len(active(findAll(toks[from:], stillCues))) > 0 {
		return nil
	}
	for _, t := range toks[from:] {
		if t.q {
			return nil
		}
	}
	var ends []hit
	for _, h := range active(slices.Concat(findAll(toks, endCues), findAll(toks, closeRequests))) {
		if h.pos >= from {
			ends = append(ends, h)
		}
	}
	if len(ends) == 0 {
		return nil
	}
	cl := clauses(toks)
	goneClause := map[int]bool{}
	for _, h := range active(s.gone) {
		goneClause[cl[h.pos]] = true
	}
	// "der Fehler ist weg", "de foutmelding is weg": a copula and a word
	// for away after the failure word, in its clause.
	for i := from + 1; i < len(toks); i++ {
		if awayWords[toks[i].w] && !toks[i].brk && backCopulas[toks[i-1].w] {
			goneClause[cl[i]] = true
		}
	}
	blocked := map[int]bool{}
	for _, hs := range s.toldFailures() {
		for _, h := range active(hs) {
			if h.pos < from {
				continue
			}
			if !goneClause[cl[h.pos]] {
				return nil
			}
			blocked[cl[h.pos]] = true
		}
	}
	for _, h := range s.attempts {
		if h.pos >= from {
			blocked[cl[h.pos]] = true
		}
	}
	for i := from; i < len(toks); i++ {
		if blocked[cl[i]] {
			continue
		}
		if n := returnCue(toks, i); n > 0 && !negated(toks, i) && !negatedAfter(toks, i+n-1) {
			return []hit{{phrase: phrase(rawWords(toks[i : i+n])), pos: i}, ends[0]}
		}
	}
	return nil
}

// returnCue returns how many tokens from toks[i] tell that a thing holds
// again: a word for "again" (againOnly, or a phrase of againPhrases), a
// French verb of working with its "re-" ("refonctionne", "remarchent"),
// a word for "now" within three words of a verb of working, going or
// coming in its clause ("works now", "going through … now", "يعمل الآن"),
// or "back" as a state ("it's back", "we're all back in", "voltou",
// "zijn terug"). 0 for none.
func returnCue(toks []token, i int) int {
	t := toks[i]
	switch {
	case againOnly[t.w]:
		return 1
	case reVerbs[t.w]:
		return 1
	case backVerbs[t.w]:
		return 1
	case stateNowWords[t.w] || againWords[t.w]:
		for k := max(0, i-3); k < len(toks) && k <= i+3; k++ {
			if k != i && (goingWords[toks[k].w] || goingWords[toks[k].raw] || fineWords[toks[k].w] || fineWords[toks[k].raw]) && !clauseBetween(toks, min(i, k), max(i, k)) {
				return 1
			}
		}
	case t.w == "back":
		if i > 0 && !t.brk && (backCopulas[toks[i-1].w] || toks[i-1].poss ||
			toks[i-1].w == "all" && i > 1 && backCopulas[toks[i-2].w]) {
			return 1
		}
	case backStates[t.w] && i > 0 && !t.brk && backCopulas[toks[i-1].w]:
		return 1
	}
	for _, p := range againPhrases {
		if i+len(p) <= len(toks) && matchesWords(toks[i:i+len(p)], p) {
			return len(p)
		}
	}
	return 0
}

// matchesWords reports whether toks are the words p, in order.
func matchesWords(toks []token, p []string) bool {
	for k, w := range p {
		if toks[k].w != w && toks[k].raw != w || k > 0 && toks[k].brk {
			return false
		}
	}
	return true
}

// againOnly are the words for "again" that say nothing else (not "now",
// not "new"): "again", "wieder", "weer", "igen", "igjen", "znowu",
// "tekrar", "снова", "שוב".
var againOnly = map[string]bool{"again": true, "wieder": true, "weer": true, "igen": true, "igjen": true, "taas": true,
	"jälleen": true, "uudelleen": true, "opet": true, "ponovo": true, "ponovno": true, "znovu": true, "znova": true, "znowu": true,
	"ponownie": true, "opäť": true, "opět": true, "ismét": true, "újra": true, "semula": true, "kembali": true, "ulit": true,
	"שוב": true, "ξανά": true, "vėl": true, "atkal": true, "снова": true, "знову": true, "опять": true, "отново": true,
	"tekrar": true, "yeniden": true, "dinnou": true, "다시": true, "دوباره": true, "jälle": true}

// againPhrases are "again" said in two words: "de nuevo", "di nuovo",
// "à nouveau", "din nou", "مرة أخرى", "फिर से", "phir se".
var againPhrases = [][]string{{"de", "nuevo"}, {"otra", "vez"}, {"di", "nuovo"}, {"de", "novo"}, {"outra", "vez"}, {"à", "nouveau"},
	{"a", "nouveau"}, {"de", "nouveau"}, {"din", "nou"}, {"مرة", "أخرى"}, {"फिर", "से"}, {"phir", "se"}, {"trở", "lại"}}

// stateNowWords are the words for "now" and "already" that tell a state
// holds again only beside a verb of working or coming ("works now",
// "kommer igjen nå", "يعمل الآن", "अब चल रहा है").
var stateNowWords = map[string]bool{"now": true, "nå": true, "já": true, "ya": true, "الآن": true, "अब": true, "abhi": true, "ngayon": true,
	"nyt": true, "nüüd": true, "dabar": true, "tagad": true, "artık": true, "giờ": true}

// reVerbs are French verbs of working and passing with the prefix that
// makes them "again": "refonctionne", "remarche", "repassent".
var reVerbs = map[string]bool{"refonctionne": true, "refonctionnent": true, "remarche": true, "remarchent": true,
	"repasse": true, "repassent": true, "réfonctionne": true}

// backVerbs are verbs of coming back in their past, the thing the subject
// of the clause: "voltou", "volvió", "è tornato", "wróciło", "вернулось",
// "geri geldi" (with "geri"), "عاد", "חזר".
var backVerbs = map[string]bool{"voltou": true, "voltaram": true, "volvió": true, "volvieron": true, "tornato": true, "tornata": true,
	"tornati": true, "revenu": true, "revenue": true, "revenus": true, "wróciło": true, "wrócił": true, "wróciła": true, "wróciły": true,
	"вернулось": true, "вернулся": true, "вернулась": true, "вернулись": true, "повернулося": true, "повернувся": true, "повернулись": true,
	"vrátilo": true, "vrátil": true, "vrátila": true, "visszajött": true, "palasi": true, "palautui": true, "revenit": true,
	"عاد": true, "عادت": true, "חזר": true, "חזרה": true, "חזרו": true, "επέστρεψε": true, "επανήλθε": true}

// backStates are "back" after a copula in the languages that say it so:
// "zijn terug", "är tillbaka", "er tilbake", "er tilbage", "on takaisin".
var backStates = map[string]bool{"terug": true, "tillbaka": true, "tilbake": true, "tilbage": true, "takaisin": true, "zurück": true}

// backCopulas stand before "back" when it is a state: "is back", "we're
// all back in", "zijn terug".
var backCopulas = map[string]bool{"is": true, "are": true, "were": true, "its": true, "was": true,
	"zijn": true, "är": true, "er": true, "on": true, "ist": true, "sind": true, "wieder": true, "weer": true, "je": true}

// goingWords are the verbs a flow does when it works, beside which "now"
// tells it works again: going, coming, arriving, passing, loading,
// syncing, succeeding, landing, in the languages the sets use.
var goingWords = map[string]bool{"going": true, "goes": true, "go": true, "coming": true, "come": true, "comes": true, "came": true,
	"arriving": true, "arrived": true, "arrive": true, "landed": true, "loading": true, "load": true, "loads": true, "loaded": true,
	"syncing": true, "synced": true, "succeeding": true, "succeeded": true, "through": true, "work": true, "works": true, "worked": true,
	"klappt": true, "klappen": true, "kommt": true, "kommen": true, "durch": true, "geht": true, "gehen": true,
	"passe": true, "passent": true, "arrivent": true, "pasa": true, "pasan": true, "llega": true, "llegan": true,
	"entra": true, "entran": true, "passa": true, "passam": true, "chega": true, "chegam": true, "entram": true, "passano": true,
	"arriva": true, "arrivano": true, "gaat": true, "gaan": true, "komt": true, "komen": true, "lukt": true, "door": true,
	"går": true, "kommer": true, "menee": true, "tulee": true, "tulevat": true, "przechodzi": true, "przechodzą": true,
	"przychodzą": true, "dochodzą": true, "chodí": true, "prochází": true, "jde": true, "ide": true, "проходят": true,
	"проходит": true, "приходят": true, "приходит": true, "проходять": true, "приходять": true, "geliyor": true, "geçiyor": true,
	"gidiyor": true, "masuk": true, "jalan": true, "berjalan": true, "jön": true, "jönnek": true, "megy": true, "merge": true,
	"vin": true, "ajung": true, "έρχονται": true, "περνάνε": true, "מגיעים": true, "עובר": true, "يعمل": true, "تعمل": true,
	"تصل": true, "يصل": true, "चल": true, "pumapasok": true, "dumarating": true}

// awayWords after a copula say a thing went away: "ist weg", "is weg",
// "är borta", "er væk", "er vekk", "on poissa", "gone" ("is gone" is a
// vanish phrase already).
var awayWords = map[string]bool{"weg": true, "borta": true, "væk": true, "vekk": true, "poissa": true, "pryč": true, "preč": true}

// endedInWords re-judges a reply whose new words (rw) tell the end in
// words of their own as a resolution, where the logs say nothing against
// it: when the service the resolution is about shows a moderate or strong
// anomaly in the window, round fifty-six's contract decides (a reply
// written within the hour after it ended is a resolution there, one
// written while it runs or hours after it is not). A security, privacy or
// data-loss claim is never lowered. ok is false otherwise; why is the
// words' reason.
func (t *Triager) endedInWords(f *facts, rw *replyWords, tr *trace) (verdict, string, bool) {
	if f.claim == claimPrivacy || f.claim == claimSecurity || f.claim == claimDataLoss {
		return verdict{}, "", false
	}
	rf := *f
	rf.sig = rw.sig
	rf.sig.resolvedBy, rf.sig.over = rw.sig.endedBy, true
	rf.claim, rf.slowConfirmed, rf.failureLevel = claimResolved, false, ""
	if f.ev != nil {
		if _, se, _ := t.pickService(&rf); se != nil && levelRank(se.Level) >= levelRank(LevelModerate) {
			return verdict{}, "", false
		}
	}
	why := fmt.Sprintf("resolution told in the reply's own words: %s, no failure or question of their own", quote(rw.sig.endedBy))
	tr.f("reply: %s", why)
	rv := t.decide(&rf, tr)
	*f = rf
	return rv, why, true
}
