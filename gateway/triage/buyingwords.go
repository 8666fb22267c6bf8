package triage

// Round seventy-eight: buying, and the map, named in the ticket's own
// words. Every world sells or books its product's thing through the
// ordering flow, whatever the thing is (a pass, a policy, a course, a
// seat, a bundle), and a writer who cannot get it says so with the verb:
// "cannot buy tickets", "non riuscivo a comprare", "a diákbérlet
// vásárlásánál", "nikt nie może kupić". The ordering flow's lists held
// the nouns (order, purchase, "compra", "acquisto") and a few verbs
// ("kaufen", "kup*", "köp*"), not "buy" alone nor the verb in most
// languages. buyingLexicon adds it, language by language, from general
// vocabulary: the infinitive and the ability forms (to buy, buying, "can
// buy"), not the past ("bought", "compré", "купил"): a past purchase is
// the setting of a ticket about something else (the mail that did not
// come, a charge), as round sixty-nine found for "I ordered" and "I
// paid". Left out: the buyer ("vásárló", "comprador", "Käufer": a
// customer, any flow's), "mua" alone (Vietnamese, a season), the Greek
// "αγορά" alone (also a market), Korean "사" (a company, four). A buying
// word with a word of paying in its sentence is not read
// (boughtByPaying, asked by flowMentions): buying is done by paying, and
// "comprar o passe com o meu cartão" tells of the payment's step.
//
// mapLexicon adds the map to the heads whose translations productLexicon
// lends (round seventy): a world whose aliases end with "map" ("charger
// map", "vehicle map", "seat map") names the thing its map shows, and
// the one service holding that head takes the map in the ticket's own
// language ("ο χάρτης φορτιστών δεν φορτώνει", "bản đồ trạm sạc không
// hiện", "地图上看不到"). The head lends only where one service's aliases
// end with it (addAliasTranslations' guards), so a seat map goes to the
// service that sells seats in one world and to the search in another.
// Left out, each for an everyday second sense: German "Karte", French
// "carte", Russian and Bulgarian "карта", Dutch "kaart", Danish "kort",
// Estonian "kaart", Croatian "karta" (a card or a ticket); French "plan"
// (a plan); Korean "지도" (also guidance).

// buyingLexicon is the ordering flow's buying verbs, by language (rows of
// flowLexicon's shape; flowLexicon's init reads them after its own).
var buyingLexicon = []struct {
	flow, lang string
	words      []string
}{
	{"ordering", "English", []string{"buy", "buying"}},
	{"ordering", "German", []string{"einkaufen", "zu kaufen", "kaufe"}},
	{"ordering", "French", []string{"acheter", "d'acheter", "achète", "achat"}},
	{"ordering", "Spanish, Portuguese or Catalan", []string{"comprar"}},
	{"ordering", "Spanish or Portuguese", []string{"comprando"}},
	{"ordering", "Italian", []string{"comprare", "acquistare", "acquisti"}},
	{"ordering", "Dutch", []string{"kopen", "aankoop", "aankopen"}},
	{"ordering", "Danish", []string{"købe", "køb"}},
	{"ordering", "Norwegian", []string{"kjøpe", "kjøp"}},
	{"ordering", "Finnish", []string{"ostaa", "ostaminen", "ostamaan", "ostamisen"}},
	{"ordering", "Estonian", []string{"osta", "ostma", "ostmine", "ostmisel"}},
	{"ordering", "Latvian", []string{"nopirkt", "pirkt", "pirkums"}},
	{"ordering", "Lithuanian", []string{"nupirkti", "pirkti", "pirkimas", "pirkimo"}},
	{"ordering", "Czech", []string{"koupit", "nakoupit"}},
	{"ordering", "Slovak", []string{"kúpiť", "nakúpiť"}},
	{"ordering", "Slovene", []string{"kupiti", "nakup", "nakupa"}},
	{"ordering", "Hungarian", []string{"vásárolni", "vásárlás*", "megvásárolni", "megvenni"}},
	{"ordering", "Romanian", []string{"cumpăra", "cumpăr", "cumpărare", "cumpărarea"}},
	{"ordering", "Greek", []string{"να αγοράσω", "να αγοράσουμε", "να αγοράσουν", "να αγοράσει"}},
	{"ordering", "Russian", []string{"купить", "покупки"}},
	{"ordering", "Russian or Ukrainian", []string{"покупка", "покупку"}},
	{"ordering", "Ukrainian", []string{"купити", "придбати"}},
	{"ordering", "Bulgarian", []string{"да купя", "да купим", "купувам"}},
	{"ordering", "Turkish", []string{"satın al*"}},
	{"ordering", "Arabic", []string{"شراء", "الشراء", "أشتري", "اشتري"}},
	{"ordering", "Hebrew", []string{"לקנות", "רכישה", "הרכישה"}},
	{"ordering", "Persian", []string{"بخرم", "خریدن"}},
	{"ordering", "Hindi", []string{"खरीदना", "खरीदने", "खरीदारी"}},
	{"ordering", "Thai", []string{"ซื้อ", "การซื้อ"}},
	{"ordering", "Vietnamese", []string{"mua hàng", "mua vé", "không mua được"}},
	{"ordering", "Indonesian or Malay", []string{"membeli", "pembelian"}},
	{"ordering", "Indonesian", []string{"beli"}},
	{"ordering", "Japanese", []string{"購入", "買えない", "買えません"}},
	{"ordering", "Chinese", []string{"购买", "購買", "买不了", "無法購買", "无法购买"}},
	{"ordering", "Korean", []string{"구매*", "구입*"}},
	{"ordering", "Swahili", []string{"kununua", "kununulia"}},
	{"ordering", "Welsh", []string{"prynu"}},
}

// mapLexicon is the map's words, by language (rows of productLexicon's
// shape; productLexicon's init reads them after its own).
var mapLexicon = []struct {
	head, lang string
	words      []string
}{
	{"map", "German", []string{"kartenansicht*", "landkarte*", "stadtplan*"}},
	{"map", "Spanish", []string{"mapa"}},
	{"map", "Portuguese", []string{"mapa"}},
	{"map", "Italian", []string{"mappa", "mappe"}},
	{"map", "Dutch", []string{"plattegrond*", "kaartweergave"}},
	{"map", "Swedish", []string{"kartan", "kartor", "kartvy*"}},
	{"map", "Norwegian", []string{"kartet"}},
	{"map", "Danish", []string{"kortvisning*"}},
	{"map", "Finnish", []string{"kartta*", "kartalla", "kartalta"}},
	{"map", "Polish", []string{"mapa", "mapie", "mapy", "mapę"}},
	{"map", "Czech", []string{"mapa", "mapě", "mapy", "mapu"}},
	{"map", "Slovak", []string{"mape"}},
	{"map", "Hungarian", []string{"térkép*"}},
	{"map", "Romanian", []string{"hartă", "harta", "hărți", "hărțile"}},
	{"map", "Greek", []string{"χάρτης", "χάρτη", "χάρτες"}},
	{"map", "Ukrainian", []string{"мапа", "мапі", "мапу"}},
	{"map", "Turkish", []string{"harita*"}},
	{"map", "Arabic", []string{"خريطة", "الخريطة", "خرائط"}},
	{"map", "Hebrew", []string{"המפה", "במפה"}},
	{"map", "Persian", []string{"نقشه"}},
	{"map", "Hindi", []string{"नक्शा", "नक्शे", "मैप"}},
	{"map", "Thai", []string{"แผนที่"}},
	{"map", "Vietnamese", []string{"bản đồ"}},
	{"map", "Indonesian", []string{"peta"}},
	{"map", "Japanese", []string{"地図", "マップ"}},
	{"map", "Chinese", []string{"地图", "地圖"}},
	{"map", "Korean", []string{"맵"}},
	{"map", "Swahili", []string{"ramani"}},
}

// mapHeads are the English heads mapLexicon adds (productHeads' shape;
// "maps" is read "map").
var mapHeads = map[string]string{"map": "map"}

// buyingPhrases are the phrases buyingLexicon added to the ordering flow.
var buyingPhrases = map[string]bool{}

func init() {
	for _, row := range buyingLexicon {
		for _, w := range row.words {
			buyingPhrases[mkPhrase(w).String()] = true
		}
	}
}

// boughtByPaying reports whether the buying word of h has a word of
// paying in its sentence ("Tento comprar o passe com o meu cartão",
// "Cartão dá erro ao comprar o passe"): buying is done by paying, and
// the paying word names the step the writer tells of. Only
// buyingLexicon's words are read so; the ordering lists' own are left as
// they were.
func boughtByPaying(toks []token, h hit) bool {
	return buyingPhrases[h.phrase.String()] && sentenceHas(toks, h.pos, flowKindNamed("paying").does)
}
