package triage

import (
	"fmt"
	"time"
)

// Round fifty-six: a reply whose own new words claim nothing, sent after
// the thread's spike ended, is a resolution (issue #14).
//
// A reply's new words that read no failure, no question and no claim of
// their own are read under the thread's "Re:" subject (run), so the old
// subject's failure ("Re: can't buy premium") becomes the claim. When the
// words that end it are not in the lists ("works now!! thank u", "voltou
// aqui!! obrigada", "orders coming thru again … can close"), nothing else
// tells a "still broken" from an "it works again". The logs do: a reply
// written after the failure the thread is about ended says it ended.

// Mended after the round's review: new words the lists do not read are
// as often "still the same", "here we go again", "sigue igual", "immer
// noch dasselbe" as "works now!! thank u", and a customer who says it is
// still broken after the logs went clean is the case to keep. So the new
// words must hold a thanks or an end the lists leave unread (endCues) and
// no word that it goes on (stillCues); otherwise the subject's claim on
// the clean logs stands (medium).

// endCues are a reply's thanks and words that the failure ended which the
// claim lists do not read (not counted as read text).
var endCues = mkFlowWords(
	"thank", "thanks", "thank you", "thank u", "thx", "tysm", "cheers", "many thanks",
	"can close", "you can close", "coming thru again", "coming through again", "arriving again", "working now", "works now",
	"merci", "gracias", "ya llegan", "ya está", "ya esta", "ahora sí", "obrigado", "obrigada", "valeu", "voltou",
	"danke", "vielen dank", "grazie", "dank je", "bedankt", "tack", "takk", "kiitos", "köszönöm", "köszi",
	"dziękuję", "dzięki", "děkuji", "díky", "ďakujem", "mulțumesc", "hvala", "ačiū", "paldies", "aitäh",
	"teşekkürler", "teşekkür ederim", "sağ olun", "спасибо", "дякую", "вже працює", "благодаря", "ευχαριστώ",
	"terima kasih", "salamat", "cảm ơn", "ขอบคุณ", "شكرا", "תודה", "धन्यवाद", "ありがとう", "谢谢", "感谢", "감사합니다",
)

// stillCues are words that the failure goes on or came back, which block
// a reading of the reply as its end ("thanks, but still the same").
var stillCues = mkFlowWords(
	"still", "same thing", "same here", "same again", "same issue", "same problem", "here we go again", "again and again",
	"sigue", "siguen", "sigue igual", "otra vez", "lo mismo", "todavía", "aún", "ainda", "de novo", "outra vez", "toujours",
	"immer noch", "noch immer", "dasselbe", "schon wieder", "di nuovo", "nog steeds", "fortfarande", "fremdeles", "stadig",
	"még mindig", "ugyanaz", "megint", "edelleen", "taas", "wciąż", "nadal", "znowu", "pořád", "stále", "zase", "încă",
	"hâlâ", "yine", "всё ещё", "все еще", "опять", "снова", "досі", "знову не", "vẫn", "pa rin", "na naman", "masih", "lagi",
	"まだ", "また", "还是", "又", "仍然", "아직", "또",
)

// saysEnded reports whether a reply's new words (toks) thank or tell of
// the end (endCues) and tell of no failure going on (stillCues).
func saysEnded(toks []token) bool {
	return len(active(findAll(toks, endCues))) > 0 && len(active(findAll(toks, stillCues))) == 0
}

// endedReplyReason is the words' reason for such a reply.
const endedReplyReason = "a reply whose new words claim nothing, written after the thread's failure ended in the logs: a resolution, the subject's failure is the thread's, not the reply's claim"

// endedUnderSubject re-judges a reply whose claim is its subject's (f as
// read under it) as a resolution, when the failure the thread is about
// ended before the reply: the service a resolution would be about
// (pickService's ended pick, the failure over) shows a moderate or strong
// anomaly in the window that is no longer running when the reply is
// written (stillRunning) and ended at most justEnded before it: a spike
// hours earlier is another stretch than the thread's. ok is false
// otherwise.
func (t *Triager) endedUnderSubject(f *facts, tr *trace) (verdict, bool) {
	if f.ev == nil || f.claim == claimLow || f.claim == claimResolved || f.claim == claimPrivacy ||
		f.claim == claimSecurity || f.claim == claimDataLoss {
		return verdict{}, false
	}
	rf := *f
	rf.claim, rf.slowConfirmed, rf.failureLevel = claimResolved, false, ""
	rf.sig.over = true
	service, se, _ := t.pickService(&rf)
	if service == "" || se == nil || levelRank(se.Level) < levelRank(LevelModerate) || se.End.IsZero() || stillRunning(se, f.created) ||
		se.End.Before(f.created.Add(-justEnded)) {
		return verdict{}, false
	}
	tr.f("reply: its new words claim nothing and %s's failure ended at %s, before it: a resolution", service, se.End.UTC().Format("15:04 UTC"))
	rv := t.decide(&rf, tr)
	rv.reasons = append(rv.reasons, fmt.Sprintf("%s's failure ended at %s, before the reply", service, se.End.UTC().Format("15:04 UTC")))
	*f = rf
	return rv, true
}

// justEnded is how long before a reply the thread's failure may have
// ended for the reply to tell of its end: an hour.
const justEnded = time.Hour
