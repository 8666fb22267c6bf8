package triage

import (
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
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
	got := strings.Join(productLexiconReason(ms, "checkout-api"), "")
	want := `the ticket names the product's thing in its own language: "karnet*" (the Polish word for the alias head "pass"): checkout-api`
	if got != want {
		t.Errorf("reason = %q, want %q", got, want)
	}
	if got := productLexiconReason(FindServices(services, "The season pass does not open the gate"), "checkout-api"); got != nil {
		t.Errorf("reason of an alias written in English = %q, want none", got)
	}
}

// A word two languages' rows share is named by both: "bilet" is Polish
// and Turkish, and the reason cannot tell which the ticket is written in.
func TestProductLexicon_theReasonNamesEveryLanguageOfASharedWord(t *testing.T) {
	services := []Service{{Name: "checkout-api", Aliases: []string{"train tickets"}}}
	ms := FindServices(services, "Nie mogę kupić bilet")
	got := strings.Join(productLexiconReason(ms, "checkout-api"), "")
	if !strings.Contains(got, `(the Polish or Turkish word for the alias head "ticket")`) {
		t.Errorf("reason = %q (mentions %+v), want the Polish or Turkish word", got, ms)
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

// reviewWorld is the review of round seventy's world: each head of the
// rows below is one service's.
var reviewWorld = []Service{
	{Name: "checkout-api", Aliases: []string{"buy tickets", "day pass", "delivery slots", "membership", "virtual queue"}, Core: true},
	{Name: "payments", Aliases: []string{"wallet top-up", "withdrawal", "card payment"}, Core: true},
	{Name: "auth", Aliases: []string{"login"}, Core: true},
	{Name: "search", Aliases: []string{"product search"}},
	{Name: "notifications", Aliases: []string{"payment receipts", "subscriptions"}},
}

// Review of round seventy: a word whose everyday sense is in most tickets
// of its language lends nothing in that sense (reloading a page, having
// received something, a time window, sharing a file, the desk's own
// ticket, signing up, "first of all", a pickup in a shop, banknotes, "of
// long duration", a phone charger); the thing itself still lends.
func TestProductLexicon_aWordsEverydaySenseLendsNothing(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"French reloading the page", "J'ai essayé de recharger la page dix fois", ""},
		{"Spanish reloading the app", "Intenté recargar la aplicación", ""},
		{"Portuguese reloading the page", "Já tentei recarregar a página", ""},
		{"a Korean phone charger", "충전기를 연결하면 앱이 꺼져요", ""},
		{"Italian received", "Ho ricevuto un errore strano", ""},
		{"French received", "Je n'ai pas reçu de réponse", ""},
		{"a German time window", "Welches Zeitfenster habt ihr für die Wartung geplant?", ""},
		{"a Japanese time of day", "この時間帯はつながりません", ""},
		{"Persian sharing a file", "نمی‌توانم فایل را به اشتراک بگذارم", ""},
		{"the desk's ticket in Japanese", "チケット#8812の件、まだ返信がありません", ""},
		{"a Turkish sign-up", "Yeni üyelik oluştururken hata veriyor", ""},
		{"Russian first of all", "В первую очередь спасибо", ""},
		{"Ukrainian first of all", "В першу чергу дякую", ""},
		{"a Russian queue still lends", "Я стою в очереди уже час", "checkout-api"},
		{"a Spanish pickup in the shop", "Retiro en tienda no aparece", ""},
		{"Spanish banknotes", "Tengo billetes en efectivo", ""},
		{"Greek of long duration", "Πρόβλημα μεγάλης διαρκείας", ""},
		{"an Italian top-up still lends", "Ricarica del saldo fallita", "payments"},
		{"a Korean top-up still lends", "충전이 안 돼요", "payments"},
		{"a French receipt after its article still lends", "Le reçu de ma course est faux", "notifications"},
		{"an Italian receipt after its article still lends", "Non trovo la ricevuta del mio ordine", "notifications"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFirstService(t, reviewWorld, tt.text, tt.want) })
	}
}

// Review of round seventy: a message's delivery, queue or subscription
// and a phone's wallet are not the goods', the shop's or the balance's.
func TestProductLexicon_aMessagesHeadIsNoProductsThing(t *testing.T) {
	tests := []struct {
		name, alias, text string
	}{
		{"an email delivery is no delivery of goods", "email delivery", "Ma livraison n'est pas arrivée"},
		{"a newsletter subscription is no paid subscription", "newsletter subscription", "Mein Abo wurde zweimal abgebucht"},
		{"an email queue is no queue to wait in", "email queue", "Я стою в очереди уже час"},
		{"an Apple wallet is no wallet of money", "apple wallet", "Mon portefeuille est vide"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkFirstService(t, []Service{{Name: "notifications", Aliases: []string{tt.alias}}}, tt.text, "")
		})
	}
}

// Review of round seventy: a word the table lent does not take the ticket
// by its service's logs from a service the ticket names in its own words
// (the reload of a page lent to payments while payments fails).
func TestProductLexicon_aLentWordDoesNotWinTheLogs(t *testing.T) {
	p := projectWith(t, gen.Incident{Service: "payments", Start: noon.Add(-20 * time.Minute), Duration: time.Hour,
		FailRate: 0.6, Status: 504, Message: "payment ch_{id} timed out: gateway {ip} returned 504"})
	p.Services = reviewWorld
	checkVerdicts(t, p, []verdictCase{
		{"the search named, a page's reload lent to payments",
			Ticket{Subject: "recherche", Description: "La recherche de produits ne donne rien pour moi, même après le rechargement de la page.", CreatedAt: noon},
			Medium, "search", ""},
	})
}

// Review of round seventy: the reason names the lent word of the service
// the verdict took, not the first one read.
func TestProductLexicon_theReasonIsTheTakenServices(t *testing.T) {
	ms := FindServices(reviewWorld, "Die Tageskarte geht, aber die Aufladung schlägt fehl")
	got := strings.Join(productLexiconReason(ms, "payments"), "")
	if !strings.Contains(got, `"aufladung*"`) || !strings.HasSuffix(got, ": payments") {
		t.Errorf("reason for payments among %+v = %q, want the German top-up's", ms, got)
	}
}
