package gen

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/gateway/logs"
)

func world(seed uint64) Spec {
	end := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	return Spec{Seed: seed, From: end.Add(-time.Hour), To: end, Services: CheckoutServices(1), Diurnal: true,
		Incidents: []Incident{{Service: "payments", Start: end.Add(-20 * time.Minute), Duration: time.Hour, FailRate: 0.5, Status: 504, Message: "timeout for ch_{id}"}}}
}

func digest(t *testing.T, s Spec) [32]byte {
	t.Helper()
	var b bytes.Buffer
	if err := Stream(s, func(_ string, line []byte) error { b.Write(line); b.WriteByte('\n'); return nil }); err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b.Bytes())
}

func TestStream_isDeterministicPerSeed(t *testing.T) {
	if digest(t, world(1)) != digest(t, world(1)) {
		t.Error("the same seed gave different logs")
	}
	if digest(t, world(1)) == digest(t, world(2)) {
		t.Error("different seeds gave the same logs")
	}
}

func TestWriteDir_writesSortedParseableFilesWithTheIncident(t *testing.T) {
	dir := t.TempDir()
	n, err := WriteDir(world(1), dir)
	if err != nil {
		t.Fatal(err)
	}
	src, err := logs.NewFileSource("x", []string{filepath.Join(dir, "*.jsonl")}, logs.FormatJSONL)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := src.Files()
	if len(files) != 5 {
		t.Fatalf("%d files, want 5", len(files))
	}
	s := world(1)
	var last = map[string]time.Time{}
	fails := 0
	st, err := src.Read(t.Context(), s.From, s.To, func(r *logs.Record) error {
		if r.Time.Before(last[r.Service]) {
			t.Fatalf("%s not sorted at %s", r.Service, r.Time)
		}
		last[r.Service] = r.Time
		if r.Service == "payments" && r.Status == 504 {
			if r.Time.Before(s.Incidents[0].Start) {
				t.Fatalf("incident line before the incident: %s", r.Raw)
			}
			fails++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Records != n || st.Unparsed != 0 {
		t.Errorf("read %d records (%d unparsed) of %d written", st.Records, st.Unparsed, n)
	}
	if fails < 50 {
		t.Errorf("%d incident lines, want many", fails)
	}
	if _, err := os.Stat(filepath.Join(dir, "payments.jsonl")); err != nil {
		t.Error(err)
	}
}
