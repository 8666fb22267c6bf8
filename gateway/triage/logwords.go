package triage

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Round fifty-five: a failure report whose words name no service, or name
// one whose logs are clean in the window, is about the failing (or slowed)
// service whose own risen failure lines in the window share distinctive
// content words with the ticket: "Partner API token endpoint: ~25% HTTP
// 500" beside auth's "partner API token for client=<id> not issued: key
// store <ip> is a stale replica". No list of a world's words is added.
//
// Its review's mends: a log word counts only when it is distinctive (in no
// other service's templates and in none of this service's other, steady
// ones), URL, path, host and class-path pieces are dropped, and at least
// one shared word is no everyday or code word (everydayLogWords): real
// templates are mostly code and infrastructure words ("request", "server",
// "connection", "file"), which say nothing of what the ticket is about.
// The ticket's words are those its claim was read on (no quoted thread, no
// tags), outside a negated clause or one that says a thing works.

// minLogWordsShared is how many distinct log words a ticket must share
// with one failing service's distinctive words.
const minLogWordsShared = 2

// minLogWordLen is the shortest content word (in letters, folded) read on
// either side: shorter ones are mostly function words, units or codes.
const minLogWordLen = 4

// maxLogTemplate bounds the text of a template whose words are read: a
// stack trace's tail says no more than its head.
const maxLogTemplate = 300

// withoutPlaceholders is s without its masked values (<id>, <num>, <ip>)
// and the field name before one ("user=<email>", "cart=<num>"): a log's
// field names are the code's, not the world's words. (A scan, not a
// regular expression: a template is read in one pass.)
func withoutPlaceholders(s string) string {
	var b strings.Builder
	from := 0 // s[from:] not yet written
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] >= 'a' && s[j] <= 'z' {
			j++
		}
		if j == i+1 || j == len(s) || s[j] != '>' {
			continue
		}
		k := i
		if k > from && s[k-1] == '=' {
			for k--; k > from && (s[k-1] >= 'a' && s[k-1] <= 'z' || s[k-1] >= 'A' && s[k-1] <= 'Z' || s[k-1] == '_'); k-- {
			}
		}
		b.WriteString(s[from:k])
		b.WriteByte(' ')
		from, i = j+1, j
	}
	b.WriteString(s[from:])
	return b.String()
}

// logPiece reports whether a field of a template (split at spaces) is a
// URL, a path, a host name or a dotted class path ("http://…",
// "/api/v1/charges", "db-primary.prod.internal",
// "org.postgresql.util.PSQLException"): its pieces ("api", "example",
// "postgresql") are the code's and the network's, dropped whole.
func logPiece(f string) bool {
	if strings.Contains(f, "/") || strings.Contains(f, "\\") {
		return true
	}
	alnum := func(b byte) bool {
		return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '-'
	}
	for i := 1; i+1 < len(f); i++ {
		if f[i] == '.' && alnum(f[i-1]) && alnum(f[i+1]) {
			return true
		}
	}
	return false
}

// contentWords are the content words of toks: folded stems of at least
// minLogWordLen letters (no digits, ids or placeholders) that are no
// function word, at no position skip sets aside.
func contentWords(toks []token, skip func(i int) bool) []string {
	var out []string
	for i, t := range toks {
		w := t.fw
		if skip(i) || len([]rune(w)) < minLogWordLen || functionWords[t.raw] {
			continue
		}
		letters := true
		for _, r := range w {
			if !unicode.IsLetter(r) {
				letters = false
				break
			}
		}
		if letters && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// claimToks are the words run read the claim (sig) on, positions kept: a
// reply's new words when they claim anything (run judges the reply on
// them); else the writer's own words before any quoted history, or for a
// ticket that is no reply (a forward among them) its subject and
// description; never the tags ("login_issue" is the desk's word).
func claimToks(tk Ticket, own string, toks []token, reply *replyWords) []token {
	text := tk.Description
	if reply != nil {
		if c, _ := classify(reply.sig, &trace{}); c != claimUnknown {
			return reply.toks
		}
		text = own
	}
	return toks[:min(len(toks), len(tokenize(clip(tk.Subject+". "+text, maxText))))]
}

// logContentWords are a ticket's content words (toks, the words sig was
// read on), but for the words of a claim the lists read ("error",
// "timeout", "nobody can", "slow": they say what happened, not to which of
// the world's things) and those of a clause that denies or clears them: a
// negator before them not part of a claim ("it is not the partner
// token"), or a word saying a thing works ("token refresh works fine").
func logContentWords(toks []token, sig *signals) []string {
	claimed := claimedAt(sig)
	cleared := clearedAt(toks, sig, claimed)
	return contentWords(toks, func(i int) bool { return claimed[i] || cleared(i) })
}

// claimedAt are the positions of the words of a claim the lists read
// ("error", "timeout", "nobody can", "slow").
func claimedAt(sig *signals) map[int]bool {
	claimed := map[int]bool{}
	for _, hs := range [][]hit{sig.outage, sig.failure, sig.degraded, sig.cueFailure, sig.many, sig.one,
		sig.share, sig.total, sig.self, sig.assert} {
		for _, h := range hs {
			for k := range h.phrase {
				claimed[h.pos+k] = true
			}
		}
	}
	return claimed
}

// clearedAt reports whether the word at a position stands in a clause
// that denies or clears it: after a negator of its clause that is no part
// of a claim (claimed: "it is not the partner token"), or in a clause
// with a word saying a thing works ("the card payment went through
// fine").
func clearedAt(toks []token, sig *signals, claimed map[int]bool) func(int) bool {
	clauseOf := func(i int) int {
		if i < len(sig.clause) {
			return sig.clause[i]
		}
		return -1 - i
	}
	negatedClause, fineClause := map[int]int{}, map[int]bool{}
	for i, t := range toks {
		if claimed[i] {
			continue
		}
		c := clauseOf(i)
		if negators[t.w] {
			if _, ok := negatedClause[c]; !ok {
				negatedClause[c] = i
			}
		}
		if fineWords[t.raw] {
			fineClause[c] = true
		}
	}
	return func(i int) bool {
		c := clauseOf(i)
		from, neg := negatedClause[c]
		return neg && from < i || fineClause[c]
	}
}

// templateWords are the content words of a template: its placeholders,
// URLs, paths, hosts and class paths dropped, clipped to maxLogTemplate,
// but for the words of a failure, outage or slowness phrase ("failed",
// "refused", "timeout": what happened, not to what). Only the claim lists
// are read, not a ticket's whole signals.
func templateWords(tp string) []string {
	toks := tokenize(templateText(tp))
	claimed := map[int]bool{}
	for _, set := range []*phraseSet{outageWords, failureWords, degradedWords} {
		for _, h := range findAll(toks, set) {
			for k := range h.phrase {
				claimed[h.pos+k] = true
			}
		}
	}
	return contentWords(toks, func(i int) bool { return claimed[i] })
}

// templateText is a template clipped to maxLogTemplate, its placeholders,
// URLs, paths, hosts and class paths dropped.
func templateText(tp string) string {
	fs := strings.Fields(withoutPlaceholders(clip(tp, maxLogTemplate)))
	return strings.Join(slices.DeleteFunc(fs, logPiece), " ")
}

// plainWordKeys are the keys (logWordKey) of a template's words of
// minLogWordLen letters or more, read without the tokenizer or the lists:
// the other templates' words only hold a risen one's against it.
func plainWordKeys(tp string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(templateText(tp)), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= minLogWordLen {
			out = append(out, logWordKey(fold(stem(w))))
		}
	}
	return out
}

// logWordsCache holds each service's distinctive log words, worked out on
// the first ticket that asks, once per gathering.
type logWordsCache struct {
	tpls  map[string]map[string]*tplCount
	once  sync.Once
	words map[string][]string
	// vocab is each service's own words (vocabplace.go), worked out once.
	vocabOnce sync.Once
	vocab     map[string]*serviceVocab
}

// serviceLogWords are the distinctive words of service's risen templates
// in ev, in any ending (logWordKey): words no other template seen at least
// minCommonCount times holds, neither another service's nor a steady one
// of this service's (seen so often in the baseline). The window's other
// templates of the service itself are its failure's own ("claim
// submission cl_UDSNJCACJG failed", an id the masking missed). The
// templates read are each service's most frequent, at most
// maxCommonTemplates, clipped to maxLogTemplate.
func (ev *Evidence) serviceLogWords(service string) []string {
	c := ev.logWords
	if c == nil {
		c = &logWordsCache{} // an Evidence not gathered: its risen templates only
	}
	c.once.Do(func() {
		held := wordOwners{}        // word key → services whose risen templates hold it
		others := wordOwners{}      // word key → services whose other templates hold it
		steady := map[string]bool{} // word keys of templates steady in the baseline
		c.words = map[string][]string{}
		for name, se := range ev.Services {
			for _, tp := range se.RisenTemplates {
				for _, w := range templateWords(tp) {
					held.add(logWordKey(w), name)
					if !slices.Contains(c.words[name], w) {
						c.words[name] = append(c.words[name], w)
					}
				}
			}
		}
		for name, tps := range commonTemplates(c.tpls) {
			var risen []string
			if se := ev.Services[name]; se != nil {
				risen = se.RisenTemplates
			}
			for _, tp := range tps {
				tc := c.tpls[name][tp]
				if slices.Contains(risen, tp) || !tc.common() {
					continue
				}
				for _, k := range plainWordKeys(tp) {
					if tc.base >= minCommonCount {
						steady[k] = true
					}
					others.add(k, name)
				}
			}
		}
		for name, ws := range c.words {
			c.words[name] = slices.DeleteFunc(ws, func(w string) bool {
				k := logWordKey(w)
				return steady[k] || len(held[k]) > 1 || len(others[k]) > 1 || len(others[k]) == 1 && !others[k][name]
			})
		}
	})
	return c.words[service]
}

// wordOwners are the services that hold each word key.
type wordOwners map[string]map[string]bool

func (o wordOwners) add(k, service string) {
	if o[k] == nil {
		o[k] = map[string]bool{}
	}
	o[k][service] = true
}

// common reports whether a template was seen minCommonCount times or
// more in the window and the baseline: a one-off line (a user's text
// unmasked) is no template of the service's.
func (tc *tplCount) common() bool { return tc.base+tc.win >= minCommonCount }

// minCommonCount is how often another template must be seen for its
// words to count against a service's risen ones: a one-off variant is no
// template of its own.
const minCommonCount = 3

// logWordKey is a word without one ending and a final "e" ("issued",
// "issue" → "issu"; "uploading" → "upload"): the key distinctiveness and
// everydayLogWords are judged on.
func logWordKey(w string) string {
	for _, suf := range []string{"ing", "ed", "en", "es", "s"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= minLogWordLen {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if len(w) > minLogWordLen && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

// logWordEndings are the endings by which a ticket's word and a log's are
// one ("reminder", "reminders"; "upload", "uploading", "uploaden";
// "issue", "issued"; "store", "storing").
var logWordEndings = []string{"s", "es", "d", "ed", "ing", "en"}

// sameLogWord reports whether a ticket's word and a log's word are one:
// equal, or, the shorter of five letters or more, the longer is the
// shorter (or the shorter without its final "e") and a listed ending. A
// compound ("price", "priceradar"; "check", "checkout"), an agent noun
// ("print", "printer") or another language's word ("client", "cliente";
// "order", "orden") is none.
func sameLogWord(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 5 || !strings.HasPrefix(b, strings.TrimSuffix(a, "e")) {
		return false
	}
	for _, e := range logWordEndings {
		if b == a+e || strings.HasSuffix(a, "e") && e != "s" && e != "d" && e != "es" && b == a[:len(a)-1]+e {
			return true
		}
	}
	return false
}

// sharedLogWords are the log words (logw) the ticket's words hold, each
// once, and the ticket's words that hold them, in the ticket's order:
// "catalogo" and "catalogue" against "catalogue" are one word shared.
func sharedLogWords(ticket, logw []string) (logShared, ticketShared []string) {
	for _, w := range ticket {
		i := slices.IndexFunc(logw, func(l string) bool { return sameLogWord(w, l) })
		if i >= 0 && !slices.Contains(logShared, logw[i]) {
			logShared = append(logShared, logw[i])
			ticketShared = append(ticketShared, w)
		}
	}
	return logShared, ticketShared
}

// failureClaim reports whether c tells of a failure: an outage, one
// writer's failure, slowness, a share failing.
func failureClaim(c claim) bool {
	switch c {
	case claimOutage, claimOne, claimDegraded, claimPartial:
		return true
	}
	return false
}

// namesService reports whether the matcher reads a service of the
// project in the word w ("payments", "checkout").
func (t *Triager) namesService(w string) bool {
	return len(t.matcher.find(tokenize(w))) > 0
}

// logWordsService is the failing service the ticket's own words place by
// its log lines, when the words leave the service open (service "") or
// name one only by a synonym, a tag or its flow while its logs are below
// a moderate anomaly in the window; nil otherwise. Only a failure report
// asks (an outage, one writer's failure, slowness, a share failing): a
// question, a security, privacy or data-loss report and a resolution are
// about what they name. A candidate fails moderately or more (slowness:
// or its warnings rose) while the report stands, and its distinctive log
// words (serviceLogWords) that name no service of the project hold at
// least minLogWordsShared of the ticket's words, one of them no everyday
// word; two alike place none.
func (t *Triager) logWordsService(f *facts, service string, se *ServiceEvidence) (*ServiceEvidence, string) {
	if !failureClaim(f.claim) || f.ev == nil || se != nil && levelRank(se.Level) >= levelRank(LevelModerate) || namedFirmly(f.mentions, service) ||
		accountBilling(&f.sig) && !failedNotBilled(&f.sig) {
		return nil, ""
	}
	words := logContentWords(f.toks, &f.sig)
	if len(words) < minLogWordsShared {
		return nil, ""
	}
	// A report of the present is tied only to a failure still running, as
	// clearAnomaly ties one (an outage claim may point to any in its
	// window).
	current := f.claim != claimOutage && !pastWindow(f.ref, f.created)
	var best *ServiceEvidence
	var bestShared []string
	tie := false
	for _, o := range f.ev.Ranked() {
		if o.Service == service || !t.known(o.Service) || stale(f.ev, o, f.ref, f.created, f.sig.over) ||
			current && o.End.Before(f.created.Add(-staleAfter)) {
			continue
		}
		if levelRank(o.Level) < levelRank(LevelModerate) && !(f.claim == claimDegraded && o.WarnRise) {
			continue
		}
		logShared, shared := sharedLogWords(words, f.ev.serviceLogWords(o.Service))
		// a log word that names a service of the project ("upstream
		// payments returned 504", "checkout") tells of that service (only
		// the shared words are looked up: a ticket's cost does not grow
		// with the templates' length)
		for i := len(logShared) - 1; i >= 0; i-- {
			if t.namesService(logShared[i]) {
				logShared, shared = slices.Delete(logShared, i, i+1), slices.Delete(shared, i, i+1)
			}
		}
		if len(logShared) < minLogWordsShared || !slices.ContainsFunc(logShared, func(w string) bool {
			return !everydayLogWords[logWordKey(w)]
		}) {
			continue
		}
		switch {
		case len(logShared) > len(bestShared):
			best, bestShared, tie = o, shared, false
		case len(logShared) == len(bestShared):
			tie = true
		}
	}
	if best == nil || tie {
		return nil, ""
	}
	what := "the words name no service"
	if service != "" {
		what = fmt.Sprintf("%s, the service the words name, is clean in the window", service)
	}
	return best, fmt.Sprintf("%s; %s's failing log lines share the ticket's words %s: %s", what, best.Service, quoteWords(bestShared), best.Service)
}

// namedFirmly reports whether the words name service by its name or an
// alias, not only by a synonym, a tag or the flow they describe: the
// world's own alias is the world's word already.
func namedFirmly(ms []ServiceMention, service string) bool {
	return slices.ContainsFunc(ms, func(m ServiceMention) bool { return m.Service == service && m.Strength >= strengthAlias })
}

// quoteWords quotes words for a reason: "partner", "token".
func quoteWords(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = fmt.Sprintf("%q", w)
	}
	return strings.Join(q, ", ")
}

// everydayLogWords are everyday English words and the words of code and
// infrastructure that real log templates are made of (by logWordKey): two
// of them shared say nothing of which of the world's things a ticket is
// about ("I requested a password reset … please check" beside a database
// driver's "Error processing request … Check that the hostname …"). A
// ticket and a log must share at least one word besides them. Written by
// hand for round fifty-five's review, not from a frequency list.
var everydayLogWords = wordSet(func(w string) string { return logWordKey(fold(stem(w))) },
	// everyday English
	"able about above accept access account across action active actual address after again against agree ahead allow almost alone along already always amount answer anyone anything anyway appear apply area around arrive article aside asked attempt available away",
	"back bank base basic become before begin behind believe below best better between big bill block board body book both bottom bought box break bring broke build business busy button",
	"call came card care carry case cause certain chance change charge cheap check choose city claim class clean clear click close code collect come company complete contact content continue control copy correct cost could count country couple course cover create current customer",
	"damage date day dead deal dear decide delete deliver detail different direct done double down during each early easy either else email empty end enough enter entire even evening event ever every everything exact example expect experience explain extra",
	"face fact family fast feel field file fill final find fine finish first five fix follow form found four free friend from front full",
	"gave general give given goes going good great green group guess half hand happen hard have head hear help here high hold home hope hour house however huge idea important include inform inside instead interest issue item",
	"just keep kind know large last late later least leave left less letter level life light like line link list little live long look lose loss lost made mail main make many mark matter maybe mean message middle might mind minute miss moment money month more morning most move much must",
	"name near need never next nice night none normal note nothing notice number offer office often okay once only open option order other over own page paid part partner party pass past pay people perhaps person phone picture place plan please point possible post power price print private probably problem product proper provide public pull push put",
	"password question quick quite rather read ready real really reason receive recent record refresh release reply report request require rest result return right room round run",
	"said same save saw screen second section see seem send sent serious service session set several share shop short should show side sign simple since single site small some someone something soon sort sound start state still stop store story strange such support sure system",
	"take talk team tell test text than thank thing think third though thought three through time today together told tomorrow took total tried true trouble turn twice type under until update upload urgent usage use usual value very view visit wait want watch week well went whole wide will with within without word work world would write wrong year yesterday",
	// code and infrastructure
	"api app application auth authentication backend batch body buffer bytes cache callback certificate channel client cluster command config configuration connect connection console container context cookie core database debug default device disk domain driver endpoint engine entry environment exception exit export external fetch filter format frontend function gateway handler handle hash header health host hostname http https image import index input instance internal java json kernel key library load local lock log login logout manager memory method module network node null object operation output package parameter parse path payload peer permission pipeline platform plugin pool port process protocol proxy queue read record redirect registry remote reset resource response retry route router runtime schema script secret server socket source stack status storage stream string sync task thread trace transaction upstream user username version worker write",
	// not "token": an auth flow's word more than every service's
)
