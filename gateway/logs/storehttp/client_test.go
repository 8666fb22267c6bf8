package storehttp_test

import (
	"bytes"
	"context"
	"encoding/pem"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/logs/storehttp"
)

func get(t *testing.T, cfg storehttp.Config) (string, error) {
	t.Helper()
	c, err := storehttp.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Do(context.Background(), storehttp.Request{Op: "probe", Path: "/x"}, nil)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func TestTLS_trustsTheCustomCAAndWarnsWhenVerificationIsOff(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }))
	defer srv.Close()
	if _, err := get(t, storehttp.Config{Name: "s", URLs: []string{srv.URL}}); logs.KindOf(err) != logs.KindUnreachable || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("an unknown CA was accepted: %v", err)
	}
	ca := filepath.Join(t.TempDir(), "ca.pem")
	os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600)
	if body, err := get(t, storehttp.Config{Name: "s", URLs: []string{srv.URL}, CAFile: ca}); err != nil || body != "ok" {
		t.Fatalf("with ca_file: %q %v", body, err)
	}
	var logbuf bytes.Buffer
	lg := hclog.New(&hclog.LoggerOptions{Output: &logbuf, Level: hclog.Info})
	if body, err := get(t, storehttp.Config{Name: "s", URLs: []string{srv.URL}, InsecureSkipVerify: true, Logger: lg}); err != nil || body != "ok" {
		t.Fatalf("insecure: %q %v", body, err)
	}
	if !strings.Contains(logbuf.String(), "[WARN]") || !strings.Contains(logbuf.String(), "insecure_skip_verify") {
		t.Fatalf("no warning:\n%s", logbuf.String())
	}
	if _, err := storehttp.New(storehttp.Config{Name: "s", URLs: []string{srv.URL}, CAFile: filepath.Join(t.TempDir(), "none.pem")}); err == nil {
		t.Fatal("a missing CA file was accepted")
	}
}

func TestCredentials_areSentAndNeverEchoed(t *testing.T) {
	var seen http.Header
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = r.Header.Clone()
		// A server echoing the credentials back in its error.
		http.Error(w, "denied for "+r.Header.Get("Authorization")+" "+r.Header.Get("X-Api-Token"), http.StatusForbidden)
	}))
	defer srv.Close()
	var logbuf bytes.Buffer
	lg := hclog.New(&hclog.LoggerOptions{Output: &logbuf, Level: hclog.Trace})
	for _, cfg := range []storehttp.Config{
		{BearerToken: "bearer-secret-1"},
		{Username: "u", Password: "basic-secret-2"},
		{APIKey: "apikey-secret-3"},
		{Headers: map[string]string{"X-Api-Token": "header-secret-4", "X-Org": "acme"}},
	} {
		cfg.Name, cfg.URLs, cfg.Logger = "s", []string{srv.URL}, lg
		_, err := get(t, cfg)
		if logs.KindOf(err) != logs.KindAuth {
			t.Fatalf("%v", err)
		}
		if strings.Contains(err.Error(), "secret") {
			t.Fatalf("the error echoes a credential: %v", err)
		}
	}
	if seen.Get("X-Org") != "acme" || seen.Get("X-Api-Token") != "header-secret-4" {
		t.Fatalf("headers not sent: %v", seen)
	}
	if strings.Contains(logbuf.String(), "secret") || !strings.Contains(logbuf.String(), "answered") {
		t.Fatalf("log:\n%s", logbuf.String())
	}
	if _, err := storehttp.New(storehttp.Config{Name: "s", URLs: []string{srv.URL}, BearerToken: "a", APIKey: "b"}); err == nil {
		t.Fatal("two kinds of credentials were accepted")
	}
	if _, err := storehttp.New(storehttp.Config{Name: "s", URLs: []string{"http://u:p@127.0.0.1"}}); err == nil || strings.Contains(err.Error(), ":p@") {
		t.Fatalf("credentials in the URL: %v", err)
	}
}

func TestAnswers_areBoundedAndTheNextURLIsTried(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(bytes.Repeat([]byte("x"), 4096))
	}))
	defer srv.Close()
	if _, err := get(t, storehttp.Config{Name: "s", URLs: []string{srv.URL}, MaxResponse: 1000}); logs.KindOf(err) != logs.KindBroken || !strings.Contains(err.Error(), "larger than 1000") {
		t.Fatalf("%v", err)
	}
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	if body, err := get(t, storehttp.Config{Name: "s", URLs: []string{dead.URL, srv.URL}}); err != nil || len(body) != 4096 {
		t.Fatalf("%d bytes, %v", len(body), err)
	}
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	defer slow.Close()
	if _, err := get(t, storehttp.Config{Name: "s", URLs: []string{slow.URL}, Timeout: 100 * time.Millisecond}); logs.KindOf(err) != logs.KindTimeout {
		t.Fatalf("%v", err)
	}
}
