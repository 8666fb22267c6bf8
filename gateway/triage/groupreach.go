package triage

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Round sixty-four: a group the slowness reaches, told anywhere in the
// writer's words and in more languages (issue #14).
//
// slowReachCap holds slowness the warnings confirm at medium when the
// words read no reach of many (one writer's slowness). The readers of
// reach (reach.go, otherssame.go, the scope lists) want the people in the
// sentence that tells the failure, and read them in the languages of the
// tuning sets: the writers of slowness tickets tell the reach in a
// sentence of its own ("It's the same in all four branches.", "That
// affects all our customers.", "Everyone in the parents' chat says the
// same.") and in every language tickets come in. A ticket whose only
// problem is the slowness has nothing else for its people to be reached
// by, so here the reach is read in any sentence of the writer's words:
//
//   - the readers' own: a count of people, "all" or "every" before a
//     people or place noun, people who told the writer, others with the
//     same problem (countedMany, allPeople, toldBy, othersSame);
//   - a word for all, every, many or several before a people or place
//     noun within three words, in about thirty languages (groupQuants,
//     groupPeople);
//   - a count of three or more people ("four guests", "열 명"): within
//     this cap, where the warnings already confirm the slowness for the
//     requests, three people (or "several") tell that more than the
//     writer and one other are slowed, as "not only me" does; the scope
//     readers' six (countedMany) and fewOf's few stand for a claim the
//     logs have not confirmed (the review's decision, below);
//   - people in the plural, or a pronoun for everyone ("everyone",
//     "iedereen", "다들", "皆"), with a word for the same problem or for
//     complaining in their sentence (groupSame, groupComplain); a word
//     for all or every alone names no one ("every time it's the same"),
//     a plural is read by the noun's language (groupPlural: "customer" and
//     "müşteri" are one person), and the same said of a thing the people
//     share is none ("my colleagues use the same browser");
//   - "not only me" (notOnlyMe).
//
// Not in a question (a Greek one ends with ";"), a supposition ("if",
// supposed) or a denial (notAReach), nor a people noun after "your" (the
// supplier's staff). This file's own rules (groupInSentence) also read
// nothing in a sentence that negates (the colleagues "probably don't have
// it", "others don't seem to", "同じではありません"); the readers' own
// readings are dropped only as their readers and notAReach drop them (a
// negator right before, "if" up to four words before), so "All our
// branches are probably not affected." still reads a group.
// It lifts no cap but that one, on a core flow only (a service that is
// no core flow keeps round fifty-six's cap): elsewhere the reach of many
// moves verdicts the conventions tie to the logs (an outage claim on clean
// logs is medium whatever its reach).
//
// The review's mends (round sixty-four's README, "The review, and its
// mends") narrowed the last three rules and the lists; the labeled
// figures did not move.

// groupReach returns the words that tell a group of people besides the
// writer reached by the problem, in any sentence of toks.
func groupReach(toks []token) []hit {
	var out []hit
	for _, rs := range [][]reachHit{countedMany(toks), allPeople(toks), toldBy(toks)} {
		for _, r := range rs {
			if !r.neg && !notAReach(toks, r.pos) && !yours(toks, r.pos, r.end) {
				out = append(out, r.hit)
			}
		}
	}
	for _, h := range othersSame(toks) {
		if from, to := sentenceOf(toks, h.pos); !questionMarked(toks, h.pos) && !supposed(toks, from, to) {
			out = append(out, h)
		}
	}
	for from := 0; from < len(toks); {
		_, to := sentenceOf(toks, from)
		out = append(out, groupInSentence(toks, from, to)...)
		from = to
	}
	return out
}

// groupInSentence reads the rules of this file's own lists in the
// sentence toks[from:to].
func groupInSentence(toks []token, from, to int) []hit {
	if questionMarked(toks, from) || supposed(toks, from, to) {
		return nil
	}
	joined := joinedSentence(toks, from, to)
	if h, ok := notOnlyMeIn(joined, from); ok {
		return []hit{h}
	}
	if sentenceNegates(toks, from, to, joined) {
		return nil
	}
	var out []hit
	plural, quant := -1, -1
	for i := from; i < to; i++ {
		t := toks[i]
		if groupPerson(t) && yours(toks, i, i) {
			continue
		}
		if groupQuant(t) {
			// a word for all, every, many or several stands for the
			// people alone only when it is a pronoun for everyone:
			// "every time", "alle Browser", "varios días" name no one
			if groupEveryone[t.f] {
				quant = i
			}
			for k := i + 1; k < to && k <= i+3; k++ {
				if groupPerson(toks[k]) || reachPlace(toks[k]) {
					out = append(out, hit{phrase: phrase{t.raw, toks[k].raw}, pos: i})
					break
				}
			}
		}
		if n, ok := groupCount(toks, i); ok && n >= 3 {
			for k := i + 1; k < to && k <= i+3; k++ {
				if groupPerson(toks[k]) || toks[k].raw == "명" || strings.HasPrefix(toks[k].raw, "명") {
					out = append(out, hit{phrase: phrase{t.raw, toks[k].raw}, pos: i})
					break
				}
			}
		}
		// round eighty-three (slowshared.go): "four of us", told with the
		// same problem or a complaint
		if h, ok := countOfUs(toks, from, i, to); ok {
			if _, same := groupSameOrComplainIn(toks, from, to); same {
				out = append(out, h)
			}
		}
		if groupPerson(t) && groupPlural(t) {
			plural = i
		}
	}
	if len(out) > 0 {
		return out
	}
	who, whoWord := max(plural, quant), ""
	if who >= 0 {
		whoWord = toks[who].raw
	} else {
		for _, q := range groupQuantsUnspaced {
			if strings.Contains(joined, q) {
				who, whoWord = from, q
				break
			}
		}
	}
	if who < 0 {
		return nil
	}
	if w, ok := groupSameOrComplainIn(toks, from, to); ok {
		return []hit{{phrase: phrase{whoWord, w}, pos: who}}
	}
	return nil
}

// groupSameOrComplainIn returns the word of groupSameOrComplain the
// sentence toks[from:to] tells, if any. The same said of a thing the
// people share is no same problem ("my colleagues use the same browser"):
// its word is left out.
func groupSameOrComplainIn(toks []token, from, to int) (string, bool) {
	thing := func(k int) bool {
		return sameWords[toks[k].raw] && sharedThing(toks, hit{phrase: phrase{toks[k].raw}, pos: k})
	}
	joined := joinedWords(toks, from, to, thing)
	for _, w := range groupSameOrComplain {
		if strings.Contains(joined, w) {
			return strings.TrimSpace(w), true
		}
	}
	return "", false
}

// supposed reports whether the sentence toks[from:to] supposes ("If other
// customers complain too, please let me know"): a word of ifWords in it.
func supposed(toks []token, from, to int) bool {
	for i := from; i < to; i++ {
		if ifWords[toks[i].w] {
			return true
		}
	}
	return false
}

// yours reports whether the people of toks[from:to+1] are the
// supplier's ("your support staff said the same"): a word for "your"
// among them or in the two words before them.
func yours(toks []token, from, to int) bool {
	for k := max(0, from-2); k <= to && k < len(toks); k++ {
		if yourWords[toks[k].w] {
			return true
		}
	}
	return false
}

// joinedSentence is the sentence's words folded, a space between words
// and none between the characters of a script written without spaces,
// between two spaces: " les pasa lo mismo ", " ファン仲間も皆同じ ".
func joinedSentence(toks []token, from, to int) string {
	return joinedWords(toks, from, to, func(int) bool { return false })
}

// joinedWords is joinedSentence with the words skip reports written as
// "·".
func joinedWords(toks []token, from, to int, skip func(int) bool) string {
	var b strings.Builder
	b.WriteByte(' ')
	for i := from; i < to; i++ {
		if i > from && !(unspacedWord(toks[i]) && unspacedWord(toks[i-1])) {
			b.WriteByte(' ')
		}
		if skip(i) {
			b.WriteString("·")
			continue
		}
		b.WriteString(toks[i].f)
	}
	b.WriteByte(' ')
	return b.String()
}

func unspacedWord(t token) bool {
	r, _ := utf8.DecodeRuneInString(t.raw)
	return unspaced(r)
}

// notOnlyMeIn finds "not only me" in a sentence joined by joinedSentence.
func notOnlyMeIn(joined string, pos int) (hit, bool) {
	for _, p := range notOnlyMe {
		if strings.Contains(joined, p) {
			return hit{phrase: phrase{strings.TrimSpace(p)}, pos: pos}, true
		}
	}
	return hit{}, false
}

// sentenceNegates reports whether a negator of any language the lists
// hold stands in the sentence: "my colleagues probably don't have it",
// "Andra verkar inte ha problem", "nobody else".
func sentenceNegates(toks []token, from, to int, joined string) bool {
	for i := from; i < to; i++ {
		if negatorWord(toks[i]) || groupNegators[toks[i].f] {
			return true
		}
	}
	for _, n := range groupNegatorsJoined {
		if strings.Contains(joined, n) {
			return true
		}
	}
	return false
}

// groupPerson reads a people noun: reach.go's, or a stem of groupPeople
// at the start of the word (after a Hebrew or Arabic article or
// preposition written onto it: "הסטודנטים", "العملاء"), or a Turkish or
// Hungarian one. A possessive ("customer's") is one person: reachPerson
// leaves it out, and the stems hold no English word.
func groupPerson(t token) bool {
	if reachPerson(t) || hasAnyPrefix(t.f, groupPeople) || afterStemPerson(t.f) {
		return true
	}
	u := unattached(t, attachedPrefixes, 1)
	return u != nil && hasAnyPrefix(u[0].f, groupPeople)
}

// attachedPrefixes are the Hebrew and Arabic articles, conjunctions and
// prepositions written onto the word they stand before.
var attachedPrefixes = []string{"ה", "ו", "ל", "ב", "ש", "ال", "و", "ل", "ب"}

// afterStemPerson reports a Turkish or Hungarian people noun, folded.
func afterStemPerson(f string) bool {
	for _, a := range groupAfterStem {
		for _, stem := range a.stems {
			if strings.HasPrefix(f, stem) {
				return true
			}
		}
	}
	return false
}

// groupPlural reports whether a people noun is in the plural: an English
// one by reachPlural alone (the endings below would take "customer" and
// "user" for plurals); a Turkish or Hungarian one by the plural its
// language adds after the word ("müşteriler", "diákok": the ending of a
// singular, "müşteri", "diák", is none); another by reachPlural or
// groupPluralMark.
func groupPlural(t token) bool {
	if englishPerson(t) {
		return reachPlural(t)
	}
	for _, a := range groupAfterStem {
		for _, stem := range a.stems {
			if rest, ok := strings.CutPrefix(t.f, stem); ok {
				return hasAnyPrefix(rest, a.marks)
			}
		}
	}
	return reachPlural(t) || groupPluralMark(t)
}

// groupPluralMark reports a plural the ending test of reachPlural does not
// know: Korean "들", the Hebrew "ים"/"ות", the -i/-ы/-и plurals of the
// Slavic languages, Italian and Romanian, the Greek and Nordic plurals.
func groupPluralMark(t token) bool {
	return strings.Contains(t.raw, "들") || hasAnySuffix(t.raw, []string{"ים", "ות",
		"i", "ы", "и", "і", "ους", "οι", "ar", "er", "or"})
}

// groupAfterStem are the people stems, folded, of the languages that
// write the plural after the word, and the marks it begins with: Turkish
// "-lar"/"-ler" ("müşterilerimiz"), Hungarian "-k" ("vásárlók",
// "ügyfelek", "diákok"; "ügyfelünk" is our one customer).
var groupAfterStem = []struct{ stems, marks []string }{
	{foldedStems("müşteri", "kullanıcı", "öğrenci", "veli", "sürücü", "çalışan", "arkadaş", "insan"),
		[]string{"lar", "ler"}},
	{foldedStems("vásárló", "ügyfel", "ügyfél", "felhasználó", "diák", "tanítvány", "kolléga", "munkatárs", "vevő", "utas", "szülő"),
		[]string{"k", "ok", "ek", "ök", "ak", "ák", "ék"}},
}

// englishPerson reports whether t is one of reachPeople's English words,
// whose plural reachPlural reads: the endings of groupPluralMark would
// take "customer" and "user" for plurals.
func englishPerson(t token) bool {
	for _, p := range reachPeople {
		if t.raw == p || t.raw == p+"s" {
			return true
		}
	}
	return false
}

// groupQuant reports a word for all, every, many or several.
func groupQuant(t token) bool {
	return isAll(t) || groupQuants[t.f] || groupQuants[t.raw]
}

// groupCount reads a count at toks[i]: reach.go's (digits, number words),
// or a number word of groupNumbers.
func groupCount(toks []token, i int) (int, bool) {
	if clockPart(toks, i) || notHeadcount(toks, i) {
		return 0, false
	}
	if n, ok := groupNumbers[toks[i].f]; ok {
		return n, true
	}
	return countOf(toks[i])
}

// groupQuants are the words for all, every, each, many and several, as
// written and folded, in the languages tickets come in that write spaces.
var groupQuants = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`all every each everyone everybody many several multiple numerous
		alle allen aller jede jeder jedem jeden sämtliche viele mehrere allne alli
		tous toutes chaque plusieurs nombreux nombreuses
		todos todas cada muchos muchas mucha varios varias
		muitos muitas vários várias
		tutti tutte ogni molti molte parecchi diversi
		elke iedere veel meerdere
		alla varje många flera samtliga hver mange flere
		kaikki jokainen monet useat
		wszyscy wszystkich wszystkim każdy każdego wielu kilku kilkunastu
		všichni všech všem každý mnoho několik
		všetci všetkých každý mnohí viacerí
		minden mindegyik összes sok több számos valamennyi többen
		toți toate fiecare mulți multe câțiva
		svi sve svih svaki mnogi nekoliko
		все всех всем каждый каждого многие многих несколько
		всі усі всіх усіх кожен кожного багато багатьох кілька декілька
		όλοι όλους όλες όλα κάθε πολλοί πολλούς πολλές αρκετοί αρκετούς
		tüm bütün herkes birçok birkaç
		כל הרבה
		كل جميع عدة العديد
		सभी सब हर कई
		semua seluruh setiap banyak beberapa
		lahat bawat marami
		mọi nhiều các
		모든 모두 다들 여러 많은`) {
		m[w] = true
		m[fold(w)] = true
	}
	return m
}()

// groupEveryone are the words of groupQuants that are a pronoun for
// everyone, never a determiner of a thing: alone they stand for the
// people ("everyone says the same"); the others do only before a people
// or place noun ("every time it's the same" names no one).
var groupEveryone = map[string]bool{"everyone": true, "everybody": true, "herkes": true, "iedereen": true, "다들": true}

// groupQuantsUnspaced are everyone and all of them in the scripts written
// without spaces, read in the joined sentence.
var groupQuantsUnspaced = []string{"皆", "みんな", "全員", "大家", "所有人", "每个人", "每個人", "很多人", "好多人", "ทุกคน", "หลายคน"}

// groupNegators are negators the lists above lack, folded: the Nordic,
// Slavic, Hungarian, Greek, Turkish, Hebrew, Arabic, Hindi and Chinese
// ones.
var groupNegators = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`inte ikke ikkje ei nie ne nem не ні нет δεν μην değil yok לא אין لا ليس नहीं 没 不`) {
		m[fold(w)] = true
	}
	return m
}()

// groupNegatorsJoined are the Japanese and Korean negations, read in the
// joined sentence: Japanese is tokenized a character at a time and
// Korean writes the negation onto the verb ("없어요", "같지 않아요",
// "同じではありません").
var groupNegatorsJoined = []string{"ない", "せん", "않", "없"}

// groupNumbers are number words of three to twenty the count lists
// (shareNumbers, reachCounts: countOf) lack, and those of them written
// with diacritics, folded ("funf", "piec").
var groupNumbers = func() map[string]int {
	m := map[string]int{}
	for n, ws := range map[int]string{
		3: "tři tri három trei три τρεις üç שלושה ثلاثة तीन tiga",
		4: "čtyři štyri négy patru четыре чотири τέσσερις dört ארבעה أربعة चार empat",
		5: "fünf pięć pět päť öt cinci пять п'ять πέντε beş חמישה خمسة पांच 다섯",
		6: "sechs seis zes seks sześć šest шесть шість έξι altı",
		8: "acht huit ocho otto åtta osiem osm nyolc восемь вісім οκτώ sekiz",
		// and, since round eighty-seven's review, the round counts ("una
		// trentina di persone", "une dizaine de collègues", "a dozen guests")
		10: "dziesięć deset tíz десять δέκα 열 dizaine decina decena dezena tiental",
		12: "dozen dutzend",
		20: "tjugo dwadzieścia dvacet húsz двадцать двадцять είκοσι yirmi 스무 vingtaine ventina veintena",
		30: "trentaine trentina treintena",
	} {
		for _, w := range strings.Fields(ws) {
			m[fold(w)] = n
		}
	}
	return m
}()

// groupPeople are people nouns as stems, folded, beyond reach.go's: the
// customers, users, buyers and sellers, staff and colleagues, students,
// parents, members, guests, drivers, patients, friends and people of the
// languages tickets come in.
var groupPeople = foldedStems(
	// German, Dutch, the Nordic languages
	"leute", "eltern", "fahrer", "angestellt", "mensen", "ouders", "chauffeur", "kunder", "kunde", "användare",
	"kollegor", "elever", "föräldrar", "förare", "anställda", "brukere", "ansatte", "foreldre", "sjåfører",
	// French, Spanish, Portuguese, Italian (the Portuguese guests and
	// users since round ninety-nine's review: "todos os hóspedes")
	"gens", "personnes", "employe", "salarie", "chauffeurs", "gente", "compañer", "padres", "socios",
	"conductores", "pacientes", "funcionario", "colegas", "pais", "motoristas", "pessoas", "persone",
	"genitori", "autisti", "pazienti", "hóspede", "utilizador",
	// Polish, Czech, Slovak, Romanian, Croatian and Serbian
	"ludzie", "rodzice", "kierowc", "pacjenc", "pracownic", "koledzy", "uczniow", "lidé", "lidi", "rodiče",
	"řidič", "zaměstnan", "kolegov", "zákazní", "uživatel", "studenti", "žiac", "clienți", "clienti",
	"utilizator", "studenți", "părinți", "șoferi", "pacienți", "colegi", "angajați", "oameni", "kupc",
	"korisni", "kupci", "roditelj", "vozač", "zaposlen",
	// Russian, Ukrainian, Greek; the Turkish patients in the plural (the
	// singular is the Spanish "hasta", until); the other Turkish and the
	// Hungarian people are groupAfterStem's
	"продавц", "покупц", "користувач", "клієнт", "учн", "батьк", "родител", "колег", "співробітник",
	"сотрудник", "працівник", "водител", "водії", "водій", "люди", "пацієнт", "пациент",
	"πελάτ", "χρήστ", "φοιτητ", "μαθητ", "γονε", "οδηγ", "ασθεν", "συνάδελφ", "υπάλληλ", "άνθρωπ", "φίλ", "hastalar",
	// Hebrew, Arabic, Hindi
	"סטודנט", "לקוח", "משתמש", "הורים", "תלמיד", "עובד", "חבר", "נהג", "מטופל", "אנשים",
	"عملاء", "عميل", "مستخدم", "طلاب", "أهالي", "سائق", "موظف", "زملاء", "مرضى", "ناس",
	"ग्राहक", "उपयोगकर्ता", "छात्र", "ड्राइवर", "कर्मचारी", "सहकर्मी", "लोग",
	// Indonesian and Malay, Tagalog, Vietnamese, Korean
	"pelanggan", "pengguna", "siswa", "mahasiswa", "sopir", "pasien", "karyawan", "rekan", "teman", "orang",
	"kustomer", "estudyante", "magulang", "kasamahan", "khách", "người dùng", "sinh viên", "học sinh",
	"phụ huynh", "tài xế", "đồng nghiệp", "nhân viên", "bệnh nhân",
	"학부모", "학생", "고객", "사용자", "직원", "동료", "친구", "회원", "손님", "기사", "부모",
)

// groupSame are the words for the same problem, and groupComplain those
// for complaining, folded and read in the joined sentence: a group with
// one of them in its sentence is reached by the problem ("Four guests so
// far, all the same", "Das isch in allne Filiale glich", "다들 같은
// 얘기를 합니다", "ファン仲間も皆同じことを言っています").
var groupSame = foldedPhrases(
	" same ", " the same", " gleich", " glich", " dasselbe", " dieselbe", " lo mismo", " el mismo", " o mesmo", " la même", " le même", " lo stesso",
	" hetzelfde", " samma", " samme", " to samo", " totéž", " to isté", " ugyanez", " ugyanaz", " ugyanígy", " aceeași", " același",
	" то же самое", " те саме", " те ж саме", " aynı", " το ίδιο", " אותו דבר", " אותה בעיה", " نفس ",
	" वही ", " sama", " giống", " pareho", "같은", "똑같", "同じ", "一样", "同样", "เหมือนกัน")

var groupComplain = foldedPhrases(slices.Concat(spaced(complainStems), []string{
	" moan", " skarż", " stěžuj",
	" sťažuj", " panaszk", " jelez", " plâng", " žal", " жалу", " скарж", " παραπον", " şikayet",
	" מתלונ", " يشتك", " शिकायत", " mengeluh", " nagrereklamo", " phàn nàn", "불만", "항의",
	"苦情", "投诉", "抱怨", "บ่น"})...)

// groupSameOrComplain are both lists, read one after the other.
var groupSameOrComplain = slices.Concat(groupSame, groupComplain)

// notOnlyMe are "not only me", "not just for me" in the languages tickets
// come in, folded and read in the joined sentence (the Portuguese "não só
// para mim" since round ninety-nine's review).
var notOnlyMe = foldedPhrases(
	" not just me", " not only me", " not only for me", " not just for me", " no solo a mi", " no solo yo",
	" no solo a mí", " não só eu", " não só comigo", " nao so eu", " não só para mim", " não só a mim", " nicht nur bei mir", " nicht nur ich", " nicht nur mir",
	" pas que moi", " pas seulement moi", " pas seulement chez moi", " non solo a me", " non solo io",
	" niet alleen bij mij", " niet alleen ik", " inte bara jag", " inte bara för mig", " ikke bare meg", " ikke kun mig",
	" nie tylko u mnie", " nie tylko ja", " nie tylko mnie", " nejen mně", " nejen já", " nielen mne", " nielen ja",
	" nem csak nekem", " nem csak nálam", " nem csak én", " не только у меня", " не только я", " не лише в мене",
	" не тільки в мене", " не лише я", " όχι μόνο σε μένα", " όχι μόνο εγώ", " sadece bende değil", " sadece ben değil",
	" bukan hanya saya", " bukan cuma saya", " không chỉ mình tôi", " hindi lang ako", " לא רק אצלי", " לא רק אני",
	" ليس أنا فقط", " सिर्फ मैं नहीं", " सिर्फ मेरे साथ नहीं", " nu doar eu", " nu doar mie", " ne samo meni", " ne samo ja",
	"不只是我", "不止我", "不仅是我", "私だけではな", "私だけじゃな", "저만 그런 게 아니", "나만 그런 게 아니", "ไม่ใช่แค่ฉัน")

// spaced returns the words each after a space, to be read at a word's
// start in a joined sentence.
func spaced(ws []string) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		out = append(out, " "+w)
	}
	return out
}

// foldedPhrases folds each phrase as fold folds a word, its spaces kept.
func foldedPhrases(ps ...string) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, fold(strings.ToLower(p)))
	}
	return out
}
