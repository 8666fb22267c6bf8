package triage

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
	"github.com/sigsentry/deskgate/gateway/logs"
)

const ticketsDir = "../../examples/tickets"

type labeledProject struct {
	Services []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
		Core    bool     `json:"core"`
	} `json:"services"`
	Logs json.RawMessage `json:"logs"`
}

type label struct {
	Severity string `json:"severity"`
	Service  string `json:"service"`
}

// loadLabeledSet generates the labeled set's logs into a temp dir and
// returns the project, the tickets by name and their labels.
func loadLabeledSet(t testing.TB) (Project, map[string]Ticket, map[string]label) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(ticketsDir, "project.json"))
	if err != nil {
		t.Fatal(err)
	}
	var lp labeledProject
	if err := json.Unmarshal(raw, &lp); err != nil {
		t.Fatal(err)
	}
	spec, err := gen.ParseWorld(lp.Logs)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	n, err := gen.WriteDir(spec, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("generated %d log lines for the labeled set", n)
	src, err := logs.NewFileSource("app", []string{filepath.Join(dir, "*.jsonl")}, logs.FormatJSONL)
	if err != nil {
		t.Fatal(err)
	}
	p := Project{Name: "checkout", Sources: []logs.Source{src}}
	for _, s := range lp.Services {
		p.Services = append(p.Services, Service{Name: s.Name, Aliases: s.Aliases, Core: s.Core})
	}
	var labels map[string]label
	raw, err = os.ReadFile(filepath.Join(ticketsDir, "labels.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &labels); err != nil {
		t.Fatal(err)
	}
	tickets := map[string]Ticket{}
	for name := range labels {
		raw, err := os.ReadFile(filepath.Join(ticketsDir, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		tk, err := decodeTicket(raw)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		tickets[name] = tk
	}
	return p, tickets, labels
}

// decodeTicket reads the `deskgate triage` stdin shape, whose id is a number.
func decodeTicket(raw []byte) (Ticket, error) {
	var in struct {
		ID json.Number `json:"id"`
		Ticket
	}
	if err := json.Unmarshal(raw, &in); err != nil {
		return Ticket{}, err
	}
	tk := in.Ticket
	tk.ID = in.ID.String()
	return tk, nil
}

func TestTriage_labeledSetMeetsAccuracyTargets(t *testing.T) {
	p, tickets, labels := loadLabeledSet(t)
	if len(labels) < 40 {
		t.Fatalf("labeled set has %d tickets, want at least 40", len(labels))
	}
	tr := New(p, Settings{DefaultTimeBuffer: 2 * time.Hour, Threshold: High})
	names := make([]string, 0, len(labels))
	for n := range labels {
		names = append(names, n)
	}
	sort.Strings(names)
	sevs := []string{Critical, High, Medium, Low}
	confusion := map[[2]string]int{}
	sevOK, svcOK := 0, 0
	for _, name := range names {
		want := labels[name]
		res, err := tr.Triage(context.Background(), tickets[name])
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		confusion[[2]string{want.Severity, res.Severity}]++
		okSev, okSvc := res.Severity == want.Severity, res.AffectedService == want.Service
		if okSev {
			sevOK++
		}
		if okSvc {
			svcOK++
		}
		if !okSev || !okSvc {
			t.Logf("MISS %s: got %s/%q want %s/%q\n    reasons: %s", name, res.Severity, res.AffectedService,
				want.Severity, want.Service, strings.Join(res.Reasons, " | "))
		}
	}
	sevAcc := float64(sevOK) / float64(len(names))
	svcAcc := float64(svcOK) / float64(len(names))
	var b strings.Builder
	fmt.Fprintf(&b, "confusion (rows: labeled, columns: triaged)\n%10s", "")
	for _, s := range sevs {
		fmt.Fprintf(&b, "%9s", s)
	}
	for _, w := range sevs {
		fmt.Fprintf(&b, "\n%10s", w)
		for _, g := range sevs {
			fmt.Fprintf(&b, "%9d", confusion[[2]string{w, g}])
		}
	}
	t.Logf("%d tickets: severity accuracy %.1f%% (%d), service accuracy %.1f%% (%d)\n%s",
		len(names), sevAcc*100, sevOK, svcAcc*100, svcOK, b.String())
	if sevAcc < 0.90 {
		t.Errorf("severity accuracy %.1f%% is below 90%%", sevAcc*100)
	}
	if svcAcc < 0.95 {
		t.Errorf("service accuracy %.1f%% is below 95%%", svcAcc*100)
	}
}
