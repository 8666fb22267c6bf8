package analysis

import (
	"strings"

	"github.com/sigsentry/deskgate/gateway/logs"
)

// Wildcard is the token a template uses where lines of one cluster differ.
const Wildcard = "<*>"

// simThreshold is the share of compared positions two token sequences must
// share to be one template (Drain's st): 0.5 merges "timeout calling
// payments" with "timeout calling search" but not unrelated lines of the
// same length.
const simThreshold = 0.5

// headVariants is how many templates may differ only in their first token
// before that token counts as a variable and they become one (Drain's tree
// sends the first tokens down fixed branches, so "chrome.exe - … close" and
// "firefox.exe - … close" would stay apart forever).
const headVariants = 3

// maxClusters bounds memory per service when a log's lines do not repeat.
const maxClusters = 2000

// cluster is one template with its counts.
type cluster struct {
	id     int // creation order, 1-based; never changes
	tokens []string
	// into is the template this one was merged into (see merge); its
	// counts moved there and lines matching it are counted there.
	into      *cluster
	win, base int
	first     int64 // unix ns of the first window line
	last      int64
	level     string
	status    int
	samples   []string
	// sampleSources names the log source of each sample; sources every
	// source window lines of the template came from.
	sampleSources []string
	sources       []string
	firstToken    string
}

// from notes that a window line of c came from source.
func (c *cluster) from(source string) {
	for _, s := range c.sources {
		if s == source {
			return
		}
	}
	c.sources = append(c.sources, source)
}

func (c *cluster) pattern() string { return strings.Join(c.tokens, " ") }

// live follows merges to the template that now holds c's lines.
func (c *cluster) live() *cluster {
	for c.into != nil {
		c = c.into
	}
	return c
}

// groupKey is the search bucket of a line: its token count, its second
// token and its last token (each Wildcard when it is variable; the last
// token also when it is a path, an address or key=value, and a quantity
// keeps its kind, duration or size). Keying on the last token is Drain's DAG
// version's rule: lines that differ only in a closing word ("… by client
// A." / "… by client B.") are different events. The first token is
// compared within the bucket so that a first token that varies can be
// generalised.
type groupKey struct {
	n      int
	second string
	last   string
}

// miner groups masked messages into templates, Drain-style: lines with the
// same token count, second, last and first token (each unless variable) are
// compared position by position, and a line joins the most similar template
// at or above simThreshold, turning the positions that differ into
// wildcards. Positions that are wildcards or masked in the template do not
// count toward similarity, so an over-general template does not swallow
// every line of its length. Runs of one masked token (a list of ids)
// collapse to one, a quantity with its unit is one token (a duration or a
// size, however written), and headVariants templates that differ only in
// their first token merge. An exact-text cache makes repeated lines cost one map
// lookup.
type miner struct {
	exact    map[string]*cluster
	groups   map[groupKey][]*cluster
	clusters []*cluster // every template ever made, by id
	overflow *cluster
}

func newMiner() *miner {
	return &miner{exact: map[string]*cluster{}, groups: map[groupKey][]*cluster{}}
}

// add files one message and returns its cluster.
func (m *miner) add(msg string) *cluster {
	return m.addMasked(logs.Mask(msg))
}

// addMasked is add of a message whose logs.Mask is masked.
func (m *miner) addMasked(masked string) *cluster {
	if c, ok := m.exact[masked]; ok {
		return c.live()
	}
	toks := minerTokens(masked)
	key := groupKey{n: len(toks)}
	if len(toks) > 1 {
		key.second = anchor(toks[1])
	}
	if len(toks) > 2 {
		key.last = lastAnchor(toks[len(toks)-1])
	}
	head := anchor(toks[0])
	group := m.groups[key]
	var best *cluster
	bestSim, bestWild := -1.0, -1
	for _, c := range group {
		if h := anchor(c.tokens[0]); h != Wildcard && h != head {
			continue
		}
		s, wild := similarity(c.tokens, toks, 0)
		if s > bestSim || s == bestSim && wild > bestWild {
			best, bestSim, bestWild = c, s, wild
		}
	}
	var merged *cluster
	if (best == nil || bestSim < simThreshold) && head != Wildcard {
		merged = m.mergeHeads(key, toks)
	}
	switch {
	case best != nil && bestSim >= simThreshold:
		generalise(best.tokens, toks)
	case merged != nil:
		best = merged
	default:
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

// mergeHeads handles a line that matched no template of its first token:
// when headVariants-1 templates of other first tokens are similar to it
// apart from that token, the first token is a variable, and they become
// one template (the oldest, which keeps its id) with a wildcard there.
// It returns that template, or nil when there are not enough of them.
func (m *miner) mergeHeads(key groupKey, toks []string) *cluster {
	group := m.groups[key]
	var same []*cluster
	for _, c := range group {
		if anchor(c.tokens[0]) == Wildcard {
			continue
		}
		if s, _ := similarity(c.tokens, toks, 1); s == 1 && restConstants(c.tokens, toks) >= 2 {
			same = append(same, c)
		}
	}
	if len(same)+1 < headVariants {
		return nil
	}
	keep := same[0]
	keep.tokens[0] = Wildcard
	generalise(keep.tokens, toks)
	kept := group[:0]
	for _, c := range group {
		if c != keep && contains(same, c) {
			keep.absorb(c)
			continue
		}
		kept = append(kept, c)
	}
	clear(group[len(kept):])
	m.groups[key] = kept
	return keep
}

// absorb moves c's lines and counts into k.
func (k *cluster) absorb(c *cluster) {
	generalise(k.tokens, c.tokens)
	c.into = k
	k.win += c.win
	k.base += c.base
	if c.first != 0 && (k.first == 0 || c.first < k.first) {
		k.first = c.first
	}
	k.last = max(k.last, c.last)
	if k.level == "" {
		k.level = c.level
	}
	if k.status == 0 {
		k.status = c.status
	}
	for i, s := range c.samples {
		if len(k.samples) < maxSamples {
			src := ""
			if i < len(c.sampleSources) {
				src = c.sampleSources[i]
			}
			k.samples = append(k.samples, s)
			k.sampleSources = append(k.sampleSources, src)
		}
	}
	for _, s := range c.sources {
		k.from(s)
	}
	c.win, c.base, c.samples, c.sampleSources, c.sources = 0, 0, nil, nil, nil
}

func contains(cs []*cluster, c *cluster) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// generalise turns the positions where toks differs from tpl into
// wildcards.
func generalise(tpl, toks []string) {
	for i, t := range toks {
		if tpl[i] != t {
			tpl[i] = Wildcard
		}
	}
}

// similarity is the share of tpl's positions from `from` on that hold the
// line's token, counting only positions where tpl has a word of its own:
// wildcards and masked tokens are variables, so they neither make two lines
// alike nor (when the line differs there) apart. A template of variables
// only is similar to every line of its bucket. wild is the number of
// positions skipped, for breaking ties toward the more general template as
// Drain does.
func similarity(tpl, toks []string, from int) (sim float64, wild int) {
	same, compared := 0, 0
	for i := from; i < len(toks); i++ {
		t := tpl[i]
		if t == Wildcard {
			wild++
			compared++ // generalised: not a reason to be alike
			continue
		}
		if pure(t) {
			wild++ // masked alone: says nothing about the line's kind
			continue
		}
		compared++
		if t == toks[i] {
			same++
		}
	}
	if compared == 0 {
		return 1, wild
	}
	return float64(same) / float64(compared), wild
}

// minerTokens splits a masked message into the tokens the miner compares:
// a sign before a placeholder is dropped ("blk_-<num>" is "blk_<num>") and
// a run of one masked token repeated (a list of ids, with or without
// commas) becomes one, so lists of any length share a template.
func minerTokens(text string) []string {
	fields := logs.Tokens(text)
	if len(fields) == 0 {
		return []string{"(empty)"}
	}
	out := make([]string, 0, len(fields))
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		{
			if q := strings.Index(f, `="`); q > 0 && strings.IndexByte(f[q+2:], '"') < 0 {
				// key="a quoted value" is one field, however many words
				j := i + 1
				for j < len(fields) && strings.IndexByte(fields[j], '"') < 0 {
					j++
				}
				if j < len(fields) {
					out = appendToken(out, strings.Join(fields[i:j+1], " "))
					i = j
					continue
				}
			}
		}
		{
			for {
				k := strings.IndexByte(f, ',')
				if k < 0 || k == len(f)-1 {
					break
				}
				out = appendToken(out, f[:k+1])
				f = f[k+1:]
			}
		}
		out = appendToken(out, f)
	}
	return foldQuantities(out)
}

// Placeholders the miner puts in place of a quantity with its unit, so that
// "<1 sec", "2.5 s" and "00:01" are one duration and "403 bytes" and
// "1.2 KB" one size: the same field written in another form then has the
// same token count (Drain's preprocessing masks for sizes and durations).
const (
	maskDuration = "<dur>"
	maskSize     = "<size>"
)

var (
	timeUnits = map[string]bool{"ns": true, "us": true, "µs": true, "ms": true, "s": true, "sec": true, "secs": true,
		"second": true, "seconds": true, "min": true, "mins": true, "minute": true, "minutes": true, "h": true, "hr": true,
		"hrs": true, "hour": true, "hours": true}
	sizeUnits = map[string]bool{"b": true, "byte": true, "bytes": true, "kb": true, "mb": true, "gb": true, "tb": true,
		"kib": true, "mib": true, "gib": true, "tib": true}
)

// foldQuantities replaces a number followed by a unit word ("<num> sec",
// "(<num>.<num> KB)") and a clock duration ("<num>:<num>") with one
// duration or size token, and drops a parenthesised size or duration that
// restates the quantity just before it ("403 bytes (0.39 KB)").
func foldQuantities(toks []string) []string {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if !strings.Contains(t, logs.MaskNum) {
			out = append(out, t)
			continue
		}
		lead, num, trail := splitQuantity(t)
		var q string
		switch {
		case num == "" || !isNumber(num):
		case trail == "" && i+1 < len(toks):
			unit, after := splitTrail(toks[i+1])
			switch {
			case timeUnits[strings.ToLower(unit)]:
				q, trail = maskDuration, after
			case sizeUnits[strings.ToLower(unit)]:
				q, trail = maskSize, after
			}
			if q != "" {
				i++
			}
		case isClock(num):
			q = maskDuration
		}
		if q == "" {
			out = append(out, t)
			continue
		}
		if lead == "(" && strings.HasPrefix(trail, ")") && len(out) > 0 {
			if _, prev, _ := splitQuantity(out[len(out)-1]); prev == maskSize || prev == maskDuration {
				continue // a restatement of the quantity before it
			}
		}
		if lead == "<" || lead == ">" || lead == "~" {
			lead = "" // "<1 sec" is a duration like any other
		}
		out = append(out, lead+q+trail)
	}
	return out
}

// splitQuantity splits a token into leading punctuation, the quantity and
// trailing punctuation.
func splitQuantity(t string) (lead, core, trail string) {
	i := 0
	for i < len(t) && strings.IndexByte("([{<>~", t[i]) >= 0 && !(t[i] == '<' && i+1 < len(t) && isLetter(t[i+1])) {
		i++ // leading punctuation, but not the "<" of a placeholder
	}
	core, trail = splitTrail(t[i:])
	return t[:i], core, trail
}

// splitTrail splits trailing punctuation off a token.
func splitTrail(t string) (core, trail string) {
	j := len(t)
	for j > 0 && strings.IndexByte(")]},;.", t[j-1]) >= 0 {
		j--
	}
	return t[:j], t[j:]
}

// isNumber reports whether core is a masked number: "<num>" or "<num>.<num>".
func isNumber(core string) bool {
	return core == logs.MaskNum || core == logs.MaskNum+"."+logs.MaskNum || isClock(core)
}

// isClock reports whether core is a masked clock duration: "<num>:<num>",
// "<num>:<num>:<num>", optionally with ".<num>" fractions.
func isClock(core string) bool {
	parts := strings.Split(core, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for _, p := range parts {
		if p != logs.MaskNum && p != logs.MaskNum+"."+logs.MaskNum {
			return false
		}
	}
	return true
}

// appendToken appends t, dropping a sign before a placeholder
// ("blk_-<num>" is "blk_<num>") and folding a run of one masked token
// repeated (a list of ids, with or without commas) into one.
func appendToken(out []string, t string) []string {
	if strings.Contains(t, "-<") {
		t = strings.ReplaceAll(t, "-<", "<")
	}
	if strings.Contains(t, "0x") {
		t = maskHexLiterals(t)
	}
	if n := len(out); n > 0 && masked(t) && listItem(out[n-1]) == listItem(t) {
		out[n-1] = t // keep the last form: "a, b, c" ends like "a"
		return out
	}
	return append(out, t)
}

// maskHexLiterals replaces 0x literals ("flags=0x1") that Mask keeps, being
// short, with the hex placeholder.
func maskHexLiterals(t string) string {
	var b strings.Builder
	for i := 0; i < len(t); {
		if t[i] == '0' && i+2 < len(t) && (t[i+1] == 'x' || t[i+1] == 'X') && isHexDigit(t[i+2]) && (i == 0 || !isAlnum(t[i-1])) {
			j := i + 2
			for j < len(t) && isHexDigit(t[j]) {
				j++
			}
			if j == len(t) || !isAlnum(t[j]) {
				b.WriteString(logs.MaskHex)
				i = j
				continue
			}
		}
		b.WriteByte(t[i])
		i++
	}
	return b.String()
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isAlnum(c byte) bool { return isHexDigit(c) || c >= 'g' && c <= 'z' || c >= 'G' && c <= 'Z' }

func listItem(t string) string { return strings.TrimRight(t, ",;") }

// anchor is how a token takes part in bucketing: itself, or Wildcard when
// it is variable (masked, or holding a digit, as in Drain's tree).
func anchor(t string) string {
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= '0' && c <= '9' {
			return Wildcard
		}
	}
	if masked(t) {
		return Wildcard
	}
	return t
}

// lastAnchor is how the last token takes part in bucketing: as anchor,
// and also Wildcard when it names a value rather than a word — a path, an
// address or a key=value pair.
func lastAnchor(t string) string {
	if q := strings.Trim(t, "()[]{},;:.'\""); q == maskDuration || q == maskSize {
		return q // the unit is a word of the template: a duration is not a count
	}
	if strings.ContainsAny(t, "/\\:=@") {
		return Wildcard
	}
	return anchor(t)
}

// placeholders are the tokens Mask and the miner put in place of variables.
var placeholders = []string{Wildcard, maskDuration, maskSize, logs.MaskNum, logs.MaskID, logs.MaskHex, logs.MaskIP, logs.MaskUUID, logs.MaskEmail}

// masked reports whether t holds a placeholder.
func masked(t string) bool {
	for i := strings.IndexByte(t, '<'); i >= 0; {
		for _, p := range placeholders {
			if strings.HasPrefix(t[i:], p) {
				return true
			}
		}
		j := strings.IndexByte(t[i+1:], '<')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
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

// Live is the id that now holds template id's lines: id itself, or the
// template it was merged into when its first token turned out to vary.
func (m *Miner) Live(id int) int {
	if id < 1 || id > len(m.m.clusters) {
		return id
	}
	return m.m.clusters[id-1].live().id
}

// Pattern is the current text of template id, following merges ("" for an
// unknown id): the masked tokens, with Wildcard where its lines differ.
func (m *Miner) Pattern(id int) string {
	if id < 1 || id > len(m.m.clusters) {
		return ""
	}
	return m.m.clusters[id-1].live().pattern()
}

// Len is the number of templates, not counting those merged into others.
func (m *Miner) Len() int {
	n := 0
	for _, c := range m.m.clusters {
		if c.into == nil {
			n++
		}
	}
	return n
}

// restConstants counts positions after the first where tpl and toks hold the same word.
func restConstants(tpl, toks []string) int {
	n := 0
	for i := 1; i < len(toks); i++ {
		if tpl[i] == toks[i] && !masked(tpl[i]) {
			n++
		}
	}
	return n
}

func pure(t string) bool {
	t = strings.Trim(t, "()[]{},;:.'\"")
	for _, p := range placeholders {
		if t == p {
			return true
		}
	}
	return false
}
