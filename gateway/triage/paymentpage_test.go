package triage

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// TestTriage_paymentPageNamed is round ninety-eight's: in a world that
// gives the payment page to the purchase's service by an alias, the page
// written in a language that puts the page word first ("trang thanh
// toán", "דף התשלום", "страница оплаты", "σελίδα πληρωμής"), is that
// alias, not the paying flow's word. Each row gave payments with the hook
// taken out.
func TestTriage_paymentPageNamed(t *testing.T) {
	at := normalTicket
	const why = "the page where one pays"
	checkVerdicts(t, shopWithPaymentPage(t, "checkout-api"), []verdictCase{
		{"vi trang thanh toán", at("Trang thanh toán bị lỗi", "Từ mười phút trước trang thanh toán báo lỗi máy chủ."), Medium, "checkout-api", why},
		{"he דף התשלום", at("שגיאה בדף התשלום", "כבר עשר דקות דף התשלום מחזיר שגיאה."), Medium, "checkout-api", why},
		{"ru страница оплаты", at("Ошибка на странице оплаты", "Уже десять минут страница оплаты выдаёт ошибку."), Medium, "checkout-api", why},
		{"el σελίδα πληρωμής", at("Σφάλμα στη σελίδα πληρωμής", "Η σελίδα πληρωμής βγάζει σφάλμα εδώ και δέκα λεπτά."), Medium, "checkout-api", why},
		// the read-through of round ninety-eight: a linking word between
		// (pageLinks), each failing without it
		{"hr stranica za plaćanje", at("Greška na stranici za plaćanje", "Stranica za plaćanje već deset minuta javlja grešku."), Medium, "checkout-api", why},
		{"pt página do pagamento", at("Erro na página do pagamento", "Há dez minutos a página do pagamento dá erro."), Medium, "checkout-api", why},
	})
}

// TestTriage_paymentPageNamed_counters keeps the payment's: a page word in
// the clause before the paying word's. The comma is both a break and a
// clause boundary, so the row fails only with pageBefore's break and
// clause checks taken out together; its subject names nothing, so the
// subject cannot hold payments in their stead.
func TestTriage_paymentPageNamed_counters(t *testing.T) {
	at := normalTicket
	checkVerdicts(t, shopWithPaymentPage(t, "checkout-api"), []verdictCase{
		{"es page, then paying", at("Problema", "Entro en la página, pago con tarjeta y sale un error."), Medium, "payments", ""},
	})
}

// TestTriage_paymentPageNamed_review holds the review's mends of round
// ninety-eight. On payments failing, the page and the paying that fails
// on it: only the paying word the page word governs is the page's, the
// other stays the payment's, whose logs then decide (fails when the whole
// mention moves). On clean logs, a refund's page is the refund's (fails
// when any payments synonym is read as the page's paying word), and the
// card the bank declined on the page and the charge that failed on it
// are the payment's (fail without paymentOutcomeTold, the Hebrew one
// without chargeNouns).
func TestTriage_paymentPageNamed_review(t *testing.T) {
	at := normalTicket
	down := gen.Incident{Service: "payments", Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
		FailRate: 0.7, Status: 503, Message: "charge ch_{id} refused: processor {ip} unreachable"}
	checkVerdicts(t, shopWithPaymentPage(t, "checkout-api", down), []verdictCase{
		{"ru the page and the paying on it", at("Не проходит оплата картой", "На странице оплаты оплата картой не проходит, ошибка 503."), High, "payments", ""},
		{"vi the page opens, the paying fails", at("Trang thanh toán mở được nhưng thanh toán lỗi", "Trang thanh toán mở được bình thường nhưng thanh toán bằng thẻ bị lỗi 503."), High, "payments", ""},
	})
	checkVerdicts(t, shopWithPaymentPage(t, "checkout-api"), []verdictCase{
		{"es the refunds page", at("La página de reembolsos no carga", "Quiero ver el estado de mi reembolso pero la página de reembolsos no carga."), Medium, "payments", ""},
		{"he the charge failed on the page", at("החיוב בכרטיס נכשל בדף התשלום", "בדף התשלום החיוב בכרטיס האשראי נכשל."), Medium, "payments", ""},
		{"vi card declined on the page", at("Trang thanh toán báo thẻ bị từ chối", "Ở trang thanh toán, thẻ của tôi bị ngân hàng từ chối."), Medium, "payments", ""},
	})
}

// shopWithPaymentPage is the checkout project on clean logs whose owner
// holds the "payment page" alias, as most worlds give it to checkout-api.
func shopWithPaymentPage(t *testing.T, owner string, incidents ...gen.Incident) Project {
	p := projectWith(t, incidents...)
	for i := range p.Services {
		switch p.Services[i].Name {
		case "checkout-api":
			p.Services[i].Aliases = []string{"checkout", "basket"}
		case "payments":
			p.Services[i].Aliases = []string{"card payments"}
		}
		if p.Services[i].Name == owner {
			p.Services[i].Aliases = append(p.Services[i].Aliases, "payment page")
		}
	}
	return p
}

// TestPaymentPageAlias: the page where one pays is another service's only
// when one service other than the paying flow's holds it; a world whose
// payment service holds it moves nothing (fails when the paying flow's
// own alias is read), and two services holding one are none. A word that
// only begins with "pay" (payout, payslip, paywall) is no paying (each
// row failed when the prefix was read).
func TestPaymentPageAlias(t *testing.T) {
	for _, tt := range []struct {
		name     string
		services []Service
		want     string
	}{
		{"the order's", []Service{{Name: "checkout-api", Aliases: []string{"basket", "Pay rent page"}}, {Name: "payments", Aliases: []string{"card payments"}}}, "checkout-api"},
		{"the payment's own", []Service{{Name: "checkout-api", Aliases: []string{"basket"}}, {Name: "payments", Aliases: []string{"payment page"}}}, ""},
		{"two others", []Service{{Name: "checkout-api", Aliases: []string{"payment page"}}, {Name: "billing", Aliases: []string{"bill payment page"}}, {Name: "payments"}}, ""},
		{"no page", []Service{{Name: "checkout-api", Aliases: []string{"checkout", "landing page"}}, {Name: "payments"}}, ""},
		{"a payout page", []Service{{Name: "checkout-api", Aliases: []string{"payout page"}}, {Name: "payments"}}, ""},
		{"a payslip page", []Service{{Name: "checkout-api", Aliases: []string{"payslip page"}}, {Name: "payments"}}, ""},
		{"a paywall page", []Service{{Name: "checkout-api", Aliases: []string{"paywall page"}}, {Name: "payments"}}, ""},
		{"a payment link page", []Service{{Name: "checkout-api", Aliases: []string{"payment link page"}}, {Name: "payments"}}, "checkout-api"},
	} {
		if got, _ := paymentPageAlias(tt.services, "payments"); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestTriage_paymentPageNamed_readThrough holds the read-through's rows
// of round ninety-eight, each failing without the part it is named for
// (the linking words' rows are TestTriage_paymentPageNamed's): the
// payment service's own name after a page word stays the payment's (the strength guard); a billing defect (the
// English "overcharged" in a Vietnamese ticket) and a charge told (Greek
// "χρεώθηκα") are the payment's outcome (paymentOutcomeTold's
// billingDefect and chargeWords parts); the page's owner named elsewhere
// is one mention with the page (the merge loop), and the paying words
// the page does not govern keep their own count (the count split), as
// --explain lists them.
func TestTriage_paymentPageNamed_readThrough(t *testing.T) {
	at := normalTicket
	checkVerdicts(t, shopWithPaymentPage(t, "checkout-api"), []verdictCase{
		{"es the payment service named after a page word", at("Error en la página de payments", "Desde hace diez minutos la página de payments da error."), Medium, "payments", ""},
		{"vi overcharged on the page (the English word in a Vietnamese ticket)", at("Trang thanh toán", "Ở trang thanh toán tôi bị overcharged 200.000đ."), Medium, "payments", ""},
		{"ro cards declined on the page (respinse, read since payDeclined is payRefusals)", at("Pagina de plată", "Pe pagina de plată apare o eroare: cardurile mele sunt respinse de bancă."), Medium, "payments", ""},
		{"el charged on the page", at("Σφάλμα στη σελίδα πληρωμής", "Στη σελίδα πληρωμής βγήκε σφάλμα, αλλά χρεώθηκα."), Medium, "payments", ""},
		{"he the order and the page, one mention", at("שגיאה", "ההזמנה שלי תקועה, דף התשלום מחזיר שגיאה."), Medium, "checkout-api",
			`service mentioned: checkout-api ("ההזמנה*", strength 0, 2 time(s))`},
		{"vi the paying the page does not govern keeps its count", at("Lỗi", "Trang thanh toán mở được nhưng thanh toán bằng thẻ bị lỗi."), Medium, "checkout-api",
			`service mentioned: payments ("thanh toán", strength 0, 2 time(s))`},
	})
}
