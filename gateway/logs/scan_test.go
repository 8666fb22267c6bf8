package logs

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestScan_visitsEveryLineInOrderAcrossBlocks(t *testing.T) {
	long := strings.Repeat("x", 3*blockSize) // longer than any block
	var b strings.Builder
	const n = 20000
	for i := 0; i < n; i++ {
		msg := fmt.Sprintf("line %d", i)
		if i == 777 {
			msg += " " + long
		}
		eol := "\n"
		if i%3 == 0 {
			eol = "\r\n"
		}
		fmt.Fprintf(&b, "ts=2026-11-27T00:00:00Z msg=%q%s", msg, eol)
		if i%1000 == 0 {
			b.WriteString("garbage without a timestamp\n\n")
		}
	}
	b.WriteString("ts=2026-11-27T00:00:00Z msg=\"last line without newline\"")
	var got []string
	lines, unparsed, err := scan(context.Background(), strings.NewReader(b.String()), FormatLogfmt, func(r *Record) (bool, error) {
		got = append(got, r.Message)
		return false, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n+1 || lines != n+1+20 || unparsed != 20 {
		t.Fatalf("visited %d records, lines=%d unparsed=%d; want %d, %d, 20", len(got), lines, unparsed, n+1, n+21)
	}
	for i := 0; i < n; i++ {
		if !strings.HasPrefix(got[i], fmt.Sprintf("line %d", i)) {
			t.Fatalf("record %d is %.40q", i, got[i])
		}
	}
	if len(got[777]) < 3*blockSize || got[n] != "last line without newline" {
		t.Errorf("long or last line damaged: %d bytes, %q", len(got[777]), got[n])
	}
}

func TestScan_stopsEarlyAndReportsErrors(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&b, "ts=2026-11-27T00:00:00Z msg=\"line %d\"\n", i)
	}
	boom := errors.New("boom")
	tests := []struct {
		name    string
		visit   func(n int) (bool, error)
		wantErr error
	}{
		{"stop", func(n int) (bool, error) { return n == 10, nil }, nil},
		{"error", func(n int) (bool, error) {
			if n == 10 {
				return false, boom
			}
			return false, nil
		}, boom},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			_, _, err := scan(context.Background(), strings.NewReader(b.String()), FormatLogfmt, func(*Record) (bool, error) {
				n++
				return tt.visit(n)
			})
			if !errors.Is(err, tt.wantErr) || n != 10 {
				t.Errorf("err=%v after %d records; want %v after 10", err, n, tt.wantErr)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := scan(ctx, strings.NewReader(b.String()), FormatLogfmt, func(*Record) (bool, error) { return false, nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled scan: err=%v", err)
	}
}
