package triage

import "slices"

// Round sixty-seven: a failure told by the writer's own attempts. A writer
// who tried again, a number of times, restarted, reinstalled, cleared a
// cache or looked in the spam folder tells that what they wanted did not
// happen, even where the failure itself is in words the lists do not know
// ("the app just spins … I tried on Wi-Fi and on data too", "Har testat
// tre gånger", "Resend bhi kiya 4 baar", "ลองล้างแคชแล้ว", "스팸함도 봤어요").
// That is the grammar of a report, against a question (how do I, can
// you add): classify reads it, where it read no failure, question or
// impact word, as a failure for one or a few users (contrastClaim). None
// of the lists is learned as read text (mkFlowWords): a ticket the layer
// largely cannot read stays unread.

// attemptWords are the writer's tries and troubleshooting, in the
// languages tickets come in.
var attemptWords = mkFlowWords(
	"i tried", "ive tried", "i have tried", "we tried", "weve tried", "tried again", "tried twice", "tried several",
	"tried with", "try again", "reinstalled", "re-installed", "restarted", "rebooted",
	"cleared the cache", "cleared my cache", "cleared cache", "cleared cookies", "checked spam", "checked the spam",
	"checked my spam", "checked junk", "logged out and back in",
	"versucht", "probiert", "neu gestartet", "neu installiert", "cache gelöscht", "spam-ordner", "spamordner",
	"essayé", "réessayé", "redémarré", "réinstallé", "vidé le cache", "dans les spams",
	"probé", "intenté", "he probado", "he intentado", "reinicié", "reinstalé", "borré caché", "borré la caché",
	"tentei", "já tentei", "reiniciei", "reinstalei", "já verifiquei",
	"ho provato", "riprovato", "riavviato", "reinstallato",
	"geprobeerd", "herstart", "opnieuw geïnstalleerd",
	"testat", "försökt", "provat", "startat om", "prøvd", "prøvet", "forsøkt", "startet på nytt", "genstartet",
	"próbowałem", "próbowałam", "spróbowałem", "spróbowałam", "zkoušel", "zkoušela", "zkusil", "zkusila",
	"am încercat", "încercat", "denedim", "пробовал", "пробовала", "попробовал", "попробовала", "перезагрузил", "перезагрузила",
	"пробував", "пробувала", "спробував", "спробувала", "перезавантажив", "перезавантажила",
	"δοκίμασα", "προσπάθησα", "próbáltam", "kipróbáltam", "yritin", "kokeilin",
	"कोशिश की", "try kiya", "try kar", "sudah coba", "sudah dicoba", "đã thử", "thử lại",
	"ลอง", "试了", "试过", "試了", "試過", "重启", "重新安装", "清除缓存", "垃圾邮件", "垃圾郵件",
	"試しました", "再起動", "再インストール", "迷惑メール", "해봤*", "재설치*", "재부팅*", "스팸*", "ניסיתי", "حاولت", "جربت")

// attemptTimes follow a number to count the writer's tries ("3 times",
// "4 baar", "三次" is read as "3" by no one: digits only).
var attemptTimes = map[string]bool{"times": true, "mal": true, "fois": true, "veces": true, "vezes": true,
	"volte": true, "keer": true, "gånger": true, "ganger": true, "gange": true, "razy": true, "krát": true, "ori": true,
	"kez": true, "kertaa": true, "baar": true, "kali": true, "lần": true, "回": true, "次": true, "번": true, "раз": true,
	"раза": true, "рази": true, "φορές": true, "alkalommal": true, "פעמים": true, "مرات": true}

// writersAttempts returns the writer's tries: a phrase of attemptWords, or
// a number followed by a word for times, not in a question ("have you
// tried restarting?").
func writersAttempts(toks []token, sentence []int) []hit {
	tries, counts := findAll(toks, attemptWords), attemptCounts(toks)
	if len(tries) == 0 && len(counts) == 0 {
		return nil // most tickets: no try, so no need for sizes or what worked
	}
	if len(findAll(toks, attemptSizes)) > 0 {
		return nil // trying on: "Probé los zapatos … una talla menor"
	}
	var worked, praise []hit
	for _, f := range findAll(toks, contrastFine) {
		if !contrastNegated(toks, f, sentence) {
			worked = append(worked, f)
		}
	}
	for _, f := range findAll(toks, attemptPraise) {
		if !contrastNegated(toks, f, sentence) {
			praise = append(praise, f)
		}
	}
	orders := findAll(toks, attemptOrders)
	var out []hit
	for _, h := range tries {
		if !inQuestion(toks, h.pos, sentence) && !attemptWorked(h, worked, praise, sentence) {
			out = append(out, h)
		}
	}
	for _, h := range counts {
		i := h.pos
		if !inQuestion(toks, i, sentence) && !attemptWorked(h, worked, praise, sentence) && !slices.ContainsFunc(orders, func(o hit) bool {
			return sentence[o.pos] == sentence[i] && o.pos-i <= 4 && i-o.pos <= 4
		}) {
			out = append(out, h)
		}
	}
	return out
}

// attemptCounts returns the numbers of at most two digits followed by a
// word for times ("4 baar"), as hits of the two words.
func attemptCounts(toks []token) []hit {
	var out []hit
	for i := 0; i+1 < len(toks); i++ {
		if isNumber(toks[i].raw) && len(toks[i].raw) <= 2 && attemptTimes[toks[i+1].raw] {
			out = append(out, hit{phrase: phrase{toks[i].raw, toks[i+1].raw}, pos: i})
		}
	}
	return out
}

// attemptWorked reports whether a word that it works or of praise follows
// an attempt in its sentence, or praise in the next: what the writer tried
// then worked or pleased ("Har testat igen nu och det fungerar",
// "我重启了手机，现在可以了", "I tried it yesterday and love it"). A working
// word in the next sentence is often a contrast ("حاولت الدفع ثلاث مرات
// … البطاقة تعمل بشكل طبيعي في المتاجر"), and a thanks alone closes
// reports as often as resolutions ("Mình đã thử … nhưng vẫn vậy. Nhờ bạn
// kiểm tra giúp, cảm ơn nhiều!"): neither counts.
func attemptWorked(h hit, worked, praise []hit, sentence []int) bool {
	return slices.ContainsFunc(worked, func(w hit) bool {
		return w.pos > h.pos && sentence[w.pos] == sentence[h.pos]
	}) || slices.ContainsFunc(praise, func(w hit) bool {
		return w.pos > h.pos && sentence[w.pos]-sentence[h.pos] <= 1
	})
}

// attemptPraise are praise and the words that a try succeeded ("w końcu
// się udało"); not thanks (attemptWorked).
var attemptPraise = mkFlowWords(
	"love", "great", "perfect", "awesome", "excellent", "super", "génial", "genial", "excelente", "ottimo", "jättebra",
	"udało", "świetn*", "rất thích", "bagus", "berhasil", "מעולה", "رائع")

// attemptOrders are verbs of ordering or buying: a number of times next
// to one counts orders ("Ich habe schon 5 mal bei euch bestellt"), not
// tries.
var attemptOrders = mkFlowWords(
	"ordered", "bought", "purchased", "shopped", "bestellt", "gekauft", "commandé", "acheté", "compré", "pedí", "comprado",
	"encomendei", "comprei", "ordinato", "comprato", "besteld", "gekocht", "beställt", "köpt", "bestilt", "kjøpt", "købt",
	"zamówiłem", "zamówiłam", "kupiłem", "kupiłam", "objednal", "objednala", "naručio", "naručila", "comandat", "cumpărat",
	"sipariş", "заказывал", "заказывала", "заказал", "заказала", "замовляв", "замовляла", "下单", "購入", "注文", "주문",
	"pesan", "beli", "đặt", "mua", "הזמנתי", "طلبت")

// attemptSizes are the words of clothes' sizes: an attempt in a ticket
// about size is a try on ("I tried on the jacket … a size L").
var attemptSizes = mkFlowWords(
	"size", "too small", "too big", "too large", "größe", "taille", "talla", "tamanho", "taglia", "maat", "storlek",
	"størrelse", "rozmiar", "velikost", "veličina", "mărime", "beden", "размер", "розмір", "μέγεθος", "méret",
	"サイズ", "尺码", "尺寸", "사이즈", "ขนาด", "ukuran", "cỡ", "מידה", "مقاس")

// inQuestion reports whether a question mark ends the sentence holding
// toks[i] (after it).
func inQuestion(toks []token, i int, sentence []int) bool {
	for k := i; k < len(toks) && sentence[k] == sentence[i]; k++ {
		if toks[k].q {
			return true
		}
	}
	return false
}
