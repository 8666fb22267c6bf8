package sandbox

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// commentIDs reads the ids of a comments page.
func commentIDs(t *testing.T, body map[string]any) []int64 {
	t.Helper()
	list, ok := body["comments"].([]any)
	if !ok {
		t.Fatalf("no comments list in %v", body)
	}
	var out []int64
	for _, c := range list {
		out = append(out, int64(c.(map[string]any)["id"].(float64)))
	}
	return out
}

func TestComments_pageAsZendeskDoes(t *testing.T) {
	e := newEnv(t, Options{})
	id, _ := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "first"})
	for i := 0; i < 24; i++ {
		if _, err := e.sb.AddComment(id, CommentInput{Body: fmt.Sprintf("reply %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	var all []int64 // oldest first
	for _, c := range e.sb.Comments(id) {
		all = append(all, c.ID)
	}
	newest := slices.Clone(all)
	slices.Reverse(newest)
	access, _ := e.sb.IssueToken("tickets:read")
	path := "/api/v2/tickets/" + strconv.FormatInt(id, 10) + "/comments.json"

	// walk follows a pagination to its end and returns every id it saw.
	walk := func(t *testing.T, query string, next func(body map[string]any) string) []int64 {
		var seen []int64
		q := query
		for pages := 0; ; pages++ {
			if pages > 30 {
				t.Fatal("pagination does not end")
			}
			st, body, _ := e.call("GET", path+"?"+q, access, nil)
			if st != 200 {
				t.Fatalf("GET ?%s: %d %v", q, st, body)
			}
			seen = append(seen, commentIDs(t, body)...)
			if q = next(body); q == "" {
				return seen
			}
		}
	}
	cursorNext := func(body map[string]any) string {
		meta := body["meta"].(map[string]any)
		if meta["has_more"] != true {
			if links := body["links"].(map[string]any); links["next"] != nil {
				t.Errorf("links.next %v on the last page", links["next"])
			}
			return ""
		}
		next, _ := url.Parse(body["links"].(map[string]any)["next"].(string))
		if next.Query().Get("page[after]") != meta["after_cursor"] {
			t.Errorf("links.next %s does not carry after_cursor %v", next, meta["after_cursor"])
		}
		return next.RawQuery
	}
	offsetNext := func(body map[string]any) string {
		if body["count"] != float64(len(all)) {
			t.Errorf("count = %v, want %d", body["count"], len(all))
		}
		if n, ok := body["next_page"].(string); ok {
			u, _ := url.Parse(n)
			return u.RawQuery
		}
		return ""
	}

	tests := []struct {
		name  string
		query string
		next  func(map[string]any) string
		want  []int64
	}{
		{"cursor pages newest first cover every comment once", "sort=-created_at&page[size]=10", cursorNext, newest},
		{"cursor pages default to oldest first", "page[size]=7", cursorNext, all},
		{"offset pages in descending order cover every comment once", "sort_order=desc&per_page=10", offsetNext, newest},
		{"offset pages default to a hundred oldest first", "", offsetNext, all},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := walk(t, tt.query, tt.next); !slices.Equal(got, tt.want) {
				t.Errorf("ids = %v, want %v", got, tt.want)
			}
		})
	}

	t.Run("a before cursor goes back to the previous page", func(t *testing.T) {
		_, first, _ := e.call("GET", path+"?sort=-created_at&page[size]=5", access, nil)
		after := first["meta"].(map[string]any)["after_cursor"].(string)
		_, second, _ := e.call("GET", path+"?sort=-created_at&page[size]=5&page[after]="+url.QueryEscape(after), access, nil)
		before := second["meta"].(map[string]any)["before_cursor"].(string)
		_, back, _ := e.call("GET", path+"?sort=-created_at&page[size]=5&page[before]="+url.QueryEscape(before), access, nil)
		if got := commentIDs(t, back); !slices.Equal(got, newest[:5]) {
			t.Errorf("back to %v, want %v", got, newest[:5])
		}
	})

	for _, q := range []string{"page[size]=101", "page[size]=0", "page[size]=10&sort=newest", "page[size]=10&sort_order=desc",
		"sort=-created_at", "per_page=500", "page[after]=bm90LWEtY3Vyc29y"} {
		t.Run("a bad pagination is refused: "+q, func(t *testing.T) {
			st, body, _ := e.call("GET", path+"?"+q, access, nil)
			if st != 400 || errCode(body) != "InvalidPaginationParameter" {
				t.Errorf("GET ?%s = %d %v, want 400 InvalidPaginationParameter", q, st, body)
			}
		})
	}
}

func TestUpdateTicket_modelsDropDownsRequiredFieldsAndClosedTickets(t *testing.T) {
	e := newEnv(t, Options{})
	access, _ := e.sb.IssueToken("tickets:read tickets:write")
	tests := []struct {
		name   string
		setup  func(t *testing.T, ticket, dropdown, multi int64)
		field  string // "dropdown" or "multi"
		value  any
		status int
		// after the update
		wantDropdown any
		wantMulti    any
		wantDetail   string // a 422 details entry description
		wantFieldID  string // "required" for the required field's id
	}{
		{name: "a drop-down value among its option tags is stored", field: "dropdown", value: "high",
			status: 200, wantDropdown: "high", wantMulti: []string{"a"}},
		{name: "a drop-down value that is not an option tag keeps the old value and answers 200", field: "dropdown", value: "critical",
			status: 200, wantDropdown: "medium", wantMulti: []string{"a"}},
		{name: "a multi-select keeps only its known tags", field: "multi", value: []string{"b", "zz"},
			status: 200, wantDropdown: "medium", wantMulti: []string{"b"}},
		{name: "a multi-select of unknown tags keeps the old value", field: "multi", value: []string{"zz"},
			status: 200, wantDropdown: "medium", wantMulti: []string{"a"}},
		{name: "a drop-down is cleared with null", field: "dropdown", value: nil,
			status: 200, wantDropdown: nil, wantMulti: []string{"a"}},
		{name: "an update of a solved ticket missing a required field is refused naming that field",
			setup: func(t *testing.T, ticket, dropdown, multi int64) {
				req := e.sb.AddTicketField("Type", "tagger")
				e.sb.SetFieldRequired(req, true)
				if err := e.sb.SetTicketStatus(ticket, "solved"); err != nil {
					t.Fatal(err)
				}
			},
			field: "dropdown", value: "high", status: 422, wantDropdown: "medium", wantMulti: []string{"a"},
			wantDetail: "Type: is required when solving a ticket", wantFieldID: "required"},
		{name: "an update of a closed ticket is refused naming no field",
			setup: func(t *testing.T, ticket, dropdown, multi int64) {
				if err := e.sb.SetTicketStatus(ticket, "closed"); err != nil {
					t.Fatal(err)
				}
			},
			field: "dropdown", value: "high", status: 422, wantDropdown: "medium", wantMulti: []string{"a"},
			wantDetail: "Status: closed prevents ticket update"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dropdown := e.sb.AddDropdownField("Severity", "low", "medium", "high")
			multi := e.sb.AddTicketField("Products", "multiselect")
			e.sb.SetFieldOptions(multi, "a", "b")
			id, _ := e.sb.CreateTicket(TicketInput{Subject: "s", Description: "d"})
			path := "/api/v2/tickets/" + strconv.FormatInt(id, 10) + ".json"
			put := func(fid int64, v any) (int, map[string]any) {
				st, body, _ := e.call("PUT", path, access, map[string]any{"ticket": map[string]any{
					"custom_fields": []any{map[string]any{"id": fid, "value": v}}}})
				return st, body
			}
			if st, body := put(dropdown, "medium"); st != 200 {
				t.Fatalf("set medium: %d %v", st, body)
			}
			if st, body := put(multi, []string{"a"}); st != 200 {
				t.Fatalf("set a: %d %v", st, body)
			}
			var required int64
			if tt.setup != nil {
				before := e.sb.TicketFields()
				tt.setup(t, id, dropdown, multi)
				if after := e.sb.TicketFields(); len(after) > len(before) {
					required = after[len(after)-1].ID
				}
			}
			fid := map[string]int64{"dropdown": dropdown, "multi": multi}[tt.field]
			st, body := put(fid, tt.value)
			if st != tt.status {
				t.Fatalf("status %d %v, want %d", st, body, tt.status)
			}
			got := e.sb.CustomFields(id)
			if fmt.Sprint(got[dropdown]) != fmt.Sprint(tt.wantDropdown) || fmt.Sprint(got[multi]) != fmt.Sprint(tt.wantMulti) {
				t.Errorf("fields = %v / %v, want %v / %v", got[dropdown], got[multi], tt.wantDropdown, tt.wantMulti)
			}
			if st == 200 {
				// The response's ticket shows what the ticket holds.
				for _, cf := range body["ticket"].(map[string]any)["custom_fields"].([]any) {
					m := cf.(map[string]any)
					if int64(m["id"].(float64)) == dropdown && fmt.Sprint(m["value"]) != fmt.Sprint(tt.wantDropdown) {
						t.Errorf("response shows %v for the drop-down, want %v", m["value"], tt.wantDropdown)
					}
				}
				return
			}
			var entries []any
			for _, v := range body["details"].(map[string]any) {
				entries = append(entries, v.([]any)...)
			}
			if len(entries) != 1 || !strings.Contains(fmt.Sprint(entries[0].(map[string]any)["description"]), tt.wantDetail) {
				t.Fatalf("details = %v, want one entry %q", body["details"], tt.wantDetail)
			}
			gotID, named := entries[0].(map[string]any)["ticket_field_id"]
			switch {
			case tt.wantFieldID == "required" && (!named || int64(gotID.(float64)) != required):
				t.Errorf("entry names field %v, want the required field %d", gotID, required)
			case tt.wantFieldID == "" && named:
				t.Errorf("entry names field %v, want none", gotID)
			}
		})
	}
}

func TestTicketFields_showDropDownOptionsAndRequired(t *testing.T) {
	e := newEnv(t, Options{})
	access, _ := e.sb.IssueToken("read")
	id := e.sb.AddDropdownField("Severity", "low", "high")
	e.sb.SetFieldRequired(id, true)
	st, body, _ := e.call("GET", "/api/v2/ticket_fields/"+strconv.FormatInt(id, 10)+".json", access, nil)
	if st != 200 {
		t.Fatalf("%d %v", st, body)
	}
	f := body["ticket_field"].(map[string]any)
	var tags []string
	for _, o := range f["custom_field_options"].([]any) {
		tags = append(tags, o.(map[string]any)["value"].(string))
	}
	if f["type"] != "tagger" || f["required"] != true || !slices.Equal(tags, []string{"low", "high"}) {
		t.Errorf("field = %v", f)
	}
}
