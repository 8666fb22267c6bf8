package logs

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseTime_readsTheUsualTimestampShapes(t *testing.T) {
	want := time.Date(2026, 11, 27, 14, 5, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2026-11-27T14:05:00Z", want},
		{"2026-11-27T14:05:00.250Z", want.Add(250 * time.Millisecond)},
		{"2026-11-27T15:05:00+01:00", want},
		{"2026-11-27T15:05:00+0100", want},
		{"2026-11-27T09:05:00-05:00", want},
		{"2026-11-27 14:05:00", want},
		{"2026-11-27 14:05:00,5", want.Add(500 * time.Millisecond)},
		{"2026-11-27 14:05:00 UTC", want},
		{"1795788300", want},
		{"1795788300.5", want.Add(500 * time.Millisecond)},
		{"1795788300000", want},
		{"1795788300000000", want},
		{"1795788300000000000", want},
		{"27/Nov/2026:15:05:00 +0100", want},
	}
	for _, tt := range tests {
		got, ok := ParseTime([]byte(tt.in))
		if !ok || !got.Equal(tt.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2026-13-27T14:05:00Z", "12345", "2026-11-27", "0001-01-01 00:00:00"} {
		if got, ok := ParseTime([]byte(bad)); ok {
			t.Errorf("ParseTime(%q) = %v, want failure", bad, got)
		}
	}
}

func TestParser_normalizesEachFormat(t *testing.T) {
	ts := time.Date(2026, 11, 27, 14, 5, 0, 0, time.UTC)
	tests := []struct {
		name, format, line string
		want               Record
	}{
		{"jsonl flat", FormatJSONL, `{"time":"2026-11-27T14:05:00Z","level":"ERROR","service":"payments","msg":"charge failed","status":502}`,
			Record{Time: ts, Level: LevelError, Service: "payments", Message: "charge failed", Status: 502}},
		{"jsonl other keys and nesting", FormatJSONL, `{"@timestamp":"2026-11-27T14:05:00Z","severity":"warning","app":"auth","message":"slow \"login\"\u0021","http":{"status":"503","method":"POST"},"tags":["a","b"],"n":null}`,
			Record{Time: ts, Level: LevelWarn, Service: "auth", Message: `slow "login"!`, Status: 503}},
		{"jsonl epoch ms and bunyan level", FormatJSONL, `{"ts":1795788300000,"lvl":50,"component":"search","msg":"x"}`,
			Record{Time: ts, Level: LevelError, Service: "search", Message: "x"}},
		{"jsonl status_code", FormatJSONL, `{"timestamp":"2026-11-27T14:05:00Z","svc":"auth","status_code":401,"msg":"bad password"}`,
			Record{Time: ts, Service: "auth", Message: "bad password", Status: 401}},
		{"logfmt", FormatLogfmt, `ts=2026-11-27T14:05:00Z level=error service=payments msg="card processor timeout" status=504 dur=3s`,
			Record{Time: ts, Level: LevelError, Service: "payments", Message: "card processor timeout", Status: 504}},
		{"logfmt http.status", FormatLogfmt, `time=1795788300 lvl=info app=search http.status=200 message=ok`,
			Record{Time: ts, Level: LevelInfo, Service: "search", Message: "ok", Status: 200}},
		{"text bracketed service", FormatText, `2026-11-27T14:05:00Z ERROR [payments] charge failed status=502`,
			Record{Time: ts, Level: LevelError, Service: "payments", Message: "charge failed status=502", Status: 502}},
		{"text space timestamp and colon service", FormatText, `2026-11-27 14:05:00.000 WARN auth: token refresh slow`,
			Record{Time: ts, Level: LevelWarn, Service: "auth", Message: "token refresh slow"}},
		{"text access log", FormatText, `[2026-11-27T14:05:00Z] checkout-api: "POST /checkout/pay HTTP/1.1" 503 12ms`,
			Record{Time: ts, Service: "checkout-api", Message: `"POST /checkout/pay HTTP/1.1" 503 12ms`, Status: 503}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := NewParser(tt.format)
			if err != nil {
				t.Fatal(err)
			}
			var r Record
			if !p.Parse([]byte(tt.line), &r) {
				t.Fatalf("Parse(%q) failed", tt.line)
			}
			r.Raw = nil
			if !r.Time.Equal(tt.want.Time) || r.Level != tt.want.Level || r.Service != tt.want.Service || r.Message != tt.want.Message || r.Status != tt.want.Status {
				t.Errorf("Parse(%q)\n got %+v\nwant %+v", tt.line, r, tt.want)
			}
		})
	}
}

func TestParser_rejectsLinesWithoutTimestamp(t *testing.T) {
	tests := []struct{ format, line string }{
		{FormatJSONL, `{"level":"error","msg":"no time"}`},
		{FormatJSONL, `{"time":"2026-11-27T14:05:00Z","msg":"truncated`},
		{FormatJSONL, `not json at all`},
		{FormatLogfmt, `level=error msg="no time"`},
		{FormatText, `    at com.example.Foo(Foo.java:12)`},
	}
	for _, tt := range tests {
		p, _ := NewParser(tt.format)
		var r Record
		if p.Parse([]byte(tt.line), &r) {
			t.Errorf("%s Parse(%q) succeeded: %+v", tt.format, tt.line, r)
		}
	}
}

func TestRecordFailure_treatsClientErrorsAsTraffic(t *testing.T) {
	tests := []struct {
		r    Record
		want bool
	}{
		{Record{Status: 502}, true},
		{Record{Level: LevelError}, true},
		{Record{Level: LevelError, Status: 402}, false},
		{Record{Level: LevelWarn, Status: 401}, false},
		{Record{Level: LevelInfo, Status: 200}, false},
	}
	for _, tt := range tests {
		if got := tt.r.Failure(); got != tt.want {
			t.Errorf("%+v.Failure() = %v, want %v", tt.r, got, tt.want)
		}
	}
}

func FuzzParseJSONL(f *testing.F)  { fuzzParser(f, FormatJSONL) }
func FuzzParseLogfmt(f *testing.F) { fuzzParser(f, FormatLogfmt) }
func FuzzParseText(f *testing.F)   { fuzzParser(f, FormatText) }

func fuzzParser(f *testing.F, format string) {
	for _, s := range []string{
		`{"time":"2026-11-27T14:05:00Z","level":"error","service":"payments","msg":"charge \"x\" failed","http":{"status":502}}`,
		`{"ts":1795788300000,"lvl":50,"a":[1,{"b":"}"}],"msg":"\u00e9"}`,
		`ts=2026-11-27T14:05:00Z level=error msg="a \"b\"" status=500`,
		`2026-11-27 14:05:00 ERROR [auth] login failed status=503`,
		`[27/Nov/2026:14:05:00 +0000] "GET / HTTP/1.1" 200`,
		``, `{`, `"`, `=`, `\`,
	} {
		f.Add([]byte(s))
	}
	p, err := NewParser(format)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		var r Record
		ok := p.Parse(line, &r)
		if ok && r.Time.IsZero() {
			t.Fatalf("parsed %q without a time", line)
		}
		if r.Status != 0 && (r.Status < 100 || r.Status > 599) {
			t.Fatalf("status %d out of range from %q", r.Status, line)
		}
		switch r.Level {
		case "", LevelError, LevelWarn, LevelInfo, LevelDebug:
		default:
			t.Fatalf("level %q not normalized from %q", r.Level, line)
		}
	})
}

// FuzzParseJSONL_agreesWithEncodingJSON checks the hand-written scanner
// against encoding/json on every line encoding/json accepts.
func FuzzParseJSONL_agreesWithEncodingJSON(f *testing.F) {
	f.Add(`{"time":"2026-11-27T14:05:00Z","msg":"a \"b\" \u00e9 \ud83d\ude00 \/ \\","level":"warn","x":{"y":[1,"}"]}}`)
	f.Add(`{"msg":"x","time":"2026-11-27T14:05:00.5+01:00","service":"svc"}`)
	f.Fuzz(func(t *testing.T, line string) {
		if !utf8.ValidString(line) || strings.Count(line, `"msg"`) != 1 || strings.Count(line, `"time"`) != 1 {
			return
		}
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) != nil {
			return
		}
		msg, ok1 := m["msg"].(string)
		ts, ok2 := m["time"].(string)
		if !ok1 || !ok2 {
			return
		}
		if _, ok := ParseTime([]byte(ts)); !ok {
			return
		}
		p, _ := NewParser(FormatJSONL)
		var r Record
		if !p.Parse([]byte(line), &r) {
			t.Fatalf("encoding/json accepts %q but Parse fails", line)
		}
		if r.Message != msg {
			t.Fatalf("message %q, encoding/json says %q (line %q)", r.Message, msg, line)
		}
	})
}
