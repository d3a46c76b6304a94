package dinero

import "strconv"

// handlers maps "METHOD path-template" to the operations the sandbox models.
func handlers() map[string]handlerFunc {
	const org = "/{organizationId}"
	return map[string]handlerFunc{
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
}

func itoa(n int) string { return strconv.Itoa(n) }
