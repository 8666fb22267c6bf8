package triage

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestExtractTime_readsChineseJapaneseAndKoreanClocks(t *testing.T) {
	cases := []struct {
		text    string
		created string
		from    string // the window's start, UTC
	}{
		// 7:40 in Tokyo is 22:40 UTC the day before
		{"本日（日本時間）朝7時40分ごろ、ログインできませんでした。", "2027-03-17T00:30:00Z", "2027-03-16T22:30:00Z"},
		{"本日11時半ごろ（日本時間）から約40分間、決済できませんでした。", "2027-05-13T04:10:00Z", "2027-05-13T02:20:00Z"},
		// 23:00 in Beijing is 15:00 UTC
		{"从北京时间晚上11点左右开始，所有的顾客都无法结账。", "2027-05-13T15:20:00Z", "2027-05-13T14:55:00Z"},
		// full-width digits and colon, zone in full-width parentheses
		{"今天１７：０５（ＵＴＣ）起，所有用户都无法登录。", "2027-05-13T17:20:00Z", "2027-05-13T16:55:00Z"},
		{"오늘 오후 3시 20분(UTC)부터 결제가 안 돼요.", "2027-05-13T16:00:00Z", "2027-05-13T15:10:00Z"},
		// a hedged end of a range, and a zone named by its adjective
		{"Gestern Abend ungefähr von 20:05 bis kurz vor 21 Uhr (deutsche Zeit) konnte niemand bestellen.", "2027-03-17T07:55:00Z", "2027-03-16T19:05:00Z"},
		{"Yesterday from 7:15pm until just before 8pm UTC nobody could order.", "2027-05-13T08:30:00Z", "2027-05-12T19:15:00Z"},
		// a zone abbreviation after a word for time: 14:06 CET is 13:06 UTC
		{"Taken at 14:06 (our time, CET), but there is no order.", "2027-03-17T13:20:00Z", "2027-03-17T12:56:00Z"},
		// a duration is no clock: "3時間前" is three hours ago
		{"3時間前からログインできません。", "2027-05-13T12:00:00Z", "2027-05-13T08:55:00Z"},
	}
	for _, c := range cases {
		created, _ := time.Parse(time.RFC3339, c.created)
		ref := ExtractTime(c.text, created, time.UTC, 2*time.Hour)
		if !ref.Found {
			t.Errorf("%q: no time found", c.text)
			continue
		}
		if got := ref.Window.From.UTC().Format(time.RFC3339); got != c.from {
			t.Errorf("%q: window from %s, want %s (phrase %q)", c.text, got, c.from, ref.Phrase)
		}
	}
}

func TestTokenize_splitsUnspacedScriptsIntoCharacters(t *testing.T) {
	toks := tokenize("ログインできません。Login fails")
	if len(toks) != 11 || toks[0].w != "ロ" || toks[9].w != "login" || !toks[9].brk {
		var ws []string
		for _, tk := range toks {
			ws = append(ws, tk.w)
		}
		t.Errorf("tokens %q", ws)
	}
	if hs := findAll(tokenize("お客様が誰も支払いできませんでした"), failureWords); len(hs) == 0 {
		t.Error("できません not read as a failure inside a sentence")
	}
}

func TestSpikeAtReport_needsTheSpikeWhereTheTicketIs(t *testing.T) {
	created := time.Date(2027, 5, 13, 12, 20, 0, 0, time.UTC)
	minutes := func(failing ...bool) []Counts {
		var out []Counts
		for _, f := range failing {
			c := Counts{Total: 20}
			if f {
				c.Failures = 10
			}
			out = append(out, c)
		}
		return out
	}
	many := func(n int, f bool) []bool {
		out := make([]bool, n)
		for i := range out {
			out[i] = f
		}
		return out
	}
	now := TimeRef{Window: Window{From: created.Add(-2 * time.Hour), To: created}}
	ongoing := &ServiceEvidence{End: created, Rate: 0.5, Minutes: minutes(many(30, true)...)}
	if !spikeAtReport(ongoing, now, created) {
		t.Error("a spike still running when the ticket was written is not the one it reports")
	}
	// ended 35 minutes ago, one stray failing minute just before the ticket
	ended := &ServiceEvidence{End: created.Add(-5 * time.Minute), Rate: 0.5,
		Minutes: minutes(append(append(many(30, true), many(34, false)...), true)...)}
	if spikeAtReport(ended, now, created) {
		t.Error("a spike that ended before a ticket about the present counts for it")
	}
	past := TimeRef{Found: true, Window: Window{From: created.Add(-5 * time.Hour), To: created.Add(-4 * time.Hour)}}
	if !spikeAtReport(ended, past, created) {
		t.Error("a spike in the past stretch the ticket names does not count")
	}
	long := TimeRef{Found: true, Window: Window{From: created.Add(-30 * time.Hour), To: created.Add(-4 * time.Hour)}}
	if spikeAtReport(ended, long, created) {
		t.Error("a spike somewhere in a day-long stretch counts as the one reported")
	}
}

// A report in a language the word lists do not know still names a time:
// the logs of that stretch decide, and a spike there keeps it from low.
func TestTriage_unreadReportWithATimeIsJudgedOnItsLogs(t *testing.T) {
	p := worldOf(t, filepath.Join(ticketsDir, "probe7", "project.json"))
	tr := New(p, Settings{DefaultTimeBuffer: 2 * time.Hour, Threshold: High})
	created := time.Date(2027, 5, 13, 15, 25, 0, 0, time.UTC)
	greek := "Από τις 15:05 UTC κανένας πελάτης δεν μπορεί να ολοκληρώσει την παραγγελία."
	res, err := tr.Triage(context.Background(), Ticket{ID: "t", Subject: "Πρόβλημα", Description: greek, CreatedAt: created})
	if err != nil {
		t.Fatal(err)
	}
	if Rank(res.Severity) < Rank(High) || res.AffectedService != "checkout-api" {
		t.Errorf("unread report during a checkout spike: %s/%q, want at least high on checkout-api (%v)", res.Severity, res.AffectedService, res.Reasons)
	}
	// The same words at a calm stretch stay where the words leave them.
	calm := "Από τις 12:05 UTC κανένας πελάτης δεν μπορεί να ολοκληρώσει την παραγγελία."
	res, err = tr.Triage(context.Background(), Ticket{ID: "t", Subject: "Πρόβλημα", Description: calm, CreatedAt: created.Add(-3 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if Rank(res.Severity) >= Rank(High) {
		t.Errorf("unread report on calm logs: %s/%q, want below high", res.Severity, res.AffectedService)
	}
}

// Text in Latin script with typographic punctuation ("it’s", "—", "€") is
// returned untouched, without the regular expressions' work.
func TestCJKTime_leavesOtherScriptsAlone(t *testing.T) {
	for _, s := range []string{"since 10:05 it’s broken — checkout fails, €20 lost", "thanh toán không được từ 9 giờ", "çalışmıyor «depuis» 10h"} {
		if allocs := testing.AllocsPerRun(20, func() { _ = cjkTime(s) }); allocs != 0 {
			t.Errorf("%q: %.0f allocations, want none", s, allocs)
		}
		if got := cjkTime(s); got != s {
			t.Errorf("%q rewritten as %q", s, got)
		}
	}
	for s, want := range map[string]string{"１０：３０から": "since 10:30", "오후 3시부터": "since 15:00"} {
		if got := cjkTime(s); !strings.Contains(got, want) {
			t.Errorf("%q: got %q, want it to hold %q", s, got, want)
		}
	}
}

func BenchmarkCJKTime_latinWithCurlyQuote(b *testing.B) {
	s := "since 10:05 it’s broken, checkout fails for all of our customers"
	b.ReportAllocs()
	for b.Loop() {
		_ = cjkTime(s)
	}
}
