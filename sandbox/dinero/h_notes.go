package dinero

import (
	"net/http"
	"sort"
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
	ct, err := findAny(c, c.org.contacts, ownerRef)
	if err != nil {
		return err
	}
	var match []note
	for _, n := range ct.Notes {
		if mode.keep(n.DeletedAt != nil) {
			match = append(match, n)
		}
	}
	sort.SliceStable(match, func(i, j int) bool { return match[i].NoteDate.Before(match[j].NoteDate) }) // "ordered by NoteDate"
	from, to := pg.window(len(match))
	return c.writeRaw(http.StatusOK, collectionJSON(cols, match[from:to], pg, len(match)))
}

// findNote resolves {noteGuid} among the notes of {contactGuid}; deleted
// notes are refused unless withDeleted.
func (c *call) findNote(withDeleted bool) (note, *apiError) {
	ct, err := findAny(c, c.org.contacts, ownerRef)
	if err != nil {
		return nil, err
	}
	g, err := c.guidParam(noteRef)
	if err != nil {
		return nil, err
	}
	for _, n := range ct.Notes {
		if n.ID != g {
			continue
		}
		if !withDeleted {
			if err := refuseDeleted(n, noteRef); err != nil {
				return nil, err
			}
		}
		return n, nil
	}
	return nil, notFound("The note")
}

type noteIn struct{ Text *string }

// decodeNote reads a note body, whose Text is required.
func decodeNote(c *call) (noteIn, *apiError) {
	var in noteIn
	if err := decodeBody(c, &in, false); err != nil {
		return in, err
	}
	if in.Text == nil || strings.TrimSpace(*in.Text) == "" {
		return in, invalid("Text", "Text is required.")
	}
	return in, nil
}

func getNote(c *call) error {
	defer c.lock()()
	n, err := c.findNote(true)
	if err != nil {
		return err
	}
	return c.writeRaw(http.StatusOK, objectJSON(noteSchema, n))
}

func createNote(c *call) error {
	in, err := decodeNote(c)
	if err != nil {
		return err
	}
	defer c.lock()()
	ct, err := findLive(c, c.org.contacts, ownerRef)
	if err != nil {
		return err
	}
	n := &demodata.Note{ID: newGUID(), NoteDate: c.now.UTC(), Text: *in.Text, Stamps: c.created()}
	n.AuthorName, n.AuthorEmail = c.user().Name, c.user().Email
	ct.Notes = append(ct.Notes, n)
	// The API answers a note creation with the ContactCreatedResult shape.
	return c.ok(contactCreated{n.ID})
}

func updateNote(c *call) error {
	in, err := decodeNote(c)
	if err != nil {
		return err
	}
	defer c.lock()()
	n, err := c.findNote(false)
	if err != nil {
		return err
	}
	n.Text, n.UpdatedAt = *in.Text, c.now.UTC()
	return c.empty()
}

func deleteNote(c *call) error {
	defer c.lock()()
	n, err := c.findNote(false)
	if err != nil {
		return err
	}
	n.MarkDeleted(c.now.UTC())
	return c.empty()
}
