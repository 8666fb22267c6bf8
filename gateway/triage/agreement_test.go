package triage

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// secondOpinion is a blind set labeled a second time, by someone who saw
// the tickets and the generated logs but neither the writer's labels nor
// the rules. How often two careful people agree is the ceiling a triage can
// be held to: a rule set scoring near it is as good as the labels can tell.
type secondOpinion struct {
	set   string // directory under examples/tickets
	file  string // the second labels, under examples/tickets/agreement
	floor figures
}

// secondOpinions, labeled again in the session of 2026-12-05 (the writers'
// labels unseen): holdout5 0.954 exact, 1.000 within one level, 0.877
// service; holdout6 0.904, 1.000, 0.932; holdout7 0.889, 0.931, 0.917.
// Most service differences are one convention: the writers give a how-to
// or feature request about a service that service, the second labeler (and
// design.md's wording) none. holdout7's second labeler also gave a "works
// again, please close" ticket the severity of the failure it reported,
// where the writers give it low. holdout9 (labeled again in round nine's
// session, by the same kind of labeler, told the same conventions): 69 of
// 69 alike — far above the earlier sets, so it says more about how closely
// one careful reader follows the conventions twice than about a ceiling;
// the second labeler's copy of the writer's labels.json was never opened
// (its access time stayed at its checkout time). holdout8: 73 of 73 alike
// in severity, 72 in service, but its files are numbered in severity order
// (criticals first) and its writer's commit message gave the counts, both
// of which its second labeler saw: inflated. Both were blind through round
// nine; from round ten on their differences are listed like the others'.
// holdout10 (files numbered in a shuffled order, its labels.json unopened
// by the second labeler by its access time): 71 of 71 alike. holdout11's
// second labels (67 of 67 alike) are left out: the access time of its
// labels.json shows it was read when the second labeler began. holdout14
// (session of 2026-12-05, its labels.json deleted from the second
// labeler's checkout): 71 of 72 alike in severity, 72 within one level, 72
// in service; the one difference is a share of a non-core service's
// messages failing with a matching rise, which both flagged as doubtful.
// holdout15 and holdout16 (sixth session of 2026-12-05; each second
// labeler's checkout was cut at the commit before the writer's labels, so
// they were not on its disk): 72 of 72 alike, and 71 of 72 in severity
// (the one difference high against medium), 72 within one level and 72 in
// service. holdout17 and holdout18 (written before round eighteen, labeled
// again the same way): 70 of 72 alike in severity (the two others one level
// apart), 72 within one level, 71 in service; and 72 of 72 alike.
// holdout19 and holdout20 (written before round nineteen, the same way): 72
// of 72 alike; 72 of 72 in severity and 70 of 72 in service. holdout21 and
// holdout22 (written before round twenty, the same way): 72 of 72 in
// severity and 71 of 72 in service; 72 of 72 alike. holdout23 and
// holdout24 (written before round twenty-one, the same way): 71 of 72 in
// severity (the other one level apart), 72 of 72 in service; 70 of 72 in
// severity (the two others one level apart), 72 of 72 in service.
// holdout25 and holdout26 (written before round twenty-two, the same way):
// 70 of 72 in severity (the two others one level apart), 70 of 72 in
// service; 70 of 72 in severity (the others one level apart), 67 of 72 in
// service (five how-to or billing questions naming no service, which the
// writer gave none and the second labeler the flow they ask about).
// holdout27 and holdout28 (written before round twenty-three, the same
// way): 70 of 72 in severity (the others one level apart), 71 of 72 in
// service; 69 of 72 in severity (the others one level apart), 72 of 72 in
// service. holdout29 and holdout30 (written before round twenty-four, the
// same way): 71 of 72 in severity (the other one level apart) and 72 of
// 72 in service, each. holdout31 and holdout32 (written before round
// twenty-five, the same way): 70 of 72 in severity (the others one level
// apart) and 72 of 72 in service; 72 of 72 in severity and 71 of 72 in
// service. holdout33 and holdout34 (written before round twenty-six, the
// same way): 72 of 72 in severity and in service (holdout33's world
// comment, which both read, says which service owns its bookings,
// payouts, vouchers and reminders); 72 of 72 in severity and 68 of 72 in
// service. holdout35 and holdout36 (written during round twenty-five, for
// round twenty-seven, the same way): 72 of 72 in severity, 69 of 72 and 71
// of 72 in service. holdout37 and holdout38 (written during round
// twenty-six, for round twenty-eight): 72 of 72 and 71 of 72 (the other
// one level apart) in severity, 71 of 72 in service each. holdout39 and
// holdout40 (written during round twenty-eight, for round twenty-nine):
// 72 of 72 in severity each, 72 of 72 and 71 of 72 in service (holdout39's
// world comment, which both read, says which service owns payslips and
// salary files). holdout41 and holdout42 (written during round
// twenty-nine, for round thirty): 68 of 72 in severity (three others one
// level apart, one two) and 72 of 72 in service; 71 of 72 in severity
// (the other one level apart) and 72 of 72 in service. holdout43 and
// holdout44 (written during round twenty-nine, for round thirty-one): 70
// of 72 in severity (the others one level apart) and 70 of 72 in service;
// 71 of 72 in severity (the other one level apart) and 72 of 72 in service.
// holdout45 and holdout46 (written during round twenty-nine, for round
// thirty-two): 72 of 72 in severity each, 71 of 72 and 72 of 72 in service.
// holdout47 and holdout48 (written during round thirty-one, for round
// thirty-three): 71 of 72 in severity (the other one level apart) and 71
// of 72 in service; 68 of 72 in severity (the others one level
// apart) and 67 of 72 in service. holdout49 (written in the session's
// last hour, for round thirty-four; its second labels carry a UTC window
// per ticket that names a time): 72 of 72 in severity, 68 of 72 in service.
// holdout50 (the same, a window on 48 tickets): 71 of 72 in severity (the
// other one level apart), 72 of 72 in service. holdout51 and holdout52
// (written during round thirty-three, for round thirty-five; a window on
// every ticket whose text names or implies a time, 46 and 56): 70 of 72 in
// severity (the others one level apart) and 72 of 72 in service; 71 of 72
// in severity (the other one level apart) and 71 of 72 in service.
// holdout53 and holdout54 (written during round thirty-three, for round
// thirty-six, the same way; 55 and 54 windows): 71 of 72 in severity (the
// other one level apart) and 72 of 72 in service each. holdout55 and
// holdout56 (written during round thirty-five, for round thirty-seven, the
// same way; 36 and 52 windows): 72 of 72 in severity each, 72 of 72 and 68
// of 72 in service. holdout57 and holdout58 (written during round
// thirty-seven, for a later round, the same way; 50 and 46 windows): 71 of
// 72 in severity (the other one level apart) and 71 of 72 in service each.
// holdout59 and holdout60 (written during round thirty-eight, for round
// thirty-nine, the same way; 57 and 52 windows): 71 of 72 in severity (the
// other one level apart: a traffic drop with no failures, medium or high)
// and 72 of 72 in service; 70 of 72 in severity (the others one level
// apart: a warnings-only rise, a traffic drop) and 70 of 72 in service (a
// resent receipt, a licence's price).
// holdout61 and holdout62 (written during round thirty-eight, for round
// forty, the same way; 54 and 57 windows): 70 of 72 in severity (the others
// one level apart: a share of a non-core search failing, a traffic drop)
// and 70 of 72 in service (a VAT invoice and a refund question, none or
// payments); 72 of 72 in severity and 70 of 72 in service (a password-reset
// e-mail, a feature request's service).
// holdout63 and holdout64 (written during round thirty-eight, for round
// forty-one, the same way; 58 and 58 windows): 70 of 72 in severity (the
// others one level apart: a share of a non-core search failing, a traffic
// drop with no failures) and 72 of 72 in service; 71 of 72 in severity (the
// other one level apart: a traffic drop with no failures) and 72 of 72 in
// service. A traffic drop with no failures is where the two readers part
// most often (holdout59 to holdout64: five of the eight severity
// differences): the writers hold it at medium, an outage claim on logs with
// no errors; the second labelers take the drop as confirming the claim.
// holdout65 and holdout66 (written during round forty, for a later round,
// the same way; 52 and 50 windows): 71 of 72 in severity (the other one
// level apart: one accounting office's failure during a short blip,
// critical or high) and 72 of 72 in service; 71 of 72 in severity (the
// other one level apart: one user's e-mail during a share of a non-core
// service failing) and 70 of 72 in service (a sale banner's question and a
// backup wiped, none or the library's). Their second labelers could read
// the sentence above about a traffic drop (it is in the part of this
// section they are given), and held both of theirs at medium with the
// writers.
// holdout67 and holdout68 (written during round forty-one, for a later
// round, the same way; 59 and 54 windows): 68 of 72 in severity (the others
// one level apart: two shares of a non-core search failing, a traffic drop,
// a duplicate push) and 71 of 72 in service (a data loss's service, none or
// the sign-in's); 71 of 72 in severity (the other one level apart: a
// traffic drop with no failures, read as high again) and 71 of 72 in
// service (a resent e-mail's).
// holdout69 and holdout70 (written during round forty-two, for a later
// round, the same way; 50 and 57 windows): 70 of 72 in severity (the
// others one level apart: a group of nine during a core outage, critical
// or high; a slow waiting room on clean logs, medium or low) and 71 of 72
// in service (a sold-out date's question, none or the order's); 69 of 72
// in severity (the others one level apart: two traffic drops with no
// failures, read as high again, and one patient's failure during a share
// of a non-core service failing) and 72 of 72 in service. holdout69's
// writer took its traffic drop as high, as its second labeler did.
// holdout71 and holdout72 (written during round forty-two, for a later
// round, the same way; 53 and 51 windows): 72 of 72 in severity and in
// service; 71 of 72 in severity (the other one level apart: one user's
// video freezing on home Wi-Fi, medium or low) and 72 of 72 in service.
// Both writers took their traffic drops as high, as both second labelers
// did.
// holdout73 and holdout74 (written during round forty-five, for a later
// round, the same way; 56 and 53 windows): 71 of 72 in severity (the
// other one level apart: a traffic drop with no failures, medium or high)
// and 70 of 72 in service (an identity-check hold and an invoice
// question, none or a service); 72 of 72 in severity and 71 of 72 in
// service (an invoice question, payments or none). holdout74's writer
// and both second labelers had read, before labeling, a note of the
// lead's saying that earlier second labelers took a traffic drop as high.
// holdout75 and holdout76 (written before round forty-seven, for a later
// round, the same way; 57 and 58 windows): 69 of 72 in severity (the
// others one level apart: a writer and three or four colleagues failing
// during a core outage, critical or high) and 72 of 72 in service; 71 of
// 72 in severity (the other one level apart: one donor's card declined on
// clean logs, medium or low) and 71 of 72 in service (a page's review
// state, none or the donation flow's).
// holdout77 and holdout78 (written before round forty-seven, for a later
// round, the same way; 59 and 54 windows): 69 of 72 in severity (the
// others one level apart: a traffic drop with no failures, medium or
// high; one user's search failing during a share of it failing, medium
// or high; an order waiting for a courier on clean logs, medium or low)
// and 71 of 72 in service (that order's: the order flow's or none); 70 of
// 72 in severity (the others one level apart: a traffic drop with no
// failures, medium or high; a third of a non-core service's reminders
// failing with a matching rise, medium or high) and 72 of 72 in service.
// Both writers took their traffic drops as medium, both second labelers
// as high.
// holdout79 and holdout80 (written during round forty-nine, for a later
// round, the same way; 39 and 61 windows): 67 of 72 in severity (the
// others one level apart: four single writers during a share of 20-30 %
// of a flow failing, medium or high; an empty list of nearby profiles on
// clean logs, medium or low) and 72 of 72 in service; 69 of 72 in
// severity (the others one level apart: a traffic drop, medium or high;
// three in an office during a blip, critical or high; a third of a
// non-core service's e-mails failing, medium or high) and 69 of 72 in
// service (questions about a price that fell and a plan charged twice,
// none or a service).
// holdout81 and holdout82 (written during round fifty, for a later round,
// the same way; 46 and 60 windows): 66 of 72 in severity (the others one
// level apart: two questions about a traffic drop with no failures,
// medium or high; four normal states or a writer's own error on clean
// logs, medium or low) and 72 of 72 in service; 68 of 72 in severity (the
// others one level apart: three single writers during a share of 30 % of
// a non-core service failing, high for the writer, medium for the second
// labeler; a declined card on clean logs, medium or low) and 70 of 72 in
// service (two questions about a feature, the flow's or the notices',
// none or the flow's).
// holdout83 and holdout84 (written during round fifty, for a later round,
// the same way; 58 and 50 windows): 69 of 72 in severity (the others one
// level apart: a partner's kiosk selling almost nothing and a question
// about the same traffic drop, one level higher for the second labeler;
// an expired code used on clean logs, medium or low) and 70 of 72 in
// service (an invoice and a price question, one service or another or
// none); 70 of 72 in severity (the others one level apart: one writer
// while a third of a non-core service's e-mails failed, medium for the
// writer, high for the second labeler; one shop's fourteen payouts in an
// outage, critical or high) and 72 of 72 in service.
// holdout85 and holdout86 (written after round fifty-one, for a later
// round, the same way; 50 and 56 windows): 71 of 72 in severity (the
// other one level apart: a PIN refused on clean logs, medium or low) and
// 72 of 72 in service; 68 of 72 in severity (the others one level apart:
// two questions about a traffic drop with no failures, medium for the
// writer, high for the second labeler; one buyer's e-mail while 30 % of a
// non-core service's e-mails failed, high or medium; a code refused after
// a phone change on clean logs, medium or low) and 72 of 72 in service.
// holdout87 and holdout88 (written during round fifty-two, for a later
// round, the same way; 55 and 55 windows): 70 of 72 in severity (the
// others one level apart: one writer's bill PDFs "completely down" while a
// few of them failed, high for the writer, medium for the second labeler;
// a top-up spinning while the payments traffic fell with no failures,
// medium or high) and 71 of 72 in service (a question about a planned
// power cut, the app or none); 71 of 72 in severity (the other one level
// apart: the shop spinning while its traffic fell with no failures,
// medium for the writer, high for the second labeler) and 70 of 72 in
// service (a season pass's renewal and its receipt: payments,
// notifications or the shop).
// holdout89 and holdout90 (written during round fifty-five, for a later
// round, the same way; 58 and 47 windows): 70 of 72 in severity (the
// others one level apart: the store tab blank and a partner's order volume
// down while the shop's traffic fell with no failures, medium for the
// writer, high for the second labeler) and 72 of 72 in service; 69 of 72
// in severity (the others one level apart: money taken and no order on
// clean logs, high for the writer, medium for the second labeler; two
// users' menu e-mails while 30 % of a non-core service's e-mails failed,
// medium for the writer, high for the second labeler) and 71 of 72 in
// service (a request for the app in Japanese: none or the app).
// holdout91 and holdout92 (written before round fifty-nine, for a later
// round, the same way; 45 and 45 windows): 71 of 72 in severity (the other
// one level apart: "nothing works" naming no service during the booking
// outage, high for the writer as one user's failure, critical for the
// second labeler as an outage claim) and 72 of 72 in service; 72 of 72 in
// severity and in service (its world comment names each incident's service
// and stretch, and its incidents are clear-cut, so the agreement says less;
// a first second labeling, made while the writer's scratch copy of its
// labels was still on disk, gave the same 72 labels and was set aside).
// holdout93 and holdout94 (written after round sixty-two, for a later
// round, the same way; 47 and 40 windows): 71 of 72 in severity and 72 of
// 72 in service each; in each the other ticket is one level apart and of
// one kind, money taken and no booking while the booking service's logs
// are clean (medium for the writers, high for the second labelers; the
// kind holdout90's second labeler read the other way).
// holdout95 and holdout96 (written during rounds sixty-three and
// sixty-four, for a later round, the same way; 22 and 44 windows): 71 of 72
// in severity each, 72 and 71 of 72 in service; the tickets apart are the
// two splits already known: one user whose app does not load while the
// service's traffic fell to a third with no failure logged (high for the
// writer, medium for the second labeler), one user's missing e-mail while a
// quarter of the service's mails fail (medium for the writer, high for the
// second labeler), and a question about a promotion whose banner left the
// app (the writer's service, none for the second labeler).
// holdout97 and holdout98 (written during rounds sixty-six to sixty-eight,
// for a later round, the same way; 47 and 54 windows): 71 and 72 of 72 in
// severity, 71 and 72 of 72 in service; the tickets apart are two splits
// already known: one driver whose app start does nothing while the
// service's traffic fell to a third with no failure logged (medium for the
// writer, high for the second labeler), and a typo on one screen (no
// service for the writer, the screen's service for the second labeler).
// holdout99 and holdout100 (written during rounds seventy and seventy-one,
// the same way; 45 and 49 windows): 68 and 71 of 72 in severity (all 72
// within one level), 69 and 70 of 72 in service. The tickets apart are
// splits already known: the app not opening while its traffic fell to a
// quarter with no failure logged (medium for the writer, high for the
// second labeler; two tickets), money taken while the test slot stays
// unpaid during the wallet's failures (the booking's service at medium for
// the writer, payments at high for the second), a reminder asked about
// before it was due (medium and low), one user's gift card refused during
// a mild rise of its failures (high and medium), questions and feature
// requests naming the product's thing (no service for the writer, the
// thing's service for the second; three tickets) and a failure naming no
// service on clean logs (none and checkout-api). holdout99's floor sits
// below 0.97 in exact and service.
// holdout101 and holdout102 (written during rounds seventy-three and
// seventy-four, the same way; 33 and 39 windows): 67 and 72 of 72 in
// severity (all within one level), 72 and 69 of 72 in service. The tickets
// apart are splits already known: orders stopping while the order service's
// traffic fell to a quarter with no failure logged (critical for the
// writer, high for the second labeler; three tickets), a partner's short
// burst of 503s, over (critical and high), a late push on clean logs
// (medium and low), and billing-document questions and a feature request
// that name the product's thing (no service for the writer, the thing's
// service for the second; three tickets). holdout101's floor sits below
// 0.97 in exact, holdout102's in service.
// holdout103 and holdout104 (written during rounds seventy-seven to
// eighty, the same way; 50 and 44 windows): 72 of 72 in severity for both,
// 71 of 72 in service for both. The one ticket apart in each is a split
// already known: money taken while the payment outage ran and the purchase
// left unfinished (checkout-api for the writer by "charged but no order",
// payments for the second labeler), and a billing question about company
// VAT invoices (payments for the writer, no service for the second).
// holdout105 and holdout106 (written during rounds eighty-one to
// eighty-four, the same way; 49 and 54 windows): holdout105 71 of 72 in
// severity, 72 of 72 within one level and in service, the one apart a
// traffic drop with no failures under a club's "the app won't load" (high
// for the writer, critical for the second labeler); holdout106 69 of 72 in
// severity, 72 within one, 71 in service: one user's search spinner during
// a traffic drop (medium against high), one user's card payment timing out
// in a payment slowdown with a few 504s (high against medium), sign-in
// codes nobody asked for with the account unchanged (low against medium),
// and a tax receipt for camp fees (payments against no service). All are
// splits already known (the traffic drop, one writer during a slowdown, a
// billing document's service). holdout106's exact floor sits at 0.95.
// holdout107 and holdout108 (written during rounds eighty-five to
// eighty-eight, the same way; 37 and 41 windows): holdout107 70 of 72 in
// severity, 72 within one level, 71 in service; holdout108 68 of 72 in
// severity, 72 of 72 within one level and in service. Apart: one user's
// shop that spins or stays white during a traffic drop with no failures
// (medium for the writer, high for the second labeler; three tickets over
// both sets), one user's failure during a partial rise of a quarter of
// requests (medium against high; two), a team's late pushes during a
// warn-level retry rise (high against medium), and a feature request's
// service (none against checkout-api). All are splits already known (the
// traffic drop, one writer during a partial rise or a slowdown, a
// request's service). holdout108's exact floor sits at 0.93.
// holdout109 and holdout110 (written during rounds ninety to
// ninety-three, the same way; 50 and 52 windows): holdout109 71 of 72 in
// severity, 72 within one level, 70 in service; holdout110 71 of 72 in
// severity, 72 of 72 within one level and in service. Apart: a payment
// that took a minute but went through on clean logs (medium against low),
// a deleted confirmation e-mail that held a gate code (notifications
// against checkout-api), a request for another language in the app (none
// against checkout-api), and one severity a level apart. All are splits
// already known (one user's slowness on clean logs, a request's service).
// holdout111 and holdout112 (written during rounds ninety-six to
// ninety-nine, the same way; 42 and 48 windows): holdout111 70 of 72 in
// severity, 71 within one level, 71 in service; holdout112 72 of 72 in
// each. Apart: a card payment that failed in a blip and then went through,
// asked about as two pending amounts (low against high: a billing question
// or a past failure report), one user's missing reminder e-mail while a
// quarter of them failed (medium against high), and an empty second
// account the writer made by signing in with another address (auth
// against none). All are splits already known (a failure told as a
// question, one writer during a partial rise, a request's service).
// holdout113 and holdout114 (written during rounds one hundred and one
// hundred and one, the same way; 49 and 52 windows): holdout113 70 of 72
// in severity, 72 of 72 within one level and in service; holdout114 72 of
// 72 in each. Apart: two severities a level apart (not listed: the set is
// blind; the second labeler named many blocked in a short blip, critical
// or high, among its doubts).
// The floors
// sit a little below, so that a label edited on one side only, or a ticket
// added without its second label, fails here.
var secondOpinions = []secondOpinion{
	{set: "holdout5", file: "holdout5.json", floor: figures{exact: 0.93, withinOne: 0.98, service: 0.85}},
	{set: "holdout6", file: "holdout6.json", floor: figures{exact: 0.88, withinOne: 0.98, service: 0.90}},
	{set: "holdout7", file: "holdout7.json", floor: figures{exact: 0.86, withinOne: 0.91, service: 0.89}},
	{set: "holdout8", file: "holdout8.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.96}},
	{set: "holdout9", file: "holdout9.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout10", file: "holdout10.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout12", file: "holdout12.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.97}},
	{set: "holdout13", file: "holdout13.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.96}},
	{set: "holdout14", file: "holdout14.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout15", file: "holdout15.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout16", file: "holdout16.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout17", file: "holdout17.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.96}},
	{set: "holdout18", file: "holdout18.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout19", file: "holdout19.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout20", file: "holdout20.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.95}},
	{set: "holdout21", file: "holdout21.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout22", file: "holdout22.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout23", file: "holdout23.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout24", file: "holdout24.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.97}},
	{set: "holdout25", file: "holdout25.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.95}},
	{set: "holdout26", file: "holdout26.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.91}},
	{set: "holdout27", file: "holdout27.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.97}},
	{set: "holdout28", file: "holdout28.json", floor: figures{exact: 0.94, withinOne: 0.97, service: 0.97}},
	{set: "holdout29", file: "holdout29.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout30", file: "holdout30.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout31", file: "holdout31.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.97}},
	{set: "holdout32", file: "holdout32.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout33", file: "holdout33.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout34", file: "holdout34.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.92}},
	{set: "holdout35", file: "holdout35.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.94}},
	{set: "holdout36", file: "holdout36.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout37", file: "holdout37.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout38", file: "holdout38.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout39", file: "holdout39.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout40", file: "holdout40.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout41", file: "holdout41.json", floor: figures{exact: 0.93, withinOne: 0.97, service: 0.97}},
	{set: "holdout42", file: "holdout42.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout43", file: "holdout43.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.95}},
	{set: "holdout44", file: "holdout44.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout45", file: "holdout45.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout46", file: "holdout46.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout47", file: "holdout47.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout48", file: "holdout48.json", floor: figures{exact: 0.93, withinOne: 0.97, service: 0.91}},
	{set: "holdout49", file: "holdout49.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.93}},
	{set: "holdout50", file: "holdout50.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout51", file: "holdout51.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.97}},
	{set: "holdout52", file: "holdout52.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout53", file: "holdout53.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout54", file: "holdout54.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout55", file: "holdout55.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout56", file: "holdout56.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.92}},
	{set: "holdout57", file: "holdout57.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout58", file: "holdout58.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout59", file: "holdout59.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout60", file: "holdout60.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.95}},
	{set: "holdout61", file: "holdout61.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.95}},
	{set: "holdout62", file: "holdout62.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.95}},
	{set: "holdout63", file: "holdout63.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.97}},
	{set: "holdout64", file: "holdout64.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout65", file: "holdout65.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout66", file: "holdout66.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.95}},
	{set: "holdout67", file: "holdout67.json", floor: figures{exact: 0.92, withinOne: 0.97, service: 0.97}},
	{set: "holdout68", file: "holdout68.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout69", file: "holdout69.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.97}},
	{set: "holdout70", file: "holdout70.json", floor: figures{exact: 0.94, withinOne: 0.97, service: 0.97}},
	{set: "holdout71", file: "holdout71.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout72", file: "holdout72.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout73", file: "holdout73.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.95}},
	{set: "holdout74", file: "holdout74.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout75", file: "holdout75.json", floor: figures{exact: 0.94, withinOne: 0.97, service: 0.97}},
	{set: "holdout76", file: "holdout76.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout77", file: "holdout77.json", floor: figures{exact: 0.94, withinOne: 0.97, service: 0.97}},
	{set: "holdout78", file: "holdout78.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.97}},
	{set: "holdout79", file: "holdout79.json", floor: figures{exact: 0.92, withinOne: 0.97, service: 0.97}},
	{set: "holdout80", file: "holdout80.json", floor: figures{exact: 0.94, withinOne: 0.97, service: 0.94}},
	{set: "holdout81", file: "holdout81.json", floor: figures{exact: 0.90, withinOne: 0.97, service: 0.97}},
	{set: "holdout82", file: "holdout82.json", floor: figures{exact: 0.93, withinOne: 0.97, service: 0.95}},
	{set: "holdout83", file: "holdout83.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.95}},
	{set: "holdout84", file: "holdout84.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout85", file: "holdout85.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout86", file: "holdout86.json", floor: figures{exact: 0.93, withinOne: 0.97, service: 0.97}},
	{set: "holdout87", file: "holdout87.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.97}},
	{set: "holdout88", file: "holdout88.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.95}},
	{set: "holdout89", file: "holdout89.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.97}},
	{set: "holdout90", file: "holdout90.json", floor: figures{exact: 0.94, withinOne: 0.97, service: 0.97}},
	{set: "holdout91", file: "holdout91.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout92", file: "holdout92.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout93", file: "holdout93.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout94", file: "holdout94.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout95", file: "holdout95.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout96", file: "holdout96.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout97", file: "holdout97.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout98", file: "holdout98.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout99", file: "holdout99.json", floor: figures{exact: 0.93, withinOne: 0.97, service: 0.94}},
	{set: "holdout100", file: "holdout100.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout101", file: "holdout101.json", floor: figures{exact: 0.92, withinOne: 0.97, service: 0.97}},
	{set: "holdout102", file: "holdout102.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.95}},
	{set: "holdout103", file: "holdout103.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout104", file: "holdout104.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout105", file: "holdout105.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout106", file: "holdout106.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.97}},
	{set: "holdout107", file: "holdout107.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout108", file: "holdout108.json", floor: figures{exact: 0.93, withinOne: 0.97, service: 0.97}},
	{set: "holdout109", file: "holdout109.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout110", file: "holdout110.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout111", file: "holdout111.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout112", file: "holdout112.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
	{set: "holdout113", file: "holdout113.json", floor: figures{exact: 0.95, withinOne: 0.97, service: 0.97}},
	{set: "holdout114", file: "holdout114.json", floor: figures{exact: 0.97, withinOne: 0.97, service: 0.97}},
}

// secondLabel is a label with the second labeler's one-line reason.
type secondLabel struct {
	label
	Why string `json:"why"`
}

// TestSecondLabeler_agreesWithTheWriters reports, per set, how far the
// writer's labels and a second labeler's agree (severity exact, within one
// level, service, the confusion matrix with the writer's labels as rows),
// lists the tickets they differ on, and fails below the floors.
//
//	go test ./gateway/triage -run SecondLabeler -v
func TestSecondLabeler_agreesWithTheWriters(t *testing.T) {
	for _, so := range secondOpinions {
		t.Run(so.set, func(t *testing.T) {
			dir := filepath.Join(ticketsDir, so.set)
			_, labels := loadTickets(t, dir)
			services := projectServices(t, filepath.Join(dir, "project.json"))

			raw, err := os.ReadFile(filepath.Join(ticketsDir, "agreement", so.file))
			if err != nil {
				t.Fatal(err)
			}
			var second map[string]secondLabel
			if err := json.Unmarshal(raw, &second); err != nil {
				t.Fatalf("agreement/%s: %v", so.file, err)
			}
			for name := range second {
				if _, ok := labels[name]; !ok {
					t.Errorf("agreement/%s labels %s, which is not a ticket of %s", so.file, name, so.set)
				}
			}

			var outs []outcome
			var differ []string
			for _, name := range slices.Sorted(maps.Keys(labels)) {
				s, ok := second[name]
				if !ok {
					t.Errorf("%s/%s has no second label in agreement/%s", so.set, name, so.file)
					continue
				}
				if Rank(s.Severity) == 0 {
					t.Errorf("agreement/%s: %s: unknown severity %q", so.file, name, s.Severity)
				}
				if s.Service != "" && !services[s.Service] {
					t.Errorf("agreement/%s: %s: %q is not a service of %s", so.file, name, s.Service, so.set)
				}
				o := outcome{name: name, want: labels[name], got: Result{Severity: s.Severity, AffectedService: s.Service}}
				outs = append(outs, o)
				if !o.exact() || !o.serviceOK() {
					differ = append(differ, fmt.Sprintf("DIFFER %s: writer %s/%q, second %s/%q (%s)",
						name, o.want.Severity, o.want.Service, s.Severity, s.Service, s.Why))
				}
			}
			f, report := confusion(outs)
			if isBlind(so.set) {
				// Which tickets two people read differently says nothing
				// about the rules' misses, but it does point at tickets of
				// a set nobody may tune on: counted, not listed.
				differ = []string{fmt.Sprintf("%d ticket(s) labeled differently; not listed: %s is blind", len(differ), so.set)}
			}
			t.Logf("%s, writer (rows) against a second labeler (columns):\n%s\n%s", so.set, report, strings.Join(differ, "\n"))
			checkFloor(t, so.set+" second labeler", f, so.floor, "the two labelings must stay about as close as when measured")
		})
	}
}

// projectServices returns the names of a project file's services.
func projectServices(t *testing.T, file string) map[string]bool {
	t.Helper()
	p, err := readLabeledProject(file)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, s := range p.Services {
		names[s.Name] = true
	}
	return names
}

// isBlind reports whether the named labeled set is blind. A set that is
// not among the labeled sets yet (written for a later round and measured
// by nobody) is blind too.
func isBlind(set string) bool {
	for _, s := range labeledSets {
		if s.name == set {
			return s.blind
		}
	}
	return true
}
