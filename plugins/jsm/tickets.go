package jsm

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // a reporter's zone is checked by name on hosts without a zone database, as the gateway reads it

	"github.com/sigsentry/deskgate/sdk"
	"github.com/sigsentry/deskgate/sdk/deskhttp"
)

var numericIDRE = regexp.MustCompile(`^[1-9][0-9]{0,18}$`)

// checkKey accepts an issue key (SUP-7) or a numeric issue id.
func checkKey(op, key string) error {
	if issueKeyRE.MatchString(key) || numericIDRE.MatchString(key) {
		return nil
	}
	return sdk.Errorf(sdk.KindPermanent, "%s: %q is not a Jira issue key or id", op, deskhttp.Truncate(key, 64))
}

type issueJSON struct {
	ID     string                     `json:"id"`
	Key    string                     `json:"key"`
	Fields map[string]json.RawMessage `json:"fields"`
}

// userJSON is an Atlassian user as the issue's reporter and the request's
// reporter give it. TimeZone is the profile's IANA zone; null or absent
// when the user's privacy settings hide it. It stays raw so that a value of
// another shape costs only the zone, not the name and email beside it.
type userJSON struct {
	DisplayName  string          `json:"displayName"`
	EmailAddress string          `json:"emailAddress"`
	TimeZone     json.RawMessage `json:"timeZone"`
}

type requestJSON struct {
	Reporter *userJSON `json:"reporter"`
	Links    struct {
		Agent string `json:"agent"`
		Web   string `json:"web"`
	} `json:"_links"`
}

// GetTicket reads the issue (every field) and its JSM request, whose
// reporter carries the customer's email. An issue that is not a service
// request is still returned, without the request's details.
func (p *Platform) GetTicket(ctx context.Context, creds sdk.Credentials, ticketID string) (*sdk.Ticket, error) {
	op := "get request " + ticketID
	if err := checkKey(op, ticketID); err != nil {
		return nil, err
	}
	var is issueJSON
	if err := p.do(ctx, creds, call{op: op, method: http.MethodGet,
		path: "/rest/api/3/issue/" + url.PathEscape(ticketID) + "?fields=*all", out: &is}); err != nil {
		return nil, err
	}
	var rq requestJSON
	err := p.do(ctx, creds, call{op: op + ": read service request", method: http.MethodGet,
		path: "/rest/servicedeskapi/request/" + url.PathEscape(ticketID), out: &rq})
	switch {
	case err == nil, sdk.IsKind(err, sdk.KindNotFound):
	case sdk.IsKind(err, sdk.KindPermanent):
		p.log.Debug("service request details unavailable", "ticket", ticketID, "error", err)
	default:
		return nil, err
	}
	t, derr := decodeIssue(is, rq)
	if derr != nil {
		return nil, sdk.Errorf(sdk.KindPermanent, "%s: %v", op, derr)
	}
	return t, nil
}

// decodeIssue normalizes an issue and its request.
func decodeIssue(is issueJSON, rq requestJSON) (*sdk.Ticket, error) {
	if is.Key == "" {
		return nil, fmt.Errorf("the issue has no key")
	}
	f := is.Fields
	t := &sdk.Ticket{ID: is.Key, CustomFields: map[string]any{}}
	_ = json.Unmarshal(f["summary"], &t.Subject)
	if raw, ok := f["description"]; ok && string(raw) != "null" {
		t.Description = ADFText(raw)
	}
	var named struct {
		Name string `json:"name"`
	}
	if json.Unmarshal(f["priority"], &named) == nil {
		t.Priority = normalizePriority(named.Name)
	}
	named.Name = ""
	if json.Unmarshal(f["status"], &named) == nil {
		t.Status = named.Name
	}
	_ = json.Unmarshal(f["labels"], &t.Tags)
	var created string
	if json.Unmarshal(f["created"], &created) == nil {
		if ct, ok := parseJiraTime(created); ok {
			t.CreatedAt = ct
		}
	}
	var reporter userJSON
	if json.Unmarshal(f["reporter"], &reporter) == nil {
		t.RequesterName, t.RequesterEmail = reporter.DisplayName, reporter.EmailAddress
		t.RequesterTimeZone = profileZone(reporter.TimeZone)
	}
	if rq.Reporter != nil {
		if rq.Reporter.DisplayName != "" {
			t.RequesterName = rq.Reporter.DisplayName
		}
		if rq.Reporter.EmailAddress != "" {
			t.RequesterEmail = rq.Reporter.EmailAddress
		}
		if tz := profileZone(rq.Reporter.TimeZone); tz != "" {
			t.RequesterTimeZone = tz
		}
	}
	t.URL = rq.Links.Agent
	if t.URL == "" {
		t.URL = rq.Links.Web
	}
	for id, raw := range f {
		if !strings.HasPrefix(id, "customfield_") || string(raw) == "null" {
			continue
		}
		var v any
		if json.Unmarshal(raw, &v) == nil {
			t.CustomFields[id] = fieldValue(v, raw)
		}
	}
	return t, nil
}

// maxZoneName bounds a profile zone's name, as the gateway's triage does:
// the longest IANA name is about 30 characters.
const maxZoneName = 64

// profileZone is a user's timeZone when it is a string naming a zone that
// loads, else "": Jira sends the profile's IANA name, and anything else (a
// display name, "Local", which would mean the gateway's own zone, or a long
// string) is dropped here rather than passed on to be read as a zone.
func profileZone(raw json.RawMessage) string {
	var name string
	if json.Unmarshal(raw, &name) != nil {
		return ""
	}
	name = strings.TrimSpace(name)
	if name == "" || name == "Local" || len(name) > maxZoneName {
		return ""
	}
	if _, err := time.LoadLocation(name); err != nil {
		return ""
	}
	return name
}

// fieldValue normalizes a custom field's value to what SetFields takes: a
// select option by its value, a user by name, a document as text; lists
// element by element.
func fieldValue(v any, raw json.RawMessage) any {
	switch x := v.(type) {
	case map[string]any:
		if x["type"] == "doc" {
			return ADFText(raw)
		}
		for _, k := range []string{"value", "displayName", "name"} {
			if s, ok := x[k].(string); ok {
				return s
			}
		}
		return x
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			b, _ := json.Marshal(e)
			out[i] = fieldValue(e, b)
		}
		return out
	default:
		return v
	}
}

// PostComment adds a JSM request comment: public true is a reply the
// customer sees, false an internal note. A keyed comment carries a short
// reference line and is not posted again when the request's latest 100
// comments already hold it.
func (p *Platform) PostComment(ctx context.Context, creds sdk.Credentials, ticketID string, c sdk.Comment) error {
	kind := "internal note"
	if c.Public {
		kind = "public reply"
	}
	op := fmt.Sprintf("post %s to request %s", kind, ticketID)
	if err := checkKey(op, ticketID); err != nil {
		return err
	}
	body := c.Body
	if strings.TrimSpace(body) == "" {
		body = htmlToText(c.HTMLBody)
	}
	if strings.TrimSpace(body) == "" {
		return sdk.Errorf(sdk.KindPermanent, "%s: comment is empty", op)
	}
	if c.Key != "" {
		ref := commentRef(c.Key)
		found, err := p.hasComment(ctx, creds, ticketID, ref)
		if err != nil {
			return err
		}
		if found {
			p.log.Debug("comment already posted; not posting again", "ticket", ticketID, "ref", ref)
			return nil
		}
		body += "\n\n" + ref
	}
	in := map[string]any{"body": body, "public": c.Public}
	return p.do(ctx, creds, call{op: op, method: http.MethodPost,
		path: "/rest/servicedeskapi/request/" + url.PathEscape(ticketID) + "/comment", in: in})
}

// commentRef is the reference line of a keyed comment: a hash, so the key's
// parts do not show on the request.
func commentRef(key string) string {
	h := sha256.Sum256([]byte(key))
	return "ref dg-" + hex.EncodeToString(h[:6])
}

// hasComment looks for ref in the issue's newest 100 comments, in one call
// to the platform comment list (the JSM list pages oldest first). A retry
// comes minutes after its first attempt, not 100 comments later.
func (p *Platform) hasComment(ctx context.Context, creds sdk.Credentials, ticketID, ref string) (bool, error) {
	var raw json.RawMessage
	err := p.do(ctx, creds, call{op: "list comments of request " + ticketID, method: http.MethodGet,
		path: "/rest/api/3/issue/" + url.PathEscape(ticketID) + "/comment?orderBy=-created&startAt=0&maxResults=100", out: &raw})
	if err != nil {
		return false, err
	}
	// ref is hex and ASCII: it appears verbatim in the ADF text nodes.
	return bytes.Contains(raw, []byte(ref)), nil
}

var (
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	breakRE = regexp.MustCompile(`(?i)<br\s*/?>|</p>|</li>|</h[1-6]>`)
)

// htmlToText is a last resort for a comment that has only an HTML body.
func htmlToText(s string) string {
	s = breakRE.ReplaceAllString(s, "\n")
	return strings.TrimSpace(html.UnescapeString(tagRE.ReplaceAllString(s, "")))
}

type editMetaField struct {
	Name   string `json:"name"`
	Schema struct {
		Type   string `json:"type"`
		Items  string `json:"items"`
		Custom string `json:"custom"`
	} `json:"schema"`
	AllowedValues []struct {
		ID    string `json:"id"`
		Value string `json:"value"`
		Name  string `json:"name"`
	} `json:"allowedValues"`
}

// SetFields sets custom fields by id after reading the issue's editmeta: a
// field missing there is not on the edit screen (or does not exist); a
// select takes the option whose value matches case-insensitively; a
// textarea takes a document. Jira's 400 errors map comes back as a
// KindPermanent error naming the field.
func (p *Platform) SetFields(ctx context.Context, creds sdk.Credentials, ticketID string, fields map[string]any) error {
	op := "set fields on request " + ticketID
	if err := checkKey(op, ticketID); err != nil {
		return err
	}
	if len(fields) == 0 {
		return nil
	}
	var meta struct {
		Fields map[string]editMetaField `json:"fields"`
	}
	if err := p.do(ctx, creds, call{op: op + ": read editmeta", method: http.MethodGet,
		path: "/rest/api/3/issue/" + url.PathEscape(ticketID) + "/editmeta", out: &meta}); err != nil {
		return err
	}
	ids := make([]string, 0, len(fields))
	for id := range fields {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := make(map[string]any, len(fields))
	for _, id := range ids {
		m, ok := meta.Fields[id]
		if !ok {
			return &sdk.Error{Kind: sdk.KindPermanent, Field: id,
				Message: fmt.Sprintf("%s: field %s does not exist or is not on the request type's edit screen", op, id)}
		}
		v, err := inputValue(m, fields[id])
		if err != nil {
			return &sdk.Error{Kind: sdk.KindPermanent, Field: id, Message: fmt.Sprintf("%s: field %s (%s): %v", op, id, m.Name, err)}
		}
		out[id] = v
	}
	return p.do(ctx, creds, call{op: op, method: http.MethodPut, path: "/rest/api/3/issue/" + url.PathEscape(ticketID),
		in: map[string]any{"fields": out}, fields: ids})
}

// inputValue converts a value to the field's input format.
func inputValue(m editMetaField, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch {
	case m.Schema.Type == "option":
		return optionInput(m, v)
	case m.Schema.Type == "array" && m.Schema.Items == "option":
		list, ok := v.([]any)
		if !ok {
			list = []any{v}
		}
		out := make([]any, 0, len(list))
		for _, e := range list {
			o, err := optionInput(m, e)
			if err != nil {
				return nil, err
			}
			out = append(out, o)
		}
		return out, nil
	case m.Schema.Type == "string" && strings.HasSuffix(m.Schema.Custom, ":textarea"):
		return textDoc(fmt.Sprint(v)), nil
	case m.Schema.Type == "string":
		if s, ok := v.(string); ok {
			return s, nil
		}
		return fmt.Sprint(v), nil
	case m.Schema.Type == "number":
		switch n := v.(type) {
		case float64, int, int64:
			return n, nil
		case string:
			f, err := strconv.ParseFloat(strings.TrimSpace(n), 64)
			if err != nil {
				return nil, fmt.Errorf("%q is not a number", deskhttp.Truncate(n, 64))
			}
			return f, nil
		}
		return nil, fmt.Errorf("a %T is not a number", v)
	default:
		return v, nil
	}
}

// optionInput finds the option whose value (or name) matches
// case-insensitively and sends it by id; a map is sent as given.
func optionInput(m editMetaField, v any) (any, error) {
	if mv, ok := v.(map[string]any); ok {
		return mv, nil
	}
	want := strings.TrimSpace(fmt.Sprint(v))
	var names []string
	for _, a := range m.AllowedValues {
		label := a.Value
		if label == "" {
			label = a.Name
		}
		if strings.EqualFold(label, want) {
			return map[string]string{"id": a.ID}, nil
		}
		names = append(names, label)
	}
	return nil, fmt.Errorf("no option %q (options: %s)", deskhttp.Truncate(want, 64), deskhttp.Truncate(strings.Join(names, ", "), 300))
}

// textDoc is text as an ADF document, a paragraph per line.
func textDoc(text string) map[string]any {
	var content []any
	for _, line := range strings.Split(text, "\n") {
		p := map[string]any{"type": "paragraph"}
		if line != "" {
			p["content"] = []any{map[string]any{"type": "text", "text": line}}
		}
		content = append(content, p)
	}
	return map[string]any{"version": 1, "type": "doc", "content": content}
}
