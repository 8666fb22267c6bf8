package triage

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Round eighty-one: whose clock wins. A writer copies the product's own
// message into the ticket between quotation marks ("Search is unavailable
// right now (503)", „Bitte versuchen Sie es in ein paar Minuten erneut",
// «réessayez plus tard», 「しばらくしてから」): the time words in it are the
// product's, written when the message was, not when the failure the writer
// tells of happened. Read first, as the time readers' order has it (a
// relative phrase before a clock), such a "right now" or "in a few
// minutes" set the window at the ticket's creation and the writer's own
// "around 5:30 pm today" or "about 3 pm" was never read.
//
// quotedMessages finds the quoted spans a writer's line holds; the time
// readers read the text with them blanked first (extractTime), and only
// when the words outside them name no time at all do the quoted ones
// count, as before; the writer's time does not win over them when it is
// a lone day or part of the day, a clock named as no time of the failure,
// or far from the writer's now when the writer tells the message in the
// present (quotedYields). Onset words ("still", "continue") count only
// outside them: the product's "will continue shortly" makes no clock of
// the writer's an onset. The guards: only marks paired on one line count
// (an odd count of straight quotes on a line, a 12" screen or a stray
// mark, blanks nothing there), and not a quote that is its line's whole
// text (wholeLine); a span longer than maxQuotedMessage is a quoted
// passage, not a message; the apostrophe is no quotation mark (don't,
// l'app). The blanks keep the text's length, so what lies around a time
// ("yesterday" before it, "pm" after) is where it was.

// The readers of extractTime, in the order it tries them: the first that
// reads a time sets the window.
const (
	readISO = iota
	readStretch
	readSince
	readRelative
	readClock
	readDayPart
)

// nowReach is how far before the ticket the writer's own window may end
// and still hold the writer's now.
const nowReach = 30 * time.Minute

// quotedYields reports whether a quoted message's time yields to own, the
// writer's own time read from bare (s with the messages blanked) by the
// reader by. It does not:
//   - for a lone day or part of the day (readDayPart: "Sunday afternoon is
//     the only time I get to do this", "with Black Friday"), vaguer than the
//     product's "right now" and often no time of the failure at all;
//   - for a clock the writer names as no time of the failure (notTheFailures:
//     tomorrow's slot, a deadline, a denied time);
//   - when the writer tells the message in the present (toldInPresent: "the
//     app says …", "fails with …", "now I can't …"): the product shows it at
//     the writer's own now, so its "right now" is the failure's, and the
//     writer's time wins only when it reaches that now (an onset, "tried at
//     19:25 and 19:31" a few minutes before the ticket), not when it is an
//     order placed in the morning or a slot booked.
func quotedYields(s, bare string, own TimeRef, by int, created time.Time) bool {
	if by == readDayPart || notTheFailures(bare, own.Phrase) {
		return false
	}
	return !toldInPresent(s, bare) || created.Sub(own.Window.To) <= nowReach
}

// reShowsNow is a verb in the present that tells what the product shows or
// says, in the languages the tickets come in (folded, lower case): "says",
// "shows", "fails with", "zeigt", "affiche", "dice", "pokazuje", "zegt".
// The past ("said", "returned", "zeigte", "affichait", "decía") is not in it.
var reShowsNow = mustCompileFolded(`(?:^|[^\p{L}])(?:says|shows|displays|gives(?: me)?|returns|throws|gets?|getting|keeps?(?: saying| showing| giving)?|is (?:saying|showing|giving)|pops up|comes up|(?:fails|failing|errors) with|tells me|` +
	`sagt|zeigt|meldet|kommt|erscheint|steht|bringt|dit|affiche|s'affiche|indique|renvoie|apparaît|dice|muestra|sale|aparece|pone|devuelve|diz|mostra|compare|appare|` +
	`pokazuje|wyświetla|mówi|pisze|wyskakuje|zegt|toont|geeft|meldt|verschijnt|staat)(?:$|[^\p{L}])`)

// reNowFails is a "now" of the writer's outside the quotes that a failure
// follows: "now I can't sign in", "jetzt geht es nicht", "ahora no puedo".
var reNowFails = mustCompileFolded(`(?:^|[^\p{L}])(?:now|currently|at the moment|jetzt|gerade|maintenant|actuellement|ahora|teraz|nu|agora|adesso)[ ,]+(?:[\p{L}']+ ){0,2}?(?:can't|can’t|cannot|can not|won't|won’t|doesn't|doesn’t|isn't|isn’t|still can't|no longer|unable|nicht|kein|keine|ne|no|nie|niet|não|non)(?:$|[^\p{L}])`)

// toldInPresent reports whether the writer of s tells a quoted message of
// it in the present: a present verb of showing in the clause before the
// quote's opening mark, or a failing "now" outside the quotes (bare).
func toldInPresent(s, bare string) bool {
	for _, sp := range quotedMessages(s) {
		lo, _ := clauseAround(s, sp[0], sp[0], 40)
		if reShowsNow.MatchString(s[lo:sp[0]]) {
			return true
		}
	}
	return reNowFails.MatchString(bare)
}

// reFutureDay is a day still to come: a clock beside it is a slot or a
// deadline, not the failure's time. Not "mañana" or "Morgen", which are
// also mornings.
var reFutureDay = mustCompileFolded(`(?:^|[^\p{L}])(?:tomorrow|tonight's|demain|jutro|amanhã|domani|overmorgen)(?:$|[^\p{L}])`)

// reDenied is a negation just before a clock: "it wasn't at 17:30".
var reDenied = mustCompileFolded(`(?:(?:^|[^\p{L}])(?:not|never|nicht|nie|pas|niet|não)|n't|n’t)\s+$`)

// notTheFailures reports whether the writer names the clock phrase of bare
// as no time of the failure: a deadline ("by 9:30"), a slot on a day still
// to come in its clause ("tomorrow at 18:00"), a denied time ("wasn't at
// 17:30").
func notTheFailures(bare, phrase string) bool {
	i := strings.Index(bare, phrase)
	if i < 0 {
		return false
	}
	if strings.HasPrefix(phrase, "by ") {
		return true
	}
	lo, hi := clauseAround(bare, i, i+len(phrase), 24)
	return reFutureDay.MatchString(bare[lo:hi]) || reDenied.MatchString(bare[lo:i])
}

// clauseAround returns the bounds of s[at:end] widened by up to reach
// bytes either way, but not past a ";" or a sentence's end: a day word
// in the clause before ("I ordered yesterday; from 12:35 to 13:10 …")
// is no day of this one.
func clauseAround(s string, at, end, reach int) (int, int) {
	lo, hi := max(0, at-reach), min(len(s), end+reach)
	for i := at - 1; i >= lo; i-- {
		if clauseBreak(s, i) {
			lo = i + 1
			break
		}
	}
	for i := end; i < hi; i++ {
		if clauseBreak(s, i) {
			hi = i
			break
		}
	}
	return lo, hi
}

// clauseBreak reports whether s[i] ends a clause: a ";", or a ".", "!" or
// "?" followed by a space and then no figure ("approx. 6:35" and the
// Polish "ok. 22:00" are abbreviations).
func clauseBreak(s string, i int) bool {
	switch s[i] {
	case ';':
		return true
	case '.', '!', '?':
		j := i + 1
		if j < len(s) && s[j] != ' ' && s[j] != '\n' {
			return false
		}
		for j < len(s) && (s[j] == ' ' || s[j] == '\n') {
			j++
		}
		return j == len(s) || s[j] < '0' || s[j] > '9'
	}
	return false
}

// maxQuotedMessage is the longest span between quotation marks read as a
// message the writer copies (an error, a banner, a button), in bytes.
const maxQuotedMessage = 240

// quotePairs are the marks that open a quotation and the mark that closes
// it, in the languages the tickets come in: the English and Dutch curly
// pair, the German and Czech low-high pairs, the French, Russian and
// Italian guillemets (either way round, as Danish and German write them),
// the CJK corner brackets. The straight double quote closes itself.
var quotePairs = map[rune]rune{
	'"': '"',
	'“': '”',
	'„': '“',
	'«': '»',
	'»': '«',
	'「': '」',
	'『': '』',
}

// quotedMessages returns the byte spans of s, marks included, that are
// quoted messages on one line.
func quotedMessages(s string) [][2]int {
	var spans [][2]int
	start := 0
	for start <= len(s) {
		end := strings.IndexByte(s[start:], '\n')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		spans = append(spans, quotedOnLine(s, start, end)...)
		start = end + 1
	}
	return spans
}

// quotedOnLine is quotedMessages for the line s[from:to].
func quotedOnLine(s string, from, to int) [][2]int {
	line := s[from:to]
	// Straight quotes pair up only when the line holds an even number.
	straight := strings.Count(line, `"`)%2 == 0
	var spans [][2]int
	for i := 0; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		closer, ok := quotePairs[r]
		if !ok || r == '"' && !straight {
			i += n
			continue
		}
		j := strings.IndexRune(line[i+n:], closer)
		if j < 0 {
			i += n
			continue
		}
		end := i + n + j + utf8.RuneLen(closer)
		if end-i <= maxQuotedMessage && !wholeLine(line, i, end) {
			spans = append(spans, [2]int{from + i, from + end})
		}
		i = end
	}
	return spans
}

// wholeLine reports whether line[i:end] is all the line holds but quote
// marks (">") and spaces: a quote set on its own line ("> \"Around 10% of
// call logs fail ... since about an hour.\"") is someone's report quoted
// whole, whose times are the failure's, not a message the product showed
// within the writer's sentence.
func wholeLine(line string, i, end int) bool {
	return strings.TrimLeft(line[:i], "> \t") == "" && strings.Trim(line[end:], " \t.") == ""
}

// withoutQuotedMessages returns s with each quoted message blanked (its
// bytes spaces, so s keeps its length), and whether there was one.
func withoutQuotedMessages(s string) (string, bool) {
	spans := quotedMessages(s)
	if len(spans) == 0 {
		return s, false
	}
	b := []byte(s)
	for _, sp := range spans {
		for k := sp[0]; k < sp[1]; k++ {
			b[k] = ' '
		}
	}
	return string(b), true
}
