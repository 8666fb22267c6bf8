package jsm

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestADFText_rendersEachKindOfNode(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want string
	}{
		{"a v2 string description is kept as is", `"Checkout fails\nsince 10:05"`, "Checkout fails\nsince 10:05"},
		{"paragraphs become lines", `{"type":"doc","version":1,"content":[
			{"type":"paragraph","content":[{"type":"text","text":"Checkout "},{"type":"text","text":"fails","marks":[{"type":"strong"}]}]},
			{"type":"paragraph","content":[{"type":"text","text":"since 10:05"}]}]}`, "Checkout fails\nsince 10:05"},
		{"a hard break splits a line", `{"type":"doc","content":[{"type":"paragraph","content":[
			{"type":"text","text":"one"},{"type":"hardBreak"},{"type":"text","text":"two"}]}]}`, "one\ntwo"},
		{"mentions, emoji, status, cards and dates show their text", `{"type":"doc","content":[{"type":"paragraph","content":[
			{"type":"mention","attrs":{"id":"557058:x","text":"@Ada Lovelace"}},{"type":"text","text":" "},
			{"type":"mention","attrs":{"id":"557058:y","text":"Bob"}},{"type":"text","text":" "},
			{"type":"emoji","attrs":{"shortName":":fire:","text":"🔥"}},{"type":"text","text":" "},
			{"type":"status","attrs":{"text":"DOWN","color":"red"}},{"type":"text","text":" "},
			{"type":"inlineCard","attrs":{"url":"https://status.example/incident/7"}},{"type":"text","text":" "},
			{"type":"date","attrs":{"timestamp":"1764201600000"}}]}]}`,
			"@Ada Lovelace @Bob 🔥 DOWN https://status.example/incident/7 2025-11-27"},
		{"bullet and ordered lists nest with indentation", `{"type":"doc","content":[
			{"type":"bulletList","content":[
				{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"cart"}]},
					{"type":"orderedList","attrs":{"order":3},"content":[
						{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"add item"}]}]},
						{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"pay"}]}]}]}]},
				{"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"login"}]}]}]}]}`,
			"- cart\n  3. add item\n  4. pay\n- login"},
		{"code blocks keep their lines", `{"type":"doc","content":[{"type":"codeBlock","attrs":{"language":"text"},"content":[
			{"type":"text","text":"ERROR payment declined\n  at charge()"}]}]}`, "ERROR payment declined\n  at charge()"},
		{"quotes, panels and rules", `{"type":"doc","content":[
			{"type":"blockquote","content":[{"type":"paragraph","content":[{"type":"text","text":"quoted"}]}]},
			{"type":"panel","attrs":{"panelType":"info"},"content":[{"type":"paragraph","content":[{"type":"text","text":"in a panel"}]}]},
			{"type":"rule"},
			{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Steps"}]}]}`,
			"> quoted\nin a panel\n---\nSteps"},
		{"tables put a row on a line", `{"type":"doc","content":[{"type":"table","content":[
			{"type":"tableRow","content":[{"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"service"}]}]},
				{"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"errors"}]}]}]},
			{"type":"tableRow","content":[{"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"payments"}]}]},
				{"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"42"}]}]}]}]}]}`,
			"service | errors\npayments | 42"},
		{"media is skipped", `{"type":"doc","content":[{"type":"mediaSingle","content":[{"type":"media","attrs":{"id":"x","type":"file"}}]},
			{"type":"paragraph","content":[{"type":"text","text":"see screenshot"}]}]}`, "see screenshot"},
		{"blank paragraphs collapse", `{"type":"doc","content":[{"type":"paragraph"},{"type":"paragraph","content":[{"type":"text","text":"a"}]},
			{"type":"paragraph"},{"type":"paragraph"},{"type":"paragraph","content":[{"type":"text","text":"b"}]}]}`, "a\n\nb"},
		{"unknown containers still give their text", `{"type":"doc","content":[{"type":"futureBlock","content":[{"type":"text","text":"kept"}]}]}`, "kept"},
		{"not a document", `[1,2]`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ADFText(json.RawMessage(tt.doc)); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestADFText_stopsAtTheDepthLimit(t *testing.T) {
	doc := strings.Repeat(`{"type":"blockquote","content":[`, 200) + `{"type":"paragraph","content":[{"type":"text","text":"deep"}]}` + strings.Repeat(`]}`, 200)
	if got := ADFText(json.RawMessage(doc)); strings.Contains(got, "deep") {
		t.Errorf("text below %d levels was rendered", maxADFDepth)
	}
}

// FuzzADFText feeds arbitrary JSON to the converter: it must not panic and
// must return valid UTF-8 for valid UTF-8 input.
func FuzzADFText(f *testing.F) {
	f.Add(`{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x"}]}]}`)
	f.Add(`{"type":"orderedList","attrs":{"order":-5},"content":[{"type":"listItem"}]}`)
	f.Add(`{"type":"orderedList","attrs":{"order":1e300},"content":[{"type":"listItem","content":[{"type":"bulletList"}]}]}`)
	f.Add(`{"type":"date","attrs":{"timestamp":1e308}}`)
	f.Add(`{"type":"mention","attrs":{"text":null,"id":7}}`)
	f.Add(`{"type":"table","content":[{"type":"tableRow","content":[{"type":"text","text":"a"}]}]}`)
	f.Add(`"plain"`)
	f.Fuzz(func(t *testing.T, doc string) {
		got := ADFText(json.RawMessage(doc))
		if utf8.ValidString(doc) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 out of valid input: %q", got)
		}
	})
}
