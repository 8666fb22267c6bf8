package triage

import "fmt"

// Round seventy-three: a ticket about a refund, left with no service, is
// the payments service's. A refund is money the payment provider returns
// to the buyer's card or account: whether the writer asks how to issue
// one, how long it takes, why it has not come, or thanks for it, the
// thing the ticket is about is the payment's, as the labels' convention
// gives a question, a billing question or a single user's trouble the
// service of the thing it is about. The refund words are set aside
// before the severity is read (a billing question's everyday words do
// not name the service's failure), so the verdict is given afterwards,
// the severity as read.
//
// Guards, each the convention's:
//   - security, data loss, privacy, outages and partial failures are
//     other claims and never reach it;
//   - a call-back request and a deletion request name no service;
//   - a refund of the account's own plan or subscription (a downgrade's
//     unused months, a renewal charged twice) is the account's billing,
//     about no service (planWords).

// refundWords name money returned to the buyer, in the languages tickets
// come in; a word of returning goods alone ("return", "zwrot", "iade",
// "vrácení") is not one, nor the verbs an employer reimburses an expense
// with ("reimburse", "rembourser", "rimborsare").
var refundWords = mkFlowWords("refund", "refunds", "refunded", "refunding",
	"reembolso*", "reembolsado*", "remboursement*",
	"rimborso", "rimborsi",
	"rückerstattung*", "erstattung*", "zurückerstattet", "erstattet", "geld zurück",
	"terugbetaling*", "terugbetaald", "restitutie*", "återbetalning*", "återbetalat", "pengarna tillbaka",
	"tilbagebetaling*", "tilbagebetalt", "refusjon*", "refundert", "hyvitys*", "hyvitetty",
	"zwrot pieniędzy", "zwrot środków", "zwrotu pieniędzy", "zwrotu środków", "zwrot za",
	"vrácení peněz", "vrácení platby", "vrácení kupní ceny", "vrácení částky", "vrátenie peňazí",
	"rambursare*", "rambursarea", "visszatérítés*", "επιστροφή χρημάτων", "επιστροφή των χρημάτων",
	"возврат средств", "возврат денег", "возврата средств", "возврата денег", "повернення коштів",
	"para iadesi", "ücret iadesi", "iade edilmedi", "החזר כספי", "החזר",
	"استرداد", "استرجاع المبلغ", "रिफंड", "रिफ़ंड", "धनवापसी", "คืนเงิน",
	"hoàn tiền", "pengembalian dana", "払い戻し", "返金", "退款", "退费", "退費", "환불*")

// planWords are the account's own plan: its refund is the account's
// billing, not a payment's.
var planWords = mkFlowWords("subscription*", "plan", "renewal", "downgrade*", "downgrading", "membership",
	"abonnement*", "abo", "suscripción", "assinatura", "abbonamento", "abonnemang*", "abonament*",
	"tarif", "tarifa", "подписк*", "abonelik*", "订阅", "サブスク*", "구독*",
	// the account's periodic bill (a phone's, a utility's)
	"bill", "my bill", "rechnung", "facture mensuelle")

// policyWords after a refund word ask about the terms ("refund policy",
// "política de reembolso"), no refund made.
var policyWords = mkFlowWords("policy", "policies", "política", "politique", "richtlinie*", "beleid", "regels",
	"condizioni", "condiciones", "conditions", "regeln", "правила", "politika")

// refundNamed returns the payments service and the reason when a ticket
// left with no service is about a refund; "" when it names none or a
// guard holds.
func (t *Triager) refundNamed(f *facts) (string, string) {
	switch f.claim {
	case claimLow, claimOne, claimUnknown, claimResolved:
	default:
		return "", ""
	}
	payer := t.flowService("paying")
	if payer == "" || callBackOnly(&f.sig) {
		return "", ""
	}
	if _, ok := deletionAsked(f.toks, &f.sig, f.mentions); ok {
		return "", ""
	}
	policy := findAll(f.toks, policyWords)
	var refund *hit
	for _, h := range findAll(f.toks, refundWords) {
		if !h.neg && !termsAsked(h, policy) {
			refund = &h
			break
		}
	}
	if refund == nil || len(findAll(f.toks, planWords)) > 0 {
		return "", ""
	}
	return payer, fmt.Sprintf("a ticket about a refund (%s), money the payment returns: %s (the severity as read)", quote([]hit{*refund}), payer)
}

// termsAsked reports whether a policy word stands within two words of the
// refund word: the terms of refunds, asked in general.
func termsAsked(refund hit, policy []hit) bool {
	for _, p := range policy {
		if d := p.pos - refund.pos; d >= -2 && d <= 2 {
			return true
		}
	}
	return false
}
