package triage

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A ticket that arrives by e-mail carries the scaffolding of the thread
// around its report: a header block or an "On … wrote:" line over each
// quoted message, signatures with phone numbers, street addresses and
// office hours, legal disclaimers, a mobile client's line, a help desk's
// footer, the leftovers of HTML. None of it says what is reported, about
// when or for whom, yet its words and numbers read like a report's
// ("received in error", "delete", "unauthorized", "Mon-Fri 9:00-17:30
// CET"). mailTextHeaders takes it out by the layout mail clients give it, not by
// its words where the layout suffices:
//
//   - a header block — at least three consecutive short "Key: value" lines,
//     one of which holds an address and one a date or a clock, or two
//     right under a boundary rule — and a
//     reply line — a line ending in ":" that holds an address and a date
//     or clock, or one of them over a quoted line — become one
//     "-----Original Message-----" line: the boundary of the quoted history
//     stays, its dates and clocks go;
//   - in each message of the thread (a run of lines at one quote depth
//     between boundaries), the paragraphs at its end that are a
//     signature — short lines one of which is mostly a phone number,
//     address, link or office hours; or all under a "-- " line — a
//     disclaimer (a paragraph about the message itself naming at least
//     four of the concepts legal boilerplate is made of, in many languages
//     at once) or a mobile client's line are dropped, never the message's
//     first paragraph that says more than a greeting;
//   - inline images ("[cid:image001.png@…]"), link targets in angle
//     brackets and HTML entities ("&nbsp;") are removed.
//
// mailTextHeaders also returns the header blocks and reply lines it took
// out, one string each, newest first: their dates and clocks are the
// writer's own clock (threadzone.go).
func mailTextHeaders(desc string) (string, []string) {
	if !strings.ContainsAny(desc, "\n&[<") {
		return desc, nil
	}
	desc = reInlineImage.ReplaceAllString(desc, "")
	desc = reLinkTarget.ReplaceAllString(desc, "")
	if strings.Contains(desc, "&") {
		desc = htmlEntities.Replace(desc)
	}
	lines := strings.Split(desc, "\n")
	ls := make([]mailLine, len(lines))
	for i, l := range lines {
		ls[i] = splitQuote(l)
	}
	var headers []string
	ls = markHeaders(ls, &headers)
	ls = dropTails(ls)
	var b strings.Builder
	b.Grow(len(desc))
	for i, l := range ls {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.prefix)
		b.WriteString(l.text)
	}
	return b.String(), headers
}

// mailLine is one line of a mail text: its quote prefix ("> > ") and what
// follows it.
type mailLine struct {
	prefix, text string
	depth        int  // how many ">" the prefix holds
	boundary     bool // a quote or forward boundary
}

func splitQuote(l string) mailLine {
	i, depth := 0, 0
	for i < len(l) && (l[i] == '>' || l[i] == ' ' || l[i] == '\t') {
		if l[i] == '>' {
			depth++
		}
		i++
	}
	if depth == 0 {
		i = 0
	}
	ml := mailLine{prefix: l[:i], text: l[i:], depth: depth}
	ml.boundary = reBoundaryLine.MatchString(ml.text)
	return ml
}

var (
	reInlineImage = regexp.MustCompile(`\[cid:[^\]\n]*\]`)
	reLinkTarget  = regexp.MustCompile(`<(?:https?://|mailto:)[^<>\s]*>`)
	htmlEntities  = strings.NewReplacer("&nbsp;", " ", "&NBSP;", " ", "&amp;", "&", "&quot;", `"`, "&#39;", "'", "&apos;", "'", "&#160;", " ")
	// reBoundaryLine is a line that starts the quoted or forwarded history
	// by itself: a rule with a marker between dashes, or of underscores.
	reBoundaryLine = regexp.MustCompile(`(?i)^\s*(?:-{3,}\s*(?:` + quoteMarkers + `)|_{8,}\s*$)`)
	// reHeaderField is a "Key: value" line whose key is one to three
	// words.
	reHeaderField = regexp.MustCompile(`^\s*\p{L}[\p{L}.'-]*(?:\s\p{L}[\p{L}.'-]*){0,2}\s?:(?:\s|$)`)
	reAddress     = regexp.MustCompile(`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|\[mailto:`)
	reYear        = regexp.MustCompile(`\b(?:19|20)\d\d\b`)
	reClock       = regexp.MustCompile(`\b\d{1,2}[:.]\d\d\b`)
	// reBareName is a value of one to four capitalised words of letters.
	reBareName = regexp.MustCompile(`^\s*\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*){0,3}\s*$`)
)

// originalMessage is the boundary line a header block or reply line
// becomes.
const originalMessage = "-----Original Message-----"

// markHeaders turns header blocks and reply lines into one boundary line.
func markHeaders(ls []mailLine, headers *[]string) []mailLine {
	out := ls[:0:0]
	for i := 0; i < len(ls); i++ {
		l := ls[i]
		if n := headerBlock(ls[i:], len(out) > 0 && out[len(out)-1].boundary); n > 0 {
			var b strings.Builder
			for _, h := range ls[i : i+n] {
				b.WriteString(h.text)
				b.WriteByte('\n')
			}
			*headers = append(*headers, b.String())
			// Under a forward or original-message rule the block needs no
			// boundary of its own.
			if len(out) == 0 || !out[len(out)-1].boundary {
				out = append(out, mailLine{prefix: l.prefix, text: originalMessage, depth: l.depth, boundary: true})
			}
			i += n - 1
			continue
		}
		if isReplyLine(ls, i) {
			*headers = append(*headers, l.text)
			out = append(out, mailLine{prefix: l.prefix, text: originalMessage, depth: l.depth, boundary: true})
			continue
		}
		out = append(out, l)
	}
	return out
}

// headerBlock returns how many lines from ls[0] form a header block, 0
// when they do not. Right under a boundary line two "Key: value" lines
// are one, whatever they hold.
func headerBlock(ls []mailLine, underBoundary bool) int {
	n, addr, date, stamp, named := 0, false, false, false, false
	for n < len(ls) && ls[n].depth == ls[0].depth && utf8.RuneCountInString(ls[n].text) <= 300 && reHeaderField.MatchString(ls[n].text) {
		v := ls[n].text[strings.IndexByte(ls[n].text, ':')+1:]
		addr = addr || reAddress.MatchString(v)
		y, c := reYear.MatchString(v), reClock.MatchString(v)
		date = date || y || c
		stamp = stamp || y && c
		if n == 0 {
			named = reBareName.MatchString(v)
		}
		n++
	}
	// A client that sends inside one organisation writes the sender as a
	// bare name ("From: Jo Fletcher", "Lähettäjä: Mikko Virtanen"): a
	// block that opens with a name and holds a full date and clock is a
	// header block without an address. A report's own fields open with a
	// number or a code ("Order: 1234").
	if n >= 3 && (addr && date || named && stamp) || underBoundary && n >= 2 {
		return n
	}
	return 0
}

// isReplyLine reports whether ls[i] is the line a mail client writes over
// the message it quotes ("On Fri, 20 Nov 2026 at 09:14, Anna <a@b.c>
// wrote:", in any language): a line ending in ":" with an address and a
// date or clock, or with one of them right over a quoted line.
func isReplyLine(ls []mailLine, i int) bool {
	t := strings.TrimSpace(ls[i].text)
	if !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, "：") || utf8.RuneCountInString(t) > 300 {
		return false
	}
	addr, date := reAddress.MatchString(t), reYear.MatchString(t) || reClock.MatchString(t)
	if addr && date {
		return true
	}
	if !addr && !date {
		return false
	}
	for j := i + 1; j < len(ls); j++ {
		if strings.TrimSpace(ls[j].text) != "" || ls[j].depth != ls[i].depth {
			if ls[j].depth > ls[i].depth {
				return true
			}
			// Some clients quote the reply line with its message ("> On
			// 18 May 2028 14:05, Jo wrote:" over "> …"): a dated line
			// that opens its quote is one.
			return date && reYear.MatchString(t) && ls[i].depth > 0 && ls[j].depth == ls[i].depth && opensQuote(ls, i)
		}
	}
	return false
}

// opensQuote reports whether ls[i] is the first line that says something
// at its quote depth: the line before it that is not blank is shallower.
func opensQuote(ls []mailLine, i int) bool {
	for j := i - 1; j >= 0; j-- {
		if strings.TrimSpace(ls[j].text) != "" {
			return ls[j].depth < ls[i].depth
		}
	}
	return true
}

// dropTails drops, at the end of each message of the thread, the
// paragraphs that are signature, disclaimer or a mobile client's line.
func dropTails(ls []mailLine) []mailLine {
	keep := make([]bool, len(ls))
	for i := range keep {
		keep[i] = true
	}
	for start := 0; start < len(ls); {
		end := start + 1
		for end < len(ls) && !ls[end].boundary && ls[end].depth == ls[start].depth {
			end++
		}
		dropTail(ls[start:end], keep[start:end], resumes(ls, start))
		start = end
	}
	out := ls[:0:0]
	for i, l := range ls {
		if keep[i] {
			out = append(out, l)
		}
	}
	return out
}

// resumes reports whether the run of lines from ls[start] takes up a
// message after a quote inside it: the line before is quoted deeper and an
// earlier line stands at the run's depth. A mail client appends its
// disclaimer or signature there, below the quoted history.
func resumes(ls []mailLine, start int) bool {
	if start == 0 || ls[start].boundary || ls[start-1].depth <= ls[start].depth {
		return false
	}
	for j := start - 1; j >= 0; j-- {
		if ls[j].depth == ls[start].depth && strings.TrimSpace(ls[j].text) != "" {
			return true
		}
	}
	return false
}

// dropTail marks the tail paragraphs of one message to drop. A message
// taken up after a quote (resumed) has no first paragraph to keep: its
// report stands above the quote.
func dropTail(msg []mailLine, keep []bool, resumed bool) {
	// A "-- " line starts the signature: all under it goes.
	for i, l := range msg {
		if t := strings.TrimSpace(l.text); (t == "--" || t == "—") && len(msg)-i <= 16 && i > 0 {
			for k := i; k < len(msg); k++ {
				keep[k] = false
			}
			msg = msg[:i]
			break
		}
	}
	// Paragraphs, as [from, to) line ranges.
	var paras [][2]int
	for i := 0; i < len(msg); {
		for i < len(msg) && (msg[i].boundary || strings.TrimSpace(msg[i].text) == "") {
			i++
		}
		j := i
		for j < len(msg) && strings.TrimSpace(msg[j].text) != "" {
			j++
		}
		if j > i {
			paras = append(paras, [2]int{i, j})
		}
		i = j
	}
	// The message's first paragraph that says something (more than a
	// greeting: one short line ending in "," or ":") is never dropped,
	// nor what stands before it.
	first := 0
	for first < len(paras)-1 && greeting(msg[paras[first][0]:paras[first][1]]) {
		first++
	}
	if resumed {
		first = -1
	}
	for p := len(paras) - 1; p > first; p-- {
		lines := msg[paras[p][0]:paras[p][1]]
		if !signatureLike(lines) && !disclaimer(lines) && !mobileLine(lines) {
			return
		}
		for k := paras[p][0]; k < paras[p][1]; k++ {
			keep[k] = false
		}
	}
}

var (
	rePhone    = regexp.MustCompile(`(?:\+|\(0?\d)[\d ()./-]{6,}\d|\b\d[\d ./-]{8,}\d\b`)
	reURL      = regexp.MustCompile(`(?i)\bhttps?://\S+|\bwww\.\S+`)
	reDayRange = regexp.MustCompile(`\b\p{L}{1,4}\.?\s?[-–]\s?\p{L}{1,4}\b\.?`)
	reClockRng = regexp.MustCompile(`(?i)\b\d{1,2}(?:[:.h]\d\d)?\s?(?:am|pm|h|uhr)?\s?[-–]\s?\d{1,2}(?:[:.h]\d\d)?\s?(?:am|pm|h|uhr)?\b`)
)

// signatureLike reports whether a paragraph is a signature block: short
// lines, none asking or exclaiming, one of them mostly a phone number, an
// address, a link, or office hours (a range of days and one of clocks).
func signatureLike(lines []mailLine) bool {
	if len(lines) > 14 {
		return false
	}
	contact := false
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if utf8.RuneCountInString(t) > 110 || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") {
			return false
		}
		if contact {
			continue
		}
		if reDayRange.MatchString(t) && reClockRng.MatchString(t) {
			contact = true
			continue
		}
		rest := reAddress.ReplaceAllString(t, " ")
		rest = reURL.ReplaceAllString(rest, " ")
		rest = rePhone.ReplaceAllString(rest, " ")
		if rest != t && letterWords(rest) <= 4 {
			contact = true
		}
	}
	return contact
}

// letterWords counts the words of s that hold a letter.
func letterWords(s string) int {
	n := 0
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		for _, r := range f {
			if unicode.IsLetter(r) {
				n++
				break
			}
		}
	}
	return n
}

// mobileBrands are the devices and apps mobile mail clients name in the
// line they add ("Sent from my iPhone", "Von meinem iPhone gesendet",
// "Get Outlook for Android").
var mobileBrands = map[string]bool{"iphone": true, "ipad": true, "android": true, "ios": true, "galaxy": true, "samsung": true,
	"outlook": true, "blackberry": true, "huawei": true, "xiaomi": true, "yahoo": true, "gmail": true, "mobile": true}

// mobileLine reports whether a paragraph is a mobile client's one line: a
// few words, no closing punctuation, a device or app among its last
// three.
func mobileLine(lines []mailLine) bool {
	if len(lines) != 1 {
		return false
	}
	t := strings.TrimSpace(lines[0].text)
	if strings.HasSuffix(t, ".") || strings.HasSuffix(t, "!") || strings.HasSuffix(t, "?") {
		return false
	}
	ws := strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(ws) == 0 || len(ws) > 7 {
		return false
	}
	for _, w := range ws[max(0, len(ws)-3):] {
		if mobileBrands[w] {
			return true
		}
	}
	return false
}

// legalConcepts are what disclaimers are made of — confidentiality, the
// intended recipient, receipt in error, deletion, a prohibition, the
// sender, disclosure or copying, attachments — each as word prefixes in
// the languages mail comes in.
var legalConcepts = [][]string{
	{"confiden", "vertraulich", "riservat", "vertrouwelijk", "poufn", "konfidentiell", "fortrolig", "luottamuksellinen", "důvěrn", "gizli", "privilege", "privilegiert", "sigilos", "reservad"},
	{"recipient", "addressee", "adressat", "empfänger", "destinatair", "destinatari", "geadresseerde", "mottagar", "modtager", "mottaker", "vastaanottaja", "adresát", "alıcı", "intended"},
	{"error", "irrtümlich", "erreur", "errore", "vergissing", "pomyłk", "misstag", "fejl", "erehdyksessä", "omylem", "yanlışlıkla", "engano", "mistake"},
	{"delete", "destroy", "vernicht", "lösch", "supprim", "détrui", "elimin", "borr", "cancell", "distrugg", "verwijder", "usun", "radera", "slet", "poista", "smaž", "apag"},
	{"prohibit", "unauthori", "forbidden", "untersagt", "gestattet", "unbefugt", "unerlaubt", "interdit", "prohibid", "vietat", "verboden", "toegestaan", "zabronion", "nieuprawnion", "förbjud", "obehörig", "forbudt", "kielletty", "zakázán", "yasak", "proibid"},
	{"sender", "absender", "expéditeur", "remitente", "mittente", "afzender", "nadawc", "avsändar", "afsender", "avsender", "lähettäjä", "odesílatel", "gönderen", "remetente"},
	{"disclos", "copying", "distribut", "dissemina", "weitergabe", "kopier", "divulga", "diffusion", "diffusione", "copia", "verspreid", "kopiër", "rozpowszechn", "kopiowan", "kopiering", "spridning", "videregiv", "kopiointi", "šíření", "ifşa", "divulgação", "cópia"},
	{"attachment", "anhang", "anhänge", "anlage", "jointe", "adjunt", "allegat", "bijlage", "załącznik", "bilag", "liite", "příloh", "anexo"},
}

// mailWords are the words for the message itself ("this e-mail",
// "diese Nachricht", "ce message") that a disclaimer speaks of.
var mailWords = []string{"mail", "message", "nachricht", "courriel", "mensaje", "messaggio", "bericht", "wiadomo", "meddelande",
	"besked", "meddelelse", "melding", "viesti", "zpráv", "ileti", "mensagem", "correo", "posta", "sähköposti"}

// cjkLegalConcepts are legalConcepts as Chinese (simplified and
// traditional), Japanese and Korean write them, without spaces between
// words: confidential, recipient, received in error, delete, prohibited,
// sender, copy or disclose, attachment. cjkMailWords are their words for
// the message itself.
var (
	cjkLegalConcepts = [][]string{
		{"机密", "機密", "保密", "秘密", "기밀", "비밀"},
		{"收件人", "收件者", "受信者", "宛先", "수신인", "수신자"},
		{"误收", "誤收", "错误", "錯誤", "誤って", "誤送", "誤配", "잘못"},
		{"删除", "刪除", "削除", "破棄", "삭제", "파기"},
		{"禁止", "금지"},
		{"发件人", "發件人", "寄件人", "送信者", "差出人", "발신자", "발송자"},
		{"复制", "複製", "转发", "轉發", "披露", "開示", "公開", "복사", "배포", "공개"},
		{"附件", "添付", "첨부"},
	}
	cjkMailWords = []string{"邮件", "郵件", "メール", "메일", "이메일", "电邮", "電郵"}
)

// cjkDisclaimer is disclaimer for a paragraph in Chinese, Japanese or
// Korean, whose words are not split by spaces: at least 20 such
// characters, the message itself and four of the legal concepts, one being
// confidentiality or the recipient.
func cjkDisclaimer(lines []mailLine) bool {
	var b strings.Builder
	cjk := 0
	for _, l := range lines {
		b.WriteString(l.text)
		for _, r := range l.text {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
				cjk++
			}
		}
	}
	if cjk < 20 {
		return false
	}
	text := b.String()
	n, key := 0, false
	for c, terms := range cjkLegalConcepts {
		for _, t := range terms {
			if strings.Contains(text, t) {
				n++
				key = key || c <= 1
				break
			}
		}
	}
	if n < 4 || !key {
		return false
	}
	for _, m := range cjkMailWords {
		if strings.Contains(text, m) {
			return true
		}
	}
	return false
}

// greeting reports whether a paragraph is only a salutation: one line of
// at most five words ending in "," or ":", or their full-width forms
// ("Hi,", "Dear support team,", "您好，").
func greeting(lines []mailLine) bool {
	if len(lines) != 1 {
		return false
	}
	t := strings.TrimSpace(lines[0].text)
	return (strings.HasSuffix(t, ",") || strings.HasSuffix(t, ":") || strings.HasSuffix(t, "，") || strings.HasSuffix(t, "：")) && letterWords(t) <= 5
}

// disclaimer reports whether a paragraph is legal boilerplate: it names
// the message itself and at least four of the legal concepts, one being
// confidentiality or the recipient.
func disclaimer(lines []mailLine) bool {
	var words []string
	for _, l := range lines {
		words = append(words, strings.FieldsFunc(strings.ToLower(l.text), func(r rune) bool { return !unicode.IsLetter(r) })...)
	}
	if cjkDisclaimer(lines) {
		return true
	}
	if len(words) < 15 {
		return false
	}
	found := make([]bool, len(legalConcepts))
	n := 0
	for _, w := range words {
		for c, prefixes := range legalConcepts {
			if found[c] {
				continue
			}
			for _, p := range prefixes {
				if strings.HasPrefix(w, p) {
					found[c] = true
					n++
					break
				}
			}
		}
	}
	if n < 4 || !found[0] && !found[1] {
		return false
	}
	for _, w := range words {
		for _, m := range mailWords {
			if strings.Contains(w, m) {
				return true
			}
		}
	}
	return false
}

// followUpWords is how many words a newest message may hold and still be
// a follow-up note ("Any update on this?", "See below", "Adding my
// colleague …", "FYI"), signature lines already dropped; lines of one or
// two words (a greeting, a sign-off, a name) do not count.
const followUpWords = 12

// quotedReport returns the ticket as the report its thread carries when
// the newest message is only a follow-up note: a few words that claim
// nothing of their own over a quoted or forwarded message. The report is
// then that message — one quote level taken off, its boundary line and
// the subject's "Re:"/"Fwd:" dropped — read as if it had come alone.
// ok is false when the newest message says something itself, or the
// history is not laid out in lines (an HTML quote).
func quotedReport(tk Ticket, own string) (Ticket, bool) {
	if len(own) >= len(tk.Description) || noteWords(own) > followUpWords {
		return tk, false
	}
	if toks, sig := readNewWords(own, 0); len(toks) > 0 {
		if c, _ := classify(sig, &trace{}); c != claimUnknown || sig.over || len(sig.endedBy) > 0 ||
			len(active(sig.closing)) > 0 || len(active(sig.retraction)) > 0 {
			return tk, false
		}
	}
	lines := strings.Split(tk.Description[len(own):], "\n")
	i, ruled := 0, false
	for i < len(lines) && (strings.TrimSpace(lines[i]) == "" || reBoundaryLine.MatchString(lines[i])) {
		ruled = ruled || reBoundaryLine.MatchString(lines[i])
		i++
	}
	if i == len(lines) {
		return tk, false
	}
	rest := lines[i:]
	if first := splitQuote(rest[0]); first.depth > 0 {
		// take one quote level off
		for k, l := range rest {
			if ml := splitQuote(l); ml.depth > 0 {
				rest[k] = strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(l, " \t"), ">"), " ")
			}
		}
	} else if !ruled {
		// neither quoted nor under a boundary line: an HTML quote or a
		// reply header the layout does not show
		return tk, false
	}
	out := tk
	out.Description = strings.Join(rest, "\n")
	// The note's own "Re:" or "Fwd:" goes; the report's own prefix, when
	// it was a reply or forward itself, stays.
	if loc := reReplySubject.FindStringIndex(out.Subject); loc != nil {
		out.Subject = strings.TrimSpace(out.Subject[loc[1]:])
	} else if loc := reForwardSubject.FindStringIndex(out.Subject); loc != nil {
		out.Subject = strings.TrimSpace(out.Subject[loc[1]:])
	}
	return out, true
}

// noteWords counts the words of a message's lines that hold three or more:
// what it says, without its greeting, sign-off and name lines.
func noteWords(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		if k := letterWords(l); k >= 3 {
			n += k
		}
	}
	return n
}
