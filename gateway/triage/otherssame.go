package triage

import "strings"

// Round forty-two: others who have the same problem. A writer who says
// that other people have it too ("my colleagues in the office have the
// same", "mes trois collègues ont le même problème", "auch andere Eltern
// haben das gleiche Problem", "komşum da aynı sorunu yaşıyor", "友人5人も
// 同じ状態") reports a failure beyond their own: the labels read such a
// report as one for many. The writer's own retries said the same way
// ("I tried again, same error", "different card, same thing") name no
// one else and stay the writer's. None of the lists is learned as read text
// (mkFlowWords): a ticket in a language the lists do not read stays
// unread for these words ("arkadaşlarım", "aynı"), so its fallback on the
// logs is kept.

// sameTrouble says "the same problem" (or error, or thing) in the
// languages tickets come in.
var sameTrouble = mkFlowWords(
	"same problem", "same issue", "same error", "same thing", "same message", "same here", "have the same", "has the same",
	"had the same", "having the same", "get the same", "getting the same", "see the same", "seeing the same",
	"saying the same", "say the same", "said the same",
	"même problème", "même erreur", "même souci", "même chose", "pareil",
	"mismo problema", "mismo error", "lo mismo", "misma cosa",
	"mesmo problema", "mesmo erro", "o mesmo", "a mesma coisa",
	"stesso problema", "stesso errore", "la stessa cosa",
	"gleiche problem", "gleichen problem", "gleiche fehler", "gleichen fehler", "dasselbe", "das gleiche", "selbe problem", "selben problem",
	"zelfde probleem", "zelfde fout", "hetzelfde",
	"samma problem", "samma fel", "samme problem", "samme feil", "samme fejl",
	"to samo", "ten sam problem", "ten sam błąd", "taki sam problem", "stejný problém", "to samé",
	"aynı sorun*", "aynı hata*", "aynı problem*",
	"то же самое", "ту же ошибку", "та же проблема", "такая же проблема", "такая же ошибка",
	"同じ症状", "同じ状態", "同じエラー", "同じ問題", "同样的问题", "一样的问题", "同样问题", "같은 문제*", "같은 오류*")

// otherPeople are people besides the writer who can have a problem too:
// colleagues, friends and family, neighbours, a group. A list word is
// stemmed like a ticket's (mkPhrase), so a plural whose stem is another
// word ("others" → "other", "gens" → "gen", "primos" → the Italian
// "primo", first) is in othersAsTyped instead, matched as typed; and
// "other" itself is in otherDeterminers.
var otherPeople = mkFlowWords(
	"colleague*", "coworker*", "co-worker*", "friend", "neighbour", "neighbor", "sister", "brother", "husband", "wife",
	"cousin*", "other people", "people", "group", "staff", "team",
	"collègue*", "ami", "amis", "amie", "voisin*", "sœur", "frère", "mari",
	"compañero*", "compañera*", "amigo*", "amiga*", "vecino*", "vecina*", "hermano*", "hermana*", "gente",
	"colega*", "vizinho*", "vizinha*", "irmã", "irmão",
	"collega", "colleghi", "amici", "vicini",
	"kollege*", "kollegin*", "freund", "freunde", "freunden", "freundin", "freundinnen", "nachbar*", "schwester", "bruder", "leute", "eltern",
	"collega's", "vrienden", "buren", "mensen",
	"kollega*", "kolleger", "vänner", "venner",
	"koleżank*", "koleg*", "znajom*", "sąsiad*", "inni", "kolegové", "kolegyně",
	"komşu*", "arkadaş*", "meslektaş*",
	"коллег*", "друз*", "сосед", "соседи", "соседа", "соседу", "соседей", "соседям", "соседка", "соседки", "соседке",
	"友人", "同僚", "同事", "朋友", "别人", "동료*", "친구*")

// othersAsTyped are the words for others whose stem is another word:
// matched as the ticket typed them.
var othersAsTyped = map[string]bool{"others": true, "gens": true, "amies": true, "parents": true, "personas": true,
	"pessoas": true, "primos": true}

// otherDeterminers say "other" or "the others": read as people only with
// a person after them ("andere Eltern", "d'autres clients", "diğer
// kullanıcılar", "他の方"), not before a thing ("une autre carte", "altri
// browser", "他のブラウザ": the writer's own retry).
var otherDeterminers = mkFlowWords("other", "another", "autres", "otros", "otras", "outros", "outras", "altri", "altre",
	"andere", "anderen", "andra", "andre", "diğer*", "другие", "других", "他の")

// otherPersons are the persons an "other" can name beyond otherPeople,
// and the cars that stand for their drivers at a charger ("die anderen 5
// Autos an den Säulen haben genau das gleiche", h59-07).
var otherPersons = mkFlowWords("kullanıcı*", "müşteri*", "пользовател*", "клиент*", "utent*", "nutzer*", "benutzer*",
	"gebruiker*", "användare", "brukere", "brugere", "użytkowni*", "方", "人", "ユーザー", "お客様",
	"car", "auto", "fahrzeug*", "voiture*", "coches",
	// and the businesses' people ("deux autres restaurateurs de Laval …
	// ont le même problème", h20-08)
	"restaurateur*", "commerçant*", "merchant*", "seller*", "vendeur*", "händler*", "comerciante*")

// yourWords before a word for people make them the supplier's ("your
// support team keeps saying the same thing"): a complaint, not others
// who have the failure.
var yourWords = map[string]bool{"your": true, "votre": true, "vos": true, "vuestro": true, "vuestra": true, "vuestros": true,
	"vuestras": true, "vostro": true, "vostra": true, "vostri": true, "uw": true}

// otherPersonAt reports whether toks[k] names people besides the writer.
func otherPersonAt(toks []token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-2 && !toks[j+1].brk; j-- {
		if yourWords[toks[j].w] {
			return false
		}
	}
	if othersAsTyped[toks[k].raw] || othersAsTyped[toks[k].el] {
		return true
	}
	if matchesAny(toks, k, otherDeterminers) || otherDeterminer(toks[k]) {
		for j := k + 1; j < len(toks) && j <= k+2 && !toks[j].brk; j++ {
			if matchesAny(toks, j, otherPeople) || matchesAny(toks, j, peopleNouns) || matchesAny(toks, j, otherPersons) ||
				othersAsTyped[toks[j].raw] {
				return true
			}
		}
		return false
	}
	return matchesAny(toks, k, otherPeople)
}

// otherDeterminer reports a French "d'autres" (the article elided onto it).
func otherDeterminer(t token) bool {
	e, ok := t.elided()
	return ok && (e.raw == "autres" || e.raw == "autre")
}

// othersSame finds "the same problem" said of other people: the phrase
// with a word for others before it in its sentence (within twelve
// words). A word for none or a negation between the two ("nobody in my
// team has the same problem", "mes collègues n'ont pas le même
// problème"), or a negation right after the phrase ("arkadaşlarımda
// aynı sorun yok", "同じ問題はありません"), ends the look back. A phrase
// that names no trouble ("have the same", "das gleiche", "o mesmo")
// followed by a word of its own is a shared thing ("my wife has the same
// phone"), no problem. "Same problem for my colleagues", with the people
// after the phrase, is not read: no labeled ticket says it so.
func othersSame(toks []token) []hit {
	var out []hit
	for _, h := range findAll(toks, sameTrouble) {
		if h.neg || sharedThing(toks, h) || negatedAfterPhrase(toks, h) {
			continue
		}
		from, _ := sentenceAround(toks, h.pos, 12, 0)
		for k := h.pos - 1; k >= from; k-- {
			if otherPersonAt(toks, k) {
				if !othersNegated(toks, k, h.pos) {
					out = append(out, h)
				}
				break
			}
		}
	}
	return out
}

// othersNegated reports whether a word for none or a negation, in any of
// the languages tickets come in, stands between the three words before
// others (in their clause) and the phrase said of them ("nobody in my
// team has the same problem", "my colleagues don't have the same",
// "meine Kollegen haben nicht das gleiche Problem").
func othersNegated(toks []token, from, to int) bool {
	lo := from
	for lo > 0 && lo > from-3 && !toks[lo].brk && !toks[lo].stop {
		lo--
	}
	for k := lo; k < to; k++ {
		if negatorWord(toks[k]) {
			return true
		}
	}
	return false
}

// negatorWord reports a negation or a word for none of any language the
// lists hold: negators, noneWords, foreignNegators (as read or as
// written).
func negatorWord(t token) bool {
	return negators[t.w] || noneWord(t) || foreignNegators[t.w] || foreignNegators[t.raw]
}

// sameWords end a phrase of sameTrouble that names no trouble: what
// follows it may be a thing the people share.
var sameWords = map[string]bool{"same": true, "mismo": true, "mesmo": true, "dasselbe": true, "gleiche": true,
	"hetzelfde": true, "pareil": true, "samo": true, "samé": true,
	"même": true, "aceeași": true, "același": true}

// sharedThing reports whether a phrase that names no trouble is said of
// a thing: followed in its clause by a word that is neither a function
// word nor a trouble ("have the same phone model", "nutzen das gleiche
// Handy", "usa o mesmo cartão", "pidió lo mismo ayer"), or for "pareil"
// after its noun ("un téléphone pareil"). "The same." and "have the
// same problem" stay.
func sharedThing(toks []token, h hit) bool {
	last := h.phrase[len(h.phrase)-1]
	if !sameWords[last] {
		return false
	}
	if last == "pareil" && h.pos > 0 && !toks[h.pos].brk {
		prev := toks[h.pos-1]
		return !functionWords[prev.raw] && prev.w != "cest" && prev.w != "était" && prev.w != "etait"
	}
	next := h.pos + len(h.phrase)
	if next >= len(toks) || toks[next].brk {
		return false
	}
	return !functionWords[toks[next].raw] && !nowWords[toks[next].w] && !matchesAny(toks, next, troubleWords)
}

// nowWords may follow "the same" said of a trouble: "15 personas diciendo
// lo mismo ahorita" (h40-68).
var nowWords = map[string]bool{"now": true, "again": true, "today": true, "right": true, "ahora": true, "ahorita": true,
	"hoy": true, "jetzt": true, "heute": true, "maintenant": true, "aujourdhui": true, "agora": true, "hoje": true,
	"adesso": true, "ora": true, "oggi": true, "nu": true, "vandaag": true, "idag": true, "teraz": true, "dziś": true}

// troubleWords name the trouble a phrase of sameness can be followed by.
var troubleWords = mkFlowWords("problem*", "issue*", "error*", "bug*", "trouble*", "failure*", "glitch*", "message*",
	"problème*", "erreur*", "souci*", "problema*", "errore*", "erro*", "fehler*", "probleem*", "fout*", "fel", "feil", "fejl",
	"błąd*", "problém*", "sorun*", "hata*", "ошибк*", "проблем*")

// turkishNegations follow what they negate ("aynı sorun yok"), as
// afterNegators do in German, Dutch and the Nordic languages; the
// Japanese endings are read from the characters after the phrase.
var turkishNegations = map[string]bool{"yok": true, "değil": true, "degil": true}

var japaneseNegations = []string{"ありません", "はありません", "がありません", "ない", "はない", "がない", "ではない", "じゃない"}

// negatedAfterPhrase reports whether a negation follows the phrase right
// after it in its clause: "aynı sorun yok", "同じ問題はありません".
func negatedAfterPhrase(toks []token, h hit) bool {
	end := h.pos + len(h.phrase)
	if end < len(toks) && !toks[end].brk && (afterNegators[toks[end].w] || turkishNegations[toks[end].w]) {
		return true
	}
	return unspacedFollows(toks, end, 6, true, japaneseNegations)
}

// unspacedFollows reports whether the raw text of the (at most n) tokens
// from toks[from] starts with one of endings, stopping at a clause break
// when inClause is set: a script written without spaces puts a negation
// right after its word ("同じ問題はありません", "動いていない").
func unspacedFollows(toks []token, from, n int, inClause bool, endings []string) bool {
	var b strings.Builder
	for k := from; k < len(toks) && k < from+n && !(inClause && toks[k].brk); k++ {
		b.WriteString(toks[k].raw)
	}
	rest := b.String()
	for _, e := range endings {
		if strings.HasPrefix(rest, e) {
			return true
		}
	}
	return false
}
