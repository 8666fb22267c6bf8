package web

import (
	"net/http"
	"net/url"
	"time"

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
	oauth.OtherBrowser:      {http.StatusBadRequest, "Opened in another browser", "This connection was started in a different browser, or long enough ago that its link expired, so deskgate did not accept it and nothing was installed. Click the binding's Connect button in the browser you approve it in."},
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
	key, outcome := s.o.Connector.Callback(r.Context(), r.URL.Query(), s.o.Auth.takeFlowCookie(w, r))
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

// The OAuth flow cookie binds a flow to the browser that started it: set at
// /connect, it holds oauth.BrowserProof of the state (a hash, never the
// state), lives as long as the state, and is SameSite=Lax because the
// callback is a top-level navigation from the desk's site, which a Strict
// cookie would not follow. Its name carries a piece of the proof, so two
// flows started in two tabs do not overwrite each other's cookie.
const flowCookiePrefix = "deskgate_oauth_"

func (a *Auth) flowCookieName(proof string) string {
	name := flowCookiePrefix + proof[:min(16, len(proof))]
	if a.secure {
		return "__Host-" + name // Secure, Path=/ and no Domain: no sibling subdomain can plant it
	}
	return name
}

func (a *Auth) setFlowCookie(w http.ResponseWriter, proof string) {
	http.SetCookie(w, &http.Cookie{Name: a.flowCookieName(proof), Value: proof, Path: "/",
		MaxAge: int(oauth.StateTTL / time.Second), HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteLaxMode})
}

// takeFlowCookie returns the proof cookie of the callback's state ("" when
// the browser has none) and clears it: a flow is finished once.
func (a *Auth) takeFlowCookie(w http.ResponseWriter, r *http.Request) string {
	state := r.URL.Query().Get("state")
	if state == "" {
		return ""
	}
	name := a.flowCookieName(oauth.BrowserProof(state))
	c, err := r.Cookie(name)
	if err != nil {
		return ""
	}
	http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: a.secure, SameSite: http.SameSiteLaxMode})
	return c.Value
}
