// Package ingress is the webhook entry: POST /hooks/{platform}/{binding}. It
// bounds the body, has the platform's plugin verify the delivery, and
// durably enqueues each event (de-duplicated by its key) before answering
// 200. It never answers 200 for an event it has not stored, and it does no
// desk write-back itself: the desk times out after a few seconds and retries,
// so the handler must stay fast.
package ingress
