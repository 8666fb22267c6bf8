package triage

import (
	"strings"
	"testing"
)

// Round seventy: the heads productLexicon adds lend their words to the
// one service whose aliases end with them.
func TestProductLexicon_readsTheProductsThingsInTheTicketsLanguage(t *testing.T) {
	services := []Service{
		{Name: "checkout-api", Aliases: []string{"day pass", "buy a ticket", "virtual queue", "reserve seats"}, Core: true},
		{Name: "payments", Aliases: []string{"wallet top-up", "late fees", "deposit", "instalments", "withdrawal"}, Core: true},
		{Name: "auth", Aliases: []string{"phone key"}, Core: true},
		{Name: "search", Aliases: []string{"timetable"}},
		{Name: "notifications", Aliases: []string{"payment receipts"}},
	}
	tests := []struct {
		name, text, want string
	}{
		{"a German day pass is the pass's service", "Die Tageskarte wird in der App nicht angezeigt", "checkout-api"},
		{"a Spanish boarding pass is the pass's service", "No puedo descargar la tarjeta de embarque", "checkout-api"},
		{"a Czech ticket is the ticket's service", "Jízdenka se nezobrazuje", "checkout-api"},
		{"a Korean queue is the queue's service", "대기열에 들어갈 수 없어요", "checkout-api"},
		{"Japanese seats are the seats' service", "座席が表示されません", "checkout-api"},
		{"a Chinese top-up is the top-up's service", "充值失败了", "payments"},
		{"a Russian top-up is the top-up's service", "Не могу пополнить кошелёк", "payments"},
		{"a Dutch deposit is the deposit's service", "Mijn borg is twee keer geblokkeerd", "payments"},
		{"a French withdrawal is the withdrawal's service", "Mon retrait n'est pas arrivé", "payments"},
		{"a Spanish surcharge is the fee's service", "El recargo por retraso es injusto", "payments"},
		{"Turkish instalments are the instalments' service", "Taksit seçeneği görünmüyor", "payments"},
		{"a Swedish timetable is the timetable's service", "Tidtabellen visar fel avgångar", "search"},
		{"a French receipt is the receipt's service", "Je n'ai jamais eu de reçu", "notifications"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFirstService(t, services, tt.text, tt.want) })
	}
}

// A modifier that turns a head into something else lends nothing: a
// host's seats are a plan's places, a wallet pass a card in the phone's
// wallet, an app store receipt the store's proof of a purchase.
func TestProductLexicon_aModifierTurnsTheHeadIntoSomethingElse(t *testing.T) {
	tests := []struct {
		name     string
		services []Service
		text     string
	}{
		{"a host's seats are no seats to sit in", []Service{{Name: "payments", Aliases: []string{"host seats"}}}, "Los asientos del avión están mal"},
		{"a wallet pass is no day pass", []Service{{Name: "notifications", Aliases: []string{"wallet pass"}}}, "Die Tageskarte ist weg"},
		{"an app store receipt is no receipt mailed", []Service{{Name: "payments", Aliases: []string{"app store receipts"}}}, "Kuittia ei tullut sähköpostiin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFirstService(t, tt.services, tt.text, "") })
	}
}

// A head both of two services' aliases end with lends nothing.
func TestProductLexicon_aHeadOfTwoServicesLendsNothing(t *testing.T) {
	services := []Service{
		{Name: "checkout-api", Aliases: []string{"book tickets"}, Core: true},
		{Name: "notifications", Aliases: []string{"text message with the ticket"}},
	}
	checkFirstService(t, services, "Билет не пришёл", "")
}

// The head of an alias ending with "top-up" is the top-up, not "up".
func TestProductLexicon_theTopUpIsTheHead(t *testing.T) {
	if got := aliasHead(mkPhrase("card top-up")); got != "top-up" {
		t.Errorf("aliasHead(card top-up) = %q, want top-up", got)
	}
	if got := aliasHead(mkPhrase("trip sign-up")); got != "" {
		t.Errorf("aliasHead(trip sign-up) = %q, want none", got)
	}
}

// --explain names the word, its language and the head it was lent by.
func TestProductLexicon_theReasonNamesTheWordAndItsLanguage(t *testing.T) {
	services := []Service{{Name: "checkout-api", Aliases: []string{"season passes"}}}
	ms := FindServices(services, "Mój karnet nie działa na bramce")
	got := strings.Join(productLexiconReason(ms), "")
	want := `the ticket names the product's thing in its own language: "karnet*" (the Polish word for the alias head "pass"): checkout-api`
	if got != want {
		t.Errorf("reason = %q, want %q", got, want)
	}
	if got := productLexiconReason(FindServices(services, "The season pass does not open the gate")); got != nil {
		t.Errorf("reason of an alias written in English = %q, want none", got)
	}
}

// BenchmarkProductLexicon_readWords reads the original set's tickets with a
// project whose aliases end with the table's heads (so every head lends
// its words), the words part of triage alone: the per-ticket cost of the
// lent phrases.
func BenchmarkProductLexicon_readWords(b *testing.B) {
	tickets, _ := loadTickets(b, ticketsDir)
	tr := New(Project{Services: []Service{
		{Name: "checkout-api", Aliases: []string{"day pass", "buy a ticket", "virtual queue", "reserve seats", "vouchers"}, Core: true},
		{Name: "payments", Aliases: []string{"wallet top-up", "late fees", "deposit", "instalments", "withdrawal", "invoices"}, Core: true},
		{Name: "auth", Core: true}, {Name: "search", Aliases: []string{"timetable"}},
		{Name: "notifications", Aliases: []string{"payment receipts"}}}}, Settings{})
	benchTriage(b, tr, tickets)
}
