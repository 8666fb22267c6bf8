// Package storehttp is the HTTP plumbing the log-store clients share:
// authentication (bearer, basic, API key, extra headers), TLS with a
// custom CA, timeouts, retries with backoff on overload (429, 503), bounded
// reads, and errors that name the source and carry a logs.ErrorKind.
//
// Credentials are only ever written into request headers: they never reach
// a log line or an error message (a server echoing one back is redacted).
// It knows nothing of any query language; the clients in
// gateway/logs/victorialogs, loki and elasticsearch build the requests.
package storehttp
