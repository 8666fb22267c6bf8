package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"
	"github.com/redis/go-redis/v9"

	"github.com/sigsentry/deskgate/internal/redisopt"
	"github.com/sigsentry/deskgate/sdk"
)

// DefaultRedisPrefix is the key prefix when RedisOptions.KeyPrefix is empty.
const DefaultRedisPrefix = "deskgate:"

// StageTTL is how long a ticket's stage records live in Redis after its last
// stage was marked. A redelivery older than this would run the ticket's
// stages again; desks stop redelivering long before.
const StageTTL = 30 * 24 * time.Hour

// oauthStateGrace keeps an OAuth state key in Redis a while past its
// expiry, so that a clock difference between replicas and Redis never makes
// a state vanish before TakeOAuthState has judged it against its own now.
const oauthStateGrace = 15 * time.Minute

// Sealer encrypts secrets before they reach Redis; *Box satisfies it. The
// associated data names where a value is stored ("token:helpdesk/acme"), so a
// sealed value copied to another key does not open.
type Sealer interface {
	Seal(plaintext, aad []byte) ([]byte, error)
	Open(sealed, aad []byte) ([]byte, error)
}

// RedisOptions configure OpenRedis.
type RedisOptions struct {
	// URL is a redis:// or rediss:// (TLS) URL; user, password and DB number
	// are read from it (redis.ParseURL).
	URL string
	// KeyPrefix is put before every key, so deployments can share one Redis.
	// Default DefaultRedisPrefix.
	KeyPrefix string
	// Box seals tokens, install state and OAuth states. Required.
	Box    Sealer
	Logger hclog.Logger
	// Now is the clock for times the store assigns (audit entries without a
	// Time, UpdatedAt); nil means time.Now.
	Now func() time.Time
}

// Redis is the Store on a Redis shared by several gateway replicas.
type Redis struct {
	c      *redis.Client
	prefix string
	box    Sealer
	log    hclog.Logger
	now    func() time.Time
}

var _ Store = (*Redis)(nil)

// OpenRedis connects to Redis and checks that it answers.
func OpenRedis(ctx context.Context, opts RedisOptions) (*Redis, error) {
	if opts.Box == nil {
		return nil, errors.New("open redis store: a Box is required to seal secrets")
	}
	ro, err := RedisClientOptions(opts.URL)
	if err != nil {
		return nil, fmt.Errorf("open redis store: %w", err)
	}
	r := &Redis{
		c:      redis.NewClient(ro),
		prefix: opts.KeyPrefix,
		box:    opts.Box,
		log:    opts.Logger,
		now:    opts.Now,
	}
	if r.prefix == "" {
		r.prefix = DefaultRedisPrefix
	}
	if r.log == nil {
		r.log = hclog.NewNullLogger()
	}
	r.log = r.log.Named("store.redis")
	if r.now == nil {
		r.now = time.Now
	}
	if err := r.Ping(ctx); err != nil {
		r.c.Close()
		return nil, fmt.Errorf("open redis store: %w", err)
	}
	return r, nil
}

// RedisClientOptions parses a redis:// or rediss:// URL and sets short
// timeouts, so that an unreachable Redis fails a request within a few
// seconds (the ingress answers 503) instead of hanging it. Timeouts given as
// URL query parameters (dial_timeout=…) win.
func RedisClientOptions(url string) (*redis.Options, error) { return redisopt.ClientOptions(url) }

// Client is the underlying Redis client, for tests and metrics hooks.
func (r *Redis) Client() *redis.Client { return r.c }

// Ping reports whether Redis answers.
func (r *Redis) Ping(ctx context.Context) error {
	if err := r.c.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("ping redis: %w", err)
	}
	return nil
}

// Close closes the connections.
func (r *Redis) Close() error { return r.c.Close() }

// keyEscaper keeps ":" the only separator in a key, so parts taken from
// binding names, ticket ids or lock names can never run into each other
// ("a:b" + "c" and "a" + "b:c" stay distinct keys).
var keyEscaper = strings.NewReplacer("%", "%25", ":", "%3A")

func (r *Redis) key(parts ...string) string {
	var b strings.Builder
	b.WriteString(r.prefix)
	for i, p := range parts {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(keyEscaper.Replace(p))
	}
	return b.String()
}

func (r *Redis) bindingsKey() string            { return r.key("bindings") }
func (r *Redis) bindingKey(k BindingKey) string { return r.key("binding", k.String()) }
func (r *Redis) tokenKey(k BindingKey) string   { return r.key("token", k.String()) }
func (r *Redis) stagesKey(k BindingKey, ticket string) string {
	return r.key("stages", k.String(), ticket)
}
func (r *Redis) oauthKey(state string) string    { return r.key("oauth", state) }
func (r *Redis) analysisKey(id string) string    { return r.key("analysis", id) }
func (r *Redis) auditSeqKey() string             { return r.key("audit", "seq") }
func (r *Redis) auditEntriesKey() string         { return r.key("audit", "entries") }
func (r *Redis) auditAllKey() string             { return r.key("audit", "idx") }
func (r *Redis) auditPmaxKey() string            { return r.key("audit", "pmax") }
func (r *Redis) auditLateKey() string            { return r.key("audit", "late") }
func (r *Redis) auditBindingKey(b string) string { return r.key("audit", "idx", "b", b) }
func (r *Redis) auditTicketKey(t string) string  { return r.key("audit", "idx", "t", t) }

func fmtTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.FormatInt(t.UnixNano(), 10)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse stored time %q: %w", s, err)
	}
	return time.Unix(0, n).UTC(), nil
}

// --- bindings ---

func (r *Redis) GetBinding(ctx context.Context, key BindingKey) (Binding, error) {
	m, err := r.c.HGetAll(ctx, r.bindingKey(key)).Result()
	if err != nil {
		return Binding{}, fmt.Errorf("get binding %s: %w", key, err)
	}
	return r.bindingFromHash(key, m)
}

// bindingFromHash is a binding's hash as read by HGETALL decoded, an empty
// one (no such key) ErrNotFound.
func (r *Redis) bindingFromHash(key BindingKey, m map[string]string) (Binding, error) {
	if len(m) == 0 {
		return Binding{}, fmt.Errorf("get binding %s: %w", key, ErrNotFound)
	}
	b, err := r.decodeBinding(key, m)
	if err != nil {
		return Binding{}, fmt.Errorf("get binding %s: %w", key, err)
	}
	return b, nil
}

func (r *Redis) decodeBinding(key BindingKey, m map[string]string) (Binding, error) {
	b := Binding{Key: key, Status: Status(m["status"]), LastError: m["last_error"]}
	if b.Status == "" {
		b.Status = StatusInactive
	}
	var err error
	if b.InstalledAt, err = parseTime(m["installed_at"]); err != nil {
		return Binding{}, err
	}
	if b.LastDeliveryAt, err = parseTime(m["last_delivery_at"]); err != nil {
		return Binding{}, err
	}
	if b.UpdatedAt, err = parseTime(m["updated_at"]); err != nil {
		return Binding{}, err
	}
	if sealed, ok := m["install"]; ok && sealed != "" {
		var st sdk.InstallState
		if err := r.openJSON([]byte(sealed), "install:"+key.String(), &st); err != nil {
			return Binding{}, fmt.Errorf("open install state: %w", err)
		}
		b.Install = &st
	}
	return b, nil
}

func (r *Redis) ListBindings(ctx context.Context) ([]Binding, error) {
	members, err := r.c.SMembers(ctx, r.bindingsKey()).Result()
	if err != nil {
		return nil, fmt.Errorf("list bindings: %w", err)
	}
	sort.Strings(members)
	pipe := r.c.Pipeline()
	cmds := make([]*redis.MapStringStringCmd, len(members))
	keys := make([]BindingKey, len(members))
	for i, s := range members {
		keys[i] = parseBindingKey(s)
		cmds[i] = pipe.HGetAll(ctx, r.bindingKey(keys[i]))
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return nil, fmt.Errorf("list bindings: %w", err)
	}
	out := make([]Binding, 0, len(members))
	for i, cmd := range cmds {
		m := cmd.Val()
		if len(m) == 0 {
			continue // removed between SMEMBERS and HGETALL
		}
		b, err := r.decodeBinding(keys[i], m)
		if err != nil {
			return nil, fmt.Errorf("list bindings: %s: %w", keys[i], err)
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Key.Platform != out[j].Key.Platform {
			return out[i].Key.Platform < out[j].Key.Platform
		}
		return out[i].Key.Name < out[j].Key.Name
	})
	return out, nil
}

func parseBindingKey(s string) BindingKey {
	for i := 0; i < len(s); i++ {
		if s[i] == '/' {
			return BindingKey{Platform: s[:i], Name: s[i+1:]}
		}
	}
	return BindingKey{Name: s}
}

func (r *Redis) PutBinding(ctx context.Context, b Binding) error {
	fields := map[string]any{
		"status":           string(b.Status),
		"installed_at":     fmtTime(b.InstalledAt),
		"last_delivery_at": fmtTime(b.LastDeliveryAt),
		"last_error":       b.LastError,
		"updated_at":       fmtTime(b.UpdatedAt),
	}
	if b.UpdatedAt.IsZero() {
		fields["updated_at"] = fmtTime(r.now())
	}
	if b.Install != nil {
		sealed, err := r.sealJSON(b.Install, "install:"+b.Key.String())
		if err != nil {
			return fmt.Errorf("put binding %s: seal install state: %w", b.Key, err)
		}
		fields["install"] = string(sealed)
	}
	hk := r.bindingKey(b.Key)
	_, err := r.c.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Del(ctx, hk)
		p.HSet(ctx, hk, fields)
		p.SAdd(ctx, r.bindingsKey(), b.Key.String())
		return nil
	})
	if err != nil {
		return fmt.Errorf("put binding %s: %w", b.Key, err)
	}
	return nil
}

func (r *Redis) SetStatus(ctx context.Context, key BindingKey, status Status, lastError string) error {
	_, err := r.c.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, r.bindingKey(key), "status", string(status), "last_error", lastError, "updated_at", fmtTime(r.now()))
		p.SAdd(ctx, r.bindingsKey(), key.String())
		return nil
	})
	if err != nil {
		return fmt.Errorf("set status of binding %s to %s: %w", key, status, err)
	}
	return nil
}

// touchDelivery creates the binding record as inactive when absent and
// records the delivery time.
var touchDelivery = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'status', 'inactive', 'updated_at', ARGV[2])
  redis.call('SADD', KEYS[2], ARGV[3])
end
redis.call('HSET', KEYS[1], 'last_delivery_at', ARGV[1])
return 1
`)

func (r *Redis) TouchDelivery(ctx context.Context, key BindingKey, at time.Time) error {
	err := touchDelivery.Run(ctx, r.c, []string{r.bindingKey(key), r.bindingsKey()},
		fmtTime(at), fmtTime(r.now()), key.String()).Err()
	if err != nil {
		return fmt.Errorf("touch delivery of binding %s: %w", key, err)
	}
	return nil
}

// --- secrets ---

type sealedToken struct {
	AccessToken  string    `json:"access_token"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	TokenType    string    `json:"token_type,omitempty"`
	Expiry       time.Time `json:"expiry,omitzero"`
	Scope        string    `json:"scope,omitempty"`
}

// putToken stores the sealed token and bumps its version in one step, so two
// replicas refreshing at once get distinct versions. The version survives
// DeleteSecrets: a refresher holding an old version can never mistake a
// reconnected binding's fresh token for the one it read.
var putToken = redis.NewScript(`
local v = redis.call('HINCRBY', KEYS[1], 'version', 1)
redis.call('HSET', KEYS[1], 'sealed', ARGV[1])
return v
`)

func (r *Redis) GetToken(ctx context.Context, key BindingKey) (Token, error) {
	vals, err := r.c.HMGet(ctx, r.tokenKey(key), "sealed", "version").Result()
	if err != nil {
		return Token{}, fmt.Errorf("get token of binding %s: %w", key, err)
	}
	sealed, _ := vals[0].(string)
	if sealed == "" {
		return Token{}, fmt.Errorf("get token of binding %s: %w", key, ErrNotFound)
	}
	var st sealedToken
	if err := r.openJSON([]byte(sealed), "token:"+key.String(), &st); err != nil {
		return Token{}, fmt.Errorf("get token of binding %s: %w", key, err)
	}
	ver, _ := vals[1].(string)
	v, err := strconv.ParseInt(ver, 10, 64)
	if err != nil {
		return Token{}, fmt.Errorf("get token of binding %s: bad version: %w", key, err)
	}
	return Token{
		AccessToken:  st.AccessToken,
		RefreshToken: st.RefreshToken,
		TokenType:    st.TokenType,
		Expiry:       st.Expiry,
		Scope:        st.Scope,
		Version:      v,
	}, nil
}

func (r *Redis) PutToken(ctx context.Context, key BindingKey, t Token) (int64, error) {
	sealed, err := r.sealJSON(sealedToken{
		AccessToken:  t.AccessToken,
		RefreshToken: t.RefreshToken,
		TokenType:    t.TokenType,
		Expiry:       t.Expiry,
		Scope:        t.Scope,
	}, "token:"+key.String())
	if err != nil {
		return 0, fmt.Errorf("put token of binding %s: seal: %w", key, err)
	}
	v, err := putToken.Run(ctx, r.c, []string{r.tokenKey(key)}, string(sealed)).Int64()
	if err != nil {
		return 0, fmt.Errorf("put token of binding %s: %w", key, err)
	}
	return v, nil
}

func (r *Redis) DeleteSecrets(ctx context.Context, key BindingKey) error {
	_, err := r.c.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HDel(ctx, r.tokenKey(key), "sealed")
		p.HDel(ctx, r.bindingKey(key), "install")
		return nil
	})
	if err != nil {
		return fmt.Errorf("delete secrets of binding %s: %w", key, err)
	}
	return nil
}

// --- OAuth states ---

type storedOAuthState struct {
	ExpiresAt int64  `json:"exp"` // unix nanoseconds
	Sealed    []byte `json:"s"`
}

type sealedOAuthState struct {
	Platform     string    `json:"platform"`
	Name         string    `json:"name"`
	CodeVerifier string    `json:"code_verifier"`
	RedirectURL  string    `json:"redirect_url"`
	CreatedAt    time.Time `json:"created_at,omitzero"`
}

func (r *Redis) PutOAuthState(ctx context.Context, state string, s OAuthState, expiresAt time.Time) error {
	sealed, err := r.sealJSON(sealedOAuthState{
		Platform:     s.Binding.Platform,
		Name:         s.Binding.Name,
		CodeVerifier: s.CodeVerifier,
		RedirectURL:  s.RedirectURL,
		CreatedAt:    s.CreatedAt,
	}, "oauth:"+state)
	if err != nil {
		return fmt.Errorf("put oauth state: seal: %w", err)
	}
	val, err := json.Marshal(storedOAuthState{ExpiresAt: expiresAt.UnixNano(), Sealed: sealed})
	if err != nil {
		return fmt.Errorf("put oauth state: %w", err)
	}
	// The key's TTL only collects garbage; validity is judged against the
	// caller's clock in TakeOAuthState.
	ttl := time.Until(expiresAt) + oauthStateGrace
	if ttl < oauthStateGrace {
		ttl = oauthStateGrace
	}
	if err := r.c.Set(ctx, r.oauthKey(state), val, ttl).Err(); err != nil {
		return fmt.Errorf("put oauth state: %w", err)
	}
	return nil
}

func (r *Redis) TakeOAuthState(ctx context.Context, state string, now time.Time) (OAuthState, error) {
	// GETDEL makes the state single-use even when two callbacks race.
	val, err := r.c.GetDel(ctx, r.oauthKey(state)).Bytes()
	if errors.Is(err, redis.Nil) {
		return OAuthState{}, fmt.Errorf("take oauth state: %w", ErrNotFound)
	}
	if err != nil {
		return OAuthState{}, fmt.Errorf("take oauth state: %w", err)
	}
	var st storedOAuthState
	if err := json.Unmarshal(val, &st); err != nil {
		return OAuthState{}, fmt.Errorf("take oauth state: decode: %w", err)
	}
	if !now.Before(time.Unix(0, st.ExpiresAt)) {
		return OAuthState{}, fmt.Errorf("take oauth state: expired: %w", ErrNotFound)
	}
	var s sealedOAuthState
	if err := r.openJSON(st.Sealed, "oauth:"+state, &s); err != nil {
		return OAuthState{}, fmt.Errorf("take oauth state: %w", err)
	}
	return OAuthState{
		Binding:      BindingKey{Platform: s.Platform, Name: s.Name},
		CodeVerifier: s.CodeVerifier,
		RedirectURL:  s.RedirectURL,
		CreatedAt:    s.CreatedAt,
	}, nil
}

// --- stages ---

type storedStage struct {
	At     int64  `json:"at"`
	Detail string `json:"detail,omitempty"`
}

func (r *Redis) Stages(ctx context.Context, key BindingKey, ticketID string) ([]StageRecord, error) {
	m, err := r.c.HGetAll(ctx, r.stagesKey(key, ticketID)).Result()
	if err != nil {
		return nil, fmt.Errorf("stages of ticket %s on %s: %w", ticketID, key, err)
	}
	return decodeStages(key, ticketID, m)
}

// BindingAndStages is GetBinding and Stages of ticketID in one round trip
// (a pipeline of the two reads). An unknown binding gives ErrNotFound (and
// no stages).
func (r *Redis) BindingAndStages(ctx context.Context, key BindingKey, ticketID string) (Binding, []StageRecord, error) {
	var bind, stages *redis.MapStringStringCmd
	if _, err := r.c.Pipelined(ctx, func(p redis.Pipeliner) error {
		bind = p.HGetAll(ctx, r.bindingKey(key))
		stages = p.HGetAll(ctx, r.stagesKey(key, ticketID))
		return nil
	}); err != nil {
		return Binding{}, nil, fmt.Errorf("read binding %s and stages of ticket %s: %w", key, ticketID, err)
	}
	b, err := r.bindingFromHash(key, bind.Val())
	if err != nil {
		return Binding{}, nil, err
	}
	recs, err := decodeStages(key, ticketID, stages.Val())
	if err != nil {
		return Binding{}, nil, err
	}
	return b, recs, nil
}

// decodeStages is a ticket's stages hash as records, oldest first.
func decodeStages(key BindingKey, ticketID string, m map[string]string) ([]StageRecord, error) {
	out := make([]StageRecord, 0, len(m))
	for stage, v := range m {
		var s storedStage
		if err := json.Unmarshal([]byte(v), &s); err != nil {
			return nil, fmt.Errorf("stages of ticket %s on %s: decode %s: %w", ticketID, key, stage, err)
		}
		out = append(out, StageRecord{Stage: Stage(stage), At: time.Unix(0, s.At).UTC(), Detail: s.Detail})
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return out[i].Stage < out[j].Stage
	})
	return out, nil
}

// recordStage marks a stage and, only when the mark is new, appends its
// audit entry, in one script. KEYS[1] the ticket's stages, KEYS[2..9] the
// audit keys; ARGV[1..3] stage, record, TTL ms, ARGV[4..7] the audit args.
// KEYS[1] and ARGV[1..3] are the stage; then come the audit entries, 8
// keys and 4 args each: the earlier entries, written whatever becomes of
// the stage, and last the stage's own entry.
var recordStage = redis.NewScript(appendAuditLua + `
local n = (#ARGV - 3) / 4
for i = 0, n - 2 do
  append_audit({unpack(KEYS, 2 + i * 8, 9 + i * 8)}, {unpack(ARGV, 4 + i * 4, 7 + i * 4)})
end
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
append_audit({unpack(KEYS, 2 + (n - 1) * 8, 9 + (n - 1) * 8)}, {unpack(ARGV, 4 + (n - 1) * 4, 7 + (n - 1) * 4)})
return 1
`)

// RecordStage marks the stage and appends its audit entry atomically, with
// the earlier entries: a crash keeps all or none. A stage already recorded
// writes only the earlier entries.
func (r *Redis) RecordStage(ctx context.Context, key BindingKey, ticketID string, rec StageRecord, e AuditEntry, earlier ...AuditEntry) error {
	at := rec.At
	if at.IsZero() {
		at = r.now()
	}
	v, err := json.Marshal(storedStage{At: at.UnixNano(), Detail: rec.Detail})
	if err != nil {
		return fmt.Errorf("record stage %s of ticket %s: %w", rec.Stage, ticketID, err)
	}
	keys := make([]string, 1, 1+8*(len(earlier)+1))
	keys[0] = r.stagesKey(key, ticketID)
	args := make([]any, 3, 3+4*(len(earlier)+1))
	args[0], args[1], args[2] = string(rec.Stage), string(v), StageTTL.Milliseconds()
	for _, a := range append(earlier[:len(earlier):len(earlier)], e) {
		akeys, aargs, err := r.auditArgs(a)
		if err != nil {
			return fmt.Errorf("record stage %s of ticket %s: %w", rec.Stage, ticketID, err)
		}
		keys, args = append(keys, akeys...), append(args, aargs...)
	}
	if err := recordStage.Run(ctx, r.c, keys, args...).Err(); err != nil {
		return fmt.Errorf("record stage %s of ticket %s on %s: %w", rec.Stage, ticketID, key, err)
	}
	return nil
}

// --- analyses ---

// storedAnalysis is an analysis in Redis: the body sealed (Sealed), or in
// clear (Body) when an older version stored it.
type storedAnalysis struct {
	Binding   string `json:"binding"`
	TicketID  string `json:"ticket_id"`
	CreatedAt int64  `json:"created_at"`
	Body      []byte `json:"body,omitempty"`
	Sealed    []byte `json:"sealed,omitempty"`
}

func (r *Redis) analysisIndexKey() string { return r.key("analyses", "created") }

func (r *Redis) PutAnalysis(ctx context.Context, a Analysis) error {
	if a.ID == "" {
		return errors.New("put analysis: empty id")
	}
	created := a.CreatedAt
	if created.IsZero() {
		created = r.now()
	}
	sealed, err := r.box.Seal(a.Body, analysisAAD(a.ID))
	if err != nil {
		return fmt.Errorf("put analysis %s: %w", a.ID, err)
	}
	v, err := json.Marshal(storedAnalysis{Binding: a.Binding, TicketID: a.TicketID, CreatedAt: created.UnixNano(), Sealed: sealed})
	if err != nil {
		return fmt.Errorf("put analysis %s: %w", a.ID, err)
	}
	// The index by creation time is what PurgeAnalyses reads.
	_, err = r.c.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, r.analysisKey(a.ID), v, 0)
		p.ZAdd(ctx, r.analysisIndexKey(), redis.Z{Score: float64(created.UnixNano()), Member: a.ID})
		return nil
	})
	if err != nil {
		return fmt.Errorf("put analysis %s: %w", a.ID, err)
	}
	return nil
}

func (r *Redis) GetAnalysis(ctx context.Context, id string) (Analysis, error) {
	v, err := r.c.Get(ctx, r.analysisKey(id)).Bytes()
	if errors.Is(err, redis.Nil) {
		return Analysis{}, fmt.Errorf("get analysis %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Analysis{}, fmt.Errorf("get analysis %s: %w", id, err)
	}
	var s storedAnalysis
	if err := json.Unmarshal(v, &s); err != nil {
		return Analysis{}, fmt.Errorf("get analysis %s: decode: %w", id, err)
	}
	a := Analysis{ID: id, Binding: s.Binding, TicketID: s.TicketID, CreatedAt: time.Unix(0, s.CreatedAt).UTC(), Body: s.Body}
	if s.Sealed == nil {
		// Stored in clear by an older version: seal and index it now, so
		// it is encrypted at rest and purged in time from here on.
		if err := r.PutAnalysis(ctx, a); err != nil {
			r.log.Warn("could not seal an analysis stored in clear", "id_prefix", id[:min(6, len(id))], "error", err)
		}
		return a, nil
	}
	if a.Body, err = r.box.Open(s.Sealed, analysisAAD(id)); err != nil {
		return Analysis{}, fmt.Errorf("get analysis %s: %w", id, err)
	}
	return a, nil
}

// PurgeAnalyses deletes the analyses created before t that the index holds
// (every analysis this version stored; see README for older keys).
func (r *Redis) PurgeAnalyses(ctx context.Context, createdBefore time.Time) (int, error) {
	total := 0
	max := strconv.FormatInt(createdBefore.UnixNano()-1, 10)
	for {
		ids, err := r.c.ZRangeByScore(ctx, r.analysisIndexKey(), &redis.ZRangeBy{Min: "-inf", Max: max, Count: 500}).Result()
		if err != nil {
			return total, fmt.Errorf("purge analyses: %w", err)
		}
		if len(ids) == 0 {
			return total, nil
		}
		keys := make([]string, len(ids))
		members := make([]any, len(ids))
		for i, id := range ids {
			keys[i], members[i] = r.analysisKey(id), id
		}
		_, err = r.c.TxPipelined(ctx, func(p redis.Pipeliner) error {
			p.Del(ctx, keys...)
			p.ZRem(ctx, r.analysisIndexKey(), members...)
			return nil
		})
		if err != nil {
			return total, fmt.Errorf("purge analyses: %w", err)
		}
		total += len(ids)
	}
}

// --- sealing ---

func (r *Redis) sealJSON(v any, aad string) ([]byte, error) {
	plain, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	return r.box.Seal(plain, []byte(aad))
}

func (r *Redis) openJSON(sealed []byte, aad string, v any) error {
	plain, err := r.box.Open(sealed, []byte(aad))
	if err != nil {
		return fmt.Errorf("open sealed value: %w", err)
	}
	if err := json.Unmarshal(plain, v); err != nil {
		return fmt.Errorf("decode sealed value: %w", err)
	}
	return nil
}

// RouteRedisLogs sends go-redis's own log lines (dial failures, pool
// notices), which otherwise go to stderr in its own format, to l as warnings.
// go-redis keeps one logger per process, so the gateway calls this once at
// start. go-redis never logs passwords from the URL, and the gateway never
// sends a secret in clear to Redis.
func RouteRedisLogs(l hclog.Logger) {
	redis.SetLogger(redisLogger{l.Named("redis")})
}

type redisLogger struct{ l hclog.Logger }

func (r redisLogger) Printf(_ context.Context, format string, v ...any) {
	r.l.Warn(fmt.Sprintf(format, v...))
}
