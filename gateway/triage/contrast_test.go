package triage

import (
	"context"
	"strings"
	"testing"
)

// toldRow is a ticket at noon in a world whose logs are clean, the
// severity it must get and, when it must fire, the words of the reason.
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
		if res.Severity != r.want || r.reason != "" && !strings.Contains(strings.Join(res.Reasons, " | "), r.reason) {
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
		{"uk: раніше одразу", "Листи-нагадування", "Вже з опівночі листи з нагадуванням приходять мені із запізненням на пів години. Раніше приходили одразу.", Medium, by},
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
		{"en: in a question", "App", "The app shows a grey screen on the store tab. Have you tried restarting it on your side?", Low, ""},
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
