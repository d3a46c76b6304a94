package dinero

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
)

// Dinero error codes used by the sandbox.
const (
	codeNotFound     = 40
	codeUnauthorized = 41
	codeValidation   = 42
	codeTimestamp    = 58
	codeDeleted      = 65
	codeNoPro        = 90
)

// apiError is an error answer in Dinero's JSON error shape.
type apiError struct {
	Status     int
	Code       int
	Message    string
	Validation map[string]string // field -> message; empty for non-validation errors
	Danish     string            // Danish text for languageSpecificMessages, optional
}

func (e *apiError) Error() string {
	return fmt.Sprintf("dinero %d/%d: %s", e.Status, e.Code, e.Message)
}

type langMessage struct {
	Property string `json:"property"`
	Message  string `json:"message"`
}

type errorBody struct {
	Code                     int               `json:"code"`
	Message                  string            `json:"message"`
	ValidationErrors         map[string]string `json:"validationErrors,omitempty"`
	LanguageSpecificMessages []langMessage     `json:"languageSpecificMessages,omitempty"`
}

func (e *apiError) body() errorBody {
	b := errorBody{Code: e.Code, Message: e.Message}
	if len(e.Validation) == 0 {
		return b
	}
	b.ValidationErrors = e.Validation
	keys := make([]string, 0, len(e.Validation))
	for k := range e.Validation {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if e.Danish != "" {
			b.LanguageSpecificMessages = append(b.LanguageSpecificMessages, langMessage{k, e.Danish})
		}
		b.LanguageSpecificMessages = append(b.LanguageSpecificMessages, langMessage{k, e.Validation[k]})
	}
	return b
}

// invalid is a 400 Validation Error about one field.
func invalid(field, msg string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: codeValidation, Message: "Validation Error",
		Validation: map[string]string{field: msg}, Danish: "Der er fejl i de indsendte data."}
}

// notFound is a 404 for an unknown entity.
func notFound(what string) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: codeNotFound, Message: "Not found",
		Validation: map[string]string{"message": what + " was not found."}, Danish: "Objektet blev ikke fundet."}
}

// isDeleted is the answer for an entity that has been deleted.
func isDeleted(what string) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: codeDeleted, Message: "Item is deleted",
		Validation: map[string]string{"message": "The " + what + " is deleted."},
		Danish:     "Da objektet er blevet slettet, kan du ikke rette i det."}
}

// staleTimestamp is the optimistic-concurrency failure (code 58).
func staleTimestamp(current string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Code: codeTimestamp, Message: "Timestamp outdated",
		Validation: map[string]string{"Timestamp": "The timestamp is outdated; fetch the entity again (current version " + current + ")."},
		Danish:     "Objektet er blevet ændret siden du hentede det. Hent det igen."}
}

var (
	errUnauthorized = &apiError{Status: http.StatusUnauthorized, Code: codeUnauthorized, Message: "Unauthorized"}
	errNoWriteScope = &apiError{Status: http.StatusForbidden, Code: codeUnauthorized,
		Message: "The access token lacks the dineropublicapi:write scope needed to change data"}
	errNoAccess = &apiError{Status: http.StatusForbidden, Code: codeUnauthorized,
		Message: "You do not have access to this organization"}
	// errUnsupportedMediaType is ASP.NET's answer to a body that is not
	// sent as JSON; Dinero has no error code of its own for it.
	errUnsupportedMediaType = &apiError{Status: http.StatusUnsupportedMediaType, Code: http.StatusUnsupportedMediaType,
		Message: "Unsupported Media Type: send the body as application/json"}
	errNoPro = &apiError{Status: http.StatusForbidden, Code: codeNoPro,
		Message: "This organization has no active Dinero Pro subscription, which the API requires"}
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, e *apiError) { writeJSON(w, e.Status, e.body()) }

const notFoundHTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>404 - Not Found</title></head>
<body><h1>404 - Not Found</h1><p>The resource you are looking for does not exist on this server.</p></body></html>
`

func writeHTMLNotFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write([]byte(notFoundHTML))
}

type notModeledBody struct {
	Code      int    `json:"code"`
	Message   string `json:"message"`
	Operation string `json:"operation"`
}

func writeNotModeled(w http.ResponseWriter, s routeSpec) {
	writeJSON(w, http.StatusNotImplemented, notModeledBody{
		Code:      http.StatusNotImplemented,
		Message:   fmt.Sprintf("The sandbox does not model %s (%s %s)", s.OperationID, s.Method, s.Path),
		Operation: s.OperationID,
	})
}
