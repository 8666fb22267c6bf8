package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/sdktest/internal/fakedesk"
)

// maxSkew is how far a delivery's timestamp may be from Now.
const maxSkew = 5 * time.Minute

type platform struct {
	log  hclog.Logger
	flaw string // see main.go
}

type state struct {
	WebhookID string `json:"webhook_id"`
	Secret    string `json:"secret"`
}

func (p *platform) Describe(_ context.Context, b *sdk.Binding) (*sdk.Description, error) {
	p.log.Debug("describe", "with_binding", b != nil)
	d := &sdk.Description{
		Name:            "fake",
		ProtocolVersion: sdk.ProtocolVersion,
		Scopes:          []string{"read", "write"},
		PKCE:            true,
		Attributes:      []sdk.AttributeSpec{{Name: "api_url", Required: true, Description: "base URL of the fake desk"}},
	}
	if b != nil {
		base := strings.TrimRight(b.Attributes["api_url"], "/")
		if base == "" {
			return nil, &sdk.Error{Kind: sdk.KindPermanent, Message: "binding has no api_url", Field: "api_url"}
		}
		d.AuthorizeURL, d.TokenURL, d.APIBaseURL = base+"/oauth/authorize", base+"/oauth/token", base
	}
	return d, nil
}

func (p *platform) Install(ctx context.Context, req sdk.InstallRequest) (*sdk.InstallState, error) {
	var hook fakedesk.WebhookJSON
	if err := call(ctx, req.Credentials, http.MethodPost, "/api/webhooks", fakedesk.WebhookJSON{URL: req.WebhookURL}, &hook); err != nil {
		return nil, fmt.Errorf("create webhook: %w", err)
	}
	data, err := json.Marshal(state{WebhookID: hook.ID, Secret: hook.Secret})
	if err != nil {
		return nil, fmt.Errorf("encode install state: %w", err)
	}
	p.log.Info("installed", "webhook_id", hook.ID)
	if p.flaw == "leak-token" {
		p.log.Debug("installed with", "token", req.Credentials.AccessToken)
	}
	return &sdk.InstallState{Data: data, Summary: map[string]string{"webhook_id": hook.ID}}, nil
}

func (p *platform) Verify(_ context.Context, req sdk.VerifyRequest) ([]sdk.Event, error) {
	var st state
	if err := json.Unmarshal(req.State.Data, &st); err != nil || st.Secret == "" {
		return nil, sdk.Errorf(sdk.KindPermanent, "install state unreadable")
	}
	ts, sig := req.Headers.Get(fakedesk.TimestampHeader), req.Headers.Get(fakedesk.SignatureHeader)
	if ts == "" || sig == "" {
		return nil, sdk.Errorf(sdk.KindRejected, "missing signature headers")
	}
	at, err := time.Parse(time.RFC3339, ts)
	if err != nil {
		return nil, sdk.Errorf(sdk.KindRejected, "unreadable timestamp")
	}
	if skew := req.Now.Sub(at); skew > maxSkew || skew < -maxSkew {
		return nil, sdk.Errorf(sdk.KindRejected, "stale timestamp (%s off)", skew.Round(time.Second))
	}
	if p.flaw != "skip-signature" && !hmac.Equal([]byte(sig), []byte(fakedesk.Sign(st.Secret, ts, req.Body))) {
		return nil, sdk.Errorf(sdk.KindRejected, "signature mismatch")
	}
	var d fakedesk.DeliveryJSON
	if err := json.Unmarshal(req.Body, &d); err != nil {
		return nil, sdk.Errorf(sdk.KindMalformed, "body is not a delivery: %v", err)
	}
	if d.TicketID == 0 {
		return nil, sdk.Errorf(sdk.KindMalformed, "delivery names no ticket")
	}
	id := strconv.FormatInt(d.TicketID, 10)
	return []sdk.Event{{
		DedupKey:   req.Headers.Get(fakedesk.InvocationHeader),
		Type:       d.Type,
		TicketID:   id,
		Ticket:     &sdk.Ticket{ID: id, Subject: d.Subject},
		OccurredAt: at,
	}}, nil
}

func (p *platform) GetTicket(ctx context.Context, creds sdk.Credentials, ticketID string) (*sdk.Ticket, error) {
	if err := p.misbehave(ctx, ticketID); err != nil {
		return nil, err
	}
	var t fakedesk.TicketJSON
	if err := call(ctx, creds, http.MethodGet, "/api/tickets/"+ticketID, nil, &t); err != nil {
		return nil, fmt.Errorf("get ticket %s: %w", ticketID, err)
	}
	return &sdk.Ticket{
		ID: strconv.FormatInt(t.ID, 10), Subject: t.Subject, Description: t.Description,
		RequesterName: t.Requester, RequesterEmail: t.Email, Priority: t.Priority,
		Status: t.Status, Tags: t.Tags, CreatedAt: t.CreatedAt, CustomFields: t.CustomFields,
		URL: creds.APIBaseURL + "/tickets/" + ticketID,
	}, nil
}

// misbehave implements the failure switches described in main.go.
func (p *platform) misbehave(ctx context.Context, ticketID string) error {
	switch {
	case ticketID == "panic":
		panic("fake plugin asked to panic")
	case ticketID == "block":
		p.log.Info("blocking in GetTicket")
		<-ctx.Done()
		return ctx.Err()
	case ticketID == "plain":
		return errors.New("plain failure from the fake plugin")
	case strings.HasPrefix(ticketID, "err-"):
		e := &sdk.Error{Kind: sdk.ParseErrorKind(strings.TrimPrefix(ticketID, "err-")), Message: "forced " + ticketID}
		if e.Kind == sdk.KindRetryable {
			e.RetryAfter = 1500 * time.Millisecond
		}
		if e.Kind == sdk.KindPermanent {
			e.Field = "f1"
		}
		return e
	}
	return nil
}

func (p *platform) PostComment(ctx context.Context, creds sdk.Credentials, ticketID string, c sdk.Comment) error {
	in := fakedesk.CommentJSON{Body: c.Body, HTMLBody: c.HTMLBody, Public: c.Public || p.flaw == "public-notes"}
	if err := call(ctx, creds, http.MethodPost, "/api/tickets/"+ticketID+"/comments", in, nil); err != nil {
		return fmt.Errorf("post comment to ticket %s: %w", ticketID, err)
	}
	return nil
}

func (p *platform) SetFields(ctx context.Context, creds sdk.Credentials, ticketID string, fields map[string]any) error {
	if err := call(ctx, creds, http.MethodPut, "/api/tickets/"+ticketID+"/fields", fields, nil); err != nil {
		return fmt.Errorf("set fields on ticket %s: %w", ticketID, err)
	}
	return nil
}

func (p *platform) Uninstall(ctx context.Context, creds sdk.Credentials, s sdk.InstallState) error {
	var st state
	if err := json.Unmarshal(s.Data, &st); err != nil {
		return sdk.Errorf(sdk.KindPermanent, "install state unreadable")
	}
	if err := call(ctx, creds, http.MethodDelete, "/api/webhooks/"+st.WebhookID, nil, nil); err != nil && !sdk.IsKind(err, sdk.KindNotFound) {
		return fmt.Errorf("delete webhook %s: %w", st.WebhookID, err)
	}
	if err := call(ctx, creds, http.MethodPost, "/api/revoke", nil, nil); err != nil {
		return fmt.Errorf("revoke token: %w", err)
	}
	return nil
}

func (p *platform) Check(ctx context.Context, creds sdk.Credentials, s sdk.InstallState, _ sdk.Binding) ([]sdk.CheckResult, error) {
	token := sdk.CheckResult{Name: "token", OK: true, Detail: "accepted"}
	if err := call(ctx, creds, http.MethodGet, "/api/me", nil, nil); err != nil {
		token = sdk.CheckResult{Name: "token", Detail: err.Error(), Fix: "reconnect the binding"}
	}
	var st state
	_ = json.Unmarshal(s.Data, &st)
	var hooks []fakedesk.WebhookJSON
	hook := sdk.CheckResult{Name: "webhook", Detail: "webhook " + st.WebhookID + " missing", Fix: "reconnect the binding"}
	if err := call(ctx, creds, http.MethodGet, "/api/webhooks", nil, &hooks); err == nil {
		for _, h := range hooks {
			if h.ID == st.WebhookID {
				hook = sdk.CheckResult{Name: "webhook", OK: true, Detail: "webhook " + h.ID + " registered"}
			}
		}
	}
	return []sdk.CheckResult{token, hook}, nil
}

// call does one request to the fake desk and maps its answer to an sdk
// error kind.
func call(ctx context.Context, creds sdk.Credentials, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		raw, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("encode request: %w", err)
		}
		body = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, creds.APIBaseURL+path, body)
	if err != nil {
		return fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+creds.AccessToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return sdk.Errorf(sdk.KindRetryable, "%s %s: desk unreachable", method, path)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		var e fakedesk.ErrorJSON
		_ = json.NewDecoder(resp.Body).Decode(&e)
		switch {
		case resp.StatusCode == http.StatusUnauthorized:
			return sdk.Errorf(sdk.KindAuthExpired, "token refused")
		case resp.StatusCode == http.StatusNotFound:
			return sdk.Errorf(sdk.KindNotFound, "%s", e.Error)
		case resp.StatusCode == http.StatusUnprocessableEntity && e.Field != "":
			return &sdk.Error{Kind: sdk.KindPermanent, Message: e.Error + " " + e.Field, Field: e.Field}
		case resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests:
			return sdk.Errorf(sdk.KindRetryable, "desk answered %d", resp.StatusCode)
		default:
			return sdk.Errorf(sdk.KindPermanent, "desk answered %d: %s", resp.StatusCode, e.Error)
		}
	}
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			return fmt.Errorf("decode %s answer: %w", path, err)
		}
	}
	return nil
}
