package sandbox

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// maxPageSize is the largest page Zendesk's list endpoints serve.
const maxPageSize = 100

// listComments serves GET /api/v2/tickets/{id}/comments with both of
// Zendesk's paginations:
//
//   - cursor, when any page[...] parameter is present: page[size] (1–100,
//     default 100), page[after] / page[before] (opaque cursors from a
//     previous page), sort=created_at (default, oldest first) or
//     -created_at; the answer carries meta.has_more, meta.after_cursor,
//     meta.before_cursor and links.next / links.prev;
//   - offset otherwise: per_page (1–100, default 100), page (from 1),
//     sort_order=asc (default) or desc; the answer carries count, next_page
//     and previous_page URLs.
//
// Mixing the two (sort_order with page[size], sort without it) and bad
// values are answered 400, the stricter reading of Zendesk's docs.
func listComments(c *apiCall, comments []Comment) {
	q := c.r.URL.Query()
	cursor := false
	for k := range q {
		if strings.HasPrefix(k, "page[") {
			cursor = true
		}
	}
	if cursor {
		listCommentsCursor(c, q, comments)
		return
	}
	listCommentsOffset(c, q, comments)
}

func badPagination(c *apiCall, desc string) {
	classicError(c.w, http.StatusBadRequest, "InvalidPaginationParameter", desc, nil)
}

func pageSize(v string) (int, bool) {
	if v == "" {
		return maxPageSize, true
	}
	n, err := strconv.Atoi(v)
	return n, err == nil && n >= 1 && n <= maxPageSize
}

func listCommentsCursor(c *apiCall, q url.Values, comments []Comment) {
	if q.Has("sort_order") || q.Has("per_page") || q.Has("page") {
		badPagination(c, "sort_order, per_page and page are offset pagination parameters; cursor pagination takes sort and page[...]")
		return
	}
	size, ok := pageSize(q.Get("page[size]"))
	if !ok {
		badPagination(c, "page[size] must be a number from 1 to 100")
		return
	}
	switch q.Get("sort") {
	case "", "created_at":
	case "-created_at":
		comments = slices.Clone(comments)
		slices.Reverse(comments)
	default:
		badPagination(c, "sort must be created_at or -created_at")
		return
	}
	after, before := q.Get("page[after]"), q.Get("page[before]")
	if after != "" && before != "" {
		badPagination(c, "page[after] and page[before] cannot be combined")
		return
	}
	// start..end is the page, as positions in the sorted list.
	start, end := 0, min(size, len(comments))
	if after != "" || before != "" {
		at, ok := cursorPosition(comments, after+before)
		if !ok {
			badPagination(c, "page[after] or page[before] is not a valid cursor")
			return
		}
		if after != "" {
			start, end = at+1, min(at+1+size, len(comments))
		} else {
			start, end = max(at-size, 0), at
		}
	}
	page := comments[start:end]
	list := []any{}
	for _, cm := range page {
		list = append(list, commentJSON(cm))
	}
	meta := map[string]any{"has_more": end < len(comments), "after_cursor": nil, "before_cursor": nil}
	links := map[string]any{"next": nil, "prev": nil}
	if len(page) > 0 {
		meta["after_cursor"] = encodeCursor(page[len(page)-1].ID)
		meta["before_cursor"] = encodeCursor(page[0].ID)
		next, prev := pageLink(c, q, "page[after]", meta["after_cursor"].(string)), pageLink(c, q, "page[before]", meta["before_cursor"].(string))
		if end < len(comments) {
			links["next"] = next
		}
		if start > 0 {
			links["prev"] = prev
		}
	}
	writeJSON(c.w, http.StatusOK, map[string]any{"comments": list, "meta": meta, "links": links})
}

func encodeCursor(id int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("comment:" + strconv.FormatInt(id, 10)))
}

// cursorPosition finds the position of the comment a cursor names.
func cursorPosition(comments []Comment, cursor string) (int, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil {
		return 0, false
	}
	idText, ok := strings.CutPrefix(string(raw), "comment:")
	if !ok {
		return 0, false
	}
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil {
		return 0, false
	}
	i := slices.IndexFunc(comments, func(c Comment) bool { return c.ID == id })
	return i, i >= 0
}

func pageLink(c *apiCall, q url.Values, key, cursor string) string {
	q2 := url.Values{}
	for k, v := range q {
		if k != "page[after]" && k != "page[before]" {
			q2[k] = v
		}
	}
	q2.Set(key, cursor)
	return baseURL(c.r) + c.r.URL.Path + "?" + q2.Encode()
}

func listCommentsOffset(c *apiCall, q url.Values, comments []Comment) {
	if q.Has("sort") {
		badPagination(c, "sort is a cursor pagination parameter; offset pagination takes sort_order")
		return
	}
	size, ok := pageSize(q.Get("per_page"))
	if !ok {
		badPagination(c, "per_page must be a number from 1 to 100")
		return
	}
	pageNo := 1
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			badPagination(c, "page must be a positive number")
			return
		}
		pageNo = n
	}
	switch q.Get("sort_order") {
	case "", "asc":
	case "desc":
		comments = slices.Clone(comments)
		slices.Reverse(comments)
	default:
		badPagination(c, "sort_order must be asc or desc")
		return
	}
	start := min((pageNo-1)*size, len(comments))
	end := min(start+size, len(comments))
	list := []any{}
	for _, cm := range comments[start:end] {
		list = append(list, commentJSON(cm))
	}
	link := func(n int) string {
		q2 := url.Values{}
		for k, v := range q {
			q2[k] = v
		}
		q2.Set("page", strconv.Itoa(n))
		return baseURL(c.r) + c.r.URL.Path + "?" + q2.Encode()
	}
	var next, prev any
	if end < len(comments) {
		next = link(pageNo + 1)
	}
	if pageNo > 1 {
		prev = link(pageNo - 1)
	}
	writeJSON(c.w, http.StatusOK, map[string]any{"comments": list, "count": len(comments), "next_page": next, "previous_page": prev})
}
