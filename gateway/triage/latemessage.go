package triage

import (
	"slices"
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
// Not "duplicate", "doppio" or "dubbel": a copy made, a double-breasted
// jacket, a double duvet.
var twiceWords = mkFlowWords("twice", "two times", "zweimal", "doppelt", "deux fois", "en double", "dos veces",
	"duas vezes", "due volte", "twee keer", "två gånger", "to ganger", "to gange",
	"kahdesti", "kaksi kertaa", "dwa razy", "dvakrát", "dvakrat", "дважды", "два раза", "iki kez", "iki defa", "iki kere",
	"δύο φορές", "δυο φορές", "dua kali", "两次", "兩次", "2回", "二回", "두 번", "مرتين", "פעמיים", "kétszer", "de două ori",
	"dva puta", "dvaput", "hai lần", "สองครั้ง")

// reminderWords are messages a service sends on its own clock, beside
// messageNouns and the messaging flow's words.
var reminderWords = mkFlowWords("reminder*", "herinnering*", "påminnelse*", "påmindelse*", "erinnerung*", "recordatorio*",
	"lembrete*", "promemoria", "przypomnien*", "напоминани*", "hatırlatma*", "muistutu*", "emlékeztet*", "υπενθύμιση*",
	"תזכורת*", "تذكير*", "pengingat", "nhắc nhở", "リマインダー", "리마인더*", "alert*")

// lateThings are people and vehicles that are late themselves: the
// driver, the courier, the train. When one of them is what a sentence is
// about before a message word, the lateness is theirs ("Mein Zug kam mit
// Verspätung an, deshalb habe ich die SMS verpasst"), unless a message
// word follows it at once ("the driver SMS", "a sofőr SMS-e").
var lateThings = mkFlowWords("driver*", "chauffeur*", "conductor*", "courier*", "rider*", "train", "bus", "buses",
	"tram*", "flight*", "fahrer*", "zug", "kurier*", "livreur*", "bezorger*", "koerier*", "trein*", "repartidor*",
	"autobús", "tren", "vuelo*", "motorista*", "entregador*", "autista*", "corriere*", "treno*", "förare*",
	"chaufför*", "tåget", "tåg", "chauffør*", "sjåfør*", "kierowc*", "pociąg*", "řidič*", "kurýr*", "vlak*", "sofőr*",
	"futár*", "vonat*", "şoför*", "kurye*", "водител*", "курьер*", "поезд*", "οδηγ*", "τρένο*", "sopir", "kurir",
	"tài xế", "ドライバー", "運転手", "司机", "快递员", "기사*", "נהג*", "سائق*")

// readLate are the writer's reading or seeing: "I read the mail too late"
// is the writer's lateness, not the message's.
var readLate = mkFlowWords("read", "saw", "seen", "noticed", "gelesen", "gesehen", "bemerkt", "läste", "lest", "såg",
	"lu", "vu", "leído", "visto", "letto", "gelezen", "zag", "gezien", "læste", "leste", "przeczytał*", "zauważył*",
	"přečetl*", "olvastam", "okudum", "gördüm", "прочитал*", "увидел*", "διάβασα", "membaca", "baca", "đọc", "読んだ",
	"看到", "읽었*", "קראתי")

// arrivedPast are the forms of coming that arriveWords and
// receivedWords lack.
var arrivedPast = mkFlowWords("kam", "kamen", "kwam", "kwamen", "kom", "ήρθε", "έρχεται", "geliyor", "прийшов", "datang", "到了")

// cameIn reports whether the sentence holding toks[i] tells a thing came.
func cameIn(toks []token, i int) bool {
	return sentenceHas(toks, i, arriveWords, receivedWords, arrivedPast)
}

// lateCancelled say the message came on time, or is late no longer: a
// lateness told in the same sentence is not the writer's report. A
// one-word phrase also matches its words written apart: "anymore" is
// "any more", and "not anymore" too.
var lateCancelled = mkFlowWords("on time", "in time", "a tiempo", "na czas", "pünktlich", "rechtzeitig", "à l'heure",
	"à temps", "op tijd", "in tempo", "a tempo", "i tid", "i tide", "včas", "időben", "zamanında", "вовремя", "εγκαίρως",
	"tepat waktu", "đúng giờ", "准时", "按时", "時間通り", "제시간*", "בזמן", "no longer", "anymore",
	"now fine", "fine now", "now they are fine", "niet meer", "nicht mehr", "ya no", "non più", "inte längre", "ikke længere",
	"ikke lenger", "już nie", "už ne", "больше не", "artık", "plus en retard", "plus de retard")

// latePaid are paying, as a verb or noun: a writer late with a payment
// is late themselves ("Sono in ritardo con il pagamento", "Saya
// terlambat membayar tagihan"). Chinese and Japanese are read a
// character a token, so a starred word of theirs matches nothing: the
// Japanese "支払*" the round wrote never matched and is not here.
var latePaid = mkFlowWords("pay", "paying", "payment*", "zahlung*", "zahlen", "bezahl*", "betal*", "pagar", "pago",
	"pagamento*", "pagare", "payer", "paiement*", "płac*", "płatnoś*", "zapłac*", "platb*", "zaplat*", "fizet*",
	"ödeme*", "öde*", "оплат*", "платеж*", "πληρωμ*", "membayar", "bayar", "pembayaran", "thanh toán", "支付", "付款",
	"결제*", "תשלום*", "לשלם", "دفع*", "سداد")

// twiceShown are the words of a layout or a request: "the address
// appears twice in the header", "could you send it twice": a defect of
// the look, or a wish, not a message that came twice.
var twiceShown = mkFlowWords("header", "footer", "layout", "printed", "appear", "shown", "displayed", "pdf",
	"template", "could you", "can you", "would you", "est-ce possible", "könnten sie", "können sie", "kunnen jullie",
	"podrían", "podría", "potreste", "potete", "kan ni", "kan i", "czy możecie", "erscheint", "apparaît", "aparece",
	"compare", "staat")

// twiceAsked are the writer asking for a message or pressing for it: "I
// asked for a password reset twice", "clicked resend twice". The twice is
// the writer's asking, not a message that came twice.
var twiceAsked = mkFlowWords("asked", "requested", "clicked", "pressed", "tapped", "resend", "resent",
	"angefordert", "geklickt", "gedrückt", "demandé", "cliqué", "solicité", "solicitado", "pedí", "pulsé", "pulsado",
	"reenviar", "richiesto", "cliccato", "aangevraagd", "geklikt", "solicitei", "pedi", "cliquei", "poprosiłem",
	"poprosiłam", "kliknąłem", "kliknęłam", "begärde", "klickade")

// messageNamed reports whether a message word stands in sentence n.
func messageNamed(toks []token, sentence []int, n int) bool {
	for i := range toks {
		if i < len(sentence) && sentence[i] == n && messageAt(toks, i) {
			return true
		}
	}
	return false
}

// messageAt reports whether a message word stands at toks[i].
func messageAt(toks []token, i int) bool {
	return messageNouns.matches(toks, i) || messagingDoes.matches(toks, i) || reminderWords.matches(toks, i)
}

var messagingDoes = flowKindNamed("messaging").does

// lateMessages returns the lateness words, not negated, of a message:
// in a sentence that names one, what the sentence is about first (in
// the late word's clause, else in the sentence) a message and no person
// or vehicle; not the writer's reading, not a sentence that says it came
// on time or late no longer, not a question whether it can happen, and
// not a payment's or a bill's lateness.
func lateMessages(toks []token, sentence, clause []int) []hit {
	var out []hit
	for _, h := range findAll(toks, messageLateWords) {
		if h.neg || h.pos >= len(sentence) {
			continue
		}
		n, back := sentence[h.pos], false
		if !messageNamed(toks, sentence, n) {
			// "Ich habe die SMS bekommen. Sie kam aber 20 Minuten zu spät",
			// the subject "Fahrer-SMS" over "Kommt seit Tagen zu spät": a
			// sentence that only tells something came, late, with no
			// person or vehicle in it, goes on about the one before.
			if n == 0 || !messageNamed(toks, sentence, n-1) || !cameIn(toks, h.pos) || sentenceHas(toks, h.pos, lateThings) {
				continue
			}
			back = true
		}
		if inQuestion(toks, h.pos, sentence) || sentenceHas(toks, h.pos, readLate, lateCancelled) ||
			lateIsTopic(toks, h, clause) || !back && !messageFirst(toks, h.pos, sentence, clause) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// messageFirst reports whether the first message or late thing in the
// clause of toks[i] (or, with neither there, in its sentence) is a
// message: the driver's lateness ("El conductor llegó tarde") is not the
// SMS's.
func messageFirst(toks []token, i int, sentence, clause []int) bool {
	for _, same := range []func(k int) bool{
		func(k int) bool { return clause[k] == clause[i] },
		func(k int) bool { return sentence[k] == sentence[i] },
	} {
		for k := range toks {
			if k >= len(sentence) || k >= len(clause) || !same(k) {
				continue
			}
			if messageAt(toks, k) {
				return true
			}
			if lateThings.matches(toks, k) {
				return k+1 < len(toks) && same(k+1) && messageAt(toks, k+1)
			}
		}
	}
	return false
}

// twiceMessages returns the words for twice, not negated, in a sentence
// that names a message, unless the sentence tells of the writer's tries
// or asking ("I tried twice", "I asked for a reset twice"), of money
// ("charged twice" is the payment's), of a layout or a request, or asks;
// none in a ticket with cosmetic words (a word written twice, a typo).
func twiceMessages(toks []token, sentence []int) []hit {
	twice := findAll(toks, twiceWords)
	if len(twice) == 0 || len(findAll(toks, cosmeticWords)) > 0 {
		return nil
	}
	var out []hit
	for _, h := range twice {
		if h.neg || h.pos >= len(sentence) || !messageNamed(toks, sentence, sentence[h.pos]) {
			continue
		}
		if sentenceHas(toks, h.pos, attemptWords, twiceAsked, paidWords, chargeWords, twiceShown, lateCancelled) ||
			inQuestion(toks, h.pos, sentence) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// lateIsTopic reports whether the lateness is what a message or a bill is
// about, not how a message came: right before a message word ("gecikme
// SMS'i", a delay SMS), or a billing word or a payment in its clause
// ("invoice overdue", "כשחשבונית באיחור", "in ritardo con il pagamento").
func lateIsTopic(toks []token, h hit, clause []int) bool {
	end := h.pos + len(h.phrase)
	if end < len(toks) && (messageNouns.matches(toks, end) || reminderWords.matches(toks, end)) {
		return true
	}
	for k := range toks {
		if k >= len(clause) || clause[k] != clause[h.pos] || k >= h.pos && k < end {
			continue
		}
		if billedAt(toks, k) || latePaid.matches(toks, k) {
			return true
		}
		// the word without one prefix, then without a second
		if u := unattached(toks[k], writtenOnto, 1); u != nil && (billedAt(u, 0) || billedAt(unattached(u[0], writtenOnto, 1), 0)) {
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
