package zendesk

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/sigsentry/deskgate/sdk"
)

// How a keyed comment's earlier post is looked for. Comments are read newest
// first in small cursor pages, so the usual case (a retry minutes after the
// first attempt, the reference among the last few comments) costs one small
// read however long the ticket's e-mails are. Each comment carries its text
// three times (body, html_body, plain_body): 100 long e-mail comments make a
// page of several MiB, more than the plugin reads (maxResponseBytes).
const (
	// refPageSize is the first page size asked for: 10 comments of Zendesk's
	// largest (64 KiB of text, three copies, HTML escaped in JSON) stay well
	// under maxResponseBytes.
	refPageSize = 10
	// refScanLimit is how many of the newest comments are searched. A retry
	// comes minutes after its first attempt, not 100 comments later; past
	// this the note is posted again rather than the search going on forever.
	refScanLimit = 100
)

// commentRef is the reference line of a keyed comment: a hash, so the key's
// parts (binding, stage) do not show on the ticket.
func commentRef(key string) string {
	h := sha256.Sum256([]byte(key))
	return "ref dg-" + hex.EncodeToString(h[:6])
}

// commentPage is one cursor page of GET /api/v2/tickets/{id}/comments.
type commentPage struct {
	Comments []struct {
		Body      string `json:"body"`
		HTMLBody  string `json:"html_body"`
		PlainBody string `json:"plain_body"`
	} `json:"comments"`
	Meta struct {
		HasMore     bool   `json:"has_more"`
		AfterCursor string `json:"after_cursor"`
	} `json:"meta"`
}

// hasComment reports whether one of the ticket's newest refScanLimit
// comments carries ref. It reads newest first (sort=-created_at) in cursor
// pages of refPageSize and stops at the first match or the last comment.
// A page too large to read is asked for again at half the size, down to one
// comment; a single comment too large to read is a KindRetryable error, so
// the note is retried rather than lost.
func (p *Platform) hasComment(ctx context.Context, creds sdk.Credentials, ticketID, ref string) (bool, error) {
	op := "list comments of ticket " + ticketID
	size, after, seen := refPageSize, "", 0
	for seen < refScanLimit {
		n := min(size, refScanLimit-seen)
		q := url.Values{"sort": {"-created_at"}, "page[size]": {strconv.Itoa(n)}}
		if after != "" {
			q.Set("page[after]", after)
		}
		var page commentPage
		err := p.do(ctx, creds, call{op: op, method: http.MethodGet,
			path: "/api/v2/tickets/" + ticketID + "/comments.json?" + q.Encode(), out: &page})
		if isTooLarge(err) && n > 1 {
			size = n / 2
			p.log.Debug("comment page too large; asking for a smaller one", "ticket", ticketID, "page_size", size)
			continue
		}
		if err != nil {
			return false, err
		}
		for _, c := range page.Comments {
			if strings.Contains(c.Body, ref) || strings.Contains(c.HTMLBody, ref) || strings.Contains(c.PlainBody, ref) {
				return true, nil
			}
		}
		seen += len(page.Comments)
		if !page.Meta.HasMore || page.Meta.AfterCursor == "" || len(page.Comments) == 0 {
			return false, nil
		}
		after = page.Meta.AfterCursor
	}
	p.log.Debug("reference not among the newest comments; posting", "ticket", ticketID, "searched", seen)
	return false, nil
}
