package storehttp

import (
	"bufio"
	"errors"
	"io"
)

// MaxLine is the longest line of a newline-delimited answer; a longer one
// fails the query instead of being cut (bufio.Scanner's 64 KB default is
// too small for log lines with stack traces).
const MaxLine = 8 << 20

// EachLine calls fn for each non-empty line of r (newline-delimited JSON).
// The slice is reused between calls. Any read error fails: a stream that
// breaks off is a failed query, not a short one.
func EachLine(r io.Reader, fn func(line []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLine)
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		if err := fn(line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return errors.New("a line of the answer is longer than 8 MB")
		}
		return err
	}
	return nil
}
