package triage

import (
	"testing"
	"time"
)

func TestFold_dropsDiacriticsOfTheLatinLettersAndRussianYo(t *testing.T) {
	for in, want := range map[string]string{
		"não": "nao", "çalışmıyor": "calismiyor", "błąd": "blad", "straße": "strasse", "nepřichází": "neprichazi",
		"søgning": "sogning", "tänä": "tana", "zákazníkům": "zakaznikum", "пришёл": "пришел", "følgende": "folgende",
		// other scripts, and Vietnamese tone marks, stay
		"ログイン": "ログイン", "chậm": "chậm", "plain": "plain",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// A list word written with diacritics matches the word typed without them;
// a list word written without any does not match a foreign word that
// folds onto it, and a short word alone does not fold.
func TestPhrase_matchesWordsTypedWithoutDiacritics(t *testing.T) {
	for _, c := range []struct {
		entry, text string
		want        bool
	}{
		{"não funciona*", "nao funciona", true},
		{"não funciona*", "não funcionava", true},
		{"çalışmıyo*", "calismiyor", true},
		{"çalışmıyo*", "calismiyo", true},
		{"zniknęł*", "zniknely", true},
		{"nepřichází", "neprichazi", true},
		{"lösenord", "losenord", true},
		{"nie działa*", "nie dziala", true},
		{"hang*", "hàng", false},
		{"plan", "plán", false},
		{"lēns", "len", false}, // a short word alone: "lēn" is no Slovak "len"
		{"hang*", "hanging", true},
		// the digraphs of a keyboard without the letter
		{"zurücksetzen", "zuruecksetzen", true},
		{"bestätigungsmail*", "bestaetigungsmail", true},
		{"får ikke", "faar ikke", true},
		{"søgning*", "soegningen", true},
	} {
		set := mkFlowWords(c.entry)
		toks := tokenize(c.text)
		if got := set.matches(toks, 0); got != c.want {
			t.Errorf("%q in %q: %v, want %v", c.entry, c.text, got, c.want)
		}
	}
}

// A phrase written with diacritics has two matchers (folded, and its
// keyboard digraphs); where both match one token the phrase is still
// found once, and a phrase indexed beside another's digraph matcher is not
// hidden by it.
func TestPhrase_foundOnceThoughBothMatchersMatch(t *testing.T) {
	for _, c := range []struct {
		entries []string
		text    string
		want    int
	}{
		{[]string{"kann nicht spä*"}, "ich kann nicht spaeter", 1},
		{[]string{"spä*"}, "spaeter", 1},
		{[]string{"spä*"}, "später", 1},
		{[]string{"spä*", "spa*"}, "spaeter", 2},
		{[]string{"spae", "spä*"}, "spae", 2},
	} {
		set := mkFlowWords(c.entries...)
		toks := tokenize(c.text)
		got := 0
		for i := range toks {
			set.at(toks, i, func(phrase) { got++ })
		}
		if got != c.want {
			t.Errorf("%q in %q: found %d times, want %d", c.entries, c.text, got, c.want)
		}
	}
}

func TestFoldedKeys_addsTheFoldedFormOfEachKey(t *testing.T) {
	m := map[string]bool{"não": true, "ne": true, "når": true, "keine": true}
	foldedKeys(m)
	for _, k := range []string{"não", "nao", "når", "nar", "naar", "keine"} {
		if !m[k] {
			t.Errorf("no key %q", k)
		}
	}
	if len(m) != 7 {
		t.Errorf("%d keys, want 7: %v", len(m), m)
	}
}

// ExtractTime reads the time words typed without diacritics as it reads
// them with.
func TestExtractTime_readsTimeWordsTypedWithoutDiacritics(t *testing.T) {
	evening := time.Date(2027, 1, 14, 20, 0, 0, 0, time.UTC)
	for _, pair := range [][2]string{
		{"heute früh ging der Login nicht", "heute fruh ging der Login nicht"},
		{"ayer por la mañana fallaban los pagos", "ayer por la manana fallaban los pagos"},
		{"dün akşam ödeme çalışmadı", "dun aksam odeme calismadi"},
		{"včera večer nešly platby", "vcera vecer nesly platby"},
		{"hier après-midi vers 16h, erreurs", "hier apres-midi vers 16h, erreurs"},
		{"i går kväll fungerade inte kassan", "i gar kvall fungerade inte kassan"},
		{"från kvart över sju till åtta", "fran kvart over sju till atta"},
	} {
		careful := ExtractTime(pair[0], evening, time.UTC, 2*time.Hour)
		plain := ExtractTime(pair[1], evening, time.UTC, 2*time.Hour)
		if !careful.Found || plain.Window != careful.Window {
			t.Errorf("%q: %v (found %v), %q: %v", pair[0], careful.Window, careful.Found, pair[1], plain.Window)
		}
	}
}

// A clock's colon or a number's dot ends no clause: "ontvangen sinds
// 10:00 geen codes" is one clause.
func TestTokenize_aClockEndsNoClause(t *testing.T) {
	toks := tokenize("ontvangen sinds 10:00 geen codes. Daarna 9.30 uur")
	for _, tk := range toks {
		if tk.brk && tk.raw != "daarna" {
			t.Errorf("%q starts a clause", tk.raw)
		}
	}
	if !toks[6].brk || toks[6].raw != "daarna" {
		t.Errorf("the full stop before %q ends no clause", toks[6].raw)
	}
}

// Round fourteen's shapes of a foreign negation: the negator after a verb
// of receiving, and a modal before its object with "nicht" before the
// verb at the end; and customers named in a plural the English stem does
// not strip.
func TestForeignNegations_negatorAfterTheVerbAndModalBeforeTheObject(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Unsere Kunden bekommen seit 10 Uhr keine SMS-Codes mehr.", true},
		{"Onze klanten ontvangen sinds 10:00 geen sms-codes meer.", true},
		{"Vores kunder modtager ikke SMS-koderne.", true},
		{"Kundene våre mottar ikke kodene.", true},
		{"Kunden können den Checkout nicht abschließen.", true},
		{"Ich bekomme die Mail, keine Fehler mehr.", false},
		{"Wir können den Export auch morgen machen.", false},
	} {
		if got := len(foreignNegations(tokenize(c.text))) > 0; got != c.want {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
	for _, c := range []struct {
		text string
		want claim
	}{
		{"Kunden können den Checkout nicht abschließen, der Warenkorb zeigt einen Fehler.", claimOutage},
		{"Ein Kunde kann den Checkout nicht abschließen, der Warenkorb zeigt einen Fehler.", claimOne},
		{"Klienci nie mogą sfinalizować zamówienia, koszyk pokazuje błąd.", claimOutage},
		{"Müşteriler alışverişi tamamlayamıyor, sepet hata veriyor.", claimOutage},
	} {
		if got, reasons := claimOf("checkout", c.text); got != c.want {
			t.Errorf("%q: %s, want %s (%q)", c.text, got, c.want, reasons)
		}
	}
}

// Round fourteen: "ago" with the amount in words or digits, before or after
// the word for it, "since" after the clock, an Italian bare hour — in the
// 17 languages of the variants, typed with or without diacritics.
func TestExtractTime_readsAgoAndSinceInTheVariantsLanguages(t *testing.T) {
	created := time.Date(2027, 1, 14, 10, 0, 0, 0, time.UTC)
	twoHoursAgo := Window{From: time.Date(2027, 1, 14, 7, 55, 0, 0, time.UTC), To: created}
	since1430 := Window{From: time.Date(2027, 1, 13, 14, 25, 0, 0, time.UTC), To: created}
	wantWindows(t, created, time.UTC, []windowRow{
		{"vor etwa zwei Stunden hat der Checkout aufgehört zu funktionieren", twoHoursAgo},
		{"il y a environ deux heures le checkout a cessé de fonctionner", twoHoursAgo},
		{"hace unas dos horas el checkout dejó de funcionar", twoHoursAgo},
		{"há umas duas horas o checkout parou", twoHoursAgo},
		{"circa due ore fa il checkout ha smesso di funzionare", twoHoursAgo},
		{"ongeveer twee uur geleden stopte de checkout", twoHoursAgo},
		{"jakieś dwie godziny temu checkout przestał działać", twoHoursAgo},
		{"för ungefär två timmar sedan slutade kassan fungera", twoHoursAgo},
		{"noin kaksi tuntia sitten kassa lakkasi toimimasta", twoHoursAgo},
		{"asi před dvěma hodinami přestala fungovat pokladna", twoHoursAgo},
		{"asi pred dvema hodinami prestala fungovat pokladna", twoHoursAgo},
		{"yaklaşık iki saat önce ödeme çalışmayı durdurdu", twoHoursAgo},
		{"примерно два часа назад перестал работать чекаут", twoHoursAgo},
		{"for cirka to timer siden holdt kassen op med at virke", twoHoursAgo},
		{"for omtrent to timer siden sluttet kassen å virke", twoHoursAgo},
		{"desde as 14:30 o checkout está falhando", since1430},
		{"sedan 14.30 fungerar inte kassan", since1430},
		{"klo 14.30 lähtien kassa ei ole toiminut", since1430},
		{"saat 14:30'dan beri ödeme çalışmıyor", since1430},
	})
	// "for two hours" in English and the Nordic languages without "ago" is
	// how long, not when
	if got := ExtractTime("i går i två timmar fungerade inte kassan", created, time.UTC, 2*time.Hour); got.Window == twoHoursAgo {
		t.Errorf("a Swedish duration read as ago: %v", got.Window)
	}
}
