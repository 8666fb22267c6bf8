package triage

import (
	"context"
	"testing"
)

// sevCase is a ticket and the severity it must get on clean logs.
type sevCase struct {
	name string
	tk   Ticket
	want string
}

// checkSeverities triages each case on clean logs and checks its severity.
func checkSeverities(t *testing.T, cases []sevCase) {
	t.Helper()
	tr := New(projectWith(t), Settings{})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, err := tr.Triage(context.Background(), tc.tk)
			if err != nil {
				t.Fatal(err)
			}
			if res.Severity != tc.want {
				t.Errorf("%s/%q, want %s; reasons: %q", res.Severity, res.AffectedService, tc.want, res.Reasons)
			}
		})
	}
}

// TestTriage_aMessageLateOrTwiceIsReported is round 88's: a message that
// came late or twice, told without a failure word the lists read, is a
// failure the writer reports, medium on clean logs (latemessage.go). Each
// "medium" row is low with lateMessages and twiceMessages disabled
// (checked once); the "low" rows keep their verdict with them.
func TestTriage_aMessageLateOrTwiceIsReported(t *testing.T) {
	at := normalTicket
	checkSeverities(t, []sevCase{
		{"nl sms late", at("Sms-codes", "Hallo, de sms met de bevestigingscode komt bij mij steeds een kwartier te laat binnen."), Medium},
		{"fr e-mail late", at("Courriel", "Bonjour, le courriel de confirmation de commande arrive chez moi avec une heure de retard."), Medium},
		{"it e-mail late", at("Notifiche", "Buongiorno, da stamattina le e-mail di conferma degli ordini mi arrivano con un'ora di ritardo."), Medium},
		{"da sms late", at("Kode", "Hej, SMS'en med koden kom en halv time for sent i dag."), Medium},
		{"pl message late", at("Wiadomość", "Dzień dobry, wiadomość z kodem przyszła do mnie z opóźnieniem, po kwadransie."), Medium},
		{"de reminder twice", at("Erinnerung", "Hallo, die Erinnerung an meinen Termin kam heute früh zweimal, im Abstand von einer Minute."), Medium},
		{"en e-mail two times", at("Email", "Hello, every order confirmation email reaches me two times, a minute apart."), Medium},
		{"sv e-mail twice", at("Mejl", "Hej, mejlet med kvittot kom två gånger till mig i morse."), Medium},
		// guards: a how-to, a typo, a try, money, the lateness the message's topic
		{"en how-to about reminders", at("Reminders", "How do I set the reminder e-mail to go out later in the evening?"), Low},
		{"es typo in reminder", at("Errata", "Pequeña errata: en el recordatorio por correo la palabra 'cita' aparece dos veces."), Low},
		{"de a delay SMS asked about", at("Verspätungs-SMS", "Wie kann ich die Verspätungs-SMS für meine Linie abbestellen?"), Low},
		{"he a reminder of a late invoice", at("תזכורת", "איך משנים את הנוסח של מייל התזכורת שנשלח כשחשבונית באיחור?"), Low},
	})
}

// TestTriage_aWaitingStateAskedAboutIsLow is round 88's: a waiting state
// the product shows (pending, in review, on request), asked about —
// whether it is normal, how long it takes, what it means — is a question,
// low (waitingasked.go). Each "low" row is medium with waitingAsked
// disabled (checked once); the "medium" rows keep their verdict with it.
func TestTriage_aWaitingStateAskedAboutIsLow(t *testing.T) {
	at := normalTicket
	checkSeverities(t, []sevCase{
		{"en top-up pending, how long", at("Wallet top-up", "I transferred 50 EUR on Friday and the wallet still says 'Top-up pending' and the balance is not showing. How long does it take?"), Low},
		{"es payout pending, normal", at("Pago pendiente", "El pago de mi factura sigue pendiente desde el lunes, no aparece en mi cuenta. ¿Es normal? ¿Cuánto tarda?"), Low},
		{"de review, how long", at("Anzeige", "Meine Anzeige steht seit gestern auf 'in Prüfung' und ich kann sie nicht teilen. Wie lange dauert das?"), Low},
		{"fr waiting, normal", at("Virement", "Mon virement est toujours en attente et le solde n'apparaît pas. Est-ce normal ?"), Low},
		// guards: no question of normal, an outage for many, no waiting state
		{"en pending, no normal asked", at("Order pending", "I paid an hour ago but the order still says pending and the checkout shows an error. Please fix it."), Medium},
		{"en pending for all customers", at("Payments pending", "All our customers' payments are stuck on pending and fail, nobody can pay. Is this normal?"), Medium},
		{"en failure, is that normal", at("Login", "I can't sign in, the page shows an error every time. Is that normal?"), Medium},
	})
}
