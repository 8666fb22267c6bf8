package triage

import (
	"slices"
	"strings"
)

// Round seventy-six: two outcomes the lists read only in some languages
// or for some things.
//
// A message that did not come is the messaging service's failure
// (undeliveredMessage), but that reader knows the verbs of arriving of a
// few languages and a negator standing apart from them. Many languages
// build the denial into the verb or put it where those lists do not look:
// Czech and Slovak prefix it ("nepřišel", "nedostal"), Turkish suffixes it
// ("gelmedi", "gitmiyor", "alamadım"), Korean puts 못/안 before the verb or
// -지 않/-지 못 after it ("못 받았습니다", "오지 않아요"), Hindi puts नहीं
// before the verb ("नहीं आया", romanised "nahi aaya"), Indonesian
// "tidak"/"belum" before "masuk" or "sampai" (a message "enters"), the
// Nordic languages "inte"/"ikke" after the finite verb or before the
// participle ("har inte fått", "fikk ikke"), and many say "no message came"
// with the negative determiner on the noun ("inget mejl kommit", "es kam
// keine Meldung"). notArrivedMessage reads those.
//
// A message the writer deleted and asks to be sent again is the messaging
// service's too (a request, low): "I deleted the confirmation e-mail by
// mistake, could you resend it?" names the order it confirmed, but what is
// asked is the message (deletedMessageAsked).
//
// Paid, but the thing bought not given: "charged but no order" is the
// order's service (relevantMentions, with paidWords and
// orderMissingWords), but the lists read only an order or a booking
// missing, and "paid" in a few languages. A pass not issued, a ticket not
// in the app, a claim left in draft, a lot still awaiting payment, a book
// not in the library, a donation not on the page: the outcome is the
// ordering flow's, whatever took the money (paidNotGot).

// deniedArrivals are verbs of a message arriving or being received that
// carry their own denial, in the languages undeliveredMessage does not
// read so.
var deniedArrivals = mkFlowWords(
	// Czech and Slovak: the negation is the verb's prefix
	"nepřišel", "nepřišla", "nepřišlo", "nepřišly", "nepřišli", "nepřichází", "nepřicházejí", "nedorazil*", "nedorazí",
	"nedošel", "nedošla", "nedošlo", "nedostal*", "nedostáv*", "neobdržel*", "nechodí", "neprišiel", "neprišla", "neprišlo",
	"neprišli", "neprichádza*", "nedostávam", "nedorazila",
	// Turkish: the negation is a suffix of the verb
	"gelmedi", "gelmiyor", "gelmemiş", "gelmemis", "ulaşmadı", "ulaşmıyor", "ulaşmamış", "gitmedi", "gitmiyor", "gönderilmedi",
	"gönderilmiyor", "almadım", "alamadım", "alamıyorum", "alamıyoruz", "alamadık", "düşmedi", "düşmüyor",
	// Korean: 못/안 before the verb, -지 않/-지 못 after its stem
	"못 받*", "안 받*", "받지 못*", "받지 않*", "안 와*", "안 옴", "안 오*", "안 왔*", "오지 않*", "도착하지 않*", "수신되지 않*", "미수신",
	// Hindi, and Hindi written in Latin letters
	"नहीं आया", "नहीं आई", "नहीं आए", "नहीं आ रहा", "नहीं आ रही", "नहीं आ रहे", "नहीं मिला", "नहीं मिली", "नहीं मिले", "nahi aaya",
	"nahi aayi", "nahi aaye", "nahi aa raha", "nahi aa rahi", "nahi mila", "nahi mili", "nahin aaya", "nahin aayi", "nahin mila",
	"nhi aaya", "nhi aayi", "nahi aya",
	// Indonesian and Malay: a message "enters" or "arrives"
	"tidak masuk", "belum masuk", "tidak pernah masuk", "tak masuk", "nggak masuk", "gak masuk", "tidak datang", "belum datang",
	"tidak sampai", "belum sampai", "tak sampai", "tidak terima", "belum terima", "tidak menerima", "belum menerima",
	"tidak diterima", "belum diterima", "tidak terkirim", "belum terkirim", "tidak dapat", "belum dapat",
	// Swedish, Norwegian and Danish: the negator after the finite verb
	"inte fått", "inte kommit", "fick inte", "fick inget", "fick ingen", "fick aldrig", "får inte", "får inga", "får ingen",
	"får inget", "kom inte", "kom aldrig", "aldrig fått", "aldrig kommit", "ikke fått", "ikke kommet", "fikk ikke", "fikk ingen",
	"fikk aldri", "får ikke", "kom ikke", "aldri fått", "aldri kommet", "ikke fået", "fik ikke", "fik ingen", "fik aldrig",
	"ikke modtaget", "ikke mottatt", "aldrig fået",
	// German and Dutch ("nichts bekommen" is read as "nicht bekommen": the
	// plural's "s" is stripped)
	"nicht bekommen", "nie bekommen", "nicht erhalten", "nie erhalten", "nicht gekommen", "nie gekommen",
	"niet gekregen", "nooit gekregen", "niet ontvangen", "nooit ontvangen", "niet binnengekomen", "nooit binnengekomen",
	// Vietnamese
	"chưa nhận được", "không nhận được", "chưa nhận", "không nhận", "chưa tới", "không tới", "chưa về", "không về",
	// Japanese, Chinese and Thai
	"届いていない", "届いていません", "届いてない", "届かない", "届きません", "来ない", "来ていない", "来ません", "受け取っていない",
	"受け取れない", "受信できない", "没有收到", "没收到", "未收到", "收不到", "ไม่ได้รับ", "ยังไม่ได้รับ",
	// Arabic and Hebrew
	"لم يصل", "لم تصل", "لم يصلني", "لم تصلني", "لم أستلم", "لم استلم", "لم أتلق", "لم اتلق", "ما وصل", "ما وصلني", "לא הגיע",
	"לא הגיעה", "לא הגיעו", "לא קיבלתי", "לא קיבלנו", "לא התקבל",
	// Russian, Ukrainian and Polish
	"не пришел", "не пришёл", "не пришла", "не пришло", "не пришли", "не приходит", "не приходят", "не получил*", "не получаю",
	"не получаем", "не доходит", "не доходят", "не дошло", "не дошел", "не дошла", "не прийшов", "не прийшла", "не прийшло",
	"не прийшли", "не приходить", "не приходять", "не надійшов", "не надійшла", "не надійшло", "не отримав*", "не отримую",
	"не дійшов", "не дійшло", "nie przyszedł", "nie przyszła", "nie przyszło", "nie przyszły", "nie dostałem", "nie dostałam",
	"nie dostaliśmy", "nie otrzymałem", "nie otrzymałam", "nie otrzymaliśmy", "nie doszedł", "nie doszła", "nie doszło",
	// Greek, Finnish, Hungarian, Romanian, the South Slavic languages
	"δεν ήρθε", "δεν έχει έρθει", "δεν έλαβα", "δεν έχω λάβει", "δεν παρέλαβα", "ei tullut", "ei ole tullut", "en saanut",
	"en ole saanut", "nem jött", "nem kaptam", "nem kaptuk", "nu a venit", "nu am primit", "n-am primit", "nu primesc",
	"nu a ajuns", "nije stigao", "nije stigla", "nije stiglo", "nisu stigli", "nisam dobio", "nisam dobila", "nisam primio",
	"nisam primila",
	// Spanish: the preterite "llegó" is no form of "llega*"
	"no llegó", "no me llegó", "nunca llegó", "nunca me llegó")

// noneArrived are verbs of arriving or receiving, in any form, that say
// no message came when a negative determiner stands on the message noun
// ("inget mejl kommit", "es kam keine Meldung", "geen mail gekregen").
var noneArrived = mkFlowWords("kommit", "kom", "kommer", "kam", "kamen", "gekommen", "bekommen", "erhalten", "gekregen",
	"ontvangen", "fått", "fick", "fikk", "fik", "fået", "kommet", "mottatt", "modtaget", "came", "arrived", "received", "got")

// noneDeterminers are the negative determiners those sentences put on the
// message noun.
var noneDeterminers = map[string]bool{"no": true, "kein": true, "keine": true, "keinen": true, "geen": true, "inget": true,
	"ingen": true, "inga": true, "intet": true}

// moreMessageNouns are messages in the words messageNouns lacks: German and
// Dutch notices (not "+meldung*": an "Anmeldung" is a sign-in, a
// "Fehlermeldung" an error shown), a compound ending in mail ("kvitteringsmailen"), the
// Estonian e-mail in its inflected stem ("e-kirja"), the Nordic "e-post"
// and reminder, Korean, Hindi, Japanese and Chinese, the Turkish SMS with
// its case ending ("SMS'i").
var moreMessageNouns = mkFlowWords("nachricht*", "benachrichtigung*", "meldung*", "+mail*", "+mejl*", "e-kirj*", "mitteilung*", "melding*", "notis*",
	"e-post*", "påminnelse*", "varsel", "varslet", "sms*", "bildirim*", "문자", "문자를", "문자가", "문자는", "문자도", "이메일*",
	"메일*", "알림*", "메시지*", "푸시*", "ईमेल", "मेल", "मैसेज", "एसएमएस", "संदेश", "通知", "メッセージ", "消息", "短讯")

// signInCodeWords are sign-in codes written as one word or in the forms
// codeNouns lacks: the Korean 인증번호 ("authentication number"), the
// Japanese 認証コード, the Russian code in the instrumental ("смс с
// кодом"), the Indonesian "kode verifikasi". A message carrying one that
// did not come is the code's, which the readers of codes decide.
var signInCodeWords = mkFlowWords("인증번호*", "인증 번호*", "인증코드*", "보안코드*", "otp*", "認証コード", "確認コード", "認証番号",
	"验证码", "驗證碼", "кодом", "коду", "код подтверждения", "kode verifikasi", "kode otp", "mã xác thực", "mã otp", "mã xác minh",
	"ओटीपी", "doğrulama kodu", "ověřovací kód*", "kod weryfikacyjny", "kodu weryfikacyjnego")

// noticeNouns are message nouns that as often name a notice on a screen
// ("ich habe keine Meldung bekommen, die Zahlung hängt"): a negative
// determiner on one says nothing of a message sent.
var noticeNouns = mkFlowWords("meldung*", "melding*", "mitteilung*", "notis*", "nachricht*", "message*", "messages")

// quotedAt reports whether the word at k stands in a line the writer
// quotes ("> Potvrzovací e-mail mi nepřišel." under a reply's thanks): the
// sentence's first word follows pasted-text punctuation (">") at a line's
// start.
func quotedAt(toks []token, k int) bool {
	from, _ := sentenceOf(toks, k)
	return from > 0 && toks[from].stop && toks[from].code
}

// lateWords after a denied arrival say the message came, late: "did not
// arrive until noon", "kam erst", "inte förrän".
var lateWords = map[string]bool{"until": true, "till": true, "förrän": true, "før": true, "bis": true, "erst": true,
	"jusqu": true, "hasta": true, "até": true, "fino": true, "tot": true}

// notArrivedMessage is the position of a message noun whose arrival its
// clause denies in the forms above, within six words of it, or -1. A
// message noun after an error word is what a screen shows; a denial
// followed by "until" tells a message that came late.
func notArrivedMessage(toks []token, cl []int) int {
	isMessage := func(k int) bool {
		if k < 0 || k >= len(toks) || k >= len(cl) {
			return false
		}
		if k > 0 && errorWords[toks[k-1].w] {
			return false
		}
		return messageNouns.matches(toks, k) || moreMessageNouns.matches(toks, k)
	}
	// A sign-in code in the denial's reach is what did not come ("không
	// nhận được mã xác thực qua SMS"): the readers of codes decide it.
	near := func(at, n int) int {
		p := -1
		for k := max(0, at-6); k < len(toks) && k < len(cl) && k <= at+n+6; k++ {
			if cl[k] != cl[at] || k >= at && k < at+n {
				continue
			}
			if signInCode(toks, k) || signInCodeWords.matches(toks, k) {
				return -1
			}
			if p < 0 && isMessage(k) {
				p = k
			}
		}
		return p
	}
	for _, h := range findAll(toks, deniedArrivals) {
		end := h.pos + len(h.phrase)
		if h.pos >= len(cl) || quotedAt(toks, h.pos) || end < len(toks) && !toks[end].brk && lateWords[toks[end].w] {
			continue
		}
		if p := near(h.pos, len(h.phrase)); p >= 0 {
			return p
		}
	}
	// "inget mejl kommit", "es kam keine Meldung": the negative determiner
	// on the noun, a verb of arriving within four words in its clause.
	for i := 1; i < len(toks) && i < len(cl); i++ {
		if !isMessage(i) || toks[i].brk || !noneDeterminers[toks[i-1].w] || noticeNouns.matches(toks, i) || quotedAt(toks, i) {
			continue
		}
		for k := max(0, i-4); k < len(toks) && k < len(cl) && k <= i+4; k++ {
			if cl[k] == cl[i] && k != i && k != i-1 && noneArrived.matches(toks, k) {
				return i
			}
		}
	}
	return -1
}

// deleteWords are the writer's own deleting, in the past: "I deleted",
// "kustutasin", "حذفت", "slettede"; and the infinitive a Nordic "came to"
// takes ("kom til at slette").
var deleteWords = mkFlowWords("deleted", "removed", "gelöscht", "supprimé", "supprimée", "effacé", "effacée", "borré", "eliminé",
	"apaguei", "excluí", "cancellato", "cancellata", "eliminato", "eliminata", "verwijderd", "raderade", "raderat", "slettede",
	"slettet", "slette", "usunąłem", "usunęłam", "skasowałem", "skasowałam", "smazal", "smazala", "удалил", "удалила",
	"видалив", "видалила", "sildim", "kustutasin", "poistin", "töröltem", "am șters", "xóa", "xoá", "menghapus", "terhapus",
	"حذفت", "حذفته", "حذفتها", "מחקתי", "डिलीट कर दिया", "डिलीट हो गया", "削除してしまい", "削除しました", "删了", "删除了", "삭제했")

// passiveAux are the auxiliaries of a passive before a delete word: a
// thing "was removed", "wurde gelöscht", "ble slettet" by someone, not by
// the writer.
var passiveAux = map[string]bool{"was": true, "were": true, "been": true, "is": true, "are": true, "got": true, "get": true,
	"wurde": true, "wurden": true, "worden": true, "werd": true, "werden": true, "blev": true, "ble": true, "bliver": true,
	"blir": true, "été": true, "fue": true, "foi": true, "stato": true, "stata": true, "został": true, "została": true,
	"zostało": true, "byl": true, "byla": true, "bylo": true, "был": true, "была": true, "было": true}

// passiveAfter are the auxiliaries a German or Dutch subordinate clause
// puts after the participle ("dass die Abholung gelöscht wurde").
var passiveAfter = map[string]bool{"wurde": true, "wurden": true, "worden": true, "werd": true, "werden": true}

// sendAgainWords and sendWords ask for a thing to be sent once more where
// resendWords has no whole phrase: "uuesti saata", "إرسال … مرة أخرى",
// "poslat znovu".
var (
	sendAgainWords = mkFlowWords("again", "uuesti", "مرة أخرى", "مرة ثانية", "znovu", "ponovno", "újra", "din nou", "igen", "igjen",
		"uudelleen", "ponownie", "ещё раз", "еще раз", "ще раз", "tekrar", "lại", "lagi", "다시", "שוב")
	sendWords = mkFlowWords("send", "saata", "saada", "إرسال", "ترسل*", "أرسل*", "poslat", "pošlete", "poslati", "küld*",
		"trimite*", "sende", "skicka", "lähet*", "wysła*", "отправ*", "надісл*", "gönder*", "gửi", "kirim", "보내*", "לשלוח")
)

// hungarianSend reports whether w is a form of the Hungarian "küld" (send).
func hungarianSend(w string) bool {
	return strings.HasPrefix(w, "küld") || strings.HasPrefix(w, "kuld")
}

// deletedMessageAsked is the position of a message noun the writer says
// they deleted (a delete word within six words of it in its sentence:
// an adverb and two modifiers may stand between, "kustutasin kogemata
// oma tellimuse kinnituse e-kirja") in a ticket that asks for a message
// to be sent again, or -1. Not a
// message that is itself the thing bought, a card or a ticket sent by
// e-mail ("the gift card e-mail", "a gift card by e-mail"): that thing's
// service's (carriesThing).
func deletedMessageAsked(toks []token, resent bool) int {
	if !resent && !sendAgain(toks) {
		return -1
	}
	for _, h := range findAll(toks, deleteWords) {
		// "my pickup was removed", "dass sie gelöscht wurde": not the
		// writer's deleting
		end := h.pos + len(h.phrase)
		if h.pos > 0 && !toks[h.pos].brk && passiveAux[toks[h.pos-1].w] || end < len(toks) && !toks[end].brk && passiveAfter[toks[end].w] {
			continue
		}
		from, to := sentenceOf(toks, h.pos)
		for k := max(from, h.pos-6); k < to && k <= h.pos+len(h.phrase)+6; k++ {
			if k != h.pos && (messageNouns.matches(toks, k) || moreMessageNouns.matches(toks, k)) {
				if carriesThing(toks, k) {
					return -1
				}
				return k
			}
		}
	}
	return -1
}

// carriesThing reports whether a card or a thing bought stands up to two
// words before the message noun at k in its clause: "the gift card
// e-mail", "a gift card by e-mail", "das Ticket per Mail".
func carriesThing(toks []token, k int) bool {
	return inClauseBefore(toks, k, 2, func(j int) bool {
		return cardNouns[toks[j].w] || givenThings.matches(toks, j) || boughtThings.matches(toks, j)
	})
}

// sendAgain reports whether a send word and an again word stand within
// three words of each other in one sentence.
func sendAgain(toks []token) bool {
	for _, h := range findAll(toks, sendWords) {
		from, to := sentenceOf(toks, h.pos)
		for k := max(from, h.pos-3); k < to && k <= h.pos+len(h.phrase)+3; k++ {
			// "igen" is "again" in Danish and Swedish but "yes" in
			// Hungarian: not beside a Hungarian send word
			if k != h.pos && sendAgainWords.matches(toks, k) && !(toks[k].w == "igen" && hungarianSend(toks[h.pos].w)) {
				return true
			}
		}
	}
	return false
}

// messageOutcome is undeliveredMessage widened by this round's readers:
// the position of a message that did not come, or that the writer
// deleted and asks for again (deleted true), or -1.
func messageOutcome(toks []token, failing map[int]bool, cl []int, sig *signals) (int, bool) {
	if p := undeliveredMessage(toks, failing, cl); p >= 0 {
		return p, false
	}
	if p := notArrivedMessage(toks, cl); p >= 0 {
		return p, false
	}
	if p := deletedMessageAsked(toks, messageResent(sig)); p >= 0 {
		return p, true
	}
	return -1, false
}

// paidForms are words that money was taken or a thing bought, in the
// forms paidWords lacks: "bought", "the payment went through", "compré",
// "оплатила", "購入しました", "đã thanh toán".
var paidForms = mkFlowWords("bought", "purchased", "donated", "payment went through", "payment was successful",
	"payment successful", "payment completed", "payment as completed", "payment was completed", "payment is complete",
	"payment was accepted", "payment was approved", "payment was confirmed", "payment confirmed",
	"gekauft", "zahlung ging durch", "zahlung war erfolgreich", "acheté", "paiement accepté", "paiement validé",
	"paiement est passé", "compré", "he comprado", "me cobraron", "me han cobrado", "comprei", "acabei de comprar",
	"pagamento passou", "pagamento confirmado", "pagamento foi confirmado", "comprato", "acquistato", "ho pagato", "gekocht",
	"betaling is gelukt", "köpte", "köpt", "kjøpte", "kjøpt", "købte", "købt", "betalt", "betalingen gikk gjennom",
	"betalningen gick igenom", "zapłaciłem", "zapłaciłam", "zapłaciliśmy", "kupiłem", "kupiłam", "zostały pobrane",
	"zaplatil", "zaplatila", "zaplatili", "koupil", "koupila", "оплатил", "оплатила", "оплатили", "заплатил", "заплатила",
	"купил", "купила", "оплатив", "заплатив", "купив", "ödedim", "ödeme yaptım", "satın aldım", "購入しました", "購入した",
	"買いました", "支払いも完了", "支払いが完了", "決済しました", "已付款", "付款了", "支付成功", "已支付", "购买了", "买了",
	"결제했*", "결제 완료", "결제가 완료", "구매했*", "구입했*", "đã thanh toán", "thanh toán thành công", "đã mua",
	"sudah bayar", "sudah membayar", "sudah dibayar", "pembayaran berhasil", "sudah membeli", "دفعت", "اشتريت", "تم الدفع",
	"שילמתי", "קניתי", "भुगतान कर दिया", "भुगतान हो गया", "पेमेंट हो गया", "खरीदा", "खरीदी", "πλήρωσα", "αγόρασα",
	"maksoin", "ostin", "fizettem", "kifizettem", "megvettem", "am plătit", "am cumpărat")

// givenThings are things bought that the shop then issues or shows, in
// the words boughtThings and orderNouns lack: a pass, a voucher, access, a
// slot, a claim, a book, a donation, a lot (a plural is read as its
// singular: "slots" as "slot"; "passes" is not stripped so).
var givenThings = mkFlowWords("pass", "passes", "voucher*", "access", "slot", "claim", "book",
	"audiobook*", "ebook*", "donation*", "lot", "gutschein*", "zugang", "hörbuch*", "+ticket*", "tageskarte*",
	"accès", "livre", "boleto*", "libro", "acceso", "ingresso*", "livro", "acesso", "accesso",
	"kaartje*", "toegang", "biljett*", "billett*", "bilet*", "karnet*", "książk*", "dostęp*", "zamówieni*", "zamówień",
	"vstupenk*", "jízdenk*", "knih*", "přístup*", "билет*", "книг*", "доступ*", "квит*", "замовлення",
	"sipariş*", "kitap*", "パス", "チケット", "注文", "門票", "门票", "订单", "티켓", "이용권", "패스", "vé", "đơn hàng",
	"tiket", "pesanan", "تذكرة", "تذاكر", "टिकट", "ऑर्डर", "पास", "εισιτήρι*", "παραγγελί*", "lippu*", "jegy*", "bilet")

// notGiven say a thing bought was not issued, activated, credited or
// shown, or is still locked or awaiting payment, in the languages tickets
// come in.
var notGiven = mkFlowWords("not issued", "could not be issued", "couldnt be issued", "wasnt issued", "was not issued",
	"not activated", "isnt activated", "not unlocked", "still locked", "not credited", "isnt on", "is not on", "arent on",
	"are not on", "not in my", "isnt in my", "not added", "awaiting payment", "still in draft",
	"not registered", "no active", "havent received", "didnt receive", "didnt get", "havent got",
	"nicht ausgestellt", "nicht freigeschaltet", "nicht aktiviert", "nicht gutgeschrieben", "noch gesperrt", "wartet auf zahlung",
	"en attente de paiement", "pendiente de pago", "aguardando pagamento", "in attesa di pagamento", "wacht op betaling", "väntar på betalning",
	"pas été émis", "pas activé", "pas été activé", "toujours bloqué",
	"pas crédité", "no se emitió", "no se activó", "sigue bloquead*", "não foi emitid*",
	"não foi ativad*", "continua bloquead*", "non è stato emesso", "non attivat*",
	"ancora bloccat*", "niet geactiveerd", "nog geblokkeerd",
	"inte aktiverad", "ikke aktivert", "ikke aktiveret", "nic nie ma", "nie aktywn*",
	"nebyl vydán", "не выдан*", "не активирован*", "не активован*", "verilmedi", "aktif değil",
	"反映されません", "反映されていない", "反映されない", "ロックされたまま", "没有到账", "没到账", "未到账", "반영되지*",
	"반영이 안", "không hiện", "chưa hiện", "belum masuk",
	"لم يظهر", "لا يظهر", "لم يتم إصدار", "नहीं मिला", "नहीं मिली", "नहीं मिले", "नहीं दिख*", "δεν εκδόθηκε")

// notThere say a thing is not there ("замовлення в акаунті немає",
// "pesanan tidak ada di akun", "under My orders there is nothing"): the
// same words say "there is nothing on the invoice about VAT" or "there is
// no VAT" of anything, so they count only with the thing bought before
// them in their clause, as their subject or its place. (A thing "awaiting
// payment" stays a not-given state, the order not told of the money,
// unless the payment itself failed: payFailed.)
var notThere = mkFlowWords("there is nothing", "theres nothing", "nie ma", "немає", "нема", "нет", "không có", "chưa có", "tidak ada", "belum ada", "δεν υπάρχει")

// joiners are the conjunctions that start a new clause without a comma:
// "I paid the order and there is nothing in the app about the delivery
// time" says nothing is there of another thing.
var joiners = map[string]bool{"and": true, "but": true, "und": true, "aber": true, "et": true, "mais": true, "y": true, "pero": true,
	"e": true, "mas": true, "ma": true, "en": true, "maar": true, "och": true, "men": true, "og": true, "i": true, "a": true,
	"ale": true, "і": true, "але": true, "и": true, "но": true, "а": true, "và": true, "nhưng": true, "dan": true, "tapi": true,
	"tetapi": true, "και": true, "αλλά": true}

// joinedBetween reports whether a joiner stands between the words at i
// and j (i < j).
func joinedBetween(toks []token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if joiners[toks[k].w] {
			return true
		}
	}
	return false
}

// otherThings are what a payment leaves besides the thing bought: an
// invoice, a receipt, a credit note. One missing is the payment's
// question, not the order's outcome. (The English "receipt*" is
// orderConfirmations', which isOther reads too.)
var otherThings = mkFlowWords("invoice*", "credit note*", "rechnung*", "quittung*", "beleg*", "gutschrift*", "facture*",
	"reçu", "reçus", "factura*", "recibo*", "fatura*", "fattur*", "ricevut*", "factuur*", "facturen", "kwitantie*",
	"faktur*", "kvitto*", "kvittering*", "kvittot", "paragon*", "účtenk*", "счет*", "счёт*", "чек*",
	"рахун*", "квитанці*", "makbuz*", "領収書", "請求書", "レシート", "发票", "收据", "發票", "영수증", "청구서", "hóa đơn", "hoá đơn",
	"biên lai", "kuitansi", "struk", "فاتورة", "الفاتورة", "إيصال", "חשבונית*", "קבלה", "बिल", "रसीद", "चालान",
	"τιμολόγι*", "απόδειξη*", "lasku*", "kuitti*", "számla*", "nyugta*", "chitanț*", "bon fiscal")

// payFailed say the payment itself failed: then what the order lacks is
// the payment ("die Lastschrift wurde abgelehnt und die Bestellung wartet
// auf Zahlung"), not a thing the money bought. Its refusals are
// payRefusals, which paymentpage.go's payDeclined reads alone.
var payFailed = mkFlowWords(slices.Concat(payRefusals, []string{"failed", "did not go through", "didnt go through",
	"fehlgeschlagen", "nicht durchgegangen", "échoué", "fallid*", "falló", "falhou", "fallit*", "non è andat*", "mislukt",
	"misslyckad*", "mislykked*", "nie powiodł*", "nie przeszł*", "selhal*", "neprošl*", "не прош*", "не пройш*", "başarısız",
	"失敗", "失败", "실패*", "thất bại", "không thành công", "gagal", "فشل*", "נכשל*", "विफल", "απέτυχε", "epäonnistui",
	"sikertelen", "eșuat*"})...)

// payRefusals say a card or a payment was declined or refused, as a bank
// or a provider does it (the read-through of round ninety-eight: one
// list where payFailed and payDeclined each held one).
var payRefusals = []string{"declined", "rejected", "refused", "bounced", "abgelehnt", "zurückgewiesen", "geplatzt", "refusé*",
	"rechazad*", "rechazan", "rechazó", "recusad*", "recusou", "rifiutat*", "geweigerd", "afgewezen", "nekad*", "avvist",
	"avvisad*", "afvist", "odrzuc*", "zamítnut*", "zamítla", "zamítl", "odmítnut*", "odbijen*", "odbij*", "отклон*",
	"відхилен*", "reddedil*", "被拒", "拒否", "거절*", "bị từ chối", "từ chối", "ditolak", "رفض*", "נדחה*", "נדחתה", "נדחו",
	"अस्वीकार", "απορρίφθηκε", "απορρίπτεται", "απορρίπτουν", "hylätty", "hylättiin", "elutasít*", "respins*"}

// appearNothing are the not-appearing words after which "nothing" says
// nothing shows ("não aparece nada", "no aparece nada"), unlike "falta
// nada" (nothing is missing), which nothingAfter keeps out.
var appearNothing = mkFlowWords("não aparece", "nao aparece", "no aparece", "non appare", "napparaît pas", "erscheint nicht")

// paidTold are the paid words (paidWords, paidForms) that tell money taken
// or a thing bought: not negated, not asked, not after "to", "be", "get",
// "will" (nonFinite), no word of none before them (moneyTaken).
func paidTold(toks []token) []hit {
	var paid []hit
	for _, h := range append(findAll(toks, paidWords), findAll(toks, paidForms)...) {
		if !h.neg && !foreignNegated(toks, h.pos) && !questionMarked(toks, h.pos) && !(h.pos > 0 && nonFinite[toks[h.pos-1].w]) {
			paid = append(paid, h)
		}
	}
	return moneyTaken(toks, paid)
}

// paidRead keeps what paidTold and paidNotGot read of a ticket's words
// (facts.toks, which never change), so that each is read once: the
// service is picked more than once for some tickets (pickService, again
// for a reply or a subject that ends the failure), and lostThing reads
// the paid words too. Copies of the facts share what was read before.
type paidRead struct {
	told, paid, missing  []hit
	toldRead, notGotRead bool
}

// paidWordsTold is paidTold(f.toks), read once.
func (f *facts) paidWordsTold() []hit {
	if !f.paid.toldRead {
		f.paid.told, f.paid.toldRead = paidTold(f.toks), true
	}
	return f.paid.told
}

// paidButNotGot is paidNotGot(f.toks), read once.
func (f *facts) paidButNotGot() (paid, missing []hit) {
	if !f.paid.notGotRead {
		f.paid.paid, f.paid.missing = paidNotGotOf(f.toks, f.paidWordsTold())
		f.paid.notGotRead = true
	}
	return f.paid.paid, f.paid.missing
}

// paidNotGiven are the paid and the missing hits when the ticket tells
// money taken and the thing bought not given: the signals' (paid,
// orderMissing) when both were read, else paidNotGot's (read once).
// relevantMentions moves such a ticket to the order's service on them;
// risenElsewhere leaves it there.
func (f *facts) paidNotGiven() (paid, missing []hit) {
	paid, missing = active(f.sig.paid), active(f.sig.orderMissing)
	if len(paid) == 0 || len(missing) == 0 {
		paid, missing = f.paidButNotGot()
	}
	return paid, missing
}

// paidNotGot returns the paid and the missing hits when the ticket says
// money was taken or a thing bought (paidWords or paidForms, not negated,
// not asked) and, in that sentence or up to two sentences before or after
// it (a writer tells the two in either order), that a thing bought
// (boughtThings, orderNouns, givenThings) was not given (notGiven or
// notAppearing within four words of it in its clause, notThere up to four
// words after it with no joiner between, or a negative determiner on
// it), where no message, confirmation, money, invoice or receipt is named
// there (those are the messaging service's or the payment's), and no word
// of the payment failing stands in the sentence of a paid or a missing
// hit (payFailed). Nil, nil otherwise.
func paidNotGot(toks []token) (paid, missing []hit) {
	return paidNotGotOf(toks, paidTold(toks))
}

// paidNotGotOf is paidNotGot with the paid words of toks (paidTold)
// already read.
func paidNotGotOf(toks []token, paid []hit) ([]hit, []hit) {
	if len(paid) == 0 {
		return nil, nil
	}
	var missing []hit
	sent, cl := sentences(toks), clauses(toks)
	paidNear := func(k int) bool {
		return slices.ContainsFunc(paid, func(p hit) bool { return p.pos != k && max(sent[p.pos]-sent[k], sent[k]-sent[p.pos]) <= 2 })
	}
	isThing := func(k int) bool {
		return boughtThings.matches(toks, k) || orderNouns.matches(toks, k) || givenThings.matches(toks, k)
	}
	isOther := func(k int) bool {
		return messageNouns.matches(toks, k) || moreMessageNouns.matches(toks, k) || orderConfirmations.matches(toks, k) ||
			moneyThings.matches(toks, k) || otherThings.matches(toks, k)
	}
	// around reports whether a thing is named within four words of the
	// phrase at [at, end) in its clause and nothing else is.
	around := func(at, end int, before bool) bool {
		thing := false
		for k := max(0, at-4); k < len(toks) && k < end+4; k++ {
			if k >= at && k < end || cl[k] != cl[at] {
				continue
			}
			if isOther(k) {
				return false
			}
			thing = thing || isThing(k) && (!before || k < at && !joinedBetween(toks, k, at))
		}
		return thing
	}
	hs := findAll(toks, notGiven)
	for _, h := range findAll(toks, notAppearing) {
		if !nothingAfter(toks, h) || appearNothing.matches(toks, h.pos) {
			hs = append(hs, h)
		}
	}
	for _, h := range hs {
		if paidNear(h.pos) && around(h.pos, h.pos+len(h.phrase), false) {
			missing = append(missing, h)
		}
	}
	for _, h := range findAll(toks, notThere) {
		if paidNear(h.pos) && around(h.pos, h.pos+len(h.phrase), true) {
			missing = append(missing, h)
		}
	}
	// a negative determiner on a thing issued: "no claim", "keine
	// Tickets"; not on a plan or a subscription ("kein Abo"), which the
	// world's logs place (paidOrderFails), nor on a charge or a message
	// it modifies ("no booking fee", "no order e-mail")
	for i := 1; i < len(toks); i++ {
		if !toks[i].brk && (noneDeterminers[toks[i-1].w] || noneWord(toks[i-1])) &&
			(orderNouns.matches(toks, i) || givenThings.matches(toks, i)) && paidNear(i) &&
			!(i+1 < len(toks) && !toks[i+1].brk && (isOther(i+1) || orderCharges.matches(toks, i+1))) {
			missing = append(missing, hit{phrase: phrase{toks[i-1].w, toks[i].w}, pos: i - 1})
		}
	}
	if len(missing) == 0 || payFailedNear(toks, append(slices.Clone(paid), missing...)) {
		return nil, nil
	}
	return paid, missing
}

// payFailedNear reports whether a word of the payment failing stands in
// the sentence of one of the hits.
func payFailedNear(toks []token, hs []hit) bool {
	for _, h := range hs {
		from, to := sentenceOf(toks, h.pos)
		for k := from; k < to; k++ {
			if payFailed.matches(toks, k) {
				return true
			}
		}
	}
	return false
}

// nonFinite are the words before a participle that make it no report of
// money taken: "to be charged", "get charged three times", "will be
// charged" (a fear or a plan; "got charged", "was charged" report). A
// token's word has its plural "s" stripped: "gets" is read as "get".
var nonFinite = map[string]bool{"to": true, "be": true, "being": true, "get": true, "getting": true, "will": true,
	"would": true}

// foreignNegated reports whether a negator of the package's languages
// stands up to three words before p in its clause.
func foreignNegated(toks []token, p int) bool {
	return inClauseBefore(toks, p, 3, func(k int) bool { return negators[toks[k].w] || foreignNegators[toks[k].w] })
}

// messageFate is how the explanation tells the message's outcome.
func messageFate(deleted bool) string {
	if deleted {
		return "was deleted by the writer and is asked for again"
	}
	return "did not arrive"
}
