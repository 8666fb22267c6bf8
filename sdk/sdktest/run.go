package sdktest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/sigsentry/deskgate/sdk"
)

// Ids the kit assumes no sandbox has when the Harness is not an IDHarness.
const (
	defaultMissingTicketID = "999999999"
	defaultUnknownFieldID  = "999999999998"
)

// reservedAuthorizeParams are set by the gateway's OAuth flow itself; a
// Description's AuthorizeParams must not override them.
var reservedAuthorizeParams = []string{"client_id", "redirect_uri", "response_type", "scope", "state", "code_challenge", "code_challenge_method"}

// callTimeout bounds every Platform call the kit makes.
const callTimeout = 30 * time.Second

// Run checks a plugin binary against the desk sandbox behind h. The steps
// run in order as subtests, each building on the last (a failed step stops
// the run):
//
//	Describe → Install → Verify a genuine delivery → Verify refuses tampered,
//	mis-signed, stale, unsigned and garbage deliveries → the VerifyRecipe
//	(when Describe declares one) agrees with Verify → GetTicket → GetTicket
//	of a missing ticket → PostComment internal and public → SetFields →
//	SetFields of an unknown field → Check → Maintain → Uninstall → Uninstall
//	again
//
// Calls after Install carry the install state's APIBaseURL in their
// Credentials when Install set one, as the gateway does. Maintain runs only
// when Install said the installation expires (InstallState.MaintainAt); the
// renewed state must still verify deliveries. Uninstall must revoke the
// token unless Describe says the desk cannot (CannotRevoke). Uninstall again
// runs with a fresh token and must succeed: parts already gone count as
// done. Throughout, the access token and the OAuth client secret must never
// appear in a plugin log line or an error message.
func Run(t *testing.T, pluginPath string, h Harness) {
	t.Helper()
	logs := &logTap{t: t}
	c, err := sdk.NewClient(context.Background(), sdk.ClientConfig{
		Path:   pluginPath,
		Logger: hclog.New(&hclog.LoggerOptions{Name: "plugin", Output: logs, Level: hclog.Debug}),
	})
	if err != nil {
		t.Fatalf("start plugin %s: %v", pluginPath, err)
	}
	t.Cleanup(func() {
		c.Kill()
		logs.stop()
	})
	recv := newReceiver()
	t.Cleanup(recv.close)

	r := &run{
		p:               c.Platform(),
		h:               h,
		binding:         h.Binding(),
		logs:            logs,
		recv:            recv,
		missingTicketID: defaultMissingTicketID,
		unknownFieldID:  defaultUnknownFieldID,
		signsBody:       true,
	}
	if ids, ok := h.(IDHarness); ok {
		r.missingTicketID, r.unknownFieldID = ids.MissingTicketID(), ids.UnknownFieldID()
	}
	if sh, ok := h.(SignatureHarness); ok {
		r.signsBody = sh.SignsBody()
	}
	if ch, ok := h.(ClientHarness); ok {
		r.client = ch.Client()
	}
	r.webhookURL = fmt.Sprintf("%s/hooks/%s/%s", recv.srv.URL, r.binding.Platform, r.binding.Name)

	if v := c.NegotiatedVersion(); v != sdk.ProtocolVersion {
		t.Fatalf("negotiated protocol version %d, want %d", v, sdk.ProtocolVersion)
	}
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	if err := c.Ping(ctx); err != nil {
		t.Fatalf("plugin not healthy after start: %v", err)
	}

	steps := []struct {
		name string
		fn   func(t *testing.T)
	}{
		{"Describe", r.describe},
		{"Install", r.install},
		{"Verify accepts a signed delivery", r.verifyGenuine},
		{"Verify refuses forged deliveries", r.verifyForged},
		{"VerifyRecipe agrees with Verify", r.recipeAgrees},
		{"GetTicket reads the full ticket", r.getTicket},
		{"GetTicket of a missing ticket is not_found", r.getMissingTicket},
		{"PostComment", r.postComment},
		{"SetFields stores every value", r.setFields},
		{"SetFields of an unknown field is permanent and names it", r.setUnknownField},
		{"Check passes on a fresh install", r.check},
		{"Maintain renews an installation that expires", r.maintain},
		{"Uninstall removes everything and revokes the token", r.uninstall},
		{"Uninstall again succeeds", r.uninstallAgain},
	}
	for _, s := range steps {
		if !t.Run(s.name, s.fn) {
			t.Errorf("stopped after %q failed", s.name)
			break
		}
	}
	t.Run("no token in log lines or errors", r.noTokenLeak)
}

// run is the state one Run builds up step by step.
type run struct {
	p          sdk.Platform
	h          Harness
	binding    sdk.Binding
	logs       *logTap
	recv       *receiver
	webhookURL string

	missingTicketID string
	unknownFieldID  string
	signsBody       bool
	client          sdk.OAuthClient

	desc     *sdk.Description
	creds    sdk.Credentials
	state    *sdk.InstallState
	ticketID string
	subject  string
	descr    string
	header   http.Header
	body     []byte
	method   string
	uri      string

	mu      sync.Mutex
	tokens  []string
	errText []string
}

func (r *run) ctx(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	t.Cleanup(cancel)
	return ctx
}

// seen records a token and an error text for the leak check at the end.
func (r *run) seen(token string, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if token != "" {
		r.tokens = append(r.tokens, token)
	}
	if err != nil {
		r.errText = append(r.errText, err.Error())
	}
}

func (r *run) describe(t *testing.T) {
	d, err := r.p.Describe(r.ctx(t), nil)
	r.seen("", err)
	if err != nil {
		t.Fatalf("Describe(nil): %v", err)
	}
	if d.Name == "" {
		t.Error("Describe(nil) has no Name")
	}
	if d.ProtocolVersion != sdk.ProtocolVersion {
		t.Errorf("Describe(nil).ProtocolVersion = %d, want %d", d.ProtocolVersion, sdk.ProtocolVersion)
	}
	b := r.binding
	d, err = r.p.Describe(r.ctx(t), &b)
	r.seen("", err)
	if err != nil {
		t.Fatalf("Describe(binding): %v", err)
	}
	for name, u := range map[string]string{"AuthorizeURL": d.AuthorizeURL, "TokenURL": d.TokenURL, "APIBaseURL": d.APIBaseURL} {
		if p, err := url.Parse(u); err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
			t.Errorf("Describe(binding).%s = %q, want an absolute http(s) URL", name, u)
		}
	}
	for k := range d.AuthorizeParams {
		if slices.Contains(reservedAuthorizeParams, strings.ToLower(k)) {
			t.Errorf("Describe(binding).AuthorizeParams sets %q, which the gateway's OAuth flow sets itself", k)
		}
	}
	if d.TokenRequest < sdk.TokenRequestForm || d.TokenRequest > sdk.TokenRequestJSON {
		t.Errorf("Describe(binding).TokenRequest = %s, not a style the sdk defines", d.TokenRequest)
	}
	if d.CannotRevoke && strings.TrimSpace(d.RevokeHelp) == "" {
		t.Error("Describe(binding) says the desk cannot revoke tokens but gives no RevokeHelp for the admin")
	}
	r.desc = d
	known := map[string]bool{}
	for _, a := range d.Attributes {
		known[a.Name] = true
		if _, set := b.Attributes[a.Name]; a.Required && !set {
			t.Errorf("the harness binding lacks required attribute %q", a.Name)
		}
	}
	for name := range b.Attributes {
		if !known[name] {
			t.Errorf("binding attribute %q is not in Describe's Attributes, so the gateway would reject it", name)
		}
	}
}

func (r *run) install(t *testing.T) {
	r.creds = r.h.Credentials(t)
	r.seen(r.creds.AccessToken, nil)
	r.seen(r.client.Secret, nil)
	st, err := r.p.Install(r.ctx(t), sdk.InstallRequest{Binding: r.binding, Credentials: r.creds, WebhookURL: r.webhookURL, Client: r.client})
	r.seen("", err)
	if err != nil {
		t.Fatalf("Install: %v", err)
	}
	if st == nil || len(st.Data) == 0 {
		t.Fatal("Install returned no state: Verify and Uninstall will have nothing to work with")
	}
	r.state = st
	r.creds = r.callCreds(r.creds)
	if st.APIBaseURL != "" {
		if u, err := url.Parse(st.APIBaseURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			t.Errorf("Install's APIBaseURL %q is not an absolute http(s) URL", st.APIBaseURL)
		}
	}
	if !st.MaintainAt.IsZero() && !st.MaintainAt.After(time.Now()) {
		t.Errorf("Install says the installation needs maintenance by %s, which has passed", st.MaintainAt)
	}
	if left := r.h.Leftovers(t); len(left) == 0 {
		t.Error("after Install the harness sees nothing the plugin created on the desk")
	}
}

// callCreds are the credentials of calls after Install: the harness's
// token, with the API base Install found, as the gateway sends them.
func (r *run) callCreds(c sdk.Credentials) sdk.Credentials {
	if r.state != nil && r.state.APIBaseURL != "" {
		c.APIBaseURL = r.state.APIBaseURL
	}
	return c
}

func (r *run) verify(t *testing.T, h http.Header, body []byte, now time.Time) ([]sdk.Event, error) {
	return r.verifyAt(t, *r.state, r.method, r.uri, h, body, now)
}

func (r *run) verifyAt(t *testing.T, st sdk.InstallState, method, uri string, h http.Header, body []byte, now time.Time) ([]sdk.Event, error) {
	evs, err := r.p.Verify(r.ctx(t), sdk.VerifyRequest{State: st, Headers: h, Body: body, Now: now, Method: method, URL: uri})
	r.seen("", err)
	return evs, err
}

func (r *run) verifyGenuine(t *testing.T) {
	r.subject = "sdktest: checkout fails with 500"
	r.descr = "Since 10:05 every payment fails. Created by the sdktest conformance kit."
	r.ticketID = r.h.CreateTicket(t, r.subject, r.descr)
	r.method, r.uri = http.MethodPost, requestURI(r.webhookURL)
	r.header, r.body = r.h.Delivery(t, r.webhookURL, r.ticketID)
	if r.body == nil {
		r.header, r.body = r.awaitDelivery(t)
	}
	evs, err := r.verify(t, r.header, r.body, time.Now())
	if err != nil {
		t.Fatalf("Verify of a genuine delivery: %v", err)
	}
	ev := findEvent(evs, r.ticketID)
	if ev == nil {
		t.Fatalf("Verify returned %d events, none for ticket %s: %+v", len(evs), r.ticketID, evs)
	}
	if ev.DedupKey == "" || ev.Type == "" {
		t.Errorf("event for ticket %s lacks a DedupKey or Type: %+v", r.ticketID, *ev)
	}
	again, err := r.verify(t, r.header, r.body, time.Now())
	if err != nil {
		t.Fatalf("Verify of the same delivery again: %v", err)
	}
	if ev2 := findEvent(again, r.ticketID); ev2 == nil || ev2.DedupKey != ev.DedupKey {
		t.Errorf("a redelivery must carry the same DedupKey %q, got %+v", ev.DedupKey, again)
	}
}

// awaitDelivery waits for the sandbox to deliver about r.ticketID by
// itself, checking each delivery with Verify.
func (r *run) awaitDelivery(t *testing.T) (http.Header, []byte) {
	deadline := time.After(callTimeout)
	for {
		select {
		case d := <-r.recv.got:
			evs, err := r.verifyAt(t, *r.state, d.method, d.uri, d.header, d.body, time.Now())
			if err == nil && findEvent(evs, r.ticketID) != nil {
				r.method, r.uri = d.method, d.uri
				return d.header, d.body
			}
			t.Logf("ignoring a delivery not about ticket %s (err %v)", r.ticketID, err)
		case <-deadline:
			t.Fatalf("the harness returned no delivery and the sandbox sent none about ticket %s to %s", r.ticketID, r.webhookURL)
		}
	}
}

// requestURI is the path and query of an absolute URL.
func requestURI(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.RequestURI()
}

func findEvent(evs []sdk.Event, ticketID string) *sdk.Event {
	for i := range evs {
		if evs[i].TicketID == ticketID {
			return &evs[i]
		}
	}
	return nil
}

func (r *run) verifyForged(t *testing.T) {
	now := time.Now()
	// Trailing whitespace keeps a JSON body valid while changing its bytes,
	// so only the signature check can catch it.
	tampered := append(bytes.Clone(r.body), ' ')
	garbage := []byte("this is not a delivery {")
	tests := []struct {
		name   string
		header http.Header
		body   []byte
		now    time.Time
		want   sdk.ErrorKind
	}{
		{"tampered body", r.header, tampered, now, sdk.KindRejected},
		{"signature of another body", r.h.Sign(t, r.webhookURL, tampered, now), r.body, now, sdk.KindRejected},
		{"stale timestamp", r.header, r.body, now.Add(time.Hour), sdk.KindRejected},
		{"no signature headers", http.Header{"Content-Type": {"application/json"}}, r.body, now, sdk.KindRejected},
		{"signed garbage", r.h.Sign(t, r.webhookURL, garbage, now), garbage, now, sdk.KindMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !r.signsBody && (tt.name == "tampered body" || tt.name == "signature of another body") {
				t.Skip("the harness says the desk's signature does not cover the body")
			}
			evs, err := r.verify(t, tt.header, tt.body, tt.now)
			if err == nil {
				t.Fatalf("Verify accepted a %s: %+v", tt.name, evs)
			}
			if k := sdk.KindOf(err); k != tt.want {
				t.Errorf("Verify of a %s = %v (kind %s), want kind %s", tt.name, err, k, tt.want)
			}
		})
	}
}

func (r *run) getTicket(t *testing.T) {
	tk, err := r.p.GetTicket(r.ctx(t), r.creds, r.ticketID)
	r.seen("", err)
	if err != nil {
		t.Fatalf("GetTicket(%s): %v", r.ticketID, err)
	}
	if tk.ID != r.ticketID || tk.Subject != r.subject || !strings.Contains(tk.Description, r.descr) {
		t.Errorf("GetTicket(%s) = id %q subject %q description %q; want the ticket the harness created", r.ticketID, tk.ID, tk.Subject, tk.Description)
	}
	if tk.CreatedAt.IsZero() {
		t.Error("GetTicket returned no CreatedAt")
	}
}

func (r *run) getMissingTicket(t *testing.T) {
	_, err := r.p.GetTicket(r.ctx(t), r.creds, r.missingTicketID)
	r.seen("", err)
	if k := sdk.KindOf(err); err == nil || k != sdk.KindNotFound {
		t.Errorf("GetTicket(%s) = %v (kind %s), want not_found", r.missingTicketID, err, k)
	}
}

func (r *run) postComment(t *testing.T) {
	tests := []sdk.Comment{
		{Body: "sdktest internal note " + r.ticketID, Public: false},
		{Body: "sdktest public reply " + r.ticketID, Public: true},
	}
	for _, c := range tests {
		name := map[bool]string{false: "internal note stays internal", true: "public reply is public"}[c.Public]
		t.Run(name, func(t *testing.T) {
			err := r.p.PostComment(r.ctx(t), r.creds, r.ticketID, c)
			r.seen("", err)
			if err != nil {
				t.Fatalf("PostComment: %v", err)
			}
			got := r.h.Comments(t, r.ticketID)
			i := slices.IndexFunc(got, func(g sdk.Comment) bool { return strings.Contains(g.Body+g.HTMLBody, c.Body) })
			if i < 0 {
				t.Fatalf("comment %q not on ticket %s; it has %+v", c.Body, r.ticketID, got)
			}
			if got[i].Public != c.Public {
				t.Errorf("comment %q stored with Public=%v, want %v", c.Body, got[i].Public, c.Public)
			}
		})
	}
}

func (r *run) setFields(t *testing.T) {
	want := r.h.FieldValues()
	if len(want) == 0 {
		t.Fatal("the harness names no custom fields to set")
	}
	err := r.p.SetFields(r.ctx(t), r.creds, r.ticketID, want)
	r.seen("", err)
	if err != nil {
		t.Fatalf("SetFields: %v", err)
	}
	stored := r.h.Fields(t, r.ticketID)
	tk, err := r.p.GetTicket(r.ctx(t), r.creds, r.ticketID)
	r.seen("", err)
	if err != nil {
		t.Fatalf("GetTicket after SetFields: %v", err)
	}
	for id, v := range want {
		// Compare as text: numbers cross JSON and the wire as float64.
		if fmt.Sprint(stored[id]) != fmt.Sprint(v) {
			t.Errorf("field %s stored on the desk as %v, want %v", id, stored[id], v)
		}
		if fmt.Sprint(tk.CustomFields[id]) != fmt.Sprint(v) {
			t.Errorf("field %s read back by GetTicket as %v, want %v", id, tk.CustomFields[id], v)
		}
	}
}

func (r *run) setUnknownField(t *testing.T) {
	unknownFieldID := r.unknownFieldID
	err := r.p.SetFields(r.ctx(t), r.creds, r.ticketID, map[string]any{unknownFieldID: "x"})
	r.seen("", err)
	if err == nil {
		t.Fatalf("SetFields of field %s, which the desk does not have, succeeded", unknownFieldID)
	}
	if k := sdk.KindOf(err); k != sdk.KindPermanent {
		t.Errorf("SetFields of an unknown field = %v (kind %s), want permanent", err, k)
	}
	var e *sdk.Error
	if !errors.As(err, &e) || (e.Field != unknownFieldID && !strings.Contains(err.Error(), unknownFieldID)) {
		t.Errorf("SetFields error %v does not name field %s", err, unknownFieldID)
	}
}

func (r *run) check(t *testing.T) {
	rs, err := r.p.Check(r.ctx(t), r.creds, *r.state, r.binding)
	r.seen("", err)
	if err != nil {
		t.Fatalf("Check: %v", err)
	}
	if len(rs) == 0 {
		t.Fatal("Check returned no results")
	}
	for _, c := range rs {
		if c.Name == "" {
			t.Errorf("a check has no name: %+v", c)
		}
		if !c.OK {
			t.Errorf("check %q failed on a fresh install: %s (fix: %s)", c.Name, c.Detail, c.Fix)
		}
	}
}

func (r *run) maintain(t *testing.T) {
	m, ok := r.p.(sdk.Maintainer)
	if !ok {
		t.Fatal("the host side of the plugin offers no Maintain")
	}
	if r.state.MaintainAt.IsZero() {
		_, err := m.Maintain(r.ctx(t), sdk.MaintainRequest{Credentials: r.creds, State: *r.state, Binding: r.binding, Client: r.client})
		r.seen("", err)
		if err != nil && !sdk.IsKind(err, sdk.KindUnsupported) {
			t.Errorf("Maintain of an installation that never expires = %v, want success or unsupported", err)
		}
		t.Skip("Install said the installation never expires")
	}
	before := time.Now()
	st, err := m.Maintain(r.ctx(t), sdk.MaintainRequest{Credentials: r.creds, State: *r.state, Binding: r.binding, Client: r.client})
	r.seen("", err)
	if err != nil {
		t.Fatalf("Maintain of an installation that expires at %s: %v", r.state.MaintainAt, err)
	}
	if st == nil || len(st.Data) == 0 {
		t.Fatal("Maintain returned no state")
	}
	if !st.MaintainAt.After(before) {
		t.Errorf("after Maintain the next maintenance is due %s, not in the future", st.MaintainAt)
	}
	if left := r.h.Leftovers(t); len(left) == 0 {
		t.Error("after Maintain the harness sees nothing the plugin created on the desk")
	}
	evs, err := r.verifyAt(t, *st, r.method, r.uri, r.header, r.body, time.Now())
	if err != nil || findEvent(evs, r.ticketID) == nil {
		t.Errorf("the maintained state does not verify the genuine delivery: %v", err)
	}
	r.state = st
	r.creds = r.callCreds(r.creds)
}

func (r *run) uninstall(t *testing.T) {
	err := r.p.Uninstall(r.ctx(t), r.creds, *r.state)
	r.seen("", err)
	if err != nil {
		t.Fatalf("Uninstall: %v", err)
	}
	if left := r.h.Leftovers(t); len(left) > 0 {
		t.Errorf("Uninstall left %v on the desk", left)
	}
	revoked := r.h.TokenRevoked(t, r.creds)
	switch {
	case r.desc != nil && r.desc.CannotRevoke:
		t.Logf("the desk cannot revoke tokens (token revoked: %v); the admin is told: %s", revoked, r.desc.RevokeHelp)
	case !revoked:
		t.Error("Uninstall did not revoke the token")
	}
}

func (r *run) uninstallAgain(t *testing.T) {
	creds := r.callCreds(r.h.Credentials(t))
	r.seen(creds.AccessToken, nil)
	err := r.p.Uninstall(r.ctx(t), creds, *r.state)
	r.seen("", err)
	if err != nil {
		t.Fatalf("Uninstall after a complete Uninstall: %v; parts already gone must count as done", err)
	}
	if left := r.h.Leftovers(t); len(left) > 0 {
		t.Errorf("a second Uninstall left %v on the desk", left)
	}
}

func (r *run) noTokenLeak(t *testing.T) {
	r.mu.Lock()
	tokens, errs := slices.Clone(r.tokens), slices.Clone(r.errText)
	r.mu.Unlock()
	logs := r.logs.String()
	for _, tok := range tokens {
		what := "an access token"
		if tok == r.client.Secret {
			what = "the OAuth client secret"
		}
		if strings.Contains(logs, tok) {
			t.Errorf("%s appears in the plugin's log lines", what)
		}
		for _, e := range errs {
			if strings.Contains(e, tok) {
				t.Errorf("%s appears in an error message (%d chars)", what, len(e))
			}
		}
	}
}
