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
