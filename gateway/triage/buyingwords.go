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
// word with a word of paying in its sentence or the next is not read
// (boughtByPaying, asked by flowMentions through buyingAside): buying is
// done by paying, and "comprar o passe com o meu cartão" tells of the
// payment's step. Nor one in the past or the buyer (pastBuying).
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
// (a plan); Korean "지도" (also guidance). The review of the round took
// out two more: the plural "mappe" (a folder in Norwegian, Danish and
// German) and the Romanian "harta", "hartă" (wealth in Indonesian and
// Malay, and "hartă" folds onto it).

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
	{"ordering", "Turkish", []string{"satın al*"}}, // not the past: pastBuying
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
	{"ordering", "Welsh", []string{"prynu", "prynu'r"}}, // "prynu'r": the article elided onto the verb
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
	{"map", "Italian", []string{"mappa"}},
	{"map", "Dutch", []string{"plattegrond*", "kaartweergave"}},
	{"map", "Swedish", []string{"kartan", "kartor", "kartvy*"}},
	{"map", "Norwegian", []string{"kartet"}},
	{"map", "Danish", []string{"kortvisning*"}},
	{"map", "Finnish", []string{"kartta*", "kartalla", "kartalta"}},
	{"map", "Polish", []string{"mapa", "mapie", "mapy", "mapę"}},
	{"map", "Czech", []string{"mapa", "mapě", "mapy", "mapu"}},
	{"map", "Slovak", []string{"mape"}},
	{"map", "Hungarian", []string{"térkép*"}},
	{"map", "Romanian", []string{"hărți", "hărțile"}},
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

// buyingAside are the places of the ordering flow's words that are not
// read (the review of round seventy-eight): where a buying word of
// buyingLexicon stands bought by paying (boughtByPaying) or in the past
// (pastBuying), every ordering phrase at that word is set aside, the
// lists' own ("kup*" where "kupiti" stands) with the lexicon's.
func buyingAside(toks []token, hs []hit) map[int]bool {
	aside := map[int]bool{}
	var past map[int]bool
	for _, h := range hs {
		if !buyingPhrases[h.phrase.String()] {
			continue
		}
		if past == nil {
			past = pastBuyingAt(toks)
		}
		if past[h.pos] || boughtByPaying(toks, h) {
			aside[h.pos] = true
		}
	}
	return aside
}

// boughtByPaying reports whether the buying word of h has a word of
// paying in its sentence or the next ("Tento comprar o passe com o meu
// cartão", "I can't buy the add-on. My card gets declined."): buying is
// done by paying, and the paying word names the step the writer tells
// of. Not a paying word its clause says works ("and my card works fine
// everywhere else"): the writer rules the payment out. Only
// buyingLexicon's words are read so; the ordering lists' own are left as
// they were.
func boughtByPaying(toks []token, h hit) bool {
	if !buyingPhrases[h.phrase.String()] {
		return false
	}
	from, to := sentenceOf(toks, h.pos)
	if to < len(toks) {
		_, to = sentenceOf(toks, to)
	}
	works := map[int]bool{}
	for _, w := range findAll(toks[from:to], worksWords) {
		if !w.neg {
			works[from+w.pos] = true
		}
	}
	for _, set := range []*phraseSet{flowKindNamed("paying").does, cardsBeyond} {
		for _, p := range findAll(toks[from:to], set) {
			if !inClauseFrom(toks, from+p.pos+1, 4, func(k int) bool { return works[k] }) {
				return true
			}
		}
	}
	return false
}

// cardsBeyond are the card and its refusal in the scripts the paying
// list has no card in, read by the guard only (the review of round
// seventy-eight): the Russian and Ukrainian "карта" (whose sense of a map
// productLexicon leaves out), "declined" in Russian, Hebrew and Japanese,
// the Japanese, Korean and Chinese card and settling ("отклонён*" is
// read typed with "е" too: fold). Not the Hebrew "כרטיס" alone: a ticket
// too.
var cardsBeyond = mkPhrases("карта", "карту", "карте", "отклонён*", "נדחה", "נדחתה", "סורב", "סורבה",
	"כרטיס אשראי", "カード", "決済", "拒否", "카드", "결제*", "信用卡", "银行卡", "支付")

// unableToBuy reports whether the negator before the buying word of h
// negates an ability ("no puedo comprar", "no puc comprar", "I could not
// buy", "I was not able to buy"): the writer cannot buy, the buying is
// what fails, not a buying denied ("I did not buy anything").
func unableToBuy(toks []token, h hit) bool {
	if !buyingPhrases[h.phrase.String()] {
		return false
	}
	for k := h.pos - 1; k >= 0 && k >= h.pos-3; k-- {
		if toks[k+1].brk {
			return false
		}
		if negators[toks[k].w] {
			for j := k - 1; j <= h.pos-1; j++ {
				if j >= 0 && (j == k-1 && !toks[k].brk || j > k) && abilityWords[toks[j].w] {
					return true
				}
			}
			return false
		}
	}
	return false
}

// abilityWords are the verbs of being able that a negator turns into
// "cannot": English, Spanish, Catalan, Portuguese. They are looked up by
// the token's word, whose final "s" is stripped (stem): a form ending in
// "-os" ("podemos", "conseguimos") is not read.
var abilityWords = map[string]bool{"can": true, "could": true, "able": true, "manage": true, "managed": true,
	"puedo": true, "puede": true, "pueden": true, "pude": true, "pudo": true, "consigo": true, "logro": true,
	"puc": true, "pot": true, "podem": true, "poden": true, "aconsegueixo": true,
	"posso": true, "pode": true}

// pastBuying are a purchase told in the past, or the buyer: Korean's
// past "-했-" and "구매자" (a buyer), Turkish's past "-dı" and "-mış",
// Japanese "した", "しました", Chinese "了" after the verb ("satın aldı*"
// is read as "satin aldi*" too: fold).
var pastBuying = mkPhrases("구매했*", "구입했*", "구매자*", "구입자*", "satın aldı*", "satın almış*",
	"購入した", "購入しました", "购买了", "購買了")

// pastBuyingAt are the places where pastBuying stands; the Japanese
// "購入した" followed by "い" is a wish ("購入したい"), not the past.
func pastBuyingAt(toks []token) map[int]bool {
	out := map[int]bool{}
	for _, h := range findAll(toks, pastBuying) {
		if end := h.pos + len(h.phrase); h.phrase.String() == mkPhrase("購入した").String() && end < len(toks) && toks[end].raw == "い" {
			continue
		}
		out[h.pos] = true
	}
	return out
}
