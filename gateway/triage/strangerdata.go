package triage

import "slices"

// Round 84: a breach told by what was shown. A writer who finds another
// person's data in their own account often never says "another
// customer's data": they say what they see, a thing that is not theirs
// ("a booking that is not mine", "a family I don't know", "a stranger's
// name") and what of that person it shows, listed ("names, phone numbers
// and addresses", "nome, indirizzo e numero di documento"). A person is
// told apart from a record by the identifiers that belong to people: a
// name, an address, a phone number, an e-mail address, a date of birth,
// an identity document, a bank account, a salary, a photo, a health
// record. Two kinds of them in one sentence, beside words that disown
// the party, tell of another person's data seen: a possible breach,
// which design.md §2 makes critical whatever the logs show.
//
// Guards: the identifiers must be someone else's, not the writer's own
// ("my name and address", a first-person possessive before them: the fear
// that others see one's data is no exposure seen); the sentence must not
// be asked, requested or denied ("could another customer see my name and
// address?", "please remove the name and phone of the other guest", "we
// see no names or addresses of anyone we don't know"), nor a privacy
// request's (an erasure or access request for another person lists what
// it asks about), nor a fear or a wish ("I'm worried another customer
// could see", "it would be great if we could add another contact").
//
// Mended after the round's review: a word that only says "another" or
// "someone" ("another question", "another phone", "someone please help")
// disowns the party only in the identifiers' own sentence and never when
// it stands right before an identifier ("another address" is a different
// address, not another person's); a stranger, a thing not the writer's or
// a person not known still counts in the sentence before or after, or in
// the subject. An identifier word that names a field, a tag or a holder
// ("the name and phone fields", "name tags") or a machine's ("IP
// address", "host name") is no person's.

// identityKinds are the kinds of identifier that belong to a person, by
// language. A word counts for one kind only; an e-mail address counts as
// the e-mail, not as an address besides (see identityKindAt).
var identityKinds = []struct {
	kind  string
	words *phraseSet
}{
	{"name", mkFlowWords("name", "names", "full name*", "namen", "naam", "namn", "namnet", "navn", "navnet", "nom", "noms",
		"nombre", "nombres", "nome", "nomi", "numele", "nume", "imię", "imie", "имя", "имена", "имени", "ім'я", "імена", "nama",
		"isim", "ismi", "adı", "nimi", "nimen", "jméno", "név", "nevét", "όνομα", "ονόματα", "اسم", "أسماء", "اسماء",
		"नाम")},
	{"address", mkFlowWords("address", "addresses", "adress*", "adresse*", "adres", "adresa", "adresu", "dirección*", "direccion*",
		"indirizz*", "endereço*", "morada", "moradas", "адрес*", "alamat", "cím", "címe", "címét", "osoite*", "διεύθυνσ*", "عنوان*", "כתובת*", "पता",
		"पते")},
	{"phone", mkFlowWords("phone*", "telephone*", "téléphone*", "telefon*", "teléfono*", "telefono*", "telefone*", "telepon",
		"telp", "телефон*", "τηλέφων*", "هاتف*", "טלפון*", "फ़ोन", "फोन", "mobile number*", "cell number*")},
	{"email", emailWords},
	{"birth", mkFlowWords("date of birth", "dates of birth", "birth date*", "birthdate*", "birthday*", "geburtsdat*",
		"geboortedat*", "födelsedat*", "fødselsdato*", "date de naissance", "dates de naissance", "fecha de nacimiento",
		"fechas de nacimiento", "data de nascimento", "data di nascita", "date di nascita", "data urodzenia", "дата рождения",
		"даты рождения", "дата народження", "doğum tarih*", "tanggal lahir", "تاريخ ميلاد*", "تواريخ ميلاد*", "תאריך לידה",
		"जन्म तिथि", "personnummer*", "personnumre")},
	{"document", mkFlowWords("passport*", "paspoort*", "reisepass*", "passeport*", "pasaporte*", "passaport*", "paszport*",
		"паспорт*", "pasaport*", "paspor", "جواز*", "דרכון*", "पासपोर्ट", "id number*", "id card*", "número de documento",
		"numero di documento", "numéro de document", "ausweis*", "legitimatie*", "social security number*", "ssn")},
	{"bank", mkFlowWords("bank account*", "account number*", "iban*", "bankkonto*", "kontonummer*", "rekeningnummer*",
		"bankrekening*", "nomor rekening", "rekening bank", "numéro de compte", "número de cuenta", "numero di conto",
		"conta bancária", "número da conta", "numer konta", "номер счета", "номер рахунку", "رقم الحساب", "מספר חשבון",
		"बैंक खाता", "card number*", "kartennummer*")},
	{"pay", mkFlowWords("salary", "salaries", "salaire*", "gehalt*", "stipendi*", "sueldo*", "salario*", "salário*", "salaris",
		"lön", "lønn", "løn", "gaji", "wynagrodzeni*", "зарплат*", "maaş*", "راتب*", "משכורת*", "वेतन", "payslip*", "pay slip*",
		"loonstrook*", "gehaltsabrechnung*", "lönespecifikation*", "cedolin*", "nómina*", "fiche de paie", "bulletin de salaire",
		"slip gaji")},
	{"photo", mkFlowWords("photo", "photos", "foto", "fotos", "fotoğraf*", "фото", "фотографи*", "صور*", "תמונ*", "फ़ोटो",
		"फोटो", "zdjęci*", "selfie*")},
	{"health", mkFlowWords("medical", "medicine*", "medication*", "prescription*", "diagnos*", "doctors note", "doctor's note",
		"sick note*", "medizinisch*", "medikament*", "medisch*", "medicijn*", "médical*", "médicaux", "médicament*",
		"лекарств*", "диагноз*", "दवा")},
}

// emailWords are the e-mail in the words of an e-mail address.
var emailWords = mkFlowWords("email*", "e-mail*", "e mail", "mejl*", "correo*", "ईमेल", "электронн*", "електронн*",
	"الإلكتروني")

// arabicAnd is the conjunction Arabic writes onto the next word ("وتواريخ",
// and dates): a word with it is read as the word without it too.
const arabicAnd = "و"

// strangerWords disown the party whose data it is: another person,
// someone else, a stranger, a thing the writer says is not theirs. The
// words for "other" beyond English (otherWords) count too.
var strangerWords = mkFlowWords("another", "someone", "someones", "somebody", "somebodys", "someone else*",
	"stranger*", "not mine", "not ours", "not my", "not our", "instead of mine", "instead of ours",
	"fremde*", "fremder", "fremden", "fremmed*", "främmande", "vreemde*", "inconnu*", "desconocid*", "desconhecid*", "sconosciut*",
	"estranh*", "obcy", "obca", "obce", "obcej", "obcego", "obcych", "незнаком*", "незнайом*", "غريب*", "זר", "זרה", "זרים", "अनजान", "tanımadığım*", "yabancı",
	"nicht mein*", "nicht unser*", "niet van mij", "niet van ons", "niet mijn", "niet onze", "pas à moi", "pas à nous",
	"pas la mienne", "pas le mien", "pas les miens", "pas les miennes", "inte min", "inte mitt", "inte mina", "inte vår*",
	"inte är min", "inte är mitt", "inte är mina", "inte är vår*", "ikke min*", "ikke mit", "ikke vor*", "ikke er min*",
	"ikke er mit", "ikke er vor*", "no es mío", "no es mía", "no son míos", "no son mías", "no es nuestr*",
	"não é meu", "não é minha", "não são meus", "não são minhas", "non è mio", "non è mia", "non sono miei",
	"non sono nostr*", "nie moje", "nie mój", "nie moja", "не мой", "не моя", "не моё", "не мое", "не мої", "не наш*",
	"bukan milik*", "bukan punya*", "ليست لي", "ليس لي", "ليست لنا", "לא שלי", "לא שלנו", "मेरा नहीं", "मेरी नहीं",
	"किसी और", "benim değil", "bizim değil")

// personKnowVerbs are the verbs of knowing a person: a negator before one in
// its clause ("a family I don't know", "een gezin dat ik niet ken",
// "wij kennen die zaak niet", "a company we've never heard of") names a
// stranger.
var personKnowVerbs = mkFlowWords("know", "knew", "heard of", "ken", "kennen", "kenne", "kent", "känner", "kender", "kjenner", "connais",
	"connaît", "connaissons", "conozco", "conoce", "conocemos", "conheço", "conhece", "conhecemos", "conosco", "conosce",
	"conosciamo", "znam", "знаю", "знаем", "знаємо", "kenal", "أعرف*", "اعرف*", "نعرف*", "מכיר*", "מכירה", "जानत*")

// strangersDataSeen finds another person's identifiers listed in one
// sentence: two kinds or more, the party disowned nearby. Each hit is
// the sentence's first identifier, its phrase "another persons" and the
// kinds' words found (the reasons quote it: what decided).
func strangersDataSeen(toks []token, clause []int, privacy []hit) []hit {
	sent := sentences(toks)
	byKind := map[int]map[string]int{} // sentence → kind → first position
	words := map[int][]string{}
	for i := range toks {
		kind, n := identityKindAt(toks, i)
		if kind == "" || ownedBefore(toks, clause, i) {
			continue
		}
		s := sent[i]
		if byKind[s] == nil {
			byKind[s] = map[string]int{}
		}
		if _, seen := byKind[s][kind]; !seen {
			byKind[s][kind] = i
			words[s] = append(words[s], rawWords(toks[i:i+n])...)
		}
	}
	var out []hit
	for s, kinds := range byKind {
		if len(kinds) < 2 {
			continue
		}
		first := len(toks)
		for _, i := range kinds {
			first = min(first, i)
		}
		if askedAt(toks, first) || askedSentence(toks, first) || sharedAccount(toks, first) || fearedOrWished(toks, first) ||
			deniedIdentifiers(toks, clause, first) || sentenceHas(toks, first, pleaseWords) || privacyIn(privacy, sent, s) ||
			!strangerNear(toks, clause, sent, s) {
			continue
		}
		out = append(out, hit{phrase: append(phrase{"another", "persons"}, words[s]...), pos: first})
	}
	slices.SortFunc(out, func(a, b hit) int { return a.pos - b.pos })
	return out
}

// identityKindAt returns the kind of identifier a phrase at toks[i]
// names and its length in words, "" for none. An e-mail counts only as
// an address: an address word with an e-mail word within two words of it
// is the e-mail address; an e-mail word alone is a message, no identifier
// ("the confirmation e-mail").
func identityKindAt(toks []token, i int) (string, int) {
	kind, n := identityWordAt(toks, i)
	if kind == "" || thingsIdentifier(toks, i, n) {
		return "", 0
	}
	return kind, n
}

// identityWordAt is identityKindAt before the identifier is tested for a
// thing's: the kind its words name.
func identityWordAt(toks []token, i int) (string, int) {
	for _, k := range identityKinds {
		if k.words == emailWords {
			continue
		}
		n := matchedAt(toks, i, k.words)
		if n == 0 {
			continue
		}
		if k.kind == "address" {
			for j := max(0, i-2); j < len(toks) && j <= i+3; j++ {
				if j != i && matchedAt(toks, j, emailWords) > 0 {
					return "email", n
				}
			}
		}
		return k.kind, n
	}
	return "", 0
}

// thingsIdentifier reports whether the identifier words at toks[i:i+n]
// name a thing's, not a person's: a machine's ("IP address", "host
// name", "dirección IP"), or a field, tag or holder ("the name and phone
// fields", "name tags", "phone holders", "el campo de nombre"). The head
// noun may follow a run of identifiers joined by "and", "or" or commas.
func thingsIdentifier(toks []token, i, n int) bool {
	if i > 0 && machineWords[toks[i-1].w] && !toks[i].brk {
		return true
	}
	if j := i + n; j < len(toks) && machineWords[toks[j].w] && !toks[j].brk {
		return true
	}
	if i > 0 && (matchedAt(toks, i-1, fieldHeads) > 0 || i > 1 && ofWords[toks[i-1].w] && matchedAt(toks, i-2, fieldHeads) > 0) {
		return true
	}
	for j := i + n; j < len(toks) && j <= i+n+8 && !toks[j].stop; {
		if matchedAt(toks, j, fieldHeads) > 0 {
			return true
		}
		if andWords[toks[j].w] {
			j++
			continue
		}
		if _, m := identityWordAt(toks, j); m > 0 {
			j += m
			continue
		}
		break
	}
	return false
}

// machineWords beside an address or a name make it a machine's: "IP
// address", "host name", "adresse IP".
var machineWords = map[string]bool{"ip": true, "ipv4": true, "ipv6": true, "mac": true, "host": true, "server": true,
	"domain": true, "file": true, "web": true, "url": true, "dns": true, "device": true, "network": true, "wifi": true}

// fieldHeads are the nouns an identifier word names a part of a form, a
// label or an object by: "name field", "name tags", "phone holders",
// "campo de nombre".
var fieldHeads = mkFlowWords("field*", "form", "forms", "box", "boxes", "tag", "tags", "label*", "holder*", "column*",
	"input*", "placeholder*", "button*", "badge*", "feld", "felder", "feldern", "formular*", "veld", "velden", "fält*",
	"felt", "felter", "feltet", "champ", "champs", "campo", "campos", "campi", "casilla*", "casella*", "поле", "поля")

// ofWords join a head noun to the identifier after it: "campo de nombre".
var ofWords = map[string]bool{"of": true, "de": true, "del": true, "di": true, "du": true, "do": true, "da": true}

// andWords join the identifiers of a list.
var andWords = map[string]bool{"and": true, "or": true, "und": true, "oder": true, "et": true, "ou": true, "y": true,
	"o": true, "e": true, "i": true, "og": true, "eller": true, "och": true, "en": true, "the": true, "their": true}

// matchedAt returns the length of the longest phrase of set at toks[i],
// 0 for none; an Arabic word is read without its conjunction too.
func matchedAt(toks []token, i int, set *phraseSet) int {
	n := 0
	set.at(toks, i, func(p phrase) { n = max(n, len(p)) })
	if one := unattached(toks[i], []string{arabicAnd}, 1); n == 0 && one != nil {
		set.at(one, 0, func(p phrase) {
			if len(p) == 1 {
				n = 1
			}
		})
	}
	return n
}

// ownedBefore reports whether a first-person possessive stands right
// before toks[i], or two words before it in its clause ("my name", "meine
// neue Adresse"): the writer's own identifier.
func ownedBefore(toks []token, clause []int, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2 && clause[k] == clause[i]; k-- {
		if ownWords[toks[k].raw] && (!ambiguousOwn[toks[k].raw] || k > 0 && ownPreps[toks[k-1].w]) ||
			ownIdentifiers[toks[k].raw] && (k == i-1 || !pronounOwn[toks[k].raw]) {
			return true
		}
	}
	return false
}

// ownIdentifiers are first-person possessives ownWords leaves out, whose
// identifiers are the writer's: "mes données", "meine Adresse", "mina
// uppgifter", "moje dane". French "nos" and Danish "mine" are also a
// Spanish object pronoun ("nos sale nombre y dirección") and the English
// "mine": those two count only right before the identifier (pronounOwn).
var ownIdentifiers = map[string]bool{"mes": true, "nos": true, "meine": true, "meinen": true, "unsere": true,
	"mina": true, "mitt": true, "vår": true, "våra": true, "mine": true, "vores": true, "meus": true, "minhas": true,
	"nossos": true, "nossas": true, "miei": true, "mie": true, "nostri": true, "nostre": true, "nuestros": true,
	"nuestras": true, "moje": true, "moja": true, "мой": true, "моя": true, "моё": true, "мои": true, "мій": true,
	"мої": true, "benim": true, "मेरा": true, "मेरी": true, "मेरे": true}

// pronounOwn are the ownIdentifiers that are also a pronoun in another
// language: a possessive only right before its noun.
var pronounOwn = map[string]bool{"nos": true, "mine": true}

// strangerNear reports whether the party is disowned in sentence s, the
// one before or after it, or the first (a ticket's text opens with its
// subject): a stranger word not followed by the writer's own possessive
// ("another of my orders"), or a negated verb of knowing. A bare word for
// another or someone (bareOthers, otherWords) counts only in sentence s
// itself, and not right before an identifier ("another address", "eine
// andere Adresse": a different one, nobody's); its genitive names the
// party ("someone's name", "contul altui elev") and counts as a stranger
// word does.
func strangerNear(toks []token, clause, sent []int, s int) bool {
	for i := range toks {
		d := sent[i] - s
		if (d < -1 || d > 1) && sent[i] != 0 {
			continue
		}
		n := matchedAt(toks, i, strangerWords)
		bare := n == 1 && matchedAt(toks, i, bareOthers) == 1
		if n == 0 && otherWordAt(toks, i) {
			n, bare = 1, true
		}
		if bare && (toks[i].poss || possessorOthers[toks[i].raw]) {
			bare = false
		}
		if n > 0 {
			if j := i + n; j+1 < len(toks) && (ownWords[toks[j].raw] || ownWords[toks[j+1].raw] && toks[j].w == "of") {
				continue
			}
			if bare && (d != 0 || i+n < len(toks) && identifierWordAt(toks, i+n)) {
				continue
			}
			return true
		}
		if matchedAt(toks, i, personKnowVerbs) > 0 && negatorBefore(toks, clause, i) && !knowingWhat(toks, clause, i) {
			return true
		}
	}
	return false
}

// bareOthers are the English words for another or someone: alone they
// say one more thing or a person, not whose data it is ("another
// question", "someone please help").
var bareOthers = mkFlowWords("another", "someone", "someones", "somebody", "somebodys")

// possessorOthers are words for "another's" or "someone else's" that are
// only a possessor: the English written without the apostrophe (with it,
// the token's poss is set), Romanian "altui", "altei", "altor",
// "altcuiva", Greek "άλλου", "άλλης", "άλλων", Turkish "başkasının".
var possessorOthers = map[string]bool{"someones": true, "somebodys": true, "anothers": true, "altui": true, "altei": true,
	"altor": true, "altcuiva": true, "άλλου": true, "άλλης": true, "άλλων": true, "αλλου": true, "αλλης": true,
	"αλλων": true, "başkasının": true}

// identifierWordAt reports whether an identifier word stands at toks[i].
func identifierWordAt(toks []token, i int) bool {
	k, _ := identityWordAt(toks, i)
	return k != ""
}

// negatorBefore reports whether a negator stands in toks[i]'s clause
// within four words before it, or right after it ("kennen … niet", a
// verb-second language's negator after its verb, within four words).
func negatorBefore(toks []token, clause []int, i int) bool {
	for k := max(0, i-4); k < len(toks) && k <= i+4; k++ {
		if k == i || clause[k] != clause[i] {
			continue
		}
		if strangerNegator(toks[k]) {
			return true
		}
	}
	return false
}

// strangerNegator reports whether t is a negator as negatorBefore and
// deniedIdentifiers read one: any language's (negators, foreignNegators,
// as read or as written), or a determiner that negates its noun
// (postNegators: "keine", "geen", "ingen").
func strangerNegator(t token) bool {
	return negators[t.w] || foreignNegators[t.w] || foreignNegators[t.raw] || postNegators[t.raw]
}

// knowingWhat reports whether the verb of knowing at i has a question or
// "if" after it in its clause ("I don't know if it's T1", "je ne sais pas
// quand"): not knowing a fact, not a person.
func knowingWhat(toks []token, clause []int, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+3 && clause[k] == clause[i]; k++ {
		if complementizers[toks[k].raw] {
			return true
		}
	}
	return false
}

// complementizers open what is (not) known: a question word or "if".
// Words that are also a common word of another language are left out:
// Dutch "of" and German "was" (English "of", "was": "I don't know any of
// these people"), Italian "come" (English "come"), "se" and "que" (a
// reflexive, a relative), Polish "co" (a relative).
var complementizers = map[string]bool{"if": true, "whether": true, "what": true, "why": true, "how": true, "when": true,
	"where": true, "which": true, "ob": true, "warum": true, "wie": true, "wann": true, "wo": true, "welche": true,
	"wat": true, "waarom": true, "hoe": true, "wanneer": true, "waar": true, "welke": true, "om": true,
	"vad": true, "varför": true, "hur": true, "när": true, "hvad": true, "hvorfor": true, "hvordan": true, "hvornår": true,
	"hvor": true, "si": true, "quoi": true, "pourquoi": true, "comment": true, "quand": true, "où": true, "qué": true,
	"cómo": true, "cuándo": true, "dónde": true, "como": true, "quando": true, "onde": true,
	"qual": true, "perché": true, "cosa": true, "dove": true, "czy": true, "dlaczego": true,
	"jak": true, "kiedy": true, "gdzie": true, "ли": true, "что": true, "почему": true, "как": true, "когда": true,
	"где": true, "чи": true, "що": true, "apakah": true, "apa": true, "mengapa": true, "kenapa": true, "bagaimana": true,
	"kapan": true, "هل": true, "ماذا": true, "لماذا": true, "متى": true, "كيف": true, "אם": true, "מה": true, "למה": true,
	"מתי": true, "איך": true}

// deniedIdentifiers reports whether a negator stands within four words
// before the identifier at i in its clause, German "keine", Dutch "geen"
// and the Nordic "ingen" among them ("wir sehen keine fremden Namen").
// A negator that disowns ("not ours — customer names") or denies knowing
// the party ("a girl I don't know — her name") is the party's, not the
// identifiers': the look back stops at a stranger word or a verb of
// knowing.
func deniedIdentifiers(toks []token, clause []int, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4 && clause[k] == clause[i]; k-- {
		if disownsAt(toks, k) {
			return false
		}
		if strangerNegator(toks[k]) {
			return true
		}
	}
	return false
}

// fearedOrWished reports whether the identifiers at i are feared or
// wished for, not seen: a word of fear, condition or possibility before
// them in their sentence (asideWords: "I'm worried that another customer
// could see the name and address"), or a wish in it (featureWords: "it
// would be great if we could add another contact with name and phone").
func fearedOrWished(toks []token, i int) bool {
	from, _ := sentenceOf(toks, i)
	for k := from; k < i; k++ {
		if asideWords[toks[k].w] {
			return true
		}
	}
	return sentenceHas(toks, i, featureWords)
}

// pleaseWords make a sentence a request ("please remove the name and
// phone number of another guest"): what it lists is asked for, not seen.
var pleaseWords = mkFlowWords("please", "pls", "bitte", "sil vous plaît", "sil vous plait", "svp", "por favor", "per favore",
	"alstublieft", "aub", "snälla", "vänligen", "venligst", "vennligst", "prosimy", "proszę", "пожалуйста", "будь ласка",
	"lütfen", "tolong", "mohon", "من فضلك", "أرجو", "בבקשה", "कृपया")

// disownsAt reports whether toks[k] is, or ends, a stranger word or is a
// verb of knowing.
func disownsAt(toks []token, k int) bool {
	if matchedAt(toks, k, personKnowVerbs) > 0 || otherWordAt(toks, k) {
		return true
	}
	for j := max(0, k-3); j <= k; j++ {
		if n := matchedAt(toks, j, strangerWords); n > 0 && j+n > k {
			return true
		}
	}
	return false
}

// otherWordAt reports whether toks[k] is a word for "other" in the
// languages beyond English (cues.go's otherWords, an elided article
// set aside: "un'altra"), less notOther.
func otherWordAt(toks []token, k int) bool {
	w, _ := unelided(toks[k].raw)
	return otherWords[w] && !notOther[w]
}

// notOther are otherWords entries that are another language's common
// word: Spanish "más" (more: "tardan más", "más o menos") and "cita",
// "citas" (an appointment).
var notOther = map[string]bool{"más": true, "cita": true, "citas": true}

// privacyIn reports whether a privacy request stands in sentence s: an
// erasure or access request lists the data it asks about, whoever's.
func privacyIn(privacy []hit, sent []int, s int) bool {
	for _, h := range privacy {
		if sent[h.pos] == s {
			return true
		}
	}
	return false
}
