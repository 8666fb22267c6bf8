package triage

import "testing"

// TestTriage_anotherPartysDataByItsGrammar is round fifty-one's: another
// person's or firm's data shown to the writer, read by how each language
// makes the other party the owner — the party before a word for "other"
// that follows its noun (Arabic, Hebrew), in the genitive right behind
// the data noun (Polish, Russian, Romanian) or after "başka bir"
// (Turkish), a compound data noun (German), and the firms and people of
// any world ("another company's invoices", "别の方の"). Critical on clean
// logs. Not "once again", another address for one's own order, a product
// of another's price, a how-to, a privacy request or a question whether
// others can see.
func TestTriage_anotherPartysDataByItsGrammar(t *testing.T) {
	at := normalTicket
	checkCriticalClaims(t, "security words", []wordCase{
		{"tr another user's name on my invoice", at("Fatura", "Faturamda başka bir kullanıcının adı ve adresi görünüyor."), true},
		{"ar another customer's data on my page", at("بيانات", "أرى في صفحتي بيانات عميل آخر."), true},
		{"he another user's details in my account", at("פרטים", "אני רואה פרטים של משתמש אחר בחשבון שלי."), true},
		{"pl another resident's data", at("Dane", "Na stronie widzę dane innego mieszkańca."), true},
		{"ru another user's data", at("Данные", "В кабинете вижу данные другого пользователя."), true},
		{"ro another company's data", at("Date", "În aplicație apar datele altei companii."), true},
		{"de another firm's customer data", at("Kundendaten", "Im Portal sehe ich die Kundendaten einer anderen Firma."), true},
		{"nl another shop's orders", at("Bestellingen", "In de app zie ik de bestellingen van een andere winkel."), true},
		{"fr another firm's contracts", at("Contrats", "Je vois les contrats d'une autre entreprise dans mon espace."), true},
		{"ja another person's address in the mail", at("メール", "届いたメールに別の方の住所が書いてありました。"), true},
		{"en another company's invoices shown", at("Invoices", "The portal is showing another company's invoices and addresses."), true},
		{"en another patient's name", at("Prescription", "I can see another patient's name on my prescription page."), true},
		// guards
		{"ar I sent the order once again", at("طلب", "حاولت إرسال الطلب مرة أخرى ولم ينجح."), false},
		{"he send the order to another address", at("הזמנה", "אפשר לשלוח את ההזמנה לכתובת אחרת?"), false},
		{"tr how to see another product's price", at("Fiyat", "Başka bir ürünün fiyatını nasıl görebilirim?"), false},
		{"en how to show another company's address", at("Invoice", "How can I show another company's address on my invoice?"), false},
		{"en a privacy request", at("GDPR", "Under GDPR please delete my data and tell me whether another company received it."), false},
		{"en can another employee see my payslip", at("Payslip", "Can another employee see my payslip?"), false},
		{"en the invoice shows our other company", at("Invoice", "Our invoice shows the address of our other company, please correct it."), false},
	})
}

// TestTriage_theMessageThatCarriedAnotherPartysData is round fifty-one's:
// the shop's message named by a synonym shortly before or after another
// party's data shown is what was exposed, the notification service's.
func TestTriage_theMessageThatCarriedAnotherPartysData(t *testing.T) {
	const why = "security words"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"tr the notification e-mail carried another user's name",
			normalTicket("Bildirim", "Bugün gelen bildirim e-postasında başka bir kullanıcının adı ve adresi var."), Critical, "notifications", why},
		{"en the reminder SMS carried another patient's name",
			normalTicket("Reminder", "The reminder SMS I got today shows another patient's name and address."), Critical, "notifications", why},
	})
}
