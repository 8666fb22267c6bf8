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
	"unicode"
)

// variant is one ticket of examples/tickets/variants: a tuning ticket told
// again — translated by a native writer (kind "translation") or retold by
// someone else, a colleague's call note, a forwarded mail under an agent's
// note, a chat summary (kind "retold"). Its created_at, priority, tags and
// id are the source ticket's.
type variant struct {
	Source        string `json:"source"` // "<set dir or .>/<file name without .json>"
	Kind          string `json:"kind"`
	Lang          string `json:"lang"`
	Subject       string `json:"subject"`
	Description   string `json:"description"`
	RequesterName string `json:"requester_name"`
	// Style is "careful" or "casual" (no diacritics, chat abbreviations,
	// English tech words mixed in) in the second held-out half.
	Style string `json:"style"`
}

// variantHalf is one half of the variants: the tuned half's misses may be
// read and listed, the held-out half is measured in aggregate only.
type variantHalf struct {
	name, file string
	heldOut    bool
	floor      variantFloor
	// plain types the half's texts without diacritics (see typedPlain),
	// the way many write on a phone or a foreign keyboard.
	plain bool
}

// variantFloor is the share of variants (of right-triaged sources) whose
// severity, service and both must stay the source's.
type variantFloor struct{ severity, service, both float64 }

var variantHalves = []variantHalf{
	{name: "tuned", file: "tuned.json", floor: variantFloor{severity: 0.98, service: 0.98, both: 0.98}},
	{name: "held out", file: "heldout.json", heldOut: true, floor: variantFloor{severity: 0.86, service: 0.95, both: 0.85}},
	{name: "held out 2", file: "heldout2.json", heldOut: true, floor: variantFloor{severity: 0.62, service: 0.80, both: 0.55}},
	// Round fifteen: one native rewrite (not a word-for-word translation)
	// of each of 54 other tuning tickets in the 17 languages, written by
	// someone who never saw the rules; aggregate only, at most three looks.
	// Round forty-three: 0.78 → 0.76 (severity and both), for the lead to
	// confirm or undo: readLead made one more source triage right (the
	// holdout3 ticket it fixed), so one more rewrite is measured (50 → 51)
	// and is not kept, while the kept stay 39 (0.780 → 0.765); which
	// rewrite is not looked at (aggregate only).
	{name: "held out 3", file: "heldout3.json", heldOut: true, floor: variantFloor{severity: 0.76, service: 0.98, both: 0.76}},
	{name: "tuned, typed plain", file: "tuned.json", plain: true, floor: variantFloor{severity: 0.98, service: 0.98, both: 0.98}},
}

// typedPlain is s as typed without diacritics: "não" → "nao", "Çalışmıyor"
// → "Calismiyor", "Ärger" → "Arger".
func typedPlain(s string) string {
	var b strings.Builder
	for _, r := range s {
		f := fold(string(unicode.ToLower(r)))
		if unicode.IsUpper(r) {
			f = strings.ToUpper(f)
		}
		b.WriteString(f)
	}
	return b.String()
}

// TestVariants_keepVerdicts triages each variant of a source ticket that
// triages right (severity exact, service right) against the source set's
// logs, with the source's created_at, priority, tags and id, and counts
// whether the severity and the service stayed: translating a report, or
// having someone else tell it, changes nothing of what is reported, about
// when or for whom. It reports per half the share kept (severity,
// service, both), per kind, and for the tuned half per language; with
// DESKGATE_VARIANT_MISSES=1 it lists the tuned halves' misses. The
// held-out halves are never listed or broken down by language (the second
// by style, careful or casual). With
// DESKGATE_VARIANT_TUNED_ONLY=1 the held-out half is not triaged at all
// (the tuner's runs between its few measurements); with
// DESKGATE_VARIANT_HALF=<name> only the half of that name is triaged (one
// held-out half measured without looking at the others again).
//
// Round thirteen (issue 14): the held-out half (51 translations, 26
// retellings of 51 tuning tickets) was written by someone who never saw
// the rules and committed first; the tuned half (50 translations, 25
// retellings of 50 other tuning tickets) by the tuner, committed alone;
// then this test, measured before any rule change (severity kept /
// service kept / both, of the variants whose source triages right):
// tuned 0.623 / 0.841 / 0.565 (69; translations 0.532 / 0.830 / 0.489,
// retellings 0.818 / 0.864 / 0.727), held out 0.707 / 0.933 / 0.693 (75;
// translations 0.600 / 0.920 / 0.600, retellings 0.920 / 0.960 / 0.880).
// The rules then learned, from the tuned half's misses only: how other
// languages write a time (the last so many minutes, Nordic clocks after
// kl./klo, a French bare hour, zones after "ora di"; timeext.go, zone.go);
// a loss said not to have happened and passing things that vanish, in
// more languages; the concepts the word lists know (failure, down, scope,
// share, how-to, takeover) in the languages the tuning sets hold few
// tickets of; "their" and "they would like an explanation" from a
// colleague's retelling; the Chinese V-not-V question; a German "no one"
// negating a clause-final verb of receiving (words.go, cues.go). After:
// tuned 1.000 / 0.928 / 0.928 (69; translations 1.000 / 0.936 / 0.936,
// retellings 1.000 / 0.909 / 0.909), held out 0.813 / 0.960 / 0.800 (75;
// translations 0.760 / 0.960 / 0.760, retellings 0.920 / 0.960 / 0.880),
// its second look; no look chose between variants. The floors sit a
// little under those. The tuned half's five service misses left: a
// French "paiement" read as payments where the source's checkout is meant
// (twice), a Czech "pokladna" not read as the checkout alias in a how-to,
// a resend request's "order" outweighing its confirmation e-mail (twice).
//
// Round fourteen (issue 14): a second held-out half (heldout2.json: a
// careful and a casual translation — no diacritics, chat abbreviations,
// English tech words mixed in — of each of 48 other tuning tickets, in
// the same 17 languages), written by someone who never saw the rules and
// merged before any rule change; it is reported per kind and per style,
// in aggregate only, and measured at most three times. Before the round
// (severity kept / service kept / both): tuned 1.000 / 0.928 / 0.928
// (69), held out 0.813 / 0.960 / 0.800 (75; translations 0.760 / 0.960 /
// 0.760, retellings 0.920 / 0.960 / 0.880), held out 2 0.589 / 0.789 /
// 0.511 (90; careful 0.578 / 0.800 / 0.511, casual 0.600 / 0.778 / 0.511).
// The rules then learned to read the 17 languages by concept rather than
// by ticket: list words match typed without diacritics or with digraphs,
// time words too; "ago" and "since" in each language; negators after the
// verb; plurals the English stem does not strip; the concepts' vocabulary
// audited language by language (concepts_test.go). A fourth half, "tuned,
// typed plain", is the tuned half typed without diacritics. After
// (measured midway once and at the end): tuned 1.000 / 0.928 / 0.928,
// typed plain 1.000 / 0.928 / 0.928, held out 0.867 / 0.947 / 0.853
// (translations 0.840 / 0.940 / 0.840, retellings 0.920 / 0.960 / 0.880),
// held out 2 0.622 / 0.800 / 0.544 (careful 0.600 / 0.800 / 0.533, casual
// 0.644 / 0.800 / 0.556; the same at the midway look). The floors sit a
// little under those.
//
// Round fifteen (issue 14): a third held-out half (heldout3.json: one
// native rewrite, not a word-for-word translation, of each of 54 other
// tuning tickets in the 17 languages, kind "rewrite"), written by someone
// who never saw the rules and merged before any rule change; aggregate
// only, at most three looks. Before the round (severity kept / service
// kept / both): tuned 1.000 / 0.928 / 0.928 (69), typed plain the same,
// held out 0.867 / 0.947 / 0.853 (75), held out 2 0.622 / 0.800 / 0.544
// (90), held out 3 0.780 / 0.960 / 0.780 (50; 4 of its sources triage
// wrong and are left out). The rules then learned how users of the 17
// languages name each service (services_concepts_test.go) and the outcome
// between an order and its message. After (held out 3 measured midway
// once, 0.800 / 1.000 / 0.800, and at the end): tuned 1.000 / 1.000 /
// 1.000 (71: two more sources now triage right), typed plain the same,
// held out 0.880 / 0.960 / 0.867, held out 2 0.633 / 0.822 / 0.567
// (careful 0.622 / 0.822 / 0.556, casual 0.644 / 0.822 / 0.578), held out
// 3 0.800 / 1.000 / 0.800. The floors sit a little under those.
func TestVariants_keepVerdicts(t *testing.T) {
	if testing.Short() {
		t.Skip("triages every variant against its source set's logs")
	}
	figuresWithoutRace(t)
	tunedOnly := os.Getenv("DESKGATE_VARIANT_TUNED_ONLY") != ""
	listMisses := os.Getenv("DESKGATE_VARIANT_MISSES") != ""
	onlyHalf := os.Getenv("DESKGATE_VARIANT_HALF")
	bySetDir := map[string]labeledSet{}
	for _, s := range labeledSets {
		if s.blind {
			continue
		}
		rel, err := filepath.Rel(ticketsDir, s.dir)
		if err != nil {
			t.Fatal(err)
		}
		bySetDir[rel] = s
	}
	type setWorld struct {
		tickets map[string]Ticket
		labels  map[string]label
		tr      *Triager
	}
	worldsByDir := map[string]*setWorld{}
	world := func(dir string) *setWorld {
		if w, ok := worldsByDir[dir]; ok {
			return w
		}
		s, ok := bySetDir[dir]
		if !ok {
			t.Fatalf("variant source set %q is not a tuning set", dir)
		}
		tickets, labels := loadTickets(t, s.dir)
		tr := New(worldOf(t, s.project), Settings{DefaultTimeBuffer: 2 * time.Hour, Threshold: High})
		tr.gather = memoGather()
		w := &setWorld{tickets, labels, tr}
		worldsByDir[dir] = w
		return w
	}
	share := func(k, n int) float64 { return float64(k) / float64(max(n, 1)) }
	for _, half := range variantHalves {
		if half.heldOut && tunedOnly {
			t.Logf("%s half not triaged (DESKGATE_VARIANT_TUNED_ONLY)", half.name)
			continue
		}
		if onlyHalf != "" && half.name != onlyHalf {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(ticketsDir, "variants", half.file))
		if err != nil {
			t.Fatal(err)
		}
		var vs []variant
		if err := json.Unmarshal(raw, &vs); err != nil {
			t.Fatalf("%s: %v", half.file, err)
		}
		all, per := &keptTally{}, map[string]*keptTally{}
		var misses []string
		skipped := 0
		sourceRight, sourceWindow := map[string]bool{}, map[string]Window{}
		for _, v := range vs {
			dir, name := filepath.Split(v.Source)
			w := world(filepath.Clean(dir))
			src, ok := w.tickets[name]
			if !ok {
				t.Fatalf("%s: no source ticket %s", half.file, v.Source)
			}
			right, seen := sourceRight[v.Source]
			if !seen {
				res, err := w.tr.Triage(context.Background(), src)
				if err != nil {
					t.Fatal(err)
				}
				l := w.labels[name]
				right = res.Severity == l.Severity && res.AffectedService == l.Service
				sourceRight[v.Source], sourceWindow[v.Source] = right, res.Window
			}
			if !right {
				skipped++
				continue
			}
			want := w.labels[name]
			tk := src
			tk.Subject, tk.Description, tk.RequesterName = v.Subject, v.Description, v.RequesterName
			if half.plain {
				tk.Subject, tk.Description = typedPlain(tk.Subject), typedPlain(tk.Description)
			}
			got, err := w.tr.Triage(context.Background(), tk)
			if err != nil {
				t.Fatal(err)
			}
			sev, svc := got.Severity == want.Severity, got.AffectedService == want.Service
			all.add(sev, svc)
			for _, k := range []string{"kind " + v.Kind, "lang " + v.Lang, "style " + v.Style} {
				if half.heldOut && strings.HasPrefix(k, "lang ") || v.Style == "" && strings.HasPrefix(k, "style ") {
					continue
				}
				if per[k] == nil {
					per[k] = &keptTally{}
				}
				per[k].add(sev, svc)
			}
			if listMisses && !half.heldOut && (!sev || !svc) {
				misses = append(misses, fmt.Sprintf("%s %s %s: %s/%q → %s/%q, window %s → %s\n    reasons: %s", v.Kind, v.Lang, v.Source,
					want.Severity, want.Service, got.Severity, got.AffectedService, windowText(sourceWindow[v.Source]), windowText(got.Window),
					strings.Join(got.Reasons, " | ")))
			}
		}
		t.Logf("%s half (%s): %s; %d variants of sources that triage wrong left out", half.name, half.file, all.line(), skipped)
		keys := make([]string, 0, len(per))
		for k := range per {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			t.Logf("  %-12s %s", k, per[k].line())
		}
		if len(misses) > 0 {
			t.Logf("%s half's misses:\n%s", half.name, strings.Join(misses, "\n"))
		}
		f := half.floor
		if share(all.sev, all.n) < f.severity || share(all.svc, all.n) < f.service || share(all.both, all.n) < f.both {
			t.Errorf("%s half: %s, below the floor %.2f / %.2f / %.2f", half.name, all.line(), f.severity, f.service, f.both)
		}
	}
}

func windowText(w Window) string {
	return w.From.UTC().Format("01-02 15:04") + "–" + w.To.UTC().Format("15:04")
}

// keptTally counts wrapped tickets and how many kept the bare verdict's
// severity, its service, and both.
type keptTally struct{ n, sev, svc, both int }

func (c *keptTally) add(sev, svc bool) {
	c.n++
	if sev {
		c.sev++
	}
	if svc {
		c.svc++
	}
	if sev && svc {
		c.both++
	}
}

// line is the tally as the tests log it.
func (c *keptTally) line() string {
	share := func(k int) float64 { return float64(k) / float64(max(c.n, 1)) }
	return fmt.Sprintf("severity kept %.3f, service kept %.3f, both %.3f (%d)", share(c.sev), share(c.svc), share(c.both), c.n)
}
