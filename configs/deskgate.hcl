# deskgate demo configuration (design.md §2). `make run` starts the gateway
# with this file; every *.hcl in bindings/ beside it is read too.
#
# Needs DESKGATE_ADMIN_TOKEN, ZENDESK_CLIENT_ID, ZENDESK_CLIENT_SECRET,
# ATLASSIAN_CLIENT_ID and ATLASSIAN_CLIENT_SECRET in the environment. Relative paths are resolved against this file's folder.

gateway {
  listen      = "127.0.0.1:8080"
  public_url  = "http://127.0.0.1:8080"     # base of webhook and OAuth redirect URLs
  data_dir    = "../data"                   # SQLite store and master key
  plugin_dir  = "../bin"                    # where `make build` puts the desk plugins
  admin_token = env("DESKGATE_ADMIN_TOKEN") # protects the admin API and web UI
  # workers          = 4     # concurrent pipeline jobs
  # shutdown_timeout = "30s" # how long a shutdown waits for in-flight jobs
  # max_inflight_deliveries     = 64     # webhook bodies read at once; past it 503 + Retry-After
  # max_queue_depth             = 50000  # jobs waiting or running; past it 503 + Retry-After
  # max_queue_depth_per_binding = 10000
  # debug_listen = ":6060"               # net/http/pprof on 127.0.0.1:6060, never on listen
  # analysis_retention = 30  # days an analysis page is served (then 410) and kept
}

# The embedded default; a redis store instead shares state and queue between
# replicas:
#   store "redis" { url = env("DESKGATE_REDIS_URL")  key_prefix = "deskgate:" }
store "sqlite" {
  path = "../data/deskgate.db"
}

project "checkout" {
  services = ["checkout-api", "payments", "auth", "search", "notifications"]

  # Core flows: a confirmed outage of one of these is critical.
  service "checkout-api" {
    aliases = ["checkout", "cart", "payment page", "place order"]
    core    = true
  }
  service "payments" {
    aliases = ["payment", "card", "charge", "refund", "billing"]
    core    = true
  }
  service "auth" {
    aliases = ["login", "log in", "sign in", "password", "2fa", "sso"]
    core    = true
  }

  # Not core: broken for many users is high, not critical.
  service "search" {
    aliases = ["search results", "find products"]
  }
  service "notifications" {
    aliases = ["email", "notification", "sms", "push"]
  }

  # Analysis pages and notes quote log lines, templates and the ticket's
  # subject with e-mail addresses, card numbers, keys and tokens, secret
  # fields, IPs and phone numbers masked. Add your own, or opt out:
  # mask_fields   = ["ssn", "member_no"]   # values of these fields → <secret>
  # mask_patterns = ["ACME-[0-9]{6}"]      # matches → <masked>
  # mask_samples  = false                  # show raw lines (not recommended)

  log_source "file" "app" {
    paths  = ["../examples/logs/*.jsonl"]
    format = "jsonl" # jsonl | logfmt | text
  }
}

platform "zendesk" {
  plugin        = "deskgate-plugin-zendesk"
  # plugin_sha256 = "…"  # sha256sum of the binary: the gateway then runs only
  #                      # those bytes (validate -strict and doctor ask for it)
  client_id     = env("ZENDESK_CLIENT_ID")
  client_secret = env("ZENDESK_CLIENT_SECRET")
}

# Jira Service Management Cloud: an OAuth 2.0 (3LO) app of the developer
# console. Its client secret also signs Jira's webhook deliveries.
platform "jsm" {
  plugin        = "deskgate-plugin-jsm"
  client_id     = env("ATLASSIAN_CLIENT_ID")
  client_secret = env("ATLASSIAN_CLIENT_SECRET")
}
