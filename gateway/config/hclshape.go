package config

import "github.com/hashicorp/hcl/v2"

// The HCL-shaped structs gohcl decodes into. Attributes are kept as
// expressions so conversion can evaluate them with env(), name the
// environment variable behind an empty secret, and point diagnostics at the
// attribute's own range. gohcl still rejects unknown attributes and blocks
// in every fixed block.

type mainFileHCL struct {
	Gateway   gatewayHCL     `hcl:"gateway,block"`
	Stores    []*storeHCL    `hcl:"store,block"`
	Projects  []*projectHCL  `hcl:"project,block"`
	Platforms []*platformHCL `hcl:"platform,block"`
	Bindings  []*bindingHCL  `hcl:"binding,block"`
}

// bindingsFileHCL is a file in bindings/: binding blocks only.
type bindingsFileHCL struct {
	Bindings []*bindingHCL `hcl:"binding,block"`
}

type gatewayHCL struct {
	Listen          hcl.Expression `hcl:"listen"`
	PublicURL       hcl.Expression `hcl:"public_url,optional"`
	DataDir         hcl.Expression `hcl:"data_dir,optional"`
	PluginDir       hcl.Expression `hcl:"plugin_dir,optional"`
	AdminToken      hcl.Expression `hcl:"admin_token"`
	Workers         hcl.Expression `hcl:"workers,optional"`
	ShutdownTimeout hcl.Expression `hcl:"shutdown_timeout,optional"`
	// VisibilityTimeout: how long a leased job is hidden from other workers.
	VisibilityTimeout hcl.Expression `hcl:"visibility_timeout,optional"`
	// Back-pressure at the webhook door and the opt-in pprof listener.
	MaxInflightDeliveries   hcl.Expression `hcl:"max_inflight_deliveries,optional"`
	MaxQueueDepth           hcl.Expression `hcl:"max_queue_depth,optional"`
	MaxQueueDepthPerBinding hcl.Expression `hcl:"max_queue_depth_per_binding,optional"`
	DebugListen             hcl.Expression `hcl:"debug_listen,optional"`
	// AnalysisRetention: how long analysis pages are served and kept.
	AnalysisRetention hcl.Expression `hcl:"analysis_retention,optional"`
	DefRange          hcl.Range      `hcl:",def_range"`
}

type storeHCL struct {
	Kind      string         `hcl:"kind,label"`
	Path      hcl.Expression `hcl:"path,optional"`
	URL       hcl.Expression `hcl:"url,optional"`
	KeyPrefix hcl.Expression `hcl:"key_prefix,optional"`
	DefRange  hcl.Range      `hcl:",def_range"`
}

type projectHCL struct {
	Name       string          `hcl:"name,label"`
	Services   hcl.Expression  `hcl:"services"`
	Service    []*serviceHCL   `hcl:"service,block"`
	LogSources []*logSourceHCL `hcl:"log_source,block"`
	Triage     *triageHCL      `hcl:"triage,block"`
	// Masking of log lines shown on analysis pages and notes.
	MaskSamples  hcl.Expression `hcl:"mask_samples,optional"`
	MaskFields   hcl.Expression `hcl:"mask_fields,optional"`
	MaskPatterns hcl.Expression `hcl:"mask_patterns,optional"`
	DefRange     hcl.Range      `hcl:",def_range"`
}

type serviceHCL struct {
	Name     string         `hcl:"name,label"`
	Aliases  hcl.Expression `hcl:"aliases,optional"`
	Core     hcl.Expression `hcl:"core,optional"`
	DefRange hcl.Range      `hcl:",def_range"`
}

// logSourceHCL keeps its body: the attributes depend on the kind and are
// read with a schema per kind (logsource.go).
type logSourceHCL struct {
	Type     string    `hcl:"type,label"`
	Name     string    `hcl:"name,label"`
	Body     hcl.Body  `hcl:",remain"`
	DefRange hcl.Range `hcl:",def_range"`
}

type triageHCL struct {
	Rules []*ruleHCL `hcl:"rule,block"`
}

type ruleHCL struct {
	Keywords hcl.Expression `hcl:"keywords"`
	Floor    hcl.Expression `hcl:"floor,optional"`
	Ceiling  hcl.Expression `hcl:"ceiling,optional"`
	DefRange hcl.Range      `hcl:",def_range"`
}

type platformHCL struct {
	Name         string         `hcl:"name,label"`
	Plugin       hcl.Expression `hcl:"plugin,optional"`
	PluginSHA256 hcl.Expression `hcl:"plugin_sha256,optional"`
	ClientID     hcl.Expression `hcl:"client_id,optional"`
	ClientSecret hcl.Expression `hcl:"client_secret,optional"`
	DefRange     hcl.Range      `hcl:",def_range"`
}

type bindingHCL struct {
	Platform             string           `hcl:"platform,label"`
	Name                 string           `hcl:"name,label"`
	Project              hcl.Expression   `hcl:"project"`
	PostingMode          hcl.Expression   `hcl:"posting_mode,optional"`
	AutoAnalyzeThreshold hcl.Expression   `hcl:"auto_analyze_threshold,optional"`
	DefaultTimeBuffer    hcl.Expression   `hcl:"default_time_buffer,optional"`
	Timezone             hcl.Expression   `hcl:"timezone,optional"`
	PublicReplyTemplate  hcl.Expression   `hcl:"public_reply_template,optional"`
	ClientID             hcl.Expression   `hcl:"client_id,optional"`
	ClientSecret         hcl.Expression   `hcl:"client_secret,optional"`
	RateLimitPerMinute   hcl.Expression   `hcl:"rate_limit_per_minute,optional"`
	AnalysisAccess       hcl.Expression   `hcl:"analysis_access,optional"`
	InsecureAPIURL       hcl.Expression   `hcl:"insecure_api_url,optional"`
	CustomFields         *customFieldsHCL `hcl:"custom_fields,block"`
	// Body is the whole block body: the platform-specific attributes are
	// read from it. Remain makes gohcl decode partially, so those
	// attributes are not rejected as unknown.
	Body     hcl.Body  `hcl:",body"`
	Remain   hcl.Body  `hcl:",remain"`
	DefRange hcl.Range `hcl:",def_range"`
}

type customFieldsHCL struct {
	Body     hcl.Body  `hcl:",remain"`
	DefRange hcl.Range `hcl:",def_range"`
}
