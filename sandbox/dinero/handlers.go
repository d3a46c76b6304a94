package dinero

import "strconv"

// handlers maps "METHOD path-template" to the operations the sandbox models.
func handlers() map[string]handlerFunc {
	const org = "/{organizationId}"
	m := map[string]handlerFunc{
		"GET /v1/organizations":   listOrganizationsV1,
		"GET /v1.1/organizations": listOrganizationsV11,
		"GET /v1/countries":       listCountries,

		"GET /v1" + org + "/accountingyears":   listAccountingYears,
		"GET /v1" + org + "/accounts/entry":    listEntryAccounts,
		"POST /v1" + org + "/accounts/entry":   createEntryAccount,
		"GET /v1" + org + "/accounts/purchase": listPurchaseAccounts,
		"GET /v1" + org + "/accounts/deposit":  listDepositAccounts,
		"POST /v1" + org + "/accounts/deposit": createDepositAccount,
		"GET /v1" + org + "/vatTypes":          listVatTypes,

		"GET /v1" + org + "/contacts":                                   listContactsV1,
		"GET /v2" + org + "/contacts":                                   listContactsV2,
		"POST /v1" + org + "/contacts":                                  createContact,
		"GET /v1" + org + "/contacts/{guid}":                            getContact,
		"PUT /v1" + org + "/contacts/{guid}":                            updateContact,
		"PUT /v2" + org + "/contacts/{guid}":                            updateContact,
		"DELETE /v1" + org + "/contacts/{guid}":                         deleteContact,
		"POST /v1" + org + "/contacts/{guid}/restore":                   restoreContact,
		"GET /v1" + org + "/contacts/{contactGuid}/notes":               listNotes,
		"POST /v1" + org + "/contacts/{contactGuid}/notes":              createNote,
		"GET /v1" + org + "/contacts/{contactGuid}/notes/{noteGuid}":    getNote,
		"PUT /v1" + org + "/contacts/{contactGuid}/notes/{noteGuid}":    updateNote,
		"DELETE /v1" + org + "/contacts/{contactGuid}/notes/{noteGuid}": deleteNote,

		"GET /v1" + org + "/products":           listProducts,
		"POST /v1" + org + "/products":          createProduct,
		"GET /v1" + org + "/products/{guid}":    getProduct,
		"PUT /v1" + org + "/products/{guid}":    updateProduct,
		"DELETE /v1" + org + "/products/{guid}": deleteProduct,

		"GET /v1" + org + "/invoices":                                  listInvoices,
		"POST /v1" + org + "/invoices":                                 createInvoice,
		"GET /v1" + org + "/invoices/{guid}":                           getInvoice,
		"PUT /v1.2" + org + "/invoices/{guid}":                         updateInvoice,
		"DELETE /v1" + org + "/invoices/{guid}":                        deleteInvoice,
		"POST /v1" + org + "/invoices/{guid}/book":                     bookInvoice,
		"POST /v1" + org + "/invoices/{guid}/payments":                 addInvoicePayment,
		"GET /v2" + org + "/invoices/{guid}/payments":                  listInvoicePayments,
		"DELETE /v1" + org + "/invoices/{guid}/payments/{paymentGuid}": deleteInvoicePayment,
		"GET /v1" + org + "/sales":                                     listSales,
		"GET /v1" + org + "/sales/creditnotes":                         listCreditNotes,
		"GET /v1" + org + "/sales/creditnotes/{guid}":                  getCreditNote,

		"POST /v1.1" + org + "/vouchers/purchase":           createPurchase,
		"POST /v1.2" + org + "/vouchers/purchase":           createPurchase,
		"GET /v1" + org + "/vouchers/purchase/{guid}":       getPurchase,
		"PUT /v1" + org + "/vouchers/purchase/{guid}":       updatePurchase,
		"PUT /v1.1" + org + "/vouchers/purchase/{guid}":     updatePurchase,
		"DELETE /v1" + org + "/vouchers/purchase/{guid}":    deletePurchase,
		"POST /v1" + org + "/vouchers/purchase/{guid}/book": bookPurchase,
		"POST /v1" + org + "/vouchers/manuel":               createManual,
		"GET /v1" + org + "/vouchers/manuel/{guid}":         getManual,
		"PUT /v1" + org + "/vouchers/manuel/{guid}":         updateManual,
		"DELETE /v1" + org + "/vouchers/manuel/{guid}":      deleteManual,
		"POST /v1" + org + "/vouchers/manuel/{guid}/book":   bookManual,

		"GET /v1" + org + "/entries":         listEntries,
		"GET /v1" + org + "/entries/changes": listEntryChanges,

		"POST /v1" + org + "/files":            uploadFile,
		"POST /v1" + org + "/files/attachment": uploadAttachment,
		"GET /v1" + org + "/files":             listFiles,
		"GET /v1" + org + "/files/{fileGuid}":  downloadFile,
	}
	for k, h := range moreHandlers() {
		m[k] = h
	}
	return m
}

// moreHandlers maps the operations of trade offers, credit notes, invoice
// extras, reminders, ledger items, purchase credit notes and payments,
// webhooks, reports, attachments, state of account, SMS and sales settings.
func moreHandlers() map[string]handlerFunc {
	const org = "/{organizationId}"
	const inv = "/v1" + org + "/invoices/{guid}"
	const rem = "/v1" + org + "/invoices/{voucherGuid}/reminders"
	const cn = "/v1" + org + "/sales/creditnotes"
	const to = "/v1" + org + "/tradeoffers"
	const pcn = "/v1" + org + "/vouchers/purchase/creditnotes"
	return map[string]handlerFunc{
		"POST /v1" + org + "/invoices/fetch":                fetchInvoiceTotals,
		"GET /v1" + org + "/invoices/templates":             listInvoiceTemplates,
		"POST " + inv + "/email":                            sendInvoiceEmail,
		"GET /v2" + org + "/invoices/{guid}/email/template": invoiceEmailTemplate,
		"GET " + inv + "/email/pre-reminder/template":       preReminderTemplate,
		"POST " + inv + "/email/pre-reminder":               sendPreReminder,
		"POST /v3" + org + "/invoices/{guid}/e-invoice":     sendEInvoice,
		"POST " + inv + "/generate-creditnote":              creditNoteFromInvoice,
		"GET " + inv + "/mailouts":                          invoiceMailouts,
		"POST /v1" + org + "/sms/{voucherGuid}/send-sms":    sendSms,

		"GET " + rem:                       listReminders,
		"POST " + rem:                      addReminder,
		"GET " + rem + "/{id}":             getReminder,
		"PUT " + rem + "/{id}":             updateReminder,
		"DELETE " + rem + "/{id}":          deleteReminder,
		"POST " + rem + "/{id}/book":       bookReminder,
		"GET " + rem + "/next":             nextReminderPreview,
		"POST " + rem + "/fetch":           fetchReminder,
		"GET " + rem + "/email/template":   reminderEmailTemplate,
		"POST " + rem + "/email":           sendReminderEmail,
		"POST " + rem + "/{id}/e-reminder": sendEReminder,

		"POST " + cn: createCreditNote,
		"PUT /v1.2" + org + "/sales/creditnotes/{guid}":             updateCreditNote,
		"DELETE " + cn + "/{guid}":                                  deleteCreditNote,
		"POST " + cn + "/{guid}/book":                               bookCreditNote,
		"POST " + cn + "/fetch":                                     fetchCreditNoteTotals,
		"GET " + cn + "/{guid}/pdf":                                 serveCreditNotePDF,
		"GET " + cn + "/{guid}/email/template":                      creditNoteEmailTemplate,
		"POST " + cn + "/{guid}/email":                              sendCreditNoteEmail,
		"POST /v3" + org + "/sales/creditnotes/{guid}/e-creditNote": sendECreditNote,
		"GET " + cn + "/{guid}/mailouts":                            creditNoteMailouts,
		"POST " + cn + "/{guid}/payments":                           addCreditNotePayment,
		"GET " + cn + "/{guid}/payments":                            listCreditNotePayments,
		"DELETE " + cn + "/{guid}/payments/{paymentGuid}":           deleteCreditNotePayment,
		"GET /v1" + org + "/sales/settings":                         getSalesSettings,

		"GET " + to:             listTradeOffers,
		"POST " + to:            createTradeOffer,
		"POST " + to + "/fetch": fetchTradeOfferTotals,
		"GET " + to + "/{guid}": getTradeOffer,
		"PUT /v1.2" + org + "/tradeoffers/{guid}": updateTradeOffer,
		"DELETE " + to + "/{guid}":                deleteTradeOffer,
		"GET " + to + "/{guid}/email/template":    tradeOfferEmailTemplate,
		"POST " + to + "/{guid}/email":            sendTradeOfferEmail,
		"POST " + to + "/{guid}/generate-invoice": generateInvoice,
		"GET " + to + "/{guid}/mailouts":          tradeOfferMailouts,

		"POST /v1.2" + org + "/ledgeritems":        addLedgerItems,
		"PUT /v1" + org + "/ledgeritems":           updateLedgerItems,
		"POST /v1" + org + "/ledgeritems/ledgers":  getLedgerItems,
		"POST /v1" + org + "/ledgeritems/status":   ledgerItemStatus,
		"POST /v1" + org + "/ledgeritems/book":     bookLedgerItems,
		"DELETE /v1" + org + "/ledgeritems/delete": deleteLedgerItems,

		"POST " + pcn:                                                                   createPurchaseCN,
		"GET " + pcn + "/{guid}":                                                        getPurchaseCN,
		"PUT " + pcn + "/{guid}":                                                        updatePurchaseCN,
		"DELETE " + pcn + "/{guid}":                                                     deletePurchaseCN,
		"POST " + pcn + "/{guid}/book":                                                  bookPurchaseCN,
		"POST /v1" + org + "/vouchers/purchase/fetch":                                   fetchPurchaseTotals,
		"POST /v1" + org + "/vouchers/purchase/similar":                                 similarPurchase,
		"GET /v1" + org + "/vouchers/purchase/fileguid/{fileGuid}":                      purchaseDraftsByFile,
		"POST /v1" + org + "/vouchers/purchase/{guid}/generate-creditnote":              purchaseCreditNoteFrom,
		"GET /v1" + org + "/purchase-vouchers/{id}/payments":                            listPurchasePayments,
		"POST /v1" + org + "/purchase-vouchers/{id}/payments":                           addPurchasePayment,
		"DELETE /v1" + org + "/purchase-vouchers/{id}/payments/{paymentId}/{timestamp}": deletePurchasePayment,

		"POST /v1" + org + "/webhooks/subscribe":     subscribeWebhook,
		"DELETE /v1" + org + "/webhooks/unsubscribe": unsubscribeWebhook,
		"GET /v1" + org + "/webhooks/subscriptions":  listWebhookSubscriptions,
		"GET /v1" + org + "/webhooks/events":         listWebhookEvents,

		"GET /v1" + org + "/{accountingYear}/reports/saldo":   saldoReport,
		"GET /v1" + org + "/{accountingYear}/reports/result":  resultReport,
		"GET /v1" + org + "/{accountingYear}/reports/primo":   primoReport,
		"GET /v1" + org + "/{accountingYear}/reports/balance": balanceReport,

		"GET /v1" + org + "/attachments/{documentGuid}":                              listAttachments,
		"POST /v1" + org + "/attachments/{documentGuid}/{fileGuid}/{fileName}":       bindAttachment,
		"DELETE /v1" + org + "/attachments/{documentGuid}/{fileGuid}":                removeAttachment,
		"POST /v1" + org + "/attachments/bind/default/{documentGuid}/{documentType}": bindDefaultAttachments,

		"GET /v1" + org + "/state-of-account/{guid}":        getStateOfAccount,
		"GET /v1" + org + "/state-of-account/{guid}/pdf":    stateOfAccountPDF,
		"POST /v1" + org + "/state-of-account/{guid}/email": emailStateOfAccount,
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
