package triage

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// shapeRow is a ticket at noon, the severity it must get, and whether the how-to shape must give it; the
// desk's priority is normal unless the row names one.
type shapeRow struct {
	name, subject, text, want string
	asks                      bool
	priority                  string
}

// checkShapeRows triages each row in world p.
func checkShapeRows(t *testing.T, p Project, rows []shapeRow) {
	t.Helper()
	tr := New(p, Settings{})
	const by = "how-to question by its shape"
	for _, r := range rows {
		prio := r.priority
		if prio == "" {
			prio = "normal"
		}
		res, why, err := tr.Explain(context.Background(), Ticket{Subject: r.subject, Description: r.text, CreatedAt: noon, Priority: prio})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(strings.Join(res.Reasons, " | "), by); res.Severity != r.want || got != r.asks {
			t.Errorf("%s: %s (shape read: %v), want %s (shape read: %v); reasons %q\n%s", r.name, res.Severity, got, r.want, r.asks, res.Reasons, why)
		}
	}
}

// TestSeverityShape_aHowOrWhereQuestionIsAHowTo: a question that asks how
// or where, in words the how-to lists do not read, is a how-to question:
// low, not the unread floor's medium.
func TestSeverityShape_aHowOrWhereQuestionIsAHowTo(t *testing.T) {
	checkShapeRows(t, projectWith(t), []shapeRow{
		{"ar: كيف", "سؤال", "مرحبا، كيف أغيّر لغة التطبيق إلى العربية؟ شكرا", Low, true, ""},
		{"fa: چطور", "سوال", "سلام، چطور می‌توانم زبان برنامه را عوض کنم؟ ممنون", Low, true, ""},
		{"hu: hogyan", "Kérdés", "Jó napot! Hogyan tudom megváltoztatni a profilképemet? Köszönöm", Low, true, ""},
		{"sk: ako", "Otázka", "Dobrý deň, ako si zmením jazyk aplikácie na slovenčinu? Ďakujem", Low, true, ""},
		{"et: kuidas", "Küsimus", "Tere! Kuidas saan rakenduse keele eesti keeleks muuta? Aitäh", Low, true, ""},
		{"lt: kaip", "Klausimas", "Laba diena, kaip pakeisti programėlės kalbą? Ačiū", Low, true, ""},
		{"tr: nereden", "Profil fotoğrafı", "Merhaba, profil fotoğrafımı uygulamada nereden değiştirebilirim? Teşekkürler", Low, true, ""},
		{"hi: कैसे", "प्रोफ़ाइल फ़ोटो", "नमस्ते, ऐप में प्रोफ़ाइल फ़ोटो कैसे बदलूँ? धन्यवाद", Low, true, ""},
		{"ko: 방법", "앱 언어", "안녕하세요, 앱 언어를 한국어로 바꾸는 방법이 있나요? 감사합니다", Low, true, ""},
		{"id: di mana", "Pertanyaan", "Halo, di mana saya bisa mengganti bahasa aplikasi? Terima kasih", Low, true, ""},
	})
}

// TestSeverityShape_reportsThatAskHowOrWhere: "where is my order?", "how
// is this possible?" and "how do I know whether it went through?" ask in
// a report's shape: no how-to question.
func TestSeverityShape_reportsThatAskHowOrWhere(t *testing.T) {
	checkShapeRows(t, projectWith(t), []shapeRow{
		{"tr: siparişim nerede", "Sipariş", "Merhaba, üç gün önce ödedim. Siparişim nerede?", Medium, false, ""},
		{"ar: أين طلبي", "الطلب", "مرحبا، دفعت قبل ثلاثة أيام. أين طلبي؟", Medium, false, ""},
		{"hi: कहाँ है", "ऑर्डर", "नमस्ते, मैंने तीन दिन पहले भुगतान किया था। मेरा ऑर्डर कहाँ है?", Medium, false, ""},
		{"pl: jak to możliwe", "Saldo", "Dzień dobry, wczoraj saldo było 40 zł, dziś 0 zł. Jak to możliwe?", Medium, false, ""},
		{"tl: paano ko malalaman", "Bayad", "Magandang araw po, paano ko malalaman kung natuloy ang bayad ko kahapon?", Medium, false, ""},
	})
}

// TestSeverityShape_aLookDefectIsNotRaisedToMedium: a failure word in a
// report of how a thing looks that names no service ("the banner overlaps
// the menu, it's broken", "verrutscht … kaputt"), while another service
// fails, is the cosmetic ticket the scorer reads low: the floor of a
// reported failure does not raise it to medium.
func TestSeverityShape_aLookDefectIsNotRaisedToMedium(t *testing.T) {
	checkShapeRows(t, spikeProject(t), []shapeRow{
		{"en: overlaps, broken", "Banner on my phone", "The banner overlaps the menu on my phone, it's broken.", Low, false, "low"},
		{"de: verrutscht, kaputt", "Banner", "Das Banner ist auf meinem Handy verrutscht, die Anzeige ist kaputt.", Low, false, "low"},
	})
}

// TestSeverityShape_reportsAskedHowOrWhereInEveryOpenerLanguage (the
// round's review): "where is my order?" with the copulas and possessives
// of every opener language, on either side of the noun; "where did it
// go?" (a verb of going in its past); "how did this happen?", "how can it
// be that …?" in every opener language; openers that mean "as" or
// "when" whose question mark ends another clause; Tagalog "ako" (I):
// reports, no how-to question.
func TestSeverityShape_reportsAskedHowOrWhereInEveryOpenerLanguage(t *testing.T) {
	checkShapeRows(t, projectWith(t), []shapeRow{
		{"ro: unde este", "Comanda", "Bună ziua, am plătit acum trei zile. Unde este comanda mea?", Medium, false, ""},
		{"lt: kur yra mano", "Užsakymas", "Laba diena, sumokėjau prieš tris dienas. Kur yra mano užsakymas?", Medium, false, ""},
		{"et: kus on minu", "Tellimus", "Tere, maksin kolm päeva tagasi. Kus on minu tellimus?", Medium, false, ""},
		{"he: איפה ההזמנה שלי", "הזמנה", "שלום, שילמתי לפני שלושה ימים. איפה ההזמנה שלי?", Medium, false, ""},
		{"he: איפה ההחזר שלי", "החזר", "שלום, אישרתם החזר לפני שבועיים. איפה ההחזר שלי?", Medium, false, ""},
		{"id: di mana paket saya", "Paket", "Halo, saya sudah bayar kemarin. Di mana paket saya?", Low, false, ""},
		{"sw: wapi oda yangu", "Oda", "Habari, nililipa siku tatu zilizopita. Wapi oda yangu?", Medium, false, ""},
		{"tr: nereye gitti", "İade", "Merhaba, iadenin onaylandığını söylediniz ama kartıma hâlâ yansımadı. Param nereye gitti?", Medium, false, ""},
		{"hi: कहाँ गए", "पैसे", "नमस्ते, मैंने कल ऑर्डर के लिए भुगतान किया, पैसे कट गए लेकिन ऐप में कोई ऑर्डर नहीं दिख रहा। मेरे पैसे कहाँ गए?", Medium, false, ""},
		{"en: where did the booking go", "Pickup", "Hi, I paid for a pickup yesterday and now the app shows nothing. Where did the booking go?", Medium, false, ""},
		{"pt: onde foi parar", "Recolha", "Olá, paguei a recolha há três dias. Onde foi parar a minha reserva?", Low, false, ""},
		{"ru: куда делись", "Деньги", "Здравствуйте, оплатил заказ вчера, заказа в приложении нет. Куда делись деньги?", Low, false, ""},
		{"ar: كيف يمكن أن يحدث", "خصم مرتين", "مرحبا، تم خصم المبلغ مرتين من بطاقتي لنفس الطلب. كيف يمكن أن يحدث هذا؟", Medium, false, ""},
		{"he: איך זה יכול להיות", "חיוב כפול", "איך זה יכול להיות שחויבתי פעמיים על אותה הזמנה?", Medium, false, ""},
		{"hi: कैसे हो गया", "ऑर्डर", "मेरा ऑर्डर अपने आप कैंसिल हो गया, मैंने नहीं किया। ये कैसे हो गया?", Medium, false, ""},
		{"en: how is that even possible", "Pickup", "I booked a pickup for yesterday and paid, the booking is gone from the app. How is that even possible?", Medium, false, ""},
		{"nl: hoe kan het dat", "Boeking", "Hoe kan het dat mijn boeking van vanochtend nergens meer te zien is?", Low, false, ""},
		{"pt: como = as", "Pagamento", "Como disse ontem, o pagamento não passa, podem verificar?", Medium, false, ""},
		{"hr: kako = as", "Narudžba", "Kako sam već pisao jučer, narudžba se ne sprema, možete li provjeriti?", Low, false, ""},
	})
	// Tagalog "ako" (I) while sign-in fails for many: the auth spike
	// stands.
	authDown := projectWith(t, gen.Incident{Service: "auth", Start: noon.Add(-20 * time.Minute), Duration: time.Hour,
		FailRate: 0.5, Status: 503, Message: "no healthy upstream for pool {n}"})
	checkShapeRows(t, authDown, []shapeRow{
		{"tl: ako (I)", "Login", "Ako lang ba ang hindi makapag-login ngayon? Hindi dumarating ang code.", High, false, ""},
	})
}

// TestSeverityShape_howToQuestionsBesideTheReportGuards: how-to questions
// the report guards must leave: the asker right after the place word
// ("di mana saya bisa …", "saan ko makikita …"), English "on" after
// "where" (Finnish and Estonian "on" is a copula), a question that goes
// on after "or" in another clause.
func TestSeverityShape_howToQuestionsBesideTheReportGuards(t *testing.T) {
	checkShapeRows(t, projectWith(t), []shapeRow{
		{"id: di mana saya bisa", "Pertanyaan", "Halo, di mana saya bisa melihat riwayat pesanan saya? Terima kasih", Low, true, ""},
		{"tl: saan ko makikita", "Tanong", "Hi po, saan ko makikita ang lumang resibo ko sa app? Salamat po", Low, true, ""},
		{"en: where on the page", "Opening hours", "Hi, where on the website are the opening hours of the shop listed? Thanks", Low, true, ""},
		{"sk: ako …, alebo", "Otázka", "Dobrý deň, ako si zmením profilovú fotku, alebo sa to dá len na webe? Ďakujem", Low, true, ""},
	})
}

// TestSeverityShape_aShapeAloneIsNotHighConfidence: a verdict the shape
// alone read is held with medium confidence at most.
func TestSeverityShape_aShapeAloneIsNotHighConfidence(t *testing.T) {
	tr := New(projectWith(t), Settings{})
	res, err := tr.Triage(context.Background(), Ticket{Subject: "Kérdés", Description: "Jó napot! Hogyan tudom megváltoztatni a profilképemet? Köszönöm", CreatedAt: noon, Priority: "normal"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Severity != Low || res.Confidence == ConfHigh {
		t.Errorf("got %s with confidence %s, want low, not high; reasons %q", res.Severity, res.Confidence, res.Reasons)
	}
}
