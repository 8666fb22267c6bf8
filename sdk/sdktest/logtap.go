package sdktest

import (
	"bytes"
	"sync"
	"testing"
)

// logTap keeps the plugin's log lines for the token leak check and echoes
// them to the test log until the test is over (t.Log after that panics).
type logTap struct {
	t       *testing.T
	mu      sync.Mutex
	buf     bytes.Buffer
	stopped bool
}

func (l *logTap) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Write(p)
	if !l.stopped {
		l.t.Log(string(bytes.TrimRight(p, "\n")))
	}
	return len(p), nil
}

func (l *logTap) stop() {
	l.mu.Lock()
	l.stopped = true
	l.mu.Unlock()
}

func (l *logTap) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}
