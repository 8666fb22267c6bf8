// Command jsm-sandbox serves an in-memory Jira Service Management tenant
// (package sandbox) over HTTP for the demo and out-of-process tests. It
// prints one line saying where it listens and stops gracefully on
// SIGINT/SIGTERM.
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
	"strings"
	"syscall"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/plugins/jsm/sandbox"
)

type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "jsm-sandbox:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("jsm-sandbox", flag.ContinueOnError)
	listen := fs.String("listen", "127.0.0.1:9091", "address to listen on (port 0 picks a free one)")
	clientID := fs.String("client-id", "deskgate-demo", "OAuth 2.0 (3LO) app client id")
	clientSecret := fs.String("client-secret", "demo-secret", "the app's client secret (also signs deliveries)")
	var redirects stringList
	fs.Var(&redirects, "redirect-uri", "the app's callback URL (repeatable; default http://127.0.0.1:8080/oauth/callback)")
	project := fs.String("project", "SUP", "key of the service project")
	webhookTTL := fs.Duration("webhook-ttl", 30*24*time.Hour, "dynamic webhook lifetime after register or refresh")
	accessTTL := fs.Duration("access-ttl", time.Hour, "access token lifetime")
	retryDelay := fs.Duration("retry-delay", 500*time.Millisecond, "pause between delivery attempts")
	noFields := fs.Bool("no-fields", false, "do not create the demo's custom fields")
	logJSON := fs.Bool("log-json", false, "log as JSON")
	logLevel := fs.String("log-level", "info", "log level")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if len(redirects) == 0 {
		redirects = stringList{"http://127.0.0.1:8080/oauth/callback"}
	}
	logger := hclog.New(&hclog.LoggerOptions{Level: hclog.LevelFromString(*logLevel), JSONFormat: *logJSON, Output: os.Stderr})
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *listen, err)
	}
	base := "http://" + ln.Addr().String()
	sb := sandbox.New(sandbox.Options{
		Clients:    []sandbox.OAuthClient{{ID: *clientID, Secret: *clientSecret, RedirectURIs: redirects}},
		ProjectKey: *project, WebhookTTL: *webhookTTL, AccessTTL: *accessTTL, RetryDelay: *retryDelay, Logger: logger,
	})
	defer sb.Close()
	if !*noFields {
		// customfield_10050, 10051, 10052: the ids configs name.
		for _, f := range []struct{ name, typ string }{{"Severity", "select"}, {"Affected service", "text"}, {"Analysis URL", "url"}} {
			opts := []string(nil)
			if f.typ == "select" {
				opts = []string{"Critical", "High", "Medium", "Low"}
			}
			if _, err := sb.AddField(f.name, f.typ, opts...); err != nil {
				return err
			}
		}
	}
	srv := &http.Server{Handler: sb.Handler(), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	site := sb.Sites()[0]
	fmt.Printf("jsm-sandbox listening on %s (site %s, cloud id %s, project %s, page %s/sandbox/)\n", base, strings.TrimPrefix(site.URL, "https://"), site.CloudID, *project, base)
	select {
	case err := <-serveErr:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Named("jsm-sandbox").Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}
