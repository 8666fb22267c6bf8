package triage

import (
	"fmt"
	"slices"
	"strings"
)

// Round ninety-eight: many worlds give the page where the customer pays to
// the purchase's own service by an alias ("payment page", "pay rent
// page", "payment link page" among checkout-api's aliases), not to the
// payment provider. Written in a language that puts the page word first
// ("página de pago", "page de paiement", "σελίδα πληρωμής", "trang thanh
// toán", "דף התשלום", "stronie płatności", "halaman pembayaran"), the
// alias is not found: the paying word alone is read, as the paying flow's
// word, and gives the ticket to the payment service while the writer
// speaks of the page. paymentPageNamed reads a paying word of the paying
// flow's service with a page word (pageWords: ownedthing.go) right before
// it in its clause, one short linking word allowed between ("de", "za",
// "na", "του"), as the world's own payment-page alias: the mention is the
// alias's service's, at the alias's strength. Only when the world gives a
// payment page to another service than the paying flow's (a world whose
// payment service owns "payment page" keeps the word where it is), and
// only the paying flow's everyday words, not one of the payment
// service's own aliases or its name.

// paymentPageAlias returns the service, other than payer, one of whose
// aliases is a page where one pays: a page word as its last word and,
// before it, a paying word (aliasPaying: "payment page", "pay rent
// page", "payment link page"; not "payout page", "payslip page" or
// "paywall page", whose "pay" is no paying, read-through of round
// ninety-eight). "" when none does or two services do.
func paymentPageAlias(services []Service, payer string) (string, string) {
	found, alias := "", ""
	for _, s := range services {
		if s.Name == payer {
			continue
		}
		for _, a := range s.Aliases {
			ws := strings.Fields(strings.ToLower(a))
			if len(ws) < 2 || !hasAnyPrefix(ws[len(ws)-1], []string{"page"}) {
				continue
			}
			if !slices.ContainsFunc(ws[:len(ws)-1], func(w string) bool { return aliasPaying[w] }) {
				continue
			}
			if found != "" && found != s.Name {
				return "", ""
			}
			found, alias = s.Name, a
		}
	}
	return found, alias
}

// aliasPaying are the paying words of a page alias. The worlds' aliases
// are English (the page word last, as paymentPageAlias reads them), so
// pagePaying's other languages are not needed here.
var aliasPaying = map[string]bool{"pay": true, "payment": true, "payments": true}

// pageLinks are the short words that may stand between a page word and
// the paying word it governs: "página de pago", "page de paiement",
// "strona za plaćanje", "pagina di pagamento".
var pageLinks = map[string]bool{"de": true, "da": true, "do": true, "di": true, "del": true, "du": true,
	"za": true, "na": true, "του": true, "της": true}

// hebrewPageIn are the Hebrew page words with a joined preposition ("בדף
// התשלום", on the payment page): read one occurrence at a time (review of
// round ninety-eight), a subject's "שגיאה בדף התשלום" would otherwise
// stay the payment's beside a body's "דף התשלום".
var hebrewPageIn = map[string]bool{"בדף": true, "לדף": true, "מהדף": true, "בעמוד": true, "לעמוד": true, "מהעמוד": true}

// pageBefore reports whether a page word stands right before the word at
// p in its clause, or two words before with a linking word between
// ("página de pago"). Page words only, not a button or a step word: "el
// paso de 3-D Secure" is the payment's own step, the bank's page.
func pageBefore(toks []token, cl []int, p int) bool {
	for k := p - 1; k >= p-2 && k >= 0; k-- {
		if k+1 < len(toks) && toks[k+1].brk || k >= len(cl) || p >= len(cl) || cl[k] != cl[p] {
			return false
		}
		if hasAnyPrefix(toks[k].raw, pageWords) || hebrewPageIn[toks[k].raw] {
			return true
		}
		if !pageLinks[toks[k].raw] {
			return false
		}
	}
	return false
}

// pagePaying are the paying flow's own words for the paying, the word a
// page where one pays is named by ("página de pago", "σελίδα πληρωμής",
// "trang thanh toán", "דף התשלום", "halaman pembayaran"): not a refund,
// an invoice or a card, whose page is theirs (review of round
// ninety-eight: "la página de reembolsos no carga" is the refund's).
var pagePaying = mkFlowWords("pay", "paying", "payment", "payments", "zahlung", "zahlungen", "bezahlen", "pago", "pagos",
	"pagar", "pagamento", "pagamentos", "paiement", "paiements", "pagament", "pagare", "betaling", "betalingen", "betalen",
	"betalning", "betalningar", "płatności", "płatność", "platby", "platba", "platbu", "platieb", "plaćanje", "plaćanja",
	"плаћање", "плаћања", "оплаты", "оплата", "оплати", "оплату", "плащане", "плащания", "πληρωμής", "πληρωμή", "πληρωμών",
	"thanh toán", "תשלום", "התשלום", "תשלומים", "pembayaran", "bayar", "plată", "plăți", "plății", "plata", "ödeme",
	"maksu", "maksun", "makse", "fizetés", "fizetési", "mokėjimo", "maksājuma", "greiðslu", "الدفع", "भुगतान", "ชำระเงิน")

// paymentPageNamed gives the page's owner (see above) the positions of a
// paying-flow mention that a page word governs, and keeps the others as
// the paying flow's mention: "На странице оплаты оплата картой не
// проходит" names the page and the paying that fails on it (review of
// round ninety-eight). Only the paying flow's own paying words
// (pagePaying), not a refund's; and nothing moves when the ticket tells
// the payment's own outcome (paymentOutcomeTold: "Ở trang thanh toán, thẻ
// của tôi bị ngân hàng từ chối", the card declined on the page). The
// paying told failing beside the page is left to the logs, as two
// services named: the rounds eighty-five and ninety-one readings
// (paymentAttemptFailed, paymentItselfFailed) do not read these tickets,
// whose page and paying share a clause ("both told failing") or whose
// refusal is no failure word the lists read. It returns the mentions and
// a reason line, "" when nothing moved.
func (t *Triager) paymentPageNamed(toks []token, sig *signals, ms []ServiceMention) ([]ServiceMention, string) {
	payer := t.flowService("paying")
	if payer == "" {
		return ms, ""
	}
	owner, alias := paymentPageAlias(t.p.Services, payer)
	if owner == "" {
		return ms, ""
	}
	cl := sig.clause
	for i, m := range ms {
		if m.Service != payer || m.Strength > strengthSynonym {
			continue
		}
		var page, rest []int
		for _, p := range mentionAt(m) {
			switch {
			case slices.Contains(page, p) || slices.Contains(rest, p):
			case p >= 0 && p < len(toks) && pagePaying.matches(toks, p) && pageBefore(toks, cl, p):
				page = append(page, p)
			default:
				rest = append(rest, p)
			}
		}
		if len(page) == 0 {
			continue
		}
		if paymentOutcomeTold(toks, sig) {
			return ms, ""
		}
		slices.Sort(page)
		slices.Sort(rest)
		named := ServiceMention{Service: owner, Phrase: m.Phrase, Strength: strengthAlias, Pos: page[0], Count: len(page), at: page, failsHere: m.failsHere}
		moved := []ServiceMention{named}
		if len(rest) > 0 {
			kept := m
			kept.Pos, kept.at, kept.Count = rest[0], rest, max(1, m.Count-len(page))
			if kept.Pos < named.Pos {
				moved = []ServiceMention{kept, named}
			} else {
				moved = append(moved, kept)
			}
		}
		out := slices.Concat(ms[:i], moved, ms[i+1:])
		// The alias's service named elsewhere is this mention.
		k := slices.IndexFunc(out, func(o ServiceMention) bool { return o.Service == owner })
		for j := len(out) - 1; j > k; j-- {
			if out[j].Service == owner {
				out[k].Count += out[j].Count
				out[k].at = append(out[k].at, out[j].at...)
				out = slices.Delete(out, j, j+1)
			}
		}
		return out, fmt.Sprintf("the page where one pays (%q after a page word) is the world's %q: %s", m.Phrase, alias, owner)
	}
	return ms, ""
}

// paymentOutcomeTold reports whether the ticket tells the payment's own
// outcome, which no page makes: the card or the payment declined or
// refused (payDeclined), money taken or a charge (chargeWords:
// twoservices.go; chargeNouns: "בדף התשלום החיוב בכרטיס נכשל"), or a
// billing defect ("charged twice"). "Ở trang thanh toán, thẻ của tôi bị
// ngân hàng từ chối" is the card the bank declined on the page: the
// payment's (review of round ninety-eight).
func paymentOutcomeTold(toks []token, sig *signals) bool {
	if len(active(sig.billingDefect)) > 0 {
		return true
	}
	for k := range toks {
		if payDeclined.matches(toks, k) || chargeWords.matches(toks, k) || chargeNouns.matches(toks, k) {
			return true
		}
	}
	return false
}

// payDeclined say a card or a payment was declined or refused, as a bank
// or a provider does it: payRefusals (paidnotgot.go), payFailed's
// refusals, without its failures ("la página de pago falló" is the
// page's). codeRefusals (words.go) stays a list of its own: a code is
// refused as invalid, expired or not working, which says nothing of a
// payment.
var payDeclined = mkFlowWords(payRefusals...)

// chargeNouns name the charge, where chargeWords has only the verb's
// forms.
var chargeNouns = mkFlowWords("חיוב", "החיוב", "חיובים", "cobro", "cobros", "débito", "addebito", "addebiti", "prélèvement",
	"abbuchung", "afschrijving", "obciążenie", "списание", "χρέωση", "χρεώσεις")
