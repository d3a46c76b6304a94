package contract

import (
	"slices"
	"strconv"

	"github.com/dinero-tui/dinero-tui/sandbox/demodata"
)

// Values the table uses in errors.
var (
	noPro       = strconv.Itoa(demodata.OrgUnion)        // an organization without Pro: 403 code 90
	unreachable = strconv.Itoa(demodata.OrgForeign)      // an organization the demo user cannot reach
	unknownGUID = "00000000-0000-4000-8000-000000000000" // no entity has it
)

// calls is the proof table, run in order against one sandbox: a happy
// path and at least one error per modelled operation. Add the calls of a
// newly modelled operation to its group; TestTableCoversModelledOperations
// fails until it has both. Later groups use values kept by earlier ones.
var calls = slices.Concat(coreCalls, salesCalls, reminderCalls, purchaseCalls, integrationCalls)

// coreCalls are the first operations modelled: organizations, accounts,
// contacts, products, invoices, purchase and manual vouchers, entries, files.
var coreCalls = []apiCall{
	// Organizations, countries, accounting years, accounts, VAT.
	{Op: "ListOrganizations_ListOrganization_V1", Name: "default fields", Status: 200},
	{Op: "ListOrganizations_ListOrganization_V1", Name: "every field", Query: "fields=Name,Id,Type,IsPro,IsPayingPro,IsVatFree,Email,Phone,Street,City,ZipCode,AttPerson,IsTaxFreeUnion,VatNumber,CountryKey,Website", Status: 200},
	{Op: "ListOrganizations_ListOrganization_V1", Name: "no token", NoToken: true, Status: 401, Code: 41},
	{Op: "ListOrganizations_ListOrganization_V1_1", Name: "happy path", Status: 200},
	{Op: "ListOrganizations_ListOrganization_V1_1", Name: "no token", NoToken: true, Status: 401, Code: 41},
	{Op: "Countries_ListCountries", Name: "happy path", Status: 200},
	{Op: "Countries_ListCountries", Name: "no token", NoToken: true, Status: 401, Code: 41},
	{Op: "AccountingYears_ListAccountingYears", Name: "happy path", Status: 200},
	{Op: "AccountingYears_ListAccountingYears", Name: "no Pro", Org: noPro, Status: 403, Code: 90},
	{Op: "Accounts_ListEntryAccounts", Name: "every field", Query: "fields=AccountNumber,Name,VatCode,CategoryName,IsHidden,IsDefaultSalesAccount,PublicStandardNumber", Status: 200},
	{Op: "Accounts_ListEntryAccounts", Name: "organization out of reach", Org: unreachable, Status: 403},
	{Op: "Accounts_CreateEntryAccount", Name: "happy path", Body: `{"Number":1090,"Name":"Salg af træ","VatCode":"U25"}`, Status: 200},
	{Op: "Accounts_CreateEntryAccount", Name: "number taken", Body: `{"Number":1090,"Name":"Salg af træ","VatCode":"U25"}`, Status: 400, Code: 42},
	{Op: "Accounts_CreateEntryAccount", Name: "no body fields", Body: `{}`, Status: 400, Code: 42, Invalid: true},
	{Op: "Accounts_ListPurchaseAccounts", Name: "happy path", Status: 200},
	{Op: "Accounts_ListPurchaseAccounts", Name: "no Pro", Org: noPro, Status: 403, Code: 90},
	{Op: "Accounts_ListDepositAccounts", Name: "every field", Query: "fields=AccountNumber,Name,RegistrationNumber,AccountNumberAtBank,SwiftNumber,IbanNumber,IsDefault,IsHidden", Status: 200},
	{Op: "Accounts_ListDepositAccounts", Name: "no Pro", Org: noPro, Status: 403, Code: 90},
	{Op: "Accounts_CreateDepositAccount", Name: "happy path", Body: `{"Number":55090,"Name":"Opsparing i Sparekassen"}`, Status: 200},
	{Op: "Accounts_CreateDepositAccount", Name: "no name", Body: `{"Number":55091}`, Status: 400, Code: 42, Invalid: true},
	{Op: "VatTypes_ListVatTypes", Name: "happy path", Status: 200},
	{Op: "VatTypes_ListVatTypes", Name: "no Pro", Org: noPro, Status: 403, Code: 90},

	// Contacts and notes.
	{Op: "Contacts_ListContacts", Name: "happy path", Query: "pageSize=5&fields=Name,ContactGuid,IsPerson,IsDebitor,IsCreditor,UseCvr,CompanyTypeKey", Status: 200, Keep: map[string]string{"contact": "Collection.0.ContactGuid"}},
	{Op: "Contacts_ListContacts", Name: "page size above 1000", Query: "pageSize=1001", Status: 400, Code: 42},
	{Op: "Contacts_ListContactsV2", Name: "happy path", Query: "pageSize=3", Status: 200},
	{Op: "Contacts_ListContactsV2", Name: "bad changesSince", Query: "changesSince=yesterday", Status: 400, Code: 42},
	{Op: "Contacts_CreateContact", Name: "happy path", Body: `{"Name":"Bøgh & Ørsted ApS","CountryKey":"DK","IsPerson":false,"IsMember":false,"UseCvr":true,"Email":"info@boegh.dk"}`, Status: 200, Keep: map[string]string{"newContact": "ContactGuid"}},
	{Op: "Contacts_CreateContact", Name: "required fields missing", Body: `{"Name":"Bøgh & Ørsted ApS"}`, Status: 400, Code: 42, Invalid: true},
	{Op: "Contacts_GetContact", Name: "happy path", Params: map[string]string{"guid": "{{newContact}}"}, Status: 200},
	{Op: "Contacts_GetContact", Name: "unknown guid", Params: map[string]string{"guid": unknownGUID}, Status: 404, Code: 40},
	{Op: "Contacts_UpdateContact_V1", Name: "happy path", Params: map[string]string{"guid": "{{newContact}}"}, Body: `{"Name":"Bøgh & Ørsted A/S","CountryKey":"DK","IsPerson":false,"IsMember":false,"UseCvr":true}`, Status: 200},
	{Op: "Contacts_UpdateContact_V1", Name: "unknown guid", Params: map[string]string{"guid": unknownGUID}, Body: `{"Name":"x","CountryKey":"DK","IsPerson":false,"IsMember":false,"UseCvr":false}`, Status: 404, Code: 40},
	{Op: "Contacts_UpdateContact_V2", Name: "happy path", Params: map[string]string{"guid": "{{newContact}}"}, Body: `{"Name":"Bøgh & Ørsted A/S","CountryKey":"SE","IsPerson":false,"IsMember":false,"UseCvr":false}`, Status: 200},
	{Op: "Contacts_UpdateContact_V2", Name: "required fields missing", Params: map[string]string{"guid": "{{newContact}}"}, Body: `{"Name":"Bøgh"}`, Status: 400, Code: 42, Invalid: true},
	{Op: "Contacts_CreateContactNote", Name: "happy path", Params: map[string]string{"contactGuid": "{{newContact}}"}, Body: `{"Text":"Ring tirsdag om tilbuddet på terrassen"}`, Status: 200, Keep: map[string]string{"note": "ContactGuid"}},
	{Op: "Contacts_CreateContactNote", Name: "no text", Params: map[string]string{"contactGuid": "{{newContact}}"}, Body: `{}`, Status: 400, Code: 42, Invalid: true},
	{Op: "Contacts_ListContactNotes", Name: "happy path", Params: map[string]string{"contactGuid": "{{newContact}}"}, Query: "fields=Id,NoteDate,Text,AuthorName,AuthorEmail", Status: 200},
	{Op: "Contacts_ListContactNotes", Name: "unknown contact", Params: map[string]string{"contactGuid": unknownGUID}, Status: 404, Code: 40},
	{Op: "Contacts_GetContactNote", Name: "happy path", Params: map[string]string{"contactGuid": "{{newContact}}", "noteGuid": "{{note}}"}, Status: 200},
	{Op: "Contacts_GetContactNote", Name: "unknown note", Params: map[string]string{"contactGuid": "{{newContact}}", "noteGuid": unknownGUID}, Status: 404, Code: 40},
	{Op: "Contacts_UpdateContactNote", Name: "happy path", Params: map[string]string{"contactGuid": "{{newContact}}", "noteGuid": "{{note}}"}, Body: `{"Text":"Ringede – tilbud sendt"}`, Status: 200},
	{Op: "Contacts_UpdateContactNote", Name: "no text", Params: map[string]string{"contactGuid": "{{newContact}}", "noteGuid": "{{note}}"}, Body: `{}`, Status: 400, Code: 42, Invalid: true},
	{Op: "Contacts_DeleteContactNote", Name: "happy path", Params: map[string]string{"contactGuid": "{{newContact}}", "noteGuid": "{{note}}"}, Status: 200},
	{Op: "Contacts_DeleteContactNote", Name: "already deleted", Params: map[string]string{"contactGuid": "{{newContact}}", "noteGuid": "{{note}}"}, Status: 404},
	{Op: "Contacts_DeleteContact", Name: "happy path", Params: map[string]string{"guid": "{{newContact}}"}, Status: 200},
	{Op: "Contacts_DeleteContact", Name: "already deleted", Params: map[string]string{"guid": "{{newContact}}"}, Status: 404, Code: 65},
	{Op: "Contacts_RestoreDeletedContact", Name: "happy path", Params: map[string]string{"guid": "{{newContact}}"}, Status: 200},
	{Op: "Contacts_RestoreDeletedContact", Name: "not deleted", Params: map[string]string{"guid": "{{newContact}}"}, Status: 400, Code: 42},

	// Products.
	{Op: "Products_ListProducts", Name: "happy path", Query: "pageSize=2&fields=Name,ProductGuid,BaseAmountValue", Status: 200},
	{Op: "Products_ListProducts", Name: "bad page", Query: "page=-1", Status: 400, Code: 42},
	{Op: "Products_CreateProduct", Name: "happy path", Body: `{"Name":"Høvlet fyr","BaseAmountValue":100,"Quantity":2,"AccountNumber":1000,"Unit":"metre"}`, Status: 200, Keep: map[string]string{"product": "ProductGuid"}},
	{Op: "Products_CreateProduct", Name: "unknown unit", Body: `{"Name":"Høvlet fyr","BaseAmountValue":100,"Quantity":1,"AccountNumber":1000,"Unit":"furlong"}`, Status: 400, Code: 42},
	{Op: "Products_GetProduct", Name: "happy path", Params: map[string]string{"guid": "{{product}}"}, Status: 200},
	{Op: "Products_GetProduct", Name: "unknown guid", Params: map[string]string{"guid": unknownGUID}, Status: 404, Code: 40},
	{Op: "Products_GetProduct", Name: "not a guid", Params: map[string]string{"guid": "not-a-guid"}, Status: 400, Code: 42, Invalid: true},
	{Op: "Products_UpdateProduct", Name: "happy path", Params: map[string]string{"guid": "{{product}}"}, Body: `{"Name":"Høvlet gran","BaseAmountValue":80,"Quantity":1,"AccountNumber":1000,"Unit":"metre"}`, Status: 200},
	{Op: "Products_UpdateProduct", Name: "required fields missing", Params: map[string]string{"guid": "{{product}}"}, Body: `{"Name":"Høvlet gran"}`, Status: 400, Code: 42, Invalid: true},
	{Op: "Products_DeleteProduct", Name: "happy path", Params: map[string]string{"guid": "{{product}}"}, Status: 200},
	{Op: "Products_DeleteProduct", Name: "already deleted", Params: map[string]string{"guid": "{{product}}"}, Status: 404, Code: 65},

	// Invoices, payments, sales, credit notes.
	{Op: "Invoices_ListInvoices", Name: "happy path", Query: "pageSize=5&fields=Guid,Number,Status,PaymentStatus,ContactName,TotalInclVat", Status: 200},
	{Op: "Invoices_ListInvoices", Name: "unknown status filter", Query: "statusFilter=Lost", Status: 400, Code: 42},
	{Op: "Invoices_CreateInvoice", Name: "happy path", Body: `{"ContactGuid":"{{contact}}","Date":"2026-11-02","Description":"Ny terrasse","ProductLines":[{"Description":"Tømrerarbejde","BaseAmountValue":400,"Quantity":2,"AccountNumber":1000,"Discount":0}]}`, Status: 200, Keep: map[string]string{"invoice": "Guid", "invoiceTs": "TimeStamp"}},
	{Op: "Invoices_CreateInvoice", Name: "line without Discount", Body: `{"ProductLines":[{"Description":"Tømrerarbejde","BaseAmountValue":1,"Quantity":1,"AccountNumber":1000}]}`, Status: 400, Code: 42, Invalid: true},
	{Op: "Invoices_CreateInvoice", Name: "no product lines (schema-valid, refused)", Body: `{"ProductLines":[]}`, Status: 400, Code: 42},
	{Op: "Invoices_CreateInvoice", Name: "line without Description or ProductGuid (schema-valid, refused)", Body: `{"ProductLines":[{"BaseAmountValue":1,"Quantity":1,"AccountNumber":1000,"Discount":0}]}`, Status: 400, Code: 42},
	{Op: "Invoices_CreateInvoice", Name: "unknown currency (schema-valid, refused)", Body: `{"Currency":"XYZ","ProductLines":[{"Description":"x","BaseAmountValue":1,"Quantity":1,"AccountNumber":1000,"Discount":0}]}`, Status: 400, Code: 42},
	{Op: "Invoices_CreateInvoice", Name: "JSON sent as text/plain", Type: "text/plain", Body: `{"ProductLines":[{"Description":"x","BaseAmountValue":1,"Quantity":1,"AccountNumber":1000,"Discount":0}]}`, Status: 415, Invalid: true},
	{Op: "Invoices_GetInvoiceAsJsonOrPdf", Name: "draft as JSON", Params: map[string]string{"guid": "{{invoice}}"}, Status: 200},
	{Op: "Invoices_GetInvoiceAsJsonOrPdf", Name: "PDF of a draft", Params: map[string]string{"guid": "{{invoice}}"}, Accept: "application/octet-stream", Status: 400, Code: 42},
	{Op: "Invoices_UpdateInvoice", Name: "happy path", Params: map[string]string{"guid": "{{invoice}}"}, Body: `{"Timestamp":"{{invoiceTs}}","ContactGuid":"{{contact}}","Date":"2026-11-02","Description":"Ny terrasse","ProductLines":[{"Description":"Tømrerarbejde","BaseAmountValue":400,"Quantity":2,"AccountNumber":1000,"Discount":0},{"Description":"Materialer","BaseAmountValue":400,"Quantity":2,"AccountNumber":1000,"Discount":0}]}`, Status: 200, Keep: map[string]string{"invoiceTs": "TimeStamp"}},
	{Op: "Invoices_UpdateInvoice", Name: "stale timestamp", Params: map[string]string{"guid": "{{invoice}}"}, Body: `{"Timestamp":"0000000000000001","ProductLines":[{"Description":"x","BaseAmountValue":1,"Quantity":1,"AccountNumber":1000,"Discount":0}]}`, Status: 400, Code: 58},
	{Op: "Invoices_BookInvoice", Name: "stale timestamp", Params: map[string]string{"guid": "{{invoice}}"}, Body: `{"Timestamp":"0000000000000001"}`, Status: 400, Code: 58},
	{Op: "Invoices_BookInvoice", Name: "happy path", Params: map[string]string{"guid": "{{invoice}}"}, Body: `{"Timestamp":"{{invoiceTs}}"}`, Status: 200, Keep: map[string]string{"invoiceTs": "TimeStamp"}},
	{Op: "Invoices_GetInvoiceAsJsonOrPdf", Name: "booked as PDF", Params: map[string]string{"guid": "{{invoice}}"}, Accept: "application/octet-stream", Status: 200},
	{Op: "Invoices_AddPaymentToInvoice", Name: "happy path", Params: map[string]string{"guid": "{{invoice}}"}, Body: `{"Timestamp":"{{invoiceTs}}","DepositAccountNumber":55000,"RemainderIsFee":false,"Description":"Indbetaling","Amount":1000}`, Status: 200, Keep: map[string]string{"invoiceTs": "TimeStamp", "payment": "Guid"}},
	{Op: "Invoices_AddPaymentToInvoice", Name: "unknown deposit account", Params: map[string]string{"guid": "{{invoice}}"}, Body: `{"Timestamp":"{{invoiceTs}}","DepositAccountNumber":1,"RemainderIsFee":false,"Description":"Indbetaling","Amount":1000}`, Status: 400, Code: 42},
	{Op: "Invoices_GetPaymentsForInvoice", Name: "happy path", Params: map[string]string{"guid": "{{invoice}}"}, Status: 200},
	{Op: "Invoices_GetPaymentsForInvoice", Name: "unknown invoice", Params: map[string]string{"guid": unknownGUID}, Status: 404, Code: 40},
	{Op: "Invoices_DeletePaymentFromInvoice", Name: "stale timestamp", Params: map[string]string{"guid": "{{invoice}}", "paymentGuid": "{{payment}}"}, Body: `{"Timestamp":"0000000000000001"}`, Status: 400, Code: 58},
	{Op: "Invoices_DeletePaymentFromInvoice", Name: "happy path", Params: map[string]string{"guid": "{{invoice}}", "paymentGuid": "{{payment}}"}, Body: `{"Timestamp":"{{invoiceTs}}"}`, Status: 200},
	{Op: "Invoices_DeleteInvoice", Name: "booked", Params: map[string]string{"guid": "{{invoice}}"}, Status: 400, Code: 42},
	{Op: "Invoices_CreateInvoice", Name: "draft to delete", Body: `{"ProductLines":[{"Description":"Skitse","BaseAmountValue":10,"Quantity":1,"AccountNumber":1000,"Discount":0}]}`, Status: 200, Keep: map[string]string{"draft": "Guid", "draftTs": "TimeStamp"}},
	{Op: "Invoices_DeleteInvoice", Name: "happy path", Params: map[string]string{"guid": "{{draft}}"}, Body: `{"Timestamp":"{{draftTs}}"}`, Status: 200},
	{Op: "Sales_ListInvoicesAndCreditNotes", Name: "happy path", Query: "pageSize=5", Status: 200},
	{Op: "Sales_ListInvoicesAndCreditNotes", Name: "bad sort order", Query: "sortOrder=sideways", Status: 400, Code: 42},
	{Op: "SalesCreditNotes_ListCreditNotes", Name: "happy path", Query: "pageSize=5&fields=Guid,Number,Status,PaymentStatus,CreditNoteFor", Status: 200, Keep: map[string]string{"creditNote": "Collection.0.Guid"}},
	{Op: "SalesCreditNotes_ListCreditNotes", Name: "half a date range", Query: "startDate=2026-01-01", Status: 400, Code: 42},
	{Op: "SalesCreditNotes_GetCreditNote", Name: "happy path", Params: map[string]string{"guid": "{{creditNote}}"}, Status: 200},
	{Op: "SalesCreditNotes_GetCreditNote", Name: "as PDF", Params: map[string]string{"guid": "{{creditNote}}"}, Accept: "application/octet-stream", Status: 200},
	{Op: "SalesCreditNotes_GetCreditNote", Name: "an invoice is no credit note", Params: map[string]string{"guid": "{{invoice}}"}, Status: 404, Code: 40},

	// Purchase vouchers.
	{Op: "PurchaseVouchers_CreatePurchaseVoucherV2", Name: "happy path", Body: `{"PurchaseType":"cash","VoucherDate":"2026-11-02","DepositAccountNumber":55000,"Lines":[{"AccountNumber":6100,"Description":"Mobilabonnement","Amount":500,"VatCode":"I25"}]}`, Status: 200, Keep: map[string]string{"purchase": "Guid", "purchaseTs": "Timestamp"}},
	{Op: "PurchaseVouchers_CreatePurchaseVoucherV2", Name: "unknown purchase type", Body: `{"PurchaseType":"barter"}`, Status: 400, Code: 42},
	{Op: "PurchaseVouchers_CreatePurchaseVoucher", Name: "happy path", Body: `{"PurchaseType":"credit","ContactGuid":"{{contact}}","VoucherDate":"2026-11-02","Lines":[{"AccountNumber":6100,"Description":"Værktøj","Amount":1250,"VatCode":"I25"}]}`, Status: 200, Keep: map[string]string{"credit": "Guid", "creditTs": "Timestamp"}},
	{Op: "PurchaseVouchers_CreatePurchaseVoucher", Name: "AccountTagName on v1.1 (schema-valid, refused)", Body: `{"PurchaseType":"cash","Lines":[{"AccountNumber":6100,"Amount":10,"AccountTagName":"Telefon"}]}`, Status: 400, Code: 42},
	{Op: "PurchaseVouchers_CreatePurchaseVoucherV2", Name: "cash purchase in EUR (schema-valid, refused)", Body: `{"PurchaseType":"cash","CurrencyKey":"EUR"}`, Status: 400, Code: 42},
	{Op: "PurchaseVouchers_CreatePurchaseVoucher", Name: "bad date", Body: `{"PurchaseType":"cash","VoucherDate":"2. november"}`, Status: 400, Code: 42},
	{Op: "PurchaseVouchers_GetPurchaseVoucher", Name: "happy path", Params: map[string]string{"guid": "{{purchase}}"}, Status: 200},
	{Op: "PurchaseVouchers_GetPurchaseVoucher", Name: "unknown guid", Params: map[string]string{"guid": unknownGUID}, Status: 404, Code: 40},
	{Op: "PurchaseVouchers_UpdatePurchaseVoucher", Name: "happy path", Params: map[string]string{"guid": "{{purchase}}"}, Body: `{"Timestamp":"{{purchaseTs}}","PurchaseType":"cash","VoucherDate":"2026-11-02","ContactGuid":"{{contact}}","DepositAccountNumber":55000,"Lines":[{"AccountNumber":6100,"Description":"Mobilabonnement","Amount":600,"VatCode":"I25"}]}`, Status: 200, Keep: map[string]string{"purchaseTs": "Timestamp"}},
	{Op: "PurchaseVouchers_UpdatePurchaseVoucher", Name: "stale timestamp", Params: map[string]string{"guid": "{{purchase}}"}, Body: `{"Timestamp":"0000000000000001","PurchaseType":"cash","ContactGuid":"{{contact}}","VoucherDate":"2026-11-02","Lines":[{"AccountNumber":6100,"Amount":600}]}`, Status: 400, Code: 58},
	{Op: "PurchaseVouchers_UpdatePurchaseVoucherV2", Name: "happy path", Params: map[string]string{"guid": "{{credit}}"}, Body: `{"Timestamp":"{{creditTs}}","PurchaseType":"credit","ContactGuid":"{{contact}}","VoucherDate":"2026-11-02","Lines":[{"AccountNumber":6100,"Description":"Værktøj","Amount":1500,"VatCode":"I25"}]}`, Status: 200, Keep: map[string]string{"creditTs": "Timestamp"}},
	{Op: "PurchaseVouchers_UpdatePurchaseVoucherV2", Name: "stale timestamp", Params: map[string]string{"guid": "{{credit}}"}, Body: `{"Timestamp":"0000000000000001","PurchaseType":"credit","ContactGuid":"{{contact}}","VoucherDate":"2026-11-02","Lines":[{"AccountNumber":6100,"Amount":1}]}`, Status: 400, Code: 58},
	{Op: "PurchaseVouchers_BookPurchaseVoucher", Name: "stale timestamp", Params: map[string]string{"guid": "{{purchase}}"}, Body: `{"Timestamp":"0000000000000001"}`, Status: 400, Code: 58},
	{Op: "PurchaseVouchers_BookPurchaseVoucher", Name: "happy path", Params: map[string]string{"guid": "{{purchase}}"}, Body: `{"Timestamp":"{{purchaseTs}}"}`, Status: 200},
	{Op: "PurchaseVouchers_DeletePurchaseVoucher", Name: "stale timestamp", Params: map[string]string{"guid": "{{purchase}}"}, Body: `{"Timestamp":"0000000000000001"}`, Status: 400, Code: 58},
	{Op: "PurchaseVouchers_DeletePurchaseVoucher", Name: "happy path: a draft", Params: map[string]string{"guid": "{{credit}}"}, Body: `{"Timestamp":"{{creditTs}}"}`, Status: 200},
	{Op: "PurchaseVouchers_DeletePurchaseVoucher", Name: "booked: offset", Params: map[string]string{"guid": "{{purchase}}"}, Status: 200},
	{Op: "PurchaseVouchers_DeletePurchaseVoucher", Name: "already deleted", Params: map[string]string{"guid": "{{purchase}}"}, Status: 404, Code: 65},

	// Manual vouchers and entries.
	{Op: "ManuelVouchers_CreateManualVoucher", Name: "happy path", Body: `{"VoucherDate":"2026-11-02","Lines":[{"Description":"Hævet til kassen","AccountNumber":7600,"BalancingAccountNumber":55000,"Amount":1000}]}`, Status: 200, Keep: map[string]string{"manual": "Guid", "manualTs": "Timestamp"}},
	{Op: "ManuelVouchers_CreateManualVoucher", Name: "line without amount", Body: `{"VoucherDate":"2026-11-02","Lines":[{"Description":"Hævet","AccountNumber":7600}]}`, Status: 400, Code: 42, Invalid: true},
	{Op: "ManuelVouchers_GetManualVoucher", Name: "happy path", Params: map[string]string{"guid": "{{manual}}"}, Status: 200},
	{Op: "ManuelVouchers_GetManualVoucher", Name: "unknown guid", Params: map[string]string{"guid": unknownGUID}, Status: 404, Code: 40},
	{Op: "ManuelVouchers_UpdateManualVoucher", Name: "happy path", Params: map[string]string{"guid": "{{manual}}"}, Body: `{"Timestamp":"{{manualTs}}","VoucherDate":"2026-11-02","Lines":[{"Description":"Hævet til kassen","AccountNumber":7600,"BalancingAccountNumber":55000,"Amount":1200}]}`, Status: 200, Keep: map[string]string{"manualTs": "Timestamp"}},
	{Op: "ManuelVouchers_UpdateManualVoucher", Name: "stale timestamp", Params: map[string]string{"guid": "{{manual}}"}, Body: `{"Timestamp":"0000000000000001"}`, Status: 400, Code: 58},
	{Op: "ManuelVouchers_BookManualVoucher", Name: "stale timestamp", Params: map[string]string{"guid": "{{manual}}"}, Body: `{"Timestamp":"0000000000000001"}`, Status: 400, Code: 58},
	{Op: "ManuelVouchers_BookManualVoucher", Name: "happy path", Params: map[string]string{"guid": "{{manual}}"}, Body: `{"Timestamp":"{{manualTs}}"}`, Status: 200, Keep: map[string]string{"manualTs": "Timestamp"}},
	{Op: "ManuelVouchers_DeleteManualVoucher", Name: "stale timestamp", Params: map[string]string{"guid": "{{manual}}"}, Body: `{"Timestamp":"0000000000000001"}`, Status: 400, Code: 58},
	{Op: "ManuelVouchers_DeleteManualVoucher", Name: "booked: offset", Params: map[string]string{"guid": "{{manual}}"}, Body: `{"Timestamp":"{{manualTs}}"}`, Status: 200},
	{Op: "Entry_ListEntries", Name: "happy path", Query: "fromDate=2026-11-01T00:00:00Z&toDate=2026-11-30T23:59:59Z", Status: 200},
	{Op: "Entry_ListEntries", Name: "no dates", Status: 400, Code: 42},
	{Op: "Entry_ListChanges", Name: "happy path", Query: "changesFrom=2026-11-01T00:00:00Z&changesTo=2026-11-30T23:59:59Z", Status: 200},
	{Op: "Entry_ListChanges", Name: "longer than 31 days", Query: "changesFrom=2026-09-01T00:00:00Z&changesTo=2026-11-30T00:00:00Z", Status: 400, Code: 42},

	// Files.
	{Op: "Files_UploadFile", Name: "happy path", File: &upload{Name: "kvittering æøå.pdf", Content: []byte("%PDF-1.4\n%%EOF\n")}, Status: 200, Keep: map[string]string{"file": "FileGuid"}},
	{Op: "Files_UploadFile", Name: "JSON instead of a file", Body: `{"not":"multipart"}`, Status: 400, Invalid: true},
	{Op: "Files_UploadAFileAsAnAttachment", Name: "happy path", File: &upload{Name: "bilag.png", Content: []byte("\x89PNG\r\n\x1a\n")}, Status: 200},
	{Op: "Files_UploadAFileAsAnAttachment", Name: "an .exe (schema-valid, refused)", File: &upload{Name: "setup.exe", Content: []byte("MZ\x90\x00")}, Status: 400},
	{Op: "Files_UploadAFileAsAnAttachment", Name: "JSON instead of a file", Body: `{}`, Status: 400, Invalid: true},
	{Op: "Files_ListFiles", Name: "happy path", Query: "fileStatus=Unused", Status: 200},
	{Op: "Files_ListFiles", Name: "bad file status", Query: "fileStatus=Lost", Status: 400, Code: 42, Invalid: true},
	{Op: "Files_DownloadTheSpecifiedFile", Name: "happy path", Params: map[string]string{"fileGuid": "{{file}}"}, Accept: "application/octet-stream", Status: 200},
	{Op: "Files_DownloadTheSpecifiedFile", Name: "unknown file", Params: map[string]string{"fileGuid": "web00000000000000000000000000000"}, Status: 404},
}
