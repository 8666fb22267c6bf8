package assess

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/analysis"
	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/logs/logsource"
	"github.com/sigsentry/deskgate/gateway/triage"
	"github.com/sigsentry/deskgate/sdk"
)

// Assessor triages tickets and analyses logs for the bindings of the running
// config: one triager per binding (its settings differ) over its project's
// log sources. It is safe for concurrent use.
type Assessor struct {
	config func() *config.Config
	log    hclog.Logger

	mu       sync.Mutex
	built    *config.Config // the config the cache was built from
	triagers map[string]*triage.Triager
	projects map[string]triage.Project
	redacts  map[string]func(string) string // by project; nil when masking is off
}

// New returns an Assessor reading the config through current, which may
// return a new config after a reload.
func New(current func() *config.Config, log hclog.Logger) *Assessor {
	if log == nil {
		log = hclog.NewNullLogger()
	}
	return &Assessor{config: current, log: log}
}

// forBinding returns the binding's triager, project and redaction,
// rebuilding the cache when the config was reloaded.
func (a *Assessor) forBinding(bc *config.Binding) (*triage.Triager, triage.Project, func(string) string, error) {
	cfg := a.config()
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.built != cfg {
		a.built, a.triagers, a.projects = cfg, map[string]*triage.Triager{}, map[string]triage.Project{}
		a.redacts = map[string]func(string) string{}
	}
	if t, ok := a.triagers[bc.Key()]; ok {
		return t, a.projects[bc.Project], a.redacts[bc.Project], nil
	}
	p, ok := a.projects[bc.Project]
	if !ok {
		pc := cfg.Projects[bc.Project]
		if pc == nil {
			return nil, triage.Project{}, nil, fmt.Errorf("binding %s names unknown project %q", bc.Key(), bc.Project)
		}
		var err error
		if p, err = Project(pc, a.log); err != nil {
			return nil, triage.Project{}, nil, err
		}
		if a.redacts[bc.Project], err = Redaction(pc); err != nil {
			return nil, triage.Project{}, nil, err
		}
		a.projects[bc.Project] = p
	}
	t := triage.New(p, Settings(bc, a.log))
	a.triagers[bc.Key()] = t
	return t, p, a.redacts[bc.Project], nil
}

// Project converts a project block for triage and analysis: its log
// sources of every kind become one union (a service's lines are the union
// of its lines in every source). log (may be nil) gets the sources' named
// loggers.
func Project(pc *config.Project, log hclog.Logger) (triage.Project, error) {
	p := triage.Project{Name: pc.Name}
	for _, name := range pc.Services {
		s := triage.Service{Name: name}
		if sc := pc.Service[name]; sc != nil {
			s.Aliases, s.Core = sc.Aliases, sc.Core
		}
		p.Services = append(p.Services, s)
	}
	u, err := logsource.NewProject(pc, log)
	if err != nil {
		return p, err
	}
	if len(u.Members()) > 0 {
		p.Sources = []logs.Querier{u}
	}
	for _, r := range pc.Triage {
		p.Rules = append(p.Rules, triage.Rule{Keywords: r.Keywords, Floor: r.Floor, Ceiling: r.Ceiling})
	}
	return p, nil
}

// Redaction is the project's masking of what an analysis quotes: the
// built-in rules plus its mask_fields and mask_patterns, or nil when it set
// mask_samples = false.
func Redaction(pc *config.Project) (func(string) string, error) {
	if pc == nil {
		return logs.DefaultRedactor().Redact, nil
	}
	if !pc.MaskSamples {
		return nil, nil
	}
	r, err := logs.NewRedactor(logs.RedactOptions{Fields: pc.MaskFields, Patterns: pc.MaskPatterns})
	if err != nil {
		return nil, fmt.Errorf("project %s: %w", pc.Name, err)
	}
	return r.Redact, nil
}

// Settings are a binding's triage settings.
func Settings(bc *config.Binding, log hclog.Logger) triage.Settings {
	return triage.Settings{DefaultTimeBuffer: bc.DefaultTimeBuffer, Location: bc.Timezone, Threshold: bc.AutoAnalyzeThreshold, Logger: log}
}

// Ticket is the part of a desk ticket triage reads.
func Ticket(t *sdk.Ticket) triage.Ticket {
	return triage.Ticket{ID: t.ID, Subject: t.Subject, Description: t.Description, Priority: t.Priority,
		RequesterName: t.RequesterName, Tags: t.Tags, CreatedAt: t.CreatedAt, RequesterTimeZone: t.RequesterTimeZone}
}

// Triage judges a desk ticket with its binding's settings against its
// project's logs.
func (a *Assessor) Triage(ctx context.Context, bc *config.Binding, t *sdk.Ticket) (triage.Result, error) {
	tr, _, _, err := a.forBinding(bc)
	if err != nil {
		return triage.Result{}, err
	}
	return tr.Triage(ctx, Ticket(t))
}

// Analyze runs the log analysis of a ticket triage judged severe enough.
func (a *Assessor) Analyze(ctx context.Context, bc *config.Binding, t *sdk.Ticket, r triage.Result) (*Analysis, error) {
	_, p, redact, err := a.forBinding(bc)
	if err != nil {
		return nil, err
	}
	rep, err := analysis.AnalyzeWith(ctx, p, Ticket(t), r, analysis.Options{Redact: redact})
	if err != nil {
		return nil, err
	}
	return &Analysis{Report: rep}, nil
}

// Analysis is a finished log analysis of one ticket.
type Analysis struct {
	Report *analysis.Report
}

// Load rebuilds a stored analysis from its JSON.
func Load(body []byte) (*Analysis, error) {
	var rep analysis.Report
	if err := json.Unmarshal(body, &rep); err != nil {
		return nil, fmt.Errorf("decode stored analysis: %w", err)
	}
	return &Analysis{Report: &rep}, nil
}

// JSON is what is stored and rendered at /analyses/{id}.
func (a *Analysis) JSON() ([]byte, error) { return json.Marshal(a.Report) }
