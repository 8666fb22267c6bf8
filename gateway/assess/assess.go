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
}

// New returns an Assessor reading the config through current, which may
// return a new config after a reload.
func New(current func() *config.Config, log hclog.Logger) *Assessor {
	if log == nil {
		log = hclog.NewNullLogger()
	}
	return &Assessor{config: current, log: log}
}

// forBinding returns the binding's triager and project, rebuilding the cache
// when the config was reloaded.
func (a *Assessor) forBinding(bc *config.Binding) (*triage.Triager, triage.Project, error) {
	cfg := a.config()
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.built != cfg {
		a.built, a.triagers, a.projects = cfg, map[string]*triage.Triager{}, map[string]triage.Project{}
	}
	if t, ok := a.triagers[bc.Key()]; ok {
		return t, a.projects[bc.Project], nil
	}
	p, ok := a.projects[bc.Project]
	if !ok {
		pc := cfg.Projects[bc.Project]
		if pc == nil {
			return nil, triage.Project{}, fmt.Errorf("binding %s names unknown project %q", bc.Key(), bc.Project)
		}
		var err error
		if p, err = Project(pc, a.log); err != nil {
			return nil, triage.Project{}, err
		}
		a.projects[bc.Project] = p
	}
	t := triage.New(p, Settings(bc, a.log))
	a.triagers[bc.Key()] = t
	return t, p, nil
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

// Settings are a binding's triage settings.
func Settings(bc *config.Binding, log hclog.Logger) triage.Settings {
	return triage.Settings{DefaultTimeBuffer: bc.DefaultTimeBuffer, Location: bc.Timezone, Threshold: bc.AutoAnalyzeThreshold, Logger: log}
}

// Ticket is the part of a desk ticket triage reads.
func Ticket(t *sdk.Ticket) triage.Ticket {
	return triage.Ticket{ID: t.ID, Subject: t.Subject, Description: t.Description, Priority: t.Priority,
		RequesterName: t.RequesterName, Tags: t.Tags, CreatedAt: t.CreatedAt}
}

// Triage judges a desk ticket with its binding's settings against its
// project's logs.
func (a *Assessor) Triage(ctx context.Context, bc *config.Binding, t *sdk.Ticket) (triage.Result, error) {
	tr, _, err := a.forBinding(bc)
	if err != nil {
		return triage.Result{}, err
	}
	return tr.Triage(ctx, Ticket(t))
}

// Analyze runs the log analysis of a ticket triage judged severe enough.
func (a *Assessor) Analyze(ctx context.Context, bc *config.Binding, t *sdk.Ticket, r triage.Result) (*Analysis, error) {
	_, p, err := a.forBinding(bc)
	if err != nil {
		return nil, err
	}
	rep, err := analysis.Analyze(ctx, p, Ticket(t), r)
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
