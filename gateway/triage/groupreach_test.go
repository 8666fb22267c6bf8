package triage

import (
	"strings"
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
			at("paiement", "Le paiement par carte est très lent, une minute. Je ne sais pas si les autres clients ont la même lenteur.", "normal"), Medium, "payments", held},
		{"en your staff said the same: medium",
			at("payments", "Paying by card is extremely slow, a minute each time. Your support staff said the same thing on the phone.", "normal"), Medium, "payments", held},
		{"hi सिर्फ मुझे: medium",
			at("भुगतान", "कार्ड भुगतान बहुत धीमा है, एक मिनट लगता है। कई लोगों को यह समस्या नहीं है, सिर्फ मुझे।", "normal"), Medium, "payments", held},
		{"en a clock before one customer: medium",
			at("payments", "Card payments are extremely slow since 9:30, the customer at my till waited a minute.", "normal"), Medium, "payments", held},
		// the review's: one writer's slowness told with a word for every
		// time or each try and a word for the same ("Every time I pay
		// it's the same"), a singular person ("a customer", "bir
		// müşteri"), a word of another language that reads as a list's
		// ("her", "para", "hasta", "gleich" for right away), a negation or
		// a question of a script the round did not read, a thing shared
		// rather than the problem; each went high with the round.
		// A word for every time or each try, and a word for the same:
		{"en every time same: medium",
			at("payments slow", "Card payments are really slow today, nearly a minute. Every time I pay it's the same.", "normal"), Medium, "payments", held},
		{"de alle Browser gleich: medium",
			at("Zahlung langsam", "Die Kartenzahlung dauert bei mir fast eine Minute. Ich habe alle Browser probiert, überall das gleiche.", "normal"), Medium, "payments", held},
		{"tr her seferinde aynı: medium",
			at("ödeme yavaş", "Kartla ödeme çok yavaş, bir dakika sürüyor. Her seferinde aynı şey oluyor.", "normal"), Medium, "payments", held},
		{"nl elke keer hetzelfde: medium",
			at("betaling traag", "Betalen met de kaart duurt veel te lang, bijna een minuut. Elke keer hetzelfde.", "normal"), Medium, "payments", held},
		{"ko 여러 번 똑같아요: medium",
			at("결제 느림", "카드 결제가 너무 느려요, 1분 넘게 걸려요. 여러 번 해봤는데 똑같아요.", "normal"), Medium, "payments", held},
		{"he כל פעם אותו דבר: medium",
			at("תשלום איטי", "התשלום בכרטיס איטי מאוד, לוקח דקה. כל פעם אותו דבר.", "normal"), Medium, "payments", held},
		{"ar كل مرة نفس: medium",
			at("الدفع بطيء", "الدفع بالبطاقة بطيء جدا ويستغرق دقيقة. كل مرة نفس المشكلة.", "normal"), Medium, "payments", held},
		{"id beberapa kali sama: medium",
			at("pembayaran lambat", "Pembayaran dengan kartu sangat lambat, hampir satu menit. Sudah saya coba beberapa kali, hasilnya sama.", "normal"), Medium, "payments", held},
		{"it ogni volta lo stesso: medium",
			at("pagamento lento", "Il pagamento con carta è lentissimo, quasi un minuto. Ogni volta lo stesso.", "normal"), Medium, "payments", held},
		{"hi हर बार वही: medium",
			at("भुगतान धीमा", "कार्ड भुगतान बहुत धीमा है, एक मिनट लगता है। हर बार वही हाल है।", "normal"), Medium, "payments", held},
		{"pt todas as vezes o mesmo: medium",
			at("pagamento lento", "O pagamento com cartão demora quase um minuto. Todas as vezes é o mesmo.", "normal"), Medium, "payments", held},
		{"en all day same time: medium",
			at("payments slow", "Card payments have been slow all day, always at the same time the card is inserted.", "normal"), Medium, "payments", held},
		{"es cada vez lo mismo: medium",
			at("pago lento", "El pago con tarjeta tarda un minuto. Cada vez lo mismo.", "normal"), Medium, "payments", held},
		{"en each attempt same: medium",
			at("slow", "Card payment takes a minute. Each attempt the same.", "normal"), Medium, "payments", held},
		{"el κάθε φορά το ίδιο: medium",
			at("πληρωμή", "Η πληρωμή με κάρτα αργεί πολύ, ένα λεπτό. Κάθε φορά το ίδιο.", "normal"), Medium, "payments", held},
		{"ru несколько раз то же самое: medium",
			at("оплата медленная", "Оплата картой очень медленная, минуту. Пробовал несколько раз, то же самое.", "normal"), Medium, "payments", held},
		// a word of another language that reads as a list's
		{"en her laptop same: medium",
			at("slow payment", "I'm paying my daughter's course fee and the card payment takes over a minute. I'm doing it on her laptop, the same one as always.", "normal"), Medium, "payments", held},
		{"es hasta (tr patient): medium",
			at("pago lento", "El pago con tarjeta tarda desde hace varios días hasta un minuto.", "normal"), Medium, "payments", held},
		{"es para mi cliente: medium",
			at("pago lento", "El pago con tarjeta tarda un minuto para mi cliente de hoy, lo mismo que ayer.", "normal"), Medium, "payments", held},
		{"de alle + gleich (soon): medium",
			at("Zahlung langsam", "Die Kartenzahlung dauert fast eine Minute. Ich habe alle Einstellungen geprüft und melde mich gleich wieder.", "normal"), Medium, "payments", held},
		// one other person, a negation or a question the round did not
		// read, a thing shared
		{"tr bir müşteri aynı: medium",
			at("ödeme yavaş", "Kartla ödeme çok yavaş, bir dakika sürüyor. Bir müşteri de aynı şeyi söyledi.", "normal"), Medium, "payments", held},
		{"tr bir öğrenci aynı: medium",
			at("ödeme yavaş", "Kartla ödeme çok yavaş, bir dakika sürüyor. Sınıftan bir öğrenci de aynı şeyi yaşadı.", "normal"), Medium, "payments", held},
		{"hu egy diák ugyanaz: medium",
			at("fizetés lassú", "A kártyás fizetés nagyon lassú, egy percig tart. Egy diák is jelezte, hogy nála ugyanaz.", "normal"), Medium, "payments", held},
		{"el question ;: medium",
			at("πληρωμή", "Η πληρωμή με κάρτα αργεί πολύ, ένα λεπτό. Συμβαίνει το ίδιο και σε όλους τους πελάτες σας;", "normal"), Medium, "payments", held},
		{"ja 他のお客様は同じではありません: medium",
			at("決済が遅い", "カード決済がとても遅く、1分かかります。他のお客様は皆同じではありません。", "normal"), Medium, "payments", held},
		{"en colleagues same browser fast: medium",
			at("payments slow", "Card payments take a minute since this morning. My colleagues use the same browser and it's fast for them.", "normal"), Medium, "payments", held},
		// and the review's texts the round lifts, to keep
		{"en same in all our shops: high",
			at("payments slow", "Card payments take about a minute each since ten. It's the same in all of our shops.", "normal"), High, "payments", lifted},
		{"pl dotyczy wszystkich klientów: high",
			at("płatność wolna", "Płatność kartą bardzo wolno przechodzi, minuta na każdą. Dotyczy to wszystkich klientów.", "normal"), High, "payments", lifted},
		{"vi khách hàng phàn nàn: high",
			at("thanh toán chậm", "Thanh toán bằng thẻ rất chậm, mất một phút. Nhiều khách hàng phàn nàn.", "normal"), High, "payments", lifted},
		{"uk всі клієнти: high",
			at("оплата", "Оплата карткою дуже повільна, хвилину. Так у всіх наших клієнтів.", "normal"), High, "payments", lifted},
		{"en guests complaining: high",
			at("payments slow", "Paying by card at reception takes a minute now. Guests have been complaining all morning.", "normal"), High, "payments", lifted},
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
		// the review's: each read with its guard taken out
		"Mes collègues n'ont pas la même lenteur.":                          false,
		"If other customers complain too, please let me know.":              false,
		"Card payment takes three minutes per customer at my till.":         false,
		"Not all of our customers see it.":                                  false,
		"A customer told me the same.":                                      false,
		"One user has the same problem.":                                    false,
		"Every time I pay it's the same.":                                   false,
		"Bir müşteri de aynı şeyi söyledi.":                                 false,
		"Egy diák is jelezte, hogy nála ugyanaz.":                           false,
		"他のお客様は皆同じではありません。":                                                 false,
		"Συμβαίνει το ίδιο και σε όλους τους πελάτες σας;":                  false,
		"My colleagues use the same browser and it's fast for them.":        false,
		"Die Kartenzahlung dauert, ich melde mich gleich wieder bei allen.": false,
		"If other customers have the same problem, please tell me.":         false,
		"Her client told her the same.":                                     false,
		"El pago tarda para mi cliente, lo mismo que ayer.":                 false,
		"El pago tarda desde hace varios días hasta un minuto.":             false,
	}
	for text, want := range reads {
		if got := groupReach(tokenize(text)); (len(got) > 0) != want {
			t.Errorf("groupReach(%q) read %s, want a group read: %v", text, quote(got), want)
		}
	}
	// the quote of a script written without spaces is its word for
	// everyone, not the sentence's first character
	if got := quote(groupReach(tokenize("会員の仲間も皆同じことを言っています。"))); !strings.Contains(got, "皆") {
		t.Errorf("groupReach quotes %s, want the word for everyone (皆)", got)
	}
}

// TestSlowReachCap_aGroupLiftsOnlyACoreFlow is the review's: a group the
// slowness reaches lifts the hold of one writer's slowness on a core flow
// only; on a service that is no core flow the slowness stays medium, a
// partial degradation (round fifty-six), whoever it reaches.
func TestSlowReachCap_aGroupLiftsOnlyACoreFlow(t *testing.T) {
	f := &facts{claim: claimDegraded, slowConfirmed: true,
		toks: tokenize("Search takes a minute per query. Our customers keep complaining at the front desk.")}
	if most, why := slowReachCap(f, LevelModerate, false); most != Medium {
		t.Errorf("no core flow: cap %q (%s), want %q", most, why, Medium)
	}
	if most, why := slowReachCap(f, LevelModerate, true); most != "" {
		t.Errorf("core flow: cap %q (%s), want none", most, why)
	}
}
