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

// messageResent reports whether the ticket asks for a message to be sent
// again.
func messageResent(s *signals) bool { return len(active(s.resend)) > 0 }
