package triage

import (
	"slices"
	"strings"
)

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
// it asks about); the party words stand in that sentence, the one before
// or after it, or the subject (the text's first sentence).

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
		"indirizz*", "endereço*", "адрес*", "alamat", "cím", "címe", "címét", "osoite*", "διεύθυνσ*", "عنوان*", "כתובת*", "पता",
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
		"numero di documento", "numéro de document", "dni", "ausweis*", "legitimatie*", "social security number*", "ssn")},
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
	"fremde*", "fremder", "fremden", "fremmed*", "främmande", "vreemde*", "inconnu*", "desconocid*", "sconosciut*",
	"estranh*", "obcy", "obca", "obce", "obcej", "obcego", "obcych", "незнаком*", "незнайом*", "غريب*", "זר", "זרה", "זרים", "अनजान", "tanımadığım*", "yabancı",
	"nicht mein*", "nicht unser*", "niet van mij", "niet van ons", "niet mijn", "niet onze", "pas à moi", "pas à nous",
	"pas la mienne", "pas le mien", "pas les miens", "pas les miennes", "inte min", "inte mitt", "inte mina", "inte vår*",
	"ikke min*", "ikke mit", "ikke vor*", "no es mío", "no es mía", "no son míos", "no son mías", "no es nuestr*",
	"não é meu", "não é minha", "não são meus", "não são minhas", "non è mio", "non è mia", "non sono miei",
	"non sono nostr*", "nie moje", "nie mój", "nie moja", "не мой", "не моя", "не моё", "не мое", "не мої", "не наш*",
	"bukan milik*", "bukan punya*", "ليست لي", "ليس لي", "ليست لنا", "לא שלי", "לא שלנו", "मेरा नहीं", "मेरी नहीं",
	"किसी और", "benim değil", "bizim değil")

// personKnowVerbs are the verbs of knowing a person: a negator before one in
// its clause ("a family I don't know", "een gezin dat ik niet ken",
// "wij kennen die zaak niet") names a stranger.
var personKnowVerbs = mkFlowWords("know", "knew", "ken", "kennen", "kenne", "kent", "känner", "kender", "kjenner", "connais",
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
		if askedAt(toks, first) || askedSentence(toks, first) || sharedAccount(toks, first) ||
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

// matchedAt returns the length of the longest phrase of set at toks[i],
// 0 for none; an Arabic word is read without its conjunction too.
func matchedAt(toks []token, i int, set *phraseSet) int {
	n := 0
	set.at(toks, i, func(p phrase) { n = max(n, len(p)) })
	if n == 0 && strings.HasPrefix(toks[i].raw, arabicAnd) && len(toks[i].raw) > len(arabicAnd) {
		t := toks[i]
		t.raw = strings.TrimPrefix(t.raw, arabicAnd)
		t.w, t.f, t.fw = t.raw, t.raw, t.raw
		one := []token{t}
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
		if ownWords[toks[k].raw] && (!ambiguousOwn[toks[k].raw] || k > 0 && ownPreps[toks[k-1].w]) || ownIdentifiers[toks[k].raw] {
			return true
		}
	}
	return false
}

// ownIdentifiers are first-person possessives ownWords leaves out, whose
// identifiers are the writer's: "mes données", "meine Adresse", "mina
// uppgifter", "moje dane".
var ownIdentifiers = map[string]bool{"mes": true, "nos": true, "meine": true, "meinen": true, "unsere": true,
	"mina": true, "mitt": true, "vår": true, "våra": true, "mine": true, "vores": true, "meus": true, "minhas": true,
	"nossos": true, "nossas": true, "miei": true, "mie": true, "nostri": true, "nostre": true, "nuestros": true,
	"nuestras": true, "moje": true, "moja": true, "мой": true, "моя": true, "моё": true, "мои": true, "мій": true,
	"мої": true, "benim": true, "मेरा": true, "मेरी": true, "मेरे": true}

// strangerNear reports whether the party is disowned in sentence s, the
// one before or after it, or the first (a ticket's text opens with its
// subject): a stranger word not followed by the writer's own possessive
// ("another of my orders"), or a negated verb of knowing.
func strangerNear(toks []token, clause, sent []int, s int) bool {
	for i := range toks {
		if d := sent[i] - s; (d < -1 || d > 1) && sent[i] != 0 {
			continue
		}
		n := matchedAt(toks, i, strangerWords)
		if n == 0 && otherWordAt(toks, i) {
			n = 1
		}
		if n > 0 {
			if j := i + n; j+1 < len(toks) && (ownWords[toks[j].raw] || ownWords[toks[j+1].raw] && toks[j].w == "of") {
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

// negatorBefore reports whether a negator stands in toks[i]'s clause
// within four words before it, or right after it ("kennen … niet", a
// verb-second language's negator after its verb, within four words).
func negatorBefore(toks []token, clause []int, i int) bool {
	for k := max(0, i-4); k < len(toks) && k <= i+4; k++ {
		if k == i || clause[k] != clause[i] {
			continue
		}
		w := toks[k].w
		if negators[w] || foreignNegators[w] || foreignNegators[toks[k].raw] || postNegators[toks[k].raw] {
			return true
		}
	}
	return false
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
var complementizers = map[string]bool{"if": true, "whether": true, "what": true, "why": true, "how": true, "when": true,
	"where": true, "which": true, "ob": true, "was": true, "warum": true, "wie": true, "wann": true, "wo": true, "welche": true,
	"of": true, "wat": true, "waarom": true, "hoe": true, "wanneer": true, "waar": true, "welke": true, "om": true,
	"vad": true, "varför": true, "hur": true, "när": true, "hvad": true, "hvorfor": true, "hvordan": true, "hvornår": true,
	"hvor": true, "si": true, "quoi": true, "pourquoi": true, "comment": true, "quand": true, "où": true, "qué": true,
	"que": true, "cómo": true, "cuándo": true, "dónde": true, "se": true, "como": true, "quando": true, "onde": true,
	"qual": true, "perché": true, "cosa": true, "come": true, "dove": true, "czy": true, "co": true, "dlaczego": true,
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
		w := toks[k].w
		if negators[w] || foreignNegators[w] || foreignNegators[toks[k].raw] || postNegators[toks[k].raw] {
			return true
		}
	}
	return false
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
// set aside: "un'altra").
func otherWordAt(toks []token, k int) bool {
	w, _ := unelided(toks[k].raw)
	return otherWords[w]
}

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
