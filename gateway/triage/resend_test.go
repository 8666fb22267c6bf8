package triage

import "testing"

// TestTriage_aRequestToResendAMessageIsTheMessagesService is round
// fifty-two's: a question asking for a message to be sent again is the
// messaging service's, whatever document the message carried and in
// whatever word the ticket names it; low on clean logs. A resend that
// names no message, and a billing question that asks for no resend, name
// no service.
func TestTriage_aRequestToResendAMessageIsTheMessagesService(t *testing.T) {
	at := normalTicket
	const why = "no failure described"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"en the receipt e-mail deleted", at("Receipt", "I deleted the e-mail with my receipt and the refund amount. Could you resend it?"), Low, "notifications", why},
		{"es the receipt mail deleted", at("Recibo", "Borré sin querer el correo con el recibo de ayer. ¿Me lo pueden reenviar?"), Low, "notifications", why},
		{"fr the invoice e-mail deleted", at("Facture", "J'ai supprimé l'e-mail avec ma facture. Pouvez-vous me le renvoyer ?"), Low, "notifications", why},
		{"pt the receipt e-mail deleted", at("Recibo", "Apaguei o e-mail com o recibo da compra. Podem enviar de novo?"), Low, "notifications", why},
		{"vi the invoice e-mail deleted", at("Hóa đơn", "Tôi lỡ xóa email hóa đơn tuần trước. Có thể gửi lại cho tôi không?"), Low, "notifications", why},
		{"de the invoice e-mail deleted", at("Rechnung", "Ich habe die E-Mail mit der Rechnung gelöscht. Können Sie sie erneut senden?"), Low, "notifications", why},
		// guards: no message named, no resend asked
		{"en resend the invoice", at("Invoice", "Could you resend the invoice for March with our new VAT number?"), Low, "", why},
		{"en the invoice by e-mail, no resend", at("Invoice", "Could you send me the invoice for March by e-mail?"), Low, "", why},
		{"es the invoice by mail, no resend", at("Factura", "¿Me pueden mandar la factura de marzo por correo?"), Low, "", why},
	})
}

// TestTriage_aResendNotAskedForNamesNoMessage is round fifty-two's
// review: a resend word names the messaging service only where its
// sentence asks for it, in a question or a request, and no negator
// denies it. A resend refused ("nicht erneut senden", "không cần gửi
// lại", "再送は不要"), quoted from the shop's reply, or the writer's own
// names no service in a question about something else.
func TestTriage_aResendNotAskedForNamesNoMessage(t *testing.T) {
	at := normalTicket
	const why = "no failure described"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"de no need to resend", at("Rechnung", "Sie müssen die E-Mail mit der Rechnung nicht erneut senden. Wie ändere ich die Rechnungsadresse?"), Low, "", why},
		{"vi no need to resend", at("Hóa đơn", "Không cần gửi lại email hóa đơn. Làm sao để đổi địa chỉ trên hóa đơn?"), Low, "", why},
		{"ja no resend needed", at("請求書", "請求書のメールの再送は不要です。請求書の宛名を変更できますか？"), Low, "", why},
		{"en quoted reply", at("Invoice", `Your reply said "we will resend the e-mail". How do I change the name on the invoice?`), Low, "", why},
		{"en the writer resends", at("Contract", "I will resend the signed contract by e-mail. Could you confirm the invoice address?"), Low, "", why},
		// guards: a resend asked for by a request word, not a question
		{"es por favor", at("Recibo", "Borré el correo con el recibo. Por favor, reenviar el correo."), Low, "notifications", why},
		{"de bitte", at("Rechnung", "Ich habe die E-Mail mit der Rechnung gelöscht. Bitte erneut senden."), Low, "notifications", why},
		{"fr merci de", at("Facture", "J'ai supprimé l'e-mail de ma facture, merci de me le renvoyer."), Low, "notifications", why},
		{"tr lütfen", at("Fatura", "Fatura e-postasını sildim. Lütfen tekrar gönderin."), Low, "notifications", why},
		{"vi vui lòng", at("Hóa đơn", "Tôi lỡ xóa email hóa đơn. Vui lòng gửi lại cho tôi."), Low, "notifications", why},
		{"id tolong", at("Faktur", "Saya tidak sengaja menghapus email faktur. Tolong kirim ulang."), Low, "notifications", why},
		{"en need", at("Invoice", "I deleted the confirmation e-mail with the invoice. I need you to resend the e-mail."), Low, "notifications", why},
	})
}
