// Package sandbox is an in-memory emulator of the parts of Atlassian's cloud
// that deskgate's Jira Service Management plugin talks to: OAuth 2.0 (3LO)
// with audience and rotating refresh tokens, accessible-resources, and under
// /ex/jira/{cloudid}: issues, editmeta, fields, a JQL search, the service
// desk request and comment APIs, and dynamic webhooks that expire and send
// JWT-signed, retried deliveries. It follows
// shared/reference/jira-service-management-api.md and, where the reference
// marks a behaviour UNCONFIRMED, makes the choice listed below.
//
// One base URL stands in for both auth.atlassian.com and api.atlassian.com:
// /authorize, /oauth/token, /oauth/token/accessible-resources and
// /ex/jira/{cloudid}/rest/... An admin API and a small HTML page live under
// /sandbox/ (see adminHandler and Client).
//
// It must not import anything from gateway/ or sdk/: it stands for the
// outside world, and knows only the HTTP contract.
//
// Choices made where Atlassian's behaviour is not documented:
//   - the token endpoint takes JSON (documented) and form-encoded bodies
//     (what several OAuth libraries send), client credentials in the body;
//     PKCE parameters are ignored, as 3LO does not mention them;
//   - a reused refresh token is accepted within 10 minutes of its rotation
//     and, after that, voids every token of the grant (403 invalid_grant);
//   - deliveries carry Authorization: Bearer <JWT> (HS256, the app's client
//     secret) with claims iss (the cloud id), iat, exp (iat + 3 min) and qsh
//     (Connect's query string hash of POST, the webhook URL's path and its
//     query); the JWT does not cover the body;
//   - PUT /rest/api/3/webhook/refresh of an id that is not the caller's is
//     ignored, and the answer's expirationDate is that of the ids refreshed;
//   - the description in a delivery is plain text (a string), in the API ADF;
//   - JSM comment bodies are stored as plain text, and the platform comment
//     list shows them as one-paragraph ADF documents with jsdPublic.
package sandbox
