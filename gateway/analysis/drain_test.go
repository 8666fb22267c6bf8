package analysis

import (
	"testing"
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMiner()
			for _, l := range tt.lines {
				m.add(l)
			}
			var got []string
			for _, c := range m.clusters {
				got = append(got, c.pattern())
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
