package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
)

// A process gone by the end of a pass reads as -1, not 0, and makes the
// pass's CPU figures an error instead of a negative number.
func TestCPUUsed_processGoneDuringThePassIsAnError(t *testing.T) {
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	ps := []int{os.Getpid(), cmd.Process.Pid} // the second has exited
	after := cpuEach(ps)
	if after[0] < 0 || after[1] != -1 {
		t.Fatalf("cpuEach = %v; want a reading for this process and -1 for the exited one", after)
	}
	before := []int64{0, 5}
	if used, err := cpuUsed(ps, before, after); err == nil {
		t.Errorf("cpuUsed = %v, nil; want an error for the exited process", used)
	}
	if used, err := cpuUsed(ps[:1], before[:1], after[:1]); err != nil || used[0] != after[0] {
		t.Errorf("cpuUsed of a live process = %v, %v; want [%d]", used, err, after[0])
	}
}

// The ingress's share of a pass with workers is its CPU per delivery less
// the finished jobs at the drain window's CPU per job; without a drain
// figure it is the whole.
func TestIngressPerDeliv_takesOffTheFinishedJobs(t *testing.T) {
	r := result{ok: 1000, cpuPerDeliv: 150, jobs: 200, cpuPerJob: 400}
	if got := r.ingressPerDeliv(); got != 70 {
		t.Errorf("ingressPerDeliv = %v; want 150 - 400*200/1000 = 70", got)
	}
	r.cpuPerJob = -1
	if got := r.ingressPerDeliv(); got != 150 {
		t.Errorf("ingressPerDeliv without a drain figure = %v; want 150", got)
	}
}

// The bench refuses figures of jobs that did not do a desk's work: jobs
// dead-lettered or skipped, none done, the sandbox's notes and fields not
// matching the done jobs read on either side of its counts (a few in flight
// allowed), or a field set twice on one ticket.
func TestCheckJobs_failsUnlessTheJobsTriagedAndPosted(t *testing.T) {
	counts := func(notes, triaged, analyzed int64) sandbox.SyntheticCounts {
		return sandbox.SyntheticCounts{Notes: notes, FieldSets: map[int64]int64{severityField: triaged, analysisURLField: analyzed}}
	}
	twice := func(c sandbox.SyntheticCounts, field, n int64) sandbox.SyntheticCounts {
		c.FieldSetsAgain = map[int64]int64{field: n}
		return c
	}
	cases := []struct {
		name       string
		before, by map[string]float64
		got        sandbox.SyntheticCounts
		ok         bool
	}{
		{"all done, counts match", nil, map[string]float64{"done": 100}, counts(140, 100, 40), true},
		{"jobs in flight", nil, map[string]float64{"done": 100}, counts(145, 103, 41), true},
		{"retries that ended done", nil, map[string]float64{"done": 100, "retry": 3}, counts(140, 100, 40), true},
		// The backlog drains while the counts are read: 13 jobs settled
		// between the two readings (the failure of a bench run at
		// 400 jobs/s, read before the counts alone).
		{"draining between the readings", map[string]float64{"done": 2869}, map[string]float64{"done": 2884}, counts(4035, 2882, 1153), true},
		{"ahead of the second reading", map[string]float64{"done": 2869}, map[string]float64{"done": 2870}, counts(4035, 2882, 1153), false},
		{"behind the first reading", map[string]float64{"done": 2869}, map[string]float64{"done": 2890}, counts(4000, 2860, 1140), false},
		{"severity set twice on a ticket", nil, map[string]float64{"done": 100}, twice(counts(141, 101, 40), severityField, 1), false},
		{"analysis link set twice on a ticket", nil, map[string]float64{"done": 100}, twice(counts(141, 100, 41), analysisURLField, 1), false},
		{"dead-lettered", nil, map[string]float64{"dead": 8809}, counts(0, 0, 0), false},
		{"some dead", nil, map[string]float64{"done": 100, "dead": 1}, counts(140, 100, 40), false},
		{"skipped", nil, map[string]float64{"done": 100, "skipped": 2}, counts(140, 100, 40), false},
		{"none done", nil, map[string]float64{}, counts(0, 0, 0), false},
		{"done without fields", nil, map[string]float64{"done": 100}, counts(140, 90, 40), false},
		{"notes missing", nil, map[string]float64{"done": 100}, counts(100, 100, 40), false},
		{"notes twice", nil, map[string]float64{"done": 100}, counts(280, 100, 40), false},
	}
	for _, tc := range cases {
		before := tc.before
		if before == nil {
			before = tc.by
		}
		err := checkJobs(before, tc.by, tc.got, 4)
		if (err == nil) != tc.ok {
			t.Errorf("%s: checkJobs = %v; want ok %v", tc.name, err, tc.ok)
		}
	}
}

// The bench's project is the demo config's, reading the bench's logs.
func TestDemoProject_isTheDemosWithTheBenchLogs(t *testing.T) {
	got, err := demoProject("/tmp/bench-logs")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`project "checkout" {`, `"checkout-api", "payments", "auth", "search", "notifications"`,
		`core    = true`, `paths  = ["/tmp/bench-logs/*.jsonl"]`, `format = "jsonl"`} {
		if !strings.Contains(got, want) {
			t.Errorf("project block lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "examples/logs") || strings.Contains(got, `platform "`) || !strings.HasSuffix(got, "\n}") {
		t.Errorf("project block is not the project alone with the bench's paths:\n%s", got)
	}
}
