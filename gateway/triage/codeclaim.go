package triage

import (
	"fmt"
	"slices"
	"strings"
)

// Round sixty-three: a sign-in code is the service the world's aliases
// give it to. A message that did not arrive is the messaging service's
// (undeliveredMessage), and a sign-in code that did not arrive was read
// so too; but a project that names the codes a user types among its
// sign-in service's aliases ("sms code", "verification code", "one-time
// code", "two-step codes", "2fa") says whose they are: there the code is
// the sign-in's, however it came ("kod SMS do logowania nie
// przychodzi", "the e-mail with my two-step code never arrives"). The
// convention stays the message's in a project whose aliases give no
// code to the sign-in, and in one whose messaging service names a
// sign-in code among its own aliases ("sms code" as a notifications
// alias): the aliases are the world's split of its services.
//
// What is read: the aliases of the services that run the signing-in and
// the messaging flows (serviceOfFlow), and the ticket's sign-in codes as
// signInCode reads them (a code word with a sign-in kind beside it, or in
// a sentence about signing in; not a promo, gift, locker, card or error
// code), in every language codeNouns holds. A code whose word before it
// is the modifier of another service's code alias ("zone code" as a
// search alias) is that service's thing, not a sign-in code.
//
// Where the world claims the codes for its sign-in, a sign-in code in the
// ticket names the sign-in service as its alias would (strengthAlias, at
// the code's word), and a message that did not arrive carrying one in
// its sentence is the sign-in's outcome, not the message's.

// secondFactors name the code a sign-in asks for by its kind, in an
// alias with no code word of its own ("2fa", "two-factor", "otp").
var secondFactors = mkFlowWords("2fa", "mfa", "two-factor", "two-step", "2-step", "one-time", "otp")

// codeClaims is what a project's aliases say of the codes a user types:
// whether its sign-in service claims them, and the words that make a
// code another service's thing ("zone" of a search's "zone code").
type codeClaims struct {
	signIn, msg int // the services of the signing-in and messaging flows, -1 for none (rankServices reads them too)
	claimed     bool
	others      map[string]bool
}

// claimsOfCodes reads the project's aliases: the sign-in service claims
// the codes when one of its aliases holds a code word or a second
// factor's kind, and no alias of the messaging service holds a sign-in
// code's word (a code word not modified by another thing's, or a second
// factor).
func claimsOfCodes(services []Service) codeClaims {
	cc := codeClaims{signIn: serviceOfFlow(services, flowKindNamed("signing in")), msg: serviceOfFlow(services, flowKindNamed("messaging")),
		others: map[string]bool{}}
	if cc.signIn < 0 {
		return cc
	}
	msgClaims := false
	for i, s := range services {
		for _, a := range s.Aliases {
			toks := tokenize(a)
			for k := range toks {
				code := codeNouns.matches(toks, k)
				if i == cc.signIn && (code || secondFactors.matches(toks, k)) {
					cc.claimed = true
				}
				if i == cc.msg && (secondFactors.matches(toks, k) || code && (k == 0 || !otherCodes.matches(toks, k-1))) {
					msgClaims = true
				}
				if i != cc.signIn && code && k > 0 {
					cc.others[toks[k-1].w] = true
				}
			}
		}
	}
	cc.claimed = cc.claimed && !msgClaims
	return cc
}

// codesAt are the positions of the ticket's sign-in codes when the
// project's aliases give the codes to its sign-in service, none
// otherwise. Not a code in a sentence that names another thing's code
// anywhere (a locker's PIN, a gift card's code sent by SMS: signInCode
// looks only three words around), nor a Greek "κωδικ*" without its kind
// right beside it ("κωδικός SMS"): alone it is also the password.
func (cc codeClaims) codesAt(toks []token) []int {
	if !cc.claimed {
		return nil
	}
	var out []int
	for i := range toks {
		if signInCode(toks, i) && !(i > 0 && !toks[i].brk && cc.others[toks[i-1].w]) &&
			!sentenceHas(toks, i, otherCodes) && !(strings.HasPrefix(toks[i].w, "κωδικ") && !kindBeside(toks, i)) {
			out = append(out, i)
		}
	}
	return out
}

// kindBeside reports whether a code's kind (codeKinds) stands right
// before or after the word at i, in its clause.
func kindBeside(toks []token, i int) bool {
	return i > 0 && !toks[i].brk && codeKinds.matches(toks, i-1) ||
		i+1 < len(toks) && !toks[i+1].brk && codeKinds.matches(toks, i+1)
}

// claimedCodeMentions returns ms with the sign-in service named at the
// codes (their positions, at least one), as the world's alias for them:
// added when ms lacks it, raised to an alias's strength when a weaker
// word (a synonym, its flow) named it.
func claimedCodeMentions(ms []ServiceMention, service, phrase string, codes []int) []ServiceMention {
	for k, m := range ms {
		if m.Service != service {
			continue
		}
		if m.Strength < strengthAlias {
			out := append([]ServiceMention(nil), ms...)
			out[k] = ServiceMention{Service: service, Phrase: phrase, Strength: strengthAlias, Pos: min(m.Pos, codes[0]),
				Count: m.Count + len(codes), Outcome: m.Outcome, at: append(slices.Clone(mentionsAt(m)), codes...)}
			return out
		}
		return ms
	}
	return append(ms, ServiceMention{Service: service, Phrase: phrase, Strength: strengthAlias, Pos: codes[0], Count: len(codes), at: codes})
}

// claimedCodePhrase is the words that name the sign-in code at i: the
// code word, and the message noun right after it when there is one, as
// Romance, Slavic and Greek write the SMS code ("código SMS", "kod SMS",
// "κωδικός SMS"): the code is the compound's head there, the message
// only says how it came (compoundHeads, reading English order, would
// raise the message noun instead).
func claimedCodePhrase(toks []token, i int) string {
	if n := i + 1; n < len(toks) && !toks[n].brk && messageNouns.matches(toks, n) {
		return toks[i].raw + " " + toks[n].raw
	}
	return toks[i].raw
}

// codeUndelivered is the sign-in code (one of codes) that the message
// which did not arrive (the message noun at p) carried, -1 for none: the
// first in p's sentence within codeCarried words of it ("the SMS with
// my login code", "o código SMS"), not a code told apart in the sentence
// ("the login code arrives but the reset e-mail never does": another
// message did not arrive).
func codeUndelivered(toks []token, p int, codes []int) int {
	if p < 0 {
		return -1
	}
	from, to := sentenceOf(toks, p)
	for _, c := range codes {
		if c >= from && c < to && c-p <= codeCarried && p-c <= codeCarried {
			return c
		}
	}
	return -1
}

// codeCarried is how many words a sign-in code may stand from the
// message noun that carried it.
const codeCarried = 4

// codeOutcomeReason says why the undelivered message is the sign-in's.
func codeOutcomeReason(toks []token, code int) string {
	return fmt.Sprintf("outcome: the sign-in code (%q) did not arrive, and the project's aliases give the codes to the sign-in", toks[code].raw)
}
