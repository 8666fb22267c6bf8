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

// endedReply returns two hits of a reply's new words (toks from from on)
// that tell the thread's failure ended: the word of return with its verb
// (returnCue), and the first thanks or request to close; nil for none.
//
// Mended after the round's review: a word for "again" tells the end only
// beside a verb of working, going or coming, or a modal of being able
// ("can log in again"), in its own clause, never beside a thanks ("thanks
// again", "gracias de nuevo"); the words that mean "again" both ways
// ("znowu", "снова", "de novo", "lagi") are decided here, by the words
// beside them (stillAgain); a clause that hopes, asks without a question
// mark, sets a condition or speaks of later (waitWords: "hopefully",
// "let me know once", "hoffentlich", "sobald", "tomorrow") tells no end,
// nor does a cue whose sentence goes on to limit it ("but not for my
// colleagues"); a failure word in a clause that tells it went away keeps
// only the words up to its "weg" from telling the end ("die
// Fehlermeldung ist weg und die Pushs kommen wieder").
func endedReply(s *signals, toks []token, from int) []hit {
	if from >= len(toks) {
		return nil
	}
	if slices.ContainsFunc(toks[from:], func(t token) bool { return t.q }) {
		return nil
	}
	// thanks are every thanks and request to close in toks, read once:
	// the end needs one in the new words, and a word for "again" right
	// beside any tells nothing (thanked)
	thanks := slices.Concat(findAll(toks, endCues), findAll(toks, closeRequests))
	var ends []hit
	for _, h := range active(thanks) {
		if h.pos >= from {
			ends = append(ends, h)
		}
	}
	if len(ends) == 0 {
		return nil
	}
	cl := clauses(toks)
	// goneTo is, for a clause that tells a failure went away, the last
	// word of that telling: its vanish phrase, or "der Fehler ist weg",
	// "de foutmelding is weg" (a copula and a word for away).
	goneTo := map[int]int{}
	for _, h := range active(s.gone) {
		goneTo[cl[h.pos]] = max(goneTo[cl[h.pos]], h.pos+len(h.phrase)-1)
	}
	for i := from + 1; i < len(toks); i++ {
		if awayWords[toks[i].w] && !toks[i].brk && backCopulas[toks[i-1].w] {
			goneTo[cl[i]] = max(goneTo[cl[i]], i)
		}
	}
	blocked := map[int]bool{}
	after := map[int]int{} // a cue in the clause counts only after this word
	for _, hs := range s.toldFailures() {
		for _, h := range active(hs) {
			if h.pos < from {
				continue
			}
			to, gone := goneTo[cl[h.pos]]
			if !gone || h.pos > to {
				return nil
			}
			after[cl[h.pos]] = to
		}
	}
	for _, h := range slices.Concat(s.attempts, findAll(toks, waitWords)) {
		if h.pos >= from {
			blocked[cl[h.pos]] = true
		}
	}
	at := func(i int) (n, verb int) {
		if to, ok := after[cl[i]]; blocked[cl[i]] || ok && i <= to {
			return 0, -1
		}
		if n, verb = returnCue(toks, i, thanks); n == 0 || negated(toks, i) || negatedAfter(toks, i+n-1) || limitedAfter(toks, i+n-1) {
			return 0, -1
		}
		return n, verb
	}
	// stillAgain: a still word that is a word for "again" beside a verb of
	// working tells the end ("Płatności znowu przechodzą"); any other
	// ("thanks, but still the same", "попробую снова") blocks it.
	for _, h := range active(findAll(toks[from:], stillCues)) {
		if n, _ := at(from + h.pos); n != len(h.phrase) {
			return nil
		}
	}
	for i := from; i < len(toks); i++ {
		if n, verb := at(i); n > 0 {
			lo, hi := i, i+n-1
			if verb >= 0 {
				lo, hi = min(lo, verb), max(hi, verb)
			}
			return []hit{{phrase: phrase(rawWords(toks[lo : hi+1])), pos: i}, ends[0]}
		}
	}
	return nil
}

// returnCue returns how many tokens from toks[i] tell that a thing holds
// again, and the position of the verb beside them (-1 for none): a word
// for "again" (againOnly, or a phrase of againPhrases) with a verb of
// working, going or coming (goingVerb) in its clause up to six words
// before it or three after it, or a modal of being able up to ten words
// before it in its clause, not followed by a word for "you" ("going
// through … again", "we can log in again"); a word for "now"
// (stateNowWords) or of againWords not in againOnly ("jetzt", "nu",
// "sudah") with such a verb up to three words before or after it ("works
// now", "يعمل الآن"); neither right beside a thanks or a request to close
// (thanked). The verb returned is the first in the text, not the nearest.
// Or a French verb of working with its "re-" ("refonctionne",
// "remarchent"), a verb of coming back in its past (backVerbs: "voltou"),
// or "back" as a state ("it's back", "we're all back in", "zijn terug").
// 0 for none.
func returnCue(toks []token, i int, thanks []hit) (int, int) {
	t := toks[i]
	n, again := 0, againOnly[t.w]
	for _, p := range againPhrases {
		if i+len(p) <= len(toks) && matchesWords(toks[i:i+len(p)], p) {
			n, again = len(p), true
		}
	}
	switch {
	case reVerbs[t.w] || backVerbs[t.w]:
		return 1, -1
	case again || stateNowWords[t.w] || againWords[t.w]:
		n = max(n, 1)
		if thanked(toks, thanks, i, n) {
			return 0, -1
		}
		reach := 3 // "now" stands close to its verb, "again" anywhere in a short clause
		if again {
			reach = 6
		}
		for k := max(0, i-reach); k < len(toks) && k <= i+n+2; k++ {
			if (k < i || k >= i+n) && !clauseBetween(toks, min(i, k), max(i, k)) && goingVerb(toks, k) {
				return n, k
			}
		}
		// a modal of being able governs its clause: "nu kan vi logga in
		// på kassorna och surfplattorna igen"
		modal := -1
		if again && inClauseBefore(toks, i, 10, func(k int) bool {
			modal = k
			return ableWords[toks[k].w] && !youAfter(toks, k)
		}) {
			return n, modal
		}
	case t.w == "back":
		if i > 0 && !t.brk && (backCopulas[toks[i-1].w] || toks[i-1].poss ||
			toks[i-1].w == "all" && i > 1 && backCopulas[toks[i-2].w]) {
			return 1, -1
		}
	case backStates[t.w] && i > 0 && !t.brk && backCopulas[toks[i-1].w]:
		return 1, -1
	}
	return 0, -1
}

// goingVerb reports whether toks[k] is a verb a flow does when it works
// (goingWords, fineWords). English "go" and "going" count in "go through"
// with nothing after "through" that is gone through ("payments are going
// through again", not "our team is going through the logs"), and not in
// "going to".
func goingVerb(toks []token, k int) bool {
	t := toks[k]
	if goForms[t.w] {
		j := k + 1
		if j < len(toks) && !toks[j].brk && (toks[j].w == "through" || toks[j].w == "thru") {
			return j+1 >= len(toks) || toks[j+1].brk || !throughObjects[toks[j+1].w]
		}
		return false
	}
	return goingWords[t.w] || goingWords[t.raw] || fineWords[t.w] || fineWords[t.raw]
}

// thanked reports whether a thanks or a request to close of thanks (the
// text's, negated or not) stands right before or after the n words from
// toks[i], in their clause: "thanks again", "gracias de nuevo", "tekrar
// teşekkürler", "dziękuję ponownie".
func thanked(toks []token, thanks []hit, i, n int) bool {
	for _, h := range thanks {
		if end := h.pos + len(h.phrase); (end == i || h.pos == i+n) && !clauseBetween(toks, min(h.pos, i), max(end-1, i+n-1)) {
			return true
		}
	}
	return false
}

// youAfter reports whether a word for "you" follows toks[k] in its clause:
// "can you check again" asks, "we can log in again" tells.
func youAfter(toks []token, k int) bool {
	return k+1 < len(toks) && !toks[k+1].brk && youWords[toks[k+1].w]
}

// limitedAfter reports whether the sentence goes on, after toks[i], with
// a contrast that limits what came before: "works now for me, but not for
// my colleagues", "aber nicht bei allen", "mais pas pour tout le monde",
// or "except".
func limitedAfter(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && !toks[k].stop; k++ {
		if exceptWords[toks[k].w] {
			return true
		}
		if contrastWords[toks[k].w] {
			for j := k + 1; j < len(toks) && j <= k+2 && !toks[j].stop; j++ {
				if negators[toks[j].w] || foreignNegators[toks[j].w] {
					return true
				}
			}
		}
	}
	return false
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
// "tekrar", "снова", "שוב". They are looked up by a token's word, whose
// final "s" is stripped: Finnish "taas" (read "taa") is none of them, and
// stillCues reads it as a still word.
var againOnly = map[string]bool{"again": true, "wieder": true, "weer": true, "igen": true, "igjen": true,
	"jälleen": true, "uudelleen": true, "opet": true, "ponovo": true, "ponovno": true, "znovu": true, "znova": true, "znowu": true,
	"ponownie": true, "opäť": true, "opět": true, "ismét": true, "újra": true, "semula": true, "kembali": true, "ulit": true,
	"שוב": true, "ξανά": true, "vėl": true, "atkal": true, "снова": true, "знову": true, "опять": true, "отново": true,
	"tekrar": true, "yeniden": true, "dinnou": true, "다시": true, "دوباره": true, "jälle": true, "lagi": true}

// againPhrases are "again" said in two words: "de nuevo", "di nuovo",
// "à nouveau", "din nou", "مرة أخرى", "फिर से", "phir se".
var againPhrases = [][]string{{"de", "nuevo"}, {"otra", "vez"}, {"di", "nuovo"}, {"de", "novo"}, {"outra", "vez"}, {"à", "nouveau"},
	{"a", "nouveau"}, {"de", "nouveau"}, {"din", "nou"}, {"مرة", "أخرى"}, {"फिर", "से"}, {"phir", "se"}, {"trở", "lại"}}

// stateNowWords are the words for "now" and "already" that tell a state
// holds again only beside a verb of working or coming ("works now",
// "kommer igjen nå", "يعمل الآن", "अब चल रहा है").
// English "now" is in againWords, which returnCue reads beside them.
var stateNowWords = map[string]bool{"nå": true, "já": true, "ya": true, "الآن": true, "अब": true, "abhi": true, "ngayon": true,
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

// backCopulas stand before "back" and a word of backStates when it is a
// state ("is back", "we're all back in", "zijn terug", "wieder zurück"),
// and before a word of awayWords ("ist weg").
var backCopulas = map[string]bool{"is": true, "are": true, "were": true, "its": true, "was": true,
	"zijn": true, "är": true, "er": true, "on": true, "ist": true, "sind": true, "wieder": true, "weer": true}

// goingWords are the verbs a flow does when it works, beside which a word
// for "again" or "now" tells it works again: going, coming, arriving,
// passing, loading, syncing, succeeding, landing, in the languages the
// sets use. goingVerb reads them by a token's word ("comes" as "come") and
// as written, and fineWords beside them ("works").
var goingWords = map[string]bool{"coming": true, "come": true, "came": true,
	"arriving": true, "arrived": true, "arrive": true, "landed": true, "loading": true, "load": true, "loaded": true,
	"syncing": true, "synced": true, "succeeding": true, "succeeded": true, "worked": true,
	"klappt": true, "klappen": true, "kommt": true, "kommen": true, "durch": true, "geht": true, "gehen": true,
	"passent": true, "arrivent": true, "pasa": true, "pasan": true, "llega": true, "llegan": true,
	"entra": true, "entran": true, "passa": true, "passam": true, "chega": true, "chegam": true, "entram": true, "passano": true,
	"arriva": true, "arrivano": true, "gaat": true, "gaan": true, "komt": true, "komen": true, "lukt": true,
	"går": true, "kommer": true, "menee": true, "tulee": true, "tulevat": true, "przechodzi": true, "przechodzą": true,
	"przychodzą": true, "dochodzą": true, "chodí": true, "prochází": true, "jde": true, "ide": true, "проходят": true,
	"проходит": true, "приходят": true, "приходит": true, "проходять": true, "приходять": true, "geliyor": true, "geçiyor": true,
	"gidiyor": true, "masuk": true, "jalan": true, "berjalan": true, "jön": true, "jönnek": true, "megy": true,
	"ajung": true, "έρχονται": true, "περνάνε": true, "מגיעים": true, "עובר": true, "يعمل": true, "تعمل": true,
	"تصل": true, "يصل": true, "चल": true, "pumapasok": true, "dumarating": true}

// goForms are English "go" in its forms, a going verb only in "go
// through" (goingVerb). They are looked up by a token's word: "goes"
// (read "goe") is not one.
var goForms = map[string]bool{"go": true, "going": true, "goin": true, "went": true}

// throughObjects after "through" make "go through" a looking through
// ("going through the logs").
var throughObjects = map[string]bool{"the": true, "a": true, "an": true, "my": true, "our": true, "your": true, "their": true,
	"his": true, "her": true, "this": true, "that": true, "these": true, "those": true, "them": true, "it": true, "all": true,
	"some": true, "every": true, "each": true}

// ableWords are modals of being able, beside which "again" tells a thing
// works again ("we can log in again", "kan vi logga in … igen", "ich kann
// mich wieder anmelden", "bisa masuk lagi"). They are looked up by a
// token's word, whose final "s" is stripped: French "pouvons" and Spanish
// "podemos" are not read.
var ableWords = map[string]bool{"can": true, "kan": true, "kann": true, "können": true, "kunnen": true, "kunne": true, "peux": true,
	"peut": true, "puedo": true, "puede": true, "posso": true, "pode": true, "possiamo": true,
	"può": true, "mogę": true, "możemy": true, "można": true, "můžu": true, "můžeme": true, "могу": true, "можем": true, "bisa": true,
	"voi": true, "voimme": true, "tudok": true, "tudunk": true}

// youWords ask when they follow a modal: "can you", "kannst du",
// "pouvez-vous", "kan du".
var youWords = map[string]bool{"you": true, "u": true, "du": true, "ihr": true, "sie": true, "vous": true, "jij": true, "je": true,
	"ni": true, "dere": true}

// exceptWords limit what came before them in the sentence: "works again,
// except on the app".
var exceptWords = map[string]bool{"except": true, "außer": true, "ausser": true, "sauf": true, "excepto": true, "salvo": true,
	"exceto": true, "tranne": true, "behalve": true, "utom": true, "undtagen": true, "unntatt": true, "oprócz": true, "kromě": true,
	"кроме": true, "kecuali": true, "hariç": true}

// waitWords put a clause in a wish, a condition, a request to be told or
// a later time: it tells no end ("hopefully it works again soon", "let me
// know once it's back", "could you tell me when payments go through
// again", "hoffentlich geht es bald wieder"). None is read text. Spanish
// "esperamos" reads Portuguese's too; "imorgon" reads "i morgon" (a
// one-word entry reads its two words written apart).
var waitWords = mkFlowWords(
	"hope", "hopefully", "once", "when", "as soon as", "let me know", "let us know", "tell me", "will", "ill", "going to",
	"soon", "tomorrow", "later",
	"hoffentlich", "hoffe", "sobald", "wenn", "bald", "später",
	"espère", "espérons", "quand", "dès que", "lorsque", "bientôt", "demain", "plus tard",
	"ojalá", "espero", "esperamos", "cuando", "en cuanto", "pronto", "más tarde",
	"quando", "assim que", "logo", "amanhã", "mais tarde",
	"spero", "speriamo", "appena", "presto", "domani", "più tardi",
	"hopelijk", "hoop", "zodra", "wanneer", "binnenkort", "straks",
	"förhoppningsvis", "hoppas", "forhåpentligvis", "håper", "håber", "forhåbentlig", "när", "snart", "imorgon", "i morgen",
	"toivottavasti", "huomenna", "mam nadzieję", "kiedy", "gdy", "jutro", "wkrótce", "doufám", "zítra", "brzy",
	"надеюсь", "когда", "завтра", "скоро", "сподіваюся", "коли", "umarım", "inşallah", "yarın",
	"semoga", "mudah-mudahan", "kalau", "jika", "besok", "nanti", "sana", "kapag", "bukas", "mamaya",
	"remélem", "holnap", "amikor", "ελπίζω", "αύριο", "όταν", "أتمنى", "عندما", "غدا", "내일", "나중에")

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
// words' reason, or, when the logs overrule the words, the reason they
// were set aside.
func (t *Triager) endedInWords(f *facts, rw *replyWords, tr *trace) (verdict, string, bool) {
	if f.claim == claimPrivacy || f.claim == claimSecurity || f.claim == claimDataLoss {
		return verdict{}, "", false
	}
	rf := *f
	rf.sig = rw.sig
	rf.sig.resolvedBy, rf.sig.over = rw.sig.endedBy, true
	rf.claim, rf.slowConfirmed, rf.failureLevel = claimResolved, false, ""
	if f.ev != nil {
		if service, se, _ := t.pickService(&rf); se != nil && levelRank(se.Level) >= levelRank(LevelModerate) {
			// the logs overrule the words: say so, in the trace and the
			// reasons (the caller adds why)
			why := fmt.Sprintf("the reply's own words tell the end (%s), but %s shows a %s anomaly in the window: the logs decide, not the words",
				quote(rw.sig.endedBy[:1]), service, se.Level)
			tr.f("reply: %s", why)
			return verdict{}, why, false
		}
	}
	why := fmt.Sprintf("resolution told in the reply's own words: %s, no failure or question of their own", quote(rw.sig.endedBy))
	tr.f("reply: %s", why)
	rv := t.decide(&rf, tr)
	*f = rf
	return rv, why, true
}
