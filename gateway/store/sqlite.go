package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/go-hclog"

	"github.com/sigsentry/deskgate/gateway/store/sqlitedb"
	"github.com/sigsentry/deskgate/sdk"
)

// SQLite is the embedded Store: one SQLite file, shared with the SQLite queue
// (see DB). Tokens, install state and OAuth states are sealed with the Box
// before they are written.
type SQLite struct {
	db  *sqlitedb.DB
	box *Box
	now func() time.Time
	log hclog.Logger
}

var _ Store = (*SQLite)(nil)

// SQLiteOption tunes OpenSQLite.
type SQLiteOption func(*sqliteConfig)

type sqliteConfig struct {
	db  sqlitedb.Options
	now func() time.Time
	log hclog.Logger
}

// WithClock sets the clock used for UpdatedAt (tests).
func WithClock(now func() time.Time) SQLiteOption {
	return func(c *sqliteConfig) { c.now = now }
}

// WithLogger sets the logger; the store logs under the name "store".
func WithLogger(l hclog.Logger) SQLiteOption {
	return func(c *sqliteConfig) { c.log = l }
}

// WithDBOptions tunes the SQLite connection (synchronous level, pools).
func WithDBOptions(o sqlitedb.Options) SQLiteOption {
	return func(c *sqliteConfig) { c.db = o }
}

// OpenSQLite opens (creating and migrating) the store at path.
func OpenSQLite(ctx context.Context, path string, box *Box, opts ...SQLiteOption) (*SQLite, error) {
	if box == nil {
		return nil, errors.New("open sqlite store: nil Box")
	}
	cfg := sqliteConfig{now: time.Now, log: hclog.NewNullLogger()}
	for _, o := range opts {
		o(&cfg)
	}
	db, err := sqlitedb.Open(ctx, path, cfg.db)
	if err != nil {
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	if err := sqlitedb.Migrate(ctx, db, "store", storeMigrations); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	s := &SQLite{db: db, box: box, now: cfg.now, log: cfg.log.Named("store")}
	if err := s.sealLegacyAnalyses(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite store: %w", err)
	}
	s.log.Debug("opened", "path", path)
	return s, nil
}

// DB is the underlying database, for the SQLite queue to share the file. The
// store owns it: close the queue before the store.
func (s *SQLite) DB() *sqlitedb.DB { return s.db }

// Close closes the database.
func (s *SQLite) Close() error { return s.db.Close() }

// Ping checks the database answers.
func (s *SQLite) Ping(ctx context.Context) error { return s.db.Ping(ctx) }

// storeMigrations is append-only: never edit a released step, add one.
var storeMigrations = []string{
	// 1: the initial schema. Times are Unix nanoseconds, 0 for the zero time.
	`CREATE TABLE bindings (
		platform         TEXT    NOT NULL,
		name             TEXT    NOT NULL,
		status           TEXT    NOT NULL,
		installed_at     INTEGER NOT NULL DEFAULT 0,
		install_sealed   BLOB,
		last_delivery_at INTEGER NOT NULL DEFAULT 0,
		last_error       TEXT    NOT NULL DEFAULT '',
		updated_at       INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (platform, name)
	) WITHOUT ROWID;

	-- A deleted token keeps its row (sealed = NULL) so the version keeps
	-- increasing across a reconnect.
	CREATE TABLE tokens (
		platform TEXT    NOT NULL,
		name     TEXT    NOT NULL,
		version  INTEGER NOT NULL,
		sealed   BLOB,
		PRIMARY KEY (platform, name)
	) WITHOUT ROWID;

	-- The state parameter is a bearer value: only its SHA-256 is a key here.
	CREATE TABLE oauth_states (
		state_hash BLOB    PRIMARY KEY,
		sealed     BLOB    NOT NULL,
		expires_at INTEGER NOT NULL
	) WITHOUT ROWID;
	CREATE INDEX oauth_states_expiry ON oauth_states (expires_at);

	CREATE TABLE stages (
		platform  TEXT    NOT NULL,
		name      TEXT    NOT NULL,
		ticket_id TEXT    NOT NULL,
		stage     TEXT    NOT NULL,
		at        INTEGER NOT NULL,
		detail    TEXT    NOT NULL DEFAULT '',
		seq       INTEGER NOT NULL,
		PRIMARY KEY (platform, name, ticket_id, stage)
	) WITHOUT ROWID;

	CREATE TABLE audit (
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		time       INTEGER NOT NULL,
		binding    TEXT    NOT NULL DEFAULT '',
		ticket_id  TEXT    NOT NULL DEFAULT '',
		job_id     TEXT    NOT NULL DEFAULT '',
		action     TEXT    NOT NULL DEFAULT '',
		outcome    TEXT    NOT NULL DEFAULT '',
		error_kind TEXT    NOT NULL DEFAULT '',
		message    TEXT    NOT NULL DEFAULT ''
	);
	CREATE INDEX audit_binding_ticket ON audit (binding, ticket_id, id);
	CREATE INDEX audit_ticket ON audit (ticket_id, id);
	CREATE INDEX audit_time ON audit (time);

	CREATE TABLE analyses (
		id         TEXT    PRIMARY KEY,
		binding    TEXT    NOT NULL,
		ticket_id  TEXT    NOT NULL,
		created_at INTEGER NOT NULL,
		body       BLOB    NOT NULL
	) WITHOUT ROWID;`,

	// 2: admin sessions, keyed by the SHA-256 of the session id.
	`CREATE TABLE admin_sessions (
		id_hash      TEXT    PRIMARY KEY,
		created_at   INTEGER NOT NULL,
		last_seen_at INTEGER NOT NULL,
		expires_at   INTEGER NOT NULL
	) WITHOUT ROWID;
	CREATE INDEX admin_sessions_expiry ON admin_sessions (expires_at);`,
	// 3: analysis bodies are sealed (sealed = 1; rows written before stay
	// readable and are sealed by sealLegacyAnalyses), and expire.
	`ALTER TABLE analyses ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
	CREATE INDEX analyses_created ON analyses (created_at);`,
}

func sqliteNanos(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

func sqliteTime(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

func sqliteInstallAAD(k BindingKey) []byte { return []byte("install:" + k.String()) }
func sqliteTokenAAD(k BindingKey) []byte   { return []byte("token:" + k.String()) }
func sqliteStateAAD(h []byte) []byte       { return append([]byte("oauth_state:"), h...) }
func analysisAAD(id string) []byte         { return []byte("analysis:" + id) }

// sqliteInstall is the sealed form of sdk.InstallState.
type sqliteInstall struct {
	Data       []byte            `json:"data"`
	Summary    map[string]string `json:"summary,omitempty"`
	APIBaseURL string            `json:"api_base_url,omitempty"`
	MaintainAt int64             `json:"maintain_at,omitempty"` // Unix nanoseconds; 0: never
}

func (s *SQLite) sealInstall(k BindingKey, st *sdk.InstallState) ([]byte, error) {
	if st == nil {
		return nil, nil
	}
	si := sqliteInstall{Data: st.Data, Summary: st.Summary, APIBaseURL: st.APIBaseURL}
	if !st.MaintainAt.IsZero() {
		si.MaintainAt = st.MaintainAt.UnixNano()
	}
	pt, err := json.Marshal(si)
	if err != nil {
		return nil, fmt.Errorf("encode install state: %w", err)
	}
	return s.box.Seal(pt, sqliteInstallAAD(k))
}

func (s *SQLite) openInstall(k BindingKey, sealed []byte) (*sdk.InstallState, error) {
	if sealed == nil {
		return nil, nil
	}
	pt, err := s.box.Open(sealed, sqliteInstallAAD(k))
	if err != nil {
		return nil, fmt.Errorf("open install state of %s: %w", k, err)
	}
	var si sqliteInstall
	if err := json.Unmarshal(pt, &si); err != nil {
		return nil, fmt.Errorf("decode install state of %s: %w", k, err)
	}
	st := &sdk.InstallState{Data: si.Data, Summary: si.Summary, APIBaseURL: si.APIBaseURL}
	if si.MaintainAt != 0 {
		st.MaintainAt = time.Unix(0, si.MaintainAt).UTC()
	}
	return st, nil
}

const sqliteBindingCols = `platform, name, status, installed_at, install_sealed, last_delivery_at, last_error, updated_at`

func (s *SQLite) scanBinding(sc interface{ Scan(...any) error }) (Binding, error) {
	var r bindingRow
	if err := sc.Scan(r.dest()...); err != nil {
		return Binding{}, err
	}
	return s.decodeBinding(&r)
}

// bindingRow is a binding's columns (sqliteBindingCols) as scanned.
type bindingRow struct {
	b                       Binding
	status                  string
	installed, last, update int64
	sealed                  []byte
}

func (r *bindingRow) dest() []any {
	return []any{&r.b.Key.Platform, &r.b.Key.Name, &r.status, &r.installed, &r.sealed, &r.last, &r.b.LastError, &r.update}
}

// decodeBinding finishes a scanned row: times, status, the opened install.
func (s *SQLite) decodeBinding(r *bindingRow) (Binding, error) {
	b := r.b
	b.Status = Status(r.status)
	b.InstalledAt, b.LastDeliveryAt, b.UpdatedAt = sqliteTime(r.installed), sqliteTime(r.last), sqliteTime(r.update)
	inst, err := s.openInstall(b.Key, r.sealed)
	if err != nil {
		return Binding{}, err
	}
	b.Install = inst
	return b, nil
}

// GetBinding returns the binding's stored state, or ErrNotFound.
func (s *SQLite) GetBinding(ctx context.Context, key BindingKey) (Binding, error) {
	stmt, err := s.db.Prepared(ctx, s.db.R, `SELECT `+sqliteBindingCols+` FROM bindings WHERE platform = ? AND name = ?`)
	if err != nil {
		return Binding{}, fmt.Errorf("get binding %s: %w", key, err)
	}
	b, err := s.scanBinding(stmt.QueryRowContext(ctx, key.Platform, key.Name))
	if errors.Is(err, sql.ErrNoRows) {
		return Binding{}, fmt.Errorf("get binding %s: %w", key, ErrNotFound)
	}
	if err != nil {
		return Binding{}, fmt.Errorf("get binding %s: %w", key, err)
	}
	return b, nil
}

// ListBindings returns every binding ordered by platform and name.
func (s *SQLite) ListBindings(ctx context.Context) ([]Binding, error) {
	rows, err := s.db.R.QueryContext(ctx, `SELECT `+sqliteBindingCols+` FROM bindings ORDER BY platform, name`)
	if err != nil {
		return nil, fmt.Errorf("list bindings: %w", err)
	}
	defer rows.Close()
	var out []Binding
	for rows.Next() {
		b, err := s.scanBinding(rows)
		if err != nil {
			return nil, fmt.Errorf("list bindings: %w", err)
		}
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list bindings: %w", err)
	}
	return out, nil
}

// PutBinding creates or replaces the binding's stored state. A zero
// UpdatedAt is set to now.
func (s *SQLite) PutBinding(ctx context.Context, b Binding) error {
	sealed, err := s.sealInstall(b.Key, b.Install)
	if err != nil {
		return fmt.Errorf("put binding %s: %w", b.Key, err)
	}
	updated := b.UpdatedAt
	if updated.IsZero() {
		updated = s.now()
	}
	// Durable: the install state holds the webhook's signing secret, which
	// the desk will not hand out again.
	err = s.db.DurableTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO bindings (`+sqliteBindingCols+`) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			b.Key.Platform, b.Key.Name, string(b.Status), sqliteNanos(b.InstalledAt), sealed,
			sqliteNanos(b.LastDeliveryAt), b.LastError, sqliteNanos(updated))
		return err
	})
	if err != nil {
		return fmt.Errorf("put binding %s: %w", b.Key, err)
	}
	return nil
}

// SetStatus changes status and last error, creating the record when absent.
func (s *SQLite) SetStatus(ctx context.Context, key BindingKey, status Status, lastError string) error {
	_, err := s.db.W.ExecContext(ctx, `INSERT INTO bindings (platform, name, status, last_error, updated_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (platform, name) DO UPDATE SET status = excluded.status, last_error = excluded.last_error, updated_at = excluded.updated_at`,
		key.Platform, key.Name, string(status), lastError, sqliteNanos(s.now()))
	if err != nil {
		return fmt.Errorf("set status of %s to %s: %w", key, status, err)
	}
	return nil
}

// TouchDelivery records the latest accepted delivery. It never moves the
// time backwards (deliveries are handled concurrently) and creates an
// inactive record when the binding has none.
func (s *SQLite) TouchDelivery(ctx context.Context, key BindingKey, at time.Time) error {
	_, err := s.db.W.ExecContext(ctx, `INSERT INTO bindings (platform, name, status, last_delivery_at, updated_at) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (platform, name) DO UPDATE SET last_delivery_at = MAX(last_delivery_at, excluded.last_delivery_at)`,
		key.Platform, key.Name, string(StatusInactive), sqliteNanos(at), sqliteNanos(s.now()))
	if err != nil {
		return fmt.Errorf("touch delivery of %s: %w", key, err)
	}
	return nil
}

// sqliteToken is the sealed form of Token (Version lives outside the seal).
type sqliteToken struct {
	AccessToken  string    `json:"a"`
	RefreshToken string    `json:"r,omitempty"`
	TokenType    string    `json:"t,omitempty"`
	Expiry       time.Time `json:"e,omitzero"`
	Scope        string    `json:"s,omitempty"`
}

// GetToken returns the binding's token, or ErrNotFound.
func (s *SQLite) GetToken(ctx context.Context, key BindingKey) (Token, error) {
	var (
		version int64
		sealed  []byte
	)
	stmt, err := s.db.Prepared(ctx, s.db.R, `SELECT version, sealed FROM tokens WHERE platform = ? AND name = ? AND sealed IS NOT NULL`)
	if err != nil {
		return Token{}, fmt.Errorf("get token of %s: %w", key, err)
	}
	err = stmt.QueryRowContext(ctx, key.Platform, key.Name).Scan(&version, &sealed)
	if errors.Is(err, sql.ErrNoRows) {
		return Token{}, fmt.Errorf("get token of %s: %w", key, ErrNotFound)
	}
	if err != nil {
		return Token{}, fmt.Errorf("get token of %s: %w", key, err)
	}
	pt, err := s.box.Open(sealed, sqliteTokenAAD(key))
	if err != nil {
		return Token{}, fmt.Errorf("get token of %s: %w", key, err)
	}
	var st sqliteToken
	if err := json.Unmarshal(pt, &st); err != nil {
		return Token{}, fmt.Errorf("get token of %s: decode: %w", key, err)
	}
	return Token{AccessToken: st.AccessToken, RefreshToken: st.RefreshToken, TokenType: st.TokenType,
		Expiry: st.Expiry, Scope: st.Scope, Version: version}, nil
}

// PutToken stores the token sealed and returns its new version.
func (s *SQLite) PutToken(ctx context.Context, key BindingKey, t Token) (int64, error) {
	pt, err := json.Marshal(sqliteToken{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken,
		TokenType: t.TokenType, Expiry: t.Expiry, Scope: t.Scope})
	if err != nil {
		return 0, fmt.Errorf("put token of %s: encode: %w", key, err)
	}
	sealed, err := s.box.Seal(pt, sqliteTokenAAD(key))
	if err != nil {
		return 0, fmt.Errorf("put token of %s: %w", key, err)
	}
	// Durable: a refresh may have rotated the refresh token, and losing the
	// new one would force a reconnect.
	var v int64
	err = s.db.DurableTx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO tokens (platform, name, version, sealed) VALUES (?, ?, 1, ?)
			ON CONFLICT (platform, name) DO UPDATE SET version = version + 1, sealed = excluded.sealed
			RETURNING version`, key.Platform, key.Name, sealed).Scan(&v)
	})
	if err != nil {
		return 0, fmt.Errorf("put token of %s: %w", key, err)
	}
	return v, nil
}

// DeleteSecrets removes the token and the install state in one transaction.
func (s *SQLite) DeleteSecrets(ctx context.Context, key BindingKey) error {
	err := s.db.DurableTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE tokens SET sealed = NULL WHERE platform = ? AND name = ?`, key.Platform, key.Name); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE bindings SET install_sealed = NULL, updated_at = ? WHERE platform = ? AND name = ?`,
			sqliteNanos(s.now()), key.Platform, key.Name)
		return err
	})
	if err != nil {
		return fmt.Errorf("delete secrets of %s: %w", key, err)
	}
	return nil
}

// sqliteOAuthState is the sealed form of OAuthState.
type sqliteOAuthState struct {
	Platform     string    `json:"p"`
	Name         string    `json:"n"`
	CodeVerifier string    `json:"v,omitempty"`
	RedirectURL  string    `json:"r,omitempty"`
	CreatedAt    time.Time `json:"c,omitzero"`
}

func sqliteStateHash(state string) []byte {
	h := sha256.Sum256([]byte(state))
	return h[:]
}

// PutOAuthState stores the state sealed until expiresAt, and drops states
// that expired before now so the table does not grow with abandoned logins.
func (s *SQLite) PutOAuthState(ctx context.Context, state string, st OAuthState, expiresAt time.Time) error {
	h := sqliteStateHash(state)
	pt, err := json.Marshal(sqliteOAuthState{Platform: st.Binding.Platform, Name: st.Binding.Name,
		CodeVerifier: st.CodeVerifier, RedirectURL: st.RedirectURL, CreatedAt: st.CreatedAt})
	if err != nil {
		return fmt.Errorf("put oauth state for %s: encode: %w", st.Binding, err)
	}
	sealed, err := s.box.Seal(pt, sqliteStateAAD(h))
	if err != nil {
		return fmt.Errorf("put oauth state for %s: %w", st.Binding, err)
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM oauth_states WHERE expires_at < ?`, sqliteNanos(s.now())); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO oauth_states (state_hash, sealed, expires_at) VALUES (?, ?, ?)`,
			h, sealed, sqliteNanos(expiresAt))
		return err
	})
	if err != nil {
		return fmt.Errorf("put oauth state for %s: %w", st.Binding, err)
	}
	return nil
}

// TakeOAuthState deletes and returns the state; the delete and the read are
// one statement, so two callbacks racing with the same state cannot both win.
func (s *SQLite) TakeOAuthState(ctx context.Context, state string, now time.Time) (OAuthState, error) {
	h := sqliteStateHash(state)
	var (
		sealed  []byte
		expires int64
	)
	err := s.db.W.QueryRowContext(ctx, `DELETE FROM oauth_states WHERE state_hash = ? RETURNING sealed, expires_at`, h).Scan(&sealed, &expires)
	if errors.Is(err, sql.ErrNoRows) {
		return OAuthState{}, fmt.Errorf("take oauth state: %w", ErrNotFound)
	}
	if err != nil {
		return OAuthState{}, fmt.Errorf("take oauth state: %w", err)
	}
	if !now.Before(sqliteTime(expires)) {
		return OAuthState{}, fmt.Errorf("take oauth state: expired: %w", ErrNotFound)
	}
	pt, err := s.box.Open(sealed, sqliteStateAAD(h))
	if err != nil {
		return OAuthState{}, fmt.Errorf("take oauth state: %w", err)
	}
	var st sqliteOAuthState
	if err := json.Unmarshal(pt, &st); err != nil {
		return OAuthState{}, fmt.Errorf("take oauth state: decode: %w", err)
	}
	return OAuthState{Binding: BindingKey{Platform: st.Platform, Name: st.Name}, CodeVerifier: st.CodeVerifier,
		RedirectURL: st.RedirectURL, CreatedAt: st.CreatedAt}, nil
}

// Stages returns the ticket's completed stages in the order they were marked.
func (s *SQLite) Stages(ctx context.Context, key BindingKey, ticketID string) ([]StageRecord, error) {
	stmt, err := s.db.Prepared(ctx, s.db.R, `SELECT stage, at, detail FROM stages
		WHERE platform = ? AND name = ? AND ticket_id = ? ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("read stages of %s ticket %s: %w", key, ticketID, err)
	}
	rows, err := stmt.QueryContext(ctx, key.Platform, key.Name, ticketID)
	if err != nil {
		return nil, fmt.Errorf("read stages of %s ticket %s: %w", key, ticketID, err)
	}
	defer rows.Close()
	var out []StageRecord
	for rows.Next() {
		var (
			r     StageRecord
			stage string
			at    int64
		)
		if err := rows.Scan(&stage, &at, &r.Detail); err != nil {
			return nil, fmt.Errorf("read stages of %s ticket %s: %w", key, ticketID, err)
		}
		r.Stage, r.At = Stage(stage), sqliteTime(at)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read stages of %s ticket %s: %w", key, ticketID, err)
	}
	return out, nil
}

// bindingStagesSQL reads a binding and the stages of one of its tickets in
// one statement (a job reads both before it calls the desk): one pass
// through the driver and one read transaction where two took two.
const bindingStagesSQL = `SELECT b.platform, b.name, b.status, b.installed_at, b.install_sealed, b.last_delivery_at,
		b.last_error, b.updated_at, s.stage, s.at, s.detail
	FROM bindings b LEFT JOIN stages s ON s.platform = b.platform AND s.name = b.name AND s.ticket_id = ?3
	WHERE b.platform = ?1 AND b.name = ?2 ORDER BY s.seq`

// BindingAndStages is GetBinding and Stages of ticketID in one statement.
// An unknown binding gives ErrNotFound (and no stages).
func (s *SQLite) BindingAndStages(ctx context.Context, key BindingKey, ticketID string) (Binding, []StageRecord, error) {
	fail := func(err error) (Binding, []StageRecord, error) {
		return Binding{}, nil, fmt.Errorf("read binding %s and stages of ticket %s: %w", key, ticketID, err)
	}
	stmt, err := s.db.Prepared(ctx, s.db.R, bindingStagesSQL)
	if err != nil {
		return fail(err)
	}
	rows, err := stmt.QueryContext(ctx, key.Platform, key.Name, ticketID)
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	var (
		b     Binding
		found bool
		out   []StageRecord
	)
	for rows.Next() {
		var (
			r             bindingRow
			stage, detail sql.NullString
			at            sql.NullInt64
		)
		if err := rows.Scan(append(r.dest(), &stage, &at, &detail)...); err != nil {
			return fail(err)
		}
		if !found {
			found = true
			if b, err = s.decodeBinding(&r); err != nil {
				return fail(err)
			}
		}
		if stage.Valid {
			out = append(out, StageRecord{Stage: Stage(stage.String), At: sqliteTime(at.Int64), Detail: detail.String})
		}
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	if !found {
		return fail(ErrNotFound)
	}
	return b, out, nil
}

// markStageSQL keeps the first record of a stage.
const markStageSQL = `INSERT INTO stages (platform, name, ticket_id, stage, at, detail, seq)
	VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM stages WHERE platform = ? AND name = ? AND ticket_id = ?))
	ON CONFLICT DO NOTHING`

// RecordStage marks the stage and appends its audit entry, after the
// earlier entries, in one transaction: a crash keeps all or none. A stage
// already recorded writes only the earlier entries (the run that recorded
// it wrote its entry).
func (s *SQLite) RecordStage(ctx context.Context, key BindingKey, ticketID string, rec StageRecord, e AuditEntry, earlier ...AuditEntry) error {
	at := rec.At
	if at.IsZero() {
		at = s.now()
	}
	if e.Time.IsZero() {
		e.Time = at
	}
	// Prepared before the transaction, which holds the one write
	// connection: the driver would otherwise compile both statements at
	// every stage.
	mark, err := s.db.Prepared(ctx, s.db.W, markStageSQL)
	if err != nil {
		return fmt.Errorf("record stage %s of %s ticket %s: %w", rec.Stage, key, ticketID, err)
	}
	audit, err := s.db.Prepared(ctx, s.db.W, appendAuditSQL)
	if err != nil {
		return fmt.Errorf("record stage %s of %s ticket %s: %w", rec.Stage, key, ticketID, err)
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		audit := tx.StmtContext(ctx, audit)
		for _, a := range earlier {
			if a.Time.IsZero() {
				a.Time = s.now()
			}
			if _, err := audit.ExecContext(ctx, auditValues(a)...); err != nil {
				return err
			}
		}
		res, err := tx.StmtContext(ctx, mark).ExecContext(ctx,
			key.Platform, key.Name, ticketID, string(rec.Stage), sqliteNanos(at), rec.Detail, key.Platform, key.Name, ticketID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		_, err = audit.ExecContext(ctx, auditValues(e)...)
		return err
	})
	if err != nil {
		return fmt.Errorf("record stage %s of %s ticket %s: %w", rec.Stage, key, ticketID, err)
	}
	return nil
}

const appendAuditSQL = `INSERT INTO audit (time, binding, ticket_id, job_id, action, outcome, error_kind, message)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?)`

func auditValues(e AuditEntry) []any {
	return []any{sqliteNanos(e.Time), e.Binding, e.TicketID, e.JobID, e.Action, string(e.Outcome), e.ErrorKind, e.Message}
}

// AppendAudit writes the entry; it waits for the write connection rather
// than dropping anything. A zero Time is set to now.
func (s *SQLite) AppendAudit(ctx context.Context, e AuditEntry) error {
	if e.Time.IsZero() {
		e.Time = s.now()
	}
	stmt, err := s.db.Prepared(ctx, s.db.W, appendAuditSQL)
	if err != nil {
		return fmt.Errorf("append audit %s: %w", e.Action, err)
	}
	if _, err := stmt.ExecContext(ctx, auditValues(e)...); err != nil {
		return fmt.Errorf("append audit %s: %w", e.Action, err)
	}
	return nil
}

// AppendAudits writes the entries in order in one transaction: all of them
// or none. A zero Time is set to now. One commit, not one per entry, is what
// it saves: each commit writes every B-tree page it touched (the audit table
// and its three indexes) to the WAL again.
func (s *SQLite) AppendAudits(ctx context.Context, es []AuditEntry) error {
	if len(es) == 0 {
		return nil
	}
	stmt, err := s.db.Prepared(ctx, s.db.W, appendAuditSQL)
	if err != nil {
		return fmt.Errorf("append audit %s: %w", es[0].Action, err)
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error { return s.appendAuditsTx(ctx, tx, stmt, es) })
	if err != nil {
		return fmt.Errorf("append %d audit entries: %w", len(es), err)
	}
	return nil
}

// AuditsTx returns a function that writes the entries in order inside tx,
// a transaction on this store's database (DB().W) that another component
// opened: the SQLite queue's settle (queue.SQLite.SettleTx), so that a
// job's closing entries commit with the settle that ends it, or not at
// all. It prepares its statement now, not in the transaction, which holds
// the one write connection. A zero Time is set to now.
func (s *SQLite) AuditsTx(ctx context.Context, es []AuditEntry) (func(context.Context, *sql.Tx) error, error) {
	if len(es) == 0 {
		return func(context.Context, *sql.Tx) error { return nil }, nil
	}
	stmt, err := s.db.Prepared(ctx, s.db.W, appendAuditSQL)
	if err != nil {
		return nil, fmt.Errorf("append audit %s: %w", es[0].Action, err)
	}
	return func(ctx context.Context, tx *sql.Tx) error {
		if err := s.appendAuditsTx(ctx, tx, stmt, es); err != nil {
			return fmt.Errorf("append %d audit entries: %w", len(es), err)
		}
		return nil
	}, nil
}

func (s *SQLite) appendAuditsTx(ctx context.Context, tx *sql.Tx, stmt *sql.Stmt, es []AuditEntry) error {
	now := s.now()
	st := tx.StmtContext(ctx, stmt)
	for _, e := range es {
		if e.Time.IsZero() {
			e.Time = now
		}
		if _, err := st.ExecContext(ctx, auditValues(e)...); err != nil {
			return fmt.Errorf("%s: %w", e.Action, err)
		}
	}
	return nil
}

// QueryAudit returns matching entries newest first (by ID).
func (s *SQLite) QueryAudit(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	var (
		where []string
		args  []any
	)
	add := func(cond string, v any) {
		where = append(where, cond)
		args = append(args, v)
	}
	if f.Binding != "" {
		add("binding = ?", f.Binding)
	}
	if f.TicketID != "" {
		add("ticket_id = ?", f.TicketID)
	}
	if f.Outcome != "" {
		add("outcome = ?", string(f.Outcome))
	}
	if f.Action != "" {
		add("action = ?", f.Action)
	}
	if !f.Since.IsZero() {
		add("time >= ?", sqliteNanos(f.Since))
	}
	if !f.Until.IsZero() {
		add("time < ?", sqliteNanos(f.Until))
	}
	if f.BeforeID > 0 {
		add("id < ?", f.BeforeID)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	q := `SELECT id, time, binding, ticket_id, job_id, action, outcome, error_kind, message FROM audit`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY id DESC LIMIT ?"
	args = append(args, limit)
	rows, err := s.db.R.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("query audit: %w", err)
	}
	defer rows.Close()
	out := []AuditEntry{}
	for rows.Next() {
		var (
			e       AuditEntry
			t       int64
			outcome string
		)
		if err := rows.Scan(&e.ID, &t, &e.Binding, &e.TicketID, &e.JobID, &e.Action, &outcome, &e.ErrorKind, &e.Message); err != nil {
			return nil, fmt.Errorf("query audit: %w", err)
		}
		e.Time, e.Outcome = sqliteTime(t), Outcome(outcome)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query audit: %w", err)
	}
	return out, nil
}

// PutAnalysis stores (or replaces) an analysis, its body sealed.
func (s *SQLite) PutAnalysis(ctx context.Context, a Analysis) error {
	if a.ID == "" {
		return errors.New("put analysis: empty id")
	}
	created := a.CreatedAt
	if created.IsZero() {
		created = s.now()
	}
	sealed, err := s.box.Seal(a.Body, analysisAAD(a.ID))
	if err != nil {
		return fmt.Errorf("put analysis for %s ticket %s: %w", a.Binding, a.TicketID, err)
	}
	stmt, err := s.db.Prepared(ctx, s.db.W, `INSERT OR REPLACE INTO analyses (id, binding, ticket_id, created_at, body, sealed) VALUES (?, ?, ?, ?, ?, 1)`)
	if err == nil {
		_, err = stmt.ExecContext(ctx, a.ID, a.Binding, a.TicketID, sqliteNanos(created), sealed)
	}
	if err != nil {
		return fmt.Errorf("put analysis for %s ticket %s: %w", a.Binding, a.TicketID, err)
	}
	return nil
}

// GetAnalysis returns the analysis, or ErrNotFound.
func (s *SQLite) GetAnalysis(ctx context.Context, id string) (Analysis, error) {
	var (
		a       Analysis
		created int64
		sealed  bool
	)
	err := s.db.R.QueryRowContext(ctx, `SELECT id, binding, ticket_id, created_at, body, sealed FROM analyses WHERE id = ?`, id).
		Scan(&a.ID, &a.Binding, &a.TicketID, &created, &a.Body, &sealed)
	if errors.Is(err, sql.ErrNoRows) {
		return Analysis{}, fmt.Errorf("get analysis: %w", ErrNotFound)
	}
	if err != nil {
		return Analysis{}, fmt.Errorf("get analysis: %w", err)
	}
	if sealed {
		if a.Body, err = s.box.Open(a.Body, analysisAAD(a.ID)); err != nil {
			return Analysis{}, fmt.Errorf("get analysis: %w", err)
		}
	}
	a.CreatedAt = sqliteTime(created)
	return a, nil
}

// PurgeAnalyses deletes the analyses created before t.
func (s *SQLite) PurgeAnalyses(ctx context.Context, createdBefore time.Time) (int, error) {
	res, err := s.db.W.ExecContext(ctx, `DELETE FROM analyses WHERE created_at < ?`, createdBefore.UnixNano())
	if err != nil {
		return 0, fmt.Errorf("purge analyses: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, fmt.Errorf("purge analyses: %w", err)
	}
	return int(n), nil
}

// sealLegacyAnalyses seals the bodies stored in clear by a version before
// sealing, a batch per transaction, so the upgrade leaves none behind.
func (s *SQLite) sealLegacyAnalyses(ctx context.Context) error {
	var legacy int
	if err := s.db.R.QueryRowContext(ctx, `SELECT COUNT(*) FROM analyses WHERE sealed = 0`).Scan(&legacy); err != nil {
		return fmt.Errorf("seal analyses stored in clear: %w", err)
	}
	if legacy == 0 {
		return nil
	}
	// Overwrite the clear bodies' old pages rather than leave them in free
	// space (the one write connection keeps the setting until reset).
	var was int
	if err := s.db.W.QueryRowContext(ctx, `PRAGMA secure_delete`).Scan(&was); err != nil {
		return fmt.Errorf("seal analyses stored in clear: %w", err)
	}
	if _, err := s.db.W.ExecContext(ctx, `PRAGMA secure_delete = 1`); err != nil {
		return fmt.Errorf("seal analyses stored in clear: %w", err)
	}
	defer s.db.W.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA secure_delete = %d`, was))
	for {
		n := 0
		err := s.db.Tx(ctx, func(tx *sql.Tx) error {
			rows, err := tx.QueryContext(ctx, `SELECT id, body FROM analyses WHERE sealed = 0 LIMIT 200`)
			if err != nil {
				return err
			}
			type row struct {
				id   string
				body []byte
			}
			var batch []row
			for rows.Next() {
				var r row
				if err := rows.Scan(&r.id, &r.body); err != nil {
					rows.Close()
					return err
				}
				batch = append(batch, r)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			for _, r := range batch {
				sealed, err := s.box.Seal(r.body, analysisAAD(r.id))
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `UPDATE analyses SET body = ?, sealed = 1 WHERE id = ?`, sealed, r.id); err != nil {
					return err
				}
			}
			n = len(batch)
			return nil
		})
		if err != nil {
			return fmt.Errorf("seal analyses stored in clear: %w", err)
		}
		if n == 0 {
			// Copy the overwritten pages into the file now, so the clear
			// bodies do not linger in the WAL either.
			if _, err := s.db.W.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
				return fmt.Errorf("seal analyses stored in clear: checkpoint: %w", err)
			}
			return nil
		}
		s.log.Info("sealed analyses stored in clear by an earlier version", "count", n)
	}
}
