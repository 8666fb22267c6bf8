package jsm

import (
	"encoding/json"
	"strings"
	"testing"
)

// The requester's zone is the reporter's profile timeZone: the issue's
// reporter, or the service request's where it has one (as for the name and
// email). A zone hidden by privacy settings (null or absent) or one that is
// not a loadable zone name leaves it empty.
func TestDecodeIssue_takesTheRequesterZoneFromTheReporterProfile(t *testing.T) {
	cases := []struct {
		name      string
		issueZone string // the issue reporter's timeZone as JSON; "" for absent
		request   string // the service request's reporter; "" for no request
		want      string
	}{
		{"the issue reporter's zone", `"Australia/Sydney"`, "", "Australia/Sydney"},
		{"the request reporter's zone wins", `"Australia/Sydney"`,
			`{"accountId":"qm:1","displayName":"Cy Customer","emailAddress":"cy@example.com","timeZone":"Europe/Helsinki"}`, "Europe/Helsinki"},
		{"a request reporter without one keeps the issue reporter's", `"Australia/Sydney"`,
			`{"accountId":"qm:1","displayName":"Cy Customer","emailAddress":"cy@example.com","timeZone":null}`, "Australia/Sydney"},
		{"a bad request zone does not replace a good one", `"Australia/Sydney"`,
			`{"accountId":"qm:1","displayName":"Cy Customer","timeZone":"Mars/Olympus_Mons"}`, "Australia/Sydney"},
		{"a request zone of another shape keeps the request's name", `"Australia/Sydney"`,
			`{"accountId":"qm:1","displayName":"Cy Customer","timeZone":42}`, "Australia/Sydney"},
		{"surrounding space is trimmed", `" America/New_York "`, "", "America/New_York"},
		{"null", `null`, "", ""},
		{"absent", ``, "", ""},
		{"empty", `""`, "", ""},
		{"null on both", `null`, `{"displayName":"Cy Customer","timeZone":null}`, ""},
		{"not a zone name", `"Mars/Olympus_Mons"`, "", ""},
		{"a display name, not a zone name", `"Eastern Time (US & Canada)"`, "", ""},
		{"Local, the host's own zone", `"Local"`, "", ""},
		{"a path out of the zone database", `"../../etc/passwd"`, "", ""},
		{"absurdly long", `"` + strings.Repeat("Europe/", 20) + `Paris"`, "", ""},
		{"not a string", `{"id":"Europe/Paris"}`, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := `"reporter":{"accountId":"5b10a2844c20165700ede21g","accountType":"atlassian","displayName":"Ada Agent","emailAddress":"ada@example.com"`
			if c.issueZone != "" {
				rep += `,"timeZone":` + c.issueZone
			}
			rep += "}"
			var is issueJSON
			if err := json.Unmarshal([]byte(`{"id":"10019","key":"SUP-20","fields":{"summary":"Checkout down since 9:40",`+rep+`}}`), &is); err != nil {
				t.Fatal(err)
			}
			var rq requestJSON
			if c.request != "" {
				if err := json.Unmarshal([]byte(`{"issueKey":"SUP-20","reporter":`+c.request+`}`), &rq); err != nil {
					t.Fatal(err)
				}
			}
			got, err := decodeIssue(is, rq)
			if err != nil {
				t.Fatal(err)
			}
			if got.RequesterTimeZone != c.want {
				t.Errorf("zone %q, want %q", got.RequesterTimeZone, c.want)
			}
			wantName := "Ada Agent"
			if c.request != "" {
				wantName = "Cy Customer"
			}
			if got.RequesterName != wantName || got.Subject != "Checkout down since 9:40" {
				t.Errorf("name %q, subject %q: the rest of the ticket changed", got.RequesterName, got.Subject)
			}
		})
	}
}
