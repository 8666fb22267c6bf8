package triage

import (
	"fmt"
	"slices"
	"strings"
)

// Round seventy-seven: the service of a data loss or of another party's
// data shown, when one is clearly meant. relevantMentions sets aside the
// flows' own words in a report of data loss or of a breach ("my orders
// are gone" does not say that ordering failed; a phishing e-mail is not
// the notification service's), and the severity is read without them
// (critical whatever the logs show). The labels' convention: security and
// data loss have no service unless one is clearly meant, and the sets
// keep to it for an account's own records (an order history emptied, a
// list of orders gone from the admin, another customer's order seen under
// "My orders" or in a downloaded invoice: none). One is clearly meant:
//   - when what vanished is a thing paid for (the outcome convention:
//     "paid, but the order is missing" is the order's), or a thing of a
//     service other than the order's (the saved cards: "Uložené platobné
//     karty zmizli" are the payment's);
//   - when another party's data was shown on the purchase's own page (the
//     convention for another customer's data at the checkout): an order,
//     booking or confirmation page, or the page where the writer pays.
//
// ownedThing gives the verdict that service afterwards, the severity as
// read, as askedAbout does for questions. What it reads is where the
// flow's words stand, and the purchase's page in the languages tickets
// come in, not a list of tickets' phrasings.

// ownedThing returns the service a data-loss or security report left with
// no service is about, and the reason; "" when none is clearly meant.
func (t *Triager) ownedThing(f *facts) (string, string) {
	switch f.claim {
	case claimDataLoss:
		return t.lostThing(f)
	case claimSecurity:
		return t.shownOnOrderPage(f)
	}
	return "", ""
}

// lostThing is the service whose thing a data loss says vanished: a
// service's words (a flow's, a synonym's, an alias's) at any of their
// places (the subject's or the body's) in a clause that holds a data-loss
// word; not the words of signing in (the writer signed in to see what
// vanished) nor a message's (a mail deleted is no data loss, a mailbox no
// service's); the order's only when money was taken (paidTold) in the
// sentence of the lost order or of the loss, or the one before
// (paidBeside): an order history that emptied is the account's records.
// One service so named, or none (the paid words are read only when it is
// the order).
func (t *Triager) lostThing(f *facts) (string, string) {
	mailer := t.flowService("messaging")
	lost := active(f.sig.dataLoss)
	found := map[string]ServiceMention{}
	for _, m := range f.mentions {
		if accessWord(m) || m.Service == mailer || len(namedWhere(&f.sig, m, lost)) == 0 {
			continue
		}
		found[m.Service] = m
	}
	if len(found) != 1 {
		return "", ""
	}
	for _, m := range found {
		why := ""
		if m.Service == t.orderService {
			paid := paidBeside(&f.sig, f.paidWordsTold(), slices.Concat(mentionsAt(m), lostAt(lost)))
			if len(paid) == 0 {
				return "", ""
			}
			why = fmt.Sprintf(", paid for (%s)", quote(paid))
		}
		return m.Service, fmt.Sprintf("a data loss of a thing the service owns (%q, in the clause of %s%s): %s (the severity as read)", m.Phrase, quote(lost), why, m.Service)
	}
	return "", ""
}

// paidBeside keeps the paid hits that stand in the sentence of one of
// the places at (the loss's words, the lost order's words wherever they
// stand: "(order 77098812)" after the paid word) or in the sentence
// right before it ("I paid for the tickets yesterday. Today my orders are
// gone"): a payment told elsewhere in the ticket ("I've paid for the plan
// for years. … We moved last month. … my orders vanished") is not what
// was paid for the thing that vanished (round seventy-seven's review).
func paidBeside(s *signals, paid []hit, at []int) []hit {
	var out []hit
	for _, h := range paid {
		for _, q := range at {
			if h.pos < 0 || q < 0 || h.pos >= len(s.sentence) || q >= len(s.sentence) {
				continue
			}
			if d := s.sentence[q] - s.sentence[h.pos]; d == 0 || d == 1 {
				out = append(out, h)
				break
			}
		}
	}
	return out
}

// lostAt returns the places of hits.
func lostAt(hs []hit) []int {
	at := make([]int, len(hs))
	for i, h := range hs {
		at[i] = h.pos
	}
	return at
}

// shownOnOrderPage is the order's service when another party's data was
// shown (partyExposed: not a bare leak nor a credential made public), no
// one is said to be in the account (takeover), the ticket names the
// order's thing and nothing but the order's, the payment's and the
// sign-in's, and names the purchase's own page: a confirmation
// (purchasePage), the order's synonym or alias (a checkout page), or the
// payment's words (where the writer pays, round thirty-eight). A message
// named is the channel that carried it (round fifty-one: no service); an
// order history, a list of orders or an invoice is the account's records.
func (t *Triager) shownOnOrderPage(f *facts) (string, string) {
	if t.orderService == "" {
		return "", ""
	}
	party := partyExposures(&f.sig) // partyExposed's, read once
	if len(party) == 0 {
		return "", ""
	}
	if _, took := takeover(f.sig.security); took {
		return "", ""
	}
	payer := t.flowService("paying")
	var order *ServiceMention
	page, orderAt := "", map[int]bool{}
	for i, m := range f.mentions {
		switch {
		case accessWord(m):
		case m.Service == t.orderService:
			for _, p := range mentionsAt(m) {
				orderAt[p] = true
			}
			if order == nil {
				order = &f.mentions[i]
			}
			if m.Strength >= strengthSynonym && page == "" {
				page = m.Phrase
			}
		case m.Service == payer:
			// not a payment word that names the other party's own ("their
			// card number"): what was shown, not where (namesTheirs)
			if page == "" && !namesTheirs(&f.sig, m) {
				page = m.Phrase
			}
		default:
			return "", "" // a message that carried it, or another service's thing
		}
	}
	if order == nil {
		return "", ""
	}
	if page == "" {
		at := map[int]bool{}
		for _, h := range party {
			if h.pos >= 0 && h.pos < len(f.sig.sentence) {
				at[f.sig.sentence[h.pos]] = true
			}
		}
		for p := range orderAt {
			if p >= 0 && p < len(f.sig.sentence) {
				at[f.sig.sentence[p]] = true
			}
		}
		page = purchasePage(&f.sig, f.toks, at, orderAt)
	}
	if page == "" {
		return "", ""
	}
	return order.Service, fmt.Sprintf("another party's data shown (%s) on the purchase's own page (%q, %q): %s (the severity as read)",
		quote(party), order.Phrase, page, order.Service)
}

// confirmationWords start the words for the confirmation a purchase
// shows or sends that confirmationStems lacks (Indonesian, Malay,
// Croatian, Slovenian, Ukrainian, Bulgarian, Greek, Hungarian, Estonian,
// Latvian, Lithuanian, Vietnamese, Arabic, Hebrew, Hindi, Korean; a
// phrase's last word by its start). checkoutWords are the checkout's own
// nouns, whole words ("kasse", not "Kassel"; "kassa", not "Kassandra");
// checkoutStarts those read by their start ("checkout-page", "ödeme
// sayfasında"). pageWords start the words for a page or a screen: a
// confirmation word names the purchase's page only beside one of them or
// beside the order's word (purchasePage).
var (
	confirmationWords = []string{"konfirm", "potvrd", "potrdil", "підтвердж", "потвържд",
		"επιβεβαίω", "visszaigazol", "kinnitus", "apstiprin", "patvirtin",
		"xác nhận", "pengesahan", "تأكيد", "אישור", "पुष्टि", "확인 페이지", "확인 화면", "확인서"}
	checkoutWords  = []string{"kasse", "kassa", "caisse"}
	checkoutStarts = []string{"checkout", "ödeme sayfa"}
	pageWords      = []string{"page", "screen", "seite", "pagina", "página", "strona", "stronie", "stránk", "stranic", "sivu", "sida",
		"oldal", "sayfa", "trang", "halaman", "صفحة", "עמוד", "דף", "페이지", "화면", "страниц", "сторінк", "σελίδ", "पेज", "पृष्ठ"}
	// purchaseConfirmations are confirmationStems, then confirmationWords:
	// purchasePage reads them together, at every word.
	purchaseConfirmations = slices.Concat(confirmationStems, confirmationWords)
	// unspacedPages are a purchase's confirmation and checkout in scripts
	// written without spaces, whose words the tokens split into letters:
	// compounds only (a bare 確認 is also "please check", a bare ยืนยัน
	// "to verify"; "レジ" stands inside クレジット, "credit").
	unspacedPages = []string{"确认页", "確認頁", "確認ページ", "確認画面", "注文確認", "予約確認", "订单确认", "預訂確認", "预订确认", "購入確認", "หน้ายืนยัน",
		"結帳", "结账", "结算", "チェックアウト"}
)

// purchasePage returns the word that names a purchase's confirmation or
// checkout page in a sentence of another party's data shown or of the
// order's word (at: the sentences of partyExposures and orderAt; not a
// request of its own, "Please confirm this has been fixed"), "" when none
// does. A checkout word is read whole (checkoutWords: "Kassel" holds no
// "kasse") or by its start (checkoutStarts); a confirmation word
// (purchaseConfirmations) by its start, and counts as a page only beside
// a page word (by its start) or the order's word (orderAt) within two
// words in its clause, or holding a page word ("bevestigingspagina"):
// "I can confirm that …", "Molim potvrdite", "אני צריך אישור" are the
// writer's own verb or request. The order's word holding a confirmation
// word is the page itself ("Bestellbestätigung"); the scripts written
// without spaces are read in the sentences joined (unspacedPages).
func purchasePage(s *signals, toks []token, at map[int]bool, orderAt map[int]bool) string {
	in := func(i int) bool { return i >= 0 && i < len(toks) && i < len(s.sentence) && at[s.sentence[i]] }
	beside := func(from, to int) bool {
		for k := from - 2; k <= to+2; k++ {
			if !in(k) || s.clause[k] != s.clause[from] {
				continue
			}
			if orderAt[k] || hasAnyPrefix(toks[k].raw, pageWords) || k >= from && k <= to && containsAny(toks[k].raw, pageWords) {
				return true
			}
		}
		return false
	}
	var joined strings.Builder
	for i, tk := range toks {
		if !in(i) {
			continue
		}
		joined.WriteString(tk.raw)
		if slices.Contains(checkoutWords, tk.raw) || hasAnyPrefix(tk.raw, checkoutStarts) {
			return tk.raw
		}
		if orderAt[i] && containsAny(tk.raw, purchaseConfirmations) {
			return tk.raw // the order's own compound ("bestellbestätigung")
		}
		for _, w := range purchaseConfirmations {
			if n := phraseAt(toks, i, w); n > 0 && in(i+n-1) && beside(i, i+n-1) {
				return w
			}
		}
		for _, w := range checkoutStarts {
			if n := phraseAt(toks, i, w); n > 1 && in(i+n-1) {
				return w
			}
		}
	}
	for _, w := range unspacedPages {
		if strings.Contains(joined.String(), w) {
			return w
		}
	}
	return ""
}

// phraseAt returns the number of words of w (words apart by spaces) that
// stand at toks[i:], the last by its start, each other whole; 0 when w
// does not stand there.
func phraseAt(toks []token, i int, w string) int {
	ws := strings.Fields(w)
	if i+len(ws) > len(toks) {
		return 0
	}
	for k, x := range ws {
		if k < len(ws)-1 && toks[i+k].raw != x || k == len(ws)-1 && !strings.HasPrefix(toks[i+k].raw, x) {
			return 0
		}
	}
	return len(ws)
}

// signedInToSee reports whether a mention is the sign-in by which the
// writer of a data loss saw it ("I logged in and our clan had vanished",
// "after login all documents are gone"): the sign-in worked, what
// vanished is the account's records, and such a report names no service
// by it, whatever its strength (a world's alias "login" as a built-in
// synonym). Not when a failure or outage word stands in a sentence of
// it: "nobody could log in, we lost our slot", "nadie pudo iniciar
// sesión: … el código daba error" tell the sign-in failing, the loss its
// cost. Nor when the sign-in's own thing is what vanished (lostSignIn:
// "my login was deleted"). relevantMentions sets it aside, with a reason
// of its own.
func signedInToSee(f *facts, m ServiceMention) bool {
	if f.claim != claimDataLoss || !accessWord(m) || lostSignIn(f, m) {
		return false
	}
	failed := failedHits(&f.sig)
	for _, at := range mentionsAt(m) {
		for _, h := range failed {
			if sameSentence(&f.sig, at, h.pos) {
				return false
			}
		}
	}
	return true
}

// lostSignIn reports whether a sign-in word is what a data loss says
// vanished, not how the writer came to see it: at one of its places it
// stands in the clause of a data-loss word as a thing, after a
// determiner or a possessive ("my login was deleted", "the phone number
// for the login was deleted", "unser SSO … gelöscht"), not after a word
// that puts it before the loss ("after the login all … is gone", "na het
// inloggen", afterStep). A verb of signing in ("I logged in and …") has
// no determiner before it. A denial that holds a data-loss word ("I
// didn't delete anything and nobody else has the login") tells no thing
// lost. The determiners' "i" (Scandinavian "in") is left out: it is
// also English "I", the writer signing in ("I login and …").
func lostSignIn(f *facts, m ServiceMention) bool {
	var told []hit // not the writer's denial ("I didn't delete anything")
	for _, h := range active(f.sig.dataLoss) {
		if !slices.ContainsFunc(h.phrase, func(w string) bool { return negators[w] || foreignNegators[w] }) {
			told = append(told, h)
		}
	}
	for _, p := range namedWhere(&f.sig, m, told) {
		if p <= 0 || p >= len(f.toks) || f.toks[p].brk || afterStep(f.toks, p) {
			continue
		}
		if d := f.toks[p-1].raw; determiners[d] && d != "i" {
			return true
		}
	}
	return false
}
