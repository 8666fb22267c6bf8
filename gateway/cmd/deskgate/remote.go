package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/web"
	"github.com/sigsentry/deskgate/sdk"
)

// client talks to a running gateway's admin API.
type client struct {
	addr  string
	token string
	http  *http.Client
}

func (c *client) do(method, path string, query url.Values, out any) error {
	u := strings.TrimRight(c.addr, "/") + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		return err
	}
	if c.token == "" {
		return fmt.Errorf("DESKGATE_ADMIN_TOKEN is not set")
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("is the gateway running at %s? %w", c.addr, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return fmt.Errorf("read answer from %s: %w", u, err)
	}
	if resp.StatusCode/100 != 2 {
		e := &apiError{status: resp.StatusCode, msg: fmt.Sprintf("%s %s: %s", method, path, resp.Status)}
		var m struct{ Error, Hint string }
		if json.Unmarshal(body, &m) == nil && m.Error != "" {
			e.msg = m.Error
			if m.Hint != "" {
				e.msg += " (" + m.Hint + ")"
			}
		}
		return e
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(body, out)
}

// apiError is the gateway's refusal of a request, in its own words.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

// asUsage turns the gateway's refusal of what was typed (400: a bad or
// ambiguous value, 404: no such binding) into a usage error (exit 2).
func asUsage(err error) error {
	var e *apiError
	if errors.As(err, &e) && (e.status == http.StatusBadRequest || e.status == http.StatusNotFound) {
		return usageError{e.msg}
	}
	return err
}

// defaultAddr derives the admin address from -config (the listen address),
// else $DESKGATE_ADDR, else the demo's.
func defaultAddr(cfgPath string) string {
	if a := os.Getenv("DESKGATE_ADDR"); a != "" {
		return a
	}
	if cfgPath != "" {
		if cfg, diags := config.Load(cfgPath); !diags.HasErrors() {
			return "http://" + cfg.Gateway.Listen
		}
	}
	return "http://127.0.0.1:8080"
}

func remote(cmd string, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	cfgPath := fs.String("config", os.Getenv("DESKGATE_CONFIG"), "config file (for the default --addr)")
	addr := fs.String("addr", "", "gateway admin address, e.g. http://127.0.0.1:8080")
	asJSON := fs.Bool("json", false, "print JSON")
	binding := fs.String("binding", "", "audit: only this binding (platform/name, or the bare name when only one binding has it)")
	ticket := fs.String("ticket", "", "audit: only this ticket")
	since := fs.String("since", "", "audit: entries since RFC 3339 time or duration (1h, 2d)")
	limit := fs.Int("limit", 0, "audit/jobs: at most this many rows")
	dead := fs.Bool("dead", false, "jobs: only dead letters")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if *addr == "" {
		*addr = defaultAddr(*cfgPath)
	}
	c := &client{addr: *addr, token: os.Getenv("DESKGATE_ADMIN_TOKEN"), http: &http.Client{Timeout: 60 * time.Second}}

	needBinding := func() (string, string, error) {
		if len(pos) != 2 {
			return "", "", usageError{fmt.Sprintf("usage: deskgate %s PLATFORM BINDING", cmd)}
		}
		return pos[0], pos[1], nil
	}
	switch cmd {
	case "connect":
		p, b, err := needBinding()
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Open this URL in a browser logged in to the gateway to connect %s/%s:\n%s/connect/%s/%s\n",
			p, b, strings.TrimRight(*addr, "/"), url.PathEscape(p), url.PathEscape(b))
		return nil
	case "disconnect":
		p, b, err := needBinding()
		if err != nil {
			return err
		}
		var out struct {
			Message string `json:"message"`
		}
		if err := c.do(http.MethodPost, "/api/bindings/"+url.PathEscape(p)+"/"+url.PathEscape(b)+"/disconnect", nil, &out); err != nil {
			return err
		}
		if out.Message == "" {
			out.Message = "binding inactive"
		}
		fmt.Fprintf(stdout, "%s/%s disconnected: %s\n", p, b, out.Message)
		return nil
	case "bindings":
		var out struct{ Bindings []web.BindingView }
		if err := c.do(http.MethodGet, "/api/bindings", nil, &out); err != nil {
			return err
		}
		if *asJSON {
			return writeJSONTo(stdout, out.Bindings)
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "PLATFORM\tNAME\tPROJECT\tSTATUS\tINSTALLED AT\tLAST DELIVERY")
		for _, b := range out.Bindings {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", b.Platform, b.Name, b.Project, b.Status, fmtTimePtr(b.InstalledAt), fmtTimePtr(b.LastDeliveryAt))
		}
		return tw.Flush()
	case "audit":
		q := url.Values{}
		for k, v := range map[string]string{"binding": *binding, "ticket": *ticket, "since": *since} {
			if v != "" {
				q.Set(k, v)
			}
		}
		if *limit > 0 {
			q.Set("limit", fmt.Sprint(*limit))
		}
		var out web.AuditAnswer
		if err := c.do(http.MethodGet, "/api/audit", q, &out); err != nil {
			return asUsage(err)
		}
		if *asJSON {
			return writeJSONTo(stdout, out.Entries)
		}
		if len(out.Entries) == 0 {
			fmt.Fprintln(stdout, out.EmptyMessage())
			return nil
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "TIME\tBINDING\tTICKET\tACTION\tOUTCOME\tMESSAGE")
		for _, e := range out.Entries {
			msg := e.Message
			if e.ErrorKind != "" {
				msg = "[" + e.ErrorKind + "] " + msg
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", e.Time.UTC().Format(time.RFC3339), e.Binding, e.TicketID, e.Action, e.Outcome, oneLine(msg, 120))
		}
		return tw.Flush()
	case "doctor":
		p, b, err := needBinding()
		if err != nil {
			return err
		}
		var out struct{ Checks []sdk.CheckResult }
		if err := c.do(http.MethodGet, "/api/bindings/"+url.PathEscape(p)+"/"+url.PathEscape(b)+"/doctor", nil, &out); err != nil {
			return err
		}
		if *asJSON {
			return writeJSONTo(stdout, out.Checks)
		}
		failed := 0
		for _, ch := range out.Checks {
			mark := "OK  "
			if !ch.OK {
				mark = "FAIL"
				failed++
			}
			line := fmt.Sprintf("%s  %s", mark, ch.Name)
			if ch.Detail != "" {
				line += ": " + ch.Detail
			}
			fmt.Fprintln(stdout, line)
			if !ch.OK && ch.Fix != "" {
				fmt.Fprintln(stdout, "      fix: "+ch.Fix)
			}
		}
		if failed > 0 {
			fmt.Fprintf(stdout, "%d of %d checks failed\n", failed, len(out.Checks))
			return errFailed
		}
		fmt.Fprintf(stdout, "all %d checks passed\n", len(out.Checks))
		return nil
	case "jobs":
		if len(pos) == 2 && pos[0] == "replay" {
			if err := c.do(http.MethodPost, "/api/jobs/"+url.PathEscape(pos[1])+"/replay", nil, nil); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "job %s requeued\n", pos[1])
			return nil
		}
		if len(pos) != 0 {
			return usageError{"usage: deskgate jobs [--dead] | deskgate jobs replay ID"}
		}
		q := url.Values{}
		if *dead {
			q.Set("state", "dead")
		}
		if *limit > 0 {
			q.Set("limit", fmt.Sprint(*limit))
		}
		var out struct {
			Jobs  []web.JobView
			Stats map[string]int
		}
		if err := c.do(http.MethodGet, "/api/jobs", q, &out); err != nil {
			return err
		}
		if *asJSON {
			return writeJSONTo(stdout, out)
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tBINDING\tTICKET\tSTATE\tATTEMPTS\tENQUEUED\tLAST ERROR")
		for _, j := range out.Jobs {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", j.ID, j.Binding, j.TicketID, j.State, j.Attempts, j.EnqueuedAt.Format(time.RFC3339), oneLine(j.LastError, 80))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "queue: %d ready, %d delayed, %d leased, %d dead\n", out.Stats["Ready"], out.Stats["Delayed"], out.Stats["Leased"], out.Stats["Dead"])
		return nil
	}
	return usageError{"unknown command " + cmd}
}

func writeJSONTo(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

func fmtTimePtr(t *time.Time) string {
	if t == nil {
		return "-"
	}
	return t.UTC().Format(time.RFC3339)
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		return s[:n-1] + "…"
	}
	return s
}
