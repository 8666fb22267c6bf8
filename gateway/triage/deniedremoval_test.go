package triage

import (
	"context"
	"strings"
	"testing"
)

// wordCase is a ticket and whether its words make the claim a test reads.
type wordCase struct {
	name string
	tk   Ticket
	want bool
}

// normalTicket is a ticket at noon at the desk's normal priority.
func normalTicket(subject, description string) Ticket {
	return Ticket{Subject: subject, Description: description, Priority: "normal", CreatedAt: noon}
}

// checkCriticalClaims checks, on clean logs, that each ticket is critical
// with reason among its reasons exactly when it should be.
func checkCriticalClaims(t *testing.T, reason string, cases []wordCase) {
	t.Helper()
	tr := New(projectWith(t), Settings{})
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res, why, err := tr.Explain(context.Background(), tc.tk)
			if err != nil {
				t.Fatal(err)
			}
			all := strings.Join(res.Reasons, "|") + "|" + why
			if got := res.Severity == Critical && strings.Contains(all, reason); got != tc.want {
				t.Errorf("%q %v, want %v: %s/%q; reasons: %q", reason, got, tc.want, res.Severity, res.AffectedService, res.Reasons)
			}
		})
	}
}

// TestTriage_aVanishingTheWriterDeniesRemovingIsDataLoss is round
// fifty-one's: things gone that the writer says nobody deleted or touched
// are data loss, critical on clean logs, in the languages tickets come in,
// whatever the vanished things are called. Not a passing thing gone (an
// error, a banner), not what the writer removed, not a privacy request, a
// thanks or a billing question.
func TestTriage_aVanishingTheWriterDeniesRemovingIsDataLoss(t *testing.T) {
	at := normalTicket
	checkCriticalClaims(t, "data-loss words", []wordCase{
		{"en folders disappeared, nobody deleted them", at("Folders", "This morning the project folders in the dashboard disappeared. Nobody on the team deleted them."), true},
		{"es templates vanished, I did not delete them", at("Plantillas", "Las plantillas de respuesta han desaparecido esta mañana. No las he borrado yo."), true},
		{"it models gone, none of us cancelled them", at("Modelli", "Da ieri sono spariti tutti i modelli delle fatture. Nessuno di noi li ha cancellati."), true},
		{"pt labels vanished, nobody touched them", at("Etiquetas", "As etiquetas sumiram hoje de manhã. Ninguém da equipe mexeu nelas."), true},
		{"fr lists vanished, I did not delete them", at("Listes", "Les listes de la semaine ont disparu ce matin. Je ne les ai pas supprimées."), true},
		{"de templates vanished, I did not delete them", at("Vorlagen", "Die Vorlagen sind seit heute verschwunden. Ich habe sie nicht gelöscht."), true},
		{"zh favourites gone, I did not delete", at("收藏夹", "今天早上收藏夹都不见了，我没有删除。"), true},
		{"ja memos vanished, I did not delete", at("メモ", "保存したメモが全部消えました。自分では削除していません。"), true},
		{"ko memos vanished, I did not delete", at("메모", "메모가 전부 사라졌어요. 제가 삭제하지 않았어요."), true},
		// guards
		{"en the error is gone, we touched nothing", at("Checkout", "The error on the checkout page is gone, we did not touch anything on our side."), false},
		{"en the banner is gone, I did not remove it", at("Banner", "The cookie banner is gone from the shop. I did not remove it, is that expected?"), false},
		{"en I deleted the folders myself", at("Folders", "I deleted the project folders myself yesterday and now they are gone. Can I get them back?"), false},
		{"en a privacy request", at("GDPR", "Please erase all my personal data under GDPR. My profile is not gone yet and I did not delete it."), false},
		{"en a thanks", at("Thanks", "Thanks, the warning message is gone now. We did not change or touch anything."), false},
		{"es the error message vanished, I did not delete it", at("Error", "El mensaje de error ya desapareció, no lo he borrado yo. Gracias."), false},
		{"en a billing question about one's own invoice", at("Invoice", "The discount line on the March invoice is gone, we did not remove it. Why was it dropped?"), false},
		{"en another service's outage", at("Gmail", "Our Gmail inbox was down and some e-mails disappeared from it, nobody on our side deleted them. Just so you know, not your problem."), false},
	})
}
