package doctor

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/sigsentry/deskgate/gateway/config"
	"github.com/sigsentry/deskgate/gateway/logs"
	"github.com/sigsentry/deskgate/gateway/logs/logsource"
	"github.com/sigsentry/deskgate/sdk"
)

// logSourceTimeout bounds each source's check.
const logSourceTimeout = 20 * time.Second

// logSourceChecks asks every log store of the project for the last hour's
// per-minute counts of all services, and tells from the answer whether it
// is reachable, accepts the credentials and has lines carrying the service
// field; then, over all sources, whether each service of the project has
// lines in the last hour. Files get the last two checks (their
// readability is "log sources readable").
func logSourceChecks(ctx context.Context, p *config.Project, now time.Time) []sdk.CheckResult {
	var out []sdk.CheckResult
	add := func(name string, ok bool, detail, fix string) {
		r := sdk.CheckResult{Name: name, OK: ok, Detail: detail}
		if !ok {
			r.Fix = fix
		}
		out = append(out, r)
	}
	from := now.Add(-time.Hour)
	perService := map[string]map[string]int{} // service → source → lines
	for _, ls := range p.LogSources {
		prefix := fmt.Sprintf("log source %s %q", ls.Type, ls.Name)
		store := ls.Type != config.LogSourceFile && ls.Type != ""
		q, err := logsource.New(ls, nil)
		if err != nil {
			add(prefix+" configured", false, err.Error(), "fix the log_source block ("+where(ls)+")")
			continue
		}
		cctx, cancel := context.WithTimeout(ctx, logSourceTimeout)
		c, _, err := q.Counts(cctx, logs.CountQuery{From: from, To: now})
		cancel()
		kind := logs.KindOf(err)
		if store {
			switch {
			case err == nil, kind == logs.KindAuth, kind == logs.KindBadQuery:
				add(prefix+" reachable", true, "the store answered", "")
			default:
				add(prefix+" reachable", false, err.Error(), "check url/urls, the network path from the gateway and TLS (ca_file); the store must answer its query API")
				continue
			}
			if kind == logs.KindAuth {
				add(prefix+" authenticated", false, err.Error(), "set bearer_token, username + password or api_key (from env()) with read access to the logs")
				continue
			}
			add(prefix+" authenticated", true, "queries accepted", "")
		}
		if err != nil {
			add(prefix+" service field", false, err.Error(), "check the block's index/query/selector and field names ("+where(ls)+")")
			continue
		}
		field := ls.ServiceField
		if field == "" {
			field = "service"
		}
		var seen []string
		for svc := range c.Services {
			if n := c.Sum(svc).Total; n > 0 {
				seen = append(seen, svc)
				if perService[svc] == nil {
					perService[svc] = map[string]int{}
				}
				perService[svc][ls.Name] += n
			}
		}
		sort.Strings(seen)
		if len(seen) == 0 {
			add(prefix+" service field", false, fmt.Sprintf("no line of the last hour carries %q", field),
				"set service_field (service_label for Loki) to the field that names the service, and check that logs arrive")
			continue
		}
		add(prefix+" service field", true, fmt.Sprintf("%q names %d service(s) in the last hour: %s", field, len(seen), cut(seen, 8)), "")
	}
	if len(p.LogSources) == 0 {
		return out
	}
	for _, svc := range p.Services {
		total := 0
		var parts []string
		for _, ls := range p.LogSources {
			n := perService[svc][ls.Name]
			total += n
			parts = append(parts, fmt.Sprintf("%s %d", ls.Name, n))
		}
		add("logs of "+svc+" in the last hour", total > 0, fmt.Sprintf("%d line(s): %s", total, strings.Join(parts, ", ")),
			fmt.Sprintf("check that %s's logs reach a log source of project %s under the service name %q", svc, p.Name, svc))
	}
	return out
}

// cut lists at most n names.
func cut(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:n], ", ") + fmt.Sprintf(" and %d more", len(names)-n)
}

// where is the block's file:line, when known.
func where(ls *config.LogSource) string {
	if ls.DeclRange.Filename == "" {
		return "log_source " + ls.Name
	}
	return fmt.Sprintf("%s:%d", ls.DeclRange.Filename, ls.DeclRange.Start.Line)
}
