package logs

import (
	"fmt"
	"sync"
	"testing"
)

// A remembered redaction is the redaction: the same text redacted again
// (from the memo), by several goroutines at once, past the memo's bounds
// (emptied and filled again), and a text too long to remember, all read
// as redact says.
func TestRedact_memoChangesNothing(t *testing.T) {
	r, err := NewRedactor(RedactOptions{Fields: []string{"ssn"}, Patterns: []string{`ord-[0-9]+`}})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"charge failed for jane.doe@example.com card 4111 1111 1111 1111",
		"login from 10.1.2.3 with Authorization: Bearer abcdefghijklmnop",
		`{"ssn":"123-45-6789","order":"ord-991"}`,
		"plain message with nothing to hide",
	}
	for i := range memoMaxEntries + 500 {
		texts = append(texts, fmt.Sprintf("user %d at u%d@example.org called +1 415 555 %04d", i, i, i%10000))
	}
	long := ""
	for len(long) <= memoMaxLen {
		long += "token=sk_live_0123456789abcdef0123 and mail a@b.io; "
	}
	texts = append(texts, long)
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for pass := range 2 {
				for i := range texts {
					s := texts[(i+g*7+pass)%len(texts)]
					if got, want := r.Redact(s), r.redact(s); got != want {
						t.Errorf("Redact(%q) = %q, redact says %q", s, got, want)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	r.memo.mu.Lock()
	defer r.memo.mu.Unlock()
	if len(r.memo.m) > memoMaxEntries || r.memo.bytes > memoMaxBytes {
		t.Errorf("memo holds %d texts, %d bytes", len(r.memo.m), r.memo.bytes)
	}
	if _, ok := r.memo.m[long]; ok {
		t.Errorf("a text longer than %d bytes was remembered", memoMaxLen)
	}
}
