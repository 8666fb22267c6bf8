package triage

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// TestTriage_slownessReachingAGroupIsNotHeld is round sixty-four's
// (groupreach.go): slowness the payments warnings confirm, on a core flow
// at the desk's normal, is high when the words tell a group of people
// reached, in a sentence of its own or in a language the scope lists do
// not read; one writer's slowness stays medium, also when others are
// named but not reached (they are fine, the writer does not know, they
// are asked about, they are the supplier's).
func TestTriage_slownessReachingAGroupIsNotHeld(t *testing.T) {
	p := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		SlowShare: 0.9, Message: "psp call took 9000ms {id}"})
	at := noonTicket
	const lifted, held = "reaching a group of people", "one writer's slowness"
	checkVerdicts(t, p, []verdictCase{
		// the reach in a sentence of its own
		{"en the same for all our branches: high",
			at("payments", "Paying by card is extremely slow, the spinner runs for a minute before it goes through. It is the same in all four of our branches.", "normal"), High, "payments", lifted},
		{"en members complaining, own sentence: high",
			at("payments", "Card payments take forever since ten, about a minute each. Our members keep complaining at the front desk.", "normal"), High, "payments", lifted},
		{"de die Kunden beschweren sich: high",
			at("Zahlung", "Die Kartenzahlung dauert ewig, fast eine Minute, geht aber durch. Die Kunden beschweren sich schon am Telefon.", "normal"), High, "payments", lifted},
		// the reach in a language the scope lists do not read
		{"hu minden ügyfelünknek: high",
			at("fizetés", "A kártyás fizetés nagyon lassú minden ügyfelünknek, egy percig tart.", "normal"), High, "payments", lifted},
		{"uk у багатьох покупців: high",
			at("оплата", "Оплата карткою дуже повільна, хвилину висить. Так у багатьох покупців.", "normal"), High, "payments", lifted},
		{"el πολλοί πελάτες μας: high",
			at("πληρωμή", "Η πληρωμή με κάρτα αργεί πολύ, ένα λεπτό. Το ίδιο λένε και πολλοί πελάτες μας.", "normal"), High, "payments", lifted},
		{"ko 손님들 다 똑같다: high",
			at("결제", "카드 결제가 너무 느려요, 1분 넘게 걸려요. 손님들도 다 똑같다고 합니다.", "normal"), High, "payments", lifted},
		{"es no solo a mí: high",
			at("pago", "El pago con tarjeta tarda muchísimo, casi un minuto, a todos, no solo a mí.", "normal"), High, "payments", lifted},
		{"ja 仲間も皆同じ: high",
			at("決済", "カード決済がとても遅く、完了まで1分かかります。会員の仲間も皆同じことを言っています。", "normal"), High, "payments", lifted},
		{"tr beş müşteri: high",
			at("ödeme", "Kartla ödeme çok yavaş, bir dakika sürüyor. Bugün beş müşteri aynı şeyi söyledi.", "normal"), High, "payments", lifted},
		// must not fire: one writer, others fine, unsure, asked, the supplier's
		{"en others are fine: medium",
			at("payments", "Paying by card is extremely slow, a minute each time. My colleagues don't have the same problem.", "normal"), Medium, "payments", held},
		{"sv andra verkar inte ha problem: medium",
			at("betalning", "Kortbetalningen går väldigt långsamt, en minut. Andra kunder verkar inte ha samma problem.", "normal"), Medium, "payments", held},
		{"de sind andere Kunden betroffen?: medium",
			at("Zahlung", "Die Kartenzahlung dauert ewig, fast eine Minute. Sind viele Kunden betroffen?", "normal"), Medium, "payments", held},
		{"fr je ne sais pas si les autres clients: medium",
			at("paiement", "Le paiement par carte est très lent, une minute. Je ne sais pas si les autres clients ont le même souci.", "normal"), Medium, "payments", held},
		{"en your staff said the same: medium",
			at("payments", "Paying by card is extremely slow, a minute each time. Your support staff said the same thing on the phone.", "normal"), Medium, "payments", held},
		{"hi सिर्फ मुझे: medium",
			at("भुगतान", "कार्ड भुगतान बहुत धीमा है, एक मिनट लगता है। मेरे सहकर्मियों को यह समस्या नहीं है, सिर्फ मुझे।", "normal"), Medium, "payments", held},
		{"en a clock before one customer: medium",
			at("payments", "Card payments are extremely slow since 9:30, the customer at my till waited a minute.", "normal"), Medium, "payments", held},
		{"en three attempts, no people: medium",
			at("payments", "Paying by card is extremely slow, three attempts each took a minute before going through.", "normal"), Medium, "payments", held},
	})
}

// TestGroupReach_readsAGroupNotTheWriter checks groupReach's rules one by
// one on the words alone.
func TestGroupReach_readsAGroupNotTheWriter(t *testing.T) {
	reads := map[string]bool{
		"It's the same in allne 4 Filiale.":                true,
		"Four guests so far this afternoon, all the same.": true,
		"כל הסטודנטים בקורס שלי מתלוננים.":                 true,
		"Dotyczy to wszystkich klientów.":                  true,
		"Nem csak nekem lassú.":                            true,
		"学部の学生みんなが同じことを言っています。":                            true,
		"Is it the same for all customers?":                false,
		"None of our customers have this.":                 false,
		"Il mio collega non ha lo stesso problema.":        false,
		"I tried four times.":                              false,
		"The page takes a minute to load for me.":          false,
	}
	for text, want := range reads {
		if got := groupReach(tokenize(text)); (len(got) > 0) != want {
			t.Errorf("groupReach(%q) read %s, want a group read: %v", text, quote(got), want)
		}
	}
}
