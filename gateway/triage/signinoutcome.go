package triage

import (
	"fmt"
	"slices"
)

// Round ninety-four: two readings that give a ticket naming two services
// to the sign-in's service, where the outcome the writer reports is the
// sign-in's.
//
// A call to an API answered with a credential's rejection ("every call
// comes back 401 Unauthorized", "500 with body invalid_grant", "the key
// could not be verified: invalid_signature") failed at the check of who
// is calling: the outcome is the sign-in's, whichever API (a partner, a
// booking or a trade API, the project's alias of another service) the
// writer names as the thing called. The status and the OAuth-style codes
// are written alike in every language.
//
// A takeover ("someone is in my account and changed my payout bank")
// whose only failure words are what the writer asks the desk to do
// ("please freeze my withdrawals", "bitte sperren Sie das Konto") names no
// failure of the payout's service: those words are an ask, not a failure
// (failsWhereNamed reads them as one otherwise).

// rejectedCredentials are the credential errors an API answers with,
// read as words ("invalid_grant" is "invalid grant"): the OAuth error
// codes and an API key or signature refused.
var rejectedCredentials = mkFlowWords("invalid grant", "invalid client", "invalid token", "invalid signature",
	"invalid api key", "invalid apikey", "unauthorized client", "unauthorised client", "invalid credential")

// apiWords tell that a ticket is about calls a program makes: only there
// is a 401 or an OAuth code the answer to a call.
var apiWords = map[string]bool{"api": true, "apis": true, "oauth": true, "endpoint": true, "oauth2": true}

// credentialRejected returns the first credential rejection of a ticket
// about an API: an OAuth-style code, or the status 401 with "Unauthorized"
// right after it or an API word in its sentence. ok is false for none.
func credentialRejected(toks []token) (hit, bool) {
	if !slices.ContainsFunc(toks, func(t token) bool { return apiWords[t.w] }) {
		return hit{}, false
	}
	for _, h := range findAll(toks, rejectedCredentials) {
		if !h.neg {
			return h, true
		}
	}
	for i, t := range toks {
		if t.w != "401" || negated(toks, i) {
			continue // "we don't get a 401": no answer
		}
		if i+1 < len(toks) && hasAnyPrefix(toks[i+1].w, []string{"unauthori", "unauthenticated"}) {
			return hit{phrase: phrase{toks[i].raw, toks[i+1].raw}, pos: i}, true
		}
		if !answeredStatus(toks, i) {
			continue // "booking 401", "room 401": a number, not an answer
		}
		from, to := sentenceOf(toks, i)
		for _, u := range toks[from:to] {
			if apiWords[u.w] {
				return hit{phrase: phrase{t.raw}, pos: i}, true
			}
		}
	}
	return hit{}, false
}

// statusBefore are the words a status code follows when it is what a
// call got back ("returns 401", "comes back 401", "HTTP 401", "mit 401");
// statusAfter the words that follow one ("401 error", "401 Fehler").
var (
	statusBefore = map[string]bool{"http": true, "status": true, "code": true, "error": true, "return": true, "returns": true,
		"returned": true, "returning": true, "answer": true, "answers": true, "answered": true, "give": true, "gives": true, "gave": true,
		"get": true, "gets": true, "got": true, "getting": true, "receive": true, "received": true, "back": true, "with": true,
		"mit": true, "avec": true, "con": true, "com": true, "met": true, "med": true, "liefert": true, "kommt": true, "renvoie": true,
		"retourne": true, "devuelve": true, "restituisce": true, "retorna": true, "zwraca": true, "fehler": true, "erreur": true,
		"errore": true, "erro": true}
	statusAfter = map[string]bool{"error": true, "errors": true, "status": true, "response": true, "fehler": true, "erreur": true,
		"errore": true, "erro": true}
)

// answeredStatus reports whether the number at toks[i] is a status a call
// got back: a status word up to three words before it in its clause, or
// an error word right after it. A number a plural noun follows in its
// clause counts things ("a hotel with 401 rooms", "we got 401 bookings",
// "avec 401 chambres", "con 401 habitaciones"): no status.
func answeredStatus(toks []token, i int) bool {
	if i+1 < len(toks) && !toks[i+1].brk {
		next := toks[i+1]
		if statusAfter[next.w] {
			return true
		}
		if isWord(next.raw) && !next.code && stem(next.raw) != next.raw {
			return false // a count: the plural of a counted noun
		}
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if toks[k+1].brk {
			break
		}
		if statusBefore[toks[k].w] {
			return true
		}
	}
	return false
}

// credentialOutcome raises the sign-in's candidate for a credential
// rejected (at h): the outcome decides, not which logs rose first.
func credentialOutcome(c *candidate, h hit) {
	c.score += 4
	c.Outcome = true
	c.why = append(c.why, fmt.Sprintf("outcome: the caller's credential was rejected (%q)", h.phrase.String()))
}

// askAnd join a second verb asked to the first ("freeze payouts and lock
// the account").
var askAnd = map[string]bool{"and": true, "und": true, "et": true, "y": true, "e": true, "og": true, "och": true, "en": true,
	"ve": true, "и": true, "та": true, "oraz": true}

// withoutAsks returns s with the failure and outage words that stand
// right after a word of asking ("please freeze my account", "PLEASE
// freeze payouts and lock our account down") left out: what the writer
// asks the desk to do is no failure. A word counts as asked when it is
// one of the two words right after a please word (after its last word,
// "s'il vous plaît gelez") in its sentence, or one of the four after an
// "and" that comes within four words after an asked word, as a chain:
// "please note that someone got into my account and Apple Pay is down"
// starts a new clause of its own, no ask.
func withoutAsks(toks []token, s *signals) *signals {
	asked := map[int]bool{}
	for i := range toks {
		n := matchedAt(toks, i, pleaseWords)
		if n == 0 {
			continue
		}
		_, to := sentenceOf(toks, i)
		last := -1
		for k := i + n; k < to && k < i+n+2; k++ {
			asked[k] = true
			last = k
		}
		for k := i + n; k < to && k <= last+4; k++ {
			if askAnd[toks[k].w] {
				for j := k + 1; j < to && j <= k+4; j++ {
					asked[j] = true
					last = j
				}
			}
		}
	}
	if len(asked) == 0 {
		return s
	}
	keep := func(hs []hit) []hit {
		var out []hit
		for _, h := range hs {
			if !asked[h.pos] {
				out = append(out, h)
			}
		}
		return out
	}
	c := *s
	c.failure, c.outage = keep(s.failure), keep(s.outage)
	return &c
}
