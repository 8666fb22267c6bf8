package triage

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// timeCase is one row of a time table (examples/tickets/variants/times-*.json):
// a ticket's words, when it was written and where, and when the problem
// began as a careful reader takes it — or none, no time at all.
type timeCase struct {
	Lang          string `json:"lang"`
	Text          string `json:"text"`
	CreatedAt     string `json:"created_at"`
	WriterZone    string `json:"writer_zone"`
	StartEarliest string `json:"start_earliest"`
	StartLatest   string `json:"start_latest"`
	None          bool   `json:"none"`
}

// timeLead is how far before the reported moment a window may open: the
// reader opens a point's window a little before it, as logs lead reports.
const timeLead = 20 * time.Minute

// timeOutcome is how ExtractTime read one row: "" when right, else the
// kind of miss, named without the row's words.
func timeOutcome(c timeCase, loc *time.Location) (string, error) {
	created, err := time.Parse(time.RFC3339, c.CreatedAt)
	if err != nil {
		return "", err
	}
	ref := ExtractTime(c.Text, created, loc, 2*time.Hour)
	if c.None {
		if ref.Found {
			return "time found where none", nil
		}
		return "", nil
	}
	if !ref.Found {
		return "no time found", nil
	}
	early, err := time.Parse(time.RFC3339, c.StartEarliest)
	if err != nil {
		return "", err
	}
	late, err := time.Parse(time.RFC3339, c.StartLatest)
	if err != nil {
		return "", err
	}
	from := ref.Window.From
	var off time.Duration
	switch {
	case from.Before(early.Add(-timeLead)):
		off = early.Sub(from)
	case from.After(late.Add(5 * time.Minute)):
		off = from.Sub(late)
	default:
		return "", nil
	}
	switch {
	case off >= 20*time.Hour:
		return "wrong day", nil
	case off >= 50*time.Minute:
		return "wrong hour", nil
	}
	return "minutes off", nil
}

// readTimeCases reads a time table; ok is false when it is not there.
func readTimeCases(t *testing.T, name string) ([]timeCase, bool) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", "tickets", "variants", name))
	if os.IsNotExist(err) {
		return nil, false
	}
	if err != nil {
		t.Fatal(err)
	}
	var cs []timeCase
	if err := json.Unmarshal(b, &cs); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return cs, true
}

// TestTimePhrases_findTheStart reads each time table's phrases the way the
// triage does for a ticket without a requester zone — in the binding's
// default zone, UTC, unless the words name one — and checks the window
// opens when the problem began. A miss that the writer's own zone would
// have read right is counted apart as "zone not stated": a bare clock in
// the writer's zone cannot be read right. A second figure, "with the
// requester's zone", reads each row with its writer_zone as the ticket's
// requester zone (a desk profile's), as the triage then does.
//
// The tuned table (times-tuned.json) is reported per language, its misses
// listed with DESKGATE_TIMES_MISSES=1. The held-out table
// (times-heldout.json, written by someone who never saw the reader) is
// read only with DESKGATE_TIMES_HELDOUT=1, and reported in aggregate only:
// its share right and its misses counted by kind, never its words.
func TestTimePhrases_findTheStart(t *testing.T) {
	for _, half := range []struct {
		file      string
		heldOut   bool
		floor     float64
		zoneFloor float64 // right among rows whose zone is stated or moot
		// profileFloor: right when the row's writer_zone is passed as the
		// requester's profile zone (Ticket.RequesterTimeZone), as a desk
		// that knows its users' zones gives it.
		profileFloor float64
	}{
		// Floors a little under the reader as it is. Round sixteen's
		// reader changes (tuned 0.627 -> 0.912, 0.670 -> 1.000 where the
		// zone is stated; held out 0.175 -> 0.215, 0.216 -> 0.321) were
		// not merged: measured once on the blind sets they lost three
		// tickets there (README, "Round sixteen"). The tables and this
		// test stay, to measure the next attempt against.
		// With the requester's zone (measured 0.691 tuned, 0.365 held out,
		// at the held-out table's second look for this change):
		{"times-tuned.json", false, 0.60, 0.65, 0.67},
		{"times-heldout.json", true, 0.15, 0.20, 0.34},
	} {
		if half.heldOut && os.Getenv("DESKGATE_TIMES_HELDOUT") == "" {
			t.Logf("%s not read (set DESKGATE_TIMES_HELDOUT=1 to measure it)", half.file)
			continue
		}
		cs, ok := readTimeCases(t, half.file)
		if !ok {
			t.Logf("%s not there", half.file)
			continue
		}
		kinds, profileKinds := map[string]int{}, map[string]int{}
		profileRight := 0
		type tally struct{ n, right, zone int }
		byLang := map[string]*tally{}
		var all tally
		var misses []string
		for _, c := range cs {
			got, err := timeOutcome(c, time.UTC)
			if err != nil {
				t.Fatalf("%s: a row's times: %v", half.file, err)
			}
			if got != "" && c.WriterZone != "" && c.WriterZone != "UTC" {
				if wz, err := time.LoadLocation(c.WriterZone); err == nil {
					if inZone, _ := timeOutcome(c, wz); inZone == "" {
						got = "zone not stated"
					}
				}
			}
			// The second figure: the row's writer_zone as the requester's
			// profile zone, read as the triage reads it (requesterZone).
			profile := time.UTC
			if l, ok := requesterZone(c.WriterZone); ok {
				profile = l
			}
			withProfile, err := timeOutcome(c, profile)
			if err != nil {
				t.Fatalf("%s: a row's times: %v", half.file, err)
			}
			if withProfile == "" {
				profileRight++
			} else {
				profileKinds[withProfile]++
			}
			lt := byLang[c.Lang]
			if lt == nil {
				lt = &tally{}
				byLang[c.Lang] = lt
			}
			for _, x := range []*tally{lt, &all} {
				x.n++
				switch got {
				case "":
					x.right++
				case "zone not stated":
					x.zone++
				}
			}
			if got != "" {
				kinds[got]++
				if !half.heldOut {
					misses = append(misses, fmt.Sprintf("%s [%s] %q created %s: %s", c.Lang, c.WriterZone, c.Text, c.CreatedAt, got))
				}
			}
		}
		share := float64(all.right) / float64(max(all.n, 1))
		stated := float64(all.right) / float64(max(all.n-all.zone, 1))
		t.Logf("%s: %d rows, right %.3f (%d), right where the zone is stated or moot %.3f (%d of %d)",
			half.file, all.n, share, all.right, stated, all.right, all.n-all.zone)
		var ks []string
		for k, n := range kinds {
			ks = append(ks, fmt.Sprintf("%s %d", k, n))
		}
		sort.Strings(ks)
		t.Logf("%s misses by kind: %s", half.file, strings.Join(ks, ", "))
		withProfile := float64(profileRight) / float64(max(all.n, 1))
		ks = ks[:0]
		for k, n := range profileKinds {
			ks = append(ks, fmt.Sprintf("%s %d", k, n))
		}
		sort.Strings(ks)
		t.Logf("%s with the requester's zone: right %.3f (%d of %d); misses by kind: %s",
			half.file, withProfile, profileRight, all.n, strings.Join(ks, ", "))
		if !half.heldOut {
			var langs []string
			for l := range byLang {
				langs = append(langs, l)
			}
			sort.Strings(langs)
			var row []string
			for _, l := range langs {
				x := byLang[l]
				row = append(row, fmt.Sprintf("%s %d/%d", l, x.right, x.n))
			}
			t.Logf("%s per language: %s", half.file, strings.Join(row, ", "))
			if os.Getenv("DESKGATE_TIMES_MISSES") != "" {
				for _, m := range misses {
					t.Log("  miss: " + m)
				}
			}
		}
		if share < half.floor || stated < half.zoneFloor {
			t.Errorf("%s: right %.3f (floor %.2f), where the zone is stated %.3f (floor %.2f)", half.file, share, half.floor, stated, half.zoneFloor)
		}
		if withProfile < half.profileFloor {
			t.Errorf("%s: right with the requester's zone %.3f (floor %.2f)", half.file, withProfile, half.profileFloor)
		}
	}
}
