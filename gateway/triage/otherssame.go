package triage

// Round forty-two: others who have the same problem. A writer who says
// that other people have it too ("my colleagues in the office have the
// same", "mes trois collègues ont le même problème", "auch andere Eltern
// haben das gleiche Problem", "komşum da aynı sorunu yaşıyor", "友人5人も
// 同じ状態") reports a failure beyond their own: the labels read such a
// report as one for many. The writer's own retries said the same way
// ("I tried again, same error", "different card, same thing") name no
// one else and stay the writer's. Neither list is learned as read text
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
	"同じ症状", "同じ状態", "同じエラー", "同じ問題", "同样的问题", "一样的问题", "同样问题", "같은 문제", "같은 오류")

// otherPeople are people besides the writer who can have a problem too:
// colleagues, friends and family, neighbours, others, a group.
var otherPeople = mkFlowWords(
	"colleague*", "coworker*", "co-worker*", "friend*", "neighbour*", "neighbor*", "sister", "brother", "husband", "wife",
	"cousin*", "parents", "others", "other people", "people", "group", "staff", "team",
	"collègue*", "ami", "amis", "amie", "amies", "voisin*", "sœur", "frère", "mari", "autres", "gens",
	"compañero*", "compañera*", "amigo*", "amiga*", "vecino*", "vecina*", "hermano*", "hermana*", "otros", "otras", "gente", "personas", "primos",
	"colega*", "vizinho*", "vizinha*", "irmã", "irmão", "outros", "outras", "pessoas",
	"collega", "colleghi", "amici", "vicini", "altri",
	"kollege*", "kollegin*", "freund*", "nachbar*", "schwester", "bruder", "andere", "anderen", "leute", "eltern",
	"collega's", "vrienden", "buren", "mensen",
	"kollega*", "kolleger", "vänner", "andra", "venner", "andre",
	"koleżank*", "koleg*", "znajom*", "sąsiad*", "inni", "kolegové", "kolegyně",
	"komşu*", "arkadaş*", "meslektaş*", "diğer*",
	"коллег*", "друз*", "сосед*", "другие",
	"友人", "同僚", "他の", "同事", "朋友", "别人", "동료", "친구")

// othersSame finds "the same problem" said of other people: the phrase
// with a word for others before it in its sentence (within twelve words)
// or after it in its clause (within four: "same problem for my
// colleagues"; "c'est pareil dans nos 3 succursales" is not read, a
// branch is no person). A word for none or a negation between the two
// ("nobody in my team has the same problem") ends the look back.
func othersSame(toks []token) []hit {
	var out []hit
	for _, h := range findAll(toks, sameTrouble) {
		if h.neg {
			continue
		}
		found := false
		for k := h.pos - 1; k >= 0 && k >= h.pos-12 && !toks[k+1].stop; k-- {
			if matchesAny(toks, k, otherPeople) {
				found = !othersNegated(toks, k, h.pos)
				break
			}
		}
		for k := h.pos + len(h.phrase); !found && k < len(toks) && k <= h.pos+len(h.phrase)+4 && !toks[k].brk; k++ {
			found = matchesAny(toks, k, otherPeople)
		}
		if found {
			out = append(out, h)
		}
	}
	return out
}

// othersNegated reports whether a word for none or a negation stands
// between the three words before others (in their sentence) and the
// phrase said of them ("nobody in my team has the same problem", "my
// colleagues don't have the same").
func othersNegated(toks []token, from, to int) bool {
	lo := from
	for lo > 0 && lo > from-3 && !toks[lo].stop {
		lo--
	}
	for k := lo; k < to; k++ {
		if negators[toks[k].w] || noneWords[toks[k].w] {
			return true
		}
	}
	return false
}
