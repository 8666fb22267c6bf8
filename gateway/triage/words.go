package triage

import (
	"sort"
	"strings"
)

// Word classes, each a list of phrases in ticket words. Kept as data so a
// reason can quote the phrase that fired.
var (
	// outage words claim a service is down for everyone, not one request.
	outageWords = mkPhrases("down", "outage", "is down", "went down", "offline", "unavailable", "unreachable",
		"not loading", "wont load", "doesnt load", "nothing work*", "nothing is working", "completely broken",
		"totally broken", "dead", "500s", "502s", "503s", "5xx", "bad gateway", "service unavailable",
		"internal server error", "gateway timeout", "blank page", "white screen", "cant access", "cannot access",
		"cant reach", "cannot reach", "crash*", "fell over", "on fire", "nobody can", "no one can", "noone can",
		"nobody is able", "no one is able", "none of our customers can", "none of them can")
	// failure words say something fails without claiming how widely.
	failureWords = mkPhrases("not working", "isnt working", "doesnt work", "dont work", "stopped working", "wont work",
		"broken", "broke", "fail*", "error*", "cant", "cannot", "can not", "unable", "couldnt", "wont",
		"stuck", "not going through", "doesnt go through", "rejected", "exception", "bug", "500 error*", "error 500",
		"http 500", "status 500", "500 internal", "500 server", "502", "503", "504",
		"keeps failing", "not receiving", "not received", "never arrived", "never arrive*", "didnt arrive", "not sent",
		"not showing", "wrong", "never received", "never got", "didnt receive", "did not receive", "havent received",
		"didnt get", "not getting", "not get", "incorrect", "times out", "timed out", "timing out", "timeout*", "hang*", "freez*")
	degradedWords = mkPhrases("slow", "slowly", "sluggish", "latency", "laggy", "lag", "takes forever", "taking forever",
		"ages to load", "very long", "spinning", "spinner", "intermittent*", "sometimes", "occasionally", "some requests",
		"partially", "partial", "degraded", "flaky", "every now and then", "on and off", "delayed", "delay*", "late")
	manyWords = mkPhrases("everyone", "everybody", "all users", "all our users", "all of our users", "all customers",
		"all our customers", "all of our customers", "all of us", "whole team", "entire team", "nobody", "no one",
		"noone", "none of our", "none of the", "many users", "many customers", "lots of users", "lots of customers",
		"multiple users", "multiple customers", "several customers", "several users", "hundreds", "thousands",
		"dozens", "widespread", "site wide", "sitewide", "entire site", "whole site", "every customer", "every user",
		"across the board", "all regions", "all stores", "our customers", "customers are", "users are", "all of them",
		"other customers too", "complaints", "flooded", "flooding", "everything", "a lot of users", "a lot of customers",
		"lot of our users", "lot of our customers", "lots of our customers", "lots of people", "a lot of people",
		"half of", "most of", "any of our", "all of our staff", "all staff", "our staff", "whole staff", "all employees", "most customers", "most users", "majority", "every single", "all orders", "all payments",
		"all logins", "all requests", "every request", "every order", "every payment")
	oneWords = mkPhrases("only me", "just me", "only for me", "for me", "one customer", "a customer", "one user",
		"a user", "single user", "my account", "one of our customers", "one order", "a single", "only one",
		"only my", "on my end", "a few customers", "a couple of customers", "some customers", "one client")
	payingWords = mkPhrases("paying customer", "enterprise", "premium", "vip", "biggest customer", "biggest client",
		"key account", "key customer", "sla", "contract", "platinum", "gold plan", "top customer", "largest customer")
	howtoWords = mkPhrases("how do i", "how can i", "how do we", "how can we", "how to", "is it possible", "is there a way",
		"where can i", "where do i", "where is the", "can you explain", "could you explain", "what does", "what is the",
		"documentation", "docs", "guide", "tutorial", "question", "wondering", "can i", "do you support", "does it support",
		"any way to", "best way to", "help me understand", "walk me through", "what are the steps", "instructions")
	featureWords = mkPhrases("feature request", "would be nice", "would be great", "would love", "it would help",
		"please add", "could you add", "can you add", "suggestion", "suggest", "wish", "roadmap", "request a feature",
		"support for", "nice to have", "idea", "enhancement", "would it be possible")
	billingWords = mkPhrases("invoice*", "refund*", "billing", "billed", "receipt*", "subscription", "pricing", "price",
		"plan", "vat", "tax", "charged", "charge", "credit note", "payment method", "upgrade", "downgrade", "renewal",
		"quote", "purchase order", "w-9", "w9")
	cosmeticWords = mkPhrases("typo", "misspell*", "spelling", "misaligned", "alignment", "aligned", "font", "colour",
		"color", "cosmetic", "css", "logo", "icon", "overlap*", "dark mode", "pixel", "looks off", "looks weird", "ugly",
		"padding", "margin", "capitalization", "capitalisation", "translation", "wording")
	securityWords = mkPhrases("breach", "breached", "hacked", "hack", "compromised", "unauthorized access",
		"unauthorised access", "unauthorized login", "leak*", "exposed", "exposing", "account takeover", "taken over",
		"someone elses data", "someone elses account", "other customers data", "another customers data",
		"other users data", "vulnerability", "xss", "sql injection", "csrf", "stolen", "phishing",
		"suspicious login*", "security incident", "security issue", "data exposure", "password leak*", "key leak*")
	dataLossWords = mkPhrases("data loss", "lost data", "data lost", "data was lost", "lost all", "lost our", "lost my",
		"was lost", "were lost", "got lost", "deleted", "got deleted", "disappeared", "vanished", "wiped", "erased",
		"gone missing", "all gone", "are gone", "is gone", "corrupt*", "data missing", "missing data", "lost order*",
		"orders are missing", "orders missing", "records missing")
	// billing defects are failures even though they use billing words.
	billingDefectWords = mkPhrases("charged twice", "double charged", "charged two times", "charged 2x", "overcharged",
		"charged three times", "duplicate charge*", "wrong amount", "charged the wrong", "charged again")
)

// signals is what the words of a ticket say.
type signals struct {
	outage, failure, degraded, many, one, paying, billingDefect []hit
	howto, feature, billing, cosmetic, security, dataLoss       []hit
	question                                                    bool // ends a sentence with "?"
}

func active(hs []hit) []hit {
	var out []hit
	for _, h := range hs {
		if !h.neg {
			out = append(out, h)
		}
	}
	return out
}

func negatedHits(hs []hit) []hit {
	var out []hit
	for _, h := range hs {
		if h.neg {
			out = append(out, h)
		}
	}
	return out
}

// quote lists the distinct phrases of hits for a reason line.
func quote(hs []hit) string {
	seen := map[string]bool{}
	var out []string
	for _, h := range hs {
		s := h.phrase.String()
		if !seen[s] {
			seen[s] = true
			out = append(out, `"`+strings.TrimSuffix(s, "*")+`"`)
		}
	}
	sort.Strings(out)
	if len(out) > 4 {
		out = append(out[:4], "…")
	}
	return strings.Join(out, ", ")
}

func readSignals(toks []token, text string) signals {
	s := signals{
		outage:        findAll(toks, outageWords),
		failure:       findAll(toks, failureWords),
		degraded:      findAll(toks, degradedWords),
		many:          findAll(toks, manyWords),
		one:           findAll(toks, oneWords),
		paying:        findAll(toks, payingWords),
		howto:         findAll(toks, howtoWords),
		feature:       findAll(toks, featureWords),
		billing:       findAll(toks, billingWords),
		cosmetic:      findAll(toks, cosmeticWords),
		security:      findAll(toks, securityWords),
		dataLoss:      findAll(toks, dataLossWords),
		billingDefect: findAll(toks, billingDefectWords),
		question:      strings.Contains(text, "?"),
	}
	// "nobody/no one" are negators and scope words at once: they are not a
	// negation of the failure that follows.
	return s
}
