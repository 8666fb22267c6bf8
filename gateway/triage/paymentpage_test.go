package triage

import "testing"

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
	})
}

// TestTriage_paymentPageNamed_counters keeps the payment's: a page word in
// the clause before the paying word's (fails without the clause guard).
func TestTriage_paymentPageNamed_counters(t *testing.T) {
	at := normalTicket
	checkVerdicts(t, shopWithPaymentPage(t, "checkout-api"), []verdictCase{
		{"es page, then paying", at("No puedo pagar", "Entro en la página, pago con tarjeta y sale un error."), Medium, "payments", ""},
	})
}

// shopWithPaymentPage is the checkout project on clean logs whose owner
// holds the "payment page" alias, as most worlds give it to checkout-api.
func shopWithPaymentPage(t *testing.T, owner string) Project {
	p := projectWith(t)
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
// own alias is read), and two services holding one are none.
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
	} {
		if got, _ := paymentPageAlias(tt.services, "payments"); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}
