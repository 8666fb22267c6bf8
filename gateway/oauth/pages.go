package oauth

import (
	"html/template"
	"net/http"
	"net/url"

	"github.com/sigsentry/deskgate/gateway/store"
)

// pageData is one outcome page of the OAuth callback. Pages carry fixed
// text plus the binding's name: nothing the desk or the browser sent is
// echoed back.
type pageData struct {
	Title   string
	Message string
	// Binding and Link are filled in by page().
	Binding string
	Link    string
}

var (
	pageMissingState   = pageData{Title: "Link incomplete", Message: "This page was opened without the state the desk sends back. Start again from the binding's Connect button."}
	pageBadState       = pageData{Title: "Link expired or already used", Message: "Connect links work once and for 10 minutes. Start again from the binding's Connect button."}
	pageDenied         = pageData{Title: "Access not granted", Message: "The desk did not grant deskgate access, so nothing was installed. Connect again and choose Allow to finish."}
	pageDeskError      = pageData{Title: "Authorization failed", Message: "The desk did not return an authorization. Nothing was installed; the audit log has the details. Try connecting again."}
	pageExchange       = pageData{Title: "Authorization failed", Message: "The desk did not accept the authorization code (it may have expired). Nothing was installed; the audit log has the details. Try connecting again."}
	pageUnknownBinding = pageData{Title: "Binding not configured", Message: "This binding is no longer in deskgate's configuration, so nothing was installed."}
	pagePlugin         = pageData{Title: "Plugin unavailable", Message: "The desk's plugin could not be reached. Nothing was installed; the audit log has the details."}
	pageInstall        = pageData{Title: "Install failed", Message: "deskgate was authorized but could not register its webhook in the desk. Nothing was left installed and the binding stays inactive; the audit log says why. Fix the cause and connect again."}
	pageInternal       = pageData{Title: "Something went wrong", Message: "deskgate could not finish connecting. Nothing was left installed; the audit log has the details."}
)

var pageTmpl = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>deskgate: {{.Title}}</title></head>
<body>
<h1>{{.Title}}</h1>
{{if .Binding}}<p>Binding: <code>{{.Binding}}</code></p>{{end}}
<p>{{.Message}}</p>
{{if .Link}}<p><a href="{{.Link}}">Back to the binding</a></p>{{else}}<p><a href="/">Back to deskgate</a></p>{{end}}
</body></html>
`))

func (m *Manager) page(w http.ResponseWriter, status int, p pageData, key store.BindingKey) {
	if key != (store.BindingKey{}) {
		p.Binding = key.String()
		p.Link = "/bindings/" + url.PathEscape(key.Platform) + "/" + url.PathEscape(key.Name)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	if err := pageTmpl.Execute(w, p); err != nil {
		m.log.Warn("write callback page failed", "error", err)
	}
}
