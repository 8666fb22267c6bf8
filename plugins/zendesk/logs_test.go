package zendesk_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/plugins/zendesk"
	"github.com/sigsentry/deskgate/sdk"
)

// syncBuffer is a bytes.Buffer safe for the logger's concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestLogs_neverCarryTokensOrSecrets drives every call, successes and
// failures, with trace logging on, and looks for the token and the signing
// secret in the output.
func TestLogs_neverCarryTokensOrSecrets(t *testing.T) {
	w := newWorld(t)
	var buf syncBuffer
	w.p = zendesk.New(zendesk.WithLogger(hclog.New(&hclog.LoggerOptions{Output: &buf, Level: hclog.Trace, JSONFormat: true})))
	ctx := context.Background()
	st := w.install(t)
	var d struct {
		SigningSecret string `json:"signing_secret"`
	}
	if err := json.Unmarshal(st.Data, &d); err != nil || d.SigningSecret == "" {
		t.Fatalf("no secret in state: %v", err)
	}
	id, err := w.sb.CreateTicket(sandboxTicket())
	if err != nil {
		t.Fatal(err)
	}
	dl := w.nextDelivery(t)
	_, _ = w.p.Verify(ctx, sdk.VerifyRequest{State: st, Headers: dl.header, Body: dl.body, Now: time.Now()})
	_, _ = w.p.Verify(ctx, sdk.VerifyRequest{State: st, Headers: dl.header, Body: []byte("{}"), Now: time.Now()})
	tid := itoa(id)
	_, _ = w.p.GetTicket(ctx, w.creds, tid)
	_ = w.p.PostComment(ctx, w.creds, tid, sdk.Comment{Body: "x"})
	_ = w.p.SetFields(ctx, w.creds, tid, map[string]any{"123": "x"})
	_, _ = w.p.Check(ctx, w.creds, st, w.binding)
	_ = w.p.Uninstall(ctx, w.creds, st)
	_, _ = w.p.GetTicket(ctx, w.creds, tid) // 401 now

	out := buf.String()
	if out == "" {
		t.Fatal("nothing was logged: the test would prove nothing")
	}
	for name, secret := range map[string]string{"access token": w.access, "signing secret": d.SigningSecret} {
		if strings.Contains(out, secret) {
			t.Errorf("logs carry the %s", name)
		}
	}
}
