// Command templates measures the template miner's grouping accuracy (GA)
// on the Loghub 2k samples (`make bench` runs it):
//
//	go run ./internal/bench/templates [-loghub DIR] [-systems all|tuning|holdout|dir] [-lines N]
//
// Every system's Content column goes through one analysis.Miner with the
// analysis's one configuration; a line counts as correct when the set of
// lines in its mined template equals the set of lines sharing its
// ground-truth EventId (Loghub's definition), and GA is the share of
// correct lines. It prints GA per system next to the published Drain
// figure read from the data's README, and the averages.
//
// The eight systems in ../shared/loghub were split in two before any miner
// rule was tuned (alphabetical order, alternating), and the holdout half was
// measured once after round one. Since round two all eight are seen, so they
// no longer say how the miner does on logs it was not shaped by. Rules are
// therefore limited to general mechanisms Drain itself has, never
// per-system patterns. The halves are still printed apart, for comparison
// with round one.
//
// The blind check is -systems dir: every subfolder of -loghub holding a
// <System>_2k.log_structured.csv is measured, Drain figures optional. The
// other eight Loghub systems (Zookeeper, OpenSSH, HealthApp, Linux, Hadoop,
// HPC, Mac, Thunderbird), which no rule was tuned on, were measured that way
// on the first 400 lines of each (see the README); -lines 400 cuts the tuned
// eight to the same length for comparison. The data are read in place and
// never copied into the repository.
package main

import (
	"bufio"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/gateway/analysis"
)

// The split, chosen before tuning: of the eight systems in alphabetical
// order (Android, Apache, BGL, HDFS, OpenStack, Proxifier, Spark, Windows)
// the 1st, 3rd, 5th and 7th tune, the others are held out.
var (
	tuning  = []string{"Android", "BGL", "OpenStack", "Spark"}
	holdout = []string{"Apache", "HDFS", "Proxifier", "Windows"}
)

func main() {
	var o options
	flag.StringVar(&o.dir, "loghub", "", "folder of the Loghub 2k samples (default: ../shared/loghub from the repository root)")
	flag.StringVar(&o.which, "systems", "all", "all, tuning, holdout, or dir: every subfolder of -loghub holding a <System>_2k.log_structured.csv")
	flag.IntVar(&o.lines, "lines", 0, "use only the first N rows of each system (0: all)")
	flag.BoolVar(&o.verbose, "v", false, "also list, per system, the largest true groups the miner got wrong")
	flag.Parse()
	if err := run(o, os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "bench templates: %v\n", err)
		os.Exit(1)
	}
}

type options struct {
	dir     string
	which   string // all, tuning, holdout or dir
	lines   int    // rows used per system; 0 for all
	verbose bool
}

type half struct {
	name    string
	systems []string
}

// selectSystems turns -systems into the groups to print. With "dir" the
// folder decides: each subfolder holding its structured sample is one
// system, whether or not the miner was ever tuned on it.
func selectSystems(dir, which string) ([]half, error) {
	switch which {
	case "all":
		return []half{{"tuning", tuning}, {"holdout", holdout}}, nil
	case "tuning":
		return []half{{"tuning", tuning}}, nil
	case "holdout":
		return []half{{"holdout", holdout}}, nil
	case "dir":
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("list systems in %s: %w", dir, err)
		}
		var systems []string
		for _, e := range entries {
			if !e.IsDir() {
				continue
			}
			if _, err := os.Stat(structuredPath(dir, e.Name())); err == nil {
				systems = append(systems, e.Name())
			}
		}
		if len(systems) == 0 {
			return nil, fmt.Errorf("%s: no subfolder holds a <System>_2k.log_structured.csv", dir)
		}
		return []half{{"dir", systems}}, nil // ReadDir sorts by name
	default:
		return nil, fmt.Errorf("-systems %q: want all, tuning, holdout or dir", which)
	}
}

func run(o options, out io.Writer) error {
	if o.lines < 0 {
		return fmt.Errorf("-lines %d: want 0 (all) or more", o.lines)
	}
	dir := o.dir
	if dir == "" {
		root, err := repoRoot()
		if err != nil {
			return err
		}
		dir = filepath.Join(root, "..", "shared", "loghub")
	}
	halves, err := selectSystems(dir, o.which)
	if err != nil {
		return err
	}
	// A folder of other systems may lack the README's table: its Drain
	// column then shows "-". The eight known systems still require it.
	published, err := publishedDrain(filepath.Join(dir, "README.md"))
	if err != nil && (o.which != "dir" || !errors.Is(err, fs.ErrNotExist)) {
		return err
	}
	length := ""
	if o.lines > 0 {
		length = fmt.Sprintf(", first %d lines of each", o.lines)
	}
	fmt.Fprintf(out, "template grouping accuracy on Loghub 2k (%s%s), one configuration\n", dir, length)
	if o.which == "dir" {
		fmt.Fprintf(out, "systems: every subfolder holding a sample, all its rows unless -lines; Drain figures, where the README has them, are on the full 2k lines\n\n")
	} else {
		fmt.Fprintf(out, "split fixed before round one: tuning %s; holdout %s (measured once after round one)\n", strings.Join(tuning, ", "), strings.Join(holdout, ", "))
		fmt.Fprintf(out, "round two tunes on all eight: all eight are seen; no blind system remains among them\n\n")
	}
	fmt.Fprintf(out, "%-8s %-11s %6s %6s %9s %9s %12s\n", "half", "system", "GA", "Drain", "templates", "truth", "lines/s")
	var allGA, allDrain []float64
	for _, h := range halves {
		name := h.name
		var ga, drain []float64
		for _, sys := range h.systems {
			r, err := measure(dir, sys, o.lines)
			if err != nil {
				return err
			}
			d, ok := published[sys]
			if !ok && o.which != "dir" {
				return fmt.Errorf("%s: no published Drain figure in %s", sys, filepath.Join(dir, "README.md"))
			}
			fmt.Fprintf(out, "%-8s %-11s %6.3f %6s %9d %9d %12.0f\n", name, sys, r.ga, figure(d, ok), r.mined, r.truth, r.rate)
			if o.verbose {
				for _, w := range r.wrong {
					fmt.Fprintf(out, "    wrong: %s\n", w)
				}
			}
			ga = append(ga, r.ga)
			if ok {
				drain = append(drain, d)
			}
		}
		fmt.Fprintf(out, "%-8s %-11s %6.3f %6s  (min GA %.3f)\n", name, "average", mean(ga), average(drain, len(ga)), minOf(ga))
		allGA, allDrain = append(allGA, ga...), append(allDrain, drain...)
	}
	if len(halves) > 1 {
		fmt.Fprintf(out, "%-8s %-11s %6.3f %6s  (min GA %.3f; target: average ≥ 0.90, none below 0.70)\n", "all", "average", mean(allGA), average(allDrain, len(allGA)), minOf(allGA))
	}
	return nil
}

// figure prints a published Drain GA, or "-" where none is known.
func figure(v float64, ok bool) string {
	if !ok {
		return "-"
	}
	return fmt.Sprintf("%.3f", v)
}

// average prints the mean of the published figures only when every system
// had one; a mean over some of them would not compare with the GA column.
func average(published []float64, systems int) string {
	return figure(mean(published), len(published) == systems && systems > 0)
}

type result struct {
	ga           float64
	mined, truth int
	rate         float64 // lines mined per second
	wrong        []string
}

// measure mines one system's messages and scores the grouping.
// With lines > 0 only the first lines rows count, as if the sample ended
// there.
func measure(dir, sys string, lines int) (result, error) {
	rows, err := readStructured(structuredPath(dir, sys))
	if err != nil {
		return result{}, err
	}
	if lines > 0 && len(rows) > lines {
		rows = rows[:lines]
	}
	m := analysis.NewMiner()
	pred := make([]int, len(rows))
	start := time.Now()
	for i, r := range rows {
		pred[i] = m.Add(r.content)
	}
	elapsed := time.Since(start)
	for i := range pred {
		pred[i] = m.Live(pred[i]) // a template may have been merged into another since
	}
	truth := make([]string, len(rows))
	for i, r := range rows {
		truth[i] = r.event
	}
	res := result{mined: m.Len(), rate: float64(len(rows)) / max(elapsed.Seconds(), 1e-9)}
	var correct int
	correct, res.truth, res.wrong = score(pred, truth, rows, m)
	res.ga = float64(correct) / float64(len(rows))
	return res, nil
}

// score counts the lines whose predicted group is exactly their true group.
// A predicted group is correct as a whole or not at all, so comparing each
// predicted group's size with the size of the true group of its lines is
// enough: it is exact when all its lines share one true id and that id has
// no line elsewhere.
func score(pred []int, truth []string, rows []row, m *analysis.Miner) (correct, trueGroups int, wrong []string) {
	predSize := map[int]int{}
	trueSize := map[string]int{}
	predTrue := map[int]map[string]int{}
	for i := range pred {
		predSize[pred[i]]++
		trueSize[truth[i]]++
		if predTrue[pred[i]] == nil {
			predTrue[pred[i]] = map[string]int{}
		}
		predTrue[pred[i]][truth[i]]++
	}
	okTrue := map[string]bool{}
	for p, ts := range predTrue {
		if len(ts) != 1 {
			continue
		}
		for t := range ts {
			if trueSize[t] == predSize[p] {
				correct += predSize[p]
				okTrue[t] = true
			}
		}
	}
	// The largest true groups got wrong, with an example line and the
	// templates their lines went to, for -v.
	type miss struct {
		event string
		n     int
	}
	var misses []miss
	for t, n := range trueSize {
		if !okTrue[t] {
			misses = append(misses, miss{t, n})
		}
	}
	sort.Slice(misses, func(i, j int) bool {
		if misses[i].n != misses[j].n {
			return misses[i].n > misses[j].n
		}
		return misses[i].event < misses[j].event
	})
	for _, ms := range misses[:min(len(misses), 8)] {
		var tpl string
		seen := map[int]bool{}
		var into []string
		for i := range truth {
			if truth[i] != ms.event {
				continue
			}
			if tpl == "" {
				tpl = rows[i].template
			}
			if !seen[pred[i]] {
				seen[pred[i]] = true
				into = append(into, fmt.Sprintf("#%d(%d lines) %q", pred[i], predSize[pred[i]], m.Pattern(pred[i])))
			}
		}
		wrong = append(wrong, fmt.Sprintf("%s ×%d %q → %s", ms.event, ms.n, tpl, strings.Join(into[:min(len(into), 4)], " | ")))
	}
	return correct, len(trueSize), wrong
}

type row struct{ content, event, template string }

func structuredPath(dir, sys string) string {
	return filepath.Join(dir, sys, sys+"_2k.log_structured.csv")
}

func readStructured(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read ground truth: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("read header of %s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimPrefix(h, "\ufeff")] = i
	}
	ci, ok1 := col["Content"]
	ei, ok2 := col["EventId"]
	ti, ok3 := col["EventTemplate"]
	if !ok1 || !ok2 || !ok3 {
		return nil, fmt.Errorf("%s: header %q lacks Content, EventId or EventTemplate", path, head)
	}
	var rows []row
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		rows = append(rows, row{content: rec[ci], event: rec[ei], template: rec[ti]})
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no rows", path)
	}
	return rows, nil
}

var tableRow = regexp.MustCompile(`^\|\s*([A-Za-z]+)\s*\|\s*([0-9.]+)\s*\|\s*$`)

// publishedDrain reads the README's table of published Drain GA figures.
func publishedDrain(path string) (map[string]float64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read published Drain figures: %w", err)
	}
	out := map[string]float64{}
	for _, l := range strings.Split(string(b), "\n") {
		if m := tableRow.FindStringSubmatch(strings.TrimSpace(l)); m != nil && m[1] != "average" {
			v, err := strconv.ParseFloat(m[2], 64)
			if err != nil {
				return nil, fmt.Errorf("%s: figure %q for %s: %w", path, m[2], m[1], err)
			}
			out[m[1]] = v
		}
	}
	return out, nil
}

// repoRoot is the nearest folder at or above the working directory holding
// go.mod.
func repoRoot() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find repository root: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		up := filepath.Dir(d)
		if up == d {
			return "", errors.New("find repository root: no go.mod above the working directory; pass -loghub")
		}
		d = up
	}
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(max(len(xs), 1))
}

func minOf(xs []float64) float64 {
	m := 1.0
	for _, x := range xs {
		m = min(m, x)
	}
	return m
}
