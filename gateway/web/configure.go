package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/store"
)

// Reloader applies configuration changes. The gateway (gateway/app)
// implements it: it owns the config files and the running config.
type Reloader interface {
	// Reload re-reads the config files and swaps the running config for
	// them when they are valid; otherwise the running config stays and the
	// error (wrapping ErrRefused) names file:line.
	Reload(ctx context.Context) (ReloadResult, error)
	// UpdateBinding rewrites the binding's block in its file with set (as
	// config.RewriteBinding does), validates the whole result, replaces the
	// file and reloads. Nothing is written when the result is refused.
	UpdateBinding(ctx context.Context, key store.BindingKey, set map[string]cty.Value) (ReloadResult, error)
}

// ReloadResult is what a successful reload reports.
type ReloadResult struct {
	Bindings int      `json:"bindings"`
	Warnings []string `json:"warnings,omitempty"`
}

// ErrRefused marks a reload refused because of the configuration itself
// (invalid, or a change that needs a restart), as opposed to an I/O error.
var ErrRefused = errors.New("configuration refused")

func (s *Server) apiReload(w http.ResponseWriter, r *http.Request) {
	if s.o.Reloader == nil {
		writeJSON(w, http.StatusNotImplemented, map[string]string{"error": "this gateway cannot reload its config"})
		return
	}
	res, err := s.o.Reloader.Reload(r.Context())
	switch {
	case errors.Is(err, ErrRefused):
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": err.Error(), "hint": "the running config is unchanged"})
	case err != nil:
		s.log.Error("reload", "error", err)
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": err.Error(), "hint": "the running config is unchanged"})
	default:
		writeJSON(w, http.StatusOK, map[string]any{"reloaded": true, "bindings": res.Bindings, "warnings": res.Warnings})
	}
}

// previewVars are the sample values the template preview uses.
var previewVars = config.TemplateVars{RequesterName: "Dana Requester", TicketID: "12345", Severity: "high"}

var fieldLabels = map[string]string{
	config.FieldSeverity:        "Severity field id",
	config.FieldAffectedService: "Affected service field id",
	config.FieldAnalysisURL:     "Analysis URL field id",
}

type fieldInput struct{ Key, Label, Value, Error string }

// configureForm is the Configure form as typed.
type configureForm struct {
	PostingMode, Threshold, TimeBuffer, Template string
	Timezone, RateLimit                          string
	Fields                                       []fieldInput
}

type configurePageData struct {
	Platform, Name           string
	PostingModes, Thresholds []string
	Form                     configureForm
	Errors                   map[string]string // by input name
	Preview                  string
	Problem                  string // why a save was refused by the gateway
}

func formFromBinding(c *config.Binding) configureForm {
	f := configureForm{PostingMode: c.PostingMode, Threshold: c.AutoAnalyzeThreshold,
		TimeBuffer: fmtBuffer(c.DefaultTimeBuffer), Template: c.PublicReplyTemplate,
		Timezone: c.TimezoneName, RateLimit: strconv.Itoa(c.RateLimitPerMinute)}
	for _, k := range config.CustomFieldKeys {
		f.Fields = append(f.Fields, fieldInput{Key: k, Label: fieldLabels[k], Value: c.CustomFields[k]})
	}
	return f
}

// fmtBuffer shows whole hours as a number, as the config file writes them.
func fmtBuffer(d time.Duration) string {
	if d > 0 && d%time.Hour == 0 {
		return strconv.FormatInt(int64(d/time.Hour), 10)
	}
	return fmtDuration(d)
}

func formFromRequest(r *http.Request) configureForm {
	f := configureForm{
		PostingMode: strings.TrimSpace(r.PostFormValue("posting_mode")),
		Threshold:   strings.TrimSpace(r.PostFormValue("auto_analyze_threshold")),
		TimeBuffer:  strings.TrimSpace(r.PostFormValue("default_time_buffer")),
		Timezone:    strings.TrimSpace(r.PostFormValue("timezone")),
		RateLimit:   strings.TrimSpace(r.PostFormValue("rate_limit_per_minute")),
		// Browsers send textarea lines with CRLF; the file keeps LF.
		Template: strings.ReplaceAll(r.PostFormValue("public_reply_template"), "\r\n", "\n"),
	}
	for _, k := range config.CustomFieldKeys {
		f.Fields = append(f.Fields, fieldInput{Key: k, Label: fieldLabels[k], Value: strings.TrimSpace(r.PostFormValue("cf_" + k))})
	}
	return f
}

// maxTimeBuffer bounds default_time_buffer: reading months of logs for one
// ticket is a typo, not a setting.
const maxTimeBuffer = 30 * 24 * time.Hour

// validateConfigure checks the form against the rules config.Load applies
// and returns the attributes that differ from the running binding c, ready
// for config.RewriteBinding. errs is keyed by input name; the form's field
// errors are filled in too.
func validateConfigure(f *configureForm, c *config.Binding) (set map[string]cty.Value, errs map[string]string) {
	set, errs = map[string]cty.Value{}, map[string]string{}
	if !contains(config.PostingModes, f.PostingMode) {
		errs["posting_mode"] = "Choose one of " + strings.Join(config.PostingModes, ", ") + "."
	} else if f.PostingMode != c.PostingMode {
		set["posting_mode"] = cty.StringVal(f.PostingMode)
	}
	if !contains(config.Thresholds, f.Threshold) {
		errs["auto_analyze_threshold"] = "Choose one of " + strings.Join(config.Thresholds, ", ") + "."
	} else if f.Threshold != c.AutoAnalyzeThreshold {
		set["auto_analyze_threshold"] = cty.StringVal(f.Threshold)
	}
	if d, v, msg := parseBuffer(f.TimeBuffer); msg != "" {
		errs["default_time_buffer"] = msg
	} else if d != c.DefaultTimeBuffer {
		set["default_time_buffer"] = v
	}

	// Empty means the default, as when the attribute is left out of the file.
	tz := f.Timezone
	if tz == "" {
		tz = "UTC" // the config's default
	}
	if _, err := time.LoadLocation(tz); err != nil {
		errs["timezone"] = "Use an IANA time zone name, like UTC or Europe/Berlin."
	} else if tz != c.TimezoneName {
		set["timezone"] = cty.StringVal(tz)
	}
	rl := f.RateLimit
	if rl == "" {
		rl = strconv.Itoa(config.DefaultRateLimitPerMinute)
	}
	if n, err := strconv.Atoi(rl); err != nil || n < 1 || n > 100000 {
		errs["rate_limit_per_minute"] = "A whole number of ticket updates per minute, from 1 to 100000 (Zendesk allows 100 by default)."
	} else if n != c.RateLimitPerMinute {
		set["rate_limit_per_minute"] = cty.NumberIntVal(int64(n))
	}

	changed, fields, allEmpty := false, map[string]cty.Value{}, true
	for i := range f.Fields {
		in := &f.Fields[i]
		fields[in.Key] = cty.NullVal(cty.Number)
		if in.Value != "" {
			n, err := strconv.ParseInt(in.Value, 10, 64)
			if err != nil || n <= 0 {
				in.Error = "A field id is a positive whole number, like 360001234567."
				errs["cf_"+in.Key] = in.Error
				continue
			}
			in.Value = strconv.FormatInt(n, 10)
			fields[in.Key] = cty.NumberIntVal(n)
			allEmpty = false
		}
		changed = changed || in.Value != c.CustomFields[in.Key]
	}
	if changed {
		if allEmpty {
			set["custom_fields"] = cty.NullVal(cty.DynamicPseudoType)
		} else {
			set["custom_fields"] = cty.ObjectVal(fields)
		}
	}

	switch tpl := f.Template; {
	case strings.TrimSpace(tpl) == "":
		if c.PublicReplyTemplate != config.DefaultReplyTemplate {
			set["public_reply_template"] = cty.NullVal(cty.String)
		}
		f.Template = config.DefaultReplyTemplate
	default:
		if diags := config.ValidateTemplate(tpl, hcl.Range{}); diags.HasErrors() {
			errs["public_reply_template"] = diagText(diags)
		} else if tpl != c.PublicReplyTemplate {
			set["public_reply_template"] = cty.StringVal(tpl)
		}
	}
	return set, errs
}

// parseBuffer reads default_time_buffer as the config does: a number of
// hours or a Go duration. It returns the duration, the value to write and
// a message when it is not acceptable.
func parseBuffer(s string) (time.Duration, cty.Value, string) {
	const help = "Give a number of hours (like 2) or a duration (like 90m), at most 30 days."
	if s == "" {
		return 0, cty.NilVal, "Required. " + help
	}
	if h, err := strconv.ParseFloat(s, 64); err == nil {
		d := time.Duration(h * float64(time.Hour))
		if !(h > 0) || d > maxTimeBuffer {
			return 0, cty.NilVal, help
		}
		v, err := cty.ParseNumberVal(s)
		if err != nil {
			return 0, cty.NilVal, help
		}
		return d, v, ""
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 || d > maxTimeBuffer {
		return 0, cty.NilVal, help
	}
	return d, cty.StringVal(s), ""
}

func diagText(diags hcl.Diagnostics) string {
	var parts []string
	for _, d := range diags {
		parts = append(parts, strings.TrimSuffix(d.Detail, "."))
	}
	return strings.Join(parts, "; ") + "."
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func (s *Server) configureView(key store.BindingKey, f configureForm) (view, *configurePageData) {
	d := &configurePageData{Platform: key.Platform, Name: key.Name, PostingModes: config.PostingModes,
		Thresholds: config.Thresholds, Form: f, Errors: map[string]string{}}
	tpl := f.Template
	if strings.TrimSpace(tpl) == "" {
		tpl = config.DefaultReplyTemplate
	}
	d.Preview = config.RenderTemplate(tpl, previewVars)
	v := s.admin("Configure "+platformName(key.Platform)+" "+key.Name, "projects", d)
	v.Crumbs = []crumb{{"Projects", "/"}, {key.String(), "/bindings/" + url.PathEscape(key.Platform) + "/" + url.PathEscape(key.Name)}, {"Configure", ""}}
	return v, d
}

func (s *Server) configurePage(w http.ResponseWriter, r *http.Request) {
	key := bindingKey(r)
	c := s.configured(key)
	if c == nil {
		s.adminPage(w, http.StatusNotFound, "Unknown binding", "No binding "+key.String()+" is configured.")
		return
	}
	v, _ := s.configureView(key, formFromBinding(c))
	s.render(w, http.StatusOK, "configure", v)
}

func (s *Server) configureForm(w http.ResponseWriter, r *http.Request) {
	key := bindingKey(r)
	c := s.configured(key)
	if c == nil {
		s.adminPage(w, http.StatusNotFound, "Unknown binding", "No binding "+key.String()+" is configured.")
		return
	}
	f := formFromRequest(r)
	set, errs := validateConfigure(&f, c)
	v, d := s.configureView(key, f)
	d.Errors = errs
	if r.PostFormValue("action") != "save" {
		s.render(w, http.StatusOK, "configure", v)
		return
	}
	if len(errs) > 0 {
		s.render(w, http.StatusUnprocessableEntity, "configure", v)
		return
	}
	back := "/bindings/" + url.PathEscape(key.Platform) + "/" + url.PathEscape(key.Name)
	if len(set) == 0 {
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	if s.o.Reloader == nil {
		d.Problem = "This gateway cannot change its configuration."
		s.render(w, http.StatusNotImplemented, "configure", v)
		return
	}
	if _, err := s.o.Reloader.UpdateBinding(r.Context(), key, set); err != nil {
		status := http.StatusUnprocessableEntity
		if !errors.Is(err, ErrRefused) {
			status = http.StatusInternalServerError
			s.log.Error("save binding settings", "binding", key.String(), "error", err)
		}
		d.Problem = err.Error()
		s.render(w, status, "configure", v)
		return
	}
	s.log.Info("binding settings saved", "binding", key.String(), "changed", fmt.Sprint(sortedSetKeys(set)))
	http.Redirect(w, r, back+"?saved=1", http.StatusSeeOther)
}

func sortedSetKeys(m map[string]cty.Value) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
