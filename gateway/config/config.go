package config

import (
	"time"
	// Timezone names must resolve the same on a host without tzdata.
	_ "time/tzdata"

	"github.com/hashicorp/hcl/v2"

	"github.com/sigsentry/deskgate/sdk"
)

// Config is the validated configuration. Paths in it are absolute, resolved
// against the directory of the main config file.
type Config struct {
	Path      string // the main config file, absolute
	Gateway   Gateway
	Store     Store
	Projects  map[string]*Project
	Platforms map[string]*Platform
	// Bindings in file order: the main file first, then bindings/*.hcl
	// sorted by name.
	Bindings []*Binding
	// Files holds every parsed file by the name used in diagnostics, so
	// WriteDiagnostics can show source snippets.
	Files map[string]*hcl.File
}

// Binding returns the binding `binding "platform" "name"`, or nil.
func (c *Config) Binding(platform, name string) *Binding {
	if c == nil {
		return nil
	}
	for _, b := range c.Bindings {
		if b.Platform == platform && b.Name == name {
			return b
		}
	}
	return nil
}

// Gateway is the `gateway` block.
type Gateway struct {
	Listen     string // host:port
	PublicURL  string // scheme://host[:port][/path], no trailing slash
	DataDir    string // absolute
	PluginDir  string // absolute
	AdminToken string // never logged

	// Workers is how many jobs run at once; default DefaultWorkers. 0 makes
	// an ingress-only gateway: it answers and queues deliveries and leaves
	// them to another replica's workers (or to its own next start).
	Workers         int
	ShutdownTimeout time.Duration // default DefaultShutdownTimeout
	// VisibilityTimeout is how long a leased job stays hidden from other
	// workers; a running job extends it, so it only matters when a worker
	// or replica dies. Default DefaultVisibilityTimeout.
	VisibilityTimeout time.Duration

	// MaxInflightDeliveries bounds the webhook bodies read or verified at
	// once; past it deliveries get 503 + Retry-After. Default
	// DefaultMaxInflightDeliveries.
	MaxInflightDeliveries int
	// MaxQueueDepth and MaxQueueDepthPerBinding cap the jobs waiting or
	// running, in total and per binding; past them deliveries get 503 +
	// Retry-After. Defaults DefaultMaxQueueDepth, DefaultMaxQueueDepthPerBinding.
	MaxQueueDepth           int
	MaxQueueDepthPerBinding int
	// DebugListen, when set, is the host:port of a separate listener
	// serving net/http/pprof; a bare ":port" means 127.0.0.1. Never the
	// public listener.
	DebugListen string
	// AnalysisRetention is how long an analysis page is served (410 after)
	// and kept in the store. Default DefaultAnalysisRetention.
	AnalysisRetention time.Duration
}

// MinAdminTokenLength is the shortest admin_token the loader accepts: 32
// characters of `openssl rand -base64 32` carry far more than enough entropy
// that guessing, even unthrottled, is hopeless.
const MinAdminTokenLength = 32

// Store is the `store "kind"` block; an SQLite file under data_dir when absent.
type Store struct {
	Kind      string // StoreSQLite | StoreRedis
	Path      string // sqlite: absolute, default <data_dir>/deskgate.db
	URL       string // redis
	KeyPrefix string // redis: default DefaultKeyPrefix
}

// Project is a `project "name"` block: the services tickets are triaged
// against and where their logs are.
type Project struct {
	Name     string
	Services []string
	// Service has an entry for every name in Services: the `service` block's
	// settings when there is one, else just the name. Lookups never return
	// nil for a listed service.
	Service    map[string]*Service
	LogSources []*LogSource
	Triage     []*TriageRule
	// Masking of the log lines, templates and ticket text an analysis
	// shows: on unless mask_samples = false. MaskFields and MaskPatterns
	// add to the built-in rules (patterns are checked RE2 expressions).
	MaskSamples  bool
	MaskFields   []string
	MaskPatterns []string
	DeclRange    hcl.Range
}

// Service is a `service "name"` block inside a project.
type Service struct {
	Name    string
	Aliases []string
	Core    bool // a core flow: a real outage here is critical
}

// LogSource is a `log_source "<type>" "name"` block: files on the
// gateway's disk, or a log store (design.md §2). Only the fields of its
// type are set.
type LogSource struct {
	Type      string // LogSourceFile | LogSourceVictoriaLogs | LogSourceLoki | LogSourceElasticsearch
	Name      string //
	DeclRange hcl.Range

	// file
	Paths  []string // absolute glob patterns
	Format string   // FormatJSONL | FormatLogfmt | FormatText

	// log stores
	URLs     []string // victorialogs/loki: url; elasticsearch: urls
	Query    string   // victorialogs: LogsQL filter ANDed to every query
	Selector string   // loki: stream selector
	Tenant   string   // loki: X-Scope-OrgID
	Index    string   // elasticsearch: index or pattern

	// Field names; empty means the kind's default (see the log source's
	// package). ServiceField is service_field or service_label.
	ServiceField string
	LevelField   string
	StatusField  string // extension of design.md §2: where the HTTP status is
	TimeField    string // elasticsearch
	MessageField string // elasticsearch

	Timeout  time.Duration // default DefaultLogSourceTimeout
	MaxLines int           // default DefaultMaxLines

	Headers            map[string]string // values may be secrets: never logged
	BearerToken        string            // never logged
	Username           string
	Password           string // never logged
	APIKey             string // elasticsearch; never logged
	CAFile             string // absolute path of a PEM bundle
	InsecureSkipVerify bool
}

// TriageRule is one `rule` in a project's `triage` block: when a ticket
// mentions any of Keywords, its severity is raised to at least Floor and
// lowered to at most Ceiling (either may be empty).
type TriageRule struct {
	Keywords []string
	Floor    string
	Ceiling  string
}

// Platform is a `platform "name"` block: which plugin serves the desk and its
// global OAuth client.
type Platform struct {
	Name         string
	Plugin       string // binary name in plugin_dir; default "deskgate-plugin-<name>"
	PluginSHA256 string // lower-case hex, or ""
	ClientID     string
	ClientSecret string // never logged
	DeclRange    hcl.Range
}

// Binding is a `binding "platform" "name"` block: one desk instance wired to
// a project.
type Binding struct {
	Platform, Name, Project string

	PostingMode          string         // PostingInternal (default) | PostingPublic | PostingBoth
	AutoAnalyzeThreshold string         // "disabled" or a severity; default "high"
	DefaultTimeBuffer    time.Duration  // default DefaultTimeBuffer
	Timezone             *time.Location // default UTC
	TimezoneName         string         // as written, "UTC" by default
	// CustomFields maps severity / affected_service / analysis_url to a
	// desk field id as the desk names it: a positive decimal integer as
	// text, or a string id (see ParseFieldID).
	CustomFields        map[string]string
	PublicReplyTemplate string // default DefaultReplyTemplate

	// ClientID and ClientSecret are effective: the binding's own when set,
	// else the platform's.
	ClientID, ClientSecret string
	RateLimitPerMinute     int // default DefaultRateLimitPerMinute

	// AnalysisAccess is who may open the binding's analysis pages:
	// AccessPublic (whoever has the link) or AccessAdmin (the admin login).
	AnalysisAccess string
	// InsecureAPIURL lets a url-kind attribute (api_url) be plain http on a
	// host other than loopback (a sandbox on another machine).
	InsecureAPIURL bool

	// Attributes are the block's platform-specific attributes (subdomain,
	// api_url …) as text; numbers and bools as their HCL text. The gateway
	// checks them against what the plugin declares.
	Attributes map[string]string
	AttrRanges map[string]hcl.Range
	// AttrValueRanges are the ranges of the attributes' values, where
	// value checks point.
	AttrValueRanges map[string]hcl.Range

	DeclRange hcl.Range
	File      string // the file the block is in, as named in diagnostics

	ownClient bool // the block sets client_id/client_secret itself
}

// Key is "platform/name".
func (b *Binding) Key() string { return b.Platform + "/" + b.Name }

// SDK is what a plugin is told about the binding.
func (b *Binding) SDK() sdk.Binding {
	return sdk.Binding{Platform: b.Platform, Name: b.Name, Attributes: b.Attributes, FieldIDs: b.CustomFields}
}

// Defaults and enumerations.
const (
	DefaultWorkers            = 4
	DefaultShutdownTimeout    = 30 * time.Second
	DefaultVisibilityTimeout  = 15 * time.Second
	DefaultKeyPrefix          = "deskgate:"
	DefaultTimeBuffer         = 2 * time.Hour
	DefaultRateLimitPerMinute = 100
	DefaultLogFormat          = FormatJSONL
	DefaultLogSourceTimeout   = 10 * time.Second
	DefaultMaxLines           = 200000
	DefaultAnalysisRetention  = 30 * 24 * time.Hour

	AccessPublic = "public"
	AccessAdmin  = "admin"

	LogSourceFile          = "file"
	LogSourceVictoriaLogs  = "victorialogs"
	LogSourceLoki          = "loki"
	LogSourceElasticsearch = "elasticsearch"

	StoreSQLite = "sqlite"
	StoreRedis  = "redis"

	PostingInternal = "internal"
	PostingPublic   = "public"
	PostingBoth     = "both"

	ThresholdDisabled = "disabled"

	FormatJSONL  = "jsonl"
	FormatLogfmt = "logfmt"
	FormatText   = "text"

	// Custom field keys a binding may map.
	FieldSeverity        = "severity"
	FieldAffectedService = "affected_service"
	FieldAnalysisURL     = "analysis_url"
)

// Defaults of the back-pressure settings of the gateway block.
const (
	DefaultMaxInflightDeliveries   = 64
	DefaultMaxQueueDepth           = 50000
	DefaultMaxQueueDepthPerBinding = 10000
)

// Allowed values, in the order error messages list them.
var (
	PostingModes     = []string{PostingInternal, PostingPublic, PostingBoth}
	Thresholds       = []string{ThresholdDisabled, SeverityCritical, SeverityHigh, SeverityMedium, SeverityLow}
	LogFormats       = []string{FormatJSONL, FormatLogfmt, FormatText}
	LogSourceKinds   = []string{LogSourceFile, LogSourceVictoriaLogs, LogSourceLoki, LogSourceElasticsearch}
	StoreKinds       = []string{StoreSQLite, StoreRedis}
	CustomFieldKeys  = []string{FieldSeverity, FieldAffectedService, FieldAnalysisURL}
	AnalysisAccesses = []string{AccessPublic, AccessAdmin}
)
