package dinero

import "github.com/dinero-tui/dinero-tui/sandbox/demodata"

func (c *call) tradeMail(to *demodata.TradeOffer) mailDoc {
	return mailDoc{doc: &to.Invoice, kind: "Tilbud", mailType: "TradeOffer"}
}

func tradeOfferEmailTemplate(c *call) error {
	defer c.lock()()
	to, err := findLive(c, c.org.tradeOffers, tradeOfferRef)
	if err != nil {
		return err
	}
	return c.ok(c.mailTemplate(c.tradeMail(to)))
}

// sendTradeOfferEmail records the trade offer's mail-out; a trade offer
// needs a contact and is never booked, so drafts can be sent.
func sendTradeOfferEmail(c *call) error {
	var in mailoutIn
	if err := decodeBody(c, &in, false); err != nil {
		return err
	}
	defer c.lock()()
	to, err := findLive(c, c.org.tradeOffers, tradeOfferRef)
	if err != nil {
		return err
	}
	return c.sendMail(&in, c.tradeMail(to), false)
}

func tradeOfferMailouts(c *call) error {
	defer c.lock()()
	to, err := findAny(c, c.org.tradeOffers, tradeOfferRef)
	if err != nil {
		return err
	}
	return listMailouts(c, to.Guid, true)
}
