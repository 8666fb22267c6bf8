package triage

import (
	"context"
	"testing"
)

// TestTriage_anotherPartysDataByItsGrammar is round fifty-one's: another
// person's or firm's data shown to the writer, read by how each language
// makes the other party the owner — the party before a word for "other"
// that follows its noun (Arabic, Hebrew), in the genitive right behind
// the data noun (Polish, Russian, Romanian) or after "başka bir"
// (Turkish, also typed without its letters), a compound data noun
// (German), another company's. Critical on clean logs.
//
// Mended after the round's review: not when its sentence asks or
// requests, a negator stands before it, the account is shared or the
// "other" one is the writer's own; not a product's quantity.
func TestTriage_anotherPartysDataByItsGrammar(t *testing.T) {
	at := normalTicket
	checkCriticalClaims(t, "security words", []wordCase{
		{"tr another user's phone on the order screen", at("Sipariş", "Sipariş ekranında başka bir kullanıcının telefonu ve adresi çıkıyor."), true},
		{"tr the same typed without Turkish letters", at("Siparis", "Siparis ekraninda baska bir kullanicinin telefonu ve adresi cikiyor."), true},
		{"ar another customer's address in the dashboard", at("عنوان", "في لوحة التحكم أشاهد عنوان زبون آخر."), true},
		{"he another user's order on the orders page", at("הזמנות", "בדף ההזמנות מופיעה הזמנה של משתמש אחר."), true},
		{"pl another driver's data", at("Dane", "W panelu widzę dane innego kierowcy."), true},
		{"ru another driver's data", at("Данные", "В приложении открылись данные другого водителя."), true},
		{"ro another driver's data", at("Date", "În aplicație apar datele altui șofer."), true},
		{"el another customer's details typed without accents", at("Στοιχεία", "Στην εφαρμογή βλέπω τα στοιχεία αλλου οδηγού."), true},
		{"de another firm's payment data", at("Zahlungsdaten", "In meinem Kundenkonto erscheinen die Zahlungsdaten einer anderen Firma."), true},
		{"fr another firm's orders", at("Commandes", "Dans mon tableau de bord s'affichent les commandes d'une autre entreprise."), true},
		{"ja another person's phone number in the mail", at("メール", "注文確認メールに他の方の電話番号が載っていました。"), true},
		{"en another company's invoices listed", at("Dashboard", "My dashboard lists another company's invoices and bank details."), true},
		// a read-through after the merge: reports a guard's word opens or stands in
		{"en a report opened by a wish to report", at("Account", "I want to report that my account page shows another customer's phone and address."), true},
		{"en a report since last month", at("Orders", "Since last month the orders page shows another customer's name and address."), true},
		{"en please let me know why", at("Invoice", "Please let me know why the invoice page shows another customer's name and address."), true},
		{"en a shared account denied", at("Orders", "We do not share the account with anybody, yet my orders page shows another customer's name and address."), true},
		// guards: the review's probes, reworded
		{"tr a question", at("Fatura", "Faturayı başka bir firmanın adına düzenleyebilir misiniz?"), false},
		{"tr a how-to", at("Yönetici", "Başka bir kullanıcının hesabına yönetici olarak nasıl bakabilirim?"), false},
		{"tr another product's quantity", at("Sepet", "Sepetimde başka bir ürünün adedi kendi kendine arttı."), false},
		{"tr a negation", at("KDV", "Faturada başka bir kullanıcının adını görmüyoruz, sorun yok; sadece vergi oranını soruyoruz."), false},
		{"ru a question", at("Кабинет", "Как поменять данные другого сотрудника в нашем кабинете? Я админ."), false},
		{"ru a negation", at("НДС", "Мы не видим данные другого участника, всё нормально, вопрос только про НДС."), false},
		{"pl my own other account", at("Konto", "Na fakturze widzę dane innego mojego konta firmowego."), false},
		{"pl a question", at("Faktura", "Jak dopisać dane innego płatnika do faktury?"), false},
		{"ar a question", at("فاتورة", "هل أستطيع وضع عنوان شركة أخرى على فاتورتي؟"), false},
		{"ar a request", at("بيانات", "أرجو إزالة بيانات شخص آخر أدخلتها بالخطأ في حسابي."), false},
		{"ar a negation", at("ضريبة", "لا أرى بيانات عميل آخر، كل شيء على ما يرام، سؤالي عن الضريبة فقط."), false},
		{"he a question", at("חשבונית", "אפשר לרשום על החשבונית שם של חברה אחרת?"), false},
		{"nl a question", at("Factuur", "Kan de factuur op naam van een ander bedrijf komen te staan?"), false},
		{"id a question", at("Faktur", "Apakah bisa membuat faktur atas nama perusahaan lain?"), false},
		{"it a question", at("Prenotazione", "Posso mettere la prenotazione a nome di un'altra persona?"), false},
		{"ja a question", at("予約", "他の方の名前で予約を取り直せますか？"), false},
		{"ja a request", at("登録", "別の方の情報を追加したいので、手順を教えてください。"), false},
		{"de a request", at("Lieferdaten", "Ich möchte die Lieferdaten einer anderen Firma speichern, wie mache ich das?"), false},
		{"en a request", at("Invoice", "Please make the invoice show another company's name, my client's, not ours."), false},
		{"en where do I find", at("Invoices", "Where can I see another company's invoices that I handle as their bookkeeper?"), false},
		{"en a shared account", at("Orders", "My husband and I share one account, so I see another member's orders in it. Can they be separated?"), false},
		{"en how to show another company's address", at("Invoice", "How can I show another company's address on my invoice?"), false},
	})
}

// TestTriage_theMessageThatCarriedAnotherPartysData is round fifty-one's:
// the shop's message named by a synonym shortly before or after another
// party's data shown, in its sentence, is what was exposed, the
// notification service's; a message in a sentence of its own is not.
func TestTriage_theMessageThatCarriedAnotherPartysData(t *testing.T) {
	const why = "security words"
	checkVerdicts(t, projectWith(t), []verdictCase{
		{"tr the notification e-mail carried another user's phone",
			normalTicket("Bildirim", "Sabah gelen bildirim e-postasında başka bir kullanıcının telefonu yazıyor."), Critical, "notifications", why},
		{"en the reminder SMS carried another customer's address",
			normalTicket("Reminder", "Yesterday's reminder SMS shows another customer's name and address."), Critical, "notifications", why},
	})
	tr := New(projectWith(t), Settings{})
	res, err := tr.Triage(context.Background(), normalTicket("Booking",
		"The booking page shows another company's name and phone. I also did not get my reminder email today."))
	if err != nil {
		t.Fatal(err)
	}
	if res.Severity != Critical || res.AffectedService == "notifications" {
		t.Errorf("a separate sentence's e-mail: %s/%q, want critical, not notifications", res.Severity, res.AffectedService)
	}
}
