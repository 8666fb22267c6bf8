#!/usr/bin/env bash
# `make run`: the sandbox Zendesk on :9090, the sandbox Jira Service
# Management on :9091 and the gateway on :8080 with the demo config
# (configs/deskgate.hcl, embedded SQLite store in ./data).
set -euo pipefail
cd "$(dirname "$0")/.."

export DESKGATE_ADMIN_TOKEN="${DESKGATE_ADMIN_TOKEN:-demo-admin-token-for-local-use-only}"
export ZENDESK_CLIENT_ID="${ZENDESK_CLIENT_ID:-deskgate-demo}"
export ZENDESK_CLIENT_SECRET="${ZENDESK_CLIENT_SECRET:-demo-client-secret}"
export ATLASSIAN_CLIENT_ID="${ATLASSIAN_CLIENT_ID:-deskgate-demo}"
export ATLASSIAN_CLIENT_SECRET="${ATLASSIAN_CLIENT_SECRET:-demo-jsm-secret}"
GATEWAY=http://127.0.0.1:8080
SANDBOX=http://127.0.0.1:9090
JSM=http://127.0.0.1:9091

# The sandbox keeps everything in memory, so a stored connection from an
# earlier run would point at webhooks and tokens it no longer knows: the demo
# starts from a fresh data folder every time.
echo "demo: starting from a fresh ./data (the sandbox forgets everything when it stops)"
rm -rf ./data

echo "demo: generating sample logs ending now in examples/logs/"
go run ./examples/genlogs -out examples/logs -end now

echo "demo: starting the sandbox Zendesk on $SANDBOX"
./bin/zendesk-sandbox -listen 127.0.0.1:9090 \
	-client-id "$ZENDESK_CLIENT_ID" -client-secret "$ZENDESK_CLIENT_SECRET" \
	-redirect-uri "$GATEWAY/oauth/callback" \
	-fields severity,affected_service,analysis_url &
sandbox=$!
trap 'kill $sandbox 2>/dev/null || true' EXIT

echo "demo: starting the sandbox Jira Service Management on $JSM"
./bin/jsm-sandbox -listen 127.0.0.1:9091 \
	-client-id "$ATLASSIAN_CLIENT_ID" -client-secret "$ATLASSIAN_CLIENT_SECRET" \
	-redirect-uri "$GATEWAY/oauth/callback" &
jsm=$!
trap 'kill $sandbox $jsm 2>/dev/null || true' EXIT

for _ in $(seq 50); do curl -fsS "$SANDBOX/sandbox/api/account" >/dev/null 2>&1 && break; sleep 0.1; done
for _ in $(seq 50); do curl -fsS "$JSM/sandbox/" >/dev/null 2>&1 && break; sleep 0.1; done

cat <<MSG

  deskgate demo
  1. Open $GATEWAY/ and log in with the admin token: $DESKGATE_ADMIN_TOKEN
  2. Click "Connect" next to zendesk/acme: the sandbox approves at once, and
     the webhook and trigger register themselves.
  3. Create a ticket in the sandbox at $SANDBOX/sandbox/ (try "Checkout is
     down for everyone since 10 minutes, card payments fail"). Within seconds
     it shows an internal triage note and, for a severe ticket, an analysis.
  4. Jira Service Management on the same project: click "Connect platform →
     Jira Service Management" (jsm/support); the sandbox consents at once and
     one webhook for new SUP requests registers itself. Raise a request at
     $JSM/sandbox/ and watch its internal comment, Severity and Affected
     service fields appear.
  5. CLI: DESKGATE_ADMIN_TOKEN=$DESKGATE_ADMIN_TOKEN ./bin/deskgate bindings | audit | doctor jsm support
  Ctrl-C stops all three.

MSG
./bin/deskgate serve -config configs/deskgate.hcl
