package triage

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// Round fifty-five: each world's logs speak that world's words. A failure
// report whose words name no service, or name one whose logs are clean in
// the window, is about the failing (or slowed) service whose own failure
// lines in the window share distinctive content words with the ticket:
// "Partner API token endpoint: ~25% HTTP 500" beside auth's "partner API
// token for client=<id> not issued: key store <ip> is a stale replica".
// The words are the world's log text, matched as written: no list of a
// world's words is added.

// minLogWordsShared is how many distinct content words a ticket must share
// with one failing service's lines, and no other's.
const minLogWordsShared = 2

// minLogWordLen is the shortest content word (in letters, folded) read on
// either side: shorter ones are mostly function words, units or codes.
const minLogWordLen = 4

// rePlaceholder is a masked value in a template (<id>, <num>, <ip>) with
// the field name before it ("user=<email>", "cart=<num>"): a log's field
// names are the code's, not the world's words.
var rePlaceholder = regexp.MustCompile(`(?:[A-Za-z_]+=)?<[a-z]+>`)

// logContentWords are the distinctive words of a text read into toks and
// sig: folded stems of at least minLogWordLen letters (no digits, ids or
// placeholders) that are no function word and no word of a claim the lists
// read ("error", "timeout", "nobody can", "slow": they say what happened,
// not to which of the world's things).
func logContentWords(toks []token, sig *signals) []string {
	claimed := map[int]bool{}
	for _, hs := range [][]hit{sig.outage, sig.failure, sig.degraded, sig.cueFailure, sig.many, sig.one,
		sig.share, sig.total, sig.self, sig.assert} {
		for _, h := range hs {
			for k := range h.phrase {
				claimed[h.pos+k] = true
			}
		}
	}
	var out []string
	for _, t := range toks {
		w := t.fw
		if claimed[t.pos] || len([]rune(w)) < minLogWordLen || functionWords[t.raw] {
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

// templateWords are the content words of a service's window templates,
// read as a ticket's are, but for the words that name another service of
// the project ("upstream payments returned 504" is checkout-api's line
// about payments: "payments" tells checkout-api nothing).
func (t *Triager) templateWords(service string, tpls []string) []string {
	var out []string
	for _, tp := range tpls {
		text := rePlaceholder.ReplaceAllString(tp, " ")
		toks := tokenize(text)
		sig := readSignals(toks, text)
		for _, w := range logContentWords(toks, &sig) {
			if slices.Contains(out, w) {
				continue
			}
			if ms := t.matcher.find(tokenize(w)); len(ms) > 0 && ms[0].Service != service {
				continue
			}
			out = append(out, w)
		}
	}
	return out
}

// sameLogWord reports whether a ticket's word and a log's word are one:
// equal, or, both of five letters or more, the shorter (but its last
// letter) starts the longer, which is at most three letters longer: an
// ending ("reminder", "reminders"; "upload", "uploading"; "issue",
// "issued"), not a compound ("price", "priceradar").
func sameLogWord(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 5 && len(b)-len(a) <= 3 && strings.HasPrefix(b, a[:len(a)-1])
}

// sharedLogWords are the ticket's words found among a service's log words.
func sharedLogWords(ticket, logw []string) []string {
	var out []string
	for _, w := range ticket {
		if slices.ContainsFunc(logw, func(l string) bool { return sameLogWord(w, l) }) {
			out = append(out, w)
		}
	}
	return out
}

// logWordsService is the failing service the ticket's own words place by
// its log lines, when the words leave the service open (service "") or
// name one only by a synonym, a tag or its flow while its logs are below
// a moderate anomaly in the window; nil
// otherwise. Only a failure report asks (an outage, one writer's failure,
// slowness, a share failing): a question, a security, privacy or data-loss
// report and a resolution are about what they name. A candidate fails
// moderately or more (slowness: or its warnings rose) while the report
// stands, and shares at least minLogWordsShared content words with the
// ticket that no other failing service's lines hold; two alike place none.
func (t *Triager) logWordsService(f *facts, service string, se *ServiceEvidence) (*ServiceEvidence, string) {
	switch f.claim {
	case claimOutage, claimOne, claimDegraded, claimPartial:
	default:
		return nil, ""
	}
	if f.ev == nil || se != nil && levelRank(se.Level) >= levelRank(LevelModerate) || namedFirmly(f.mentions, service) ||
		accountBilling(&f.sig) && !failedNotBilled(&f.sig) {
		return nil, ""
	}
	words := logContentWords(f.toks, &f.sig)
	if len(words) < minLogWordsShared {
		return nil, ""
	}
	type cand struct {
		se    *ServiceEvidence
		words []string
	}
	// A report of the present is tied only to a failure still running, as
	// clearAnomaly ties one (an outage claim may point to any in its
	// window).
	current := f.claim != claimOutage && !pastWindow(f.ref, f.created)
	var cands []cand
	for _, o := range f.ev.Ranked() {
		if o.Service == service || !t.known(o.Service) || stale(o, f.ref, f.created, f.sig.over) ||
			current && o.End.Before(f.created.Add(-staleAfter)) {
			continue
		}
		if levelRank(o.Level) < levelRank(LevelModerate) && !(f.claim == claimDegraded && o.WarnRise) {
			continue
		}
		cands = append(cands, cand{o, t.templateWords(o.Service, o.RisenTemplates)})
	}
	var best *ServiceEvidence
	var bestShared []string
	tie := false
	for i, c := range cands {
		// a word in two failing services' lines tells neither
		own := slices.DeleteFunc(slices.Clone(c.words), func(w string) bool {
			for j, o := range cands {
				if j != i && slices.ContainsFunc(o.words, func(x string) bool { return sameLogWord(w, x) }) {
					return true
				}
			}
			return false
		})
		shared := sharedLogWords(words, own)
		switch {
		case len(shared) < minLogWordsShared:
		case len(shared) > len(bestShared):
			best, bestShared, tie = c.se, shared, false
		case len(shared) == len(bestShared):
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
