package logsource

import (
	"fmt"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/logs/elasticsearch"
	"github.com/sigsentry/deskgate/gateway/logs/loki"
	"github.com/sigsentry/deskgate/gateway/logs/storehttp"
	"github.com/sigsentry/deskgate/gateway/logs/victorialogs"
)

// New builds the source of one log_source block. logger (may be nil) gets
// a child named "logs.<type>.<name>"; credentials never reach it.
func New(ls *config.LogSource, logger hclog.Logger) (logs.Querier, error) {
	if logger == nil {
		logger = hclog.NewNullLogger()
	}
	httpCfg := storehttp.Config{
		Name: ls.Name, URLs: ls.URLs, Headers: ls.Headers,
		BearerToken: ls.BearerToken, Username: ls.Username, Password: ls.Password, APIKey: ls.APIKey,
		CAFile: ls.CAFile, InsecureSkipVerify: ls.InsecureSkipVerify, Timeout: ls.Timeout,
		Logger: logger.Named("logs." + ls.Type + "." + ls.Name),
	}
	fields := logs.Fields{Service: ls.ServiceField, Level: ls.LevelField, Status: ls.StatusField, Time: ls.TimeField, Message: ls.MessageField}
	switch ls.Type {
	case config.LogSourceFile, "":
		f, err := logs.NewFileSource(ls.Name, ls.Paths, ls.Format)
		if err != nil {
			return nil, err
		}
		f.SetMaxLines(ls.MaxLines)
		return f, nil
	case config.LogSourceVictoriaLogs:
		return victorialogs.New(victorialogs.Config{HTTP: httpCfg, Query: ls.Query, Fields: fields, MaxLines: ls.MaxLines})
	case config.LogSourceLoki:
		return loki.New(loki.Config{HTTP: httpCfg, Selector: ls.Selector, Tenant: ls.Tenant, Fields: fields, MaxLines: ls.MaxLines})
	case config.LogSourceElasticsearch:
		return elasticsearch.New(elasticsearch.Config{HTTP: httpCfg, Index: ls.Index, Fields: fields, MaxLines: ls.MaxLines})
	}
	return nil, fmt.Errorf("log source %q: unknown type %q", ls.Name, ls.Type)
}

// NewProject builds every source of a project and their union (a
// service's lines are the union; counts add).
func NewProject(p *config.Project, logger hclog.Logger) (*logs.Union, error) {
	var qs []logs.Querier
	for _, ls := range p.LogSources {
		q, err := New(ls, logger)
		if err != nil {
			return nil, fmt.Errorf("project %q: %w", p.Name, err)
		}
		qs = append(qs, q)
	}
	return logs.NewUnion(qs...), nil
}
