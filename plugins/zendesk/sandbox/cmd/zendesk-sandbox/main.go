// Command zendesk-sandbox serves an in-memory Zendesk account (package
// sandbox) over HTTP for the demo and out-of-process tests. It prints one
// line saying where it listens and stops gracefully on SIGINT/SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/plugins/zendesk/sandbox"
)

// fixedFieldIDs are the ids given to the first -fields, so a config can name
// them (configs/bindings/acme.hcl uses these numbers).
var fixedFieldIDs = []int64{360001234567, 360002345678, 360003456789}

type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "zendesk-sandbox:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("zendesk-sandbox", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:9090", "address to listen on (port 0 picks a free one)")
	clientID := fs.String("client-id", "deskgate-demo", "OAuth client identifier")
	clientSecret := fs.String("client-secret", "demo-secret", "OAuth client secret")
	clientKind := fs.String("client-kind", "confidential", "OAuth client kind: confidential or public")
	allowedScopes := fs.String("allowed-scopes", "", "space-separated scopes the client may request (empty: all)")
	var redirects stringList
	fs.Var(&redirects, "redirect-uri", "registered OAuth redirect URI (repeatable; default http://127.0.0.1:8080/oauth/callback)")
	accessTTL := fs.Duration("access-ttl", 30*time.Minute, "access token lifetime; negative: old-style client without expiry")
	refreshTTL := fs.Duration("refresh-ttl", 30*24*time.Hour, "refresh token lifetime")
	fields := fs.String("fields", "severity,affected_service,analysis_url", "custom text fields to create; the first three get ids 360001234567, 360002345678, 360003456789")
	accountID := fs.Int64("account-id", 0, "account id sent as x-zendesk-account-id (0: default)")
	updateLimit := fs.Int("update-limit", 0, "Update Ticket requests allowed per minute (0: unlimited)")
	deliveryTimeout := fs.Duration("delivery-timeout", 12*time.Second, "webhook delivery attempt timeout")
	retryDelay := fs.Duration("retry-delay", 500*time.Millisecond, "pause before retrying a timed-out or 409 delivery")
	autoApprove := fs.Bool("auto-approve", true, "approve OAuth authorizations without a consent page")
	synthRange := fs.String("synthetic-tickets", "", "load tests only (off by default): FIRST-LAST, ticket ids that read as tickets made on the fly from a few demo templates; comments and field updates to them are counted, not stored")
	synthAt := fs.String("synthetic-created-at", "", "created_at of the -synthetic-tickets (RFC 3339; empty: the time of each read)")
	logJSON := fs.Bool("log-json", false, "log as JSON")
	logLevel := fs.String("log-level", "info", "log level")
	if err := fs.Parse(args); err != nil {
		return err
	}
	synth, err := parseSynthetic(*synthRange, *synthAt)
	if err != nil {
		return err
	}
	if len(redirects) == 0 {
		redirects = stringList{"http://127.0.0.1:8080/oauth/callback"}
	}
	// Unnamed root: the sandbox names its own logger "zendesk-sandbox".
	logger := hclog.New(&hclog.LoggerOptions{Level: hclog.LevelFromString(*logLevel),
		JSONFormat: *logJSON, Output: os.Stderr})

	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *listen, err)
	}
	base := "http://" + ln.Addr().String()
	sb := sandbox.New(sandbox.Options{
		Clients: []sandbox.OAuthClient{{ID: *clientID, Secret: *clientSecret, RedirectURIs: redirects, Kind: *clientKind,
			AllowedScopes: strings.Fields(*allowedScopes)}},
		AccessTTL: *accessTTL, RefreshTTL: *refreshTTL, Logger: logger, AutoApprove: *autoApprove,
		AccountID: *accountID, PublicURL: base, UpdateTicketLimit: *updateLimit,
		DeliveryTimeout: *deliveryTimeout, RetryDelay: *retryDelay, Synthetic: synth,
	})
	defer sb.Close()
	for i, name := range strings.Split(*fields, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		title := strings.ToUpper(name[:1]) + strings.ReplaceAll(strings.ReplaceAll(name[1:], "_url", "_URL"), "_", " ")
		if i < len(fixedFieldIDs) {
			if err := sb.AddTicketFieldWithID(fixedFieldIDs[i], title, "text"); err != nil {
				return err
			}
			continue
		}
		sb.AddTicketField(title, "text")
	}

	srv := &http.Server{Handler: sb.Handler(), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	fmt.Printf("zendesk-sandbox listening on %s (account %d, page %s/sandbox/)\n", base, sb.AccountID(), base)

	select {
	case err := <-serveErr:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Named("zendesk-sandbox").Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}

// parseSynthetic reads -synthetic-tickets FIRST-LAST and
// -synthetic-created-at; nil when the range is empty (the mode is off).
func parseSynthetic(ids, at string) (*sandbox.SyntheticTickets, error) {
	if ids == "" {
		if at != "" {
			return nil, errors.New("-synthetic-created-at needs -synthetic-tickets")
		}
		return nil, nil
	}
	first, last, ok := strings.Cut(ids, "-")
	f, ferr := strconv.ParseInt(first, 10, 64)
	l, lerr := strconv.ParseInt(last, 10, 64)
	if !ok || ferr != nil || lerr != nil || f < 1 || l < f {
		return nil, fmt.Errorf("-synthetic-tickets %q: want FIRST-LAST, two ticket ids with 1 <= FIRST <= LAST", ids)
	}
	st := &sandbox.SyntheticTickets{First: f, Last: l}
	if at != "" {
		t, err := time.Parse(time.RFC3339, at)
		if err != nil {
			return nil, fmt.Errorf("-synthetic-created-at: %w", err)
		}
		st.At = t
	}
	return st, nil
}
