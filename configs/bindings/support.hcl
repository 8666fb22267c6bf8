# One Jira Service Management site (acme.atlassian.net) wired to the same
# "checkout" project as the Zendesk binding: one gateway serves both.
# Run the demo against the sandbox JSM that `make run` starts on :9091.

binding "jsm" "support" {
  project = "checkout"

  # JSM-specific (checked by the plugin): the Jira Cloud site, whose cloud id
  # is found after consent, and the service project whose new requests are
  # triaged (one dynamic webhook with the JQL filter `project = SUP`).
  site        = "acme.atlassian.net"
  project_key = "SUP"
  # One base standing in for auth.atlassian.com and api.atlassian.com: here
  # the local sandbox. Leave it out against Jira Cloud.
  api_url = "http://127.0.0.1:9091"

  # internal: a JSM comment with public=false; public: the templated reply
  # only; both: both.
  posting_mode           = "internal"
  auto_analyze_threshold = "high"
  default_time_buffer    = 2
  timezone               = "UTC"

  # Jira's custom field ids are strings. The sandbox creates these three:
  custom_fields {
    severity         = "customfield_10050" # single select: Critical/High/Medium/Low (matched case-insensitively)
    affected_service = "customfield_10051" # text
    analysis_url     = "customfield_10052" # URL
  }
}
