package triage

import "testing"

// The writer's inability, told in the languages tickets come in, is a
// failure word as "I can't" is in English.
func TestInability_isAFailureWord(t *testing.T) {
	for _, text := range []string{
		"Desde las 8 no puedo iniciar sesión.",
		"Ayer no pude hacer el pedido.",
		"Da stamattina non riesco ad accedere al mio account.",
		"Non riesco a pagare con la carta regalo.",
		"Depuis ce matin je n'arrive pas à me connecter.",
		"Je ne peux pas payer avec ma carte.",
		"Desde hoje de manhã não consigo entrar na minha conta.",
		"Sedan i morse kan jag inte logga in.",
		"Nie udało mi się zapłacić kartą.",
		"Δεν μπορώ να συνδεθώ από το πρωί.",
		"لا أستطيع تسجيل الدخول منذ الصباح.",
		"Saya tidak bisa login sejak tadi pagi.",
		"Từ sáng tôi không đăng nhập được.",
		"Login nahi ho raha hai subah se.",
		"La pagina non si carica da stamattina.",
		"Nie ładują się zdjęcia w wyszukiwarce.",
	} {
		if got, r := claimOf("Problem", text); got != claimOne {
			t.Errorf("%q: claim %v (%v), want one user's failure", text, got, r)
		}
	}
}

// Not an inability: a how-to told as "I can't find where…", "I can't
// wait", and the Vietnamese "can I …?".
func TestInability_notOnFindingOrWaiting(t *testing.T) {
	wantNoFailureWords(t, []string{
		"Non riesco a trovare dove cambiare la password?",
		"No puedo encontrar dónde cambiar mi dirección.",
		"Je n'arrive pas à trouver où changer mon adresse.",
		"Não consigo encontrar onde mudar a senha.",
		"No puedo esperar a recibir mi pedido, ¡gracias!",
		"Không biết đổi vé được không?",
		// Review of round 102: understanding, being somewhere, holding
		// back, Finnish "en voi muuta kuin"; a "not expected" in
		// Vietnamese; Spanish "no cargan", "no se carga" (not charged).
		"No consigo entender cómo funcionan los créditos de bolsa.",
		"Δεν μπορώ να καταλάβω πώς λειτουργούν τα πιστωτικά.",
		"Non riesco a capire perché il piumone costa il doppio.",
		"Domani non posso essere a casa alle 9.",
		"Je ne peux pas être présente demain matin.",
		"No pude resistirme: probé el plan mensual y es genial.",
		"En voi muuta kuin kiittää!",
		"Không ngờ nhận được đồ nhanh vậy, cảm ơn!",
		"Me dijeron que no cargan el importe hasta el día 5.",
		"Me dijeron que no se carga nada en la tarjeta hasta la recogida.",
	})
}

// A place a failure word already holds is not read twice.
func TestInability_notTwiceAtOnePlace(t *testing.T) {
	text := "Desde esta mañana no carga la página."
	if f := active(signalsOf(text).failure); len(f) != 1 {
		t.Errorf("%q: failure words %s, want one", text, quote(f))
	}
}

// Review of round 102: no inability in a clause that asks ("why can't I
// choose Sundays?", a feature asked for), nor beside a normal state the
// writer tells (the bank declined the card for want of funds, every slot
// is taken); a report followed by a question in its own clause still is.
func TestInability_notAskedNorANormalState(t *testing.T) {
	wantNoFailureWords(t, []string{
		"Varför kan jag inte välja hämtning på söndagar?",
		"Apakah saya tidak bisa memakai kredit tas untuk selimut?",
		"Non possiamo pagare con Satispay? Sarebbe comodo.",
		"Não posso pagar com MB Way?",
		"Não consegui pagar: o banco recusou o cartão por saldo insuficiente.",
		"No puedo reservar la recogida para el martes: todos los horarios aparecen completos.",
	})
	for _, text := range []string{
		"No puedo iniciar sesión desde las 8. ¿Me ayudáis?",
		"Non riesco a pagare, potete aiutarmi?",
	} {
		if f := active(signalsOf(text).failure); len(f) == 0 {
			t.Errorf("%q: no failure words, want the inability", text)
		}
	}
}

// Review of round 102: a "we" inability ("لا نستطيع", "können wir
// nicht") is a firm's staff blocked, not one writer's failure: on a ticket
// the desk marked high, while most of a core flow's requests fail, it is
// the contract's critical as an unread report is; "I can't" stays high.
func TestInability_weIsNoOneWriter(t *testing.T) {
	p, high := paymentsMostFail(t), highAt
	checkVerdicts(t, p, []verdictCase{
		{"Arabic: we can't pay by card at the hotel",
			high("الدفع في الفندق", "لا نستطيع الدفع بالبطاقة في الفندق منذ ربع ساعة."),
			Critical, "payments", "payments"},
		{"Spanish: we could not pay",
			high("Pago", "Desde las 11:30 no pudimos pagar los pedidos con tarjeta."),
			Critical, "payments", "payments"},
		{"counter: Spanish, I could not pay",
			high("Pago", "Desde las 11:30 no pude pagar mi pedido con tarjeta."),
			High, "payments", "payments"},
	})
}

// wantNoFailureWords checks that no failure word is read in any of texts.
func wantNoFailureWords(t *testing.T, texts []string) {
	t.Helper()
	for _, text := range texts {
		if f := active(signalsOf(text).failure); len(f) > 0 {
			t.Errorf("%q: failure words %s, want none", text, quote(f))
		}
	}
}

// highAt is a ticket the desk marked high, written at noon.
func highAt(subject, description string) Ticket {
	return Ticket{Subject: subject, Description: description, Priority: "high", CreatedAt: noon}
}
