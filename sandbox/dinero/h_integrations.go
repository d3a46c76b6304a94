package dinero

import (
	"net"
	"net/url"
	"strings"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// Webhooks: subscriptions are kept per organization. The sandbox does not
// deliver events; a subscription's URI must be https, or http on a
// loopback address, so a future delivery could never leave the machine
// unencrypted.

// webhookEvent is one event integrations can subscribe to.
type webhookEvent struct {
	EventId     string
	Name        string
	Description string
}

// webhookEvents is the sandbox's event catalogue. Dinero documents only
// that an "entries" event exists; the others follow its resource names.
var webhookEvents = []webhookEvent{
	{"entries", "Posteringer", "New entries were booked (invoices, purchases, manual vouchers, payments)."},
	{"contacts", "Kontakter", "A contact was created, changed or deleted."},
	{"invoices", "Fakturaer", "An invoice was created, changed, booked or deleted."},
	{"creditnotes", "Kreditnotaer", "A sales credit note was created, changed, booked or deleted."},
	{"tradeoffers", "Tilbud", "A trade offer was created, changed or deleted."},
	{"products", "Varer", "A product was created, changed or deleted."},
	{"purchasevouchers", "Købsbilag", "A purchase voucher was created, changed, booked or deleted."},
}

type webhookIn struct {
	Uri     *string
	EventId *string
}

func knownEvent(id string) string {
	for _, e := range webhookEvents {
		if strings.EqualFold(e.EventId, id) {
			return e.EventId
		}
	}
	return ""
}

// webhookURI accepts https URIs, and http ones only on a loopback host.
func webhookURI(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil {
		return false
	}
	switch u.Scheme {
	case "https":
		return true
	case "http":
		host := u.Hostname()
		ip := net.ParseIP(host)
		return host == "localhost" || (ip != nil && ip.IsLoopback())
	}
	return false
}

func listWebhookEvents(c *call) error { return c.ok(webhookEvents) }

type subscriptionOut struct {
	EventId   string
	Uri       string
	CreatedAt any
}

func listWebhookSubscriptions(c *call) error {
	defer c.lock()()
	out := []subscriptionOut{}
	for _, s := range c.org.data.Webhooks {
		out = append(out, subscriptionOut{s.EventID, s.URI, isoTime(s.CreatedAt)})
	}
	return c.ok(out)
}

func subscribeWebhook(c *call) error {
	var in webhookIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	switch {
	case in.EventId == nil || knownEvent(*in.EventId) == "":
		return invalid("EventId", "EventId is required and must be one of the events GET webhooks/events lists.")
	case in.Uri == nil || !webhookURI(*in.Uri):
		return invalid("Uri", "Uri is required and must be an https URL (http only on localhost).")
	}
	defer c.lock()()
	event := knownEvent(*in.EventId)
	for i := range c.org.data.Webhooks {
		if c.org.data.Webhooks[i].EventID == event {
			c.org.data.Webhooks[i].URI = *in.Uri
			return c.empty()
		}
	}
	c.org.data.Webhooks = append(c.org.data.Webhooks, demodata.WebhookSubscription{EventID: event, URI: *in.Uri,
		CreatedAt: c.now.UTC()})
	return c.empty()
}

func unsubscribeWebhook(c *call) error {
	var in webhookIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	if in.EventId == nil || *in.EventId == "" {
		return invalid("EventId", "EventId is required.")
	}
	defer c.lock()()
	for i, s := range c.org.data.Webhooks {
		if strings.EqualFold(s.EventID, *in.EventId) {
			list := c.org.data.Webhooks
			c.org.data.Webhooks = append(list[:i:i], list[i+1:]...)
			return c.empty()
		}
	}
	return notFound("A subscription to " + *in.EventId)
}

// Attachments: archived files bound to invoices, trade offers and credit
// notes, sent along with them.

type attachmentOut struct {
	OrganizationId int
	DocumentId     string
	FileGuid       *string
	FileName       *string
}

// attachableDoc resolves {documentGuid} to a live invoice, trade offer or
// credit note and names its document type.
func (c *call) attachableDoc() (string, string, *apiError) {
	ref := entityRef{"documentGuid", "document", "document"}
	g, err := c.guidParam(ref)
	if err != nil {
		return "", "", err
	}
	var d *demodata.Document
	kind := ""
	if inv := c.org.invoices[g]; inv != nil {
		d, kind = inv.Doc(), "Invoice"
	} else if to := c.org.tradeOffers[g]; to != nil {
		d, kind = to.Doc(), "TradeOffer"
	} else if cn := c.org.creditNotes[g]; cn != nil {
		d, kind = cn.Doc(), "CreditNote"
	} else {
		return "", "", notFound("The invoice, trade offer or credit note")
	}
	if d.DeletedAt != nil {
		return "", "", isDeleted("document")
	}
	return g, kind, nil
}

func listAttachments(c *call) error {
	defer c.lock()()
	g, _, err := c.attachableDoc()
	if err != nil {
		return err
	}
	out := []attachmentOut{}
	for _, a := range c.org.data.Attachments {
		if a.DocumentGuid == g {
			out = append(out, attachmentOut{c.org.data.ID, g, strPtr(a.FileGuid), strPtr(a.FileName)})
		}
	}
	return c.ok(out)
}

// bind attaches a file once; binding it again keeps the one binding.
func (c *call) bind(doc string, f *demodata.File, name string) {
	for _, a := range c.org.data.Attachments {
		if a.DocumentGuid == doc && a.FileGuid == f.Guid {
			return
		}
	}
	c.org.data.Attachments = append(c.org.data.Attachments, demodata.Attachment{DocumentGuid: doc, FileGuid: f.Guid, FileName: name})
}

func bindAttachment(c *call) error {
	defer c.lock()()
	g, _, err := c.attachableDoc()
	if err != nil {
		return err
	}
	f := c.org.files[c.params["fileGuid"]]
	if f == nil {
		return notFound("The file")
	}
	name := strings.TrimSpace(c.params["fileName"])
	if name == "" || strings.ContainsAny(name, `/\`) {
		return invalid("fileName", "fileName must be a plain file name.")
	}
	c.bind(g, f, name)
	return c.empty()
}

func removeAttachment(c *call) error {
	defer c.lock()()
	g, _, err := c.attachableDoc()
	if err != nil {
		return err
	}
	for i, a := range c.org.data.Attachments {
		if a.DocumentGuid == g && a.FileGuid == c.params["fileGuid"] {
			list := c.org.data.Attachments
			c.org.data.Attachments = append(list[:i:i], list[i+1:]...)
			return c.empty()
		}
	}
	return notFound("The attachment")
}

// bindDefaultAttachments binds the files the organization's settings name
// for the document's type.
func bindDefaultAttachments(c *call) error {
	defer c.lock()()
	g, kind, err := c.attachableDoc()
	if err != nil {
		return err
	}
	want := canonical(c.params["documentType"], "Invoice", "TradeOffer", "CreditNote")
	if want == "" {
		return invalid("documentType", "documentType must be Invoice, TradeOffer or CreditNote.")
	}
	if want != kind {
		return invalid("documentType", "The document is a "+kind+", not a "+want+".")
	}
	for _, id := range c.org.data.DefaultAttachments[kind] {
		if f := c.org.files[id]; f != nil {
			c.bind(g, f, f.Name)
		}
	}
	return c.empty()
}
