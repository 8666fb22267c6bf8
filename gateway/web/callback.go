package web

import (
	"net/http"
	"net/url"

	"github.com/sigsentry/deskgate/gateway/oauth"
	"github.com/sigsentry/deskgate/gateway/store"
)

// callbackPage is the page for one way an OAuth callback can fail. The pages
// carry fixed text plus the binding's name (from the gateway's own state,
// never from the request): nothing the desk or the browser sent is echoed.
type callbackPage struct {
	Status         int
	Title, Message string
}

var callbackPages = map[oauth.Outcome]callbackPage{
	oauth.MissingState:      {http.StatusBadRequest, "Link incomplete", "This page was opened without the state the desk sends back. Start again from the binding's Connect button."},
	oauth.BadState:          {http.StatusBadRequest, "Link expired or already used", "Connect links work once and for 10 minutes. Start again from the binding's Connect button."},
	oauth.Denied:            {http.StatusBadRequest, "Access not granted", "The desk did not grant deskgate access, so nothing was installed. Connect again and choose Allow to finish."},
	oauth.DeskError:         {http.StatusBadRequest, "Authorization failed", "The desk did not return an authorization. Nothing was installed; the audit log has the details. Try connecting again."},
	oauth.ExchangeFailed:    {http.StatusBadGateway, "Authorization failed", "The desk did not accept the authorization code (it may have expired). Nothing was installed; the audit log has the details. Try connecting again."},
	oauth.UnknownBinding:    {http.StatusNotFound, "Binding not configured", "This binding is no longer in deskgate's configuration, so nothing was installed."},
	oauth.PluginUnavailable: {http.StatusBadGateway, "Plugin unavailable", "The desk's plugin could not be reached. Nothing was installed; the audit log has the details."},
	oauth.InstallFailed:     {http.StatusBadGateway, "Install failed", "deskgate was authorized but could not register its webhook in the desk. Nothing was left installed and the binding stays inactive; the audit log says why. Fix the cause and connect again."},
	oauth.Failed:            {http.StatusInternalServerError, "Something went wrong", "deskgate could not finish connecting. Nothing was left installed; the audit log has the details."},
}

// callbackView is the callback template's Data.
type callbackView struct {
	Binding, Message, Link string
}

// callback serves GET /oauth/callback: the oauth manager finishes the flow,
// caches drop the binding's old install state, and the admin lands on the
// binding's page, or on a page saying what went wrong and what to do.
func (s *Server) callback(w http.ResponseWriter, r *http.Request) {
	writeSecurityHeaders(w.Header()) // the redirect too: the URL carries the code
	key, outcome := s.o.Connector.Callback(r.Context(), r.URL.Query())
	for _, b := range s.o.Config().Bindings {
		s.o.Changed(store.BindingKey{Platform: b.Platform, Name: b.Name})
	}
	link := ""
	if key != (store.BindingKey{}) {
		link = "/bindings/" + url.PathEscape(key.Platform) + "/" + url.PathEscape(key.Name)
	}
	if outcome == oauth.Connected {
		http.Redirect(w, r, link, http.StatusFound)
		return
	}
	p, ok := callbackPages[outcome]
	if !ok {
		s.log.Error("OAuth callback ended in an outcome without a page", "outcome", outcome.String())
		p = callbackPages[oauth.Failed]
	}
	s.render(w, p.Status, "callback", view{Title: p.Title, Data: callbackView{Binding: key.String(), Message: p.Message, Link: link}})
}
