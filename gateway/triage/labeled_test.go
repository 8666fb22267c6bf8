package triage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/logs"
)

const ticketsDir = "../../examples/tickets"

// labeledSet is one directory of labeled tickets (labels.json and one
// <name>.json per ticket), the log world its tickets are about, and the
// floors its figures must stay at or above.
type labeledSet struct {
	name string
	// dir holds the tickets, examples/tickets/<name> when empty; project is
	// the project.json with the services and the log world, the one in dir
	// when empty.
	dir, project string
	// A blind set is never tuned on: its misses are counted, not listed,
	// so that whoever tunes the rules cannot fit them.
	blind bool
	// outOfFit keeps a tuning set out of the scorer's fit (score_test.go):
	// its misses are listed and read, the weights are not fitted to it.
	outOfFit bool
	// minTickets guards against a set shrinking unnoticed.
	minTickets int
	floor      figures
	// why says where the floor comes from.
	why string
}

// figures are a set's accuracies; a zero floor is not asserted.
type figures struct {
	exact, withinOne, service float64
}

// labeledSets are the labeled tickets, oldest first. See
// examples/tickets/README.md for how each was written.
//
// The floors of the two new sets (training, holdout2) and of the whole were
// first regression floors below what the rules measured when the sets were
// written, before any rule was tuned to them (training: exact 0.683,
// within one 0.841, service 0.866; holdout2: 0.621, 0.818, 0.879; whole:
// 0.757, 0.881, 0.900). The rules were then tuned on training and the
// original set only, and holdout2 was measured once, at the end (training:
// 1.000, 1.000, 1.000; holdout2: 0.773, 0.894, 0.924; whole: 0.929, 0.967,
// 0.976).
//
// Round two: holdout2 is no longer blind after that one measurement — it
// became tuning data, and its misses are listed. The rules were then
// generalised (clause structure instead of phrases, evidence judged in
// buckets for sparse logs, replies read on their new words) on the
// original set, training and holdout2: original 1.000, 1.000, 1.000;
// training 1.000, 1.000, 1.000; holdout2 0.985, 0.985, 0.970; whole 0.995,
// 0.995, 0.990. The floors below sit a little under those figures, so a
// regression fails the test. A new blind set (holdout3) is measured after
// this round; of the sets here only the original holdout is still blind.
//
// holdout3 was written during round two, independently of the rules
// (nobody ran the triage on it while writing, and the tuner never saw it),
// with a log world of its own, and is never tuned on. Its one measurement,
// after round two: 0.675, 0.807, 0.880 (83 tickets) — about where holdout2
// stood before any tuning, so the rounds fitted their sets far better than
// they generalise. The floor sits a little below that measurement.
//
// Round three (issue 14) replaced the hand-ordered severity rules with a
// scorer: an ordinal logistic model over explicit signals (failure kind,
// scope, the attributed service's log evidence, core flow, priority) whose
// weights are fitted on the three tuning sets (score.go, score_test.go),
// and added clause-shape cues and named days to the words. Fitted on two
// tuning sets and scored on the third (leave one set out): original 0.960,
// 1.000, 1.000; training 0.963, 1.000, 1.000; holdout2 0.955, 1.000, 0.970
// — optimistic, since the word lists that make the signals were grown on
// these same sets. Fitted on all three: original 0.960, 1.000, 1.000;
// training 0.988, 1.000, 1.000; holdout2 0.955, 1.000, 0.970. holdout3,
// looked at twice in this round (mid-way 0.651, 0.819, 0.880; at the end
// 0.663, 0.831, 0.880): no better than after round two — what it misses
// lies in the words, which the scorer cannot see past. Whole at the end:
// 0.881, 0.952, 0.959 (293).
//
// holdout4 (77 tickets, a log world of its own) was written at the start of
// round three, independently of the rules, and is never tuned on. Its first
// measurement, with round two's rules before any round-three change: 0.662,
// 0.896, 0.844 — the same picture as holdout3. Measured again with round
// three's scorer (its second look): 0.662, 0.909, 0.844 — no better on
// exact or service. Measured a third time after round four, whose tuner
// never saw it: 0.779, 0.948, 0.857 — the first blind gain (exact +12
// points, within one +4), but service attribution barely moved (the round
// fitted service words to the tuning sets: 1.000 there). A fourth look
// after round five (service attribution as a scored choice, its tuner never
// saw it either): 0.779, 0.948, 0.870 — one more service right. The floor
// sits a little below that measurement. After that fourth look holdout4 was
// retired from blind (its misses are listed, so the next round can study
// them); a new blind set, holdout5, was written before round six.
//
// holdout5 (65 tickets, its own log world, 20 tickets in 13 languages) was
// written before round six by someone who never ran the rules. Its first
// measurement, with round five's rules: 0.785, 0.923, 0.877 — the same
// picture as holdout4's last blind look. Its second, after round six
// (whose tuner never saw it): 0.785, 0.923, 0.877 — unchanged; round six's
// fixes moved holdout4, the set they were made on, and nothing else.
//
// holdout6 (73 tickets, its own log world with 14 incidents, 37 tickets in
// 14 languages) was written before round seven by someone who never ran the
// rules or read their sources. Its first measurement, with round six's
// rules: 0.644, 0.836, 0.836 (confusion: critical 10 1 4 3; high 1 12 1 3;
// medium 0 1 9 8; low 0 2 2 16) — below holdout5: the rules still carry
// poorly to text and log worlds they were not fitted to.
//
// Round four: holdout3 is retired from blind. It was looked at three times
// in aggregate (after round two and twice in round three); its last
// blind-ish measurement is 0.663, 0.831, 0.880. From round four on it is
// tuning data like training and holdout2: its misses are listed and the
// scorer is fitted on it, so its figures say nothing more about unseen
// tickets. The blind sets after round four are holdout4 and the original
// holdout.
//
// Round four worked on the word layer and on service attribution, by
// structure rather than phrases (the writer's stated zone for bare clock
// times, hours said in words, quote and forward markers in other
// languages, a resolution's words not counting as a current failure,
// vanish verbs before their object, shares stated as two counts, service
// and failure words in more languages, no service for the account's own
// billing or for a slowness report beside another service's failure
// spike) and added a text-only calibration for a service without log
// evidence. Fitted on all four tuning sets: original 0.960, 1.000, 1.000;
// training 0.963, 1.000, 1.000; holdout2 0.985, 1.000, 1.000; holdout3
// 0.916, 0.976, 1.000 (its misses were read this round, so that figure is
// a tuned one); whole 0.952, 0.993, 1.000 (293). Training's floor was
// lowered from 0.96 to 0.94 exact: fitted on four sets instead of three it
// lost two tickets. The original holdout, still blind, stayed at 0.917,
// 1.000, 1.000.
//
// Round five reworked service attribution only (attribution.go): the
// services named, aliased or synonymed, and the flows a ticket describes
// (signing in, paying, ordering, finding, messaging), are candidates scored
// for strength, the subject, and the clause that states the failure against
// one that says it works or a step done before it. Tuning-set figures are
// unchanged (the same as round four's above; no refit). Two checks of text
// attribution was not tuned on: the probe tickets (probe_test.go; 35
// written before any change, 0.657 before, 0.943 after, the last of the
// three steps added after seeing one probe miss; 20 more written after the
// first set's misses were seen, 0.950 before, 1.000 after, never tuned on)
// and the tuning sets triaged with names only — no aliases, no built-in
// synonyms, the lists the earlier rounds fitted to these sets — original
// 0.800 → 0.980, training 0.829 → 0.890, holdout2 0.833 → 0.909, holdout3
// 0.759 → 0.867 (bareFloor). The original holdout, blind, looked at once
// in aggregate this round: 0.917, 1.000, 1.000, unchanged.
//
// Round six (holdout4 retired to tuning, its misses read; kept out of the
// scorer's fit, no refit) fixed by mechanism: HTML quote blocks, German
// plural resolutions, dashed and dotted clock ranges, a language's own
// zone adjective. holdout4 0.779, 0.948, 0.870 → 0.844, 0.974, 0.870;
// the other tuning sets unchanged; the original holdout, looked at in
// aggregate, 0.917, 1.000, 1.000, unchanged.
//
// Round seven wrote probe7 first (30 tickets, a log world of its own, by
// the tuner, before any change: optimistic, since the same person then
// fixed its misses) and measured it: 0.600, 0.767, 0.833, five of its 14
// criticals triaged low. It then fixed by mechanism: Chinese and Japanese
// read character by character and their clocks and zones, negative
// subjects and negated receiving in more languages, a reported failure
// confirmed by an error spike where the ticket is kept at high or above,
// someone else acting in an account as a security report, the outcome
// service of an undelivered message and of a forward's original message,
// an exposure report naming no service, hedged ranges and zones after a
// word for time. Figures after it: original 0.960, 1.000, 1.000; training
// 0.976, 1.000, 1.000; holdout2 0.985, 1.000, 1.000; holdout3 0.916,
// 0.988, 1.000; holdout4 (tuned on for the words, out of the fit) 0.948,
// 1.000, 0.974; probe7 0.933, 0.967, 0.900. Floors moved up only.
// The blind sets, measured once after round seven (its tuner never saw
// them): holdout5 0.785, 0.923, 0.923 (service +3 tickets, severity
// unchanged, still three criticals triaged low); holdout6 0.644, 0.836,
// 0.836 → 0.671, 0.836, 0.822. The round's fixes moved the sets they were
// made on (holdout4 +10 points exact, probe7 +33) and barely the blind ones.
//
// Round eight: holdout5 is retired from blind after those three aggregate
// looks (its misses are listed from now on, so the round can study them);
// it stays out of the scorer's fit like holdout4. The blind sets are
// holdout6 (looked at twice) and holdout7 (72 tickets, its own world, 40
// tickets in 21 languages, written during round seven by someone who never
// ran the rules), first measured with round seven's rules: 0.611, 0.819,
// 0.750 (confusion: critical 8 1 3 6; high 0 9 6 2; medium 0 0 12 6; low
// 1 1 2 15). On every blind set the misses lean low: the rules read too
// little of text they were not tuned on, and unread text ends at low.
//
// Round eight wrote probe8 first (26 tickets in 22 languages no tuning set
// had — Vietnamese, Hebrew, Greek, Thai, Hindi, Hinglish, Malay,
// Indonesian, Estonian, Lithuanian, Latvian, Hungarian, Ukrainian,
// Russian, Bulgarian, Serbian, Croatian, Slovak, Catalan, Norwegian,
// Arabic, Taglish — with a log world of its own, by the tuner, before any
// change) and measured it: 0.462, 0.769, 0.577, four of its 11 criticals
// triaged low, like the blind sets. The round's changes do not depend on
// knowing the language: the share of a ticket's words the lists read
// (coverage.go); a largely unread ticket judged on the logs of its stretch
// (a spike on a core flow still running, or in the stretch it names:
// critical when most requests failed or the desk marked it urgent or high,
// else high) and, on calm logs, medium rather than low unless its subject
// asks or the desk marked it low; service and flow words and zone names in
// the languages the blind sets hold; then holdout5's misses by category:
// an HTML reply's quote rule after a tag, errors that "stopped", "works
// again", a data leak or break-in, data lost and things vanished, slowness
// (the lists had English only) in those languages, a possessive that read
// as a plural, "one of our regular customers", a filler "and everything",
// "any idea?" as no feature request (weights refitted). Figures after it:
// the four tuning sets unchanged; holdout4 0.948 → 0.961 exact; holdout5
// (now tuned on for the words) 0.785, 0.923, 0.923 → 0.954, 0.985, 0.969;
// probe8 0.462, 0.769, 0.577 → 0.769, 1.000, 0.885.
// Leave one set out unchanged (0.950, 0.996, 1.000). Floors moved up only.
// The blind sets after round eight (its tuner never saw them): holdout6
// 0.671, 0.836, 0.822 → 0.767, 0.904, 0.945 (third look); holdout7 0.611,
// 0.819, 0.750 → 0.722, 0.889, 0.861 (second look) — the first round to
// move the blind sets by ten points. A caveat on that: the tuner was told
// which languages the blind sets hold (from their writers' reports, not
// their text) and added words in those languages, so part of the gain is
// targeted and would not carry to a language neither set has. Two people
// labeling the same sets agree at 0.904 / 1.000 / 0.932 (holdout6) and
// 0.889 / 0.931 / 0.917 (holdout7): see agreement_test.go.
//
// Round nine: holdout6 and holdout7 are retired from blind. holdout6 was
// looked at four times in aggregate (with round six's rules, after rounds
// seven and eight, and once more before round nine: 0.767, 0.890, 0.959),
// holdout7 three times (after rounds seven and eight, and before round
// nine: 0.722, 0.889, 0.861); issue 14's targets (0.85, 0.95, 0.95) were
// met on neither. Their misses are listed from now on, so the round can
// study them by category; both stay out of the scorer's fit like holdout4
// and holdout5. The blind sets are written anew by others and never come
// into this file until they are measured; of the sets here only the
// original holdout is still blind.
//
// Round nine studied holdout6's and holdout7's misses by category, not by
// ticket, and fixed them by mechanisms meant to carry to unseen text. The
// categories (tickets of both sets missed before the round): a past
// report's stretch not found (8: a clock on an earlier day read as the
// onset of something still going on because "since" stood elsewhere; a
// bare clock whose half of the day the text names — "yesterday evening,
// from quarter to eight"; hedged and articled ranges; "twenty to nine";
// "since" words and country zones in more languages; a duration in the
// perfect tense); resolutions (6: "works again" as a state word beside a
// word for "again" in either order; a retraction or a request to close
// ends the report before it; a new ticket that describes a failure and
// asks what happened is a past report, not a resolution; a resolution
// reply is about the thread's flow); a failure reported on clean logs
// ending low (4: a reported failure is at least medium, unless it is the
// account's own billing; empty search results; delays in Han, kana and
// Hangul; cleared cookies are a troubleshooting step; being logged out);
// unread security, data loss and privacy (9: another party's data with the data
// noun first or a possessive other; someone signing in to the account;
// a file exposed in one clause whose credentials the next says it holds;
// personal data as privacy; vanished stored data in more languages);
// unread scope (2: everyone and no one in more languages); an undelivered
// message in an unread language (1); "would it be possible" as a feature
// request (1). Three one-phrase rules became the classes they stood for
// (a filler scope after any coordinator; a feature noun after a
// questioning determiner; an order noun before a word of not appearing,
// replacing "ordern syns inte"), and the Romanian "dispărut toate" idiom
// gave way to the vanish-verb class. Weights refitted once (leave one set
// out 0.950, 0.996, 1.000 → 0.947, 0.996, 1.000 over 281 with the refit;
// 0.964, 0.996, 1.000 after the medium floor). Figures after (before):
// original 1.000, 1.000, 1.000 (0.960, 1.000, 1.000); training 0.988,
// 1.000, 1.000 (0.976, 1.000, 1.000); holdout2 1.000, 1.000, 1.000 (0.985,
// 1.000, 1.000); holdout3 0.928, 0.988, 1.000 (0.916, 0.988, 1.000);
// holdout4 0.974, 1.000, 0.987 (0.961, 1.000, 0.974); holdout5 0.969,
// 1.000, 0.969 (0.954, 0.985, 0.969); holdout6 0.945, 1.000, 0.959 (0.767,
// 0.890, 0.959); holdout7 0.958, 1.000, 0.889 (0.722, 0.889, 0.861);
// probe7 0.933, 0.967, 0.900 (unchanged); probe8 0.808, 1.000, 0.885
// (0.769, 1.000, 0.885); the original holdout, blind, looked at once at the
// end: 1.000, 1.000, 1.000 (0.917, 1.000, 1.000). holdout6's and
// holdout7's figures are tuned ones now: they say how well the misses were
// fixed, not how the rules carry; only the new blind sets, written by
// others and measured by the lead, can say that. Floors moved up only.
//
// Those blind sets: holdout8 (73 tickets, 36 in English or mixed with it)
// and holdout9 (69, 45 in English, B2B mail threads), written in round
// nine's session by people who never read the rules, measured by the lead
// with round eight's rules (holdout8 0.753, 0.918, 0.877; holdout9 0.739,
// 0.957, 0.942) and after round nine (0.795, 0.918, 0.890; 0.783, 0.971,
// 0.957): round nine moved the sets it studied by 18 to 24 points exact
// and the blind ones by 4. Their floors sit a little below the second look.
//
// Round ten: holdout8 and holdout9 are retired from blind after those two
// aggregate looks each (figures above and in the README). Their misses are
// listed from now on, so the round can study them by category; both stay
// out of the scorer's fit like holdout4 to holdout7. New blind sets are
// written by others and never come into this file until they are
// measured; of the sets here only the original holdout is still blind.
//
// Round ten studied holdout8's and holdout9's misses by category and asked
// of each why round nine's mechanisms had not caught it. Fixed, by
// structure, window and log evidence rather than phrases: a since word
// with an article ("desde las 14:15") was read as a clock on the day
// before; British "half nine" and a range ending on a bare hour word
// ("and ten") were not read, and a greeting's "good morning" gave a
// "last night" clock its morning half (the nearest part of the day now
// does); a Spanish ability verb in the present ("consigue") missing from a
// list that had the past forms (present forms added in several
// languages); a wide outage told by its flow ("the basket", "nobody can
// order", "Betalen") while that flow's logs are clean and exactly one
// other core flow fails for most requests in the window is that failing
// step's (three criticals triaged medium on the wrong service); Outlook's
// "From:"/"Sent:" header block did not start the quoted history, so a
// "works again, close it" reply was read as the outage it quoted; a
// success rate ("success rate below 40%") was read as a failing share;
// "today since 21:30" written hours earlier in UTC is a zone far ahead
// (Japan), not yesterday; the writer's own attempt ("ég reyndi", "jag
// provade", "maine … try kiya") was read in English only, so one
// customer's quoted 503 during a spike read as an outage for many (the
// class added in many languages at once). Figures after (before):
// holdout8 0.904, 0.986, 0.932 (0.795, 0.918, 0.890); holdout9 0.826,
// 0.986, 0.957 (0.783, 0.971, 0.957); every other set unchanged. The fit stands without a
// refit (its test fails when the weights are not the tuning sets' fit)
// and leave one set out is unchanged. These are
// tuned figures now: they say the categories were fixed, not that the
// rules carry. Floors moved up only.
//
// The blind sets of round ten, written before it by people who never read
// the rules, with shuffled file numbers: holdout10 (71 tickets from
// channels other than e-mail, 58 in English) and holdout11 (67, a shop
// across three continents, 27 in English, the rest in 16 languages).
// Measured by the lead with round nine's rules and after round ten:
// holdout10 0.930, 0.986, 0.986 both times; holdout11 0.791, 0.896, 0.896
// → 0.776, 0.881, 0.881 (one medium triaged critical). Round ten moved its
// tuned sets by 4 to 11 points exact and the blind ones not at all.
//
// holdout12 (68 tickets, written before round eleven by someone who never
// read the rules: e-mail threads through a shared inbox, 37 in English,
// the rest in 14 languages; file numbers shuffled), first measured with
// round ten's rules: 0.706, 0.897, 0.941 — mail threads again the weak
// kind (critical 15 0 1 1; high 1 9 5 2; medium 2 6 8 0; low 0 1 1 16).
// holdout13 (70, by another writer before round eleven: consumer e-mail to
// a shop's inbox and the threads that grow from it, 30 in English, the
// rest in 17 languages; shuffled numbers), first measured with round ten's
// rules: 0.757, 0.900, 0.900 (critical 11 2 0 4; high 0 16 2 1; medium 1 0
// 13 3; low 0 1 3 13).
//
// Round eleven read mail without its thread's scaffolding (mail.go: header
// blocks and reply lines as one boundary, signatures, disclaimers and
// mobile lines dropped, a short follow-up handing over to what it quotes,
// a reply read under its thread's subject), tuned on wrapped copies of
// the tuning sets' tickets only (TestMailScaffolding_keepsVerdicts). The
// blind sets, measured by the lead after it, in aggregate: holdout10
// 0.930, 0.986, 0.986 (unchanged); holdout11 0.791, 0.910, 0.881 (from
// 0.776, 0.881, 0.881); holdout12 0.765, 0.956, 0.941 (from 0.706, 0.897,
// 0.941; critical 15 1 0 1, high 1 10 5 1, medium 1 4 11 0, low 0 0 2 16);
// holdout13 0.743, 0.900, 0.900 (from 0.757; one ticket). The mechanism
// moved the set written like the scaffolds (a shared inbox's threads) by
// six points and the consumer e-mail set not at all.
//
// Round twelve: holdout12 is retired from blind after those two looks: its
// misses are listed, for the round to study by category; it stays out of
// the scorer's fit. holdout10, holdout11 and holdout13 stay blind.
// After round twelve (the writer's zone from the thread's own headers, a
// dated reply line and a sender-named header block as boundaries, CJK
// disclaimers and reply lines, channel tags naming no service under mail
// layout): holdout12 0.794, 0.971, 0.985 (tuned); the blind sets, measured
// once after it by the lead, in aggregate, exactly as after round eleven
// (holdout10 0.930, 0.986, 0.986; holdout11 0.791, 0.910, 0.881; holdout13
// 0.743, 0.900, 0.900).
//
// holdout14 (72, written before round thirteen by someone who never read
// the rules: a B2B shop platform's desk in many channels — agents filing
// after a call, forwarded mail, web forms, chat transcripts, monitoring
// alerts and follow-ups — 35 in English, the rest in 16 languages;
// shuffled numbers), first measured with round twelve's rules: 0.681,
// 0.903, 0.861 (critical 12 2 5 0; high 5 9 1 0; medium 1 4 10 1; low 1 0
// 3 18).
//
// Round thirteen (verdicts kept across translations and retellings,
// variants_test.go) was tuned on variants of tuning tickets only. The
// blind sets, measured once after it by the lead, in aggregate: original
// holdout 1.000, 1.000, 1.000 (unchanged); holdout10 0.958, 0.986, 0.986
// (from 0.930); holdout11 0.806, 0.910, 0.881 (from 0.791); holdout13
// 0.757, 0.900, 0.900 (from 0.743); holdout14 0.694, 0.917, 0.847 (from
// 0.681, 0.903, 0.861).
//
// Round fourteen (each concept in the variants' 17 languages, careful and
// casual; diacritics folded; concepts_test.go), tuned on tuning sets and
// variants only. The blind sets, measured once after it by the lead, in
// aggregate: original holdout unchanged; holdout10 unchanged; holdout11
// 0.806, 0.925, 0.851 (two fewer services right); holdout13 0.786, 0.929,
// 0.914; holdout14 0.792, 0.944, 0.861.
//
// Round fifteen (the services as users name them in the 17 languages, and
// the outcome between two named; services_concepts_test.go). The blind
// sets, measured once after it by the lead, in aggregate: severity
// unchanged everywhere; service holdout11 0.866 (+1), holdout13 0.900
// (−1), holdout14 0.917 (+4), holdout10 and the original holdout
// unchanged. Its tuner had opened the project.json of holdout10–13 (their
// services and incident comments, no tickets, no labels).
//
// Round seventeen: holdout11, holdout13 and holdout14 are released as
// tuning data (words, not the fit) after their looks as blind sets; their
// 53 misses at the start (holdout11 0.806 / 0.925 / 0.866, holdout13 0.786
// / 0.929 / 0.900, holdout14 0.792 / 0.944 / 0.917) were studied by
// category (examples/tickets/README.md, "Round seventeen") and fixed by
// mechanisms with concept rows in every language (concepts_test.go,
// services_concepts_test.go). After it (tuned figures): holdout11 0.955 /
// 1.000 / 0.925, holdout13 0.943 / 1.000 / 0.957, holdout14 0.903 / 0.972
// / 0.944; holdout7 service 0.944, holdout8 0.945 exact, holdout9 0.899 /
// 0.986 / 1.000, holdout12 service 1.000; every other set unchanged.
// holdout10 stays blind.
//
// Round eighteen: holdout15 and holdout16 are released as tuning data
// (words, not the fit) after two aggregate looks each; their 32 misses at
// the start (holdout15 0.819 / 0.931 / 0.944, holdout16 0.792 / 0.944 /
// 0.917) were studied by category (examples/tickets/README.md, "Round
// eighteen"), chiefly labeled-critical tickets triaged lower, and fixed by
// mechanisms with concept rows in every language. After it (tuned
// figures): holdout15 0.889 / 0.972 / 0.972, holdout16 0.903 / 0.958 /
// 0.917; every other set unchanged. holdout10 stays blind.
//
// Round nineteen: holdout17 and holdout18 are released as tuning data
// (words, not the fit) after two aggregate looks each; their 37 misses at
// the start (holdout17 0.819 / 0.944 / 0.847, holdout18 0.889 / 0.986 /
// 0.861) were studied by category (examples/tickets/README.md, "Round
// nineteen"), the service first, and fixed by mechanisms with test cases
// and concept rows. After it (tuned figures): holdout17 0.819 / 0.944 /
// 0.917, holdout18 0.903 / 0.986 / 0.944; holdout13 service 0.971; every
// other set unchanged. holdout10 stays blind.
//
// Round twenty: holdout19 and holdout20 are released as tuning data
// (words, not the fit) after two aggregate looks each; their misses were
// grouped by category (examples/tickets/README.md, "Round twenty") and the
// labeled-critical class fixed: a confirmed core-flow failure with most
// requests failing, marked urgent or high, not scoped to one user; and an
// invoice e-mail that did not arrive is the message's, not billing. After
// it: holdout19 0.694 / 0.958 / 0.875, holdout20 0.708 / 0.861 / 0.847;
// holdout7, 11, 16, 17 moved by a ticket or two. holdout10 stays blind.
//
// Round twenty-one: holdout21 and holdout22 are released as tuning data
// (words, not the fit) after two aggregate looks each; their 40 misses
// were grouped by category (examples/tickets/README.md, "Round
// twenty-one") and four mechanisms added: a sign-in code refused is the
// sign-in's; the writer's present attempt scopes a report to the writer
// (deskOutage); a count after a word for none counts no one; sign-in links
// and Catalan, Icelandic and Hungarian failure words. After it: holdout21
// 0.847 / 1.000 / 0.972, holdout22 0.778 / 0.958 / 0.931; holdout8 gained
// a ticket and holdout20 two; no set lost one. holdout10 stays blind.
var labeledSets = []labeledSet{
	{name: "original", dir: ticketsDir, project: filepath.Join(ticketsDir, "project.json"), minTickets: 40,
		floor: figures{exact: 0.96, withinOne: 0.98, service: 0.98}, why: "the rules were tuned on this set: floor a little below the figures after round nine"},
	{name: "original-holdout", dir: filepath.Join(ticketsDir, "holdout"), project: filepath.Join(ticketsDir, "project.json"),
		blind: true, minTickets: 12,
		floor: figures{exact: 0.60, service: 0.60}, why: "written after the first tuning: fails only on a collapse"},
	{name: "training",
		minTickets: 80,
		floor:      figures{exact: 0.96, withinOne: 0.98, service: 0.98}, why: "tuned on: floor a little below the tuned figures"},
	{name: "holdout2",
		minTickets: 60,
		floor:      figures{exact: 0.97, withinOne: 0.98, service: 0.98}, why: "blind in round one, tuned on in round two: floor a little below the tuned figures"},
	{name: "holdout3",
		minTickets: 80,
		floor:      figures{exact: 0.91, withinOne: 0.97, service: 0.98}, why: "blind until round four, tuned on since: floor a little below the tuned figures"},
	{name: "holdout4",
		blind: false, outOfFit: true, minTickets: 75,
		floor: figures{exact: 0.95, withinOne: 0.98, service: 0.98}, why: "blind through round five, tuned on (words, not the fit) since round six: floor a little below the tuned figures; service floor raised a little under its figure after round fifteen"},
	{name: "holdout5",
		outOfFit: true, minTickets: 60,
		floor: figures{exact: 0.95, withinOne: 0.98, service: 0.98}, why: "blind through round seven (three aggregate looks, last 0.785 / 0.923 / 0.923), tuned on (words, not the fit) since round eight: floor a little below the figures after round nine; service floor raised a little under its figure after round fifteen"},
	{name: "holdout6",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.92, withinOne: 0.98, service: 0.94}, why: "blind through round eight (four aggregate looks, last 0.767 / 0.890 / 0.959), tuned on (words, not the fit) since round nine: floor a little below the tuned figures after round nine"},
	{name: "holdout7",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.93, withinOne: 0.98, service: 0.91}, why: "blind through round eight (three aggregate looks, last 0.722 / 0.889 / 0.861), tuned on (words, not the fit) since round nine: floor a little below the tuned figures after round nine; service floor raised a little under its figure after round fifteen"},
	{name: "holdout8",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.89, withinOne: 0.97, service: 0.94}, why: "blind through round nine (two aggregate looks, last 0.795 / 0.918 / 0.890), tuned on (words, not the fit) since round ten: floor a little below the tuned figures after round ten; service floor raised a little under its figure after round fifteen"},
	{name: "holdout9",
		outOfFit: true, minTickets: 65,
		floor: figures{exact: 0.81, withinOne: 0.97, service: 0.97}, why: "blind through round nine (two aggregate looks, last 0.783 / 0.971 / 0.957), tuned on (words, not the fit) since round ten: floor a little below the tuned figures after round ten; service floor raised a little under its figure after round fifteen"},
	{name: "holdout10",
		blind: true, minTickets: 65,
		floor: figures{exact: 0.90, withinOne: 0.96, service: 0.96}, why: "blind, written before round ten: floor a little below its measurement after round ten (0.930 / 0.986 / 0.986, as before it)"},
	{name: "holdout11",
		outOfFit: true, minTickets: 65,
		floor: figures{exact: 0.92, withinOne: 0.98, service: 0.90}, why: "blind through round sixteen (eight aggregate looks: 0.791 / 0.896 / 0.896 with round nine's rules, 0.776 / 0.881 / 0.881 after round ten, 0.791 / 0.910 / 0.881 after rounds eleven and twelve, 0.806 / 0.910 / 0.881 after round thirteen, 0.806 / 0.925 / 0.851 after round fourteen, last kept 0.806 / 0.925 / 0.866 after round fifteen; round sixteen's reverted merge 0.791 / 0.910), tuned on (words, not the fit) since round seventeen: floor a little below the tuned figures after round seventeen (0.955 / 1.000 / 0.925)"},
	{name: "holdout12",
		outOfFit: true, minTickets: 65,
		floor: figures{exact: 0.77, withinOne: 0.95, service: 0.97}, why: "blind through round eleven (two aggregate looks: 0.706 / 0.897 / 0.941 with round ten's rules, 0.765 / 0.956 / 0.941 after round eleven), tuned on (words, not the fit) since round twelve: floor a little below the tuned figures after it (0.794 / 0.971 / 0.985); service floor raised a little under its figure after round fifteen"},
	{name: "holdout13",
		outOfFit: true, minTickets: 65,
		floor: figures{exact: 0.92, withinOne: 0.98, service: 0.94}, why: "blind through round sixteen (seven aggregate looks: 0.757 / 0.900 / 0.900 with round ten's rules, 0.743 / 0.900 / 0.900 after rounds eleven and twelve, 0.757 / 0.900 / 0.900 after round thirteen, 0.786 / 0.929 / 0.914 after round fourteen, last kept 0.786 / 0.929 / 0.900 after round fifteen; round sixteen's reverted merge service 0.886), tuned on (words, not the fit) since round seventeen: floor a little below the tuned figures after round seventeen (0.943 / 1.000 / 0.957)"},
	{name: "holdout14",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.88, withinOne: 0.95, service: 0.92}, why: "blind through round sixteen (five aggregate looks: 0.681 / 0.903 / 0.861 with round twelve's rules, 0.694 / 0.917 / 0.847 after round thirteen, 0.792 / 0.944 / 0.861 after round fourteen, last kept 0.792 / 0.944 / 0.917 after round fifteen; round sixteen's reverted merge service 0.903), tuned on (words, not the fit) since round seventeen: floor a little below the tuned figures after round seventeen (0.903 / 0.972 / 0.944)"},
	{name: "holdout15",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.87, withinOne: 0.96, service: 0.95}, why: "blind through round seventeen (two aggregate looks: 0.792 / 0.917 / 0.944 with round fifteen's rules, 0.819 / 0.931 / 0.944 after round seventeen), tuned on (words, not the fit) since round eighteen: floor a little below the tuned figures after round eighteen (0.889 / 0.972 / 0.972)"},
	{name: "holdout16",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.88, withinOne: 0.94, service: 0.90}, why: "blind through round seventeen (two aggregate looks: 0.764 / 0.944 / 0.917 with round fifteen's rules, 0.792 / 0.944 / 0.917 after round seventeen), tuned on (words, not the fit) since round eighteen: floor a little below the tuned figures after round eighteen (0.903 / 0.958 / 0.917)"},
	{name: "holdout17",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.80, withinOne: 0.93, service: 0.90}, why: "blind through round eighteen (two aggregate looks: 0.806 / 0.931 / 0.833 with round seventeen's rules, 0.819 / 0.944 / 0.847 after round eighteen), tuned on (words, not the fit) since round nineteen: floor a little below the tuned figures after round nineteen (0.819 / 0.944 / 0.917)"},
	{name: "holdout18",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.89, withinOne: 0.97, service: 0.93}, why: "blind through round eighteen (two aggregate looks: 0.889 / 0.986 / 0.861 with round seventeen's rules, the same after round eighteen), tuned on (words, not the fit) since round nineteen: floor a little below the tuned figures after round nineteen (0.903 / 0.986 / 0.944)"},
	{name: "holdout19",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.68, withinOne: 0.94, service: 0.86}, why: "blind through round nineteen (two aggregate looks: 0.625 / 0.958 / 0.875 with round eighteen's rules, the same after round nineteen), tuned on (words, not the fit) since round twenty: floor a little below the tuned figures after round twenty (0.694 / 0.958 / 0.875)"},
	{name: "holdout20",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.69, withinOne: 0.85, service: 0.83}, why: "blind through round nineteen (two aggregate looks: 0.694 / 0.847 / 0.819 with round eighteen's rules, the same after round nineteen), tuned on (words, not the fit) since round twenty: floor a little below the tuned figures after round twenty (0.708 / 0.861 / 0.847)"},
	{name: "holdout21",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.83, withinOne: 0.98, service: 0.95}, why: "blind through round twenty (two aggregate looks: 0.806 / 1.000 / 0.972 with round nineteen's rules, the same after round twenty), tuned on (words, not the fit) from round twenty-one (an electronics and appliances shop: instalments, a phone launch's pre-orders, warranty, delivery slots, affiliates): floor a little below the tuned figures after round twenty-one (0.847 / 1.000 / 0.972)"},
	{name: "holdout22",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.76, withinOne: 0.94, service: 0.91}, why: "blind through round twenty (two aggregate looks: 0.708 / 0.944 / 0.833 with round nineteen's rules, the same after round twenty), tuned on (words, not the fit) from round twenty-one (a grocery delivery shop in summer: households, relatives writing for the elderly, an office account, store pickers and dispatch): floor a little below the tuned figures after round twenty-one (0.778 / 0.958 / 0.931)"},
	{name: "holdout23",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.83, withinOne: 0.98, service: 0.94}, why: "blind through round twenty-one (two aggregate looks: 0.806 / 0.972 / 0.958 with round twenty's rules, the same after round twenty-one), tuned on (words, not the fit) from round twenty-two (a concert and event ticketing shop: on-sale rushes with a virtual queue, seat maps, mobile tickets by e-mail, SMS and wallet pass, box office and promoters, resale and refunds): floor a little below the tuned figures after round twenty-two (0.847 / 1.000 / 0.958)"},
	{name: "holdout24",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.84, withinOne: 0.97, service: 0.90}, why: "blind through round twenty-one (two aggregate looks: 0.764 / 0.889 / 0.833 with round twenty's rules, 0.778 / 0.889 / 0.875 after round twenty-one), tuned on (words, not the fit) from round twenty-two (an online pharmacy and drugstore: prescription uploads and repeat orders, a pharmacist chat, elderly customers and carers, care homes, insurance billing, courier and locker notifications, two-factor logins): floor a little below the tuned figures after round twenty-two (0.861 / 0.986 / 0.917)"},
	{name: "holdout25",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.86, withinOne: 0.94, service: 0.91}, why: "blind through round twenty-two (two aggregate looks: 0.847 / 0.944 / 0.931 with round twenty-one's rules, the same after round twenty-two), tuned on (words, not the fit) from round twenty-three (a restaurant ordering platform: diners ordering takeaway and booking tables, restaurant owners on tablets and menus, kitchen staff, riders, payouts, franchise head offices, a POS partner): floor a little below the tuned figures after round twenty-three (0.875 / 0.958 / 0.931)"},
	{name: "holdout26",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.81, withinOne: 0.94, service: 0.88}, why: "blind through round twenty-two (two aggregate looks: 0.778 / 0.958 / 0.875 with round twenty-one's rules, the same after round twenty-two), tuned on (words, not the fit) from round twenty-three (a travel booking site: flights, hotels and car rentals, travellers mid-trip in many zones, agencies and corporate travel managers, loyalty points, boarding-pass and itinerary messages, currency conversion, a channel-manager integration): floor a little below the tuned figures after round twenty-three (0.833 / 0.958 / 0.903)"},
	{name: "holdout27",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.83, withinOne: 0.94, service: 0.93}, why: "blind through round twenty-three (two aggregate looks: 0.819 / 0.944 / 0.944 with round twenty-two's rules, the same after round twenty-three), tuned on (words, not the fit) from round twenty-four (an online education and course marketplace: students buying courses in exam week, teachers and creators with payouts, schools buying licences, parents paying, school SSO, certificate and reminder e-mails): floor a little below the tuned figures after round twenty-four (0.847 / 0.958 / 0.944)"},
	{name: "holdout28",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.81, withinOne: 0.95, service: 0.87}, why: "blind through round twenty-three (two aggregate looks: 0.722 / 0.931 / 0.875 with round twenty-two's rules, 0.750 / 0.931 / 0.875 after round twenty-three), tuned on (words, not the fit) from round twenty-four (a home-improvement and DIY retailer before a big sale: trade accounts on credit terms, kitchen and bathroom projects, click-and-collect and van delivery, tool rental, a finance partner, counter staff ordering for customers): floor a little below the tuned figures after round twenty-four (0.833 / 0.972 / 0.889)"},
	{name: "holdout29",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.86, withinOne: 0.97, service: 0.95}, why: "blind through round twenty-four (two aggregate looks: 0.847 / 0.958 / 0.944 with round twenty-three's rules, 0.861 / 0.972 / 0.944 after round twenty-four), tuned on (words, not the fit) from round twenty-five (a pet-supplies shop with subscriptions: auto-ship food, vet-prescription diets needing approval, a loyalty club, breeders and shelters with bulk accounts, a vet-clinic partner API, delivery-window texts): floor a little below the tuned figures after round twenty-five (0.875 / 0.986 / 0.972)"},
	{name: "holdout30",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.81, withinOne: 0.97, service: 0.91}, why: "blind through round twenty-four (two aggregate looks: 0.806 / 0.958 / 0.889 with round twenty-three's rules, 0.819 / 0.972 / 0.889 after round twenty-four), tuned on (words, not the fit) from round twenty-five (a second-hand fashion and resale app: sellers with prepaid labels, buyers making offers, escrow released on delivery, authentication of luxury items, payouts, offer and message pushes, phones in Europe and Latin America): floor a little below the tuned figures after round twenty-five (0.833 / 0.986 / 0.931)"},
	{name: "holdout31",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.83, withinOne: 0.93, service: 0.88}, why: "blind through round twenty-five (two aggregate looks: 0.792 / 0.944 / 0.875 with round twenty-four's rules, 0.861 service after that round's last mend, 0.792 / 0.944 / 0.861 after round twenty-five), tuned on (words, not the fit) from round twenty-six (a mobile carrier's shop and self-care: phones and SIM plans, eSIM activation, top-ups and bill payments, number porting, identity checks, roaming, store staff, business lines): floor a little below the tuned figures after round twenty-six (0.847 / 0.944 / 0.903)"},
	{name: "holdout32",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.90, withinOne: 0.93, service: 0.92}, why: "blind through round twenty-five (two aggregate looks: 0.861 / 0.931 / 0.931 with round twenty-four's rules, 0.875 / 0.944 / 0.931 after round twenty-five), tuned on (words, not the fit) from round twenty-six (a B2B office-supplies marketplace: approval workflows and purchase orders, punch-out from ERP systems, cost centres, monthly invoicing, supplier catalogues, many office sites, an accounts-payable integration, SSO): floor a little below the tuned figures after round twenty-six (0.917 / 0.944 / 0.931)"},
	{name: "holdout33",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.87, withinOne: 0.96, service: 0.90}, why: "blind through round twenty-six (three aggregate looks: 0.875 / 0.972 / 0.833 with round twenty-four's rules and with round twenty-five's, 0.889 / 0.972 / 0.833 after round twenty-six), tuned on (words, not the fit) from round twenty-seven (a home-services booking platform: households booking cleaners, plumbers and electricians into slots, landlords and property managers booking for many flats, the pros about their jobs, payouts and ratings, in-app chat and reminders, a calendar integration, gift vouchers): floor a little below the tuned figures after round twenty-seven (0.875 / 0.972 / 0.917; the exact floor kept at its blind 0.87)"},
	{name: "holdout34",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.83, withinOne: 0.89, service: 0.86}, why: "blind through round twenty-six (three aggregate looks: 0.736 / 0.875 / 0.875 with round twenty-four's rules and with round twenty-five's, 0.806 / 0.875 / 0.875 after round twenty-six), tuned on (words, not the fit) from round twenty-seven (a digital games store: game keys and downloads, in-game currency and season passes, gift cards, family accounts with parental limits, console and launcher account linking, refunds, streamers and clans buying in bulk, a publisher partner API, the pre-load of a big release): floor a little below the tuned figures after round twenty-seven (0.847 / 0.903 / 0.875)"},
	{name: "holdout35",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.78, withinOne: 0.90, service: 0.77}, why: "blind through round twenty-seven (two aggregate looks: 0.764 / 0.903 / 0.764 with round twenty-six's rules, 0.764 / 0.903 / 0.778 after round twenty-seven and the review's mends of round twenty-six), tuned on (words, not the fit) from round twenty-eight (a car-sharing and scooter app in several cities: unlocking and ending rentals in the app, per-minute billing and deposits, licence and identity checks, fines and tolls, corporate fleet accounts, tourists with foreign cards, receipts and push alerts, a city partner API): floor a little below the tuned figures after round twenty-eight (0.792 / 0.917 / 0.778)"},
	{name: "holdout36",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.85, withinOne: 0.94, service: 0.89}, why: "blind through round twenty-seven (two aggregate looks: 0.833 / 0.944 / 0.889 with round twenty-six's rules, the same after round twenty-seven and the review's mends of round twenty-six), tuned on (words, not the fit) from round twenty-eight (an energy supplier's customer portal and app: meter readings, bills and direct debits, prepaid-meter top-ups, moving house, smart-meter data, tariff switches, landlords and businesses with many sites, a price-comparison partner, outage and payment-reminder e-mails and SMS): floor a little below the tuned figures after round twenty-eight (0.861 / 0.958 / 0.903)"},
	{name: "holdout37",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.68, withinOne: 0.92, service: 0.76}, why: "blind through round twenty-eight (two aggregate looks: 0.625 / 0.903 / 0.694 with round twenty-seven's rules, the same after round twenty-eight), tuned on (words, not the fit) from round twenty-nine (an invoicing and payments tool for freelancers and small firms: invoices e-mailed with a pay link, clients paying by card or transfer, payouts, bank-feed sync, accountants with many clients, receipts by photo, 2FA, recurring invoices, a tax-filing partner): floor a little below the tuned figures after round twenty-nine (0.694 / 0.931 / 0.778)"},
	{name: "holdout38",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.85, withinOne: 0.97, service: 0.83}, why: "blind through round twenty-eight (two aggregate looks: 0.847 / 0.986 / 0.847 with round twenty-seven's rules, 0.861 / 0.986 / 0.847 after round twenty-eight), tuned on (words, not the fit) from round twenty-nine (a news publisher's digital subscriptions: paywall, gift, student and family plans, newsletters and breaking-news pushes, phone and smart-TV apps, puzzles and archives, a telecom bundle): floor a little below the tuned figures after round twenty-nine (0.861 / 0.986 / 0.847, unchanged by the round)"},
	{name: "holdout39",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.78, withinOne: 0.89, service: 0.82}, why: "blind through round twenty-nine (two aggregate looks: 0.792 / 0.903 / 0.792 with round twenty-eight's rules and its review's mends, the same after round twenty-nine), tuned on (words, not the fit) from round thirty (an HR and payroll platform: payroll runs and payslips on payroll day, employees' sign-in, leave and time sheets, company SSO, salary bank files, tax filings, onboarding, an accounting integration): floor a little below the tuned figures after round thirty (0.792 / 0.903 / 0.833)"},
	{name: "holdout40",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.75, withinOne: 0.94, service: 0.89}, why: "blind through round twenty-nine (two aggregate looks: 0.764 / 0.944 / 0.875 with round twenty-eight's rules and its review's mends, the same after round twenty-nine), tuned on (words, not the fit) from round thirty (an online florist and gift shop with same-day delivery on a Mother's Day peak: delivery slots, gift messages to recipients, delivery-photo texts, weekly subscriptions, corporate gifting, partner florists): floor a little below the tuned figures after round thirty (0.764 / 0.958 / 0.903)"},
	{name: "holdout41",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.76, withinOne: 0.93, service: 0.79}, why: "blind through round thirty (two aggregate looks: 0.736 / 0.931 / 0.792 with round twenty-nine's rules and its review's mends, the same after round thirty), tuned on (words, not the fit) from round thirty-one (a concert and event ticketing platform on a big tour's on-sale morning: a virtual queue, seat holds, presale codes, fan-to-fan resale, e-tickets in phone wallets, venue staff scanning at the doors, promoters' dashboard, refunds for a cancelled show): floor a little below the tuned figures after round thirty-one (0.778 / 0.944 / 0.806)"},
	{name: "holdout42",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.76, withinOne: 0.89, service: 0.86}, why: "blind through round thirty (two aggregate looks: 0.778 / 0.903 / 0.875 with round twenty-nine's rules and its review's mends, the same after round thirty), tuned on (words, not the fit) from round thirty-one (an online pharmacy with repeat prescriptions: GP practices approving refills, carers ordering for parents, lockers and home delivery, pharmacist chat, SMS and e-mail reminders, an NHS-style login, insurer co-payments, a partner clinic API): floor a little below the tuned figures after round thirty-one (0.778 / 0.903 / 0.875, unchanged by the round)"},
	{name: "holdout43",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.70, withinOne: 0.90, service: 0.81}, why: "blind through round thirty-one (two aggregate looks: 0.681 / 0.917 / 0.806 with round thirty's rules and its review's mends, 0.694 / 0.917 / 0.819 after round thirty-one), tuned on (words, not the fit) from round thirty-two (a language-learning and online-course platform in New Year resolutions week: learners with streaks and lessons, live classes with tutors, certificates and exams, family and school plans, teachers for whole classes, companies buying seats, gift subscriptions): floor a little below the tuned figures after round thirty-two (0.708 / 0.917 / 0.819)"},
	{name: "holdout44",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.72, withinOne: 0.90, service: 0.87}, why: "blind through round thirty-one (two aggregate looks: 0.722 / 0.917 / 0.889 with round thirty's rules and its review's mends, 0.736 / 0.917 / 0.889 after round thirty-one), tuned on (words, not the fit) from round thirty-two (an online-ordering and point-of-sale platform for restaurants on a Saturday evening rush: kitchen tablets, pickup and delivery, drivers, card terminals and tips, menus and opening hours, loyalty points, a delivery-aggregator integration): floor a little below the tuned figures after round thirty-two (0.736 / 0.917 / 0.889, unchanged by the round)"},
	{name: "holdout45",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.82, withinOne: 0.90, service: 0.78}, why: "blind through round thirty-two (two aggregate looks: 0.819 / 0.903 / 0.792 with round thirty-one's rules and its review's mends, the same after round thirty-two), tuned on (words, not the fit) from round thirty-three (a chain of veterinary clinics with an app: appointments and video consults, vaccination reminders, pet-insurance claims, prescription food and medicine delivered, clinic receptionists and vets in a back office, a partner insurer API): floor a little below the tuned figures after round thirty-three (0.833 / 0.917 / 0.792)"},
	{name: "holdout46",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.90, withinOne: 0.97, service: 0.78}, why: "blind through round thirty-two (two aggregate looks: 0.903 / 0.972 / 0.778 with round thirty-one's rules and its review's mends, the same after round thirty-two), tuned on (words, not the fit) from round thirty-three (a parcel delivery and locker network on the Monday after Black Friday: labels, tracking, redelivery and lockers, customs fees, business shippers' API and pickups, drivers' handhelds, locker codes by SMS, returns): floor a little below the tuned figures after round thirty-three (0.917 / 0.986 / 0.792)"},
	{name: "holdout47",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.72, withinOne: 0.89, service: 0.86}, why: "blind through round thirty-three (two aggregate looks: 0.736 / 0.903 / 0.875 with round thirty-two's rules and its review's mends, the same after round thirty-three), tuned on (words, not the fit) from round thirty-four (a city's online resident portal run by a vendor for several municipalities: parking permits and fines, bulky-waste pickups, local taxes and fees, library loans, document applications with a digital-ID login, town-hall appointment slots, clerks in a back office): floor a little below the tuned figures after round thirty-four (0.736 / 0.903 / 0.875, unchanged by the round)"},
	{name: "holdout48",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.80, withinOne: 0.92, service: 0.80}, why: "blind through round thirty-three (two aggregate looks: 0.819 / 0.931 / 0.819 with round thirty-two's rules and its review's mends, the same after round thirty-three), tuned on (words, not the fit) from round thirty-four (a travel-insurance app for people abroad in the summer holiday peak: policies, emergency assistance, claims with receipts, payouts, hospitals' guarantees of payment, flight-delay payouts, a partner airline API, travellers in many time zones): floor a little below the tuned figures after round thirty-four (0.819 / 0.931 / 0.819, unchanged by the round)"},
	{name: "holdout49",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.78, withinOne: 0.94, service: 0.79}, why: "blind through round thirty-four (two aggregate looks: 0.778 / 0.958 / 0.792 with round thirty-three's rules and its review's mends, the same after round thirty-four), tuned on (words, not the fit) from round thirty-five (a coworking and meeting-room booking network: desks, rooms and day passes booked in the app, phone keys at the doors, company invoices, front desks, guests invited by members, a calendar integration): floor a little below the tuned figures after round thirty-five (0.792 / 0.958 / 0.806)"},
	{name: "holdout50",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.76, withinOne: 0.90, service: 0.77}, why: "blind through round thirty-four (two aggregate looks: 0.778 / 0.917 / 0.750 with round thirty-three's rules and its review's mends, the same after round thirty-four), tuned on (words, not the fit) from round thirty-five (a used-car marketplace with dealer financing: deposit reservations, test drives, a dealer listing API, loan applications with identity checks, price alerts, a partner bank): floor a little below the tuned figures after round thirty-five (0.778 / 0.917 / 0.792)"},
	{name: "holdout51",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.75, withinOne: 0.94, service: 0.80}, why: "blind through round thirty-five (two aggregate looks: 0.764 / 0.958 / 0.819 with round thirty-four's rules and its review's mends, the same after round thirty-five), tuned on (words, not the fit) from round thirty-six (a mobile phone carrier's self-service app and shops: prepaid top-ups, eSIM activation and SIM swaps, roaming packs, number porting, bills and direct debits, data-usage alerts, family plans, shop staff, a partner MVNO's API): floor a little below the tuned figures after round thirty-six (0.764 / 0.958 / 0.819, unchanged by the round)"},
	{name: "holdout52",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.79, withinOne: 0.93, service: 0.80}, why: "blind through round thirty-five (two aggregate looks: 0.806 / 0.944 / 0.792 with round thirty-four's rules and its review's mends, 0.806 / 0.944 / 0.819 after round thirty-five), tuned on (words, not the fit) from round thirty-six (an airline's booking and check-in app: flights and seats, online check-in and boarding passes, baggage, rebooking after cancellations, miles, gate-change and delay notices, travel agencies through an API, airport staff, travellers in many time zones): floor a little below the tuned figures after round thirty-six (0.806 / 0.944 / 0.819, unchanged by the round)"},
	{name: "holdout53",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.75, withinOne: 0.90, service: 0.83}, why: "blind through round thirty-six (two aggregate looks: 0.764 / 0.917 / 0.847 with round thirty-five's rules, the same after round thirty-six), tuned on (words, not the fit) from round thirty-seven (a gym and fitness-club chain's app: class bookings and waitlists, memberships with freezes and upgrades, QR codes at the club doors, personal-trainer sessions, direct debits and top-ups, a corporate-wellness partner API, front-desk staff): floor a little below the tuned figures after round thirty-seven (0.764 / 0.917 / 0.847, unchanged by the round)"},
	{name: "holdout54",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.84, withinOne: 0.94, service: 0.87}, why: "blind through round thirty-six (two aggregate looks: 0.847 / 0.944 / 0.875 with round thirty-five's rules, the same after round thirty-six), tuned on (words, not the fit) from round thirty-seven (a web-hosting and domain-registrar control panel: domain registrations and renewals, DNS, SSL certificates, hosting plans, invoices and auto-renewals, 2FA and team logins, a reseller API; technical customers pasting errors): floor a little below the tuned figures after round thirty-seven (0.875 / 0.958 / 0.889)"},
	{name: "holdout55",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.73, withinOne: 0.93, service: 0.90}, why: "blind through round thirty-seven (two aggregate looks: 0.750 / 0.944 / 0.903 with round thirty-six's rules and round thirty-five's review mends, the same after round thirty-seven), tuned on (words, not the fit) from round thirty-eight (a university's student portal in the first week of term: course and exam registration, tuition fees and instalments, scholarships, campus sign-on and Wi-Fi login, timetable and room search, library loans, grade notifications, a partner bank's student-loan API; international students, parents abroad, lecturers): floor a little below the tuned figures after round thirty-eight (0.750 / 0.944 / 0.917)"},
	{name: "holdout56",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.75, withinOne: 0.93, service: 0.86}, why: "blind through round thirty-seven (two aggregate looks: 0.750 / 0.931 / 0.861 with round thirty-six's rules and round thirty-five's review mends, 0.764 / 0.944 / 0.861 after round thirty-seven), tuned on (words, not the fit) from round thirty-eight (a freight and logistics booking platform: shippers booking truck loads, carriers accepting loads in a driver app, proof-of-delivery photos, invoices and fast payouts to carriers, load search, tracking alerts, an EDI/API integration; dispatchers and drivers writing in many languages): floor a little below the tuned figures after round thirty-eight (0.764 / 0.944 / 0.875)"},
	{name: "holdout57",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.72, withinOne: 0.89, service: 0.84}, why: "blind through round thirty-eight (two aggregate looks: 0.708 / 0.903 / 0.861 with round thirty-seven's rules and its review's mends, the same after round thirty-eight), tuned on (words, not the fit) from round thirty-nine (a ride-hailing and taxi app in several countries on an office-parties night: booking rides, driver matching, in-app card payments and cash, fare estimates and surge, driver payouts, driver document checks and sign-in, trip receipts and SOS alerts by SMS and push, a corporate travel account API; riders, drivers, corporate travel managers, airport dispatchers): floor a little below the tuned figures after round thirty-nine (0.736 / 0.903 / 0.861)"},
	{name: "holdout58",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.84, withinOne: 0.97, service: 0.79}, why: "blind through round thirty-eight (two aggregate looks: 0.833 / 0.986 / 0.806 with round thirty-seven's rules and its review's mends, the same after round thirty-eight), tuned on (words, not the fit) from round thirty-nine (an online tax-filing and accounting service in deadline week: filing returns, document uploads, bank-account import, paying tax due and refunds, identity verification and e-signature sign-in, deadline reminders by e-mail and SMS, accountants filing for many clients through an API): floor a little below the tuned figures after round thirty-nine (0.861 / 0.986 / 0.806)"},
	{name: "holdout59",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.81, withinOne: 0.94, service: 0.70}, why: "blind through round thirty-nine (three aggregate looks: 0.819 / 0.958 / 0.722 with round thirty-eight's rules and with its review's mends, 0.833 / 0.958 / 0.722 after round thirty-nine), tuned on (words, not the fit) from round forty (a public EV-charging network and its app across Europe at Easter: charging sessions started and stopped at chargers, RFID charge cards and plug-and-charge, per-kWh and idle-fee payments and monthly invoices, roaming partners through an API, fleet managers, charger-site hosts; drivers dictating on the road): floor a little below the tuned figures after round forty (0.833 / 0.958 / 0.722)"},
	{name: "holdout60",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.79, withinOne: 0.94, service: 0.86}, why: "blind through round thirty-nine (three aggregate looks: 0.806 / 0.958 / 0.861 with round thirty-eight's rules, 0.806 / 0.958 / 0.875 with its review's mends and after round thirty-nine), tuned on (words, not the fit) from round forty (a sports-streaming service on a cup-final night: subscriptions and pay-per-view matches, live streams, smart-TV and console sign-in with device codes, vouchers from a telecom partner through an API, kick-off reminders by push and e-mail, a fixtures and team search, bars with business licences): floor a little below the tuned figures after round forty (0.806 / 0.958 / 0.875)"},
	{name: "holdout61",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.76, withinOne: 0.91, service: 0.84}, why: "blind through round forty (three aggregate looks: 0.778 / 0.931 / 0.861 with round thirty-nine's rules, with its review's mends and after round forty), tuned on (words, not the fit) from round forty-one (an online language-learning platform in back-to-school week: course subscriptions and lesson packs, live video lessons booked with tutors in many time zones, placement tests and certificates, a corporate-licence API, lesson reminders and streak notifications, a tutor and course search, tutors' payouts; learners writing in the language they learn): floor a little below the tuned figures after round forty-one (0.778 / 0.931 / 0.861)"},
	{name: "holdout62",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.75, withinOne: 0.93, service: 0.81}, why: "blind through round forty (three aggregate looks: 0.764 / 0.944 / 0.819 with round thirty-nine's rules and with its review's mends, 0.764 / 0.944 / 0.833 after round forty), tuned on (words, not the fit) from round forty-one (a city's public-transport ticketing app on New Year's Eve: mobile tickets and passes, QR validation at gates and on buses, fines and appeals, a journey planner and stop search, disruption alerts, a partner API for tourism cards and mobility budgets; commuters, tourists, gate staff and drivers, the control room): floor a little below the tuned figures after round forty-one (0.764 / 0.944 / 0.833)"},
	{name: "holdout63",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.81, withinOne: 0.95, service: 0.92}, why: "blind through round forty-one (three aggregate looks: 0.833 / 0.972 / 0.944 with round forty's rules, with its review's mends and after round forty-one), tuned on (words, not the fit) from round forty-two (a smart-home security company on a winter-storm weekend: alarm systems with a monitoring centre, cameras with cloud recordings, an app to arm and disarm, monthly monitoring plans, an installers' partner portal and API, alarm and camera alerts by push and SMS, a device and recording search; the product's own words are incident words): floor a little below the tuned figures after round forty-two (0.833 / 0.972 / 0.944)"},
	{name: "holdout64",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.76, withinOne: 0.91, service: 0.86}, why: "blind through round forty-one (three aggregate looks: 0.778 / 0.931 / 0.875 with round forty's rules, with its review's mends and after round forty-one), tuned on (words, not the fit) from round forty-two (a rental-property platform on rent day: rent by card and bank transfer, deposits in escrow, landlords' payouts, tenant applications with identity and credit checks, maintenance requests, rent reminders by e-mail and SMS, a listings search, a property-management software API): floor a little below the tuned figures after round forty-two (0.778 / 0.931 / 0.875)"},
	{name: "holdout65",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.74, withinOne: 0.94, service: 0.86}, why: "blind through round forty-two (three aggregate looks: 0.764 / 0.958 / 0.889 with round forty-one's rules and its review's mends, 0.764 / 0.958 / 0.875 after round forty-two, 0.750 / 0.958 / 0.889 with its review's mends), tuned on (words, not the fit) from round forty-three (a payroll and HR service on month-end payday: payroll runs and approvals, payslips, salary bank files and payments to employees, expense claims, employee sign-in with company SSO and 2FA, tax and pension filings through an API, payday reminders, an employee and payslip search): floor a little below the tuned figures after round forty-three (0.750 / 0.958 / 0.889 on the merge with round forty-two's review mends; the round alone moved none of its tickets)"},
	{name: "holdout66",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.79, withinOne: 0.91, service: 0.80}, why: "blind through round forty-two (two aggregate looks: 0.806 / 0.931 / 0.819 with round forty-one's rules and its review's mends and after round forty-two), tuned on (words, not the fit) from round forty-three (a cloud photo storage and printing service on the last Christmas order day: phone backups and uploads, shared family albums, photo-book and print orders, card payments and storage subscriptions, sign-in and family invitations, a photo search by place, date and face, shipped and shared e-mails and push): floor a little below the tuned figures after round forty-three (0.806 / 0.931 / 0.819, unchanged by the round)"},
	{name: "holdout67",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.72, withinOne: 0.95, service: 0.84}, why: "blind through round forty-three (three aggregate looks: 0.736 / 0.972 / 0.861 with round forty-two's rules, with its review's mends and after round forty-three), tuned on (words, not the fit) from round forty-four (a hotel chain's booking and stay app on a summer changeover weekend: room bookings and changes, online check-in and mobile room keys, card payments, deposits and refunds, loyalty-account sign-in, travel agencies through an API, confirmations and key-ready messages, a hotel and room search): floor a little below the tuned figures after round forty-four (0.736 / 0.972 / 0.861)"},
	{name: "holdout68",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.81, withinOne: 0.95, service: 0.76}, why: "blind through round forty-three (three aggregate looks: 0.833 / 0.972 / 0.778 with round forty-two's rules, with its review's mends and after round forty-three), tuned on (words, not the fit) from round forty-four (a cloud telephony and contact-centre service: calls routed to agents, number ordering and porting, business SMS, softphone sign-in with SSO, usage billing and prepaid top-ups, a CRM integration API, missed-call and voicemail e-mails, a call-recording and contact search): floor a little below the tuned figures after round forty-four (0.833 / 0.972 / 0.778)"},
	{name: "holdout69",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.83, withinOne: 0.95, service: 0.88}, why: "blind through round forty-four (three aggregate looks: 0.847 / 0.972 / 0.903 with round forty-three's rules and round forty-two's review mends, after round forty-four, and with the review mends of rounds forty-three and forty-four), tuned on (words, not the fit) from round forty-five (an event-ticketing platform on a stadium tour's on-sale: a waiting room and queue, presale codes, seats held for minutes, card and wallet payments with instalments, e-tickets by e-mail and in a phone wallet, gate scanners, fan-to-fan resale, a promoters' API, an event search; its product words are not incidents): floor a little below the tuned figures after round forty-five (0.847 / 0.972 / 0.903)"},
	{name: "holdout70",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.76, withinOne: 0.94, service: 0.83}, why: "blind through round forty-four (three aggregate looks: 0.778 / 0.958 / 0.819 with round forty-three's rules and round forty-two's review mends, 0.778 / 0.958 / 0.847 after round forty-four and with the review mends of rounds forty-three and forty-four), tuned on (words, not the fit) from round forty-five (a telehealth and patient portal on a flu-season Monday: appointments, video consultations, e-prescriptions to pharmacies through a partner API, national e-ID and SMS-code sign-in, lab results, reminders, a clinician search, co-payments; medical words are not incident words): floor a little below the tuned figures after round forty-five (0.778 / 0.958 / 0.847)"},
	{name: "holdout71",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.69, withinOne: 0.88, service: 0.83}, why: "blind through round forty-five (two aggregate looks: 0.708 / 0.903 / 0.847 with round forty-four's rules and the review mends of rounds forty-three and forty-four, the same after round forty-five), tuned on (words, not the fit) from round forty-six (a mobile-first bank on a month-end salary day: card payments and declines, instant and SEPA transfers, savings pots, identity checks, passcode and one-time-code sign-in, card alerts, a transaction search, an open-banking partner API; checkout-api is sending money, payments the card): floor a little below the tuned figures after round forty-six (0.708 / 0.903 / 0.847)"},
	{name: "holdout72",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.80, withinOne: 0.97, service: 0.87}, why: "blind through round forty-five (two aggregate looks: 0.819 / 0.986 / 0.889 with round forty-four's rules and the review mends of rounds forty-three and forty-four, the same after round forty-five), tuned on (words, not the fit) from round forty-six (a video-meeting and webinar platform on a launch-webinar day: meetings and webinars, registration pages, cloud recordings and transcripts, calendar integrations and a partner API, company SSO and sign-in codes, invitations and reminders, paid host plans, a recording search): floor a little below the tuned figures after round forty-six (0.819 / 0.986 / 0.889)"},
	{name: "holdout73",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.76, withinOne: 0.94, service: 0.73}, why: "blind through round forty-seven (two aggregate looks: 0.778 / 0.958 / 0.750 with round forty-five's rules, the same after round forty-seven), tuned on (words, not the fit) from round forty-eight (an online freelance marketplace on a payout day: jobs, contracts with milestones funded into escrow, freelancers' payouts and currency conversion, identity checks, two-step sign-in, an agency API): floor a little below the tuned figures after round forty-eight (0.792 / 0.958 / 0.750)"},
	{name: "holdout74",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.79, withinOne: 0.91, service: 0.86}, why: "blind through round forty-seven (two aggregate looks: 0.806 / 0.931 / 0.875 with round forty-five's rules, the same after round forty-seven), tuned on (words, not the fit) from round forty-eight (a school-community app on the first school day: homework and timetables, absence notes, lunch and trip payments by card, SMS-code sign-in, emergency messages, a districts' partner API): floor a little below the tuned figures after round forty-eight (0.806 / 0.931 / 0.875)"},
	{name: "holdout75",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.67, withinOne: 0.89, service: 0.70}, why: "blind through round forty-eight (three aggregate looks: 0.681 / 0.917 / 0.722 with round forty-six's rules and after round forty-seven, 0.694 / 0.917 / 0.722 after round forty-eight), tuned on (words, not the fit) from round forty-nine (a city bike- and e-scooter-sharing app on a commuter morning after a strike was announced: QR unlocking, per-minute rides by card or wallet, passes and deposits, parking fines, phone-code sign-in, a vehicle map search, a mobility partner API): floor a little below the tuned figures after round forty-nine (0.694 / 0.917 / 0.722)"},
	{name: "holdout76",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.71, withinOne: 0.92, service: 0.77}, why: "blind through round forty-eight (three aggregate looks: 0.736 / 0.958 / 0.792 with round forty-six's rules and after round forty-seven, 0.736 / 0.944 / 0.792 after round forty-eight), tuned on (words, not the fit) from round forty-nine (an online fundraising platform for charities on a global giving day: donation pages, one-off and monthly gifts, gift aid and receipts, payouts to charities, two-step sign-in, a charity search, a CRM partner API): floor a little below the tuned figures after round forty-nine (0.736 / 0.944 / 0.792)"},
	{name: "holdout77",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.70, withinOne: 0.91, service: 0.89}, why: "blind through round forty-nine (five aggregate looks: 0.722 / 0.931 / 0.917 with round forty-six's rules, the same after rounds forty-seven, forty-eight and forty-nine and with round forty-nine's review mends), tuned on (words, not the fit) from round fifty (a food-delivery marketplace on the evening of a football final: basket and checkout with promo codes, card and wallet payments and tips, refunds, couriers' and customers' phone-code sign-in, order-status and courier push and SMS, a restaurant and dish search, a partner API for restaurants' tablets): floor kept, a little below its blind measurements (0.722 / 0.931 / 0.917; 0.722 / 0.944 / 0.917 after round fifty, 0.722 / 0.931 / 0.917 again with its review's mends)"},
	{name: "holdout78",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.71, withinOne: 0.85, service: 0.73}, why: "blind through round forty-nine (five aggregate looks: 0.722 / 0.875 / 0.736 with round forty-six's rules and after rounds forty-seven and forty-eight, 0.736 / 0.875 / 0.750 after round forty-nine, 0.722 / 0.875 / 0.736 with its review's mends), tuned on (words, not the fit) from round fifty (a cloud accounting service for small businesses on a quarterly VAT deadline: invoices with payment links, bank feeds and reconciliation, expense receipts, VAT returns through the tax authority's API, two-step sign-in for accountants and clients, reminders and filing receipts, a transaction search, a partner API for banks and payroll tools): floor kept, a little below its blind measurements (0.722 / 0.875 / 0.736, the same after round fifty)"},
	{name: "holdout79",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.72, withinOne: 0.93, service: 0.76}, why: "blind through round fifty-one (four aggregate looks: 0.722 / 0.931 / 0.833 with round forty-nine's rules, 0.736 / 0.944 / 0.778 with its review's mends, the same after rounds fifty and fifty-one), tuned on (words, not the fit) from round fifty-two (a dating app on Valentine's Day: profiles and selfie verification, subscriptions and boosts bought by card or through the app stores, phone-code and social sign-in, match and message push and e-mails, a nearby-profile search, a partner API for safety checks and events): floor kept, a little below its blind measurements"},
	{name: "holdout80",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.72, withinOne: 0.91, service: 0.83}, why: "blind through round fifty-one (four aggregate looks: 0.736 / 0.931 / 0.847 with round forty-nine's rules, with its review's mends and after rounds fifty and fifty-one), tuned on (words, not the fit) from round fifty-two (a retail investing app the day after a surprise central-bank decision: market and limit orders, card and bank-transfer deposits and withdrawals, identity checks, two-step sign-in and device approval, price alerts and order-filled push and e-mails, an instrument search, a partner API for tax tools and advisers): floor kept, a little below its blind measurements"},
	{name: "holdout81",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.81, withinOne: 0.97, service: 0.93}, why: "blind through round fifty-three (five aggregate looks: 0.819 / 0.972 / 0.944 with round forty-nine's rules and its review's mends, the same after round fifty, 0.833 / 0.986 / 0.944 after round fifty-one, the same after rounds fifty-two and fifty-three), tuned on (words, not the fit) from round fifty-four (a car-rental and car-sharing company at the start of the August holiday weekend: app and partner bookings, counters, deposits held on cards, fuel and damage charges, licence checks, digital keys, confirmations and key-ready push, a car and station search, a partner API for agencies and airlines): floor kept, a little below its blind measurements"},
	{name: "holdout82",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.72, withinOne: 0.90, service: 0.73}, why: "blind through round fifty-three (five aggregate looks: 0.722 / 0.903 / 0.750 with round forty-nine's rules and its review's mends, the same after round fifty, 0.736 / 0.917 / 0.750 after round fifty-one, the same after rounds fifty-two and fifty-three), tuned on (words, not the fit) from round fifty-four (a city parking and road-toll payment app on the first morning of a congestion charge: pay-by-plate sessions, day passes and plate charges, fines and appeals, card and wallet payments and fleet invoices, phone-code sign-in, reminders and receipts, a zone and car-park search, a partner API for fleets and car makers): floor kept, a little below its blind measurements"},
	{name: "holdout83",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.69, withinOne: 0.93, service: 0.80}, why: "blind through round fifty-four (six aggregate looks: 0.708 / 0.944 / 0.819 with round forty-nine's rules and its review's mends, the same after rounds fifty to fifty-four), tuned on (words, not the fit) from round fifty-five (a ski resort group's lift-pass and rental app on a powder Saturday: passes on cards and phones, gate scanners, rental and ski-school bookings, card and wallet payments with deposit holds, family accounts and e-mail-code sign-in, lift-status push and confirmation e-mails, a slope, lift and shop search, a partner API for tour operators and hotels): floor kept, a little below its blind measurements"},
	{name: "holdout84",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.73, withinOne: 0.98, service: 0.72}, why: "blind through round fifty-four (six aggregate looks: 0.750 / 1.000 / 0.736 with round forty-nine's rules and its review's mends, the same after rounds fifty to fifty-four), tuned on (words, not the fit) from round fifty-five (a home and car insurer's claims app the morning after a hail storm: claims with photos, policy documents, premiums by card and direct debit, payouts to customers and repair shops, e-ID and SMS-code sign-in, claim-status push and e-mails, a repair-shop and assessor search, a partner API for shops, brokers and assessors): floor kept, a little below its blind measurements"},
	{name: "holdout85",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.72, withinOne: 0.91, service: 0.79}, why: "blind through round fifty-six (five aggregate looks: 0.736 / 0.931 / 0.806 with round fifty-one's rules and its review's mends, the same after rounds fifty-two to fifty-four, 0.764 / 0.931 / 0.806 after rounds fifty-five and fifty-six), the check of rounds fifty-seven and fifty-eight (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it (a public library network's lending app in the spring school holidays: e-book and audiobook loans and holds, reservations and pick-up lockers with codes, late and membership fees by card, library-card PIN and school sign-in, hold-ready and due-date push and e-mails, a catalogue search across branches, a partner API for publishers' e-book platforms and schools): floor kept, a little below its blind measurements"},
	{name: "holdout86",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.76, withinOne: 0.88, service: 0.86}, why: "blind through round fifty-six (five aggregate looks: 0.778 / 0.903 / 0.875 with round fifty-one's rules and its review's mends, the same after rounds fifty-two to fifty-six), the check of rounds fifty-seven and fifty-eight (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it (an online auction house on the closing night of a watch-and-jewellery sale: live and timed bidding with maximum bids, won-lot invoices paid by card and bank transfer, consignors' payouts, bidder approval and two-step sign-in, outbid and won-lot push and e-mails, a lot and catalogue search, a partner API for aggregators and shipping firms): floor kept, a little below its blind measurements"},
	{name: "holdout87",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.70, withinOne: 0.88, service: 0.67}, why: "blind through round fifty-eight (six aggregate looks: 0.722 / 0.903 / 0.694 with round fifty-one's rules and its review's mends, the same after rounds fifty-two to fifty-eight and their reviews' mends), the check of rounds fifty-nine and sixty (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it (a home-energy supplier's customer app on the first cold snap: meter readings, bills and PDFs, tariff switches, prepaid top-ups, direct debits, e-mail-code sign-in, a price-comparison partner API): floor kept, a little below its blind measurements"},
	{name: "holdout88",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.67, withinOne: 0.91, service: 0.69}, why: "blind through round fifty-eight (six aggregate looks: 0.694 / 0.931 / 0.708 with round fifty-one's rules and its review's mends, the same after rounds fifty-two to fifty-eight and their reviews' mends), the check of rounds fifty-nine and sixty (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it (a mobile game's in-game store and player accounts on a season launch: gem packs and season passes by card, wallet and the app stores, receipt checks, gift and promo codes, console and social linking, event push, a clan and player search, a creators' and tournament API): floor kept, a little below its blind measurements"},
	{name: "holdout89",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.74, withinOne: 0.94, service: 0.78}, why: "blind through round fifty-eight (four aggregate looks: 0.750 / 0.958 / 0.806 with round fifty-four's rules, 0.764 / 0.958 / 0.806 after rounds fifty-five and fifty-six and after rounds fifty-five to fifty-eight with their reviews' mends), the check of rounds sixty-one and sixty-two (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it (an audiobook and e-book subscription app on a two-credits-for-one promotion day: plans and credits, titles by card, wallet and gift cards, downloads and offline listening, family sharing, e-mail-code sign-in, a catalogue search, promotion e-mails and push, a publishers' and retailers' API): floor kept, a little below its blind measurements"},
	{name: "holdout90",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.77, withinOne: 0.97, service: 0.75}, why: "blind through round fifty-eight (four aggregate looks: 0.764 / 0.986 / 0.778 with round fifty-four's rules, 0.792 / 0.986 / 0.792 after rounds fifty-five and fifty-six, 0.792 / 0.986 / 0.778 after rounds fifty-five to fifty-eight with their reviews' mends), the check of rounds sixty-one and sixty-two (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it (a meal-kit subscription service on its summer menu launch: weekly boxes from a menu, delivery slots and courier tracking, skipped and paused weeks, add-ons, vouchers and referral credits, card, SEPA debit and PayPal, magic-link sign-in, a recipe search, delivery and menu e-mails and push, a courier partners' API): floor kept, a little below its blind measurements"},
	{name: "holdout91",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.82, withinOne: 0.92, service: 0.79}, why: "blind through round sixty-two (two aggregate looks: 0.847 / 0.944 / 0.819 with round fifty-eight's rules and the session read-through's mends, the same after rounds fifty-nine to sixty-two with their reviews' mends), the check of rounds sixty-three and sixty-four (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written before round fifty-nine (a ferry operator's booking and boarding app on a summer-peak Friday: crossings with cars and foot passengers, cabins, boarding passes and QR gates, card and wallet payments with amendment fees, loyalty points, e-mail-code sign-in, departure-delay push and SMS, a route and timetable search, a partner API for travel agents and ports): floor kept, a little below its blind measurements"},
	{name: "holdout92",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.74, withinOne: 0.89, service: 0.78}, why: "blind through round sixty-two (two aggregate looks: 0.764 / 0.917 / 0.806 with round fifty-eight's rules and the session read-through's mends, 0.764 / 0.917 / 0.819 after rounds fifty-nine to sixty-two with their reviews' mends), the check of rounds sixty-three and sixty-four (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written before round fifty-nine (a cinema chain's ticket and snack ordering app on a premiere night: showtimes and seat maps, tickets and memberships by card, wallet and gift cards, snack pre-orders to the seat, refunds, phone-code sign-in, booking confirmations and showtime push, a film and cinema search, a partner API for resellers and ad-screen vendors): floor kept, a little below its blind measurements"},
	{name: "holdout93",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.74, withinOne: 0.92, service: 0.75}, why: "blind through round sixty-five (three aggregate looks, all 0.764 / 0.944 / 0.778: with rounds fifty-nine to sixty-two and the session read-through's mends, after rounds sixty-three and sixty-four, after round sixty-five with its mends), the check of rounds sixty-six to sixty-eight (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written after round sixty-two (a self-storage rental company's customer app on a month-end move-out day: unit bookings and move-in dates, digital gate codes and smart locks, monthly rent by card and direct debit with late fees, insurance add-ons, e-mail-code sign-in, gate-code and payment-reminder texts and push, a location and unit search, a partner API for removal firms and business customers): floor kept, a little below its blind measurements"},
	{name: "holdout94",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.67, withinOne: 0.94, service: 0.81}, why: "blind through round sixty-five (three aggregate looks, all 0.694 / 0.958 / 0.833: with rounds fifty-nine to sixty-two and the session read-through's mends, after rounds sixty-three and sixty-four, after round sixty-five with its mends), the check of rounds sixty-six to sixty-eight (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written after round sixty-two (a theme park group's ticket and ride-reservation app on an Easter Monday: day tickets and season passes, timed ride reservations and virtual queues, park-hotel packages, card, wallet and gift-card payments, e-mail-code sign-in, queue-ready and show-time push, a ride, show and restaurant search, a partner API for tour operators and resellers): floor kept, a little below its blind measurements"},
	{name: "holdout95",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.74, withinOne: 0.95, service: 0.78}, why: "blind through round sixty-nine (three aggregate looks: 0.764 / 0.972 / 0.806 with rounds sixty-three and sixty-four and the session read-through's mends, 0.778 / 0.972 / 0.806 after round sixty-five, 0.778 / 0.986 / 0.819 after rounds sixty-seven and sixty-nine with their mends), the check of rounds seventy to seventy-two (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds sixty-three and sixty-four (a city marathon organiser's race app on race day: entries and bib transfers, start waves, bib and timing-chip pickup by QR code, live runner tracking, results and finisher certificates, charity fundraising pages and donations, merchandise and photo packages by card, wallet and PayPal, e-mail-code sign-in, race-day push and SMS alerts, a runner and results search, a partner API for timing partners and charities): floor kept, a little below its blind measurements"},
	{name: "holdout96",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.86, withinOne: 0.96, service: 0.84}, why: "blind through round sixty-nine (three aggregate looks: 0.889 / 0.986 / 0.861 with rounds sixty-three and sixty-four and the session read-through's mends, 0.903 / 0.986 / 0.861 after round sixty-five and the same after rounds sixty-seven and sixty-nine), the check of rounds seventy to seventy-two (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds sixty-three and sixty-four (a laundry and dry-cleaning pickup-and-delivery service on the first working day after a holiday weekend in a heatwave: pickup and return slots, orders per bag or item, garment tracking and stain photos, a subscription with bag credits, business accounts for hotels and offices, card, SEPA debit and wallet payments, refunds and damage claims, phone-code sign-in, driver-arrival push and SMS and order e-mails, a service and price search, a partner API for hotels and property managers): floor kept, a little below its blind measurements"},
	{name: "holdout97",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.78, withinOne: 0.92, service: 0.73}, why: "blind through round seventy-two (three aggregate looks: 0.806 / 0.944 / 0.750 with rounds sixty-three to sixty-five and their mends, the same after rounds sixty-seven and sixty-nine, 0.792 / 0.944 / 0.764 after rounds seventy to seventy-two with their mends), the check of rounds seventy-three on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds sixty-six to sixty-eight (a public electric-vehicle charging network's app at the start of a summer-holiday getaway weekend: charging sessions started by app or RFID card, a charger map and availability search, charger reservations, per-kWh and idle fees by card, wallet and a monthly plan, fleet and business accounts, roaming partners, e-mail-code sign-in, session-ended and receipt push, SMS and e-mails, a partner API for roaming partners and fleet managers): floor kept, a little below its blind measurements"},
	{name: "holdout98",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.88, withinOne: 0.95, service: 0.81}, why: "blind through round seventy-two (three aggregate looks: 0.903 / 0.972 / 0.833 with rounds sixty-three to sixty-five and their mends, 0.917 / 0.972 / 0.819 after rounds sixty-seven and sixty-nine, 0.917 / 0.972 / 0.833 after rounds seventy to seventy-two with their mends), the check of rounds seventy-three on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds sixty-six to sixty-eight (a dental practice chain's patient app in the first working week after the summer holidays, when recall reminders go out: appointment booking and rescheduling, treatment plans and quotes, card, wallet and instalment payments, insurance claims and pre-approvals, recall reminders by SMS, push and e-mail, magic-link sign-in, a practice and dentist search, a partner API for insurers and referring clinics): floor kept, a little below its blind measurements"},
	{name: "holdout99",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.82, withinOne: 0.95, service: 0.84}, why: "blind through round seventy-six (three aggregate looks: 0.847 / 0.972 / 0.861 with rounds sixty-seven and sixty-nine and the session read-through's mends, the same after rounds seventy to seventy-two with their mends, 0.833 / 0.972 / 0.847 after rounds seventy-three to seventy-six with their mends), the check of rounds seventy-seven on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds seventy and seventy-one (a driving school chain's learner app on the day new practical-test slots are released: lesson bookings with named instructors and cars, lesson packages and vouchers, theory-test practice and mock exams, practical-test slots at public test centres, card, wallet, bank transfer and instalment payments, phone-code sign-in, lesson-reminder and instructor-arrival SMS and push, an instructor and test-centre search, a partner API for test centres and fleet-training customers): floor kept, a little below its blind measurements"},
	{name: "holdout100",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.72, withinOne: 0.91, service: 0.75}, why: "blind through round seventy-six (three aggregate looks: 0.750 / 0.931 / 0.778 with rounds sixty-seven and sixty-nine and the session read-through's mends, the same after rounds seventy to seventy-two with their mends, 0.750 / 0.931 / 0.806 after rounds seventy-three to seventy-six with their mends), the check of rounds seventy-seven on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds seventy and seventy-one (a furniture retailer's online shop and delivery app on its Black Friday sale day: orders of furniture and home goods, delivery and assembly slots, click-and-collect, instalment financing, card, wallet and gift cards, returns and damaged-item claims, e-mail-code sign-in, delivery-window SMS, order e-mails and push, a product and store-stock search, a partner API for carriers and assembly contractors): floor kept, a little below its blind measurements"},
	{name: "holdout101",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.77, withinOne: 0.92, service: 0.85}, why: "blind through round eighty (four aggregate looks: 0.792 / 0.944 / 0.875 with rounds seventy to seventy-two and their mends, 0.806 / 0.944 / 0.875 after rounds seventy-three to seventy-six with their mends, the same at the base of rounds seventy-seven to eighty and after them with their mends), the check of rounds eighty-one on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds seventy-three and seventy-four (a ski resort group's lift-pass and booking app in the Alps and Scandinavia on the opening Saturday of the winter season: day and season lift passes loaded to a card or phone, ski school and equipment rental bookings, resort hotel packages, card, wallet and gift-card payments, e-mail-code sign-in, lift-queue and weather push and SMS, a slope, lift and rental search, a partner API for hotels and tour operators): floor kept, a little below its blind measurements"},
	{name: "holdout102",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.77, withinOne: 0.92, service: 0.88}, why: "blind through round eighty (four aggregate looks: 0.792 / 0.944 / 0.903 with rounds seventy to seventy-two and their mends, 0.792 / 0.944 / 0.917 after rounds seventy-three to seventy-six with their mends, the same at the base of rounds seventy-seven to eighty and after them with their mends), the check of rounds eighty-one on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds seventy-three and seventy-four (an online pharmacy's prescription-refill and delivery app in eight European countries on the first working day after New Year: repeat prescriptions and e-prescriptions, refill and over-the-counter orders, home delivery slots and parcel lockers, insurance co-payments, card, wallet and direct-debit payments, SMS-code sign-in, refill-ready and courier push, SMS and e-mails, a medicine and pharmacy search, a partner API for clinics and insurers): floor kept, a little below its blind measurements"},
	{name: "holdout103",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.75, withinOne: 0.97, service: 0.83}, why: "blind through round eighty-four (four aggregate looks: 0.778 / 1.000 / 0.861 with rounds seventy-three to seventy-six and their mends, 0.778 / 1.000 / 0.875 after rounds seventy-seven to eighty with their mends, the same at the base of rounds eighty-one to eighty-four and after them with their mends), the check of rounds eighty-five on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds seventy-seven to eighty (a football club's ticketing and membership app on a derby match day: match-day tickets and season-ticket members, seat maps and resale of members' seats, stadium entry by a QR code in the app, the club shop, food and drink pre-orders to the seat, card, wallet and gift-card payments with refunds, e-mail-code sign-in, match-day push, SMS and e-mails, a match, seat and shop search, a partner API for the stadium gates and ticket resellers): floor kept, a little below its blind measurements"},
	{name: "holdout104",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.83, withinOne: 0.93, service: 0.88}, why: "blind through round eighty-four (four aggregate looks: 0.861 / 0.958 / 0.903 with rounds seventy-three to seventy-six and their mends, the same after rounds seventy-seven to eighty with their mends and at the base of rounds eighty-one to eighty-four, 0.875 / 0.958 / 0.917 after them with their mends), the check of rounds eighty-five on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds seventy-seven to eighty (a hair, nail and beauty salon chain's booking app in ten European countries on the day before Valentine's Day: appointments with a chosen stylist or therapist, deposits and no-show fees, gift cards and vouchers, treatment packages and memberships, a product shop with home delivery, card, wallet and pay-later payments with refunds, SMS-code sign-in, appointment-reminder SMS, push and e-mails, a salon, stylist and treatment search, a partner API for franchise salons' till systems and booking marketplaces): floor kept, a little below its blind measurements"},
	{name: "holdout105",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.76, withinOne: 0.89, service: 0.85}, why: "blind through round eighty-nine (three aggregate looks: 0.792 / 0.917 / 0.875 with rounds seventy-seven to eighty and their mends, 0.792 / 0.903 / 0.861 after rounds eighty-one to eighty-four with their mends, 0.806 / 0.917 / 0.875 after rounds eighty-five to eighty-eight with their mends), the check of rounds ninety on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds eighty-one to eighty-four (a padel, tennis and golf club network's court- and tee-time booking app on the first warm Saturday of spring, the opening weekend of the club tournament season: court and tee-time bookings with split payments among players, open matches to join, coaching lessons and clinics, club memberships and guest fees, equipment rental, tournament entries and draws, card, wallet and stored-credit payments with refunds, e-mail magic-link sign-in, booking-reminder and match-invite push, SMS and e-mails, a club, court and coach search, a partner API for clubs' front-desk systems and league organisers): floor kept, a little below its blind measurements"},
	{name: "holdout106",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.71, withinOne: 0.92, service: 0.79}, why: "blind through round eighty-nine (three aggregate looks: 0.736 / 0.944 / 0.819 with rounds seventy-seven to eighty and their mends, the same after rounds eighty-one to eighty-four with their mends, 0.722 / 0.944 / 0.806 after rounds eighty-five to eighty-eight with their mends), the check of rounds ninety on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds eighty-one to eighty-four (a children's summer-camp and holiday-activity registration platform for municipalities, sports clubs and private camps in eight European countries on the day registration opens: camp and course registrations for one or several children, waiting lists, sibling and early-bird discounts, instalment plans and municipal subsidy vouchers, card, SEPA debit and wallet payments with refunds, SMS-code sign-in, parents' consent and medical forms, registration-confirmation e-mails, place-offered SMS and push, a camp and activity search by age, date and place, a partner API for clubs' and municipalities' systems): floor kept, a little below its blind measurements"},
	{name: "holdout107",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.78, withinOne: 0.90, service: 0.83}, why: "blind through round ninety-five (three aggregate looks: 0.806 / 0.931 / 0.861 with rounds eighty-one to eighty-four and their mends, 0.819 / 0.931 / 0.861 after rounds eighty-five to eighty-eight with their mends, the same after rounds ninety to ninety-five with their mends), the check of rounds ninety-six on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds eighty-five to eighty-eight (a group of museums, a zoo and an aquarium's ticketing app in six European countries on the Saturday a sold-out weekend pass goes on sale at the start of a bank-holiday weekend: timed-entry tickets, annual passes and family memberships, guided tours and workshops, café and shop pre-orders, card, wallet and gift-voucher payments with refunds, magic-link sign-in, entry-reminder push, SMS and e-mails, an exhibition, event and opening-hours search, a partner API for tour operators and schools): floor kept, a little below its blind measurements"},
	{name: "holdout108",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.79, withinOne: 0.96, service: 0.80}, why: "blind through round ninety-five (three aggregate looks: 0.819 / 0.986 / 0.833 with rounds eighty-one to eighty-four and their mends, 0.833 / 0.986 / 0.847 after rounds eighty-five to eighty-eight with their mends, 0.847 / 0.986 / 0.861 after rounds ninety to ninety-five with their mends), the check of rounds ninety-six on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds eighty-five to eighty-eight (a bike-share and e-scooter network's app in nine European and two Latin-American cities on the first day of its summer e-bike season, in a heatwave commute: unlocking bikes and scooters by QR code, rides and day passes, monthly and annual subscriptions, deposits and damage charges, card, wallet and prepaid-credit payments with refunds, phone-code sign-in, ride-ended receipts by e-mail, low-battery and dock-full push and SMS, a station, dock and vehicle map search, a partner API for employers' mobility budgets and city transit apps): floor kept, a little below its blind measurements"},
	{name: "holdout109",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.82, withinOne: 0.96, service: 0.85}, why: "blind through round ninety-nine (three aggregate looks: 0.847 / 0.986 / 0.875 with rounds eighty-five to eighty-nine and their mends, the same after rounds ninety to ninety-five with their mends and after rounds ninety-six to ninety-nine with their mends), the check of rounds one hundred on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds ninety to ninety-three (a marina group's berth-booking and yacht-charter app on the Mediterranean, Adriatic and Baltic coasts on the Saturday a summer regatta week starts: visitor berth bookings by the night, seasonal berth contracts, yacht and skipper charters with deposits, fuel-dock and shore-power payments, marina access cards and gate codes, card, wallet and bank-transfer payments with refunds, e-mail-code sign-in, berth-assigned and weather-warning push and SMS, a marina, berth and charter search, a partner API for charter agencies and harbour offices): floor kept, a little below its blind measurements"},
	{name: "holdout110",
		outOfFit: true, minTickets: 70,
		floor: figures{exact: 0.75, withinOne: 0.94, service: 0.89}, why: "blind through round ninety-nine (three aggregate looks: 0.778 / 0.972 / 0.917 with rounds eighty-five to eighty-nine and their mends, 0.792 / 0.972 / 0.944 after rounds ninety to ninety-five with their mends, the same after rounds ninety-six to ninety-nine with their mends), the check of rounds one hundred on (measured before and after each round's frozen mechanism) and tuned on (words, not the fit) after it, written during rounds ninety to ninety-three (a language-school network's course-enrolment and online-lesson app in twelve European countries on the Monday autumn-term enrolment opens: group courses and private lessons with a chosen teacher, placement tests, live online classes by video link, course books and e-learning licences, instalment plans and company-paid vouchers, card, SEPA debit and wallet payments with refunds, magic-link sign-in, class-reminder push, SMS and e-mails, certificates, a course, teacher and school search, a partner API for companies' HR systems and exam boards): floor kept, a little below its blind measurements"},
	{name: "holdout111",
		blind: true, minTickets: 70,
		floor: figures{exact: 0.75, withinOne: 0.88, service: 0.74}, why: "blind, written during rounds ninety-six to ninety-nine for a later round (a car-wash chain's subscription app in twelve countries of Europe and in Dubai on the first dry Saturday after a week of autumn storms and the first road salt: washes started at the bay by licence-plate recognition or a QR code, unlimited plans per car and family and fleet plans, prepaid self-service bay credits, interior-cleaning and detailing bookings, card, wallet and prepaid-credit payments with refunds, e-mail-code sign-in, wash-ready push, renewal reminders, receipts by e-mail and SMS, a station and opening-hours search, a partner API for fleet managers and car-rental firms): floor a little below its first measurement (0.778 / 0.903 / 0.764 with rounds ninety to ninety-five and their mends, before rounds ninety-six to ninety-nine)"},
	{name: "holdout112",
		blind: true, minTickets: 70,
		floor: figures{exact: 0.75, withinOne: 0.92, service: 0.86}, why: "blind, written during rounds ninety-six to ninety-nine for a later round (a pet grooming, boarding and daycare chain's booking app in ten European countries and the UAE on the Saturday the Christmas holidays begin, when owners drop their pets off before travelling: grooming appointments with a chosen groomer, kennel and cattery stays with deposits, daycare passes, drop-off check-in, vaccination-record uploads, pet-cam live video, card, wallet and pay-in-3 payments with refunds, SMS-code sign-in, pick-up-ready and daily-photo push, SMS and e-mails, a location and groomer search, a partner API for vets and pet insurers): floor a little below its first measurement (0.778 / 0.944 / 0.889 with rounds ninety to ninety-five and their mends, before rounds ninety-six to ninety-nine)"},
	{name: "holdout113",
		blind: true, minTickets: 70,
		floor: figures{exact: 0.85, withinOne: 0.96, service: 0.88}, why: "blind, written during rounds one hundred and one hundred and one for a later round (a wedding and event-venue marketplace's app in eleven European countries and Morocco on the Sunday of the year's largest wedding fair, when a fair-day discount on venue deposits opens: venue date holds and bookings, deposits and instalment plans, add-on vendor bookings for caterers, photographers, bands and florists, guest lists and RSVP pages, card and wallet payments with refunds, e-mail-code sign-in, booking-confirmation and payment-reminder e-mails, SMS and push, a venue search by date, region, capacity and price, a partner API for venues' calendars and wedding planners' tools): floor a little below its first measurement (0.875 / 0.986 / 0.903 with rounds ninety-six to ninety-nine and their mends, before rounds one hundred and one hundred and one)"},
	{name: "holdout114",
		blind: true, minTickets: 70,
		floor: figures{exact: 0.88, withinOne: 0.95, service: 0.83}, why: "blind, written during rounds one hundred and one hundred and one for a later round (a bakery and café chain's pre-order, click-and-collect and delivery app in France, Spain, Portugal, Belgium, Switzerland, Germany, Poland and Mexico on Epiphany, the busiest king-cake pre-order morning of the year: pre-orders with pick-up slots, delivery orders, the basket, loyalty stamps, corporate catering orders, card, wallet and gift-card payments with refunds, SMS-code sign-in, order-ready push, SMS and e-mails, a shop, product and opening-hours search, a partner API for delivery platforms): floor a little below its first measurement (0.903 / 0.972 / 0.861 with rounds ninety-six to ninety-nine and their mends, before rounds one hundred and one hundred and one)"},
	{name: "probe7",
		outOfFit: true, minTickets: 30,
		floor: figures{exact: 0.90, withinOne: 0.93, service: 0.86}, why: "round seven's probe, written by the tuner before its changes and tuned on: floor a little below the figures after the round"},
	{name: "probe8",
		outOfFit: true, minTickets: 26,
		floor: figures{exact: 0.78, withinOne: 0.96, service: 0.85}, why: "round eight's probe, written by the tuner before its changes (0.462 / 0.769 / 0.577) and tuned on: floor a little below the figures after the round"},
}

func init() {
	for i := range labeledSets {
		s := &labeledSets[i]
		if s.dir == "" {
			s.dir = filepath.Join(ticketsDir, s.name)
		}
		if s.project == "" {
			s.project = filepath.Join(s.dir, "project.json")
		}
	}
}

// wholeFloor holds for all measured sets together (at least 200 tickets):
// a set with no floor yet (not measured) is reported in the whole but does
// not count toward its floor, which was set before that set existed.
// Whole after round two with holdout3 measured: 0.904, 0.942, 0.959 (293);
// after round three: 0.881, 0.952, 0.959; after round four (holdout3 tuned
// on): 0.952, 0.993, 1.000; with holdout4 (blind) measured too, 370
// tickets: 0.916, 0.984, 0.970; with holdout5 (blind) too, 435 tickets,
// after round five: 0.897, 0.975, 0.957; after round six (holdout4 tuned
// on, not in the fit; holdout5 blind): 0.908, 0.979, 0.959; with holdout6
// (blind, first measured with round six's rules) too, 508 tickets: 0.870,
// 0.959, 0.941 — the floor moved down with that set, not with a rule;
// after round seven, with probe7 too, 538 tickets: 0.894, 0.965, 0.957;
// with holdout7 (blind, first measured) too, 610 tickets: 0.861, 0.948,
// 0.933 — again the floor moved down with a new blind set, not a rule;
// after round eight, with probe8 too, 636 tickets: 0.899, 0.972, 0.962;
// before round nine 0.899, 0.970, 0.964; after round nine (holdout6 and
// holdout7 tuned on) 0.961, 0.997, 0.969; with holdout8 and holdout9
// (blind, measured twice) too, 778 tickets: 0.929, 0.987, 0.960 — the
// floor moved down with the new blind sets, not with a rule; after round
// ten (holdout8 and holdout9 tuned on) 0.943, 0.995, 0.964; with holdout10
// and holdout11 (blind, measured twice) too, 916 tickets: 0.930, 0.986,
// 0.960 — the floor moved down with the new blind sets, not with a rule;
// with holdout12 (blind, first measured with round ten's rules) too, 984
// tickets: 0.915, 0.980, 0.958; with holdout13 too, 1054 tickets: 0.904,
// 0.974, 0.954 — below the whole floor's exact, which moves down with the
// new blind sets (0.91 → 0.90), not with a rule; after round eleven,
// 1054 tickets: 0.908, 0.980, 0.955; after round twelve 0.910, 0.981,
// 0.958; after round thirteen 0.916, 0.981, 0.959; with holdout14 (blind,
// written before round thirteen) too, 1126 tickets: 0.901, 0.977, 0.952 —
// the floor's exact moves down with the new blind set (0.90 → 0.89), not
// with a rule; after round fourteen 0.916, 0.982, 0.951 (floor raised);
// after round fifteen 0.918, 0.982, 0.964. In the session of 2026-12-05
// (sixth) each round was judged on two blind sets written before it, which
// then joined the whole: with holdout15 and holdout16, 1270 tickets, 0.902,
// 0.976, 0.960; after round seventeen 0.930, 0.987, 0.970; with holdout17
// and holdout18, 1414: 0.921, 0.984, 0.958; after round eighteen 0.932,
// 0.988, 0.960; with holdout19 and holdout20, 1558: 0.907, 0.980, 0.949;
// after round nineteen 0.908, 0.980, 0.958; with holdout21 and holdout22,
// 1702: 0.895, 0.979, 0.953; after round twenty 0.899, 0.980, 0.954 — the
// floor moves down with the new blind sets (0.90 → 0.89 exact, 0.955 →
// 0.95 service), not with a rule. In the session after it the measured
// sets grew by holdout23 to holdout30 (each joins once judged on), 2278
// tickets after round twenty-four: 0.895, 0.979, 0.949 — the service
// floor moves down to 0.945 with them; after round twenty-five 0.896,
// 0.980, 0.952; with holdout31 and holdout32 (judged on by round
// twenty-five), 2422 tickets: 0.892, 0.978, 0.948. Round twenty-six
// (holdout31 and holdout32 tuned on) measured only the whole not blind,
// with DESKGATE_TRIAGE_SKIP_BLIND=1 (2339 tickets: the measured sets but
// holdout10, holdout33 and holdout34, which only the lead measures):
// 0.889, 0.977, 0.947 before it, 0.900, 0.977, 0.948 after it; the
// measured 2422 after it: 0.903, 0.978, 0.950. With holdout33 and
// holdout34 (judged on by round twenty-six), 2566 tickets: 0.900, 0.975,
// 0.945 — the service floor moves down to 0.94 with them (their service
// 0.833 and 0.875), not with a rule. Round twenty-seven (holdout33 and
// holdout34 tuned on) measured only the whole not blind, with
// DESKGATE_TRIAGE_SKIP_BLIND=1 (2483 tickets: the measured sets but the
// blind ones, the original holdout and holdout10, which only the lead
// measures; holdout35 and holdout36 have no floor yet): 0.897, 0.974,
// 0.943 before it, 0.901, 0.975, 0.948 after it; the measured 2566
// after it: 0.904, 0.976, 0.949. With holdout35 and holdout36 (judged on
// by round twenty-seven), 2710 tickets: 0.899, 0.973, 0.943 — the
// within-one floor moves down to 0.97 with them (holdout35's 0.903), not
// with a rule. Round twenty-eight (holdout35 and holdout36 tuned on)
// measured only the whole not blind, with DESKGATE_TRIAGE_SKIP_BLIND=1
// (2627 tickets: the measured sets but the blind ones, the original
// holdout and holdout10, which only the lead measures; holdout37 and
// holdout38 are blind and have no floor yet): 0.896, 0.973, 0.941
// before it, 0.898, 0.973, 0.943 after it; the measured 2710 after it:
// 0.901, 0.974, 0.944. With holdout37 and holdout38 (judged on by round
// twenty-eight), 2854 tickets: 0.893, 0.973, 0.936 — the service floor
// moves down to 0.93 with them (holdout37's 0.694), not with a rule.
// Round twenty-nine (holdout37 and holdout38 tuned on) measured only the
// whole not blind, with DESKGATE_TRIAGE_SKIP_BLIND=1 (2771 tickets: the
// measured sets but the blind ones, the original holdout and holdout10,
// which only the lead measures; holdout39 and holdout40 are blind and
// have no floor yet): 0.890, 0.972, 0.934 before it, 0.892, 0.973, 0.937
// after it; the measured 2854 after it: 0.895, 0.974, 0.939. With
// holdout39 and holdout40 (judged on by round twenty-nine), 2998 tickets:
// 0.890 (2667), 0.971, 0.934 — the exact floor moves down to 0.88 with
// them (their 0.792 and 0.764), not with a rule. Round thirty (holdout39
// and holdout40 tuned on) measured only the whole not blind, with
// DESKGATE_TRIAGE_SKIP_BLIND=1 (2915 tickets: the measured sets but the
// blind ones, the original holdout, holdout10, holdout41 and holdout42):
// 0.887 (2585), 0.970 (2829), 0.932 (2717) before it, 0.887 (2587),
// 0.972 (2832), 0.935 (2726) after it; the measured 2998 after it: 0.890
// (2669), 0.972 (2915), 0.937 (2809). With holdout41 and holdout42
// (judged on by round thirty), 3142 tickets: 0.884 (2778), 0.970 (3047,
// just under 0.97), 0.932 (2929) — the within-one floor moves down to 0.96
// with them (their 0.931 and 0.903), not with a rule. Round thirty-one
// (holdout41 and holdout42 tuned on) measured only the whole not blind,
// with DESKGATE_TRIAGE_SKIP_BLIND=1 (3059 tickets: the measured sets but
// the blind ones, the original holdout and holdout10): 0.881 (2696),
// 0.969 (2964), 0.930 (2846) before it, 0.885 (2708), 0.970 (2967),
// 0.931 (2847) after it; the measured 3142 after it: 0.888 (2790), 0.971
// (3050), 0.932 (2930). With holdout43 and holdout44 (judged on by round
// thirty-one), 3286 tickets: 0.880 (2893), 0.968 (3182), 0.929 (3053) —
// the service floor moves down to 0.92 with them (their 0.819 and
// 0.889), not with a rule. Round thirty-two (holdout43 and holdout44
// tuned on) measured only the whole not blind, with
// DESKGATE_TRIAGE_SKIP_BLIND=1 (3203 tickets: the measured sets but the
// blind ones, the original holdout and holdout10): 0.878 (2811), 0.968
// (3099), 0.927 (2970) before it, 0.879 (2814), 0.968 (3101), 0.927
// (2969) after it; the measured 3286 after it: 0.881 (2896), 0.969
// (3184), 0.929 (3052). With holdout45 and holdout46 (judged on by round
// thirty-two), 3430 tickets: 0.880 (3020), 0.968 (3319), 0.923 (3165);
// no floor moves. Round thirty-three (holdout45 and holdout46 tuned on)
// measured only the whole not blind, with DESKGATE_TRIAGE_SKIP_BLIND=1
// (3347 tickets: the measured sets but the blind ones, the original
// holdout and holdout10): 0.878 (2938), 0.967 (3236), 0.921 (3082)
// before it, 0.880 (2946), 0.968 (3239), 0.921 (3083) after it. With
// holdout47 and holdout48 (judged on by round thirty-three), 3574 tickets:
// 0.879 (3140), 0.966 (3454), 0.920 (3288, just under 0.92) — the exact
// floor moves down to 0.87 and the service floor to 0.91 with them (their
// 0.736 / 0.875 and 0.819 / 0.819), not with a rule. Round thirty-four
// (holdout47 and holdout48 tuned on) measured the whole not blind with
// DESKGATE_TRIAGE_SKIP_BLIND=1 (3491 tickets): 0.876 (3058), 0.966 (3371),
// 0.918 (3205) before it, 0.878 (3064), 0.966 (3372), 0.918 (3205) after it;
// the measured 3574 after it: 0.880 (3146), 0.967 (3455), 0.920 (3288).
// With holdout49 and holdout50 (judged on by round thirty-four), 3718
// tickets: 0.876 (3258), 0.966 (3590), 0.914 (3399); no floor moves.
// Round thirty-five (holdout49 and holdout50 tuned on) measured the whole
// not blind with DESKGATE_TRIAGE_SKIP_BLIND=1 (3635 tickets): 0.874
// (3176), 0.965 (3507), 0.912 (3316) before it, 0.874 (3178), 0.965
// (3507), 0.917 (3333) after it; the measured 3718 after it: 0.877
// (3260), 0.966 (3590), 0.919 (3416). With holdout51 and holdout52
// (judged on by round thirty-five), 3862 tickets: 0.873 (3373), 0.965
// (3727), 0.915 (3534); no floor moves. Round thirty-six (holdout51 and
// holdout52 tuned on) measured the whole not blind with
// DESKGATE_TRIAGE_SKIP_BLIND=1 (3779 tickets): 0.871 (3291), 0.964
// (3644), 0.913 (3451) before it and the same after it (no rule kept).
// With holdout53 and holdout54 (judged on by round thirty-six), 4006
// tickets: 0.871 (3489), 0.964 (3861), 0.913 (3658); no floor moves.
// Round thirty-seven (holdout53 and holdout54 tuned on) measured the whole
// not blind with DESKGATE_TRIAGE_SKIP_BLIND=1 (3923 tickets): 0.868
// (3407), 0.963 (3778), 0.911 (3575) before it, 0.870 (3414), 0.963
// (3779), 0.912 (3576) after it; the measured 4006 after it: 0.873
// (3496), 0.964 (3862), 0.913 (3659). With holdout55 and holdout56
// (judged on by round thirty-seven), 4150 tickets: 0.869 (3605, just under
// 0.87), 0.963 (3998), 0.912 (3786) — the exact floor moves down to 0.86
// with them (their 0.750 and 0.764), not with a rule. Round thirty-eight
// (holdout55 and holdout56 tuned on) measured the whole not blind with
// DESKGATE_TRIAGE_SKIP_BLIND=1 (4067 tickets): 0.866 (3523), 0.963
// (3915), 0.910 (3703) before it, 0.866 (3523), 0.963 (3915), 0.913
// (3712) after it; the measured 4150 after it: 0.869 (3605), 0.963
// (3998), 0.914 (3795). With holdout57 and holdout58 (judged on by round
// thirty-eight), 4294 tickets: 0.865 (3716), 0.963 (4134), 0.912 (3915);
// no floor moves. Round thirty-nine (holdout57 and holdout58 tuned on)
// measured the whole not blind with DESKGATE_TRIAGE_SKIP_BLIND=1 (4211
// tickets): 0.863 (3634), 0.962 (4051), 0.910 (3832) before it, 0.868
// (3654), 0.964 (4061), 0.912 (3841) after it; the measured 4294 after
// it: 0.870 (3736), 0.965 (4144), 0.914 (3924). With holdout59 and
// holdout60 (judged on by round thirty-nine), 4438 tickets: 0.868 (3854),
// 0.965 (4282), 0.910 (4039, just above 0.91); no floor moves. Round
// forty (holdout59 and holdout60 tuned on) measured the whole not blind
// with DESKGATE_TRIAGE_SKIP_BLIND=1 (4355 tickets), on the merge with
// round thirty-nine's review mends: 0.867 (3775), 0.964 (4199), 0.908
// (3956) before it, 0.869 (3784), 0.966 (4208), 0.912 (3970) after it
// (on the round's own branch, before those mends, 3772 and 3781 exact,
// the rest the same); the measured 4438 after
// both: 0.871 (3866), 0.967 (4291), 0.913 (4053). With holdout61 and
// holdout62 (judged on by round forty), 4582 tickets: 0.868 (3977), 0.966
// (4426), 0.911 (4175); no floor moves. Round forty-one (holdout61 and
// holdout62 tuned on) measured the whole not blind with
// DESKGATE_TRIAGE_SKIP_BLIND=1 (4499 tickets): 0.866 (3895), 0.965
// (4343), 0.910 (4092) before it, 0.866 (3895), 0.966 (4344), 0.910
// (4092) after it; the measured 4582 after it: 0.868 (3977), 0.966
// (4427), 0.911 (4175). With holdout63 and holdout64 (judged on by round
// forty-one), 4726 tickets: 0.866 (4093), 0.966 (4564), 0.911 (4306); no
// floor moves. Round forty-two (holdout63 and holdout64 tuned on)
// measured the whole not blind with DESKGATE_TRIAGE_SKIP_BLIND=1 (4643
// tickets): 0.864 (4011), 0.965 (4481), 0.910 (4223) before it, 0.866
// (4019), 0.965 (4482), 0.910 (4224) after it. The measured 4726 after
// it: 0.868 (4101), 0.966 (4565), 0.911 (4307). With holdout65 and
// holdout66 (judged on by round forty-two), 4870 tickets: 0.865 (4214),
// 0.965 (4701), 0.909 (4429): the service floor moves down to 0.90, since
// the two fresh sets (service 0.875 and 0.819) pull the whole under 0.91;
// the sets measured before them went from 4306 to 4307 of 4726 in
// service with the round. Round forty-three (holdout65 and holdout66
// tuned on) measured the whole not blind with DESKGATE_TRIAGE_SKIP_BLIND=1
// (4787 tickets): 0.863 (4132), 0.965 (4618), 0.908 (4346) before it,
// 0.865 (4142), 0.966 (4623), 0.908 (4346) after it. The measured 4870
// after it, on the merge with round forty-two's review mends: 0.867
// (4223), 0.966 (4706), 0.910 (4430). With holdout67 and holdout68
// (judged on by round forty-three), 5014 tickets: 0.865 (4336), 0.966
// (4846), 0.907 (4548); no floor moves. Round forty-four (holdout67 and
// holdout68 tuned on) measured the whole not blind with
// DESKGATE_TRIAGE_SKIP_BLIND=1 (4931 tickets): 0.863 (4254), 0.966
// (4763), 0.905 (4465) before it, 0.863 (4255), 0.966 (4763), 0.907
// (4471) after it. The measured 5014 after it: 0.865 (4337), 0.966
// (4846), 0.908 (4554). With holdout69 and holdout70 (judged on by round
// forty-four), 5158 tickets: 0.864 (4454), 0.966 (4985), 0.907 (4680); no
// floor moves. Mended after the review of round forty-four (lent verb
// forms narrowed), the whole not blind (4931): 0.863 (4255), 0.966
// (4763), 0.906 (4469); holdout49 lost h49-21's and h49-72's service
// ("invite" is no longer lent by "guest invitation"); no floor moves.
// The measured 5158 on the merge with those mends and round forty-three's:
// 0.864 (4454), 0.966 (4985), 0.907 (4678). Round forty-five (holdout69
// and holdout70 tuned on) measured the whole not blind with
// DESKGATE_TRIAGE_SKIP_BLIND=1 (5075 tickets): 0.861 (4372), 0.966
// (4902), 0.905 (4595) before it, the same after it (no mechanism kept;
// one tried and reverted); no floor moves. With holdout71 and holdout72
// (judged on by round forty-five), 5302 tickets: 0.861 (4564), 0.966
// (5121), 0.906 (4803); no floor moves (exact just above its 0.86).
// Round forty-six (holdout71 and holdout72 tuned on) measured the whole
// not blind with DESKGATE_TRIAGE_SKIP_BLIND=1 (5219 tickets): 0.859
// (4482), 0.965 (5038), 0.904 (4720) before it, the same after it (no
// mechanism kept; two tried and reverted); no floor moves. Round
// forty-seven (no set released) measured the whole not blind with
// DESKGATE_TRIAGE_SKIP_BLIND=1 (5219 tickets): 0.859 (4482), 0.965
// (5038), 0.904 (4720) before it, 0.860 (4488), 0.965 (5037), 0.906
// (4728) after it (two mechanisms kept; a probe and a third tried and
// reverted); no floor moves. With holdout73 and holdout74 (judged on by
// round forty-seven), 5446 tickets: 0.860 (4684), 0.965 (5256), 0.905
// (4928); no floor moves (the exact figure at its 0.86). Mended after the
// review of round forty-seven (boughtAbsent needs the thing bought; a
// Turkish original-message marker), the whole not blind (5219): 0.860
// (4489), 0.965 (5038), 0.906 (4727); h23-71 lost its service and gained
// its severity (its refusal was read inside the quote); no floor moves.
// Round forty-eight (holdout73 and holdout74 tuned on) measured the whole not
// blind with DESKGATE_TRIAGE_SKIP_BLIND=1 (5363 tickets): 0.858 (4602),
// 0.965 (5173), 0.903 (4845) before it, 0.861 (4617), 0.965 (5173),
// 0.903 (4845) after it (two mechanisms kept, a variant set back); no
// floor moves. With holdout75 and holdout76 (judged on by round
// forty-eight; 0.694 and 0.736 exact), 5590 tickets: 0.859 (4802), 0.964
// (5390), 0.901 (5037): the exact floor moves down from 0.86 to 0.85, as
// the fresh sets pull the whole below it (the sets measured before them,
// 5446 tickets, went 4684 -> 4699 with rounds forty-seven and
// forty-eight). Mended after round forty-eight's review (mostFailing needs
// the spike at a note whose words read no failure), the whole not blind
// (5363, with round forty-seven's mends): 0.861 (4618), 0.965 (5174),
// 0.903 (4844) before, 0.861 (4616), 0.965 (5174), 0.903 (4844) after
// (h22-53 and h55-26 back to medium); no floor moves.
// Round forty-nine (holdout75 and holdout76 tuned on)
// measured the whole not blind with DESKGATE_TRIAGE_SKIP_BLIND=1 (5507
// tickets): 0.857 (4721), 0.964 (5308), 0.899 (4953) before it, 0.858
// (4726), 0.964 (5308), 0.903 (4971) after it (two mechanisms kept: the
// plural of an alias's short last word, an alias's head word alone); no
// floor moves. On the merge with round forty-eight's review mends, the
// whole not blind (5507): 0.858 (4723), 0.964 (5308), 0.903 (4971). With
// holdout77 and holdout78 (judged on by round forty-nine; 0.722 and 0.736
// exact), 5734 tickets: 0.856 (4910), 0.963 (5521), 0.902 (5174); no
// floor moves. Mended after round forty-nine's review (the head-word
// reading taken out), the whole not blind (5507): 0.858 (4723), 0.964
// (5308), 0.903 (4971) before, 0.857 (4720), 0.964 (5308), 0.900 (4955)
// after. The measured 5734 on the merge with those mends: 0.856 (4906),
// 0.963 (5521), 0.899 (5157): the service floor moves down from 0.90 to
// 0.89 (holdout78 went back to 0.722 / 0.875 / 0.736 without the
// head-word reading, and the fresh sets holdout75 to holdout78, at 0.722
// to 0.917 in service, hold the whole under 0.90).
// Round fifty-one (no set released), with its review's mends, the whole
// not blind (5651): 0.854 (4824), 0.962 (5438), 0.898 (5074) before,
// 0.858 (4851), 0.967 (5465), 0.899 (5080) after; no floor moves. The
// measured 5734 after it: 0.860 (4933), 0.968 (5548), 0.900 (5163). With
// holdout79 to holdout84 (judged on by round fifty-one; 0.708 to 0.833
// exact, 0.736 to 0.944 service), 6166 tickets: 0.853 (5257), 0.967
// (5960), 0.894 (5514); no floor moves.
// Rounds fifty-two (holdout79 and holdout80 released) and fifty-three,
// with round fifty-two's review mends, the whole not blind (5795): 0.855
// (4957), 0.966 (5600), 0.897 (5197) before, 0.857 (4964), 0.967 (5601),
// 0.898 (5205) after; no blind set moved. The measured 6166 after them:
// 0.854 (5264), 0.967 (5961), 0.896 (5522). With holdout85 and holdout86
// (judged on by round fifty-three; 0.736 and 0.778 exact, 0.806 and 0.875
// service), 6310 tickets: 0.852 (5373), 0.966 (6093), 0.894 (5643); no
// floor moves. Round fifty-four (holdout81 and holdout82 released), with
// its review's mends and the session read-through's: the whole not blind
// (5939) 0.855 (5077), 0.966 (5738), 0.897 (5327) before, 0.855 (5080),
// 0.967 (5741), 0.897 (5327) after; no blind set moved again; the
// measured 6310: 0.852 (5376), 0.966 (6096), 0.894 (5643); no floor
// moves.
// Rounds fifty-five and fifty-six (holdout83 and holdout84 released,
// tuned on only after each round's mechanism was frozen and measured on
// them), merged before their reviews: the whole not blind
// (6083) 0.852 (5185), 0.967 (5881), 0.894 (5439) before, 0.861 (5235),
// 0.968 (5886), 0.896 (5451) after. For the first time since round
// fifty-one the blind sets moved, in aggregate (the blind report lists
// no ticket): holdout85 +2 exact, holdout89 +1, holdout90 +2 exact and
// +1 service, 432 tickets; no blind figure fell. The
// measured 6310: 0.860 (5428), 0.967 (6101), 0.896 (5655). With
// holdout87 and holdout88 (judged on by rounds fifty-five and fifty-six;
// 0.722 and 0.694 exact, 0.694 and 0.708 service), 6454 tickets: 0.857
// (5530), 0.966 (6233), 0.892 (5756); no floor moves.
// Their reviews' mends, and rounds fifty-seven and fifty-eight with
// theirs (holdout85 and holdout86 released as their check, measured
// before and after each frozen mechanism: no ticket of theirs moved):
// the whole not blind (6227) 0.859 (5346), 0.966 (6018), 0.895 (5572)
// before, 0.862 (5365), 0.966 (6017), 0.896 (5582) after. The blind
// sets: holdout87 and holdout88 unchanged, holdout89 0.764 / 0.958 /
// 0.806, holdout90 0.792 / 0.986 / 0.778 (the service it gained with
// round fifty-five went back with that round's mends). With holdout89
// and holdout90 (judged on by rounds fifty-five to fifty-eight), the
// measured 6598: 0.858 (5661), 0.966 (6372), 0.891 (5880); no floor
// moves.
// holdout91 and holdout92 (written before round fifty-nine, measured once
// with round fifty-eight's rules: 0.847 / 0.944 / 0.819 and 0.764 / 0.917
// / 0.806), with holdout87 and holdout88 released as the check of rounds
// fifty-nine and sixty: the measured 6742, 0.857 (5777), 0.965 (6506),
// 0.889 (5997). The service floor moves from 0.89 to 0.88, a little below:
// the two new worlds' service, like every fresh world's, sits under the
// tuned sets'.
// Rounds fifty-nine to sixty-two with their reviews' mends (sixty-one
// reverted; holdout87 and holdout88 the check of fifty-nine and sixty,
// holdout89 and holdout90 of sixty-one and sixty-two, no ticket of theirs
// moved): the tuned sets (6227) 0.862 (5365), 0.966 (6017), 0.896 (5582)
// before, 0.864 (5379), 0.967 (6020), 0.899 (5596) after; holdout91 the
// same, holdout92 one service more right (0.819). The measured 6742: 0.859
// (5791), 0.965 (6509), 0.892 (6012); no floor moves. With holdout93 and
// holdout94 (written after round sixty-two, measured once with its
// rules: 0.764 / 0.944 / 0.778 and 0.694 / 0.958 / 0.833), 6886 tickets:
// 0.856 (5896), 0.965 (6646), 0.890 (6128); no floor moves. After rounds
// sixty-three and sixty-four (holdout91 and holdout92 their check; the
// blind holdout93 and holdout94 unchanged) and with holdout95 and holdout96
// (written during those rounds, measured once with their rules: 0.764 /
// 0.972 / 0.806 and 0.889 / 0.986 / 0.861), 7030 tickets: 0.859 (6036),
// 0.966 (6788), 0.892 (6273); no floor moves. After round sixty-five
// (holdout95 and holdout96 one exact more each), 7030 tickets: 0.862
// (6061), 0.966 (6792), 0.893 (6279); no floor moves. With holdout97 and
// holdout98 (written during rounds sixty-six to sixty-eight, measured with
// the rules before them: 0.806 / 0.944 / 0.750 and 0.903 / 0.972 / 0.833),
// 7174 tickets: 0.862 (6184), 0.966 (6930), 0.891 (6393); no floor moves.
// After rounds sixty-seven and sixty-nine (sixty-six and sixty-eight not
// merged; holdout93 and holdout94 their check, one within and one service
// more; holdout95 one within and one service more, holdout98 one exact
// more and one service less), 7174 tickets: 0.868 (6228), 0.967 (6937),
// 0.894 (6417); no floor moves. With holdout99 and holdout100 (written
// during rounds seventy and seventy-one, measured with the rules before
// them: 0.847 / 0.972 / 0.861 and 0.750 / 0.931 / 0.778), 7318 tickets:
// 0.867 (6343), 0.967 (7074), 0.893 (6535); no floor moves.
// After rounds seventy to seventy-two (holdout95 and holdout96 their
// check: holdout96 two services more; holdout97 one exact less and one
// service more, holdout98 one service more, holdout10 one service less;
// holdout99 and holdout100 unchanged), 7318 tickets: 0.867 (6348), 0.967
// (7074), 0.901 (6593); no floor moves. With holdout101 and holdout102
// (written during rounds seventy-three and seventy-four, measured with the
// rules before them: 0.792 / 0.944 / 0.875 and 0.792 / 0.944 / 0.903),
// 7462 tickets: 0.866 (6462), 0.966 (7210), 0.901 (6721); no floor moves.
// After rounds seventy-three to seventy-six (holdout97 and holdout98
// their check: one service more each; holdout99 one exact and one service
// less, holdout100 two services more, holdout101 one exact more,
// holdout102 one service more; holdout10 and holdout/ unchanged), 7462
// tickets: 0.870 (6495), 0.967 (7214), 0.906 (6761); no floor moves.
// With holdout103 and holdout104 (written during rounds seventy-seven to
// eighty, measured with the rules before them: 0.778 / 1.000 / 0.861 and
// 0.861 / 0.958 / 0.903), 7606 tickets: 0.869 (6613), 0.967 (7355), 0.906
// (6888); no floor moves. After rounds seventy-seven to eighty (holdout99
// and holdout100 their check: unchanged; holdout103 one service more;
// holdout101, holdout102, holdout104, holdout10 and holdout/ unchanged),
// 7606 tickets: 0.873 (6639), 0.967 (7355), 0.910 (6923); no floor moves.
// With holdout105 and holdout106 (written during rounds eighty-one to
// eighty-four, measured with the rules before them: 0.792 / 0.917 / 0.875
// and 0.736 / 0.944 / 0.819), 7750 tickets: 0.871 (6749), 0.966 (7489),
// 0.909 (7045); no floor moves. After rounds eighty-one to eighty-four
// (holdout101 and holdout102 their check: unchanged; holdout104 one exact
// and one service more; holdout105 one within one level and one service
// less; holdout103, holdout106, holdout10 and holdout/ unchanged), 7750
// tickets: 0.876 (6787), 0.969 (7510), 0.910 (7055); no floor moves.
// With holdout107 and holdout108 (written during rounds eighty-five to
// eighty-eight, measured with the rules before them: 0.806 / 0.931 / 0.861
// and 0.819 / 0.986 / 0.833), 7894 tickets: 0.875 (6904), 0.969 (7648),
// 0.909 (7177); no floor moves. After rounds eighty-five to eighty-eight
// (holdout103 and holdout104 their check: holdout103 one exact more,
// holdout104 unchanged; holdout105 one exact, one within one level and one
// service more; holdout106 one exact and one service less; holdout107 one
// exact more; holdout108 one exact and one service more; holdout10 and
// holdout/ unchanged), 7894 tickets: 0.882 (6963), 0.970 (7658), 0.911
// (7189); no floor moves.
// With holdout109 and holdout110 (written during rounds ninety to
// ninety-three, measured with the rules before them: 0.847 / 0.986 / 0.875
// and 0.778 / 0.972 / 0.917), 8038 tickets: 0.881 (7080), 0.970 (7799),
// 0.910 (7318); no floor moves. After rounds ninety to ninety-five
// (holdout105 and holdout106 their check: holdout105 unchanged, holdout106
// one exact and three services more; holdout108 one exact and one service
// more; holdout110 one exact and two services more; holdout107, holdout109,
// holdout10 and holdout/ unchanged), 8038 tickets: 0.882 (7093), 0.971
// (7804), 0.913 (7338); no floor moves.
// With holdout111 and holdout112 (written during rounds ninety-six to
// ninety-nine, measured with the rules before them: 0.778 / 0.903 / 0.764
// and 0.778 / 0.944 / 0.889), 8182 tickets: 0.881 (7205), 0.970 (7937),
// 0.911 (7457); no floor moves. After rounds ninety-six to ninety-nine
// (holdout107 and holdout108 their check: unchanged; holdout109 to
// holdout112, holdout10 and holdout/ unchanged), 8182 tickets: 0.882
// (7215), 0.970 (7938), 0.913 (7467); no floor moves.
// With holdout113 and holdout114 (written during rounds one hundred and
// one hundred and one, measured with the rules before them: 0.875 / 0.986
// / 0.903 and 0.903 / 0.972 / 0.861), 8326 tickets: 0.882 (7343), 0.970
// (8079), 0.912 (7594); no floor moves. After rounds one hundred to one
// hundred and three (holdout109 and holdout110 their check: unchanged;
// holdout111 one exact less; holdout112 and holdout114 one exact more;
// holdout113, holdout10 and holdout/ unchanged), 8326 tickets: 0.886
// (7378), 0.972 (8093), 0.912 (7597); no floor moves.
var wholeFloor = figures{exact: 0.85, withinOne: 0.96, service: 0.88}

const wholeMinTickets = 200

type labeledProject struct {
	Services []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
		Core    bool     `json:"core"`
	} `json:"services"`
	Logs json.RawMessage `json:"logs"`
}

type label struct {
	Severity string `json:"severity"`
	Service  string `json:"service"`
}

type generatedWorld struct {
	once sync.Once
	dir  string
	p    Project
	err  error
}

// worlds are the generated log worlds by project.json path, shared by the
// tests of one binary and removed by TestMain.
var worlds = struct {
	sync.Mutex
	m map[string]*generatedWorld
}{m: map[string]*generatedWorld{}}

// worldDirPrefix begins the name of every generated world's directory;
// the test binary's process id follows it, so a later binary can tell the
// worlds of one that was killed (and never reached TestMain's clean-up)
// from those of one still running.
const worldDirPrefix = "deskgate-triage-world-"

// TestMain removes the worlds killed test binaries left behind, then, after
// the tests, the generated worlds this binary made, which tests share.
func TestMain(m *testing.M) {
	sweepOrphanWorlds(os.TempDir())
	code := m.Run()
	for _, w := range worlds.m {
		if w.dir != "" {
			os.RemoveAll(w.dir)
		}
	}
	os.Exit(code)
}

// sweepOrphanWorlds removes the world directories under tmp whose test
// binary is no longer running: a killed binary (a timeout, ^C, a CI job
// stopped) leaves its worlds, tens of megabytes each, and they pile up run
// after run. A directory named before the id was added (the prefix and
// random digits only) is removed once it is a day old.
func sweepOrphanWorlds(tmp string) {
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), worldDirPrefix)
		if !ok || !e.IsDir() {
			continue
		}
		// Before the process id was added a name ended in the random
		// digits alone: no dash follows them.
		pidText, _, named := strings.Cut(rest, "-")
		pid, err := strconv.Atoi(pidText)
		if named && err == nil && pid > 0 {
			if processRunning(pid) {
				continue
			}
		} else if info, err := e.Info(); err != nil || time.Since(info.ModTime()) < 24*time.Hour {
			continue
		}
		os.RemoveAll(filepath.Join(tmp, e.Name()))
	}
}

// processRunning reports whether a process with this id exists (signal 0
// checks without sending anything). A process of another user counts as
// running: its worlds are not ours to remove.
func processRunning(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// labeledWorld is the original labeled set's project.
func labeledWorld(t testing.TB) Project {
	t.Helper()
	return worldOf(t, filepath.Join(ticketsDir, "project.json"))
}

// worldOf generates the logs of a project.json once per test binary and
// returns the project reading them.
func worldOf(t testing.TB, projectFile string) Project {
	t.Helper()
	worlds.Lock()
	w := worlds.m[projectFile]
	if w == nil {
		w = &generatedWorld{}
		worlds.m[projectFile] = w
	}
	worlds.Unlock()
	w.once.Do(func() { w.p, w.dir, w.err = generateWorld(projectFile) })
	if w.err != nil {
		t.Fatalf("generate the log world of %s: %v", projectFile, w.err)
	}
	return w.p
}

// readLabeledProject reads a set's project.json.
func readLabeledProject(projectFile string) (labeledProject, error) {
	var lp labeledProject
	raw, err := os.ReadFile(projectFile)
	if err != nil {
		return lp, err
	}
	if err := json.Unmarshal(raw, &lp); err != nil {
		return lp, fmt.Errorf("parse %s: %w", projectFile, err)
	}
	return lp, nil
}

func generateWorld(projectFile string) (Project, string, error) {
	lp, err := readLabeledProject(projectFile)
	if err != nil {
		return Project{}, "", err
	}
	spec, err := gen.ParseWorld(lp.Logs)
	if err != nil {
		return Project{}, "", err
	}
	dir, err := os.MkdirTemp("", fmt.Sprintf("%s%d-", worldDirPrefix, os.Getpid()))
	if err != nil {
		return Project{}, "", err
	}
	if _, err := gen.WriteDir(spec, dir); err != nil {
		return Project{}, dir, err
	}
	src, err := logs.NewFileSource("app", []string{filepath.Join(dir, "*.jsonl")}, logs.FormatJSONL)
	if err != nil {
		return Project{}, dir, err
	}
	p := Project{Name: "checkout", Sources: []logs.Querier{src}}
	for _, s := range lp.Services {
		p.Services = append(p.Services, Service{Name: s.Name, Aliases: s.Aliases, Core: s.Core})
	}
	return p, dir, nil
}

// loadTickets reads dir/labels.json and the tickets it names, and checks
// that every ticket file in dir is labeled.
func loadTickets(t testing.TB, dir string) (map[string]Ticket, map[string]label) {
	t.Helper()
	var labels map[string]label
	raw, err := os.ReadFile(filepath.Join(dir, "labels.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &labels); err != nil {
		t.Fatalf("%s/labels.json: %v", dir, err)
	}
	tickets := map[string]Ticket{}
	for name := range labels {
		raw, err := os.ReadFile(filepath.Join(dir, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		tk, err := decodeTicket(raw)
		if err != nil {
			t.Fatalf("%s/%s: %v", dir, name, err)
		}
		if tk.CreatedAt.IsZero() {
			t.Fatalf("%s/%s: no created_at: the logs cannot be judged without it", dir, name)
		}
		tickets[name] = tk
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		if _, ok := labels[name]; !ok && name != "labels" && name != "project" {
			t.Errorf("%s has no label in %s/labels.json", f, dir)
		}
	}
	return tickets, labels
}

// decodeTicket reads the `deskgate triage` stdin shape, whose id is a number.
func decodeTicket(raw []byte) (Ticket, error) {
	var in struct {
		ID json.Number `json:"id"`
		Ticket
	}
	if err := json.Unmarshal(raw, &in); err != nil {
		return Ticket{}, err
	}
	tk := in.Ticket
	tk.ID = in.ID.String()
	return tk, nil
}

// outcome is one triaged ticket against its label.
type outcome struct {
	name string
	want label
	got  Result
}

func (o outcome) exact() bool { return o.got.Severity == o.want.Severity }

func (o outcome) withinOne() bool {
	d := Rank(o.got.Severity) - Rank(o.want.Severity)
	return d >= -1 && d <= 1
}

func (o outcome) serviceOK() bool { return o.got.AffectedService == o.want.Service }

// triageSet checks the set's labels against its project and triages every
// ticket, in name order.
func triageSet(t *testing.T, s labeledSet) []outcome {
	t.Helper()
	p := worldOf(t, s.project)
	tickets, labels := loadTickets(t, s.dir)
	known := map[string]bool{"": true}
	for _, svc := range p.Services {
		known[svc.Name] = true
	}
	names := make([]string, 0, len(labels))
	for n, l := range labels {
		if Rank(l.Severity) == 0 {
			t.Errorf("%s: label severity %q is not critical, high, medium or low", n, l.Severity)
		}
		if !known[l.Service] {
			t.Errorf("%s: label service %q is not a service of %s", n, l.Service, s.project)
		}
		names = append(names, n)
	}
	sort.Strings(names)
	ts := triagedOf(t, s, p, tickets, names)
	out := make([]outcome, 0, len(ts))
	for _, tt := range ts {
		out = append(out, outcome{name: tt.name, want: labels[tt.name], got: tt.res})
	}
	return out
}

// figuresWithoutRace skips a test that triages whole labeled sets when the
// race detector is on. Those tests measure figures, one ticket at a time
// on one goroutine, so the detector adds nothing to them and makes them
// about twenty times slower (615 s of the package's 637 s under -race).
// make test runs this package a second time without -race, where they all
// run; under -race TestTriager_isSafeForConcurrentUse still triages
// labeled tickets concurrently.
func figuresWithoutRace(t *testing.T) {
	t.Helper()
	if raceDetector {
		t.Skip("triages whole labeled sets on one goroutine: run without -race (make test does)")
	}
}

// triaged is one labeled ticket's triage: its result and the scorer's view
// of it (signals, the contract's verdict or floor).
type triaged struct {
	name string
	res  Result
	v    *verdict
}

// setTriage is a set's tickets triaged once per test binary.
type setTriage struct {
	once sync.Once
	ts   []triaged
	err  error
}

// triages are the labeled sets' triages by set name: the floors
// (TestLabeledSets_meetTheirFloors) and the scorer's fit
// (TestScorer_leaveOneSetOut) read the same outcomes, so each set is
// triaged once, not once per test. A test that changes what triage reads
// (names only, no synonyms) triages on its own.
var triages = struct {
	sync.Mutex
	m map[string]*setTriage
}{m: map[string]*setTriage{}}

// triagedOf triages the named tickets of s (in p, with the labeled tests'
// settings) the first time it is asked and returns the same outcomes after.
func triagedOf(t *testing.T, s labeledSet, p Project, tickets map[string]Ticket, names []string) []triaged {
	t.Helper()
	triages.Lock()
	st := triages.m[s.name]
	if st == nil {
		st = &setTriage{}
		triages.m[s.name] = st
	}
	triages.Unlock()
	st.once.Do(func() {
		tr := New(p, Settings{DefaultTimeBuffer: 2 * time.Hour, Threshold: High})
		for _, name := range names {
			res, _, v, err := tr.run(context.Background(), tickets[name])
			if err != nil {
				st.err = fmt.Errorf("%s/%s: %w", s.name, name, err)
				return
			}
			st.ts = append(st.ts, triaged{name: name, res: res, v: v})
		}
	})
	if st.err != nil {
		t.Fatal(st.err)
	}
	return st.ts
}

// tally returns the figures of outcomes and a report: the counts, the
// confusion matrix and, unless blind, each miss with its reasons.
func tally(outs []outcome, blind bool) (figures, string) {
	f, report := confusion(outs)
	var misses []string
	for _, o := range outs {
		if !o.exact() || !o.serviceOK() {
			misses = append(misses, fmt.Sprintf("MISS %s: got %s/%q want %s/%q\n    reasons: %s", o.name,
				o.got.Severity, o.got.AffectedService, o.want.Severity, o.want.Service, strings.Join(o.got.Reasons, " | ")))
		}
	}
	switch {
	case blind && len(misses) > 0:
		report += fmt.Sprintf("\n%d ticket(s) missed; not listed: this set is blind, never tune on it", len(misses))
	case len(misses) > 0:
		report += "\n" + strings.Join(misses, "\n")
	}
	return f, report
}

// confusion returns the figures of outcomes and their counts and confusion
// matrix, without the misses.
func confusion(outs []outcome) (figures, string) {
	var b strings.Builder
	exact, within, svc := 0, 0, 0
	cells := map[[2]string]int{}
	for _, o := range outs {
		cells[[2]string{o.want.Severity, o.got.Severity}]++
		if o.exact() {
			exact++
		}
		if o.withinOne() {
			within++
		}
		if o.serviceOK() {
			svc++
		}
	}
	n := max(len(outs), 1)
	f := figures{exact: float64(exact) / float64(n), withinOne: float64(within) / float64(n), service: float64(svc) / float64(n)}
	fmt.Fprintf(&b, "%d tickets: severity exact %.1f%% (%d), within one level %.1f%% (%d), service %.1f%% (%d)\n",
		len(outs), f.exact*100, exact, f.withinOne*100, within, f.service*100, svc)
	sevs := []string{Critical, High, Medium, Low}
	fmt.Fprintf(&b, "confusion (rows: labeled, columns: triaged)\n%10s", "")
	for _, s := range sevs {
		fmt.Fprintf(&b, "%9s", s)
	}
	for _, w := range sevs {
		fmt.Fprintf(&b, "\n%10s", w)
		for _, g := range sevs {
			fmt.Fprintf(&b, "%9d", cells[[2]string{w, g}])
		}
	}
	return f, b.String()
}

// checkFloor fails the test for each figure below its (non-zero) floor.
func checkFloor(t *testing.T, set string, got, floor figures, why string) {
	t.Helper()
	for _, c := range []struct {
		what       string
		got, floor float64
	}{
		{"severity exact", got.exact, floor.exact},
		{"severity within one level", got.withinOne, floor.withinOne},
		{"service", got.service, floor.service},
	} {
		if c.floor > 0 && c.got < c.floor {
			t.Errorf("%s: %s accuracy %.1f%% is below its floor %.0f%% (%s)", set, c.what, c.got*100, c.floor*100, why)
		}
	}
}

// TestLabeledSets_meetTheirFloors reports, per set and for all of them
// together, severity exact, within one level, service accuracy and the
// confusion matrix, and fails below each set's floor:
//
//	go test ./gateway/triage -run Labeled -v
//
// With DESKGATE_TRIAGE_SKIP_BLIND=1 it leaves the blind sets (and the whole,
// which holds them) out: for tuning, where even their aggregate figures
// must not be looked at often.
func TestLabeledSets_meetTheirFloors(t *testing.T) {
	figuresWithoutRace(t)
	skipBlind := os.Getenv("DESKGATE_TRIAGE_SKIP_BLIND") != ""
	var all, measured []outcome
	for _, s := range labeledSets {
		if s.blind && skipBlind {
			t.Logf("set %s: blind, left out (DESKGATE_TRIAGE_SKIP_BLIND)", s.name)
			continue
		}
		outs := triageSet(t, s)
		if len(outs) < s.minTickets {
			t.Errorf("%s: %d labeled tickets, want at least %d", s.name, len(outs), s.minTickets)
		}
		f, report := tally(outs, s.blind)
		t.Logf("set %s (%s):\n%s", s.name, s.dir, report)
		checkFloor(t, s.name, f, s.floor, s.why)
		for _, o := range outs {
			o.name = s.name + "/" + o.name
			all = append(all, o)
			if s.floor != (figures{}) {
				measured = append(measured, o)
			}
		}
	}
	if skipBlind {
		// The sets with a floor that are not blind: the tuner's whole
		// figure (no floor is checked on it; the misses are listed above).
		_, report := confusion(measured)
		t.Logf("set whole-not-blind (the measured sets but the blind ones):\n%s", report)
		return
	}
	if len(measured) < wholeMinTickets {
		t.Errorf("whole: %d labeled tickets in measured sets, want at least %d", len(measured), wholeMinTickets)
	}
	// The whole set holds blind tickets: count, do not list.
	_, report := tally(all, true)
	t.Logf("set whole (all of the above):\n%s", report)
	f, report := tally(measured, true)
	t.Logf("set whole-measured (the sets with a floor, which the whole floor is for):\n%s", report)
	checkFloor(t, "whole-measured", f, wholeFloor, "floor a little below the figures after tuning")
}

func TestTally_countsExactWithinOneAndService(t *testing.T) {
	outs := []outcome{
		{want: label{Critical, "auth"}, got: Result{Severity: Critical, AffectedService: "auth"}},
		{want: label{Critical, "auth"}, got: Result{Severity: High, AffectedService: ""}},
		{want: label{High, ""}, got: Result{Severity: Low, AffectedService: ""}},
		{want: label{Low, "search"}, got: Result{Severity: Medium, AffectedService: "payments"}},
	}
	f, report := tally(outs, true)
	if want := (figures{exact: 0.25, withinOne: 0.75, service: 0.5}); f != want {
		t.Errorf("figures %+v, want %+v", f, want)
	}
	if strings.Contains(report, "MISS") || !strings.Contains(report, "3 ticket(s) missed") {
		t.Errorf("a blind report lists its misses or does not count them:\n%s", report)
	}
	if _, report := tally(outs, false); strings.Count(report, "MISS") != 3 {
		t.Errorf("an open report does not list its 3 misses:\n%s", report)
	}
}

func TestTriager_isSafeForConcurrentUse(t *testing.T) {
	p := labeledWorld(t)
	tickets, labels := loadTickets(t, ticketsDir)
	tr := New(p, Settings{})
	names := make([]string, 0, len(labels))
	for n := range labels {
		names = append(names, n)
	}
	sort.Strings(names)
	names = names[:8]
	want := map[string]Result{}
	for _, n := range names {
		r, err := tr.Triage(context.Background(), tickets[n])
		if err != nil {
			t.Fatal(err)
		}
		want[n] = r
	}
	errs := make(chan error, len(names))
	for _, n := range names {
		go func() {
			r, err := tr.Triage(context.Background(), tickets[n])
			if err == nil && (r.Severity != want[n].Severity || r.AffectedService != want[n].AffectedService) {
				err = fmt.Errorf("%s: concurrent result %s/%s differs from %s/%s", n, r.Severity, r.AffectedService, want[n].Severity, want[n].AffectedService)
			}
			errs <- err
		}()
	}
	for range names {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// BenchmarkTriage_originalSet triages the 50 tickets of the original set
// against its generated logs; it reports the time per ticket and asserts
// nothing about it.
func BenchmarkTriage_originalSet(b *testing.B) {
	p := labeledWorld(b)
	tickets, _ := loadTickets(b, ticketsDir)
	benchTriage(b, New(p, Settings{}), tickets)
}

// BenchmarkReadWords measures the word part of triage alone (signals,
// claim, services, time) over the original set's tickets.
func BenchmarkReadWords(b *testing.B) {
	tickets, _ := loadTickets(b, ticketsDir)
	tr := New(Project{Services: []Service{{Name: "checkout-api", Aliases: []string{"checkout", "cart"}, Core: true},
		{Name: "payments", Core: true}, {Name: "auth", Core: true}, {Name: "search"}, {Name: "notifications"}}}, Settings{})
	benchTriage(b, tr, tickets)
}

// benchTriage triages every ticket b.N times and reports µs per ticket.
func benchTriage(b *testing.B, tr *Triager, tickets map[string]Ticket) {
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, tk := range tickets {
			if _, err := tr.Triage(context.Background(), tk); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(tickets)), "µs/ticket")
}

// bareFloor is the service accuracy each tuning set must keep when its
// project's aliases and the built-in synonyms (the word lists rounds three
// and four grew on these very sets) are dropped: how much attribution rests
// on what a ticket says of a flow and where it states the failure, rather
// than on lists fitted to the sets' wording. See labeledSets' comment for
// the figures.
var bareFloor = map[string]float64{"original": 0.95, "training": 0.87, "holdout2": 0.89, "holdout3": 0.85}

// TestLabeledSets_serviceWithoutFittedWords triages the tuning sets with
// names only — no aliases, no built-in synonyms; logs kept — and reports
// service accuracy. It must not run in parallel: it swaps a package list.
func TestLabeledSets_serviceWithoutFittedWords(t *testing.T) {
	figuresWithoutRace(t)
	saved := builtinSynonyms
	builtinSynonyms = nil
	defer func() { builtinSynonyms = saved }()
	for _, s := range labeledSets {
		// Only the sets with a floor here: the others would be triaged
		// once more for figures nothing asserts.
		if s.blind || bareFloor[s.name] == 0 {
			continue
		}
		t.Run(s.name, func(t *testing.T) {
			p := worldOf(t, s.project)
			p.Services = append([]Service(nil), p.Services...)
			for i := range p.Services {
				p.Services[i].Aliases = nil
			}
			tickets, labels := loadTickets(t, s.dir)
			tr := New(p, Settings{DefaultTimeBuffer: 2 * time.Hour, Threshold: High})
			right := 0
			for name, tk := range tickets {
				res, err := tr.Triage(context.Background(), tk)
				if err != nil {
					t.Fatal(err)
				}
				if res.AffectedService == labels[name].Service {
					right++
					continue
				}
				t.Logf("miss %s: service %q, want %q", name, res.AffectedService, labels[name].Service)
			}
			acc := float64(right) / float64(len(tickets))
			t.Logf("%s with names only: service %.3f (%d/%d)", s.name, acc, right, len(tickets))
			if acc < bareFloor[s.name] {
				t.Errorf("%s with names only: service %.3f below its floor %.2f", s.name, acc, bareFloor[s.name])
			}
		})
	}
}
