package analysis

import (
	"strings"

	"github.com/sigsentry/deskgate/gateway/logs"
)

// Wildcard is the token a template uses where lines of one cluster differ.
const Wildcard = "<*>"

// simThreshold is the share of positions two token sequences must share to
// be one template (Drain's st; 0.5 merges "timeout calling payments" with
// "timeout calling search" but not unrelated lines of the same length).
const simThreshold = 0.5

// maxClusters bounds memory per service when a log's lines do not repeat.
const maxClusters = 2000

// cluster is one template with its counts.
type cluster struct {
	id         int // creation order, 1-based; never changes
	tokens     []string
	win, base  int
	first      int64 // unix ns of the first window line
	last       int64
	level      string
	status     int
	samples    []string
	firstToken string
}

func (c *cluster) pattern() string { return strings.Join(c.tokens, " ") }

type groupKey struct {
	n     int
	first string
}

// miner groups masked messages into templates, Drain-style: lines with the
// same token count and first token are compared position by position, and a
// line joins the most similar template at or above simThreshold, turning
// the positions that differ into wildcards. An exact-text cache makes
// repeated templates cost one map lookup.
type miner struct {
	exact    map[string]*cluster
	groups   map[groupKey][]*cluster
	clusters []*cluster
	overflow *cluster
}

func newMiner() *miner {
	return &miner{exact: map[string]*cluster{}, groups: map[groupKey][]*cluster{}}
}

// add files one message and returns its cluster.
func (m *miner) add(msg string) *cluster {
	masked := logs.Mask(msg)
	if c, ok := m.exact[masked]; ok {
		return c
	}
	toks := logs.Tokens(masked)
	if len(toks) == 0 {
		toks = []string{"(empty)"}
	}
	key := groupKey{n: len(toks), first: toks[0]}
	if strings.HasPrefix(key.first, "<") {
		key.first = Wildcard // a leading variable must not split a template
	}
	var best *cluster
	bestSim := -1.0
	for _, c := range m.groups[key] {
		if s := similarity(c.tokens, toks); s > bestSim {
			best, bestSim = c, s
		}
	}
	if best != nil && bestSim >= simThreshold {
		for i, t := range toks {
			if best.tokens[i] != t {
				best.tokens[i] = Wildcard
			}
		}
	} else {
		if len(m.clusters) >= maxClusters {
			if m.overflow == nil {
				m.overflow = &cluster{id: len(m.clusters) + 1, tokens: []string{"(other messages)"}}
				m.clusters = append(m.clusters, m.overflow)
			}
			return m.overflow
		}
		best = &cluster{id: len(m.clusters) + 1, tokens: append([]string(nil), toks...)}
		m.groups[key] = append(m.groups[key], best)
		m.clusters = append(m.clusters, best)
	}
	if len(m.exact) < 100000 {
		m.exact[masked] = best
	}
	return best
}

// similarity is the share of positions where the template already has a
// wildcard or the same token.
func similarity(tpl, toks []string) float64 {
	same := 0
	for i, t := range toks {
		if tpl[i] == t || tpl[i] == Wildcard {
			same++
		}
	}
	return float64(same) / float64(len(toks))
}

// Miner is the template miner the analysis runs, for use on its own (the
// `deskgate templates` command, the grouping benchmark). One Miner must not
// be shared between goroutines.
type Miner struct{ m *miner }

// NewMiner returns an empty miner with the analysis's configuration.
func NewMiner() *Miner { return &Miner{m: newMiner()} }

// Add mines one message and returns the id of its template. The id is the
// template's creation order (1, 2, …) and stays the same for the whole run,
// even when later lines generalise the template's text.
func (m *Miner) Add(msg string) int { return m.m.add(msg).id }

// Pattern is the current text of template id ("" for an unknown id): the
// masked tokens, with Wildcard where its lines differ.
func (m *Miner) Pattern(id int) string {
	if id < 1 || id > len(m.m.clusters) {
		return ""
	}
	return m.m.clusters[id-1].pattern()
}

// Len is the number of templates mined so far.
func (m *Miner) Len() int { return len(m.m.clusters) }
