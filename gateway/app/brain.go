package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/analysis"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/pipeline"
	"github.com/sigsentry/deskgate/gateway/triage"
	"github.com/sigsentry/deskgate/sdk"
)

// brain adapts the config to the triage and analysis packages: one triager
// per binding (its settings differ) over its project's log sources.
type brain struct {
	cfg *atomic.Pointer[config.Config]
	log hclog.Logger

	mu       sync.Mutex
	built    *config.Config // the config the cache was built from
	triagers map[string]*triage.Triager
	projects map[string]triage.Project
}

func newBrain(cfg *atomic.Pointer[config.Config], log hclog.Logger) *brain {
	return &brain{cfg: cfg, log: log}
}

// forBinding returns the binding's triager and project, rebuilding the cache
// when the config was reloaded.
func (b *brain) forBinding(bc *config.Binding) (*triage.Triager, triage.Project, error) {
	cfg := b.cfg.Load()
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.built != cfg {
		b.built, b.triagers, b.projects = cfg, map[string]*triage.Triager{}, map[string]triage.Project{}
	}
	if t, ok := b.triagers[bc.Key()]; ok {
		return t, b.projects[bc.Project], nil
	}
	p, ok := b.projects[bc.Project]
	if !ok {
		pc := cfg.Projects[bc.Project]
		if pc == nil {
			return nil, triage.Project{}, fmt.Errorf("binding %s names unknown project %q", bc.Key(), bc.Project)
		}
		var err error
		if p, err = TriageProject(pc); err != nil {
			return nil, triage.Project{}, err
		}
		b.projects[bc.Project] = p
	}
	t := triage.New(p, Settings(bc, b.log))
	b.triagers[bc.Key()] = t
	return t, p, nil
}

// TriageProject converts a project block for the triage package.
func TriageProject(pc *config.Project) (triage.Project, error) {
	p := triage.Project{Name: pc.Name}
	for _, name := range pc.Services {
		s := triage.Service{Name: name}
		if sc := pc.Service[name]; sc != nil {
			s.Aliases, s.Core = sc.Aliases, sc.Core
		}
		p.Services = append(p.Services, s)
	}
	for _, ls := range pc.LogSources {
		src, err := logs.NewFileSource(ls.Name, ls.Paths, ls.Format)
		if err != nil {
			return p, fmt.Errorf("project %s: log_source %q: %w", pc.Name, ls.Name, err)
		}
		p.Sources = append(p.Sources, src)
	}
	for _, r := range pc.Triage {
		p.Rules = append(p.Rules, triage.Rule{Keywords: r.Keywords, Floor: r.Floor, Ceiling: r.Ceiling})
	}
	return p, nil
}

// Settings are a binding's triage settings.
func Settings(bc *config.Binding, log hclog.Logger) triage.Settings {
	return triage.Settings{DefaultTimeBuffer: bc.DefaultTimeBuffer, Location: bc.Timezone, Threshold: bc.AutoAnalyzeThreshold, Logger: log}
}

// TriageTicket converts a desk ticket for the triage package.
func TriageTicket(t *sdk.Ticket) triage.Ticket {
	return triage.Ticket{ID: t.ID, Subject: t.Subject, Description: t.Description, Priority: t.Priority,
		RequesterName: t.RequesterName, Tags: t.Tags, CreatedAt: t.CreatedAt}
}

func (b *brain) Triage(ctx context.Context, bc *config.Binding, t *sdk.Ticket) (triage.Result, error) {
	tr, _, err := b.forBinding(bc)
	if err != nil {
		return triage.Result{}, err
	}
	return tr.Triage(ctx, TriageTicket(t))
}

func (b *brain) Analyze(ctx context.Context, bc *config.Binding, t *sdk.Ticket, r triage.Result) (pipeline.Analysis, error) {
	_, p, err := b.forBinding(bc)
	if err != nil {
		return nil, err
	}
	rep, err := analysis.Analyze(ctx, p, TriageTicket(t), r)
	if err != nil {
		return nil, err
	}
	return report{rep}, nil
}

func (b *brain) Load(body []byte) (pipeline.Analysis, error) {
	var rep analysis.Report
	if err := json.Unmarshal(body, &rep); err != nil {
		return nil, fmt.Errorf("decode stored analysis: %w", err)
	}
	return report{&rep}, nil
}

// RenderAnalysis serves /analyses/{id}.
func (b *brain) RenderAnalysis(w http.ResponseWriter, body []byte) error {
	var rep analysis.Report
	if err := json.Unmarshal(body, &rep); err != nil {
		http.Error(w, "stored analysis is unreadable", http.StatusInternalServerError)
		return fmt.Errorf("decode stored analysis: %w", err)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	return analysis.RenderPage(w, &rep)
}

// report adapts *analysis.Report to pipeline.Analysis.
type report struct{ r *analysis.Report }

func (r report) JSON() ([]byte, error)          { return json.Marshal(r.r) }
func (r report) NoteHTML(pageURL string) string { return analysis.NoteHTML(r.r, pageURL) }

// DryRunTriage is `deskgate triage`: it triages one ticket given as JSON
// against a binding's project logs and returns the result as JSON, plus a
// human-readable account when explain is set. No desk is called.
func DryRunTriage(ctx context.Context, cfg *config.Config, platform, name string, ticketJSON []byte, explain bool) ([]byte, string, error) {
	bc := cfg.Binding(platform, name)
	if bc == nil {
		return nil, "", fmt.Errorf("no binding %s/%s in %s", platform, name, cfg.Path)
	}
	tk, err := ParseTicketJSON(ticketJSON)
	if err != nil {
		return nil, "", err
	}
	if tk.CreatedAt.IsZero() {
		tk.CreatedAt = time.Now().UTC()
	}
	p, err := TriageProject(cfg.Projects[bc.Project])
	if err != nil {
		return nil, "", err
	}
	t := triage.New(p, Settings(bc, hclog.NewNullLogger()))
	var res triage.Result
	var account string
	if explain {
		res, account, err = t.Explain(ctx, tk)
	} else {
		res, err = t.Triage(ctx, tk)
	}
	if err != nil {
		return nil, "", err
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false) // reasons quote ticket words: keep <, > and & readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		return nil, "", err
	}
	return bytes.TrimRight(out.Bytes(), "\n"), account, nil
}

// ParseTicketJSON reads a ticket in the `deskgate triage` stdin shape. The id
// may be a number (as desks send it) or a string.
func ParseTicketJSON(b []byte) (triage.Ticket, error) {
	var in struct {
		ID            json.RawMessage `json:"id"`
		Subject       string          `json:"subject"`
		Description   string          `json:"description"`
		Priority      string          `json:"priority"`
		RequesterName string          `json:"requester_name"`
		Tags          []string        `json:"tags"`
		CreatedAt     time.Time       `json:"created_at"`
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return triage.Ticket{}, fmt.Errorf("ticket JSON: %w (want {\"id\",\"subject\",\"description\",\"priority\",\"requester_name\",\"tags\",\"created_at\"})", err)
	}
	id := strings.Trim(string(in.ID), `"`)
	switch in.Priority {
	case "", "urgent", "high", "normal", "low":
	default:
		return triage.Ticket{}, fmt.Errorf("ticket JSON: priority %q: want urgent, high, normal or low", in.Priority)
	}
	return triage.Ticket{ID: id, Subject: in.Subject, Description: in.Description, Priority: in.Priority,
		RequesterName: in.RequesterName, Tags: in.Tags, CreatedAt: in.CreatedAt}, nil
}
