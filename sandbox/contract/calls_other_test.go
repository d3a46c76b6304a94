package contract

// reminderFlags are the four flags every reminder body needs.
const reminderFlags = `"WithDebtCollectionWarning":false,"WithFee":false,"WithInterestFee":false,"WithCompensationFee":false`

// reminderCalls prove pre-reminders and reminders on an invoice of their
// own, dated in October and due 2026-10-09, so overdue on the proof's clock.
var reminderCalls = []apiCall{
	{Op: "Invoices_CreateInvoice", Name: "an invoice to remind of", Body: `{"ContactGuid":"{{company}}","Date":"2026-10-01","PaymentConditionType":"Netto","PaymentConditionNumberOfDays":8,"ProductLines":` + line + `}`, Status: 200, Keep: map[string]string{"late": "Guid", "lateTs": "TimeStamp"}},
	{Op: "Invoices_BookInvoice", Name: "book it", Params: map[string]string{"guid": "{{late}}"}, Body: `{"Timestamp":"{{lateTs}}"}`, Status: 200, Keep: map[string]string{"lateTs": "TimeStamp"}},
	{Op: "Invoices_GetPreReminderTemplate", Name: "happy path", Params: map[string]string{"guid": "{{late}}"}, Status: 200},
	{Op: "Invoices_GetPreReminderTemplate", Name: "unknown guid", Params: map[string]string{"guid": unknownGUID}, Status: 404, Code: 40},
	{Op: "Invoices_SendInvoicePrereminder", Name: "happy path", Params: map[string]string{"guid": "{{late}}"}, Body: mail, Status: 200},
	{Op: "Invoices_SendInvoicePrereminder", Name: "no required flag", Params: map[string]string{"guid": "{{late}}"}, Body: `{}`, Status: 400, Code: 42, Invalid: true},
	{Op: "Reminders_GetReminders", Name: "happy path", Params: map[string]string{"voucherGuid": "{{late}}"}, Status: 200},
	{Op: "Reminders_GetReminders", Name: "bad changesSince", Params: map[string]string{"voucherGuid": "{{late}}"}, Query: "changesSince=2026-11-02", Status: 400, Code: 42},
	{Op: "Reminders_GetNextReminder", Name: "happy path", Params: map[string]string{"voucherGuid": "{{late}}"}, Status: 200},
	{Op: "Reminders_GetNextReminder", Name: "not overdue", Params: map[string]string{"voucherGuid": "{{invoice}}"}, Status: 400, Code: 42},
	{Op: "Reminders_FetchReminder", Name: "happy path", Params: map[string]string{"voucherGuid": "{{late}}"}, Body: `{"Date":"2026-10-20","WithDebtCollectionWarning":false,"WithFee":true,"WithInterestFee":false,"WithCompensationFee":false}`, Status: 200},
	{Op: "Reminders_FetchReminder", Name: "no date", Params: map[string]string{"voucherGuid": "{{late}}"}, Body: `{` + reminderFlags + `}`, Status: 400, Code: 42, Invalid: true},
	{Op: "Reminders_GetReminderEmailTemplate", Name: "no booked reminder yet", Params: map[string]string{"voucherGuid": "{{late}}"}, Status: 400, Code: 42},
	{Op: "Reminders_AddReminder", Name: "stale timestamp", Params: map[string]string{"voucherGuid": "{{late}}"}, Body: `{"Timestamp":"0000000000000001","Date":"2026-10-20",` + reminderFlags + `}`, Status: 400, Code: 58},
	{Op: "Reminders_AddReminder", Name: "happy path", Params: map[string]string{"voucherGuid": "{{late}}"}, Body: `{"Timestamp":"{{lateTs}}","Date":"2026-10-20",` + reminderFlags + `}`, Status: 200, Keep: map[string]string{"reminder": "Id", "reminderTs": "Timestamp"}},
	{Op: "Reminders_GetReminder", Name: "happy path", Params: map[string]string{"voucherGuid": "{{late}}", "id": "{{reminder}}"}, Status: 200},
	{Op: "Reminders_GetReminder", Name: "as PDF", Params: map[string]string{"voucherGuid": "{{late}}", "id": "{{reminder}}"}, Accept: "application/octet-stream", Status: 200},
	{Op: "Reminders_GetReminder", Name: "unknown id", Params: map[string]string{"voucherGuid": "{{late}}", "id": "99999"}, Status: 404, Code: 40},
	{Op: "Reminders_UpdateReminder", Name: "stale timestamp", Params: map[string]string{"voucherGuid": "{{late}}", "id": "{{reminder}}"}, Body: `{"Timestamp":"0000000000000001","Date":"2026-10-22",` + reminderFlags + `}`, Status: 400, Code: 58},
	{Op: "Reminders_UpdateReminder", Name: "happy path", Params: map[string]string{"voucherGuid": "{{late}}", "id": "{{reminder}}"}, Body: `{"Timestamp":"{{reminderTs}}","Date":"2026-10-22","WithDebtCollectionWarning":false,"WithFee":true,"WithInterestFee":true,"WithCompensationFee":false}`, Status: 200, Keep: map[string]string{"reminderTs": "Timestamp"}},
	{Op: "Reminders_BookReminder", Name: "stale timestamp", Params: map[string]string{"voucherGuid": "{{late}}", "id": "{{reminder}}"}, Body: `{"Timestamp":"0000000000000001"}`, Status: 400, Code: 58},
	{Op: "Reminders_BookReminder", Name: "happy path", Params: map[string]string{"voucherGuid": "{{late}}", "id": "{{reminder}}"}, Body: `{"Timestamp":"{{reminderTs}}"}`, Status: 200, Keep: map[string]string{"reminderTs": "Timestamp"}},
	{Op: "Reminders_GetReminders", Name: "with a booked reminder", Params: map[string]string{"voucherGuid": "{{late}}"}, Status: 200},
	{Op: "Reminders_GetReminderEmailTemplate", Name: "happy path", Params: map[string]string{"voucherGuid": "{{late}}"}, Status: 200},
	{Op: "Reminders_SendReminderEmail", Name: "no required flag", Params: map[string]string{"voucherGuid": "{{late}}"}, Body: `{}`, Status: 400, Code: 42, Invalid: true},
	{Op: "Reminders_SendReminderEmail", Name: "happy path", Params: map[string]string{"voucherGuid": "{{late}}"}, Body: mail, Status: 200},
	{Op: "Reminders_SendReminderWithEAN", Name: "bad EAN", Params: map[string]string{"voucherGuid": "{{late}}", "id": "{{reminder}}"}, Body: `{"PaymentMeanEnum":"FIK","ReceiverEanNumber":"123"}`, Status: 400, Code: 42},
	{Op: "Reminders_SendReminderWithEAN", Name: "happy path", Params: map[string]string{"voucherGuid": "{{late}}", "id": "{{reminder}}"}, Body: `{"PaymentMeanEnum":"FIK","ReceiverEanNumber":"5790001234567"}`, Status: 200},
	{Op: "Reminders_DeleteReminder", Name: "stale timestamp", Params: map[string]string{"voucherGuid": "{{late}}", "id": "{{reminder}}"}, Body: `{"Timestamp":"0000000000000001"}`, Status: 400, Code: 58},
	{Op: "Reminders_DeleteReminder", Name: "happy path", Params: map[string]string{"voucherGuid": "{{late}}", "id": "{{reminder}}"}, Body: `{"Timestamp":"{{reminderTs}}"}`, Status: 200},
	{Op: "Reminders_GetReminders", Name: "with a deleted reminder", Params: map[string]string{"voucherGuid": "{{late}}"}, Status: 200},
	{Op: "Invoices_ListMailouts", Name: "reminders and e-reminders", Params: map[string]string{"guid": "{{late}}"}, Status: 200},
}

// purchaseLine is one purchase credit note line.
const purchaseLine = `[{"AccountNumber":2000,"Description":"Returneret skruer","Amount":125,"VatCode":"I25"}]`

// purchaseCalls prove purchase credit notes, credit purchase payments and
// the purchase voucher extras, on a credit purchase of their own.
var purchaseCalls = []apiCall{
	{Op: "PurchaseVouchers_CreatePurchaseVoucherV2", Name: "a credit purchase to pay", Body: `{"PurchaseType":"credit","ContactGuid":"{{contact}}","VoucherDate":"2026-11-02","Lines":[{"AccountNumber":6100,"Description":"Værktøj","Amount":1250,"VatCode":"I25"}]}`, Status: 200, Keep: map[string]string{"onCredit": "Guid", "onCreditTs": "Timestamp"}},
	{Op: "PurchaseVouchers_BookPurchaseVoucher", Name: "book it", Params: map[string]string{"guid": "{{onCredit}}"}, Body: `{"Timestamp":"{{onCreditTs}}"}`, Status: 200, Keep: map[string]string{"onCreditTs": "Timestamp"}},
	{Op: "PurchaseVoucherCreditPayments_CreatePaymentForCreditPurchaseVoucher", Name: "stale timestamp", Params: map[string]string{"id": "{{onCredit}}"}, Body: `{"Timestamp":"0000000000000001","DepositAccountNumber":55000,"RemainderIsFee":false,"Description":"x","Amount":10}`, Status: 400, Code: 58},
	{Op: "PurchaseVoucherCreditPayments_CreatePaymentForCreditPurchaseVoucher", Name: "happy path", Params: map[string]string{"id": "{{onCredit}}"}, Body: `{"Timestamp":"{{onCreditTs}}","DepositAccountNumber":55000,"RemainderIsFee":false,"Description":"Betalt","Amount":1250}`, Status: 200, Keep: map[string]string{"pvPay": "Guid", "onCreditTs": "TimeStamp"}},
	{Op: "PurchaseVoucherCreditPayments_GetPaymentsForCreditPurchaseVoucher", Name: "happy path", Params: map[string]string{"id": "{{onCredit}}"}, Status: 200},
	{Op: "PurchaseVoucherCreditPayments_GetPaymentsForCreditPurchaseVoucher", Name: "unknown guid", Params: map[string]string{"id": unknownGUID}, Status: 404, Code: 40},
	{Op: "PurchaseVoucherCreditPayments_DeletePaymentFromCreditPurchaseVoucher", Name: "stale timestamp", Params: map[string]string{"id": "{{onCredit}}", "paymentId": "{{pvPay}}", "timestamp": "0000000000000001"}, Status: 400, Code: 58},
	{Op: "PurchaseVoucherCreditPayments_DeletePaymentFromCreditPurchaseVoucher", Name: "happy path", Params: map[string]string{"id": "{{onCredit}}", "paymentId": "{{pvPay}}", "timestamp": "{{onCreditTs}}"}, Status: 200, Keep: map[string]string{"onCreditTs": "TimeStamp"}},
	{Op: "PurchaseVouchers_GetPurchaseVoucher", Name: "a paid-off credit purchase", Params: map[string]string{"guid": "{{onCredit}}"}, Status: 200},
	{Op: "PurchaseVouchers_GetPurchaseTotals", Name: "happy path", Body: `{"PurchaseType":"cash","VoucherDate":"2026-11-02","DepositAccountNumber":55000,"Lines":[{"AccountNumber":5500,"Amount":50000,"VatCode":"I25"}]}`, Status: 200},
	{Op: "PurchaseVouchers_GetPurchaseTotals", Name: "no purchase type", Body: `{"Lines":[]}`, Status: 400, Code: 42, Invalid: true},
	{Op: "PurchaseVouchers_GetSimilarPurchase", Name: "happy path", Body: `{"PurchaseType":"cash","VoucherDate":"2026-11-02","DepositAccountNumber":55000,"Lines":[{"AccountNumber":2000,"Amount":1.23}]}`, Status: 200},
	{Op: "PurchaseVouchers_GetSimilarPurchase", Name: "bad date", Body: `{"PurchaseType":"cash","VoucherDate":"i går"}`, Status: 400, Code: 42},
	{Op: "PurchaseVouchers_CreatePurchaseVoucherV2", Name: "a draft with a file", Body: `{"PurchaseType":"cash","VoucherDate":"2026-11-02","DepositAccountNumber":55000,"FileGuid":"{{file}}","Lines":[{"AccountNumber":6100,"Amount":10,"VatCode":"I25"}]}`, Status: 200},
	{Op: "PurchaseVouchers_GetPurchaseDraftGuidByFileGuid", Name: "happy path", Params: map[string]string{"fileGuid": "{{file}}"}, Status: 200},
	{Op: "PurchaseVouchers_GetPurchaseDraftGuidByFileGuid", Name: "unknown file", Params: map[string]string{"fileGuid": "webnothinghere"}, Status: 404, Code: 40},

	// Purchase credit notes.
	{Op: "PurchaseCreditNote_CreatePurchaseCreditNote", Name: "no lines (schema-valid, refused)", Body: `{"ContactGuid":"{{contact}}","Lines":[]}`, Status: 400, Code: 42},
	{Op: "PurchaseCreditNote_CreatePurchaseCreditNote", Name: "happy path", Body: `{"Date":"2026-11-02T00:00:00Z","Lines":` + purchaseLine + `}`, Status: 200, Keep: map[string]string{"pcn": "Guid", "pcnTs": "TimeStamp"}},
	{Op: "PurchaseCreditNote_GetPurchaseCreditNote", Name: "happy path", Params: map[string]string{"guid": "{{pcn}}"}, Status: 200},
	{Op: "PurchaseCreditNote_GetPurchaseCreditNote", Name: "unknown guid", Params: map[string]string{"guid": unknownGUID}, Status: 404, Code: 40},
	{Op: "PurchaseCreditNote_BookPurchaseCreditNote", Name: "no supplier", Params: map[string]string{"guid": "{{pcn}}"}, Body: `{"Timestamp":"{{pcnTs}}"}`, Status: 400, Code: 42},
	{Op: "PurchaseCreditNote_UpdatePurchaseCreditNote", Name: "stale timestamp", Params: map[string]string{"guid": "{{pcn}}"}, Body: `{"Timestamp":"0000000000000001","Lines":` + purchaseLine + `}`, Status: 400, Code: 58},
	{Op: "PurchaseCreditNote_UpdatePurchaseCreditNote", Name: "happy path", Params: map[string]string{"guid": "{{pcn}}"}, Body: `{"Timestamp":"{{pcnTs}}","ContactGuid":"{{contact}}","Lines":` + purchaseLine + `}`, Status: 200, Keep: map[string]string{"pcnTs": "TimeStamp"}},
	{Op: "PurchaseCreditNote_BookPurchaseCreditNote", Name: "happy path", Params: map[string]string{"guid": "{{pcn}}"}, Body: `{"Timestamp":"{{pcnTs}}"}`, Status: 200, Keep: map[string]string{"pcnTs": "Timestamp"}},
	{Op: "PurchaseCreditNote_GetPurchaseCreditNote", Name: "booked", Params: map[string]string{"guid": "{{pcn}}"}, Status: 200},
	{Op: "PurchaseCreditNote_DeletePurchaseCreditNote", Name: "booked", Params: map[string]string{"guid": "{{pcn}}"}, Body: `{"Timestamp":"{{pcnTs}}"}`, Status: 400, Code: 42},
	{Op: "PurchaseVouchers_CreateCreditNoteFromPurchaseVoucher", Name: "stale timestamp", Params: map[string]string{"guid": "{{onCredit}}"}, Body: `{"Timestamp":{"Timestamp":"0000000000000001"}}`, Status: 400, Code: 58},
	{Op: "PurchaseVouchers_CreateCreditNoteFromPurchaseVoucher", Name: "happy path", Params: map[string]string{"guid": "{{onCredit}}"}, Body: `{"Timestamp":{"Timestamp":"{{onCreditTs}}"}}`, Status: 200, Keep: map[string]string{"pcn2": "Guid", "pcn2Ts": "TimeStamp"}},
	{Op: "PurchaseCreditNote_DeletePurchaseCreditNote", Name: "happy path", Params: map[string]string{"guid": "{{pcn2}}"}, Body: `{"Timestamp":"{{pcn2Ts}}"}`, Status: 200},
}

// integrationCalls prove ledger items, webhooks, reports, attachments,
// state of account and the sales settings.
var integrationCalls = []apiCall{
	// Ledger items.
	{Op: "LedgerItems_AddLedgerItem", Name: "unbalanced (schema-valid, refused)", Body: `[{"Lines":[{"Amount":10,"AccountNumber":6000},{"Amount":-9,"AccountNumber":55000}]}]`, Status: 400, Code: 42},
	{Op: "LedgerItems_AddLedgerItem", Name: "happy path", Body: `[{"VoucherDate":"2026-11-02","Lines":[{"Description":"Kaffebønner til kontoret","Amount":250,"AccountNumber":6000,"AccountVatCode":"I25","BalancingAccountNumber":55000}]}]`, Status: 200, Keep: map[string]string{"item": "Id", "itemVer": "Version"}},
	{Op: "LedgerItems_GetLedgerItems", Name: "happy path", Body: `[{"Id":"{{item}}"}]`, Status: 200},
	{Op: "LedgerItems_GetLedgerItems", Name: "unknown id", Body: `[{"Id":"` + unknownGUID + `"}]`, Status: 404, Code: 40},
	{Op: "LedgerItems_UpdateLedgerItems", Name: "stale version", Body: `[{"Id":"{{item}}","Version":"0000000000000001","Lines":[{"Amount":300,"AccountNumber":6000,"BalancingAccountNumber":55000}]}]`, Status: 400, Code: 58},
	{Op: "LedgerItems_UpdateLedgerItems", Name: "happy path", Body: `[{"Id":"{{item}}","Version":"{{itemVer}}","VoucherDate":"2026-11-02","Lines":[{"Description":"Kaffe og te","Amount":300,"AccountNumber":6000,"AccountVatCode":"I25","BalancingAccountNumber":55000}]}]`, Status: 200, Keep: map[string]string{"itemVer": "0.Version"}},
	{Op: "LedgerItems_GetLedgerItemStatus", Name: "happy path", Body: `[{"Id":"{{item}}"}]`, Status: 200},
	{Op: "LedgerItems_GetLedgerItemStatus", Name: "no id", Body: `[{}]`, Status: 400, Code: 42, Invalid: true},
	{Op: "LedgerItems_AddLedgerItem", Name: "one to delete", Body: `[{"VoucherDate":"2026-11-02","Lines":[{"Description":"Fejlpost","Amount":10,"AccountNumber":6000,"BalancingAccountNumber":55000}]}]`, Status: 200, Keep: map[string]string{"item2": "Id", "item2Ver": "Version"}},
	{Op: "LedgerItems_DeleteMultipleLedgerItems", Name: "stale version", Body: `[{"Id":"{{item2}}","Version":"0000000000000001"}]`, Status: 400, Code: 58},
	{Op: "LedgerItems_DeleteMultipleLedgerItems", Name: "happy path", Body: `[{"Id":"{{item2}}","Version":"{{item2Ver}}"}]`, Status: 200},
	{Op: "LedgerItems_SendLedgerItemsToBooking", Name: "stale version", Body: `[{"Id":"{{item}}","Version":"0000000000000001"}]`, Status: 400, Code: 58},
	{Op: "LedgerItems_SendLedgerItemsToBooking", Name: "happy path", Body: `[{"Id":"{{item}}","Version":"{{itemVer}}"}]`, Status: 200},
	{Op: "LedgerItems_GetLedgerItemStatus", Name: "pending booking", Body: `[{"Id":"{{item}}"}]`, Status: 200},

	// Webhooks.
	{Op: "Webhooks_GetListOfAvailableWebhookEvents", Name: "happy path", Status: 200},
	{Op: "Webhooks_GetListOfAvailableWebhookEvents", Name: "organization out of reach", Org: unreachable, Status: 403, Code: 41},
	{Op: "Webhooks_SubscribeToWebhook", Name: "unknown event", Body: `{"EventId":"weather","Uri":"https://example.dk/hook"}`, Status: 400, Code: 42},
	{Op: "Webhooks_SubscribeToWebhook", Name: "happy path", Body: `{"EventId":"invoices","Uri":"https://hooks.kjaergaard-toemrer.dk/dinero"}`, Status: 200},
	{Op: "Webhooks_GetActiveWebhookSubscriptionsForAn", Name: "happy path", Status: 200},
	{Op: "Webhooks_GetActiveWebhookSubscriptionsForAn", Name: "organization out of reach", Org: unreachable, Status: 403, Code: 41},
	{Op: "Webhooks_UnsubscribeSpecificWebhookEvent", Name: "not subscribed", Body: `{"EventId":"products"}`, Status: 404, Code: 40},
	{Op: "Webhooks_UnsubscribeSpecificWebhookEvent", Name: "happy path", Body: `{"EventId":"invoices"}`, Status: 200},

	// Reports.
	{Op: "Reports_GetResultReport", Name: "happy path", Params: map[string]string{"accountingYear": "2026"}, Status: 200},
	{Op: "Reports_GetResultReport", Name: "bad flag", Params: map[string]string{"accountingYear": "2026"}, Query: "showZeroAccount=ja", Status: 400, Code: 42, Invalid: true},
	{Op: "Reports_GetBalanceReport", Name: "happy path", Params: map[string]string{"accountingYear": "2026"}, Status: 200},
	{Op: "Reports_GetBalanceReport", Name: "unknown year", Params: map[string]string{"accountingYear": "1999"}, Status: 404, Code: 40},
	{Op: "Reports_GetPrimoBalanceReport", Name: "happy path", Params: map[string]string{"accountingYear": "2026"}, Query: "showVatType=true", Status: 200},
	{Op: "Reports_GetPrimoBalanceReport", Name: "bad flag", Params: map[string]string{"accountingYear": "2026"}, Query: "includeSummaryAccount=2", Status: 400, Code: 42, Invalid: true},
	{Op: "Reports_GetSaldoBalanceReport", Name: "happy path", Params: map[string]string{"accountingYear": "2026"}, Query: "includeSummaryAccount=false", Status: 200},
	{Op: "Reports_GetSaldoBalanceReport", Name: "unknown year", Params: map[string]string{"accountingYear": "nu"}, Status: 404, Code: 40},

	// Attachments, on the booked {{invoice}} and the uploaded {{file}}.
	{Op: "Attachments_GetDocumentAttachments", Name: "happy path", Params: map[string]string{"documentGuid": "{{invoice}}"}, Status: 200},
	{Op: "Attachments_GetDocumentAttachments", Name: "unknown document", Params: map[string]string{"documentGuid": unknownGUID}, Status: 404, Code: 40},
	{Op: "Attachments_BindAttachmentWithADocument", Name: "unknown file", Params: map[string]string{"documentGuid": "{{invoice}}", "fileGuid": "webnosuchfile", "fileName": "bilag.pdf"}, Status: 404, Code: 40},
	{Op: "Attachments_BindAttachmentWithADocument", Name: "happy path", Params: map[string]string{"documentGuid": "{{invoice}}", "fileGuid": "{{file}}", "fileName": "tegning.pdf"}, Status: 200},
	{Op: "Attachments_BindsTheDefaultDocuments", Name: "wrong document type", Params: map[string]string{"documentGuid": "{{invoice}}", "documentType": "TradeOffer"}, Status: 400, Code: 42},
	{Op: "Attachments_BindsTheDefaultDocuments", Name: "happy path", Params: map[string]string{"documentGuid": "{{invoice}}", "documentType": "Invoice"}, Status: 200},
	{Op: "Attachments_GetDocumentAttachments", Name: "bound file and default terms", Params: map[string]string{"documentGuid": "{{invoice}}"}, Status: 200},
	{Op: "Attachments_RemoveAttachmentFromDocument", Name: "not bound", Params: map[string]string{"documentGuid": "{{offer}}", "fileGuid": "{{file}}"}, Status: 404, Code: 40},
	{Op: "Attachments_RemoveAttachmentFromDocument", Name: "happy path", Params: map[string]string{"documentGuid": "{{invoice}}", "fileGuid": "{{file}}"}, Status: 200},

	// State of account and sales settings.
	{Op: "ContactStateOfAccount_GetContactsStateOfAccount", Name: "happy path", Params: map[string]string{"guid": "{{newContact}}"}, Status: 200},
	{Op: "ContactStateOfAccount_GetContactsStateOfAccount", Name: "period ends before it starts", Params: map[string]string{"guid": "{{newContact}}"}, Query: "from=2026-12-01T00:00:00Z&to=2026-01-01T00:00:00Z", Status: 400, Code: 42},
	{Op: "ContactStateOfAccount_GetContactsStateOfAccountAs", Name: "happy path", Params: map[string]string{"guid": "{{newContact}}"}, Accept: "application/octet-stream", Status: 200},
	{Op: "ContactStateOfAccount_GetContactsStateOfAccountAs", Name: "bad flag", Params: map[string]string{"guid": "{{newContact}}"}, Query: "hideClosed=nej", Status: 400, Code: 42, Invalid: true},
	{Op: "ContactStateOfAccount_SendTheContactsStateOfAccount", Name: "no flags", Params: map[string]string{"guid": "{{newContact}}"}, Body: `{}`, Status: 400, Code: 42, Invalid: true},
	{Op: "ContactStateOfAccount_SendTheContactsStateOfAccount", Name: "happy path", Params: map[string]string{"guid": "{{newContact}}"}, Body: `{"CCToSender":true,"HideClosed":false,"Receiver":"bogholderi@kunde.dk"}`, Status: 200},
	{Op: "Sales_GetDefaultSettings", Name: "happy path", Status: 200},
	{Op: "Sales_GetDefaultSettings", Name: "organization out of reach", Org: unreachable, Status: 403, Code: 41},
}
