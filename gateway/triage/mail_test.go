package triage

import (
	"strings"
	"testing"
	"time"
)

func TestMailText_dropsScaffoldingKeepsTheReport(t *testing.T) {
	for _, c := range []struct {
		name, in      string
		keep, without []string
	}{
		{name: "signature with office hours",
			in:      "Checkout fails for all customers since 9:40.\n\nKind regards,\n\nJo Park\nHead of Sales, Acme Ltd\nPhone: +44 161 496 0123\nOffice hours: Mon-Fri 9:00-17:30 CET",
			keep:    []string{"since 9:40", "Kind regards"},
			without: []string{"17:30", "+44", "Head of Sales"}},
		{name: "signature under a dash line",
			in:   "Nobody can log in.\n-- \nJo Park\nAcme",
			keep: []string{"Nobody can log in."}, without: []string{"Jo Park"}},
		{name: "disclaimer in German",
			in:      "Die Zahlung schlägt fehl.\n\nDiese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie bitte sofort den Absender und vernichten Sie diese Mail. Die unbefugte Weitergabe ist nicht gestattet.",
			keep:    []string{"schlägt fehl"},
			without: []string{"vertrauliche", "vernichten"}},
		{name: "a report that is about unauthorized deletion is no disclaimer",
			in:   "Hi,\n\nsomeone had unauthorized access to our admin account and deleted all products, we got an error on login and no mail from the sender of the reset link. Please help, this is confidential.",
			keep: []string{"unauthorized access", "deleted all products"}},
		{name: "mobile line",
			in:   "Search is down.\n\nSent from my iPhone",
			keep: []string{"Search is down."}, without: []string{"iPhone"}},
		{name: "header block becomes one boundary",
			in:      "See below.\n\nVon: Anna Schmidt <anna@shop.example>\nGesendet: Freitag, 20. November 2026 09:14\nAn: Support <support@desk.example>\nBetreff: Kasse down\n\nDie Kasse ist seit 9 Uhr down.",
			keep:    []string{originalMessage, "seit 9 Uhr down"},
			without: []string{"09:14", "Betreff"}},
		{name: "reply line in any language becomes a boundary",
			in:      "Ci sono novità?\n\nIl giorno ven 20 nov 2026 alle ore 09:14 Anna <anna@shop.example> ha scritto:\n> Il checkout non funziona.",
			keep:    []string{originalMessage, "> Il checkout non funziona."},
			without: []string{"09:14"}},
		{name: "a report's own key-value lines stay",
			in:   "Checkout broken.\n\nOrder: 1234\nTime: 09:40\nError: 502",
			keep: []string{"Time: 09:40", "Error: 502"}},
		{name: "the first paragraph is never a signature",
			in:   "Call me at +49 171 2345678\nwww.shop.example",
			keep: []string{"+49 171", "www.shop"}},
		{name: "a header block that names its sender without an address",
			in:      "Hi,\n\nall four of us get errors since 7:15.\n\nJo\n\nJo Fletcher\nOffice Manager | Fletcher Ltd\n01632 960 221 | Mon-Fri 7:00-15:30\n\nFrom: Jo Fletcher\nSent: 17 May 2028 19:12\nTo: Support\nSubject: can't log in\n\nLogin error?",
			keep:    []string{"since 7:15", originalMessage, "Login error?"},
			without: []string{"19:12", "15:30", "Subject"}},
		{name: "a reply line quoted with its message",
			in:      "Checkout is down!\n\n> On 18 May 2028 14:05, Victor Lane wrote:\n> Customer says the checkout spins.",
			keep:    []string{"Checkout is down!", originalMessage, "> Customer says"},
			without: []string{"14:05"}},
		{name: "a quoted line with a time that opens no quote stays",
			in:   "Still broken.\n\n> Hi,\n> it failed on 18 May 2028 at 14:05 for:\n> order 1234",
			keep: []string{"14:05"}},
		{name: "a Chinese reply line and a disclaimer below the quote",
			in:      "所有的退款全部失败。\n\n王磊\n电话：0755-8888 1234（周一至周五 9:00-18:00）\n\n在 2028年5月18日 07:05，王磊 写道：\n> 退款一直失败。\n\n本邮件可能包含保密信息，如误收请立即删除并通知发件人。",
			keep:    []string{"退款全部失败", originalMessage, "> 退款一直失败"},
			without: []string{"07:05", "9:00-18:00", "保密"}},
		{name: "a Japanese disclaimer",
			in:      "カード決済がエラーになっております。\n\n本メールは機密情報を含む場合があります。誤って受信された場合は、送信者にご連絡のうえ削除してください。",
			keep:    []string{"エラー"},
			without: []string{"機密"}},
		{name: "a Korean disclaimer",
			in:      "로그인이 안 됩니다.\n\n본 메일은 기밀 정보를 포함할 수 있습니다. 잘못 수신하신 경우 발신자에게 알리고 즉시 삭제해 주십시오.",
			keep:    []string{"로그인이"},
			without: []string{"기밀"}},
		{name: "a Chinese report about deleted confidential data is no disclaimer",
			in:   "您好，\n\n我们的机密客户数据被删除了，收件人都收到错误的邮件。",
			keep: []string{"机密客户数据被删除"}},
		{name: "HTML leftovers",
			in:      "Payments fail.&nbsp;Please check.\n[cid:image001.png@01DB3C4E.5A6F7B80]\nAcme<https://acme.example/>",
			keep:    []string{"Payments fail. Please check."},
			without: []string{"cid:", "&nbsp;", "https://"}},
	} {
		got := mailText(c.in)
		for _, k := range c.keep {
			if !strings.Contains(got, k) {
				t.Errorf("%s: %q lost from\n%s", c.name, k, got)
			}
		}
		for _, w := range c.without {
			if strings.Contains(got, w) {
				t.Errorf("%s: %q kept in\n%s", c.name, w, got)
			}
		}
	}
}

func TestQuotedReport_aFollowUpNoteHandsOver(t *testing.T) {
	created := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name, subject, desc string
		report              bool
		wantSubject, want   string
	}{
		{name: "any update", subject: "Re: Checkout down",
			desc:   "Any update on this?\n\nThanks,\nAnna\n\n" + originalMessage + "\n> Checkout is down since 9:00.\n> > older history",
			report: true, wantSubject: "Checkout down", want: "Checkout is down since 9:00.\n> older history"},
		{name: "forward note", subject: "Fwd: RE: Checkout down",
			desc:   "FYI, see below.\n\nTom\n\n---------- Forwarded message ---------\n\nCheckout is down.",
			report: true, wantSubject: "RE: Checkout down", want: "Checkout is down."},
		{name: "a note that says something", subject: "Re: Checkout down",
			desc: "Still down for all our customers!\n\n" + originalMessage + "\n> Checkout is down."},
		{name: "a resolution", subject: "Re: Checkout down",
			desc: "Works again, thanks.\n\n" + originalMessage + "\n> Checkout is down."},
		{name: "a long answer", subject: "Re: [#4711] Deleting products",
			desc: "Will deleting a product also remove its order history? We don't want to lose any data on old orders.\n\n" + originalMessage + "\n> Which product do you mean?"},
	} {
		tk := Ticket{Subject: c.subject, Description: mailText(c.desc), CreatedAt: created}
		got, ok := quotedReport(tk, ownText(tk.Description))
		if ok != c.report {
			t.Errorf("%s: handed over %v, want %v", c.name, ok, c.report)
			continue
		}
		if ok && (got.Subject != c.wantSubject || strings.TrimSpace(got.Description) != c.want) {
			t.Errorf("%s: report %q / %q, want %q / %q", c.name, got.Subject, got.Description, c.wantSubject, c.want)
		}
	}
}

// mailText is mailTextHeaders' text alone.
func mailText(desc string) string {
	text, _ := mailTextHeaders(desc)
	return text
}
