# One Zendesk instance (acme.zendesk.com) wired to the "checkout" project.
# Run the demo against the sandbox Zendesk that `make run` starts on :9090.

binding "zendesk" "acme" {
  # Which project's services and logs tickets are triaged against.
  project = "checkout"

  # Zendesk-specific (checked by the plugin): the instance is
  # https://{subdomain}.zendesk.com ...
  subdomain = "acme"
  # ... unless api_url overrides it, for both the OAuth endpoints and the
  # API: here the local sandbox.
  api_url = "http://127.0.0.1:9090"
  # api_url must be https unless its host is loopback (as here); a sandbox
  # elsewhere needs insecure_api_url = true. Link-local and cloud metadata
  # addresses are always refused.

  # Who may open this binding's analysis pages: public (whoever has the
  # link; it is unguessable and expires) or admin (the admin login).
  # analysis_access = "public"

  # client_id / client_secret may be set here for a local OAuth client of
  # this instance; they override the platform's global client.

  # internal: internal notes only; public: the templated public reply only;
  # both: both. Custom fields are set in every mode.
  posting_mode = "internal"

  # Post the full log analysis for tickets at least this severe
  # (disabled | critical | high | medium | low).
  auto_analyze_threshold = "high"

  # How far around the ticket's time logs are read when the ticket names no
  # time: hours, or a duration string like "90m".
  default_time_buffer = 2

  # How clock times written in tickets ("since 14:05") are read.
  timezone = "UTC"

  # Zendesk custom ticket field ids the triage result is written to.
  custom_fields {
    severity         = 360001234567 # drop-down/text: critical|high|medium|low
    affected_service = 360002345678 # text: the service name
    analysis_url     = 360003456789 # text: link to the stored analysis
  }

  # Public reply (posting_mode public or both). Variables: {{requesterName}},
  # {{ticketId}}, {{severity}}; anything else is a config error.
  public_reply_template = <<-EOT
    Hi {{requesterName}},

    Thanks for reporting this. We have received ticket #{{ticketId}} and our team is looking into it (triaged as {{severity}} severity). We will update you here as soon as we know more.
  EOT
}
