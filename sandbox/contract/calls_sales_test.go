package contract

// line is one product line every sales document in the table uses.
const line = `[{"Description":"Lærketræ, høvlet","BaseAmountValue":1000,"Quantity":1,"AccountNumber":1000,"Discount":0,"Unit":"metre"}]`

// mail sends a document by email with the template's defaults.
const mail = `{"ShouldAddTrustPilotEmailAsBcc":false}`

// salesCalls prove trade offers, invoice extras, sales credit notes and SMS.
// {{invoice}} is the booked invoice of coreCalls, {{company}} a contact
// with an email address.
var salesCalls = []apiCall{
	{Op: "Contacts_CreateContact", Name: "a business customer with a CVR number", Body: `{"Name":"Ørsted Byg ApS","CountryKey":"DK","IsPerson":false,"IsMember":false,"UseCvr":true,"VatNumber":"12345678","Email":"bogholderi@orsted-byg.dk"}`, Status: 200, Keep: map[string]string{"company": "ContactGuid"}},
	// Trade offers.
	{Op: "TradeOffers_ListTradeOffers", Name: "happy path", Query: "fields=Guid,ContactName,Status,TotalInclVat", Status: 200},
	{Op: "TradeOffers_ListTradeOffers", Name: "bad changesSince", Query: "changesSince=yesterday", Status: 400, Code: 42},
	{Op: "TradeOffers_CreateTradeOffer", Name: "happy path", Body: `{"ContactGuid":"{{company}}","Description":"Tilbud på ny trappe i eg","ProductLines":` + line + `}`, Status: 200, Keep: map[string]string{"offer": "Guid", "offerTs": "TimeStamp"}},
	{Op: "TradeOffers_CreateTradeOffer", Name: "no lines (schema-valid, refused)", Body: `{"ContactGuid":"{{company}}","ProductLines":[]}`, Status: 400, Code: 42},
	{Op: "TradeOffers_GetTradeOfferAsJsonOr", Name: "happy path", Params: map[string]string{"guid": "{{offer}}"}, Status: 200},
	{Op: "TradeOffers_GetTradeOfferAsJsonOr", Name: "as PDF", Params: map[string]string{"guid": "{{offer}}"}, Accept: "application/octet-stream", Status: 200},
	{Op: "TradeOffers_GetTradeOfferAsJsonOr", Name: "unknown guid", Params: map[string]string{"guid": unknownGUID}, Status: 404, Code: 40},
	{Op: "TradeOffers_GetTradeOfferTotals", Name: "happy path", Body: `{"ContactGuid":"{{company}}","ProductLines":` + line + `}`, Status: 200},
	{Op: "TradeOffers_GetTradeOfferTotals", Name: "no lines", Body: `{"ContactGuid":"{{company}}"}`, Status: 400, Code: 42, Invalid: true},
	{Op: "TradeOffers_UpdateTradeOffer", Name: "stale timestamp", Params: map[string]string{"guid": "{{offer}}"}, Body: `{"Timestamp":"0000000000000001","ContactGuid":"{{company}}","ProductLines":` + line + `}`, Status: 400, Code: 58},
	{Op: "TradeOffers_UpdateTradeOffer", Name: "happy path", Params: map[string]string{"guid": "{{offer}}"}, Body: `{"Timestamp":"{{offerTs}}","ContactGuid":"{{company}}","Description":"Tilbud på trappe i ask","ProductLines":` + line + `}`, Status: 200, Keep: map[string]string{"offerTs": "TimeStamp"}},
	{Op: "TradeOffers_GetTradeOfferEmailTemplate", Name: "happy path", Params: map[string]string{"guid": "{{offer}}"}, Status: 200},
	{Op: "TradeOffers_GetTradeOfferEmailTemplate", Name: "unknown guid", Params: map[string]string{"guid": unknownGUID}, Status: 404, Code: 40},
	{Op: "TradeOffers_SendTradeOfferEmail", Name: "no required flag", Params: map[string]string{"guid": "{{offer}}"}, Body: `{}`, Status: 400, Code: 42, Invalid: true},
	{Op: "TradeOffers_SendTradeOfferEmail", Name: "happy path", Params: map[string]string{"guid": "{{offer}}"}, Body: mail, Status: 200},
	{Op: "TradeOffers_ListMailouts", Name: "happy path", Params: map[string]string{"guid": "{{offer}}"}, Status: 200},
	{Op: "TradeOffers_ListMailouts", Name: "bad changesSince", Params: map[string]string{"guid": "{{offer}}"}, Query: "changesSince=nu", Status: 400, Code: 42},
	{Op: "TradeOffers_CreateInvoiceFromTradeOffer", Name: "stale timestamp", Params: map[string]string{"guid": "{{offer}}"}, Body: `{"Timestamp":"0000000000000001"}`, Status: 400, Code: 58},
	{Op: "TradeOffers_CreateInvoiceFromTradeOffer", Name: "happy path", Params: map[string]string{"guid": "{{offer}}"}, Body: `{"Timestamp":"{{offerTs}}"}`, Status: 200, Keep: map[string]string{"offerInvoice": "Guid", "offerInvoiceTs": "TimeStamp"}},
	{Op: "Invoices_BookInvoice", Name: "book the offer's invoice", Params: map[string]string{"guid": "{{offerInvoice}}"}, Body: `{"Timestamp":"{{offerInvoiceTs}}"}`, Status: 200},
	{Op: "TradeOffers_CreateTradeOffer", Name: "one to delete", Body: `{"ContactGuid":"{{company}}","ProductLines":` + line + `}`, Status: 200, Keep: map[string]string{"offer2": "Guid", "offer2Ts": "TimeStamp"}},
	{Op: "TradeOffers_DeleteTradeOffer", Name: "stale timestamp", Params: map[string]string{"guid": "{{offer2}}"}, Body: `{"Timestamp":"0000000000000001"}`, Status: 400, Code: 58},
	{Op: "TradeOffers_DeleteTradeOffer", Name: "happy path", Params: map[string]string{"guid": "{{offer2}}"}, Body: `{"Timestamp":"{{offer2Ts}}"}`, Status: 200},

	// Invoice extras and SMS, on the booked {{invoice}}.
	{Op: "Invoices_GetInvoiceTotals", Name: "happy path", Body: `{"Date":"2026-11-02","PaymentConditionType":"Netto","PaymentConditionNumberOfDays":14,"ProductLines":` + line + `}`, Status: 200},
	{Op: "Invoices_GetInvoiceTotals", Name: "unknown currency (schema-valid, refused)", Body: `{"Currency":"XYZ","ProductLines":` + line + `}`, Status: 400, Code: 42},
	{Op: "Invoices_ListInvoiceTemplates", Name: "happy path", Status: 200},
	{Op: "Invoices_ListInvoiceTemplates", Name: "no Pro", Org: noPro, Status: 403, Code: 90},
	{Op: "Invoices_SendInvoiceEmail", Name: "happy path", Params: map[string]string{"guid": "{{invoice}}"}, Body: mail, Status: 200},
	{Op: "Invoices_SendInvoiceEmail", Name: "no required flag", Params: map[string]string{"guid": "{{invoice}}"}, Body: `{}`, Status: 400, Code: 42, Invalid: true},
	{Op: "Invoices_GetInvoiceEmailTemplate", Name: "happy path", Params: map[string]string{"guid": "{{invoice}}"}, Status: 200},
	{Op: "Invoices_GetInvoiceEmailTemplate", Name: "unknown guid", Params: map[string]string{"guid": unknownGUID}, Status: 404, Code: 40},
	{Op: "Invoices_ListMailouts", Name: "happy path", Params: map[string]string{"guid": "{{invoice}}"}, Status: 200},
	{Op: "Invoices_ListMailouts", Name: "bad includeSms", Params: map[string]string{"guid": "{{invoice}}"}, Query: "includeSms=maybe", Status: 400, Code: 42, Invalid: true},
	{Op: "Invoices_SendElectronicInvoice", Name: "no payment mean", Params: map[string]string{"guid": "{{invoice}}"}, Body: `{}`, Status: 400, Code: 42, Invalid: true},
	{Op: "Invoices_SendElectronicInvoice", Name: "happy path", Params: map[string]string{"guid": "{{offerInvoice}}"}, Body: `{"PaymentMeanEnum":"FIK"}`, Status: 200},
	{Op: "Invoices_SendElectronicInvoice", Name: "unknown invoice", Params: map[string]string{"guid": unknownGUID}, Body: `{"PaymentMeanEnum":"FIK"}`, Status: 404, Code: 40},
	{Op: "Invoices_GetInvoiceAsJsonOrPdf", Name: "the booked invoice's timestamp after mailing", Params: map[string]string{"guid": "{{invoice}}"}, Status: 200, Keep: map[string]string{"invoiceTs": "TimeStamp"}},
	{Op: "Sms_SendSmsWithLinkToInvoice", Name: "stale timestamp", Params: map[string]string{"voucherGuid": "{{invoice}}"}, Body: `{"ReceiverPhoneNumber":"20304050","ReceiverName":"Søren Ærø","Timestamp":"0000000000000001","IsReminder":false}`, Status: 400, Code: 58},
	{Op: "Sms_SendSmsWithLinkToInvoice", Name: "happy path", Params: map[string]string{"voucherGuid": "{{invoice}}"}, Body: `{"ReceiverPhoneNumber":"+45 20 30 40 50","ReceiverName":"Søren Ærø","Timestamp":"{{invoiceTs}}","IsReminder":false}`, Status: 200},

	// Sales credit notes.
	{Op: "SalesCreditNotes_CreateCreditNote", Name: "for an unknown invoice", Body: `{"CreditNoteFor":"` + unknownGUID + `","ProductLines":` + line + `}`, Status: 400, Code: 42},
	{Op: "SalesCreditNotes_CreateCreditNote", Name: "happy path", Body: `{"ContactGuid":"{{company}}","CreditNoteFor":"{{invoice}}","ProductLines":` + line + `}`, Status: 200, Keep: map[string]string{"cn": "Guid", "cnTs": "TimeStamp"}},
	{Op: "SalesCreditNotes_GetCreditNoteTotals", Name: "happy path", Body: `{"ContactGuid":"{{company}}","CreditNoteFor":"{{invoice}}","ProductLines":` + line + `}`, Status: 200},
	{Op: "SalesCreditNotes_GetCreditNoteTotals", Name: "no lines", Body: `{}`, Status: 400, Code: 42, Invalid: true},
	{Op: "SalesCreditNotes_UpdateCreditNote", Name: "stale timestamp", Params: map[string]string{"guid": "{{cn}}"}, Body: `{"Timestamp":"0000000000000001","ProductLines":` + line + `}`, Status: 400, Code: 58},
	{Op: "SalesCreditNotes_UpdateCreditNote", Name: "happy path", Params: map[string]string{"guid": "{{cn}}"}, Body: `{"Timestamp":"{{cnTs}}","ContactGuid":"{{company}}","Comment":"Fejl i levering","ProductLines":` + line + `}`, Status: 200, Keep: map[string]string{"cnTs": "TimeStamp"}},
	{Op: "SalesCreditNotes_GetCreditNoteAsPdf", Name: "of a draft", Params: map[string]string{"guid": "{{cn}}"}, Accept: "application/octet-stream", Status: 400, Code: 42},
	{Op: "SalesCreditNotes_BookCreditNote", Name: "stale timestamp", Params: map[string]string{"guid": "{{cn}}"}, Body: `{"Timestamp":"0000000000000001"}`, Status: 400, Code: 58},
	{Op: "SalesCreditNotes_BookCreditNote", Name: "happy path", Params: map[string]string{"guid": "{{cn}}"}, Body: `{"Timestamp":"{{cnTs}}"}`, Status: 200, Keep: map[string]string{"cnTs": "TimeStamp"}},
	{Op: "SalesCreditNotes_GetCreditNoteAsPdf", Name: "happy path", Params: map[string]string{"guid": "{{cn}}"}, Accept: "application/octet-stream", Status: 200},
	{Op: "SalesCreditNotes_DeleteCreditNote", Name: "booked", Params: map[string]string{"guid": "{{cn}}"}, Body: `{"Timestamp":"{{cnTs}}"}`, Status: 400, Code: 42},
	{Op: "SalesCreditNotes_GetCreditNoteEmailTemplate", Name: "happy path", Params: map[string]string{"guid": "{{cn}}"}, Status: 200},
	{Op: "SalesCreditNotes_GetCreditNoteEmailTemplate", Name: "not a guid", Params: map[string]string{"guid": "nope"}, Status: 400, Code: 42, Invalid: true},
	{Op: "SalesCreditNotes_SendCreditNote", Name: "happy path", Params: map[string]string{"guid": "{{cn}}"}, Body: `{"ShouldAddTrustPilotEmailAsBcc":false,"Receiver":"bogholderi@kunde.dk, ejer@kunde.dk"}`, Status: 200},
	{Op: "SalesCreditNotes_SendCreditNote", Name: "bad receiver", Params: map[string]string{"guid": "{{cn}}"}, Body: `{"ShouldAddTrustPilotEmailAsBcc":false,"Receiver":"ikke en adresse"}`, Status: 400, Code: 42},
	{Op: "SalesCreditNotes_ListMailouts", Name: "happy path", Params: map[string]string{"guid": "{{cn}}"}, Status: 200},
	{Op: "SalesCreditNotes_ListMailouts", Name: "unknown guid", Params: map[string]string{"guid": unknownGUID}, Status: 404, Code: 40},
	{Op: "SalesCreditNotes_SendElectronicCreditnote", Name: "no payment mean", Params: map[string]string{"guid": "{{cn}}"}, Body: `{}`, Status: 400, Code: 42, Invalid: true},
	{Op: "SalesCreditNotes_SendElectronicCreditnote", Name: "happy path", Params: map[string]string{"guid": "{{cn}}"}, Body: `{"PaymentMeanEnum":"FIK"}`, Status: 200},
	{Op: "SalesCreditNotes_SendElectronicCreditnote", Name: "unknown guid", Params: map[string]string{"guid": unknownGUID}, Body: `{"PaymentMeanEnum":"FIK"}`, Status: 404, Code: 40},
	{Op: "SalesCreditNotes_AddPaymentToCreditnote", Name: "stale timestamp", Params: map[string]string{"guid": "{{cn}}"}, Body: `{"Timestamp":"0000000000000001","DepositAccountNumber":55000,"RemainderIsFee":false,"Description":"x","Amount":-1}`, Status: 400, Code: 58},
	{Op: "SalesCreditNotes_AddPaymentToCreditnote", Name: "happy path", Params: map[string]string{"guid": "{{cn}}"}, Body: `{"Timestamp":"{{cnTs}}","DepositAccountNumber":55000,"RemainderIsFee":false,"Description":"Tilbagebetaling","Amount":-1250}`, Status: 200, Keep: map[string]string{"cnPay": "Guid", "cnTs": "TimeStamp"}},
	{Op: "SalesCreditNotes_GetPaymentsForCreditnote", Name: "happy path", Params: map[string]string{"guid": "{{cn}}"}, Status: 200},
	{Op: "SalesCreditNotes_GetPaymentsForCreditnote", Name: "unknown guid", Params: map[string]string{"guid": unknownGUID}, Status: 404, Code: 40},
	{Op: "SalesCreditNotes_DeletePaymentFromCreditnote", Name: "unknown payment", Params: map[string]string{"guid": "{{cn}}", "paymentGuid": unknownGUID}, Body: `{"Timestamp":"{{cnTs}}"}`, Status: 404, Code: 40},
	{Op: "SalesCreditNotes_DeletePaymentFromCreditnote", Name: "happy path", Params: map[string]string{"guid": "{{cn}}", "paymentGuid": "{{cnPay}}"}, Body: `{"Timestamp":"{{cnTs}}"}`, Status: 200},
	{Op: "SalesCreditNotes_CreateCreditNote", Name: "a draft to delete", Body: `{"ProductLines":` + line + `}`, Status: 200, Keep: map[string]string{"cn2": "Guid", "cn2Ts": "TimeStamp"}},
	{Op: "SalesCreditNotes_DeleteCreditNote", Name: "happy path", Params: map[string]string{"guid": "{{cn2}}"}, Body: `{"Timestamp":"{{cn2Ts}}"}`, Status: 200},
	{Op: "Invoices_GetInvoiceAsJsonOrPdf", Name: "the booked invoice's timestamp", Params: map[string]string{"guid": "{{invoice}}"}, Status: 200, Keep: map[string]string{"invoiceTs": "TimeStamp"}},
	{Op: "Invoices_CreateCreditNoteFromInvoice", Name: "stale timestamp", Params: map[string]string{"guid": "{{invoice}}"}, Body: `{"Timestamp":"0000000000000001"}`, Status: 400, Code: 58},
	{Op: "Invoices_CreateCreditNoteFromInvoice", Name: "happy path", Params: map[string]string{"guid": "{{invoice}}"}, Body: `{"Timestamp":"{{invoiceTs}}"}`, Status: 200},
}
