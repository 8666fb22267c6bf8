package triage

import (
	"fmt"
	"slices"
)

// Round seventy-one: the service of a question, a feature request, a
// billing or document question or a cosmetic report (claimLow). The
// labels' convention: such a ticket is low during any incident, and its
// service is the one it is about, or none when it names none. The words
// of a flow a question names ("how do I change my saved card", "could
// you add a filter to search", "typo in the booking confirmation") were
// set aside before the severity was read (relevantMentions): a question
// is not a report of that service's failure, and its logs must not raise
// it. askedAbout gives the verdict that service afterwards, the severity
// as read: what the question is about, not what failed.
//
// What it reads is the question's own grammar, not a list of tickets'
// phrasings: the words that ask (the how-to, feature, billing, cosmetic
// and inquiry words the classifier read, in every language it reads
// them) and the services' words standing in the sentence they ask in.
// The guards are the convention's:
//   - a request to delete or close an account or a person's data keeps no
//     service, whatever it names (deletionAsked, in the languages below);
//   - a call-back request names no service (callBackOnly, as pickService);
//   - a question that names no service's thing keeps none (no mention);
//   - a question naming two services goes by the one its asking sentence
//     names; two there, by the one nearest the asking word; a tie, or no
//     service in any asking sentence while two are named, keeps none.
//
// Security reports, privacy requests and data loss are other claims and
// never reach it.

// askedAbout returns the service a question or request left with no
// service is about, and the reason; "" when it names none or a guard
// holds, with the reason when the guard is a deletion request.
func (t *Triager) askedAbout(f *facts) (string, string) {
	if f.claim != claimLow || len(f.mentions) == 0 || callBackOnly(&f.sig) {
		return "", ""
	}
	if h, ok := deletionAsked(f.toks, &f.sig, f.mentions); ok {
		// said in --explain, as deletionKept says it
		return "", fmt.Sprintf("a request to delete an account or a person's data (%s) is about no service, whatever it names", quote([]hit{h}))
	}
	asks := askingHits(&f.sig)
	things := t.askedThings(f, asks)
	services := map[string]bool{}
	for _, m := range things {
		services[m.Service] = true
	}
	if len(services) == 0 {
		return "", ""
	}
	if len(services) == 1 {
		m := things[0]
		return m.Service, fmt.Sprintf("a %s about %q, the only service's thing it names: %s (the severity as read)", askKind(&f.sig), m.Phrase, m.Service)
	}
	// Several named: the one the asking sentences name, nearest the word
	// that asks.
	best, bestDist, tie := ServiceMention{}, -1, false
	for _, m := range things {
		for _, at := range mentionsAt(m) {
			for _, h := range asks {
				if !sameSentence(&f.sig, at, h.pos) {
					continue
				}
				d := max(at-h.pos, h.pos-at)
				switch {
				case bestDist < 0 || d < bestDist:
					best, bestDist, tie = m, d, false
				case d == bestDist && m.Service != best.Service:
					tie = true
				}
			}
		}
	}
	if bestDist < 0 { // (tie is set only once a distance is)
		// no service where the asking words stand: the one a sentence
		// ending in a question mark names, when only one is
		asked := map[string]ServiceMention{}
		for _, m := range things {
			if slices.ContainsFunc(mentionsAt(m), func(at int) bool { return at < len(f.toks) && questionMarked(f.toks, at) }) {
				asked[m.Service] = m
			}
		}
		if len(asked) == 1 {
			for _, m := range asked {
				return m.Service, fmt.Sprintf("a %s naming more than one service; its question names %q: %s (the severity as read)", askKind(&f.sig), m.Phrase, m.Service)
			}
		}
	}
	if bestDist < 0 || tie {
		return "", ""
	}
	return best.Service, fmt.Sprintf("a %s naming more than one service; it asks about %q (nearest its asking words %s): %s (the severity as read)",
		askKind(&f.sig), best.Phrase, quote(asks), best.Service)
}

// askingHits are the words that make a ticket a question or request: its
// how-to, feature, billing, cosmetic and inquiry words, what the writer
// removed and asks about next, and the interrogative of a how-to question
// told by its shape (severityshape.go).
func askingHits(s *signals) []hit {
	return slices.Concat(active(s.howto), active(s.feature), active(s.billing), active(s.cosmetic), active(s.inquiry), active(s.selfRemoved), s.askShape)
}

// askKind names the kind of low ticket, as classify does.
func askKind(s *signals) string {
	switch {
	case len(active(s.feature)) > 0:
		return "feature request"
	case len(active(s.howto)) > 0 || len(s.askShape) > 0:
		return "how-to question"
	case len(active(s.billing)) > 0:
		return "billing or document question"
	case len(active(s.cosmetic)) > 0:
		return "cosmetic report"
	}
	return "question or request"
}

// sameSentence reports whether word positions a and b stand in one
// sentence.
func sameSentence(s *signals, a, b int) bool {
	if a < 0 || b < 0 || a >= len(s.sentence) || b >= len(s.sentence) {
		return false
	}
	return s.sentence[a] == s.sentence[b]
}

// deleteVerbs ask to delete, erase or close, and accountNouns are what a
// person asks to have deleted (an account, a profile, their data), in the
// languages tickets come in. A card, an order or a message deleted is
// another request ("how do I remove a saved card" is the payment's).
// Round seventy-one's review: a verb with an everyday second sense
// stands only in a whole phrase (deletionWhole: Vietnamese "đóng" pays,
// Thai "ปิด" and Indonesian "tutup" switch off) or in its request forms
// (Hindi "बंद करें", not "बंद हो गया", closed or blocked). Portuguese
// "apagar" (erase, and switch off) stays: what it switches off is not an
// account, and "apagar notificações da conta" is read by its "da"
// (accountIsPlace).
var (
	deleteVerbs = mkFlowWords("delete", "deleting", "deletion", "remove", "removing", "erase", "close", "closing", "deactivate",
		"terminate",
		"löschen", "lösche", "löschung", "entfernen", "kündigen", "schließen", "supprimer", "supprimez", "suppression", "effacer", "clôturer", "fermer",
		"eliminar", "elimine", "eliminen", "eliminación", "elimino", "borrar", "borren", "borre", "dar de baja", "cerrar", "apagar", "excluir", "deletar", "encerrar",
		"cancellare", "cancellate", "cancellazione", "chiudere", "verwijder", "verwijderen", "verwijdering", "wissen", "opheffen", "opzeggen", "radera", "raderas", "radering", "ta bort",
		"avsluta", "slette", "slett", "sletting", "slet", "sletning", "lukke", "poistaa", "poistakaa", "poisto", "poistaminen", "poistetaan", "sulkea", "usuń", "usunąć", "usunięcie", "usunac", "zamknąć",
		"smazat", "smazání", "zrušit", "zrušení", "zmazať", "izbrisati", "izbriši", "obrisati", "törlés*", "törölni", "töröljék", "törölje",
		"șterge", "ștergeți", "ștergerea", "sterge", "stergeti", "stergerea", "închideți", "închiderea", "удалить", "удалите", "удаление", "закрыть", "видалити", "видаліть",
		"видалення", "закрити", "изтрий*", "изтриване", "sil", "silmek", "silinmesi", "silebilir*", "kapatmak", "kapatın", "kapatabilir*", "kapatılması", "διαγραφή",
		"διαγράψτε", "διαγράψω", "διαγράψετε", "κλείσιμο", "למחוק", "מחיקת", "לסגור", "حذف", "أحذف", "احذف", "حذف*", "إغلاق", "اغلاق", "hapus", "menghapus",
		"xóa", "xoá", "burahin", "futa", "ลบ", "删除", "注销", "註銷", "刪除", "削除", "退会", "解約",
		"삭제*", "탈퇴*", "हटाना", "हटाएं", "हटा दें", "डिलीट",
		"बंद करें", "बंद कर दें", "बंद कीजिए", "बंद करना", "बंद करवाना")
	// A person's data is theirs by a possessive, as in English ("meine
	// Daten", "ses données"): the bare word is any thing's data ("i dati
	// della carta", "los datos de mi tarjeta").
	accountNouns = mkFlowWords("account", "accounts", "profile", "my data", "her data", "his data", "their data",
		"konto", "kontos", "kontot", "kontoen", "kontoa", "konta", "kontu", "account*", "profil", "profils", "compte",
		"cuenta", "perfil", "conta", "profilo", "profiel",
		"tili", "tilin", "tilini", "účet", "účtu", "račun", "računa", "fiók*", "adataim*",
		"contul", "аккаунт", "аккаунта", "учётн*", "учетн*", "профиль", "акаунт", "акаунта", "обліков*",
		"профіль", "акаунт*", "профил*", "hesab*", "verilerim*", "λογαριασμ*", "חשבון", "החשבון",
		"حساب*", "بياناتي", "akun", "akaun", "data saya", "tài khoản", "akaunti",
		"บัญชี", "账户", "账号", "帳號", "帳戶", "帐号", "アカウント", "계정*", "खाता", "अकाउंट",
		"meine daten", "seine daten", "ihre daten", "mes données", "ses données", "leurs données", "mis datos", "sus datos",
		"meus dados", "seus dados", "os dados dela", "os dados dele", "i miei dati", "i suoi dati", "mijn gegevens",
		"zijn gegevens", "haar gegevens", "mina uppgifter", "moje dane", "moich danych", "jej dane", "jego dane",
		"moje údaje", "datele mele", "мои данные", "его данные", "её данные", "ее данные", "мої дані", "τα δεδομένα μου",
		"dữ liệu của tôi")
)

// deletionReach is how far from the verb its object may stand: "delete
// my account", "mein Konto löschen", "アカウントを削除", not "remove a
// card from my account".
const deletionReach = 3

// deletionKept clears the service of a question, a request or a ticket
// that claims nothing, when it asks to delete or close an account or a
// person's data (deletionAsked): the convention's privacy and deletion
// requests, low with no service whatever they mention, in the languages
// the privacy list does not read. The severity is the one read.
func deletionKept(f *facts, service string) (string, bool) {
	if service == "" || f.claim != claimLow && f.claim != claimUnknown {
		return "", false
	}
	h, ok := deletionAsked(f.toks, &f.sig, f.mentions)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("a request to delete an account or a person's data (%s) is about no service, whatever it names: not %s", quote([]hit{h}), service), true
}

// deletionAsked returns a word asking to delete or close standing in one
// sentence with an account or a person's data, and whether there is one:
// the ticket is a deletion request, about no service (the convention for
// privacy and deletion requests), in words the privacy list may not
// read. A deletion the writer reports as done to them ("my account was
// deleted") is data loss, another claim, read before this.
func deletionAsked(toks []token, s *signals, mentions []ServiceMention) (hit, bool) {
	if len(active(s.failure))+len(active(s.outage))+len(active(s.dataLoss)) > 0 {
		return hit{}, false
	}
	for i := range toks {
		whole := 0
		deletionWhole.at(toks, i, func(p phrase) { whole = max(whole, len(p)) })
		if whole > 0 && !deletionDenied(toks, i, whole) {
			return hit{phrase: phrase(rawWords(toks[i : i+whole])), pos: i}, true
		}
		v := 0
		deleteVerbs.at(toks, i, func(p phrase) { v = max(v, len(p)) })
		if v == 0 {
			continue
		}
		if deletionDenied(toks, i, v) || deletionReported(toks, i, v) { // deletionrole.go
			continue
		}
		// the noun's last word up to deletionReach words before the
		// verb, or its first word up to that many after it
		for k := max(0, i-deletionReach-4); k <= i+deletionReach && k < len(toks); k++ {
			if k == i || !sameSentence(s, i, k) {
				continue
			}
			n := 0
			accountNouns.at(toks, k, func(p phrase) { n = max(n, len(p)) })
			if n == 0 {
				continue
			}
			// apart from each other: in a script written without spaces a
			// noun may start inside the verb
			before := k < i && i-(k+n-1) <= deletionReach && k+n <= i
			after := k > i && k-i <= deletionReach && k >= i+v
			if !before && !after || accountIsPlace(toks, i, v, k, n, mentions) { // deletionrole.go
				continue
			}
			return hit{phrase: phrase(rawWords(toks[min(i, k):min(max(i+v, k+n), len(toks))])), pos: i}, true
		}
	}
	return hit{}, false
}

// askedThings are the mentions that name what a question asks about. Not:
//   - a word that is itself one of the asking words ("suggestion" asks;
//     it names no search suggestion);
//   - the order's own flow words or synonyms: an order or booking the
//     writer has is what they bought, the context of a question about
//     changing it, its invoice or its export, not the ordering service;
//   - a bare word for e-mail: the address a document is sent to, not a
//     message of the shop's (a reminder, a notification, an SMS name
//     one);
//   - the paying flow's words in a question about the account's own plan
//     or subscription: what the account is billed, not how a payment
//     went.
func (t *Triager) askedThings(f *facts, asks []hit) []ServiceMention {
	mailer, payer := t.flowService("messaging"), t.flowService("paying")
	plan := false
	for _, h := range active(f.sig.account) {
		plan = plan || orderableDocuments[h.phrase.String()]
	}
	var out []ServiceMention
	for _, m := range f.mentions {
		switch {
		case m.Strength > strengthSynonym:
			// a service's name or alias is what is asked about: no guard
		case m.Service == t.orderService:
			continue
		case m.Service == mailer && bareMail[m.Phrase]:
			continue
		case m.Service == payer && plan:
			continue
		}
		if slices.ContainsFunc(mentionsAt(m), func(at int) bool { return within(asks, at) }) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// within reports whether word position at stands inside one of hs.
func within(hs []hit, at int) bool {
	for _, h := range hs {
		if h.pos >= 0 && at >= h.pos && at < h.pos+len(h.phrase) {
			return true
		}
	}
	return false
}

// bareMail are the flow phrases that say only "e-mail" or "mail", the
// address or the channel, in the forms the lists hold them.
var bareMail = map[string]bool{"email": true, "e-mail": true, "e mail": true, "mail": true, "emails": true, "mails": true,
	"邮 件": true, "电 邮": true, "メ ー ル": true, "메일": true, "이메일": true, "correo": true, "courriel": true,
	"почта": true, "почту": true, "пошта": true}
