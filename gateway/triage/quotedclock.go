package triage

import (
	"strings"
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
// count, as before; a lone day or part of the day outside them does not
// win over them either (quotedYields). The guards: only paired marks on one
// line count, not a quote that is its line's whole text (wholeLine) (an
// odd count of straight quotes on a line, a 12" screen or a stray mark,
// blanks nothing there); a span longer than maxQuotedMessage is a quoted
// passage, not a message; the apostrophe is no quotation mark (don't,
// l'app). The blanks keep the text's length, so what lies around a time
// ("yesterday" before it, "pm" after) is where it was.

// quotedYields reports whether a quoted message's time yields to the
// writer's own time read by the by-th time reader of extractTime (ISO,
// stretch, since, relative, clock, part of the day): a lone day or part of
// the day ("Sunday afternoon is the only time I get to do this", "with
// Black Friday") is vaguer than the product's "right now" and often no
// time of the failure at all, so it does not win over it.
func quotedYields(by int) bool { return by < 5 }

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
