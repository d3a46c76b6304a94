package dinero

import (
	"testing"
)

// Issue 19, item 5: required and documented fields are returned when asked.
func TestStrictFieldsReturned(t *testing.T) {
	e := newEnv(t, nil)
	accts := e.get(orgPath("v1", pro, "/accounts/entry?fields=AccountNumber,IsDefaultSalesAccount,PublicStandardNumber,CategoryName,IsHidden")).array(t)
	defaults := 0
	for _, a := range accts {
		for _, k := range []string{"IsDefaultSalesAccount", "PublicStandardNumber", "CategoryName", "IsHidden"} {
			if _, ok := a[k]; !ok {
				t.Fatalf("entry account lacks %s: %v", k, a)
			}
		}
		if a["IsDefaultSalesAccount"] == true {
			defaults++
		}
	}
	if defaults != 1 {
		t.Errorf("%d default sales accounts, want 1", defaults)
	}
	if p := e.get(orgPath("v1", pro, "/accounts/purchase?fields=Name,CategoryName")).array(t); p[0]["CategoryName"] == nil {
		t.Errorf("purchase account CategoryName dropped: %v", p[0])
	}
	dep := e.get(orgPath("v1", pro, "/accounts/deposit?fields=AccountNumber,BankRegistrationNumber,BankAccountNumber,BankSwiftNumber,BankIbanNumber")).array(t)
	if dep[0]["BankRegistrationNumber"] == nil || dep[0]["BankIbanNumber"] == nil || dep[0]["BankSwiftNumber"] != "DABADKKK" {
		t.Errorf("deposit account bank fields: %v", dep[0])
	}
	cs := decodeCollection(t, e.get(orgPath("v1", pro, "/contacts?pageSize=1000&fields=Name,IsDebitor,IsCreditor,UseCvr,SENumber,PNumber,CompanyTypeKey")))
	for _, c := range cs.Collection {
		for _, k := range []string{"IsDebitor", "IsCreditor", "UseCvr", "SENumber", "PNumber", "CompanyTypeKey"} {
			if _, ok := c[k]; !ok {
				t.Fatalf("contact lacks %s: %v", k, c)
			}
		}
	}
	orgs := e.get("/v1/organizations?fields=Id,CountryKey,Website").array(t)
	if orgs[0]["CountryKey"] != "DK" {
		t.Errorf("organization CountryKey ignored: %v", orgs[0])
	}
	if _, ok := orgs[0]["Website"]; !ok {
		t.Errorf("organization Website ignored: %v", orgs[0])
	}
}
