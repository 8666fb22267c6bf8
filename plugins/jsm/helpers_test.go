package jsm_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/plugins/jsm"
	"github.com/sigsentry/deskgate/plugins/jsm/sandbox"
	"github.com/sigsentry/deskgate/sdk"
)

const (
	testClientID     = "deskgate-test-app"
	testClientSecret = "client-SECRET-5f3e9a7c1d"
)

// world is one sandbox tenant over real HTTP, with a receiver standing in
// for the gateway's webhook route, and the plugin in process.
type world struct {
	sb       *sandbox.Sandbox
	api      *httptest.Server
	hooks    *httptest.Server
	got      chan delivery
	p        *jsm.Platform
	binding  sdk.Binding
	creds    sdk.Credentials // root API base, as the gateway passes at Install
	access   string
	hookURL  string
	sevID    string
	svcID    string
	urlID    string
	hookCode atomic.Int32 // status the receiver answers (default 200)
}

type delivery struct {
	header http.Header
	body   []byte
	uri    string
}

func newWorld(t *testing.T, opts ...func(*sandbox.Options)) *world {
	t.Helper()
	w := &world{got: make(chan delivery, 32)}
	w.hookCode.Store(http.StatusOK)
	w.hooks = httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		// The answer is decided before the test sees the delivery: a test
		// that changes hookCode on receipt changes the next answer, never
		// this one.
		code := int(w.hookCode.Load())
		select {
		case w.got <- delivery{header: r.Header.Clone(), body: b, uri: r.URL.RequestURI()}:
		default:
		}
		rw.WriteHeader(code)
	}))
	t.Cleanup(w.hooks.Close)
	o := sandbox.Options{
		Clients:    []sandbox.OAuthClient{{ID: testClientID, Secret: testClientSecret, RedirectURIs: []string{"http://127.0.0.1:1/oauth/callback"}}},
		RetryDelay: 20 * time.Millisecond,
	}
	for _, f := range opts {
		f(&o)
	}
	w.sb = sandbox.New(o)
	t.Cleanup(w.sb.Close)
	w.api = httptest.NewServer(w.sb.Handler())
	t.Cleanup(w.api.Close)
	var err error
	if w.sevID, err = w.sb.AddField("Severity", "select", "Critical", "High", "Medium", "Low"); err != nil {
		t.Fatal(err)
	}
	w.svcID, _ = w.sb.AddField("Affected service", "text")
	w.urlID, _ = w.sb.AddField("Analysis URL", "url")
	w.access, _ = w.sb.IssueToken(strings.Join(jsm.Scopes, " "))
	w.creds = sdk.Credentials{AccessToken: w.access, APIBaseURL: w.api.URL}
	w.hookURL = w.hooks.URL + "/hooks/jsm/support"
	w.binding = sdk.Binding{Platform: "jsm", Name: "support",
		Attributes: map[string]string{"site": "acme.atlassian.net", "project_key": "SUP", "api_url": w.api.URL},
		FieldIDs:   map[string]string{"severity": w.sevID, "affected_service": w.svcID, "analysis_url": w.urlID}}
	w.p = jsm.New(jsm.WithRequestTimeout(5 * time.Second))
	return w
}

func (w *world) client() sdk.OAuthClient {
	return sdk.OAuthClient{ID: testClientID, Secret: testClientSecret}
}

func (w *world) install(t *testing.T) sdk.InstallState {
	t.Helper()
	st, err := w.p.Install(context.Background(), sdk.InstallRequest{Binding: w.binding, Credentials: w.creds, WebhookURL: w.hookURL, Client: w.client()})
	if err != nil {
		t.Fatalf("install: %v", err)
	}
	return *st
}

// siteCreds are the credentials of calls after Install, as the gateway
// builds them from the state's API base.
func (w *world) siteCreds(st sdk.InstallState) sdk.Credentials {
	return sdk.Credentials{AccessToken: w.access, APIBaseURL: st.APIBaseURL}
}

func (w *world) nextDelivery(t *testing.T) delivery {
	t.Helper()
	select {
	case d := <-w.got:
		return d
	case <-time.After(10 * time.Second):
		t.Fatal("no delivery within 10s")
		return delivery{}
	}
}

func (w *world) verify(st sdk.InstallState, d delivery, now time.Time) ([]sdk.Event, error) {
	return w.p.Verify(context.Background(), sdk.VerifyRequest{State: st, Headers: d.header, Body: d.body, Now: now, Method: http.MethodPost, URL: d.uri})
}
