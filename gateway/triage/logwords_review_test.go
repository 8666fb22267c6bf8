package triage

import (
	"testing"
	"time"

	"github.com/sigsentry/deskgate/examples/genlogs/gen"
)

// TestTriage_logWordsOfRealTemplatesMoveNothing is the review of round
// fifty-five's (logwords.go) end to end: real log formats' everyday, code
// and host words, a reply's quoted thread, a negated clause and a word
// that only starts a log's word move no ticket to the failing service nor
// raise it; the world's own distinctive words still do.
func TestTriage_logWordsOfRealTemplatesMoveNothing(t *testing.T) {
	failing := func(svc, msg string) Project {
		return projectWith(t, gen.Incident{Service: svc, Start: noon.Add(-40 * time.Minute), Duration: time.Hour,
			FailRate: 0.3, Status: 500, Message: msg})
	}
	mail := func(subject, text string) Ticket {
		return Ticket{Subject: subject, Description: text, Tags: []string{"email"}, CreatedAt: noon}
	}
	// must-fix 1: a database driver's, a proxy's and an uploader's lines
	checkVerdicts(t, failing("payments", "Error processing request POST /api/v1/charges/{id}: org.postgresql.util.PSQLException: Connection to db-primary.prod.internal:{n} refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections."), []verdictCase{
		{"en requested / check: a JDBC line's everyday words", mail("Password reset mail not arriving", "I requested a password reset twice and nothing arrived. Please check."), Medium, "auth", ""},
	})
	checkVerdicts(t, failing("checkout-api", "upstream timed out (110: Connection timed out) while reading response header from upstream, client: {ip}, server: shop.example.com, request: GET /account/orders HTTP/1.1, upstream: http://{ip}:8080/account/orders, host: shop.example.com"), []verdictCase{
		{"en server / request: an nginx line's code words", Ticket{Subject: "Password change broken", Description: "When I change my password the server never answers my request.", CreatedAt: noon}, Medium, "auth", ""},
		{"en shop / host / example: an nginx line's host pieces", mail("Newsletter", "The shop newsletter fails to arrive, the host example.com bounces it."), Medium, "notifications", ""},
	})
	checkVerdicts(t, failing("checkout-api", "Failed to start upload with file pattern: C:\\ProgramData\\Microsoft\\Windows\\WER\\ReportQueue\\*.cab, flags: {n}"), []verdictCase{
		{"en file / upload: an uploader's everyday words", mail("Attachments", "Every file I attach to the newsletter mail fails to upload."), Medium, "notifications", ""},
	})
	// should-fix 4: "check" is no ending of "checkout", "post" is a path's
	checkVerdicts(t, failing("checkout-api", "POST /checkout/pay upstream gateway {ip} refused the call"), []verdictCase{
		{"en check / post: a compound and a method", mail("Password reset mails fail", "Password reset mails fail for me. Please check and post an update here."), Medium, "auth", ""},
	})
	token := failing("auth", "partner API token for client={id} not issued: key store {ip} is a stale replica")
	checkVerdicts(t, token, []verdictCase{
		// must-fix 2: the quote is the desk's own question
		{"en a reply's quoted thread is no word of the writer's", mail("Re: newsletter", "The newsletter mails still fail to arrive for everyone.\n\n> Is this about the partner token or the key store replica?"), Medium, "notifications", ""},
		// should-fix 3: the writer rules the token out
		{"en a negated clause and one that says it works", mail("Newsletter mails fail", "It is not the partner token, token refresh works fine. The newsletter mails fail for everyone."), Medium, "notifications", ""},
		// the world's own words still place the ticket (the call in decide)
		{"en the failing service's distinctive words", mail("Partner API token endpoint: ~25% HTTP 500", "About a quarter of our calls to refresh the partner token on the stale replica return 500."),
			High, "auth", "auth's failing log lines share the ticket's words"},
	})
}
