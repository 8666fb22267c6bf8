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

// TestTriage_aDeniedRemovalAloneIsNoDataLoss pins round fifty-one's
// review: a vanishing the writer denies removing was read as data loss
// whatever had vanished (deniedRemovalLoss, taken out), and lent critical
// to an error display, a banner, a notice, a button, a menu and a promo
// code, and to a Portuguese admission read as a denial. On clean logs none
// of these is critical.
func TestTriage_aDeniedRemovalAloneIsNoDataLoss(t *testing.T) {
	at := normalTicket
	checkCriticalClaims(t, "data-loss words", []wordCase{
		{"ja an error display gone", at("表示", "エラーの表示が消えました。こちらでは何も削除していません。"), false},
		{"zh a banner gone", at("横幅", "首页的广告横幅不见了，我们没有删除。"), false},
		{"ko a notice banner gone", at("배너", "공지 배너가 사라졌어요. 저희가 삭제하지 않았어요."), false},
		{"pt a maintenance notice gone", at("Aviso", "O aviso de manutenção sumiu da tela, não mexi em nada."), false},
		{"tr a button gone", at("Buton", "Ödeme butonu sayfadan kayboldu, biz silmedik."), false},
		{"en a menu gone", at("Menu", "The dropdown menu vanished from the header after your update. Nobody removed it."), false},
		{"en a promo code gone", at("Promo", "The promo code vanished from my cart, I didn't remove it."), false},
		{"pt the writer touched the settings", at("Atalho", "O atalho sumiu da tela inicial. No sábado eu mexi nas configurações."), false},
	})
}
