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
// aliases is a page where one pays: a paying word ("pay", "payment",
// "checkout") and a page word as its last word. "" when none does or two
// services do.
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
			if !slices.ContainsFunc(ws[:len(ws)-1], func(w string) bool { return strings.HasPrefix(w, "pay") }) {
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

// pageLinks are the short words that may stand between a page word and
// the paying word it governs: "página de pago", "page de paiement",
// "strona za plaćanje", "pagina di pagamento".
var pageLinks = map[string]bool{"de": true, "da": true, "do": true, "di": true, "del": true, "du": true,
	"za": true, "na": true, "του": true, "της": true}

// pageBefore reports whether a page word stands right before the word at
// p in its clause, or two words before with a linking word between
// ("página de pago"). Not a button or a step (purchasePlaces): "el paso de
// 3-D Secure" is the payment's own step, the bank's page.
func pageBefore(toks []token, cl []int, p int) bool {
	for k := p - 1; k >= p-2 && k >= 0; k-- {
		if k+1 < len(toks) && toks[k+1].brk || k >= len(cl) || p >= len(cl) || cl[k] != cl[p] {
			return false
		}
		if hasAnyPrefix(toks[k].raw, pageWords) {
			return true
		}
		if !pageLinks[toks[k].raw] {
			return false
		}
	}
	return false
}

// paymentPageNamed turns a paying-flow mention whose word a page word
// governs into the payment-page alias's service (see above); it returns
// the mentions and a reason line, "" when nothing moved.
func (t *Triager) paymentPageNamed(toks []token, cl []int, ms []ServiceMention) ([]ServiceMention, string) {
	payer := t.flowService("paying")
	if payer == "" {
		return ms, ""
	}
	owner, alias := paymentPageAlias(t.p.Services, payer)
	if owner == "" {
		return ms, ""
	}
	for i, m := range ms {
		if m.Service != payer || m.Strength > strengthSynonym {
			continue
		}
		for _, p := range mentionAt(m) {
			if p < 0 || p >= len(toks) || !pageBefore(toks, cl, p) {
				continue
			}
			out := slices.Clone(ms)
			out[i] = ServiceMention{Service: owner, Phrase: m.Phrase, Strength: strengthAlias, Pos: m.Pos, Count: m.Count, at: m.at, failsHere: m.failsHere}
			// The alias's service named again later is this mention.
			for j := len(out) - 1; j > i; j-- {
				if out[j].Service == owner {
					out[i].Count += out[j].Count
					out = slices.Delete(out, j, j+1)
				}
			}
			return out, fmt.Sprintf("the page where one pays (%q after a page word) is the world's %q: %s", m.Phrase, alias, owner)
		}
	}
	return ms, ""
}
