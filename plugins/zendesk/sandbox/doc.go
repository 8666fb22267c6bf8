// Package sandbox is an in-memory emulator of the parts of Zendesk that
// deskgate talks to: OAuth (authorize, token, refresh rotation, revoke), the
// webhooks, triggers, tickets, users and ticket_fields APIs, and signed,
// retried webhook deliveries fired by triggers. It follows
// shared/reference/zendesk-api.md, choosing the stricter reading where the
// reference marks a behaviour UNCONFIRMED, so that a plugin passing against
// the sandbox has a good chance against real Zendesk.
//
// Served: /oauth/authorizations/new, /oauth/tokens; under /api/v2:
// oauth/tokens/{id|current}.json, tickets[.json], tickets/{id}[.json] (GET,
// PUT), tickets/{id}/comments, users/{id|me}, ticket_fields[/{id}],
// webhooks[/{id}[/signing_secret|/invocations[/{inv}/attempts]]],
// webhooks/test, triggers[/{id}].json. It also serves an admin API and a
// small HTML page under /sandbox/ so tests and the demo can drive a running
// zendesk-sandbox binary (see Client and adminHandler).
//
// It must not import anything from gateway/ or sdk/: it stands for the
// outside world, and knows only the HTTP contract.
//
// Choices made where Zendesk's behaviour is not documented:
//   - placeholder values inside a JSON webhook body are JSON-string escaped
//     (without quotes), so "{{ticket.description}}" stays valid JSON;
//   - {{ticket.priority}} and {{ticket.status}} render title-cased ("High"),
//     {{ticket.created_at_with_timestamp}} as 2006-01-02T15:04Z and
//     {{ticket.url}} without a scheme, as Zendesk's placeholders reference shows;
//   - GET /api/v2/oauth/tokens/current.json needs the broad "read" scope;
//   - revoking an access token revokes its refresh token too;
//   - a webhook still referenced by a trigger cannot be deleted (400);
//   - the webhooks API answers errors in the newer {"errors":[…]} shape, the
//     other APIs in the classic {"error","description"} shape;
//   - a duplicated delivery (DuplicateNext) is a second send with the same
//     invocation id, recorded as its own Delivery;
//   - ticket comments page by cursor (page[size] ≤ 100, page[after|before],
//     sort=[-]created_at, meta.has_more/after_cursor, links.next) or by offset
//     (per_page ≤ 100, page, sort_order); mixing the two is a 400;
//   - a drop-down value that is not one of the field's option tags is ignored
//     (200, old value kept), a multi-select keeps only its known tags;
//   - every update of a solved ticket needs each field required when solving
//     (422 details.base naming it by ticket_field_id), and a closed ticket
//     refuses every update (422 details.status).
package sandbox
