package triage

import (
	"fmt"
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
// service's); the order's only when money was taken (paidTold): an order
// history that emptied is the account's records. One service so named, or
// none.
func (t *Triager) lostThing(f *facts) (string, string) {
	mailer := t.flowService("messaging")
	lost := active(f.sig.dataLoss)
	paid := paidTold(f.toks)
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
		if m.Service == t.orderService && len(paid) == 0 {
			return "", ""
		}
		why := ""
		if m.Service == t.orderService {
			why = fmt.Sprintf(", paid for (%s)", quote(paid))
		}
		return m.Service, fmt.Sprintf("a data loss of a thing the service owns (%q, in the clause of %s%s): %s (the severity as read)", m.Phrase, quote(lost), why, m.Service)
	}
	return "", ""
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
	if t.orderService == "" || !partyExposed(&f.sig) {
		return "", ""
	}
	if _, took := takeover(f.sig.security); took {
		return "", ""
	}
	payer := t.flowService("paying")
	var order *ServiceMention
	page := ""
	for i, m := range f.mentions {
		switch {
		case accessWord(m):
		case m.Service == t.orderService:
			if order == nil {
				order = &f.mentions[i]
			}
			if m.Strength >= strengthSynonym && page == "" {
				page = m.Phrase
			}
		case m.Service == payer:
			if page == "" {
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
		page = purchasePage(f.toks)
	}
	if page == "" {
		return "", ""
	}
	return order.Service, fmt.Sprintf("another party's data shown (%s) on the purchase's own page (%q, %q): %s (the severity as read)",
		quote(partyExposures(&f.sig)), order.Phrase, page, order.Service)
}

// confirmationWords are the stems of the confirmation a purchase shows or
// sends that confirmationStems lacks (Indonesian, Croatian, Slovenian,
// Ukrainian, Bulgarian, Greek, Hungarian, Estonian, Latvian, Lithuanian,
// Vietnamese, Malay, Arabic, Hebrew, Hindi, Thai, Korean); checkoutWords
// the checkout's own nouns.
var (
	confirmationWords = []string{"konfirm", "potvrd", "potrdil", "підтвердж", "потвържд",
		"επιβεβαίω", "visszaigazol", "kinnitus", "apstiprin", "patvirtin",
		"xác nhận", "tasdiq", "pengesahan", "تأكيد", "אישור", "पुष्टि", "ยืนยัน", "확인 페이지", "확인 화면", "확인서"}
	checkoutWords = []string{"checkout", "kasse", "kassa", "caisse", "ödeme sayfa", "結帳", "结账", "结算", "チェックアウト", "レジ"}
	// cjkConfirmations are the compounds of a purchase's confirmation in
	// scripts without spaces (a bare 確認 is also "please check").
	cjkConfirmations = []string{"确认页", "確認頁", "確認ページ", "確認画面", "注文確認", "予約確認", "订单确认", "預訂確認", "预订确认", "購入確認"}
)

// purchasePage returns the word that names a purchase's confirmation or
// checkout page, "" when none does.
func purchasePage(toks []token) string {
	var b strings.Builder
	for _, tk := range toks {
		if containsAny(tk.raw, confirmationStems) || containsAny(tk.raw, confirmationWords) || containsAny(tk.raw, checkoutWords) {
			return tk.raw
		}
		b.WriteString(tk.raw)
	}
	joined := b.String()
	for _, w := range cjkConfirmations {
		if strings.Contains(joined, w) {
			return w
		}
	}
	// phrases of two words ("xác nhận", "확인 페이지", "ödeme sayfası")
	var sp strings.Builder
	for i, tk := range toks {
		if i > 0 {
			sp.WriteByte(' ')
		}
		sp.WriteString(tk.raw)
	}
	spaced := sp.String()
	for _, w := range append(confirmationWords, checkoutWords...) {
		if strings.Contains(w, " ") && strings.Contains(spaced, w) {
			return w
		}
	}
	return ""
}

// signedInToSee reports whether a mention is the sign-in by which the
// writer of a data loss saw it ("I logged in and our clan had vanished",
// "after login all documents are gone"): the sign-in worked, what
// vanished is the account's records, and such a report names no service
// by it, whatever its strength (a world's alias "login" as a built-in
// synonym). Not when a failure or outage word stands in a sentence of
// it: "nobody could log in, we lost our slot", "nadie pudo iniciar
// sesión: … el código daba error" tell the sign-in failing, the loss its
// cost. relevantMentions sets it aside.
func signedInToSee(f *facts, m ServiceMention) bool {
	if f.claim != claimDataLoss || !accessWord(m) {
		return false
	}
	for _, at := range mentionsAt(m) {
		for _, h := range failedHits(&f.sig) {
			if sameSentence(&f.sig, at, h.pos) {
				return false
			}
		}
	}
	return true
}
