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
//   - a count of three or more people ("four guests", "열 명");
//   - people in the plural, or all of them, with a word for the same
//     problem or for complaining in their sentence (groupSame,
//     groupComplain);
//   - "not only me" (notOnlyMe).
//
// Not in a question, a supposition or a denial (notAReach), nor in a
// sentence that negates (the colleagues "probably don't have it", "others
// don't seem to"), nor a people noun after "your" (the supplier's staff).
// It lifts no cap but that one: elsewhere the reach of many moves
// verdicts the conventions tie to the logs (an outage claim on clean logs
// is medium whatever its reach).

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
	out = append(out, othersSame(toks)...)
	sent := sentences(toks)
	for from := 0; from < len(toks); {
		to := from
		for to < len(toks) && sent[to] == sent[from] {
			to++
		}
		out = append(out, groupInSentence(toks, from, to)...)
		from = to
	}
	return out
}

// groupInSentence reads the rules of this file's own lists in the
// sentence toks[from:to].
func groupInSentence(toks []token, from, to int) []hit {
	if questionMarked(toks, from) {
		return nil
	}
	joined := joinedSentence(toks, from, to)
	if h, ok := notOnlyMeIn(joined, from); ok {
		return []hit{h}
	}
	if sentenceNegates(toks, from, to) {
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
			quant = i
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
		if groupPerson(t) && (reachPlural(t) || groupPluralMark(t)) {
			plural = i
		}
	}
	if len(out) > 0 {
		return out
	}
	who := max(plural, quant)
	if who < 0 {
		for _, q := range groupQuantsUnspaced {
			if strings.Contains(joined, q) {
				who = from
				break
			}
		}
	}
	if who < 0 {
		return nil
	}
	for _, w := range slices.Concat(groupSame, groupComplain) {
		if strings.Contains(joined, w) {
			return []hit{{phrase: phrase{toks[who].raw, strings.TrimSpace(w)}, pos: who}}
		}
	}
	return nil
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
	var b strings.Builder
	b.WriteByte(' ')
	for i := from; i < to; i++ {
		if i > from && !(unspacedWord(toks[i]) && unspacedWord(toks[i-1])) {
			b.WriteByte(' ')
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
func sentenceNegates(toks []token, from, to int) bool {
	for i := from; i < to; i++ {
		w, raw := toks[i].w, toks[i].raw
		if negators[w] || noneWords[w] || foreignNegators[w] || foreignNegators[raw] || groupNegators[toks[i].f] {
			return true
		}
	}
	return false
}

// groupPerson reads a people noun: reach.go's, or a stem of groupPeople
// at the start of the word (after a Hebrew or Arabic article or
// preposition written onto it: "הסטודנטים", "العملاء").
func groupPerson(t token) bool {
	if t.poss {
		return false
	}
	if reachPerson(t) || hasAnyPrefix(t.f, groupPeople) {
		return true
	}
	for _, pre := range []string{"ה", "ו", "ל", "ב", "ש", "ال", "و", "ل", "ب"} {
		if rest, ok := strings.CutPrefix(t.f, pre); ok && rest != "" && hasAnyPrefix(rest, groupPeople) {
			return true
		}
	}
	return false
}

// groupPluralMark reports a plural the ending test of reachPlural does not
// know: Korean "들", the Hebrew "ים"/"ות", Hungarian "k" after a vowel
// sign of the plural ("vásárlók"), the -i/-ы/-и plurals of the Slavic
// languages, Italian and Romanian, the Greek, Turkish and Nordic plurals.
func groupPluralMark(t token) bool {
	return strings.Contains(t.raw, "들") || hasAnySuffix(t.raw, []string{"ים", "ות", "ok", "ek", "ók", "ők", "ák", "ék",
		"i", "ы", "и", "і", "ους", "οι", "lar", "ler", "ları", "leri", "ar", "er", "or"})
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
		tüm bütün her birçok birkaç
		כל הרבה
		كل جميع عدة العديد
		सभी सब हर कई
		semua seluruh setiap banyak beberapa para
		lahat bawat marami
		mọi nhiều các
		모든 모두 다들 여러 많은`) {
		m[w] = true
		m[fold(w)] = true
	}
	return m
}()

// groupQuantsUnspaced are everyone and all of them in the scripts written
// without spaces, read in the joined sentence.
var groupQuantsUnspaced = []string{"皆", "みんな", "全員", "大家", "所有人", "每个人", "每個人", "很多人", "好多人", "ทุกคน", "หลายคน"}

// groupNegators are negators the lists above lack, folded: the Nordic,
// Slavic, Hungarian, Greek, Turkish, Hebrew, Arabic, Hindi, Korean and
// Japanese ones.
var groupNegators = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`inte ikke ikkje ei nie ne nem не ні нет δεν μην değil yok לא אין لا ليس नहीं 않 없 ない せん 没 不`) {
		m[fold(w)] = true
	}
	return m
}()

// groupNumbers are number words of three to twenty the count lists lack.
var groupNumbers = func() map[string]int {
	m := map[string]int{}
	for n, ws := range map[int]string{
		3:  "three drei trois tres três tre drie trzy tři tri három trei три τρεις üç שלושה ثلاثة तीन tiga",
		4:  "four vier quatre cuatro quatro quattro fyra cztery čtyři štyri négy patru четыре чотири τέσσερις dört ארבעה أربعة चार empat",
		5:  "five fünf cinq cinco cinque vijf fem pięć pět päť öt cinci пять п'ять πέντε beş חמישה خمسة पांच 다섯",
		6:  "six sechs seis zes seks sześć šest шесть шість έξι altı",
		8:  "eight acht huit ocho otto åtta osiem osm nyolc восемь вісім οκτώ sekiz",
		10: "ten zehn dix diez dieci tien dziesięć deset tíz десять δέκα 열",
		20: "twenty zwanzig vingt veinte venti twintig tjugo dwadzieścia dvacet húsz двадцать двадцять είκοσι yirmi 스무",
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
	// French, Spanish, Portuguese, Italian
	"gens", "personnes", "employe", "salarie", "chauffeurs", "gente", "compañer", "padres", "socios",
	"conductores", "pacientes", "funcionario", "colegas", "pais", "motoristas", "pessoas", "persone",
	"genitori", "autisti", "pazienti",
	// Polish, Czech, Slovak, Hungarian, Romanian, Croatian and Serbian
	"ludzie", "rodzice", "kierowc", "pacjenc", "pracownic", "koledzy", "uczniow", "lidé", "lidi", "rodiče",
	"řidič", "zaměstnan", "kolegov", "zákazní", "uživatel", "studenti", "žiac", "vásárló", "ügyfel", "ügyfél",
	"felhasználó", "diák", "tanítvány", "kolléga", "munkatárs", "vevő", "utas", "szülő", "clienți", "clienti",
	"utilizator", "studenți", "părinți", "șoferi", "pacienți", "colegi", "angajați", "oameni", "kupc",
	"korisni", "kupci", "roditelj", "vozač", "zaposlen",
	// Russian, Ukrainian, Greek, Turkish
	"продавц", "покупц", "користувач", "клієнт", "учн", "батьк", "родител", "колег", "співробітник",
	"сотрудник", "працівник", "водител", "водії", "водій", "люди", "пацієнт", "пациент",
	"πελάτ", "χρήστ", "φοιτητ", "μαθητ", "γονε", "οδηγ", "ασθεν", "συνάδελφ", "υπάλληλ", "άνθρωπ", "φίλ",
	"müşteri", "kullanıcı", "öğrenci", "veli", "sürücü", "hasta", "çalışan", "arkadaş", "insan",
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
	" same ", " the same", " gleich", " glich", " dasselbe", " dieselbe", " lo mismo", " o mesmo", " la même", " lo stesso",
	" hetzelfde", " samma", " samme", " to samo", " totéž", " to isté", " ugyanez", " ugyanaz", " ugyanígy",
	" то же самое", " те саме", " те ж саме", " aynı", " το ίδιο", " אותו דבר", " אותה בעיה", " نفس ",
	" वही ", " sama", " giống", " pareho", "같은", "똑같", "同じ", "一样", "同样", "เหมือนกัน")

var groupComplain = foldedPhrases(
	" complain", " moan", " beschwer", " klag", " plaign", " quej", " reclam", " lament", " skarż", " stěžuj",
	" sťažuj", " panaszk", " jelez", " plâng", " žal", " жалу", " скарж", " παραπον", " şikayet",
	" מתלונ", " يشتك", " शिकायत", " mengeluh", " nagrereklamo", " phàn nàn", "불만", "항의",
	"苦情", "投诉", "抱怨", "บ่น")

// notOnlyMe are "not only me", "not just for me" in the languages tickets
// come in, folded and read in the joined sentence.
var notOnlyMe = foldedPhrases(
	" not just me", " not only me", " not only for me", " not just for me", " no solo a mi", " no solo yo",
	" no solo a mí", " não só eu", " não só comigo", " nao so eu", " nicht nur bei mir", " nicht nur ich", " nicht nur mir",
	" pas que moi", " pas seulement moi", " pas seulement chez moi", " non solo a me", " non solo io",
	" niet alleen bij mij", " niet alleen ik", " inte bara jag", " inte bara för mig", " ikke bare meg", " ikke kun mig",
	" nie tylko u mnie", " nie tylko ja", " nie tylko mnie", " nejen mně", " nejen já", " nielen mne", " nielen ja",
	" nem csak nekem", " nem csak nálam", " nem csak én", " не только у меня", " не только я", " не лише в мене",
	" не тільки в мене", " не лише я", " όχι μόνο σε μένα", " όχι μόνο εγώ", " sadece bende değil", " sadece ben değil",
	" bukan hanya saya", " bukan cuma saya", " không chỉ mình tôi", " hindi lang ako", " לא רק אצלי", " לא רק אני",
	" ليس أنا فقط", " सिर्फ मैं नहीं", " सिर्फ मेरे साथ नहीं", " nu doar eu", " nu doar mie", " ne samo meni", " ne samo ja",
	"不只是我", "不止我", "不仅是我", "私だけではな", "私だけじゃな", "저만 그런 게 아니", "나만 그런 게 아니", "ไม่ใช่แค่ฉัน")

// foldedPhrases folds each phrase as fold folds a word, its spaces kept.
func foldedPhrases(ps ...string) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, fold(strings.ToLower(p)))
	}
	return out
}
