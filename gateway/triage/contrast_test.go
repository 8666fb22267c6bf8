package triage

import (
	"context"
	"strings"
	"testing"
)

// toldRow is a ticket at noon in a world whose logs are clean, the
// severity it must get and, when it must fire, the words of the reason;
// when it must not, no reason of a told failure (a ticket in words
// largely unread may still be medium through the unread floor).
type toldRow struct {
	name, subject, text, want, reason string
}

// checkToldRows triages each row in a clean world.
func checkToldRows(t *testing.T, rows []toldRow) {
	t.Helper()
	tr := New(projectWith(t), Settings{})
	for _, r := range rows {
		res, why, err := tr.Explain(context.Background(), Ticket{Subject: r.subject, Description: r.text, CreatedAt: noon, Priority: "normal"})
		if err != nil {
			t.Fatal(err)
		}
		reasons := strings.Join(res.Reasons, " | ")
		if res.Severity != r.want || r.reason != "" && !strings.Contains(reasons, r.reason) ||
			r.reason == "" && strings.Contains(reasons, "a failure told by") {
			t.Errorf("%s: %s, want %s with %q; reasons %q\n%s", r.name, res.Severity, r.want, r.reason, res.Reasons, why)
		}
	}
}

// TestContrast_whatWorksForOthersToldAgainstTheWritersCase: a writer who
// describes what they see in words no list reads and sets it against what
// works for others, for another thing or as usual reports a failure: one
// user's failure on clean logs, medium.
func TestContrast_whatWorksForOthersToldAgainstTheWritersCase(t *testing.T) {
	const by = "a failure told by contrast"
	checkToldRows(t, []toldRow{
		{"en: husband fine", "app just spins", "when I open the app it just spins and goes back to the start. My husband can log in fine on his phone though.", Medium, by},
		{"en: everyone else", "Door 3 ticket", "One customer's ticket keeps scanning as 'ticket not found'. Everyone else is scanning fine.", Medium, by},
		{"es: a otros les funciona", "Un cliente y el cupón", "Un cliente nos llama porque el cupón de bienvenida no se le aplica en el carrito. A otros clientes les funciona.", Medium, by},
		{"es: otros productos sí", "Carrito", "Intento añadir 14 cajas de azulejos y me sale 'no se ha podido actualizar el carrito'. Otros productos sí se añaden.", Medium, by},
		{"it: gli altri attivi", "Patente", "La verifica della patente è ancora in corso da tre giorni. Gli altri miei amici registrati lo stesso giorno sono già attivi.", Medium, by},
		{"hr: inače ide odmah", "Sporo oslobađanje novca", "Kupac je potvrdio primitak prije 15 minuta, a novac mi još nije pušten. Inače ide odmah.", Medium, by},
		// Round 88: the message's lateness is read first (latemessage.go),
		// the same verdict.
		{"uk: раніше одразу", "Листи-нагадування", "Вже з опівночі листи з нагадуванням приходять мені із запізненням на пів години. Раніше приходили одразу.", Medium, "degradation words"},
		{"zh: 其他的都收到了", "几个买家没有收到邮件", "今天上午有三位买家说下单后没有收到订单确认邮件。其他订单的买家都收到了。", Medium, by},
		{"th: คนอื่นเข้าได้ปกติ", "เข้าสู่ระบบช้ามาก", "ช่วงนี้เวลาดิฉันล็อกอินเข้าระบบ ต้องรอนานเกือบนาที เพื่อนร่วมงานคนอื่นเข้าได้ปกติ", Medium, by},
		{"id: dari teman masuk normal", "SMS notifikasi", "SMS notifikasi dari aplikasi belum sampai ke nomor saya sejak siang. SMS dari teman masuk normal.", Medium, by},
		// must not fire
		{"en: how does it work (a question)", "authentication", "I bought a bag that goes through your authentication. How does it work and how long does it take before it ships?", Low, ""},
		{"en: the rest looks normal (how it looks)", "campaign banner gone", "The summer campaign banner is gone from the cart page. The rest of the cart looks normal.", Low, ""},
	})
}

// TestAttempts_whatTheWriterTriedTellsAFailure: a writer who tried again,
// a number of times, restarted or looked in the spam folder reports a
// failure, in the languages tickets come in; not in a question, nor when
// the subject asks.
func TestAttempts_whatTheWriterTriedTellsAFailure(t *testing.T) {
	const by = "a failure told by the writer's attempts"
	checkToldRows(t, []toldRow{
		{"en: tried 4 times", "Basket empties when I go to pay", "Every time I go to pay my basket empties and says 'your hold has expired' straight away. Tried 4 times now.", Medium, by},
		{"en: checked spam", "No e-ticket email", "I bought 2 tickets at 10:52 this morning and the order shows in my account but no e-ticket email yet. Checked spam.", Medium, by},
		{"sv: har testat", "Bokningen fastnar", "När jag ska boka elektriker fastnar bokningen på 'Reserverar tid...' och sedan händer ingenting. Har testat tre gånger, både i appen och på datorn.", Medium, by},
		{"es: probé", "Franja de entrega", "Al llegar a la parte de entrega el botón de las franjas horarias sale gris. Probé en el móvil y el ordenador.", Medium, by},
		{"ro: am încercat", "Căutarea", "Când scriu „palton” în căutare pe site apar 0 rezultate. Am încercat și în aplicație.", Medium, by},
		{"pt: tentei 3 vezes", "Cartão", "Para pagar o estacionamento aparece sempre \"Cartão recusado\". Tentei três vezes hoje.", Medium, by},
		{"hi-latn: 4 baar", "OTP SMS", "Mujhe login ke time OTP SMS nahi aa raha. Resend bhi kiya 4 baar.", Medium, by},
		{"ko: 스팸함", "주문 확인 메일", "어제 저녁에 주문했는데 주문 확인 이메일을 아직 못 받았습니다. 스팸함도 봤어요.", Medium, by},
		// must not fire
		{"en: in a question", "App", "The app shows a grey screen on the store tab. Have you tried again on your side?", Low, ""},
		{"en: the subject asks", "Outbid within a second every time - is this a robot?", "Every time I bid on lot 380 I'm outbid within a second, it happened 4 times. Just want to understand.", Low, ""},
	})
}

// TestContrast_aNegatedFineWordIsNoContrast: "works" negated before it or
// (German, Dutch, Japanese) after it says the others fail too.
func TestContrast_aNegatedFineWordIsNoContrast(t *testing.T) {
	for _, text := range []string{
		"The other products do not work either.",
		"Bei meinem Mann funktioniert es auch nicht.",
		"Bei den anderen geht nichts mehr.",
		"Bij de anderen werkt het ook niet.",
		"Gli altri non funzionano.",
		"其他订单也不正常。",
		"他の注文も届いていない。",
	} {
		toks := tokenize(text)
		if hs := toldByContrast(toks, sentences(toks)); len(hs) > 0 {
			t.Errorf("%q: contrast %s, want none", text, quote(hs))
		}
	}
	for _, text := range []string{"The other products work fine.", "Bei meinem Mann funktioniert es.", "他の注文は届いています。"} {
		toks := tokenize(text)
		if hs := toldByContrast(toks, sentences(toks)); len(hs) == 0 {
			t.Errorf("%q: no contrast, want one", text)
		}
	}
}

// TestTold_notOnThanksPraiseOrRequests: what a writer tried before it
// worked, a thanks or praise, a try on of clothes, orders counted, and a
// request that names what works elsewhere or always tell no failure (the
// review of round sixty-seven, M1 to M3 and S4).
func TestTold_notOnThanksPraiseOrRequests(t *testing.T) {
	checkToldRows(t, []toldRow{
		// M1: an attempt that worked, thanked or praised
		{"zh: 现在可以了", "已解决", "我重启了手机，现在可以了，谢谢。", Low, ""},
		{"sv: jättebra", "Tack", "Jag har testat den nya funktionen och den är jättebra. Tack!", Low, ""},
		{"sv: det fungerar", "Tack för hjälpen", "Har testat igen nu och det fungerar. Tack för hjälpen!", Low, ""},
		{"pl: się udało", "Podziękowania", "Próbowałam kilka razy, w końcu się udało. Dziękuję za pomoc!", Low, ""},
		{"vi: rất thích", "Cảm ơn", "Tôi đã thử tính năng mới, rất thích. Cảm ơn!", Low, ""},
		{"en: love it", "Love it", "I tried it yesterday and love it. Great job team.", Low, ""},
		{"en: the new recipe feature", "New recipe feature", "I tried the new recipe feature and love it. A shopping list would make it perfect.", Low, ""},
		{"ru: теперь всё работает", "Спасибо", "Перезагрузил телефон, теперь всё работает. Спасибо!", Medium, ""},
		{"ar: رائع", "شكرا", "جربت التطبيق الجديد وهو رائع، شكرا لكم", Medium, ""},
		{"he: מעולה", "תודה", "ניסיתי את הפיצ'ר החדש, מעולה! תודה רבה", Medium, ""},
		{"id: bagus sekali", "Terima kasih", "Saya sudah coba fitur baru, bagus sekali. Terima kasih!", Medium, ""},
		// M2: trying on, orders counted
		{"en: tried on", "Exchange jacket", "I tried on the jacket and it is too small for me. I would like to exchange it for a size L.", Low, ""},
		{"es: probé los zapatos", "Cambio de talla", "Probé los zapatos y me quedan grandes, quiero cambiarlos por una talla menor.", Low, ""},
		{"pt: experimentei, tentei pelo site", "Troca de tamanho", "Já experimentei o vestido e ficou grande. Quero trocar por um tamanho menor, tentei pelo site mas prefiro falar com vocês.", Low, ""},
		{"de: 5 mal bestellt", "Lob", "Ich habe schon 5 mal bei euch bestellt und war immer zufrieden. Macht weiter so!", Low, ""},
		// M3: praise of the whole, requests
		{"en: otherwise everything is fine", "Update phone number", "Otherwise everything is fine, I just want to update my phone number to 07700 900123.", Low, ""},
		{"pl: zawsze działa", "Zmiana e-maila", "Aplikacja zawsze działa bez problemu, chciałbym tylko zmienić adres e-mail na koncie.", Low, ""},
		{"it: arriva tutto subito", "Spedizioni in Svizzera", "Compro sempre da voi e arriva tutto subito. Volevo sapere se spedite anche in Svizzera.", Low, ""},
		{"es: siempre llega bien", "Envío a casa de mis padres", "Me gustaría que el pedido llegue a casa de mis padres esta semana. Siempre llega bien a mi casa, pero estaré fuera.", Low, ""},
		{"en: other countries", "Shipping to Iceland", "We would like to start shipping to Iceland. Shipping to other countries in the EU works fine with your integration.", Low, ""},
		{"en: usually come fast", "Need it by Friday", "I need the order before Friday, usually your deliveries come fast. Could you choose express shipping for me please.", Low, ""},
		{"en: the other day", "Another pair", "The other day I ordered shoes and they came quickly. I want to order another pair in black.", Low, ""},
		{"en: ok, other than that", "Gift card", "Ok, other than that my order came. I would like to buy a gift card for my sister.", Low, ""},
		{"en: my other card", "Other card", "I'd like to pay with my other card next time, the current one expires. The other card works fine in your shop.", Low, ""},
		{"en: same setup", "Same setup please", "My colleague set up the team calendar fine, I would like the same setup on my account.", Low, ""},
		{"de: bei anderen Shops", "Adresse ändern", "Ich möchte meine Lieferadresse ändern. Bei anderen Shops geht das ganz einfach im Kundenkonto, bitte um Hilfe.", Low, ""},
		{"de: wie mache ich das", "Uhr koppeln", "Bei meinem Mann funktioniert die Kopplung mit der Uhr, wie mache ich das bei mir", Low, ""},
		{"nl: wel", "Andere maat", "Graag wil ik mijn bestelling wijzigen naar een andere maat, die heb ik wel nodig voor vrijdag.", Low, ""},
		{"id: teman saya juga bisa", "Ganti warna", "Pesanan saya sudah datang, teman saya juga bisa pesan. Saya mau tukar warna ke hitam.", Low, ""},
		{"en: everything as usual (the whole)", "Hello", "The app always works fine, everything as usual. Just saying hello.", Low, ""},
		{"en: the other day (a time)", "Fast delivery", "The other day my parcel arrived fine, thank you for the fast delivery.", Low, ""},
		{"en: ok, (an interjection)", "Dashboard", "Ok, my colleague sees the new dashboard now.", Low, ""},
		// S4: "bhai" as an address, not others
		{"hi-latn: bhai", "Size change", "Bhai mera order aa gaya, bas size badalna hai. M se L kar do please.", Medium, ""},
	})
}
