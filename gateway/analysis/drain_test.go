package analysis

import (
	"fmt"
	"testing"

	"github.com/sigsentry/deskgate/gateway/logs"
)

func TestMiner_groupsLinesIntoTemplates(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string // templates in creation order
	}{
		{"ids masked into one template",
			[]string{"charge ch_8Hx72kLq91 failed after 10000ms", "charge ch_0Zz11aBc22 failed after 9000ms"},
			[]string{"charge ch_<id> failed after <num>ms"}},
		{"differing word becomes a wildcard",
			[]string{"timeout calling payments upstream", "timeout calling search upstream"},
			[]string{"timeout calling <*> upstream"}},
		{"different shapes stay apart",
			[]string{"db connection pool exhausted", "smtp send failed: too many connections", "db connection pool exhausted"},
			[]string{"db connection pool exhausted", "smtp send failed: too many connections"}},
		{"mostly different lines of one length stay apart",
			[]string{"user login failed badly", "cache warmup took long"},
			[]string{"user login failed badly", "cache warmup took long"}},
		{"leading variables do not split templates",
			[]string{"10.0.0.1 refused connection", "10.0.0.2 refused connection"},
			[]string{"<ip> refused connection"}},
		{"generalised positions count as unlike, so a general template does not swallow other lines",
			[]string{"queue worker alpha beta started ok", "queue worker gamma delta started ok", "queue worker epsilon zeta stopped badly"},
			[]string{"queue worker <*> <*> started ok", "queue worker epsilon zeta stopped badly"}},
		{"lone masks are not compared, so shared ids do not make lines alike",
			[]string{"job 17 10.0.0.1 0b5f2c3e-4a1d-4c8e-9f00-1234567890ab cancelled by admin",
				"job 18 10.0.0.2 9c1d2e3f-4a1d-4c8e-9f00-1234567890ab resumed after timeout"},
			[]string{"job <num> <ip> <uuid> cancelled by admin", "job <num> <ip> <uuid> resumed after timeout"}},
		{"a different second word is a different template",
			[]string{`10.0.0.1 "GET /api/orders HTTP/1.1" 200`, `10.0.0.2 "POST /api/orders HTTP/1.1" 201`},
			[]string{`<ip> "GET /api/orders HTTP/<num>.<num>" <num>`, `<ip> "POST /api/orders HTTP/<num>.<num>" <num>`}},
		{"two first words that differ stay two templates",
			[]string{"chrome.exe - proxy.example.com:5070 close, 120 bytes sent", "firefox.exe - proxy.example.com:5070 close, 80 bytes sent"},
			[]string{"chrome.exe - proxy.example.com:<num> close, <size> sent", "firefox.exe - proxy.example.com:<num> close, <size> sent"}},
		{"a third first word makes it a variable and the templates one",
			[]string{"chrome.exe - proxy.example.com:5070 close, 120 bytes sent", "firefox.exe - proxy.example.com:5070 close, 80 bytes sent",
				"putty.exe - proxy.example.com:5070 close, 7 bytes sent", "git.exe - proxy.example.com:5070 close, 9 bytes sent"},
			[]string{"<*> - proxy.example.com:<num> close, <size> sent"}},
		{"lines of one word do not merge on their first word",
			[]string{"suspendAutohide", "setLightsOn(true)", "onResume", "onPause"},
			[]string{"suspendAutohide", "setLightsOn(true)", "onResume", "onPause"}},
		{"lists of ids of any length collapse, signs included",
			[]string{"delete blk_11 blk_-12 blk_13 from 10.0.0.1", "delete blk_-4 from 10.0.0.2", "delete blk_5, blk_6 from 10.0.0.3"},
			[]string{"delete blk_<num> from <ip>"}},
		{"short hex literals are masked",
			[]string{"notifyUiVisibilityChanged:vis=0x508", "notifyUiVisibilityChanged:vis=0x708"},
			[]string{"notifyUiVisibilityChanged:vis=<hex>"}},
		{`key="a quoted value" is one field`,
			[]string{`acquire lock tag="View Lock" uid=1000`, `acquire lock tag="RILJ" uid=1001`},
			[]string{`acquire lock <*> uid=<num>`}},
		{"lines that differ in their last word stay apart (the last token is a bucket key, as in Drain's DAG version)",
			[]string{"backup job 7 finished by scheduler", "backup job 8 finished by operator", "backup job 9 finished by scheduler"},
			[]string{"backup job <num> finished by scheduler", "backup job <num> finished by operator"}},
		{"a last token that is a path is a value, not a bucket key",
			[]string{"ciod: generated 3 core files for program /apps/alpha/run", "ciod: generated 1 core files for program /apps/beta/run"},
			[]string{"ciod: generated <num> core files for program <*>"}},
		{"durations written as '<1 sec', '3 sec' or a clock are one field",
			[]string{"host:80 close, lifetime <1 sec", "host:80 close, lifetime 00:02", "host:80 close, lifetime 3 sec", "host:80 close, lifetime 01:02:03"},
			[]string{"host:<num> close, lifetime <dur>"}},
		{"a size restated in parentheses is one field with the size before it",
			[]string{"host:80 close, 403 bytes sent, 426 bytes received", "host:80 close, 1190 bytes (1.16 KB) sent, 18846 bytes (18.4 KB) received"},
			[]string{"host:<num> close, <size> sent, <size> received"}},
		{"a duration at the end is not the same field as a count there",
			[]string{"disk check on node 3 took 5 seconds", "disk check on node 3 retried, 4"},
			[]string{"disk check on node <num> took <dur>", "disk check on node <num> retried, <num>"}},
		{"commas split fields",
			[]string{"ready=true,policy=3,mode=false", "ready=true,policy=4,mode=true"},
			[]string{"ready=true, policy=<num>, <*>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMiner()
			for _, l := range tt.lines {
				m.add(l)
			}
			var got []string
			for _, c := range m.clusters {
				if c.into == nil {
					got = append(got, c.pattern())
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("templates %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("template %d = %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestMiner_capsClustersForLinesThatNeverRepeat(t *testing.T) {
	m := newMiner()
	words := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"}
	for i := 0; i < 10*maxClusters; i++ {
		// four distinct words per line: nothing shares half its tokens
		m.add(words[i%10] + words[(i/10)%10] + " " + words[(i/100)%10] + words[(i/1000)%10] + " x" + words[i%7] + " y" + words[i%3])
	}
	if len(m.clusters) > maxClusters+1 {
		t.Errorf("%d clusters, want at most %d", len(m.clusters), maxClusters+1)
	}
}

func TestMiner_mergingTemplatesKeepsTheirCountsAndOldestID(t *testing.T) {
	m := NewMiner()
	var ids []int
	for i, l := range []string{"chrome.exe - close, 1 bytes", "firefox.exe - close, 2 bytes", "chrome.exe - close, 3 bytes", "putty.exe - close, 4 bytes"} {
		id := m.Add(l)
		ids = append(ids, id)
		c := m.m.clusters[id-1]
		c.win++
		c.base += 10
		if len(c.samples) < maxSamples {
			c.samples = append(c.samples, l)
		}
		if c.first == 0 {
			c.first = int64(100 + i)
		}
		c.last = int64(100 + i)
	}
	if ids[0] != 1 || ids[1] != 2 || ids[2] != 1 || ids[3] != 1 {
		t.Fatalf("ids %v, want 1 2 1 1 (the third first word merges into the oldest)", ids)
	}
	if m.Live(2) != 1 || m.Len() != 1 || m.Pattern(2) != "<*> - close, <size>" {
		t.Errorf("Live(2)=%d Len=%d Pattern(2)=%q", m.Live(2), m.Len(), m.Pattern(2))
	}
	c := m.m.clusters[0]
	if c.win != 4 || c.base != 40 || c.first != 100 || c.last != 103 || len(c.samples) != maxSamples {
		t.Errorf("merged counts win=%d base=%d first=%d last=%d samples=%d", c.win, c.base, c.first, c.last, len(c.samples))
	}
	if gone := m.m.clusters[1]; gone.win != 0 || gone.base != 0 || gone.samples != nil {
		t.Errorf("the merged-away template kept counts: %+v", gone)
	}
}

func FuzzMiner_add(f *testing.F) {
	for _, s := range []string{"", "charge ch_8Hx72kLq91 failed after 10000ms", `tag="a b c`, "a,b,,c", "blk_-1 blk_2 -<num> 0x 0xg 0x1f", "<*> <num> <", "x.exe - y"} {
		f.Add(s, "chrome.exe - y close", "firefox.exe - y close")
	}
	f.Fuzz(func(t *testing.T, a, b, c string) {
		m := newMiner()
		for _, l := range []string{a, b, c, a, c, "putty.exe" + b} {
			cl := m.add(l)
			if cl.into != nil {
				t.Fatalf("add(%q) returned a merged-away template", l)
			}
			if cl == m.overflow {
				continue
			}
			toks := minerTokens(logs.Mask(l))
			if len(toks) != len(cl.tokens) {
				t.Fatalf("add(%q): template %q has %d tokens, the line %d", l, cl.pattern(), len(cl.tokens), len(toks))
			}
			for i, tok := range toks {
				if cl.tokens[i] != Wildcard && cl.tokens[i] != tok {
					t.Fatalf("add(%q): template %q does not cover the line %q at %d", l, cl.pattern(), toks, i)
				}
			}
		}
	})
}

func BenchmarkMiner_addUnseen(b *testing.B) {
	m := newMiner()
	words := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"}
	i := 0
	for b.Loop() {
		// a new text each time: the exact cache misses and the buckets are searched
		m.add(fmt.Sprintf("worker %s %s finished job %d in %dms", words[i%8], words[(i/8)%8], i, i%1000))
		i++
	}
}

func BenchmarkMiner_add(b *testing.B) {
	m := newMiner()
	msgs := []string{
		"upstream payments returned 504 for order=123456",
		"processor timeout: acquirer did not respond within 10000ms for ch_8Hx72kLq91",
		"db connection pool exhausted (max=50, waiting=17)",
	}
	i := 0
	for b.Loop() {
		m.add(msgs[i%len(msgs)])
		i++
	}
}

// Random ids of ten letters often hold no digit; as the last token of a
// line they must not make each line a template of its own.
func TestMiner_digitlessRandomIdsShareTheirLinesTemplate(t *testing.T) {
	m := NewMiner()
	ids := []string{"tHkOT2iqWZ", "CjOqAsvaxK", "FndhOOnwna", "IkukQYqyAZ", "Ft5wCUqoxP", "YVOm8DIUKt", "CrzlmkArSl", "GneXTJQGUA", "HZRunzuePg"}
	seen := map[int]bool{}
	for _, id := range ids {
		seen[m.Live(m.Add("processor timeout: acquirer did not respond within 10000ms for ch_"+id))] = true
	}
	if len(seen) != 1 {
		t.Errorf("%d templates for one event with different charge ids, want 1", len(seen))
	}
}
