package sandbox

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/url"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sigsentry/deskgate/internal/testbin"
)

func TestClient_drivesTheSandboxThroughTheAdminAPI(t *testing.T) {
	rc := newReceiver(t, nil)
	e := newEnv(t, Options{AccountID: 777})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := NewClient(e.srv.URL)

	if id, err := c.AccountID(ctx); err != nil || id != 777 {
		t.Fatalf("AccountID = %d, %v", id, err)
	}
	fid, err := c.AddTicketField(ctx, "Severity", "text")
	if err != nil || fid == 0 {
		t.Fatalf("AddTicketField = %d, %v", fid, err)
	}
	e.install(rc.srv.URL, `{"id":"{{ticket.id}}"}`)
	hooks, err := c.Webhooks(ctx)
	if err != nil || len(hooks) != 1 || hooks[0].SigningSecret == "" {
		t.Fatalf("Webhooks = %+v, %v", hooks, err)
	}
	trs, err := c.Triggers(ctx)
	if err != nil || len(trs) != 1 || trs[0].Actions[0].Field != "notification_webhook" {
		t.Fatalf("Triggers = %+v, %v", trs, err)
	}
	if err := c.DuplicateNext(ctx, 1); err != nil {
		t.Fatal(err)
	}
	id, err := c.CreateTicket(ctx, TicketInput{Subject: "Login broken", Description: "cannot log in", Priority: "high",
		RequesterName: "Ann", RequesterEmail: "ann@example.com"})
	if err != nil || id == 0 {
		t.Fatalf("CreateTicket = %d, %v", id, err)
	}
	if err := c.WaitDeliveries(ctx, 2); err != nil {
		t.Fatal(err)
	}
	ds, err := c.Deliveries(ctx)
	if err != nil || len(ds) != 2 || ds[0].InvocationID != ds[1].InvocationID || !ds[1].Duplicate {
		t.Fatalf("Deliveries = %+v, %v", ds, err)
	}
	tk, found, err := c.Ticket(ctx, id)
	if err != nil || !found || tk.Subject != "Login broken" || tk.RequesterEmail != "ann@example.com" {
		t.Fatalf("Ticket = %+v %v %v", tk, found, err)
	}
	if _, found, err := c.Ticket(ctx, 999); err != nil || found {
		t.Fatalf("missing Ticket: found=%v err=%v", found, err)
	}

	access, refresh, err := c.IssueToken(ctx, "tickets:read tickets:write")
	if err != nil || access == "" || refresh == "" {
		t.Fatalf("IssueToken: %v", err)
	}
	st, _, _ := e.call("PUT", "/api/v2/tickets/1.json", access, map[string]any{"ticket": map[string]any{
		"comment": map[string]any{"body": "Triage: high", "public": false}, "custom_fields": []any{map[string]any{"id": fid, "value": "high"}}}})
	if st != 200 {
		t.Fatalf("update: %d", st)
	}
	cs, err := c.Comments(ctx, id)
	if err != nil || len(cs) != 2 || cs[1].Public || cs[1].Body != "Triage: high" {
		t.Fatalf("Comments = %+v, %v", cs, err)
	}
	fields, err := c.CustomFields(ctx, id)
	if err != nil || fields[fid] != "high" {
		t.Fatalf("CustomFields = %v, %v", fields, err)
	}
	if err := c.SetFieldEditable(ctx, fid, false); err != nil {
		t.Fatal(err)
	}
	if fs, _ := c.TicketFields(ctx); len(fs) != 1 || fs[0].Editable {
		t.Fatalf("TicketFields after SetFieldEditable(false) = %+v", fs)
	}

	if ok, err := c.TokenValid(ctx, access); err != nil || !ok {
		t.Fatalf("TokenValid = %v, %v", ok, err)
	}
	if err := c.RevokeAll(ctx); err != nil {
		t.Fatal(err)
	}
	if ok, _ := c.TokenValid(ctx, access); ok {
		t.Fatal("token valid after RevokeAll")
	}

	if err := c.InjectFaults(ctx, "/api/v2/ticket_fields", 1, Fault503); err != nil {
		t.Fatal(err)
	}
	a2, _, _ := c.IssueToken(ctx, "read")
	if st, _, _ := e.call("GET", "/api/v2/ticket_fields.json", a2, nil); st != 503 {
		t.Fatalf("injected 503 gave %d", st)
	}
	if err := c.InjectFaults(ctx, "/x", 1, "teapot"); err == nil {
		t.Fatal("unknown fault kind accepted")
	}

	if err := c.DenyNext(ctx); err != nil {
		t.Fatal(err)
	}
	if _, q := e.authorize(authParams(testClientID, "read", "s")); q.Get("error") != "access_denied" {
		t.Fatalf("after DenyNext: %v", q)
	}
	if err := c.SetUpdateTicketLimit(ctx, 1); err != nil {
		t.Fatal(err)
	}
	short, cancelShort := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancelShort()
	if err := c.WaitDeliveries(short, 99); err == nil {
		t.Fatal("WaitDeliveries(99) returned without error")
	}
}

func TestPage_createsTicketsAndShowsInternalNotesMarked(t *testing.T) {
	e := newEnv(t, Options{})
	f := e.sb.AddTicketField("Severity", "text")
	resp, err := noRedirect.PostForm(e.srv.URL+"/sandbox/ui/tickets", url.Values{"subject": {"Payments <failing>"},
		"description": {"since 10:00"}, "priority": {"urgent"}, "requester_name": {"Ann"}, "requester_email": {"ann@example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/sandbox/ui/tickets/1" {
		t.Fatalf("create via form: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	access, _ := e.sb.IssueToken("tickets:write")
	e.call("PUT", "/api/v2/tickets/1.json", access, map[string]any{"ticket": map[string]any{
		"comment": map[string]any{"body": "Severity: critical", "public": false}, "custom_fields": []any{map[string]any{"id": f, "value": "critical"}}}})
	page := get(t, e.srv.URL+"/sandbox/ui/tickets/1")
	for _, want := range []string{"Payments &lt;failing&gt;", "Internal note", "Severity: critical", "<td>critical</td>"} {
		if !strings.Contains(page, want) {
			t.Errorf("ticket page lacks %q", want)
		}
	}
	if index := get(t, e.srv.URL+"/sandbox/"); !strings.Contains(index, `href="/sandbox/ui/tickets/1"`) {
		t.Error("index page does not list the ticket")
	}
}

func get(t *testing.T, u string) string {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", u, resp.StatusCode)
	}
	return string(b)
}

func TestBinary_servesWithFixedFieldIDsAndStopsOnSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	bin := testbin.Path(t, "zendesk-sandbox")
	cmd := exec.Command(bin, "-listen", "127.0.0.1:0", "-client-id", "cid", "-client-secret", "csec",
		"-redirect-uri", "http://127.0.0.1:1/cb", "-redirect-uri", "http://127.0.0.1:2/cb")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	reaped := false // set once the test has received from exited
	t.Cleanup(func() {
		if !reaped {
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		if sc.Scan() {
			lines <- sc.Text()
		}
		_, _ = io.Copy(io.Discard, out)
		exited <- cmd.Wait()
	}()
	var line string
	select {
	case line = <-lines:
	case <-time.After(30 * time.Second):
		t.Fatal("no listening line within 30s")
	}
	base := regexp.MustCompile(`http://127\.0\.0\.1:\d+`).FindString(line)
	if base == "" {
		t.Fatalf("no URL in %q", line)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c := NewClient(base)
	fs, err := c.TicketFields(ctx)
	if err != nil || len(fs) != 3 || fs[0].ID != 360001234567 || fs[1].ID != 360002345678 || fs[2].ID != 360003456789 {
		t.Fatalf("fields = %+v, %v", fs, err)
	}
	// The second repeated -redirect-uri is registered.
	resp, err := noRedirect.Get(base + "/oauth/authorizations/new?" + url.Values{"response_type": {"code"}, "client_id": {"cid"},
		"redirect_uri": {"http://127.0.0.1:2/cb"}, "scope": {"read"}, "state": {"s"}}.Encode())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound || !strings.Contains(resp.Header.Get("Location"), "code=") {
		t.Fatalf("authorize: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		reaped = true
		if err != nil {
			t.Fatalf("exit after SIGTERM: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("still running 10s after SIGTERM")
	}
}

func TestClient_shapesTicketsAndFieldsForTheLongTicketAndDropDownCases(t *testing.T) {
	e := newEnv(t, Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c := NewClient(e.srv.URL)
	id, err := c.CreateTicket(ctx, TicketInput{Subject: "s", Description: "d"})
	if err != nil {
		t.Fatal(err)
	}
	cid, err := c.AddComment(ctx, id, CommentInput{Body: strings.Repeat("long e-mail ", 4000)})
	cs := e.sb.Comments(id)
	if err != nil || len(cs) != 2 || cs[1].ID != cid || cs[1].AuthorID != cs[0].AuthorID || !cs[1].Public || !strings.HasPrefix(cs[1].HTMLBody, "<div") {
		t.Fatalf("AddComment = %d, %v; comments %d", cid, err, len(cs))
	}
	if _, err := c.AddComment(ctx, id+100, CommentInput{Body: "x"}); err == nil {
		t.Error("AddComment on a missing ticket succeeded")
	}
	fid, err := c.AddDropdownField(ctx, "Severity", "low", "high")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.SetFieldRequired(ctx, fid, true); err != nil {
		t.Fatal(err)
	}
	fs := e.sb.TicketFields()
	if len(fs) != 1 || fs[0].Type != "tagger" || !fs[0].Required || strings.Join(fs[0].Options, ",") != "low,high" {
		t.Fatalf("fields = %+v", fs)
	}
	if err := c.SetTicketStatus(ctx, id, "closed"); err != nil {
		t.Fatal(err)
	}
	if tk, _ := e.sb.Ticket(id); tk.Status != "closed" {
		t.Errorf("status = %q", tk.Status)
	}
	if err := c.SetTicketStatus(ctx, id, "archived"); err == nil {
		t.Error("an unknown status was accepted")
	}
}
