package triage

import "strings"

// Round seventy-one's review: a verb of deleting and an account noun near
// it ask to delete the account only when the account is what is deleted.
// "Jak usunąć kartę z konta", "كيف أحذف البطاقة من حسابي", "계정에서
// 카드를 삭제", "如何从账户中删除银行卡" remove a card from the account:
// the account is the place, marked so by a preposition before it, a
// postposition or case ending after it, or another thing named between
// it and the verb. A verb denied ("mein Konto nicht löschen", "je ne
// veux pas supprimer") asks for nothing.

// sourceMarks stand before a noun the thing is taken from: "from my
// account", "z konta", "aus dem Konto", "vom Konto", "من حسابي", "从账户".
// ofOrFrom are those that also say "of" ("la suppression de mon
// compte", "Löschung von meinem Konto"): they mark the place only when
// something else stands between the verb and them ("excluir cartão da
// conta").
var (
	sourceMarks = map[string]bool{"from": true, "off": true, "z": true, "ze": true, "из": true, "с": true, "со": true,
		"aus": true, "vom": true, "fra": true, "från": true, "uit": true, "dal": true, "dalla": true, "dallo": true,
		"desde": true, "iz": true, "від": true, "з": true, "от": true, "από": true, "من": true, "از": true, "dari": true,
		"từ": true, "kutoka": true, "从": true, "從": true}
	ofOrFrom = map[string]bool{"de": true, "da": true, "du": true, "do": true, "dos": true, "von": true, "van": true, "din": true}
	// sourceAfter follow a noun the thing is taken from: Japanese から,
	// Chinese 中 and 里, Hindi से.
	sourceAfter = [][]string{{"か", "ら"}, {"中"}, {"里"}, {"裡"}, {"से"}}
	// sourceEndings are the case endings of a noun taken from, on a word
	// the account list reads by its stem: Korean 에서, Turkish ablative
	// ("hesabımdan"), Hungarian elative and delative ("fiókomból").
	sourceEndings = []string{"에서", "dan", "den", "tan", "ten", "ból", "ből", "ról", "ről", "tól", "től"}
)

// deletionWhole are requests to close an account said in one phrase
// whose verb alone has an everyday second sense: Vietnamese "đóng" also
// pays ("đóng tiền"), Thai "ปิด" and Indonesian "tutup" switch off,
// Malay "padam" also puts out.
var deletionWhole = mkFlowWords("cancel my account", "đóng tài khoản", "ปิดบัญชี", "tutup akun", "tutup akaun",
	"padam akaun", "padam akaun saya")

// accountIsPlace reports whether the account noun at k (n words) is the
// place the verb at i (v words) takes something from, not its object.
func accountIsPlace(toks []token, i, v, k, n int, mentions []ServiceMention) bool {
	// before the noun, outside the verb
	for j := k - 1; j >= k-2 && j >= 0; j-- {
		if j >= i && j < i+v {
			break
		}
		w := toks[j].raw
		if sourceMarks[w] || ofOrFrom[w] && (k < i || j > i+v) {
			return true
		}
	}
	last := toks[k+n-1].raw
	for _, e := range sourceEndings {
		if strings.HasSuffix(last, e) && len(last) > len(e)+2 {
			return true
		}
	}
	for _, m := range sourceAfter {
		if k+n+len(m) <= len(toks) && slicesEqualRaw(toks[k+n:k+n+len(m)], m) {
			return true
		}
	}
	// another thing named between them
	lo, hi := i+v, k
	if k < i {
		lo, hi = k+n, i
	}
	for _, m := range mentions {
		w := len(strings.Fields(m.Phrase)) // a mention of the account itself ("mi cuenta") ends in the noun
		for _, at := range mentionsAt(m) {
			if at >= lo && at+w <= hi {
				return true
			}
		}
	}
	return false
}

func slicesEqualRaw(toks []token, ws []string) bool {
	for j, w := range ws {
		if toks[j].raw != w {
			return false
		}
	}
	return true
}

// deletionNegators deny a verb of deleting they stand before, in its
// clause, within four words: the English and the other languages'
// negators, and those of the scripts the verbs are read in.
var deletionNegators = map[string]bool{"不": true, "别": true, "別": true, "没": true, "안": true, "못": true,
	"jangan": true, "tak": true, "nggak": true, "kein": true, "keine": true, "nu": true, "ikke": true, "ikkje": true,
	"değil": true, "ні": true} // "не" is a foreignNegators word

// deletionAfterNegators deny a verb they follow: German, Dutch and Nordic
// "nicht", "niet", "ikke", "inte" ("löschen Sie bitte nicht"), Korean
// 않-/말- ("삭제하지 마세요").
var deletionAfterNegators = map[string]bool{"nicht": true, "niet": true, "ikke": true, "inte": true}

// deletionDenied reports whether the verb at i (v words) is denied.
func deletionDenied(toks []token, i, v int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if toks[k+1].brk || clauseBreaks[toks[k].w] {
			break
		}
		w := toks[k].w
		if negators[w] || foreignNegators[w] || foreignNegators[toks[k].raw] || deletionNegators[toks[k].raw] {
			return true
		}
	}
	for k := i + v; k < len(toks) && k < i+v+2; k++ {
		if toks[k].brk {
			break
		}
		r := toks[k].raw
		korean := k == i+v && strings.HasSuffix(toks[i+v-1].raw, "지") && (strings.HasPrefix(r, "않") || strings.HasPrefix(r, "마"))
		if deletionAfterNegators[r] || korean ||
			strings.Contains(toks[k].f, "miyor") || strings.Contains(toks[k].f, "muyor") {
			return true
		}
	}
	// Japanese: 削除しないで, 削除しません
	if i+v+2 < len(toks) && (toks[i+v].raw == "し" || toks[i+v].raw == "さ") &&
		(toks[i+v+1].raw == "な" || toks[i+v+1].raw == "ま" && toks[i+v+2].raw == "せ") {
		return true
	}
	return false
}

// deletionReported reports whether the verb at i (v words) tells of a
// deletion done, in the scripts where one form of it serves a request
// and a report (the review's "删除", "삭제*", "حذف"): Chinese 被, 已 or 经
// before it or 了 after it, Korean 삭제되-/삭제됐-/탈퇴했-, Arabic تم
// ("was done") before it, Japanese される/した after it. "我的账户被删除了"
// tells what happened; "请删除我的账户" asks.
func deletionReported(toks []token, i, v int) bool {
	if i > 0 {
		switch toks[i-1].raw {
		case "被", "已", "经", "經", "تم":
			return true
		}
	}
	r := toks[i].raw
	for _, p := range []string{"삭제되", "삭제됐", "탈퇴되", "탈퇴됐", "탈퇴했", "삭제했"} {
		if strings.HasPrefix(r, p) {
			return true
		}
	}
	if i+v < len(toks) && toks[i+v].raw == "了" {
		return true
	}
	if i+v+1 < len(toks) {
		a, b := toks[i+v].raw, toks[i+v+1].raw
		return a == "さ" && b == "れ" || a == "し" && b == "た"
	}
	return false
}
