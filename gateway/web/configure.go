package web

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/store"
)

// Reloader applies configuration changes (config.Reloader).
type Reloader interface {
	// Reload re-reads the config files and swaps the running config for
	// them when they are valid; otherwise the running config stays and the
	// error (wrapping config.ErrRefused) names file:line.
	Reload(ctx context.Context) (config.ReloadResult, error)
	// UpdateBinding rewrites the binding's block in its file with edit,
	// validates the whole result, replaces the file and reloads. Nothing is
	// written when the result is refused.
	UpdateBinding(ctx context.Context, platform, name string, edit config.BindingEdit) (config.ReloadResult, error)
}

func (s *Server) apiReload(w http.ResponseWriter, r *http.Request) {
	if s.o.Reloader == nil {
		writeJSON(w, http.StatusNotImplemented, map[string]string{"error": "this gateway cannot reload its config"})
		return
	}
	res, err := s.o.Reloader.Reload(r.Context())
	switch {
	case errors.Is(err, config.ErrRefused):
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
// and returns the settings that differ from the running binding c, ready
// for the Reloader. errs is keyed by input name; the form's field errors
// are filled in too.
func validateConfigure(f *configureForm, c *config.Binding) (edit config.BindingEdit, errs map[string]string) {
	errs = map[string]string{}
	if !contains(config.PostingModes, f.PostingMode) {
		errs["posting_mode"] = "Choose one of " + strings.Join(config.PostingModes, ", ") + "."
	} else if f.PostingMode != c.PostingMode {
		edit.PostingMode = &f.PostingMode
	}
	if !contains(config.Thresholds, f.Threshold) {
		errs["auto_analyze_threshold"] = "Choose one of " + strings.Join(config.Thresholds, ", ") + "."
	} else if f.Threshold != c.AutoAnalyzeThreshold {
		edit.AutoAnalyzeThreshold = &f.Threshold
	}
	if d, msg := parseBuffer(f.TimeBuffer); msg != "" {
		errs["default_time_buffer"] = msg
	} else if d != c.DefaultTimeBuffer {
		edit.DefaultTimeBuffer = &f.TimeBuffer
	}

	// Empty means the default, as when the attribute is left out of the file.
	tz := f.Timezone
	if tz == "" {
		tz = "UTC" // the config's default
	}
	if _, err := time.LoadLocation(tz); err != nil {
		errs["timezone"] = "Use an IANA time zone name, like UTC or Europe/Berlin."
	} else if tz != c.TimezoneName {
		edit.Timezone = &tz
	}
	rl := f.RateLimit
	if rl == "" {
		rl = strconv.Itoa(config.DefaultRateLimitPerMinute)
	}
	if n, err := strconv.Atoi(rl); err != nil || n < 1 || n > 100000 {
		errs["rate_limit_per_minute"] = "A whole number of ticket updates per minute, from 1 to 100000, below the desk's own API limit."
	} else if n != c.RateLimitPerMinute {
		edit.RateLimitPerMinute = &n
	}

	changed, ids := false, map[string]string{}
	for i := range f.Fields {
		in := &f.Fields[i]
		if in.Value != "" {
			id, ok := config.ParseFieldID(in.Value)
			if !ok {
				in.Error = "A field id as the desk names it: " + config.FieldIDHelp + "."
				errs["cf_"+in.Key] = in.Error
				continue
			}
			in.Value = id
			ids[in.Key] = id
		}
		changed = changed || in.Value != c.CustomFields[in.Key]
	}
	if changed {
		edit.CustomFields = ids
	}

	switch tpl := f.Template; {
	case strings.TrimSpace(tpl) == "":
		if c.PublicReplyTemplate != config.DefaultReplyTemplate {
			none := ""
			edit.PublicReplyTemplate = &none
		}
		f.Template = config.DefaultReplyTemplate
	default:
		if diags := config.ValidateTemplate(tpl, hcl.Range{}); diags.HasErrors() {
			errs["public_reply_template"] = diagText(diags)
		} else if tpl != c.PublicReplyTemplate {
			edit.PublicReplyTemplate = &tpl
		}
	}
	return edit, errs
}

// parseBuffer reads default_time_buffer as the config does: a number of
// hours or a Go duration. It returns the duration, or a message when it is
// not acceptable.
func parseBuffer(s string) (time.Duration, string) {
	const help = "Give a number of hours (like 2) or a duration (like 90m), at most 30 days."
	if s == "" {
		return 0, "Required. " + help
	}
	if h, err := strconv.ParseFloat(s, 64); err == nil {
		d := time.Duration(h * float64(time.Hour))
		if !(h > 0) || d > maxTimeBuffer {
			return 0, help
		}
		// What HCL accepts as a number.
		if _, _, err := big.ParseFloat(s, 10, 512, big.ToNearestEven); err != nil {
			return 0, help
		}
		return d, ""
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 || d > maxTimeBuffer {
		return 0, help
	}
	return d, ""
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

func (s *Server) configureView(r *http.Request, key store.BindingKey, f configureForm) (view, *configurePageData) {
	d := &configurePageData{Platform: key.Platform, Name: key.Name, PostingModes: config.PostingModes,
		Thresholds: config.Thresholds, Form: f, Errors: map[string]string{}}
	tpl := f.Template
	if strings.TrimSpace(tpl) == "" {
		tpl = config.DefaultReplyTemplate
	}
	d.Preview = config.RenderTemplate(tpl, previewVars)
	v := s.admin(r, "Configure "+s.displayName(r.Context(), key.Platform)+" "+key.Name, "projects", d)
	v.Crumbs = []crumb{{"Projects", "/"}, {key.String(), "/bindings/" + url.PathEscape(key.Platform) + "/" + url.PathEscape(key.Name)}, {"Configure", ""}}
	return v, d
}

func (s *Server) configurePage(w http.ResponseWriter, r *http.Request) {
	key := bindingKey(r)
	c := s.configured(key)
	if c == nil {
		s.adminPage(w, r, http.StatusNotFound, "Unknown binding", "No binding "+key.String()+" is configured.")
		return
	}
	v, _ := s.configureView(r, key, formFromBinding(c))
	s.render(w, http.StatusOK, "configure", v)
}

func (s *Server) configureForm(w http.ResponseWriter, r *http.Request) {
	key := bindingKey(r)
	c := s.configured(key)
	if c == nil {
		s.adminPage(w, r, http.StatusNotFound, "Unknown binding", "No binding "+key.String()+" is configured.")
		return
	}
	f := formFromRequest(r)
	edit, errs := validateConfigure(&f, c)
	v, d := s.configureView(r, key, f)
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
	if edit.Empty() {
		http.Redirect(w, r, back, http.StatusSeeOther)
		return
	}
	if s.o.Reloader == nil {
		d.Problem = "This gateway cannot change its configuration."
		s.render(w, http.StatusNotImplemented, "configure", v)
		return
	}
	if _, err := s.o.Reloader.UpdateBinding(r.Context(), key.Platform, key.Name, edit); err != nil {
		status := http.StatusUnprocessableEntity
		if !errors.Is(err, config.ErrRefused) {
			status = http.StatusInternalServerError
			s.log.Error("save binding settings", "binding", key.String(), "error", err)
		}
		d.Problem = err.Error()
		s.render(w, status, "configure", v)
		return
	}
	s.log.Info("binding settings saved", "binding", key.String(), "changed", fmt.Sprint(edit.Names()))
	http.Redirect(w, r, back+"?saved=1", http.StatusSeeOther)
}
