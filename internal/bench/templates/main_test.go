package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeSample writes a structured sample for sys under dir: one row per
// content, its EventId the matching entry of events.
func writeSample(t *testing.T, dir, sys string, contents, events []string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("LineId,Content,EventId,EventTemplate\n")
	for i, c := range contents {
		b.WriteString(strings.Join([]string{string(rune('1' + i)), c, events[i], c}, ",") + "\n")
	}
	if err := os.MkdirAll(filepath.Join(dir, sys), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(structuredPath(dir, sys), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSelectSystems_dirTakesEverySubfolderWithASample(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "Zookeeper", []string{"a"}, []string{"E1"})
	writeSample(t, dir, "HPC", []string{"a"}, []string{"E1"})
	if err := os.MkdirAll(filepath.Join(dir, "Empty"), 0o755); err != nil { // no sample: skipped
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := selectSystems(dir, "dir")
	if err != nil {
		t.Fatal(err)
	}
	want := []half{{"dir", []string{"HPC", "Zookeeper"}}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("selectSystems(dir) = %v, want %v", got, want)
	}
}

func TestSelectSystems_rejectsAnEmptyFolderAndUnknownNames(t *testing.T) {
	if _, err := selectSystems(t.TempDir(), "dir"); err == nil {
		t.Error("a folder without samples was accepted")
	}
	if _, err := selectSystems(t.TempDir(), "blind"); err == nil {
		t.Error(`-systems "blind" was accepted`)
	}
	got, err := selectSystems("", "holdout")
	if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0].systems, holdout) {
		t.Errorf("selectSystems(holdout) = %v, %v; want the fixed holdout half", got, err)
	}
}

func TestMeasure_linesKeepsOnlyTheFirstRows(t *testing.T) {
	dir := t.TempDir()
	// The third line is a second true group the first two never show.
	writeSample(t, dir, "Sys", []string{"open session 1", "open session 2", "disk full on sda"}, []string{"E1", "E1", "E2"})
	for _, tc := range []struct {
		lines, truth int
	}{{0, 2}, {2, 1}, {3, 2}, {10, 2}} {
		r, err := measure(dir, "Sys", tc.lines)
		if err != nil {
			t.Fatal(err)
		}
		if r.truth != tc.truth {
			t.Errorf("-lines %d: %d true groups, want %d", tc.lines, r.truth, tc.truth)
		}
	}
}

func TestRun_dirWithoutPublishedFiguresPrintsADash(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir, "Sys", []string{"open session 1", "open session 2"}, []string{"E1", "E1"})
	var out bytes.Buffer
	if err := run(options{dir: dir, which: "dir", lines: 1}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "first 1 lines of each") {
		t.Errorf("output does not name the -lines cut:\n%s", out.String())
	}
	fields := strings.Fields(lineStarting(out.String(), "dir      Sys"))
	if len(fields) < 4 || fields[2] != "1.000" || fields[3] != "-" {
		t.Errorf("row %q: want GA 1.000 and Drain -", fields)
	}
	// The eight known systems keep requiring the README's figures.
	if err := run(options{dir: dir, which: "all"}, &out); err == nil {
		t.Error("-systems all ran without the README's Drain figures")
	}
	if err := run(options{dir: dir, which: "dir", lines: -1}, &out); err == nil {
		t.Error("-lines -1 was accepted")
	}
}

func lineStarting(s, prefix string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}
