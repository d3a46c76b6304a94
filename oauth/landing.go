package oauth

import (
	"html/template"
	"net/http"
	"strings"
)

// landing is one kind of page the browser lands on after the login.
type landing int

const (
	landingSuccess   landing = iota // logged in
	landingCancelled                // the user pressed Cancel at Visma Connect
	landingError                    // the login failed; dinero-tui shows why
	landingStale                    // an answer for another or a finished login
	landingRefused                  // not a login answer (wrong host, path, method, form)
)

// landingText is a page's title and sentence in one language.
type landingText struct{ title, text string }

// landingTexts holds the pages in English and Danish; never request data.
var landingTexts = map[string]map[landing]landingText{
	"en": {
		landingSuccess:   {"Logged in", "You are logged in to dinero-tui. You can close this tab and go back to the terminal."},
		landingCancelled: {"Login cancelled", "The login was cancelled. You can close this tab; start it again from dinero-tui when you are ready."},
		landingError:     {"Login failed", "The login failed; dinero-tui shows the reason in the terminal. You can close this tab."},
		landingStale:     {"Not this login", "This answer does not belong to the login dinero-tui is waiting for, or that login has already finished. You can close this tab."},
		landingRefused:   {"Not served here", "dinero-tui only accepts the login answer from Visma Connect here."},
	},
	"da": {
		landingSuccess:   {"Du er logget ind", "Du er logget ind i dinero-tui. Du kan lukke fanen og gå tilbage til terminalen."},
		landingCancelled: {"Login annulleret", "Login blev annulleret. Du kan lukke fanen og starte igen fra dinero-tui, når du er klar."},
		landingError:     {"Login mislykkedes", "Login mislykkedes; dinero-tui viser årsagen i terminalen. Du kan lukke fanen."},
		landingStale:     {"Ikke dette login", "Svaret hører ikke til det login, dinero-tui venter på, eller det login er allerede afsluttet. Du kan lukke fanen."},
		landingRefused:   {"Ikke her", "dinero-tui modtager kun login-svaret fra Visma Connect her."},
	},
}

// landingPage is self-contained plain HTML: no style sheet, no script, no
// external resource, so default-src 'none' blocks nothing it needs.
var landingPage = template.Must(template.New("landing").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dinero-tui · {{.Title}}</title>
</head>
<body>
<main>
<h1>{{.Title}}</h1>
<p>{{.Text}}</p>
<p><small>dinero-tui</small></p>
</main>
</body>
</html>
`))

// landingLang picks the page language from a UI locale (da-DK → da);
// anything but Danish gets English.
func landingLang(locale string) string {
	if l := strings.ToLower(locale); l == "da" || strings.HasPrefix(l, "da-") || strings.HasPrefix(l, "da_") {
		return "da"
	}
	return "en"
}

// writeLanding answers with the page of kind in the locale's language,
// with headers that forbid caching and every external resource.
func writeLanding(w http.ResponseWriter, status int, locale string, kind landing) {
	lang := landingLang(locale)
	t := landingTexts[lang][kind]
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	landingPage.Execute(w, struct{ Lang, Title, Text string }{lang, t.title, t.text})
}
