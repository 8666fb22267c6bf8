package web

import (
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/sigsentry/deskgate/gateway/config"
)

func TestConfigure_refusesInvalidSettingsWithoutSaving(t *testing.T) {
	ts := newTestServer(t)
	cases := []struct {
		name  string
		over  map[string]string
		field string // the input whose error is shown
		msg   string
	}{
		{"an unknown posting mode", map[string]string{"posting_mode": "loud"}, "posting_mode", "Choose one of internal, public, both."},
		{"an unknown threshold", map[string]string{"auto_analyze_threshold": "urgent"}, "threshold", "Choose one of disabled, critical, high, medium, low."},
		{"an empty time buffer", map[string]string{"default_time_buffer": ""}, "buffer", "Required."},
		{"a zero time buffer", map[string]string{"default_time_buffer": "0"}, "buffer", "a number of hours"},
		{"a negative duration", map[string]string{"default_time_buffer": "-1h"}, "buffer", "a number of hours"},
		{"words as a time buffer", map[string]string{"default_time_buffer": "two hours"}, "buffer", "a number of hours"},
		{"a time buffer over 30 days", map[string]string{"default_time_buffer": "721"}, "buffer", "at most 30 days"},
		{"a field id with a space", map[string]string{"cf_affected_service": "36 x"}, "cf_affected_service", "positive whole number"},
		{"a negative field id", map[string]string{"cf_severity": "-4"}, "cf_severity", "positive whole number"},
		{"an unknown template variable", map[string]string{"public_reply_template": "Hi {{name}}"}, "tpl", "The template uses &#34;{{name}}&#34;"},
		{"an unterminated template variable", map[string]string{"public_reply_template": "Hi {{requesterName"}, "tpl", "without a closing"},
		{"an unknown timezone", map[string]string{"timezone": "Mars/Olympus_Mons"}, "timezone", "IANA time zone name"},
		{"a zero rate limit", map[string]string{"rate_limit_per_minute": "0"}, "rate", "from 1 to 100000"},
		{"words as a rate limit", map[string]string{"rate_limit_per_minute": "lots"}, "rate", "from 1 to 100000"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := ts.request(t, "POST", "/bindings/zendesk/acme/configure", configureValues(ts.csrf(t), c.over), ts.loggedIn(t))
			if resp.StatusCode != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", resp.StatusCode)
			}
			id := fmt.Sprintf(`id="%s-err">`, c.field)
			i := strings.Index(body, id)
			if i < 0 || !strings.Contains(body[i:min(len(body), i+300)], c.msg) {
				t.Errorf("no error %q at #%s-err:\n%s", c.msg, c.field, body)
			}
			if !strings.Contains(body, "nothing was saved") {
				t.Errorf("the page does not say nothing was saved")
			}
		})
	}
	if n := len(ts.reloader.updates); n != 0 {
		t.Fatalf("invalid forms reached the reloader %d times: %v", n, ts.reloader.updates)
	}
}

func TestConfigure_savesOnlyChangedSettings(t *testing.T) {
	str := func(v string) *string { return &v }
	fifty := 50
	cases := []struct {
		name string
		over map[string]string
		want *config.BindingEdit // nil: nothing is saved
	}{
		{"nothing changed", nil, nil},
		{"CRLF line ends of the textarea are not a change", map[string]string{"public_reply_template": strings.ReplaceAll(defaultTpl(), "\n", "\r\n")}, nil},
		{"the posting mode", map[string]string{"posting_mode": "both"}, &config.BindingEdit{PostingMode: str("both")}},
		{"a time buffer in minutes", map[string]string{"default_time_buffer": "90m"}, &config.BindingEdit{DefaultTimeBuffer: str("90m")}},
		{"the same time buffer written as a duration", map[string]string{"default_time_buffer": "2h"}, nil},
		{"a new field id, the others kept", map[string]string{"cf_analysis_url": "0042"},
			&config.BindingEdit{CustomFields: map[string]string{"severity": "360001", "analysis_url": "42"}}},
		{"every field id cleared removes the block", map[string]string{"cf_severity": ""}, &config.BindingEdit{CustomFields: map[string]string{}}},
		{"a template", map[string]string{"public_reply_template": "Hello {{ requesterName }}\n"}, &config.BindingEdit{PublicReplyTemplate: str("Hello {{ requesterName }}\n")}},
		{"a timezone", map[string]string{"timezone": "Europe/Berlin"}, &config.BindingEdit{Timezone: str("Europe/Berlin")}},
		{"the default timezone written out", map[string]string{"timezone": "UTC"}, nil},
		{"a rate limit", map[string]string{"rate_limit_per_minute": "50"}, &config.BindingEdit{RateLimitPerMinute: &fifty}},
		{"the default rate limit written out", map[string]string{"rate_limit_per_minute": "100"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := newTestServer(t)
			resp, body := ts.request(t, "POST", "/bindings/zendesk/acme/configure", configureValues(ts.csrf(t), c.over), ts.loggedIn(t))
			if resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("status %d, want 303: %s", resp.StatusCode, body)
			}
			if c.want == nil {
				if len(ts.reloader.updates) != 0 {
					t.Fatalf("saved %v, want nothing", ts.reloader.updates)
				}
				return
			}
			if len(ts.reloader.updates) != 1 {
				t.Fatalf("%d updates, want 1", len(ts.reloader.updates))
			}
			if got := ts.reloader.updates[0]; !reflect.DeepEqual(got, *c.want) {
				t.Errorf("saved %v, want %v", got.Names(), c.want.Names())
			}
			if loc := resp.Header.Get("Location"); loc != "/bindings/zendesk/acme?saved=1" {
				t.Errorf("went to %q", loc)
			}
		})
	}
}

func defaultTpl() string { return configureValues("", nil).Get("public_reply_template") }

func TestConfigure_showsTheGatewaysRefusalAndKeepsTheForm(t *testing.T) {
	ts := newTestServer(t)
	ts.reloader.err = fmt.Errorf("update binding zendesk/acme: %w; the running config stays:\n/cfg/bindings/acme.hcl:3:3: error: Plugin unavailable", config.ErrRefused)
	resp, body := ts.request(t, "POST", "/bindings/zendesk/acme/configure", configureValues(ts.csrf(t), map[string]string{"posting_mode": "public"}), ts.loggedIn(t))
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", resp.StatusCode)
	}
	for _, want := range []string{"The configuration was not changed.", "/cfg/bindings/acme.hcl:3:3", `<option value="public" selected>`} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q:\n%s", want, body)
		}
	}
}

func TestConfigure_previewRendersTheTemplateWithoutSaving(t *testing.T) {
	ts := newTestServer(t)
	form := configureValues(ts.csrf(t), map[string]string{"action": "preview", "public_reply_template": "Hi {{requesterName}}, #{{ticketId}} is {{severity}} <b>"})
	resp, body := ts.request(t, "POST", "/bindings/zendesk/acme/configure", form, ts.loggedIn(t))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if !strings.Contains(body, `<pre id="preview" aria-live="polite">Hi Dana Requester, #12345 is high &lt;b&gt;</pre>`) {
		t.Errorf("preview missing or not escaped:\n%s", body)
	}
	if len(ts.reloader.updates) != 0 {
		t.Errorf("preview saved: %v", ts.reloader.updates)
	}
}

func TestAPIReload_answers422WithTheProblemWhenRefused(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want int
		body string
	}{
		{"a valid config", nil, 200, `"reloaded": true`},
		{"a refused config", fmt.Errorf("reload: %w:\nbindings/acme.hcl:4:18: error: Invalid value", config.ErrRefused), 422, "acme.hcl:4:18"},
		{"an I/O failure", errors.New("read config: permission denied"), 500, "permission denied"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ts := newTestServer(t)
			ts.reloader.err = c.err
			resp, body := ts.request(t, "POST", "/api/reload", nil, map[string]string{"Authorization": "Bearer " + testToken})
			if resp.StatusCode != c.want || !strings.Contains(body, c.body) {
				t.Fatalf("status %d body %s, want %d with %q", resp.StatusCode, body, c.want, c.body)
			}
		})
	}
	ts := newTestServer(t)
	if resp, _ := ts.request(t, "POST", "/api/reload", nil, ts.loggedIn(t)); resp.StatusCode != 403 {
		t.Errorf("reload with only the login cookie: %d, want 403", resp.StatusCode)
	}
	if resp, _ := ts.request(t, "POST", "/api/reload", nil, nil); resp.StatusCode != 401 || ts.reloader.reloads != 0 {
		t.Errorf("reload without a token: %d, reloads %d", resp.StatusCode, ts.reloader.reloads)
	}
}
