package triage

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestZZExplain(t *testing.T) {
	spec := os.Getenv("ZZ")
	if spec == "" {
		t.Skip()
	}
	for _, one := range strings.Split(spec, ",") {
		set, name, _ := strings.Cut(one, "/")
		dir := filepath.Join(ticketsDir, set)
		p := worldOf(t, filepath.Join(dir, "project.json"))
		tickets, labels := loadTickets(t, dir)
		tr := New(p, Settings{DefaultTimeBuffer: 2 * time.Hour, Threshold: High})
		for n, tk := range tickets {
			if !strings.HasPrefix(n, name) {
				continue
			}
			res, ex, _ := tr.Explain(context.Background(), tk)
			t.Logf("==== %s want %v got %s/%s\n%s", n, labels[n], res.Severity, res.AffectedService, ex)
		}
	}
}
