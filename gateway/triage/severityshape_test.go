package triage

import (
	"context"
	"strings"
	"testing"
)

// shapeRow is a ticket at noon in a world whose logs are clean, the
// severity it must get, and whether the how-to shape must give it.
type shapeRow struct {
	name, subject, text, want string
	asks                      bool
}

// checkShapeRows triages each row in a clean world.
func checkShapeRows(t *testing.T, rows []shapeRow) {
	t.Helper()
	tr := New(projectWith(t), Settings{})
	const by = "how-to question by its shape"
	for _, r := range rows {
		res, why, err := tr.Explain(context.Background(), Ticket{Subject: r.subject, Description: r.text, CreatedAt: noon, Priority: "normal"})
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
	checkShapeRows(t, []shapeRow{
		{"ar: كيف", "سؤال", "مرحبا، كيف أغيّر لغة التطبيق إلى العربية؟ شكرا", Low, true},
		{"fa: چطور", "سوال", "سلام، چطور می‌توانم زبان برنامه را عوض کنم؟ ممنون", Low, true},
		{"hu: hogyan", "Kérdés", "Jó napot! Hogyan tudom megváltoztatni a profilképemet? Köszönöm", Low, true},
		{"sk: ako", "Otázka", "Dobrý deň, ako si zmením jazyk aplikácie na slovenčinu? Ďakujem", Low, true},
		{"et: kuidas", "Küsimus", "Tere! Kuidas saan rakenduse keele eesti keeleks muuta? Aitäh", Low, true},
		{"lt: kaip", "Klausimas", "Laba diena, kaip pakeisti programėlės kalbą? Ačiū", Low, true},
		{"tr: nereden", "Profil fotoğrafı", "Merhaba, profil fotoğrafımı uygulamada nereden değiştirebilirim? Teşekkürler", Low, true},
		{"hi: कैसे", "प्रोफ़ाइल फ़ोटो", "नमस्ते, ऐप में प्रोफ़ाइल फ़ोटो कैसे बदलूँ? धन्यवाद", Low, true},
		{"ko: 방법", "앱 언어", "안녕하세요, 앱 언어를 한국어로 바꾸는 방법이 있나요? 감사합니다", Low, true},
		{"id: di mana", "Pertanyaan", "Halo, di mana saya bisa mengganti bahasa aplikasi? Terima kasih", Low, true},
	})
}

// TestSeverityShape_reportsThatAskHowOrWhere: "where is my order?", "how
// is this possible?" and "how do I know whether it went through?" ask in
// a report's shape: no how-to question.
func TestSeverityShape_reportsThatAskHowOrWhere(t *testing.T) {
	checkShapeRows(t, []shapeRow{
		{"tr: siparişim nerede", "Sipariş", "Merhaba, üç gün önce ödedim. Siparişim nerede?", Medium, false},
		{"ar: أين طلبي", "الطلب", "مرحبا، دفعت قبل ثلاثة أيام. أين طلبي؟", Medium, false},
		{"hi: कहाँ है", "ऑर्डर", "नमस्ते, मैंने तीन दिन पहले भुगतान किया था। मेरा ऑर्डर कहाँ है?", Medium, false},
		{"pl: jak to możliwe", "Saldo", "Dzień dobry, wczoraj saldo było 40 zł, dziś 0 zł. Jak to możliwe?", Medium, false},
		{"tl: paano ko malalaman", "Bayad", "Magandang araw po, paano ko malalaman kung natuloy ang bayad ko kahapon?", Medium, false},
	})
}
