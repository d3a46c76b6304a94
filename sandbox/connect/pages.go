package connect

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
	"net/http"
	"net/url"
	"sort"
)

var pages = template.Must(template.New("pages").Parse(`
{{define "error"}}<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Visma Connect - Error</title></head>
<body><main>
<h1>Sorry, there was an error</h1>
<p class="error-message">{{.Message}}</p>
<p>Error ID: <code class="error-id">{{.ErrorID}}</code></p>
<p>Give this Error ID to the application's developer; it identifies this failed request.</p>
</main></body></html>
{{end}}
{{define "consent"}}<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>Visma Connect - {{.T.Title}}</title></head>
<body><main>
<h1>{{.T.Title}}</h1>
<p>{{.T.SignedInAs}} <strong>{{.UserName}}</strong>{{if .UserEmail}} ({{.UserEmail}}){{end}}.</p>
<p><strong class="application">{{.App}}</strong> {{.T.Wants}}</p>
<ul class="scopes">{{range .Scopes}}
<li><code>{{.Name}}</code>: {{.Text}}</li>{{end}}
</ul>
<form method="post" action="/connect/authorize/decision">
<input type="hidden" name="request" value="{{.RequestID}}">
<button type="submit" name="decision" value="accept">{{.T.Accept}}</button>
<button type="submit" name="decision" value="cancel">{{.T.Cancel}}</button>
</form>
</main></body></html>
{{end}}
{{define "formpost"}}<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Submit this form</title></head>
<body>
<form method="post" action="{{.Action}}">
{{range .Fields}}<input type="hidden" name="{{.Name}}" value="{{.Value}}">
{{end}}<noscript><p>JavaScript is off. Press the button to continue.</p></noscript>
<button type="submit">Continue</button>
</form>
<script>` + autoSubmitJS + `</script>
</body></html>
{{end}}
{{define "signedout"}}<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Visma Connect - Signed out</title></head>
<body><main><h1>You are now signed out</h1></main></body></html>
{{end}}
`))

const autoSubmitJS = `window.addEventListener('load', function () { document.forms[0].submit(); });`

// autoSubmitHash is the CSP hash that lets only the auto-submit script run.
var autoSubmitHash = func() string {
	sum := sha256.Sum256([]byte(autoSubmitJS))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}()

type pageText struct{ Title, SignedInAs, Wants, Accept, Cancel string }

var (
	textEN = pageText{"Allow access", "You are signed in as", "wants to access your account and may:", "Accept", "Cancel"}
	textDA = pageText{"Giv adgang", "Du er logget ind som", "vil gerne have adgang til din konto og må:", "Acceptér", "Annuller"}
)

var scopeText = map[string][2]string{ // scope -> {English, Danish}
	"dineropublicapi:read":  {"Read your data in Dinero", "Læse dine data i Dinero"},
	"dineropublicapi:write": {"Create and change your data in Dinero", "Oprette og ændre dine data i Dinero"},
	"offline_access":        {"Keep access while you are not using the application", "Bevare adgangen, når du ikke bruger applikationen"},
	"openid":                {"Know who you are", "Kende din identitet"},
	"email":                 {"See your e-mail address", "Se din e-mailadresse"},
	"profile":               {"See your name", "Se dit navn"},
}

func htmlHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Pragma", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
}

// errorPage renders the authorize error page (status 400, no redirect).
func (s *Server) errorPage(w http.ResponseWriter, message string) {
	htmlHeaders(w)
	w.Header().Set("Content-Security-Policy", "default-src 'none'")
	w.WriteHeader(http.StatusBadRequest)
	_ = pages.ExecuteTemplate(w, "error", map[string]string{"Message": message, "ErrorID": randomUUID()})
}

// consentPage renders the consent form for a pending request.
func (s *Server) consentPage(w http.ResponseWriter, p *pendingAuth, requestID string) {
	type scopeLine struct{ Name, Text string }
	lang, t, idx := "en", textEN, 0
	if p.danish {
		lang, t, idx = "da", textDA, 1
	}
	lines := make([]scopeLine, 0, len(p.scopes))
	for _, sc := range p.scopes {
		lines = append(lines, scopeLine{sc, scopeText[sc][idx]})
	}
	htmlHeaders(w)
	w.Header().Set("Content-Security-Policy", "default-src 'none'; form-action 'self'; frame-ancestors 'none'")
	_ = pages.ExecuteTemplate(w, "consent", map[string]any{
		"Lang": lang, "T": t, "App": p.client.ID, "Scopes": lines, "RequestID": requestID,
		"UserName": s.user.Name, "UserEmail": s.user.Email,
	})
}

// formPostPage renders the OAuth 2.0 Form Post Response Mode page: a form
// that POSTs v to the (registered) redirect URI, submitted by a hashed
// script or by hand when JavaScript is off.
func (s *Server) formPostPage(w http.ResponseWriter, redirectURI string, v url.Values) {
	type field struct{ Name, Value string }
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fields := make([]field, 0, len(keys))
	for _, k := range keys {
		fields = append(fields, field{k, v.Get(k)})
	}
	htmlHeaders(w)
	w.Header().Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; form-action "+
		origin(redirectURI)+"; script-src "+autoSubmitHash)
	// The redirect URI was checked against the registration, so it may be
	// used as the action even with a custom scheme.
	_ = pages.ExecuteTemplate(w, "formpost", map[string]any{"Action": template.URL(redirectURI), "Fields": fields})
}
