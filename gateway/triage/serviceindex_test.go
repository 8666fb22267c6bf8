package triage

import (
	"reflect"
	"strings"
	"testing"
)

// indexTestServices are projects whose names and aliases hold what the
// service index keys: suffixes, two-word and hyphenated aliases, words
// with diacritics, prefixes, compound heads, short plurals, one letter.
var indexTestServices = [][]Service{
	{{Name: "checkout-api", Aliases: []string{"cart", "payment page"}, Core: true}, {Name: "payments"}, {Name: "auth"}, {Name: "search"},
		{Name: "notification-worker", Aliases: []string{"mailer", "sms"}}},
	{{Name: "checkout-api", Aliases: []string{"check-in", "trip sign-up"}, Core: true}, {Name: "payments", Aliases: []string{"top-up", "card payment"}, Core: true},
		{Name: "search", Aliases: []string{"dock search"}}, {Name: "booking", Aliases: []string{"reservation", "réservation", "buchung*"}}},
	{{Name: "bestellung", Aliases: []string{"+bestätigung*", "bestellbestätigung", "warenkorb"}}, {Name: "zahlung", Aliases: []string{"kasse", "płatność", "pagamento", "x"}},
		{Name: "identity-service", Aliases: []string{"login", "sso", "ログイン", "登录"}}, {Name: "catalog", Aliases: []string{"katalog*", "ü*", "e-posta*"}}},
}

// serviceTexts are texts made of the services' words and the flows' as
// tickets write them: as listed, inflected, folded, with a typo, written
// apart, after an elided article, in capitals, with other words between.
func serviceTexts(ms []*serviceMatcher) []string {
	var words []string
	for _, m := range ms {
		for _, sp := range m.phrases {
			for _, w := range sp.p {
				w = strings.TrimPrefix(strings.TrimSuffix(w, "*"), "+")
				words = append(words, w, w+"s", w+"en", fold(w), foldDigraphs(w), strings.ToUpper(w), "l'"+w, "dell'"+fold(w), "haupt"+w)
				if len(w) > 3 {
					words = append(words, w[:len(w)-2]+w[len(w)-1:], w[:2]+" "+w[2:], w[:len(w)-1], w[1:], w[:3]+"x"+w[3:], w[:1]+w[2:], w[:1]+"q"+w[1:])
				}
			}
		}
	}
	words = append(words, "email", "address", "an", "my", "the", "down", "log", "in", "check", "out", "e", "x", "ü", "book")
	return wordTexts(words, []string{" ", " ", ", ", ". ", " not ", " l'", "\n", " 支付 ", " i "}, 11, 6)
}

// TestServiceMatcher_indexFindsWhatThePlainScanFinds compares findAll,
// which tries at each token the phrases its index gives, with findAll
// trying every phrase at every token (an index that is not the
// matcher's): the same mentions, weak or not, on many texts.
func TestServiceMatcher_indexFindsWhatThePlainScanFinds(t *testing.T) {
	var ms []*serviceMatcher
	for _, services := range indexTestServices {
		ms = append(ms, newServiceMatcher(services))
	}
	found := 0
	for _, text := range serviceTexts(ms) {
		toks := tokenize(text)
		for k, m := range ms {
			plain := *m
			plain.index.n = -1
			for _, weak := range []bool{false, true} {
				got, want := m.findAll(toks, weak), plain.findAll(toks, weak)
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("project %d, weak %v, %q:\n%+v\nthe plain scan:\n%+v", k, weak, text, got, want)
				}
				found += len(got)
			}
		}
	}
	if found < 10000 {
		t.Fatalf("only %d mentions found: the texts do not try the index", found)
	}
}
