package triage

// Round fifty-two: a request to send a message again ("could you resend
// the receipt e-mail?", "¿me lo pueden reenviar?", "gửi lại hóa đơn")
// is about the message, whatever it carried: the messaging service's
// words name its service even in a billing or document question, whose
// everyday words are otherwise set aside ("the invoice e-mail" of a
// question about an invoice). Only the messaging service's words: a
// resend names no other service ("resend the invoice" stays a document
// question).

// resendWords ask for a message to be sent again, in the languages
// tickets come in.
var resendWords = mkFlowWords("resend", "re-send", "send it again", "send them again", "send me it again",
	"send it to me again", "send it once more",
	"renvoyer", "renvoyez", "réexpédier", "reenviar", "reenvíen", "reenvien", "volver a mandar", "volver a enviar",
	"mandar de nuevo", "enviar de nuevo", "enviar novamente", "enviar de novo", "mandar de novo", "reinviare",
	"inviare di nuovo", "mandare di nuovo", "erneut senden", "erneut schicken", "erneut zusenden", "nochmal schicken",
	"nochmal senden", "noch einmal schicken", "noch einmal senden", "opnieuw sturen", "opnieuw versturen",
	"opnieuw verzenden", "nogmaals sturen", "nog een keer sturen", "nog een keer versturen", "skicka igen",
	"skicka om", "sende igen", "sende den igen", "sende på nytt", "wysłać ponownie", "ponownie wysłać",
	"wyślij ponownie", "przesłać ponownie", "tekrar gönder*", "yeniden gönder*", "отправить повторно",
	"отправьте повторно", "прислать повторно", "отправить ещё раз", "прислать ещё раз", "надіслати повторно",
	"надішліть повторно", "надіслати ще раз", "gửi lại", "kirim ulang", "kirimkan ulang", "kirim lagi",
	"重新发送", "重发", "再送", "もう一度送", "다시 보내", "재발송", "재전송", "إعادة إرسال", "إعادة ارسال",
	"לשלוח שוב", "לשלוח מחדש", "दोबारा भेज*", "फिर से भेज*")

// resendRequests ask for what their sentence names, as a question does:
// "please", "bitte", "lütfen", "vui lòng", "请", "ください".
var resendRequests = mkFlowWords("please", "pls", "plz", "kindly", "need", "needs", "bitte", "por favor", "sil vous plaît",
	"svp", "merci de", "per favore", "per piacere", "alstublieft", "alsjeblieft", "graag", "proszę", "prosimy",
	"пожалуйста", "будь ласка", "lütfen", "rica ederim", "vui lòng", "làm ơn", "xin", "tolong", "mohon", "snälla",
	"vänligen", "venligst", "请", "麻烦", "ください", "下さい", "お願い", "주세요", "부탁", "من فضلك", "يرجى", "الرجاء",
	"בבקשה", "कृपया")

// askedResends keeps the resend words their sentence asks for, in a
// question (a question mark, a question word opening it, a verb of
// wanting) or a request (resendRequests), and no negator denies in their
// clause. Round fifty-two's review: a resend refused ("nicht erneut
// senden", "không cần gửi lại", "再送は不要"), quoted from the shop's reply
// ("your reply said we will resend the e-mail") or the writer's own ("I
// will resend the signed contract by e-mail") asks for no message.
func askedResends(toks []token, clause []int, hs []hit) []hit {
	var out []hit
	for _, h := range hs {
		asked := questionMarked(toks, h.pos) || askedSentence(toks, h.pos) || sentenceHas(toks, h.pos, resendRequests)
		if asked && !deniedBefore(toks, clause, h.pos) {
			out = append(out, h)
		}
	}
	return out
}

// messageResent reports whether the ticket asks for a message to be sent
// again.
func messageResent(s *signals) bool { return len(active(s.resend)) > 0 }
