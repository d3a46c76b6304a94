package dinero

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// Mail-outs: the sandbox records every email and SMS in the organization's
// mail-out list (the mailouts endpoints show it) and never sends anything.

const linkTag = "[link-to-pdf]"

// mailoutIn is ApiMailoutModel.
type mailoutIn struct {
	Timestamp                     *string
	Sender                        *string
	CcToSender                    *bool
	Receiver                      *string
	Subject                       *string
	Message                       *string
	AddVoucherAsPdfAttachment     *bool
	ShouldAddTrustPilotEmailAsBcc *bool
}

// mailDoc is what a mail-out is about: a sales document with its kind.
type mailDoc struct {
	doc      *demodata.Invoice
	kind     string // Danish document name: Faktura, Kreditnota, Tilbud
	mailType string // the mail-out Type recorded
}

func (m mailDoc) subject() string {
	name := m.kind
	if m.doc.Language == "en-GB" {
		name = map[string]string{"Faktura": "Invoice", "Kreditnota": "Credit note", "Tilbud": "Offer"}[m.kind]
	}
	if m.doc.Number == 0 {
		return name
	}
	return name + " " + strconv.FormatInt(m.doc.Number, 10)
}

// defaultMessage is the organization's standard mail text.
func (c *call) defaultMessage(what string) string {
	return "Hej\n\nHer er din " + strings.ToLower(what) + ". Du kan se og hente den her: " + linkTag +
		"\n\nVenlig hilsen\n" + c.org.data.Name
}

// contactEmail is the email of the document's contact, "" when it has none.
func (c *call) contactEmail(guid string) string {
	if ct := c.org.contacts[guid]; ct != nil {
		return ct.Email
	}
	return ""
}

type mailTemplateOut struct {
	Sender                    string
	Receiver                  *string
	Subject                   string
	Message                   string
	AddVoucherAsPdfAttachment bool
}

type mailTemplateV2Out struct {
	SendAsSms              bool
	SmsReceiverPhoneNumber *string
	mailTemplateOut
}

func (c *call) mailTemplate(m mailDoc) mailTemplateOut {
	return mailTemplateOut{Sender: c.org.data.Email, Receiver: strPtr(c.contactEmail(m.doc.ContactGuid)),
		Subject: m.subject(), Message: c.defaultMessage(m.subject()),
		AddVoucherAsPdfAttachment: c.org.data.SalesSettings.AddVoucherAsPdfAttachment}
}

// receivers validates a comma-separated list of email addresses.
func receivers(list, field string) ([]string, *apiError) {
	var out []string
	for _, r := range strings.Split(list, ",") {
		r = strings.TrimSpace(r)
		at := strings.IndexByte(r, '@')
		if r == "" || at < 1 || at == len(r)-1 || strings.ContainsAny(r, " <>") {
			return nil, invalid(field, "Every receiver must be an email address; separate several with commas.")
		}
		out = append(out, r)
	}
	return out, nil
}

type recipientOut struct{ Email string }

type emailSent struct{ Recipients []recipientOut }

// mailParts validates a mail-out body against m and fills in defaults.
func (c *call) mailParts(in *mailoutIn, m mailDoc) (*demodata.Mailout, []string, *apiError) {
	if in.ShouldAddTrustPilotEmailAsBcc == nil {
		return nil, nil, invalid("ShouldAddTrustPilotEmailAsBcc", "ShouldAddTrustPilotEmailAsBcc is required.")
	}
	if in.Timestamp != nil {
		if err := checkStamp(*in.Timestamp, m.doc.TimeStamp); err != nil {
			return nil, nil, err
		}
	}
	t := c.mailTemplate(m)
	mo := &demodata.Mailout{VoucherGuid: m.doc.Guid, Date: c.now.UTC(), Sender: t.Sender, Subject: t.Subject,
		Message: t.Message, Type: m.mailType, Status: "Sent", CCToSender: in.CcToSender != nil && *in.CcToSender}
	if in.Sender != nil && *in.Sender != "" {
		if _, err := receivers(*in.Sender, "Sender"); err != nil {
			return nil, nil, err
		}
		mo.Sender = *in.Sender
	}
	to := c.contactEmail(m.doc.ContactGuid)
	if in.Receiver != nil && *in.Receiver != "" {
		to = *in.Receiver
	}
	if to == "" {
		return nil, nil, invalid("Receiver", "The contact has no email address; give a Receiver.")
	}
	list, err := receivers(to, "Receiver")
	if err != nil {
		return nil, nil, err
	}
	mo.Receiver = strings.Join(list, ",")
	if in.Subject != nil && *in.Subject != "" {
		mo.Subject = *in.Subject
	}
	if in.Message != nil && *in.Message != "" {
		if !strings.Contains(*in.Message, linkTag) {
			return nil, nil, invalid("Message", "Message must contain the tag "+linkTag+" where the link to the document goes.")
		}
		mo.Message = *in.Message
	}
	return mo, list, nil
}

// record adds a mail-out to the organization's list.
func (c *call) record(mo *demodata.Mailout) {
	mo.ID = len(c.org.data.Mailouts) + 1
	c.org.data.Mailouts = append(c.org.data.Mailouts, mo)
}

// sendMail is the shared email step: validate, record, mark the document
// sent and answer with the recipients (or an empty 200 when quiet).
func (c *call) sendMail(in *mailoutIn, m mailDoc, quiet bool) error {
	mo, list, err := c.mailParts(in, m)
	if err != nil {
		return err
	}
	c.record(mo)
	m.doc.MailOutStatus = "Sent"
	c.org.touch()
	if quiet {
		return c.empty()
	}
	out := emailSent{Recipients: []recipientOut{}}
	for _, r := range list {
		out.Recipients = append(out.Recipients, recipientOut{r})
	}
	return c.ok(out)
}

// mailoutOut is VoucherMailoutReadModel.
type mailoutOut struct {
	Id            int
	Date          string
	SeenAt        *string
	Sender        *string
	Receiver      *string
	Subject       *string
	Message       *string
	DownloadCount int
	PrintCount    int
	Type          string
	Status        string
	LatestEvent   *string
	IsSmsMessage  bool
	CCToSender    bool
}

// listMailouts lists the mail-outs of one document; SMS only when
// withSms is allowed and includeSms=true.
func listMailouts(c *call, guid string, withSms bool) error {
	q := c.r.URL.Query()
	since, err := parseChangesSince(q)
	if err != nil {
		return err
	}
	includeSms := false
	if v := q.Get("includeSms"); v != "" && withSms {
		b, perr := strconv.ParseBool(v)
		if perr != nil {
			return invalid("includeSms", "includeSms must be true or false.")
		}
		includeSms = b
	}
	out := []mailoutOut{}
	for _, m := range c.org.data.Mailouts {
		if m.VoucherGuid != guid || (m.IsSms && !includeSms) || (!since.IsZero() && m.Date.Before(since)) {
			continue
		}
		out = append(out, mailoutOut{Id: m.ID, Date: m.Date.UTC().Format(time.RFC3339), Sender: strPtr(m.Sender),
			Receiver: strPtr(m.Receiver), Subject: strPtr(m.Subject), Message: strPtr(m.Message), Type: m.Type,
			Status: m.Status, IsSmsMessage: m.IsSms, CCToSender: m.CCToSender})
	}
	return c.ok(out)
}

// smsIn is SmsSendModel.
type smsIn struct {
	ReceiverPhoneNumber *string
	ReceiverName        *string
	Timestamp           *string
	IsReminder          *bool
	Message             *string
}

func (in *smsIn) validate() *apiError {
	switch {
	case in.ReceiverPhoneNumber == nil || !validPhone(*in.ReceiverPhoneNumber):
		return invalid("ReceiverPhoneNumber", "ReceiverPhoneNumber is required and must be a phone number.")
	case in.ReceiverName == nil || strings.TrimSpace(*in.ReceiverName) == "":
		return invalid("ReceiverName", "ReceiverName is required.")
	case in.Timestamp == nil || *in.Timestamp == "":
		return invalid("Timestamp", "Timestamp is required.")
	case in.IsReminder == nil:
		return invalid("IsReminder", "IsReminder is required.")
	}
	return nil
}

func validPhone(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == ' ' || r == '+' || r == '-':
		default:
			return false
		}
	}
	return digits >= 8 && digits <= 15
}

// sendSms records an SMS with a link to a booked invoice.
func sendSms(c *call) error {
	var in smsIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	if err := in.validate(); err != nil {
		return err
	}
	defer c.lock()()
	inv, err := findAndCheck(c, c.org.invoices, voucherInvoiceRef, in.Timestamp)
	if err != nil {
		return err
	}
	if !inv.Booked {
		return invalid("voucherGuid", "An invoice must be booked before it can be sent.")
	}
	msg := "Hej " + *in.ReceiverName + ", her er din faktura fra " + c.org.data.Name + ": " + linkTag
	if in.Message != nil && *in.Message != "" {
		msg = *in.Message
		if !strings.Contains(msg, linkTag) {
			msg += " " + linkTag
		}
	}
	kind := "Mailout"
	if *in.IsReminder {
		kind = "Reminder"
	}
	c.record(&demodata.Mailout{VoucherGuid: inv.Guid, Date: c.now.UTC(), Sender: c.org.data.Name,
		Receiver: *in.ReceiverPhoneNumber, Subject: kind, Message: msg, Type: kind, Status: "Sent", IsSms: true})
	c.org.touch()
	c.w.WriteHeader(http.StatusOK)
	return nil
}
