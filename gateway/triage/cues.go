package triage

import (
	"slices"
	"strings"
)

// Cues read the shape of a clause rather than a listed phrase, so that a
// ticket worded in a way no list foresaw still says what it means: a
// negated ability or outcome ("could not pay", "the page is not loading",
// "nothing loads") is a failure, and another person's data shown to the
// writer ("I saw another customer's order history") is a security
// exposure.

// negAux are the auxiliaries whose negation, before a verb, says something
// did not happen; negAuxWords the same written as two words ("could not").
var (
	negAux = map[string]bool{"cant": true, "cannot": true, "couldnt": true, "wont": true, "wouldnt": true,
		"doesnt": true, "dont": true, "didnt": true, "isnt": true, "arent": true, "wasnt": true, "werent": true}
	negAuxWords = map[string]bool{"can": true, "could": true, "will": true, "would": true, "does": true, "do": true,
		"did": true, "is": true, "are": true, "was": true, "were": true}
	// beAux take a participle ("is not loading", "was not sent"), the
	// others a base verb ("doesn't open").
	beAux = map[string]bool{"isnt": true, "arent": true, "wasnt": true, "werent": true, "is": true, "are": true,
		"was": true, "were": true}
	// notEvents are verbs whose negation is no failure: knowing, wanting,
	// opinion, asking ("I don't know how", "we don't need it").
	notEvents = map[string]bool{"know": true, "understand": true, "think": true, "want": true, "need": true,
		"mind": true, "matter": true, "care": true, "remember": true, "like": true, "have": true, "recall": true,
		"ask": true, "request": true, "expect": true, "agree": true, "mean": true, "wish": true,
		"believe": true, "plan": true, "intend": true, "use": true, "be": true, "sure": true, "worry": true,
		"hesitate": true, "recommend": true, "seem": true, "appear": true, "bother": true,
		"apply": true, "allow": true, "support": true, "require": true, "exist": true, "affect": true}
	// fillers may stand between the auxiliary and its verb.
	fillers = map[string]bool{"even": true, "always": true, "ever": true, "really": true, "seem": true, "to": true,
		"be": true, "able": true, "just": true, "actually": true, "currently": true, "yet": true,
		"anymore": true, "properly": true, "correctly": true, "been": true, "being": true}
	// nothingVerbs after "nothing" say a page or action does nothing.
	nothingVerbs = map[string]bool{"load": true, "loads": true, "loading": true, "happen": true, "happens": true,
		"happened": true, "work": true, "works": true, "working": true, "open": true, "opens": true, "show": true,
		"shows": true, "respond": true, "responds": true, "go": true, "goes": true, "went": true, "come": true,
		"comes": true, "arrive": true, "arrives": true, "arrived": true}
)

// negatedEvents finds a negated auxiliary before an event verb: a failure
// the lists may not name ("could not pay", "the page isn't loading",
// "emails don't go out"). The hit stands at the auxiliary, so the
// negation it carries does not negate it.
func negatedEvents(toks []token) []hit {
	var out []hit
	for i := 0; i < len(toks); i++ {
		aux, next := toks[i].w, i+1
		switch {
		case negAux[aux]:
		case negAuxWords[aux] && i+1 < len(toks) && toks[i+1].w == "not" && !toks[i+1].brk:
			next = i + 2
		default:
			continue
		}
		// Skip fillers ("can't even", "isn't able to", "doesn't seem to").
		for next < len(toks) && !toks[next].brk && fillers[toks[next].w] && next-i < 5 {
			next++
		}
		if next >= len(toks) || toks[next].brk {
			continue
		}
		v := toks[next].raw
		if notEvents[v] || notEvents[toks[next].w] || !isWord(v) {
			continue
		}
		if beAux[aux] && !participle(v) {
			continue // "is not a bug", "was not me"
		}
		out = append(out, hit{phrase: phrase(rawWords(toks[i : next+1])), pos: i})
	}
	return out
}

// Negative subjects: "none of our customers could pay", "nobody was able
// to log in", "no customer can check out".
var (
	receiveVerbs = map[string]bool{"got": true, "received": true, "receives": true, "gets": true, "bekam": true, "bekommen": true,
		"erhielt": true, "kreeg": true, "ontving": true, "recibió": true, "recibio": true, "recebeu": true, "fick": true, "dostał": true, "reçu": true}
	noneWords = map[string]bool{"nobody": true, "noone": true, "none": true, "niemand": true, "nadie": true, "personne": true,
		// the negative subjects of the other languages tickets come in
		"aucun": true, "aucune": true, "nenhum": true, "nenhuma": true, "ninguém": true, "ninguem": true, "ningún": true, "ningun": true,
		"ninguna": true, "ninguno": true, "nessuno": true, "nessun": true, "keiner": true, "nikt": true, "żaden": true,
		"żadna": true, "ingen": true, "hiçbir": true,
		// and of the languages beyond the tuning sets'
		"ningú": true, "cap": true, "nitko": true, "niko": true, "nijedan": true, "nijedna": true, "nikdo": true, "nikto": true,
		"žádný": true, "žiadny": true, "senki": true, "kukaan": true, "nimeni": true, "niciun": true, "nicio": true, "никто": true,
		"ніхто": true, "никой": true, "niekas": true, "neviens": true, "κανείς": true, "κανένας": true, "walang": true, "tiada": true}
	modalVerbs = map[string]bool{"can": true, "could": true, "is": true, "are": true, "was": true, "were": true, "will": true, "managed": true, "manage": true, "manages": true,
		// "ability" in those languages: "nenhum cliente conseguiu pagar",
		// "aucun client ne peut payer", "keiner konnte sich anmelden"
		"peut": true, "peuvent": true, "pouvait": true, "pouvaient": true, "pu": true, "arrive": true, "arrivait": true,
		"conseguiu": true, "consegue": true, "conseguem": true, "conseguia": true, "pode": true, "podem": true, "pôde": true,
		"puede": true, "pueden": true, "pudo": true, "pudieron": true, "podía": true, "consiguió": true, "logró": true,
		"può": true, "possono": true, "poteva": true, "riesce": true, "riuscito": true, "riuscita": true,
		"kann": true, "können": true, "konnte": true, "konnten": true, "kan": true, "kon": true, "konden": true, "kunde": true,
		"może": true, "mógł": true, "mogła": true, "mogli": true, "zdołał": true,
		"pot": true, "poden": true, "podia": true, "podien": true, "poder": true, "mogao": true, "mogla": true, "moglo": true,
		"može": true, "mogu": true, "mohl": true, "mohla": true, "mohli": true, "může": true, "mohol": true, "nemohl": true, "nemohla": true, "nemohli": true,
		"nemohol": true, "nemůže": true, "nemôže": true, "nemohou": true,
		"tudott": true, "tudtak": true, "pystynyt": true, "voinut": true, "voi": true, "putut": true, "poate": true, "reușit": true,
		"мог": true, "могла": true, "могли": true, "может": true, "смог": true, "смогли": true, "міг": true,
		"може": true, "змогли": true, "можеше": true, "успя": true, "galėjo": true, "varēja": true, "μπορούσε": true, "μπόρεσε": true,
		"μπορεί": true, "makapag": true, "dapat": true, "boleh": true,
		// the present and imperfect beside the past forms above
		"consigue": true, "consiguen": true, "conseguía": true, "conseguían": true, "logra": true, "logran": true, "podían": true,
		"conseguiram": true, "riescono": true, "riusciva": true, "riuscivano": true, "potevano": true, "arrivent": true, "réussit": true,
		"réussissent": true, "kunnen": true, "konnen": true, "schafft": true, "schaffen": true, "lycka": true, "lyckade": true, // lyckas, lyckades: tokens drop a plural s
		"mogą": true, "mogę": true, "puteau": true, "putea": true, "pueda": true}
	// clauseNegators stand between a negative subject and its modal in
	// French ("aucun client ne peut").
	clauseNegators = map[string]bool{"ne": true, "n": true, "nie": true, "não": true, "no": true, "non": true}
	// elseWords after a negative subject exclude the writer's case: "nobody
	// else has this problem" says the failure is one user's.
	elseWords   = map[string]bool{"else": true, "sonst": true, "anders": true, "autre": true, "más": true, "mais": true, "altro": true, "annan": true}
	subjectNoun = map[string]bool{"customer": true, "user": true, "client": true, "shopper": true, "buyer": true, "people": true, "one": true}
)

// noneCan finds a negative subject followed, in its clause, by a modal and
// an event verb — nobody could do what the clause says — or by a verb of
// receiving: nobody got what should have arrived.
func noneCan(toks []token) []hit {
	var out []hit
	for i := 0; i < len(toks); i++ {
		neg := noneWord(toks[i]) ||
			toks[i].w == "no" && i+1 < len(toks) && subjectNoun[toks[i+1].w] ||
			toks[i].w == "not" && i+2 < len(toks) && toks[i+1].w == "a" && toks[i+2].w == "single"
		if !neg || i+1 < len(toks) && elseWords[toks[i+1].w] {
			continue
		}
		// A language that puts the verb second names the modal first:
		// "konnte sich keiner anmelden", "kunde ingen logga in".
		for k := i - 1; k >= 0 && k >= i-3 && toks[i].w != "none" && !toks[k+1].brk; k-- {
			if modalVerbs[toks[k].w] && !negAuxWords[toks[k].w] {
				if v := nextEvent(toks, i); v > 0 {
					out = append(out, hit{phrase: phrase(rawWords(toks[k : v+1])), pos: i})
				}
				break
			}
		}
		if len(out) > 0 && out[len(out)-1].pos == i {
			continue
		}
		// Turkish says "cannot" in the verb's ending: "hiçbir müşteri
		// sipariş veremiyor".
		if toks[i].w == "hiçbir" {
			for k := i + 1; k < len(toks) && k <= i+6 && !toks[k].brk; k++ {
				if w := toks[k].w; strings.Contains(w, "amıyor") || strings.Contains(w, "emiyor") || strings.Contains(w, "amadı") || strings.Contains(w, "emedi") {
					out = append(out, hit{phrase: phrase(rawWords(toks[i : k+1])), pos: i})
					break
				}
			}
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+8 && !toks[k].brk; k++ {
			// "none of our app users got the notifications": nothing
			// arrived — a failure without a modal.
			if receiveVerbs[toks[k].w] {
				out = append(out, hit{phrase: phrase(rawWords(toks[i : k+1])), pos: i})
				break
			}
			if clauseNegators[toks[k].w] || !modalVerbs[toks[k].w] {
				continue
			}
			if v := nextEvent(toks, k); v > 0 {
				out = append(out, hit{phrase: phrase(rawWords(toks[i : v+1])), pos: i})
			}
			break
		}
	}
	return out
}

// nextEvent is the event verb after the modal at k, past fillers, or 0
// when the clause ends first or the verb is no event ("nobody can know").
func nextEvent(toks []token, k int) int {
	v := k + 1
	for v < len(toks) && !toks[v].brk && fillers[toks[v].w] && v-k < 4 {
		v++
	}
	if v < len(toks) && !toks[v].brk && isWord(toks[v].raw) && !notEvents[toks[v].w] {
		return v
	}
	return 0
}

// nothingHappens finds "nothing loads", "nothing happens when I click pay".
func nothingHappens(toks []token) []hit {
	var out []hit
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].w == "nothing" && !toks[i+1].brk && nothingVerbs[toks[i+1].raw] {
			out = append(out, hit{phrase: phrase{"nothing", toks[i+1].raw}, pos: i})
		}
	}
	return out
}

// takeVerbs and durationUnits make "takes 30 seconds to load" slowness.
var (
	takeVerbs     = map[string]bool{"take": true, "takes": true, "took": true, "taking": true, "need": true, "needs": true}
	durationUnits = map[string]bool{"second": true, "sec": true, "minute": true, "min": true, "age": true}
	amountWords   = map[string]bool{"several": true, "a": true, "few": true, "over": true, "more": true, "than": true,
		"up": true, "to": true, "about": true, "almost": true, "nearly": true, "around": true, "like": true, "many": true}
)

// slowDurations finds a wait stated as a duration: "takes 30 seconds to
// load", "took several minutes", "needs ages".
func slowDurations(toks []token) []hit {
	var out []hit
	for i := 0; i < len(toks); i++ {
		if !takeVerbs[toks[i].raw] {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+4 && !toks[k].brk; k++ {
			w := toks[k].w
			if durationUnits[w] {
				out = append(out, hit{phrase: phrase(rawWords(toks[i : k+1])), pos: i})
				break
			}
			if !amountWords[w] && !isNumber(w) {
				break
			}
		}
	}
	return out
}

// participle reports whether w reads as a participle: "loading", "sent".
func participle(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) ||
		irregularParticiples[w]
}

var irregularParticiples = map[string]bool{"sent": true, "shown": true, "paid": true, "done": true, "made": true,
	"taken": true, "given": true, "built": true, "set": true, "put": true, "run": true, "found": true}

// isWord reports whether w is made of letters only.
func isWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return true
}

func rawWords(toks []token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.raw
	}
	return out
}

// Exposure: another party's data shown to the writer.
var (
	otherParty = map[string]bool{"another": true, "other": true, "someone": true, "somebody": true,
		"different": true, "wrong": true, "random": true, "strangers": true, "stranger": true}
	partyNouns = map[string]bool{"customer": true, "user": true, "person": true, "people": true, "client": true,
		"shopper": true, "buyer": true, "else": true, "elses": true, "account": true, "member": true,
		// round eighteen: on a marketplace, another seller's or shop's
		"seller": true, "sellers": true, "merchant": true, "merchants": true, "shop": true, "shops": true, "store": true, "stores": true, "vendor": true, "vendors": true,
		// round fifty-one: a firm and an employee, whose data a page shows
		// (read on the word with its plural stripped)
		"company": true, "business": true, "firm": true, "employee": true}
	dataNouns = map[string]bool{"order": true, "address": true, "addresse": true, "name": true, "detail": true,
		"data": true, "email": true, "phone": true, "history": true, "invoice": true, "card": true, "account": true,
		"information": true, "info": true, "profile": true, "basket": true, "cart": true, "receipt": true}
	seeVerbs = map[string]bool{"see": true, "saw": true, "seeing": true, "seen": true, "show": true, "shows": true,
		"showing": true, "shown": true, "showed": true, "display": true, "displays": true, "displayed": true,
		"displaying": true, "visible": true, "appear": true, "appears": true, "appeared": true, "got": true,
		"received": true, "receive": true, "access": true, "view": true, "viewed": true, "contain": true,
		"contains": true, "containing": true, "lists": true, "listed": true}
)

// exposures finds another party's data seen by the writer in one clause:
// "I saw another customer's order history", "the page shows someone
// else's address". The party and a data noun stand within three words;
// a verb of seeing or showing stands in the clause. Mended after the
// round thirty-eight review: a denial ("does not show another customer's
// details") and a question ("could the payment step ever show another
// customer's card details?") are negated hits, no exposure seen.
func exposures(toks []token, clause []int) []hit {
	var out []hit
	for i := 0; i+1 < len(toks); i++ {
		if !otherParty[toks[i].w] || !partyNouns[toks[i+1].w] {
			continue
		}
		data := -1
		for k := i + 2; k < len(toks) && k <= i+4 && clause[k] == clause[i]; k++ {
			if dataNouns[toks[k].w] {
				data = k
				break
			}
		}
		if data < 0 {
			continue
		}
		for k := range toks {
			if clause[k] == clause[i] && seeVerbs[toks[k].w] || clause[k] == clause[i] && seeVerbs[toks[k].raw] {
				out = append(out, hit{phrase: phrase(rawWords(toks[i : data+1])), pos: i, neg: englishNotTold(toks, i)})
				break
			}
		}
	}
	return out
}

// askedAt reports whether toks[i] stands in a sentence that opens as an
// English question does, with an auxiliary or modal verb ("could it ever
// show …", "does the page show …").
func askedAt(toks []token, i int) bool {
	from, _ := sentenceOf(toks, i)
	return questionOpeners[toks[from].w]
}

// questionOpeners are the verbs an English yes-no question opens with.
var questionOpeners = map[string]bool{"could": true, "can": true, "would": true, "will": true, "does": true, "do": true,
	"did": true, "is": true, "are": true, "might": true, "may": true, "should": true}

// The same exposure in the languages beyond English, where the data noun
// often comes first ("στοιχεία άλλου πελάτη", "datele altei firme") or the
// other party is one possessive word ("tuđe podatke", "fremde Daten").
var (
	// otherWords are "another", "other" and "someone else's" by language.
	otherWords = map[string]bool{"άλλου": true, "άλλης": true, "άλλων": true, "αλλου": true, "αλλης": true, "αλλων": true, "tuđe": true, "tuđi": true, "tuđa": true,
		"tuđih": true, "tuđim": true, "tuđu": true, "druge": true, "drugog": true, "drugih": true,
		"drugoga": true, "altei": true, "altui": true, "altor": true, "altcuiva": true, "anderen": true, "anderer": true,
		"fremde": true, "fremden": true, "autre": true, "autres": true, "otro": true, "otra": true, "otros": true, "otras": true,
		"outro": true, "outra": true, "outros": true, "outras": true, "altro": true, "altra": true, "altri": true, "altrui": true,
		"annan": true, "annans": true, "andra": true, "innej": true, "innego": true, "innych": true, "cudze": true, "cudzych": true,
		"jiného": true, "jiné": true, "cizí": true, "iného": true, "cudzie": true, "другого": true, "другой": true, "чужие": true,
		"чужих": true, "чужой": true, "іншого": true, "чужі": true, "başka": true, "başkasının": true, "lain": true, "ibang": true,
		"אחר": true, "אחרת": true, "אחרים": true, "másik": true, "más": true, "toisen": true, "vieraan": true, "anden": true,
		"andres": true, "andre": true, "teise": true, "kito": true, "kitos": true, "cita": true, "citas": true,
		// round fifty-one: Dutch "ander(e)", the other genders and cases
		// of Russian "чужой", Arabic "آخر"/"أخرى" and Hebrew "אחרות"
		"ander": true, "andere": true, "чужое": true, "чужая": true, "чужую": true, "чужого": true, "чужом": true,
		"آخر": true, "أخرى": true, "اخر": true, "اخرى": true, "אחרות": true}
	// possessiveOthers are possessives that are the other party by themselves.
	possessiveOthers = map[string]bool{"tuđe": true, "tuđi": true, "tuđa": true, "tuđih": true, "tuđim": true, "tuđu": true,
		"fremde": true, "fremden": true, "altrui": true, "cudze": true, "cudzych": true, "cizí": true, "cudzie": true,
		"чужие": true, "чужих": true, "чужой": true, "чужі": true, "başkasının": true, "altcuiva": true, "vieraan": true,
		"чужое": true, "чужая": true, "чужую": true, "чужого": true, "чужом": true}
	// foreignParties are the people and firms whose data it would be.
	foreignParties = map[string]bool{"πελάτη": true, "πελάτισσας": true, "κυρίας": true, "ατόμου": true, "osobe": true,
		"kupca": true, "klijenta": true, "korisnika": true, "firme": true, "tvrtke": true, "client": true, "clientă": true,
		"clientului": true, "firmă": true, "persoane": true, "kunden": true, "kundin": true, "firma": true, "person": true,
		"cliente": true, "persona": true, "pessoa": true, "empresa": true, "kund": true, "kunds": true, "klienta": true,
		"osoby": true, "firmy": true, "zákazníka": true, "zákazníčky": true, "клиента": true, "покупателя": true,
		"человека": true, "компании": true, "клієнта": true, "müşterinin": true, "müşteri": true, "kişinin": true,
		"pelanggan": true, "orang": true, "customer": true, "tao": true, "לקוח": true, "לקוחה": true, "ügyfél": true,
		"asiakkaan": true, "kunde": true, "kliendi": true, "kliento": true, "persoon": true, "klant": true,
		// round eighteen: on a marketplace the other party is a seller or shop
		"vendeur": true, "vendeuse": true, "boutique": true, "vendedor": true, "vendedora": true, "tienda": true, "loja": true,
		"venditore": true, "negozio": true, "verkoper": true, "winkel": true, "verkäufers": true, "händlers": true, "shops": true,
		"sprzedawcy": true, "sklepu": true, "säljare": true, "säljares": true, "butiks": true, "myyjän": true, "kaupan": true,
		"prodejce": true, "obchodu": true, "satıcının": true, "mağazanın": true, "продавца": true, "магазина": true,
		"sælgers": true, "sælger": true, "selgers": true, "selger": true, "butikks": true,
		// round fifty-one: a person, a customer, a user, a company in the
		// languages tickets come in (Arabic, Hebrew and Indonesian put them
		// before the word for "other": see partyBeforeOthers)
		"personne": true, "entreprise": true, "société": true, "bedrijf": true, "شخص": true, "لشخص": true, "عميل": true, "عميلة": true, "زبون": true,
		"شركة": true, "مستخدم": true, "משתמש": true, "חברה": true, "אדם": true, "perusahaan": true,
		"pengguna": true}
	// foreignData are what of a party a page or document shows.
	foreignData = map[string]bool{"στοιχεία": true, "όνομα": true, "διεύθυνση": true, "τηλέφωνο": true, "παραγγελία": true,
		"podatke": true, "podaci": true, "podatci": true, "ime": true, "adresa": true, "adresu": true, "račun": true,
		"narudžbu": true, "datele": true, "date": true, "numele": true, "factura": true, "facturile": true,
		"comanda": true, "daten": true, "adresse": true, "rechnung": true, "bestellung": true, "données": true, "nom": true,
		"facture": true, "commande": true, "datos": true, "dirección": true, "nombre": true, "pedido": true, "dados": true,
		"endereço": true, "nome": true, "fatura": true, "dati": true, "indirizzo": true, "fattura": true, "ordine": true,
		"uppgifter": true, "adress": true, "namn": true, "faktura": true, "dane": true, "adres": true, "imię": true,
		"zamówienie": true, "údaje": true, "jméno": true, "fakturu": true, "objednávku": true, "данные": true, "адрес": true,
		"имя": true, "заказ": true, "дані": true, "bilgileri": true, "bilgilerini": true, "sipariş": true, "data": true,
		"alamat": true, "nama": true, "pesanan": true, "pangalan": true, "פרטים": true, "פרטי": true, "כתובת": true,
		"adatai": true, "adatait": true, "címe": true, "tiedot": true, "tietoja": true, "gegevens": true, "naam": true, "andmed": true,
		"duomenys": true,
		// round eighteen: the orders, names and addresses in the plural
		"commandes": true, "adresses": true, "noms": true, "pedidos": true, "direcciones": true, "ordini": true, "indirizzi": true,
		"bestellungen": true, "adressen": true, "bestellingen": true, "zamówienia": true, "ordrar": true, "ordrer": true,
		"tilaukset": true, "tilauksia": true, "objednávky": true, "заказы": true, "siparişlerini": true, "siparişleri": true,
		// round fifty-one: bookings, contracts and phone numbers; Arabic
		// and Hebrew data nouns
		"réservation": true, "réservations": true, "reserva": true, "reservas": true, "prenotazione": true,
		"prenotazioni": true, "reservering": true, "reserveringen": true, "contrat": true, "contrats": true, "contrato": true,
		"contratos": true, "contratto": true, "contratti": true, "téléphone": true, "teléfono": true, "telefone": true,
		"telefono": true, "طلب": true, "بيانات": true, "اسم": true, "عنوان": true, "معلومات": true, "فاتورة": true,
		"חשבון": true, "לחשבון": true, "בחשבון": true, "שם": true, "הזמנה": true}
	// compoundData are the data nouns German, Dutch and Swedish end a
	// compound with ("Kontaktdaten", "bankgegevens", "kunduppgifter").
	compoundData = []string{"daten", "gegevens", "uppgifter", "adresse", "adressen"}
	// genitiveOthers are the words for "other" in the languages that put
	// the party in the genitive after it, right behind the data noun
	// ("dane innego najemcy", "данные другого пассажира", "datele altor
	// clienți"): the word after it is taken for the party without a noun
	// list, unless it is a first-person possessive ("dane innego mojego
	// konta", the writer's own other account: the round's review).
	genitiveOthers = map[string]bool{"innego": true, "innej": true, "innych": true, "другого": true, "другой": true,
		"других": true, "іншого": true, "іншої": true, "інших": true, "jiného": true, "jiné": true, "jiných": true,
		"iného": true, "inej": true, "altei": true, "altui": true, "altor": true, "άλλου": true, "άλλης": true, "άλλων": true,
		"αλλου": true, "αλλης": true, "αλλων": true,
		"drugog": true, "druge": true, "drugih": true}
	// partyBeforeOthers are the words for "other" that follow their noun
	// (Arabic, Hebrew, Indonesian): "شخص آخر", "לקוחה אחרת", "perusahaan lain".
	partyBeforeOthers = map[string]bool{"آخر": true, "أخرى": true, "اخر": true, "اخرى": true, "אחר": true, "אחרת": true,
		"אחרים": true, "אחרות": true, "lain": true}
)

// foreignDataAt reports whether the word at k is a data noun, or a
// compound that ends in one.
func foreignDataAt(toks []token, k int) bool {
	w := toks[k].raw
	if foreignData[w] {
		return true
	}
	for _, d := range compoundData {
		if len(w) > len(d)+2 && strings.HasSuffix(w, d) {
			return true
		}
	}
	return false
}

// Turkish case endings, those with no diacritics: the ablative
// ("ekibimizden", from our team) and the genitive after folding
// ("müşterinin", the customer's).
var (
	turkishAblatives = []string{"den", "dan", "ten", "tan"}
	turkishGenitives = []string{"in", "un"}
)

// turkishOtherParty reports whether "başka (bir)" at i has a party in the
// genitive after it ("başka bir hastanın", "başka bir şirketin"), whose
// possessed noun after it is data: what the party is called does not
// matter, its genitive says it owns what follows.
// It returns the possessed noun's index, -1 when there is none.
func turkishOtherParty(toks []token, i int, clause []int) int {
	if toks[i].f != "baska" {
		return -1
	}
	k := i + 1
	if k < len(toks) && toks[k].f == "bir" {
		k++
	}
	if k+1 >= len(toks) || clause[k] != clause[i] || clause[k+1] != clause[i] ||
		!hasAnySuffix(toks[k].f, turkishGenitives) || toks[k].f == "icin" || !hasAnyPrefix(toks[k+1].f, turkishDataStems) {
		return -1
	}
	return k + 1
}

// turkishDataStems start the Turkish data nouns, with their possessive
// endings: "adı", "bilgileri", "faturalarını", "siparişi", "notları".
// Matched on the folded word, so a ticket typed without Turkish letters
// reads the same; the name only with its possessive ("adı", "adını": not
// "adet", quantity, nor "adım", step), the notes in their plural or
// possessive ("notları", "notu").
var turkishDataStems = []string{"adi", "isim", "ismi", "bilgi", "fatura", "siparis", "notlar", "notu", "adres", "telefon",
	"veri", "hesab", "rezervasyon", "sozlesme", "fotograf", "belge", "kayit", "kayd"}

// foreignExposures finds another party's data in one clause, in either
// order, within three words: the data noun beside an other-party word
// that names a party next to it or is a possessive of its own ("τα
// στοιχεία άλλου πελάτη", "tuđe podatke", "datele altei firme").
func foreignExposures(toks []token, clause []int) []hit {
	var out []hit
	for i := range toks {
		w, elided := unelided(toks[i].raw)
		if !otherWords[w] {
			continue
		}
		if end := turkishOtherParty(toks, i, clause); end > 0 {
			out = append(out, hit{phrase: phrase(rawWords(toks[i : end+1])), pos: i,
				neg: notTold(toks, clause, i) || questionMarked(toks, i) || turkishNegated(toks, clause, i)})
			continue
		}
		party := possessiveOthers[w] || ofAnother(toks, i, elided, clause)
		for k := i + 1; !party && k < len(toks) && k <= i+2 && clause[k] == clause[i]; k++ {
			party = foreignParties[toks[k].raw]
		}
		// round fifty-one: the party before a word for "other" that follows
		// its noun, a party in the genitive after a data noun
		grammar := !party && (partyBeforeOthers[w] && i > 0 && clause[i-1] == clause[i] && foreignParties[toks[i-1].raw] ||
			genitiveOthers[w] && i > 0 && i+1 < len(toks) && clause[i-1] == clause[i] && clause[i+1] == clause[i] &&
				foreignDataAt(toks, i-1) && !ownWords[toks[i+1].raw])
		if !party && !grammar {
			continue
		}
		for k := max(0, i-3); k < len(toks) && k <= i+3; k++ {
			if k != i && clause[k] == clause[i] && foreignDataAt(toks, k) {
				lo, hi := min(i, k), max(i, k)
				out = append(out, hit{phrase: phrase(rawWords(toks[lo : hi+1])), pos: lo, neg: notTold(toks, clause, i) || grammar && questionMarked(toks, i)})
				break
			}
		}
	}
	return out
}

// elisions are the articles and prepositions French and Italian write onto
// the next word with an apostrophe, which the tokenizer drops: "un'altra"
// is read "unaltra", "d'un autre" "dun autre", "l'autre" "lautre".
var elisions = []string{"dell", "dall", "nell", "dun", "un", "d", "l"}

// unelided returns w without an elided article or preposition in front of
// an other-word ("unaltra" → "altra", "lautre" → "autre"), and the elided
// word.
func unelided(w string) (string, string) {
	for _, e := range elisions {
		if rest, ok := strings.CutPrefix(w, e); ok && otherWords[rest] {
			return rest, e
		}
	}
	return w, ""
}

// genitives are "of" in the Romance languages: "i dati di un altro", "les
// coordonnées d'une autre", "os dados de outra".
var genitives = map[string]bool{"di": true, "de": true, "d": true, "do": true, "da": true, "du": true, "del": true, "della": true,
	"dun": true, "dune": true, "dell": true}

// indefinites are the articles between "of" and "another".
var indefinites = map[string]bool{"un": true, "una": true, "uno": true, "une": true, "um": true, "uma": true}

// ofAnother reports whether the other-word at i is a person by itself, as
// the possessor in "<data> of another": "i dati di un altro", "los datos
// de otro", "les données d'un autre" — a data noun right before "of".
// elided is the article or preposition written onto the other-word.
func ofAnother(toks []token, i int, elided string, clause []int) bool {
	if n := i + 1; n < len(toks) && clause[n] == clause[i] && foreignData[toks[n].raw] {
		return false // "los datos de otro pedido": another of the writer's own
	}
	k := i - 1 // the word before "of"
	if !genitives[elided] {
		if k >= 0 && indefinites[toks[k].raw] {
			k--
		}
		if k < 0 || !genitives[toks[k].raw] {
			return false
		}
		k--
	}
	for j := k; j >= 0 && j >= k-1 && clause[j] == clause[i]; j-- {
		if foreignData[toks[j].raw] {
			return true
		}
	}
	return false
}

// The same exposure in Chinese, Japanese and Korean, read a character a
// token (Hangul a word): a person the writer does not know, or someone
// else's, before what of theirs is shown ("知らない方の注文", "别人的地址",
// "다른 사람의 주소").
var (
	cjkOthers = mkPhrases("知らない人", "知らない方", "見知らぬ人", "他人の", "他の人の", "別の人の", "他のお客様の", "別のお客様の",
		// round fifty-one: "別の方の", "他の方の", the polite "another person's"
		"別の方の", "他の方の",
		"他のお客さんの", "别人的", "別人的", "他人的", "陌生人", "其他客户的", "其他顾客的", "其他用户的", "別的客戶的",
		"다른 사람의", "다른 사람", "모르는 사람의", "모르는 사람", "다른 고객의", "다른 고객", "남의")
	cjkData = mkPhrases("名前", "住所", "電話番号", "注文", "個人情報", "メールアドレス", "氏名", "姓名", "名字", "地址",
		"电话", "電話", "订单", "訂單", "个人信息", "個人資料", "个人资料", "이름*", "주소*", "전화번호*", "주문*", "개인정보*", "개인 정보*",
		// round fifty-one: information ("別の方のチケット情報", "别人的信息")
		"情報", "信息", "資訊")
)

// cjkExposures finds another party's data in Chinese, Japanese or Korean:
// an other-party phrase with a data noun after it in its clause.
func cjkExposures(toks []token, clause []int) []hit {
	var out []hit
	for _, o := range findAll(toks, cjkOthers) {
		if o.neg {
			continue
		}
		from := o.pos + len(o.phrase)
		for k := from; k < len(toks) && k <= from+12 && clause[k] == clause[o.pos]; k++ {
			if cjkData.matches(toks, k) {
				out = append(out, hit{phrase: phrase(rawWords(toks[o.pos : k+1])), pos: o.pos, neg: notTold(toks, clause, o.pos) || questionMarked(toks, o.pos)})
				break
			}
		}
	}
	return out
}

// Someone else signed in to the writer's account, said in the languages
// beyond English: a word for "someone", an account noun and a verb of
// getting in, in one clause ("Keegi teine logis minu kontole sisse",
// "מישהו נכנס לחשבון שלי", "jemand hat sich in mein Konto eingeloggt").
var (
	someoneWords = map[string]bool{"someone": true, "somebody": true, "jemand": true, "alguien": true, "quelquun": true,
		"qualcuno": true, "alguém": true, "iemand": true, "någon": true, "nogen": true, "noen": true, "ktoś": true, "někdo": true,
		"niekto": true, "netko": true, "neko": true, "nekdo": true, "ктото": true, "хтось": true, "някой": true,
		"birisi": true, "seseorang": true, "valaki": true, "joku": true, "keegi": true, "kažkas": true, "kāds": true,
		"κάποιος": true, "מישהו": true, "algú": true, "cineva": true,
		// Arabic's "someone" as the subject after "that" ("أن أحدًا سجّل
		// الدخول"): the accusative only, since "لا أحد" is "no one".
		"أحدًا": true, "أحدا": true, "شخصًا": true, "شخصا": true,
		// round fifty-one: Turkish "biri" ("hesabıma biri girdi"), as
		// common as "birisi"
		"biri": true}
	// accountStems start the account nouns of those languages; Hebrew and
	// Arabic write a preposition onto the noun, so theirs are found inside.
	accountStems = []string{"account", "konto", "kontu", "konta", "kontot", "compte", "cuenta", "conta", "compt", "účt", "účet", "račun", "nalog", "аккаунт", "акаунт", "учетн", "учётн", "профил", "hesab", "akun", "fiók", "tili", "paskyr", "konts", "λογαριασμ", "अकाउंट", "खात",
		// round fifty-one: the profile one signs in to ("alguém entrou no meu perfil")
		"perfil", "profil"}
	accountInfixes = []string{"חשבון", "حساب"}
	// cjkAccountNouns are the account nouns of Chinese, Japanese and
	// Korean, found in a hit's characters joined.
	cjkAccountNouns = []string{"账号", "帐号", "账户", "帳號", "帳戶", "アカウント", "계정"}
	// notAccountStems begin words the account stems begin that are no
	// account: "contact", "Kontakt", "comptabilité", "contabilidade".
	// Round fifty-one's review: English "profile" is no account ("profil"
	// is, in the languages that sign in to one).
	notAccountStems = []string{"contact", "kontakt", "comptab", "contab", "profile"}
	// getInStems start the verbs of signing or getting in.
	getInStems = []string{"logged", "logis", "logi", "logge", "loggt", "logga", "eingeloggt", "angemeldet", "entered", "accessed", "entró",
		"accedi", "connect", "entrato", "entrou", "acessou", "ingelogd", "inloggad", "zalogow", "přihlás", "prihlás", "prijav",
		"ulogov", "вош", "зашел", "зашёл", "увійш", "влез", "girdi", "giriş", "masuk", "belép", "kirjautu", "prisijung", "ienāc",
		"pieslēdz", "συνδέθ", "μπήκε", "נכנס", "دخل", "الدخول", "entrà", "conectat", "intrat", "लॉगिन",
		// round fifty-one: Turkish "girmiş" (has got in), Ukrainian
		// "зайшов" (came in), Hindi "लॉग इन" written apart, Hebrew
		// "התחבר" (connected)
		"girmiş", "girilmiş", "girildi", "зайш", "लॉग", "התחבר",
		// Polish "ktoś się włamał" (someone broke in), with its account noun
		// (the round's review: not a bare "włamanie", a burglary at home)
		"włamał", "włamali"}
	// takeStems start the verbs of taking an account ("somebody took my
	// account"); changeStems those of having changed, which tell of a
	// takeover only with a password beside them ("someone changed my
	// password"), past forms only: "change my password" is a how-to. Both
	// count only after the someone word. A stem whose plain-typed form is
	// another word ("robo" a robot, "vole" Italian "volevo") is not folded;
	// "cambió" is, for those who type Spanish without accents ("alguien
	// cambio mi contrasena"), though Italian "cambio" is a change.
	takeStems   = append(foldedStems("took", "taken", "stole", "hijack", "roubou", "geklaut", "gestohlen", "rubato", "ukradł", "przejął", "przejęł"), "robó", "volé")
	changeStems = foldedStems("changed", "geändert", "cambió", "cambiado", "cambiato", "cambiata", "mudou", "mudad", "trocou", "trocad", "alterou", "alterad",
		"veranderd", "gewijzigd", "ändrat", "ändrade", "zmienił", "değiştirdi", "değiştirmiş", "изменил", "поменял", "змінив",
		"ændret", "endret",
		// round fifty-one: Hebrew "שינה"/"ושינה" (changed)
		"שינה", "ושינה")
	// Greek "άλλαξε" (changed), as written and typed plain, on the raw
	// word: folded, "αλλάξω" (to change) would begin the same.
	greekChanged  = []string{"άλλαξ", "αλλαξ"}
	passwordStems = foldedStems("password", "passwort", "contraseña", "senha", "wachtwoord", "lösenord", "hasło", "şifre", "парол")
	// Round thirty-nine: a "someone" that is one only with the particle
	// after it: Hindi "किसी ने" (the ergative; "किसी भी" is "any") and
	// Arabic "شخص ما" ("شخص" alone is "a person"); Russian "кто-то", which
	// the tokenizer splits at its hyphen ("кто" alone is "who").
	someoneWithParticle = map[string]string{"किसी": "ने", "شخص": "ما", "кто": "то"}
	// Round fifty-one: Hindi "किसी और ने" (someone else, the ergative
	// after "else"). Arabic "شخص" as the subject of a verb of getting in
	// is arabicPersonEntered's.
	someoneElseParticle = map[string][2]string{"किसी": {"और", "ने"}}
	// Round thirty-nine: the someone is inside the account, told by a
	// verb of being or getting and a word for "in" before the account
	// noun ("someone has got into my account", "quelqu'un est dans mon
	// compte", "nogen har været inde på min konto"). Only these verbs
	// stand between the someone word and the "in", so that "can someone
	// look in my account" or "someone from support said in my account"
	// are no takeover.
	inWords    = map[string]bool{"into": true, "in": true, "inside": true, "dans": true, "inde": true, "inne": true}
	beGetWords = map[string]bool{"got": true, "gotten": true, "has": true, "had": true, "been": true, "is": true, "was": true,
		"broke": true, "broken": true, "hacked": true, "est": true, "été": true, "entré": true, "har": true,
		"været": true, "vært": true, "varit": true, "var": true, "war": true, "ist": true,
		// round fifty-one: Dutch "iemand zit in mijn account" (is in)
		"zit": true, "zat": true}
	// Round thirty-nine: what the writer signs in with besides the
	// password, the e-mail address and the phone number: "someone changed
	// my e-mail" is a takeover as "someone changed my password" is.
	// "e-posten" is split at its hyphen: credentialAt joins it again.
	credentialStems = append(foldedStems("email", "epost", "mailadres", "telefon", "phone", "τηλέφων",
		"телефон",
		// round fifty-one: Hebrew and Arabic, with the article written on
		"טלפון", "הטלפון", "סיסמ", "הסיסמ", "מייל", "המייל", "الهاتف", "هاتف", "كلمة", "البريد", "الإيميل", "ايميل"), passwordStems...)
)

// accountNoun reports whether a word is an account noun: it begins with
// an account stem and is no contact or bookkeeping word, or (Hebrew,
// Arabic) holds one.
func accountNoun(w string) bool {
	return hasAnyPrefix(w, accountStems) && !hasAnyPrefix(w, notAccountStems) || containsAny(w, accountInfixes)
}

// changedWord reports whether a word is a verb of having changed, Greek's
// on the raw word.
func changedWord(w string) bool { return hasAnyPrefix(w, changeStems) || hasAnyPrefix(w, greekChanged) }

// credentialAt reports whether the words at k are a credential: the word
// itself, or one split at its hyphen ("e-posten").
func credentialAt(words []string, k int) bool {
	return hasAnyPrefix(words[k], credentialStems) || words[k] == "e" && k+1 < len(words) && hasAnyPrefix("e"+words[k+1], credentialStems)
}

// foreignTakeovers finds someone in the writer's account: signing or
// getting in, taking it, being inside it, or changing its password, e-mail
// or phone number.
func foreignTakeovers(toks []token, clause []int) []hit {
	var out []hit
	raws := rawWords(toks)
	for i := range toks {
		if !someoneWords[toks[i].raw] && !(someoneWithParticle[toks[i].raw] != "" && i+1 < len(toks) && toks[i+1].raw == someoneWithParticle[toks[i].raw]) &&
			!someoneElse(toks, i) && !arabicPersonEntered(toks, i) {
			continue
		}
		// Turkish "ekibimizden biri": "biri" after an ablative is "one of"
		// the writer's people, not a stranger
		if toks[i].raw == "biri" && i > 0 && hasAnySuffix(toks[i-1].raw, turkishAblatives) {
			continue
		}
		account, getIn, password, change := -1, -1, -1, -1
		for k := max(0, i-8); k < len(toks) && k <= i+8; k++ {
			if clause[k] != clause[i] {
				continue
			}
			w := toks[k].raw
			if account < 0 && accountNoun(w) {
				account = k
			}
			if getIn < 0 && (hasAnyPrefix(w, getInStems) || k > i && hasAnyPrefix(w, takeStems) || k > i && insideAccount(toks, i, k)) {
				getIn = k
			}
			if password < 0 && credentialAt(raws, k) {
				password = k
			}
			if change < 0 && k > i && changedWord(w) {
				change = k
			}
		}
		// "someone changed my (account) password": the change is the
		// getting in, the password the account when none is named.
		// Round fifty-one: so also when a verb of taking stands beside it
		// ("someone changed my phone number and took my money").
		if password >= 0 && change >= 0 && (getIn < 0 || account < 0) {
			if getIn < 0 {
				getIn = change
			}
			if account < 0 {
				account = password
			}
		}
		if account >= 0 && getIn >= 0 {
			lo, hi := min(i, account, getIn), max(i, account, getIn)
			out = append(out, hit{phrase: phrase(rawWords(toks[lo : hi+1])), pos: lo, neg: takeoverNotTold(toks, raws, clause, i, getIn)})
		}
	}
	return out
}

// arabicPersonEntered reports whether Arabic "شخص" at i is the subject of
// "دخل" (entered) right after it, not "أي شخص" (anyone): "شخص دخل إلى
// حسابي" is a person who got into the account, "لا يستطيع أي شخص الدخول"
// no one able to sign in.
//
// Mended after the round's review: not "كل شخص" (everyone) either.
func arabicPersonEntered(toks []token, i int) bool {
	return toks[i].raw == "شخص" && i+1 < len(toks) && strings.HasPrefix(toks[i+1].raw, "دخل") &&
		(i == 0 || toks[i-1].raw != "أي" && toks[i-1].raw != "كل")
}

// someoneElse reports whether the words at i are "someone else" as the
// subject (Hindi "किसी और ने").
func someoneElse(toks []token, i int) bool {
	p, ok := someoneElseParticle[toks[i].raw]
	return ok && i+2 < len(toks) && toks[i+1].raw == p[0] && toks[i+2].raw == p[1]
}

// breakInStems start the security words of breaking into something
// ("hacked", "gehackt", "взлом", "اختراق"): beside an account noun they
// tell of an account taken over.
var breakInStems = foldedStems("hack", "gehackt", "piraté", "hackead", "hackat", "zhakowan", "hacklen", "взлом", "зламан",
	"зламал", "χακάρ", "feltör", "hakkeroi", "hakiran", "hacknut", "compromised", "kompromit", "breached", "נפרץ", "פרצו",
	"اختراق", "diretas", "įsilauž", "uzlauz", "해킹")

// hackedAccounts widens a security word of breaking in to the account noun
// that stands within four words of it in its clause ("Konto meines
// Sohnes gehackt", "تم اختراق حسابي", "my account was hacked"), so that
// the hit tells of someone in an account as the takeover words do. Other
// hits, and a break-in with no account beside it ("our website was
// hacked"), stay as they are.
//
// Mended after the round's review: not where a negator stands anywhere in
// the widened span ("Mein Konto wurde nicht gehackt"), the break-in is
// asked or feared ("could be hacked", "how do I protect my account from
// being hacked"), the account is another service's ("our Facebook
// account", "my email account") or the word only begins like a break-in
// ("hackathon"): those hits stay as they were.
func hackedAccounts(toks []token, clause []int, sec []hit) []hit {
	out := slices.Clone(sec)
	for n, h := range out {
		if h.neg || h.pos < 0 || h.pos >= len(toks) {
			continue
		}
		end := min(h.pos+len(h.phrase), len(toks)) - 1
		if !slices.ContainsFunc(rawWords(toks[h.pos:end+1]), breakInWord) || hackFeared(toks, clause, h.pos) {
			continue
		}
		for k := max(0, h.pos-4); k < len(toks) && k <= end+4; k++ {
			if k >= h.pos && k <= end || clause[k] != clause[h.pos] {
				continue
			}
			if accountNoun(toks[k].raw) {
				lo, hi := min(h.pos, k), max(end, k)
				if !slices.ContainsFunc(toks[lo:hi+1], func(t token) bool { return negators[t.w] || afterNegators[t.w] }) &&
					!(k > 0 && otherServiceOwners[toks[k-1].raw]) {
					out[n] = hit{phrase: phrase(rawWords(toks[lo : hi+1])), pos: lo}
				}
				break
			}
		}
	}
	return out
}

// breakInWord reports whether a word is a word of breaking in, not one
// that only begins like it.
func breakInWord(w string) bool {
	return hasAnyPrefix(w, breakInStems) && !strings.HasPrefix(w, "hackathon")
}

// otherServiceOwners name the services whose accounts are not the shop's:
// "our Facebook account was hacked" tells of that service's account.
var otherServiceOwners = map[string]bool{"facebook": true, "instagram": true, "email": true, "e-mail": true, "mail": true,
	"gmail": true, "google": true, "outlook": true, "hotmail": true, "yahoo": true, "icloud": true, "apple": true,
	"microsoft": true, "twitter": true, "tiktok": true, "linkedin": true, "whatsapp": true, "paypal": true, "bank": true}

// hackFeared reports whether a break-in at i is asked about or feared, not
// told: a question opener ("could my account be hacked"), or a word of
// fear, protection or condition before it in its clause.
func hackFeared(toks []token, clause []int, i int) bool {
	if askedAt(toks, i) {
		return true
	}
	return inNumberedClauseBefore(clause, i, 8, func(k int) bool { return fearWords[toks[k].w] })
}

// fearWords before a break-in make it a worry or a condition: "afraid my
// account could be hacked", "protect my account from being hacked". They
// are read as tokens' w, plural stripped: German "falls" (if) is "fall"
// there and cannot be listed.
var fearWords = map[string]bool{"could": true, "might": true, "may": true, "would": true, "afraid": true, "worried": true,
	"protect": true, "prevent": true, "avoid": true, "if": true, "wenn": true, "könnte": true, "si": true,
	"se": true, "αν": true, "how": true}

// insideAccount reports whether the word at k is a word for "in" that puts
// the someone word at i inside an account: only verbs of being or getting
// stand between them, and an account noun follows within three words.
//
// Mended after the round's review: not in a question ("has someone been
// in my account?"), and the account noun is the first word after the "in"
// past a determiner or possessive, itself the noun ("in the account
// team", "in contact with my account manager" are not).
func insideAccount(toks []token, i, k int) bool {
	if !inWords[toks[k].raw] || k == i+1 {
		return false
	}
	if i > 0 && !toks[i].stop && (questionOpeners[toks[i-1].w] || toks[i-1].w == "has" || toks[i-1].w == "have") {
		return false
	}
	for j := i + 1; j < k; j++ {
		// French "a" only as the auxiliary of "été" or "entré", not the
		// English article
		french := toks[j].raw == "a" && j+1 < k && (toks[j+1].raw == "été" || toks[j+1].raw == "entré")
		if !beGetWords[toks[j].raw] && !french || toks[j].brk {
			return false
		}
	}
	for j := k + 1; j < len(toks) && j <= k+3 && !toks[j].brk; j++ {
		if accountNoun(toks[j].raw) {
			return j+1 >= len(toks) || toks[j+1].brk || !accountCompounds[toks[j+1].raw]
		}
		if !determiners[toks[j].raw] {
			return false
		}
	}
	return false
}

// determiners stand between a word for "in" and its noun: "into my
// account", "dans mon compte", "inde på min konto".
var determiners = map[string]bool{"the": true, "my": true, "our": true, "your": true, "his": true, "her": true, "their": true,
	"mon": true, "ma": true, "notre": true, "votre": true, "son": true, "sa": true, "le": true, "la": true, "på": true, "i": true,
	"min": true, "mit": true, "mitt": true, "vores": true, "vår": true, "vårt": true, "din": true, "dit": true, "ditt": true,
	"mein": true, "meinem": true, "meinen": true, "unser": true, "unserem": true, "dem": true, "den": true, "das": true,
	// round fifty-one: Dutch, with "zit" among the verbs of being
	"mijn": true, "ons": true, "onze": true, "het": true, "de": true}

// accountCompounds after an account noun make it a modifier: "the
// account team", "my account manager".
var accountCompounds = map[string]bool{"team": true, "manager": true, "managers": true, "number": true, "holder": true,
	"type": true, "owner": true, "executive": true}

// hasAnyPrefix reports whether w starts with one of the prefixes.
func hasAnyPrefix(w string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// hasAnySuffix reports whether w ends with one of the suffixes.
func hasAnySuffix(w string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(w, x) {
			return true
		}
	}
	return false
}

func containsAny(w string, parts []string) bool {
	for _, p := range parts {
		if strings.Contains(w, p) {
			return true
		}
	}
	return false
}

// withCues adds to list the cue hits that no hit of the lists already
// covers: a phrase found by a list says the same in its own words.
func withCues(list []hit, covered [][]hit, cues []hit) []hit {
	for _, c := range cues {
		dup := false
		for _, hs := range covered {
			for _, h := range hs {
				if h.pos >= c.pos && h.pos < c.pos+len(c.phrase) || c.pos >= h.pos && c.pos < h.pos+len(h.phrase) {
					dup = true
				}
			}
		}
		if !dup {
			list = append(list, c)
		}
	}
	return list
}

// shareNumbers are the small counts of a stated share in the languages
// tickets come in ("one in ten", "un pagamento su quattro", "een op de
// tien", "jeden na dziesięć").
var shareNumbers = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "twenty": 20, "hundred": 100,
	"un": 1, "uno": 1, "una": 1, "une": 1, "ein": 1, "eine": 1, "einer": 1, "een": 1, "jeden": 1, "jedna": 1, "en": 1, "ett": 1, "um": 1, "uma": 1,
	"due": 2, "deux": 2, "dos": 2, "zwei": 2, "twee": 2, "dwa": 2, "två": 2, "dois": 2,
	"tre": 3, "trois": 3, "tres": 3, "drei": 3, "drie": 3, "trzy": 3, "três": 3,
	"quattro": 4, "quatre": 4, "cuatro": 4, "vier": 4, "cztery": 4, "fyra": 4, "quatro": 4,
	"cinque": 5, "cinq": 5, "cinco": 5, "fünf": 5, "vijf": 5, "pięć": 5, "fem": 5,
	"dieci": 10, "dix": 10, "diez": 10, "zehn": 10, "tien": 10, "dziesięć": 10, "tio": 10, "dez": 10,
}

// shareOf are the words between the two counts of a share: "in", "out of"
// (a bare "of" is too common: "two debits of 149"),
// "su", "sur", "op de", "von", "de cada", "na", "av", "em", "z".
var shareOf = map[string]bool{"in": true, "out": true, "su": true, "sur": true, "op": true, "de": true,
	"von": true, "auf": true, "cada": true, "na": true, "av": true, "em": true, "z": true, "out of": true}

// timeUnits are the units a count of time ends with.
var timeUnits = map[string]bool{"second": true, "sec": true, "minute": true, "min": true, "hour": true, "hr": true,
	"day": true, "week": true, "minuten": true, "minuti": true, "minutos": true, "stunden": true, "uur": true, "ore": true, "horas": true, "heure": true}

// countShares finds a share stated as two counts ("one in ten payments",
// "un pagamento su quattro", "1 von 5 Zahlungen"): a count, up to two
// words (the thing counted), a share word or two, and a larger count.
func countShares(toks []token) []hit {
	var out []hit
	count := func(w string) (int, bool) {
		if n, ok := shareNumbers[w]; ok {
			return n, true
		}
		if isNumber(w) && len(w) <= 3 {
			n := 0
			for _, r := range w {
				n = n*10 + int(r-'0')
			}
			return n, true
		}
		return 0, false
	}
	for i := range toks {
		a, ok := count(toks[i].w)
		if !ok || a == 0 {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+3 && !toks[k].brk; k++ {
			if !shareOf[toks[k].w] {
				continue
			}
			j := k + 1
			if j < len(toks) && (shareOf[toks[j].w] || toks[j].w == "of" && toks[k].w == "out") && !toks[j].brk {
				j++ // "out of", "op de", "de cada"
			}
			if j < len(toks) && !toks[j].brk {
				// "3 times in 10 minutes" counts time, not a share.
				timed := j+1 < len(toks) && timeUnits[toks[j+1].w]
				if b, ok := count(toks[j].w); ok && b > a && !timed {
					out = append(out, hit{phrase: phrase(rawWords(toks[i : j+1])), pos: i})
				}
			}
			break
		}
	}
	return out
}

// peopleNouns are who a scope counts.
var peopleNouns = mkPhrases("customer*", "user*", "people", "person*", "client*", "shopper*", "buyer*", "employee*", "colleague*",
	"kunde*", "klant*", "cliente*", "usuario*", "utilisateur*", "klient*", "kund*")

// fewCounts count a few without a number: "a handful of our customers",
// "a couple of users", "ein paar Kunden".
var fewCounts = map[string]int{"handful": 3, "couple": 2, "few": 3, "paar": 3, "kilka": 3, "pár": 3, "parę": 3, "пара": 2, "несколько": 3}

// portuguesePossessives follow Portuguese "dos" (of the): "dos nossos
// clientes", "dos meus clientes".
var portuguesePossessives = map[string]bool{"nosso": true, "nossos": true, "nossa": true, "nossas": true, "meu": true, "meus": true,
	"minha": true, "minhas": true, "seu": true, "seus": true, "sua": true, "suas": true, "vosso": true, "vossos": true, "teu": true, "teus": true}

// portugueseQuantifiers come before Portuguese "dos" (of the): "a maioria
// dos clientes", "muitos dos clientes".
var portugueseQuantifiers = map[string]bool{"maioria": true, "muitos": true, "muitas": true, "vários": true, "várias": true,
	"alguns": true, "algumas": true, "parte": true, "metade": true, "todos": true, "todas": true}

// fewOf finds a small count of people ("two of our customers", "one of our
// regular customers", "3 users",
// "drei Kunden"): one or a few, however the rest of the clause reads.
func fewOf(toks []token) []hit {
	var out []hit
	for i := range toks {
		n, ok := shareNumbers[toks[i].w]
		if !ok {
			n, ok = fewCounts[toks[i].w]
		}
		if !ok && isNumber(toks[i].w) && len(toks[i].w) == 1 {
			n, ok = int(toks[i].w[0]-'0'), true
		}
		if !ok || n < 1 || n > 5 || n == 1 && i > 0 && negators[toks[i-1].w] {
			continue // "not one of our customers" is none of them
		}
		// "nenhum dos nossos clientes": after a word for none the count
		// (or Portuguese "dos", of the) counts no one
		if i > 0 && noneWord(toks[i-1]) {
			continue
		}
		// "muitos dos nossos clientes", "a maioria dos nossos clientes":
		// Portuguese "dos" before a possessive is "of the", not Spanish
		// "two" (which takes "de" before one: "dos de nuestros clientes")
		if toks[i].w == "dos" && (i+1 < len(toks) && portuguesePossessives[toks[i+1].w] || i > 0 && portugueseQuantifiers[toks[i-1].raw]) {
			continue
		}
		k := i + 1
		if k < len(toks) && (toks[k].w == "of" || toks[k].w == "van" || toks[k].w == "de" || toks[k].w == "di" || toks[k].w == "z") {
			k++
		}
		if k < len(toks) && ownerWords[toks[k].w] || k < len(toks) && (toks[k].w == "the" || toks[k].w == "nos" || toks[k].w == "nuestros") {
			k++
		}
		// up to two words describe them: "one of our regular customers"
		for skip := 0; skip < 2 && k+1 < len(toks) && !toks[k].brk && !toks[k+1].brk && !matchesAny(toks, k, peopleNouns); skip++ {
			k++
		}
		if k < len(toks) && !toks[k].brk && matchesAny(toks, k, peopleNouns) {
			out = append(out, hit{phrase: phrase(rawWords(toks[i : k+1])), pos: i})
		}
	}
	return out
}

// Someone else acting in the account: the writer disowns a change ("nobody
// in our company did that", "neither was me"), an action was never asked
// for ("reset e-mails they never asked for", "orders they did not
// place"), or what the account now points to is unknown to the writer
// ("an address I don't know", "an IBAN none of us ever entered").
var (
	disownVerbs = map[string]bool{"did": true, "made": true, "requested": true, "changed": true, "authorized": true,
		"authorised": true, "entered": true, "added": true}
	disownObjects = map[string]bool{"that": true, "this": true, "it": true, "them": true, "those": true, "these": true}
	// actNegations are a writer's or customer's act that did not happen.
	actVerbs = map[string]bool{"request": true, "requested": true, "ask": true, "asked": true, "place": true,
		"placed": true, "authorize": true, "authorise": true, "authorized": true, "authorised": true,
		"initiate": true, "initiated": true}
	accountThings = map[string]bool{"address": true, "addresse": true, "account": true, "iban": true, "device": true,
		"ip": true, "email": true, "number": true, "location": true, "phone": true, "login": true, "session": true}
	knowVerbs = map[string]bool{"know": true, "recognise": true, "recognize": true, "recognised": true, "recognized": true}
)

// disowned finds those three shapes; each says someone else acted.
func disowned(toks []token) []hit {
	var out []hit
	for i := 0; i < len(toks); i++ {
		w := toks[i].w
		switch {
		// "nobody in our company did that", "none of us changed it"
		case noneWord(toks[i]) || w == "neither":
			for k := i + 1; k < len(toks) && k <= i+5 && !toks[k].brk; k++ {
				if w == "neither" && (toks[k].w == "me" || toks[k].w == "us") {
					out = append(out, hit{phrase: phrase(rawWords(toks[i : k+1])), pos: i})
					break
				}
				if disownVerbs[toks[k].w] && (k+1 == len(toks) || toks[k+1].brk || disownObjects[toks[k+1].w] || toks[k+1].w == "ever") {
					out = append(out, hit{phrase: phrase(rawWords(toks[i : k+1])), pos: i})
					break
				}
			}
		// "they never asked for", "they did not place", "we didn't request"
		case w == "never" || negAux[w] && (w == "didnt" || w == "dont") || w == "not" && i > 0 && (toks[i-1].w == "did" || toks[i-1].w == "do"):
			if k := i + 1; k < len(toks) && !toks[k].brk && actVerbs[toks[k].w] && i > 0 && subjectPronoun[toks[i-1].w] ||
				k < len(toks) && !toks[k].brk && actVerbs[toks[k].w] && i > 1 && toks[i-1].w == "did" && subjectPronoun[toks[i-2].w] {
				out = append(out, hit{phrase: phrase(rawWords(toks[max(0, i-2) : k+1])), pos: i})
			}
		// "an address I don't know", "a device we do not recognise"
		case accountThings[w] && (i > 0 && indefinite[toks[i-1].w] || i > 1 && indefinite[toks[i-2].w]):
			k := i + 1
			if k < len(toks) && (toks[k].w == "that" || toks[k].w == "which") {
				k++
			}
			if k+2 < len(toks) && subjectPronoun[toks[k].w] && !toks[k].brk {
				n := k + 1
				if toks[n].w == "do" || toks[n].w == "did" {
					n++
					if n < len(toks) && toks[n].w == "not" {
						n++
					} else {
						continue
					}
				} else if toks[n].w == "dont" || toks[n].w == "didnt" {
					n++
				} else {
					continue
				}
				if n < len(toks) && knowVerbs[toks[n].w] {
					out = append(out, hit{phrase: phrase(rawWords(toks[i : n+1])), pos: i})
				}
			}
		}
	}
	return out
}

// indefinite articles put an account thing as a new, unknown one: "an
// address I don't know", not "my account, I don't know why".
var indefinite = map[string]bool{"a": true, "an": true, "some": true}

// subjectPronoun are the people who could have acted.
var subjectPronoun = map[string]bool{"i": true, "we": true, "they": true, "he": true, "she": true, "customer": true, "user": true}

// Negation in the languages tickets come in, whose lists cannot hold every
// verb: a negator before a verb of receiving ("non ha ricevuto la mail",
// "no recibimos", "n'a pas reçu"), and a German or Dutch "nicht … können"
// with the modal at the end of the clause ("dass sie sich nicht einloggen
// können").
var (
	foreignNegators = map[string]bool{"non": true, "no": true, "não": true, "nao": true, "pas": true, "nicht": true,
		"niet": true, "inte": true, "nie": true, "nunca": true, "jamais": true, "mai": true,
		// and beyond the tuning sets' languages
		"ne": true, "не": true, "לא": true, "لا": true, "لم": true, "nem": true, "ei": true, "tidak": true, "hindi": true,
		"δεν": true, "không": true, "ไม่": true}
	foreignReceive = mkPhrases("ricev*", "recib*", "receb*", "reçu*", "reçoi*", "recu", "erhalt*", "erhielt*", "bekomm*",
		"ontvang*", "fått", "får", "otrzyma*", "dosta*", "arriv*", "llega*", "chega*", "angekommen", "aangekomen",
		// and the verbs the Nordic languages and Dutch say it with
		"krijg*", "kreeg", "kregen", "kriegen", "fick", "modtag*", "modtog", "mottar", "mottok", "mottatt", "mottag*")
	// postNegators negate a verb of receiving they follow: German "keine",
	// Dutch "geen", the Nordic "inga", "ingen", "ikke", "inte".
	postNegators = map[string]bool{"keine": true, "keinen": true, "kein": true, "geen": true, "inga": true, "ingen": true,
		"ikke": true, "ikkje": true, "inte": true}
	verbFinalModals = map[string]bool{"können": true, "kann": true, "konnte": true, "konnten": true, "kunnen": true, "kan": true,
		"kon": true, "konden": true}
	// noneSubjects are German and Dutch "no one" that negate a verb of
	// receiving at the end of a long clause ("hat keiner der Kunden, die …,
	// die Reset-Mail bekommen").
	noneSubjects = map[string]bool{"keiner": true, "keine": true, "kein": true, "niemand": true, "geen": true, "geeneen": true}
)

// nonePersons are the people a German or Dutch "none" is said of.
var nonePersons = mkPhrases("kunde*", "kundin*", "nutzer*", "benutzer*", "mitarbeiter*", "klant*", "klanten", "gebruiker*", "medewerker*")

// nonePerson reports whether the "no one" at i is a person: "niemand", or
// "keiner der Kunden", "kein Kunde", "geen van onze klanten".
func nonePerson(toks []token, i int) bool {
	if toks[i].w == "niemand" {
		return true
	}
	for k := i + 1; k < len(toks) && k <= i+3 && !toks[k].brk; k++ {
		if nonePersons.matches(toks, k) {
			return true
		}
	}
	return false
}

// foreignNegations finds those two shapes.
func foreignNegations(toks []token) []hit {
	var out []hit
	for i := 0; i < len(toks); i++ {
		if noneSubjects[toks[i].w] && nonePerson(toks, i) {
			// the receiving verb closes the clause, after any relative
			// clause between commas
			for k := i + 1; k < len(toks) && k <= i+16; k++ {
				if foreignReceive.matches(toks, k) {
					out = append(out, hit{phrase: phrase(rawWords(toks[i : k+1])), pos: i})
					break
				}
			}
			continue
		}
		// a verb of receiving with "no" after it, in its clause: "bekommen
		// seit 10 Uhr keine SMS", "ontvangen geen codes", "får inga koder",
		// "modtager ikke koderne"
		if foreignReceive.matches(toks, i) {
			for k := i + 1; k < len(toks) && k <= i+5 && !toks[k].brk; k++ {
				if postNegators[toks[k].w] {
					out = append(out, hit{phrase: phrase(rawWords(toks[i : k+1])), pos: i})
					break
				}
			}
		}
		if !foreignNegators[toks[i].w] {
			continue
		}
		for k := i + 1; k < len(toks) && k <= i+3 && !toks[k].brk; k++ {
			if foreignReceive.matches(toks, k) {
				out = append(out, hit{phrase: phrase(rawWords(toks[i : k+1])), pos: i})
				break
			}
		}
		if toks[i].w != "nicht" && toks[i].w != "niet" {
			continue
		}
		// the modal before the object, "nicht" right before the verb at
		// the end: "Kunden können den Checkout nicht abschließen"
		for k := i - 1; k >= 0 && k >= i-5 && !toks[k+1].brk; k-- {
			if verbFinalModals[toks[k].w] {
				out = append(out, hit{phrase: phrase(rawWords(toks[k : i+1])), pos: k})
				break
			}
		}
		for k := i + 1; k < len(toks) && k <= i+6 && !toks[k].brk; k++ {
			if verbFinalModals[toks[k].w] && k > i+1 && (k+1 == len(toks) || toks[k+1].brk) {
				out = append(out, hit{phrase: phrase(rawWords(toks[i : k+1])), pos: i})
				break
			}
		}
	}
	return out
}
