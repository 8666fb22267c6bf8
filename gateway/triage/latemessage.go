package triage

import (
	"slices"
	"strings"
)

// Round eighty-eight: a message that came late, or came twice. "De
// sms-herinneringen komen met flinke vertraging binnen", "les SMS arrivent
// avec 10 minutes de retard", "κάθε SMS μου έρχεται δύο φορές": the writer
// reports the messaging flow failing at its one job, on time and once,
// without a failure word the lists read. A lateness word in a sentence
// that names a message is slowness (degraded); a word for twice there is
// a failure. Either makes the ticket a failure the writer reports, at
// least medium on clean logs (the labeling conventions), while a how-to
// question or a feature request about it stays low (classify's isLow).

// messageLateWords say a thing came late, in the languages tickets come in
// (the English "late" and "delayed" are degradedWords'). Words with an
// everyday second sense are phrases: Spanish and Portuguese "tarde" is
// the afternoon, Turkish "geç" also passing.
var messageLateWords = mkFlowWords("too late", "hours late", "minutes late", "arrived late", "came late", "come late", "comes late",
	"te laat", "veel te laat", "vertraging", "vertraagd*", "zu spät", "verspätet*", "mit verspätung", "verzögert*",
	"en retard", "de retard", "trop tard", "retardé*", "llega tarde", "llegan tarde", "llegó tarde", "llegaron tarde",
	"demasiado tarde", "con retraso", "retrasad*", "chega atrasad*", "chegou atrasad*", "com atraso", "tarde demais",
	"in ritardo", "di ritardo", "troppo tardi", "för sent", "försent", "försenad*", "for sent", "for seint", "forsinket",
	"myöhässä", "viiveellä", "za późno", "z opóźnieniem", "opóźnion*", "spóźnion*", "pozdě", "se zpožděním", "zpožděn*",
	"neskoro", "s oneskorením", "oneskoren*", "késve", "késéssel", "későn", "cu întârziere", "prea târziu", "întârzie*",
	"geç geldi", "geç geliyor", "geç geliyo", "gecikmeli", "с опозданием", "опаздыва*", "опозда*",
	"із запізненням", "запізн*", "με καθυστέρηση", "καθυστερ*", "באיחור", "متأخر*", "بتأخير", "terlambat", "telat",
	"naantala", "muộn", "trễ", "sa zakašnjenjem", "kasni", "hilinemis*", "hilines", "pavėlav*", "vėluoj*", "ar nokavēšanos",
	"มาช้า", "ล่าช้า", "迟到", "晚到", "才收到", "遲到", "遅れて", "遅れる", "늦게*", "देर से")

// twiceWords say a thing came twice or more.
var twiceWords = mkFlowWords("twice", "two times", "duplicate*", "zweimal", "doppelt", "deux fois", "en double", "dos veces",
	"duplicad*", "duas vezes", "due volte", "doppi*", "twee keer", "dubbel", "två gånger", "to ganger", "to gange",
	"kahdesti", "kaksi kertaa", "dwa razy", "dvakrát", "dvakrat", "дважды", "два раза", "iki kez", "iki defa", "iki kere",
	"δύο φορές", "δυο φορές", "dua kali", "两次", "兩次", "2回", "二回", "두 번", "مرتين", "פעמיים", "kétszer", "de două ori",
	"dva puta", "dvaput", "hai lần", "สองครั้ง")

// reminderWords are messages a service sends on its own clock, beside
// messageNouns and the messaging flow's words.
var reminderWords = mkFlowWords("reminder*", "herinnering*", "påminnelse*", "påmindelse*", "erinnerung*", "recordatorio*",
	"lembrete*", "promemoria", "przypomnien*", "напоминани*", "hatırlatma*", "muistutu*", "emlékeztet*", "υπενθύμιση*",
	"תזכורת*", "تذكير*", "pengingat", "nhắc nhở", "リマインダー", "리마인더*", "alert*")

// messageNamed reports whether a message word stands in sentence n.
func messageNamed(toks []token, sentence []int, n int) bool {
	messaging := flowKindNamed("messaging").does
	for i := range toks {
		if i < len(sentence) && sentence[i] == n &&
			(messageNouns.matches(toks, i) || messaging.matches(toks, i) || reminderWords.matches(toks, i)) {
			return true
		}
	}
	return false
}

// lateMessages returns the lateness words, not negated, in a sentence
// that names a message.
func lateMessages(toks []token, sentence []int) []hit {
	return messageHits(toks, sentence, findAll(toks, messageLateWords), false)
}

// twiceMessages returns the words for twice, not negated, in a sentence
// that names a message, unless the sentence tells of the writer's tries
// ("I tried twice") or of money ("charged twice" is the payment's).
func twiceMessages(toks []token, sentence []int) []hit {
	return messageHits(toks, sentence, findAll(toks, twiceWords), true)
}

func messageHits(toks []token, sentence []int, hs []hit, twice bool) []hit {
	var out []hit
	for _, h := range hs {
		if h.neg || h.pos >= len(sentence) || !messageNamed(toks, sentence, sentence[h.pos]) {
			continue
		}
		if twice && (sentenceHas(toks, h.pos, attemptWords) || sentenceHas(toks, h.pos, paidWords) || sentenceHas(toks, h.pos, chargeWords) ||
			len(findAll(toks, cosmeticWords)) > 0) {
			continue // a try, money, or a word written twice (a typo)
		}
		if !twice && lateIsTopic(toks, h) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// lateIsTopic reports whether the lateness is what a message or a bill is
// about, not how a message came: right before a message word ("gecikme
// SMS'i", a delay SMS) or beside a billing word ("invoice overdue",
// "כשחשבונית באיחור").
func lateIsTopic(toks []token, h hit) bool {
	end := h.pos + len(h.phrase)
	if end < len(toks) && (messageNouns.matches(toks, end) || reminderWords.matches(toks, end)) {
		return true
	}
	for k := max(0, h.pos-2); k <= end+1 && k < len(toks); k++ {
		if (k < h.pos || k >= end) && (billedAt(toks, k) || billedAt(unattached(toks[k], 1), 0) || billedAt(unattached(toks[k], 2), 0)) {
			return true
		}
	}
	return false
}

func billedAt(toks []token, k int) bool {
	return len(toks) > k && (billingWords.matches(toks, k) || accountDocuments.matches(toks, k))
}

// writtenOnto are attachedPrefixes and the Hebrew "as" and "from" (כ, מ).
var writtenOnto = append(slices.Clone(attachedPrefixes), "כ", "מ")

// unattached returns t without n of the Hebrew or Arabic prefixes written
// onto it ("כשחשבונית": when the invoice), as a one-token list; nil when
// it has none.
func unattached(t token, n int) []token {
	for ; n > 0; n-- {
		cut := false
		for _, pre := range writtenOnto {
			if rest, ok := strings.CutPrefix(t.raw, pre); ok && rest != "" {
				t.w, t.raw, t.f, t.fw = rest, rest, fold(rest), fold(rest)
				t.pos, cut = 0, true
				break
			}
		}
		if !cut {
			return nil
		}
	}
	return []token{t}
}
