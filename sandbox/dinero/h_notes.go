package dinero

import (
	"net/http"
	"strings"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

type note = *demodata.Note

var noteSchema = newSchema(
	column[note]{"Id", func(n note) any { return n.ID }},
	column[note]{"NoteDate", func(n note) any { return isoTime(n.NoteDate) }},
	column[note]{"AuthorName", func(n note) any { return nullStr(n.AuthorName) }},
	column[note]{"AuthorEmail", func(n note) any { return nullStr(n.AuthorEmail) }},
	column[note]{"CreatedAt", func(n note) any { return isoTime(n.CreatedAt) }},
	column[note]{"UpdatedAt", func(n note) any { return isoTime(n.UpdatedAt) }},
	column[note]{"DeletedAt", func(n note) any { return isoTimePtr(n.DeletedAt) }},
	column[note]{"Text", func(n note) any { return n.Text }},
)

func listNotes(c *call) error {
	q := c.r.URL.Query()
	pg, err := parsePaging(q, 100)
	if err != nil {
		return err
	}
	mode, err := parseDeletedOnly(q, liveOnly)
	if err != nil {
		return err
	}
	cols := noteSchema.pick(q.Get("fields"), "Id,NoteDate,Text")
	defer c.lock()()
	ct, err := c.findContact("contactGuid")
	if err != nil {
		return err
	}
	var match []note
	for _, n := range ct.Notes {
		if mode.keep(n.DeletedAt != nil) {
			match = append(match, n)
		}
	}
	from, to := pg.window(len(match))
	return c.writeRaw(http.StatusOK, collectionJSON(cols, match[from:to], pg, len(match)))
}

func (c *call) findNote() (contact, note, *apiError) {
	ct, err := c.findContact("contactGuid")
	if err != nil {
		return nil, nil, err
	}
	g, ok := lookupGUID(c.params["noteGuid"])
	if !ok {
		return nil, nil, invalid("noteGuid", "The note guid is not a valid GUID.")
	}
	for _, n := range ct.Notes {
		if n.ID == g {
			return ct, n, nil
		}
	}
	return nil, nil, notFound("The note")
}

type noteIn struct{ Text *string }

func (in noteIn) validate() *apiError {
	if in.Text == nil || strings.TrimSpace(*in.Text) == "" {
		return invalid("Text", "Text is required.")
	}
	return nil
}

func getNote(c *call) error {
	defer c.lock()()
	_, n, err := c.findNote()
	if err != nil {
		return err
	}
	return c.writeRaw(http.StatusOK, objectJSON(noteSchema, n))
}

func createNote(c *call) error {
	var in noteIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	if err := in.validate(); err != nil {
		return err
	}
	defer c.lock()()
	ct, err := c.findContact("contactGuid")
	if err != nil {
		return err
	}
	if ct.DeletedAt != nil {
		return isDeleted("contact")
	}
	now := c.now.UTC()
	n := &demodata.Note{ID: newGUID(), NoteDate: now, Text: *in.Text, Stamps: demodata.Stamps{CreatedAt: now, UpdatedAt: now}}
	for _, u := range c.s.cfg.Data.Users {
		if u.Sub == c.claims.Subject {
			n.AuthorName, n.AuthorEmail = u.Name, u.Email
		}
	}
	ct.Notes = append(ct.Notes, n)
	// The API answers a note creation with the ContactCreatedResult shape.
	return c.ok(contactCreated{n.ID})
}

func updateNote(c *call) error {
	var in noteIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	if err := in.validate(); err != nil {
		return err
	}
	defer c.lock()()
	_, n, err := c.findNote()
	if err != nil {
		return err
	}
	if n.DeletedAt != nil {
		return isDeleted("note")
	}
	n.Text, n.UpdatedAt = *in.Text, c.now.UTC()
	return c.empty()
}

func deleteNote(c *call) error {
	defer c.lock()()
	_, n, err := c.findNote()
	if err != nil {
		return err
	}
	if n.DeletedAt != nil {
		return isDeleted("note")
	}
	now := c.now.UTC()
	n.DeletedAt, n.UpdatedAt = &now, now
	return c.empty()
}
