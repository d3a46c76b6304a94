package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEndpoints(t *testing.T) {
	r := runCmd(t, "", "", false, nil, "endpoints")
	if r.code != 0 || len(strings.Split(strings.TrimSpace(r.stdout), "\n")) != 137 {
		t.Fatalf("code %d, %d lines", r.code, len(strings.Split(r.stdout, "\n")))
	}
	r = runCmd(t, "", "", false, nil, "endpoints", "--json", "credit", "note", "payment")
	var ops []struct{ ID, Group, Method, Path string }
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &ops) != nil || len(ops) == 0 {
		t.Fatalf("code %d stdout %q", r.code, r.stdout)
	}
	for _, op := range ops {
		if op.Group == "" || !strings.Contains(strings.ToLower(op.ID+op.Path), "payment") {
			t.Errorf("unexpected %+v", op)
		}
	}
	r = runCmd(t, "", "", false, nil, "endpoints", "zzz-nothing")
	if r.code != 1 || !strings.Contains(r.stderr, "No operation") {
		t.Errorf("no match: code %d stderr %q", r.code, r.stderr)
	}
}

func TestEndpointsCollectionReplacesCatalogue(t *testing.T) {
	coll := filepath.Join("..", "api", "catalog", "testdata", "dinero.postman_collection.json")
	r := runCmd(t, "", "", false, nil, "endpoints", "--collection", coll, "--json")
	var ops []struct{ Name, Path string }
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &ops) != nil || len(ops) != 6 {
		t.Fatalf("code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"info":{"name":"x"},"item":[{"name":"a","request":{"url":"/v1/countries"}},{"name":"b"}]}`), 0o600)
	r = runCmd(t, "", "", false, nil, "endpoints", "--collection", bad)
	if r.code != 0 || !strings.Contains(r.stderr, "skipped 1") || !strings.Contains(r.stdout, "/v1/countries") {
		t.Errorf("partial: code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
	os.WriteFile(bad, []byte(`not json`), 0o600)
	r = runCmd(t, "", "", false, nil, "endpoints", "--collection", bad)
	if r.code != 1 || !strings.Contains(r.stderr, "not valid JSON") {
		t.Errorf("broken: code %d stderr %q", r.code, r.stderr)
	}
}

func TestAPIOperationIDFromCollection(t *testing.T) {
	u := apiSandbox(t, 0)
	coll := filepath.Join("..", "api", "catalog", "testdata", "dinero.postman_collection.json")
	r := runCmd(t, u, "", false, nil, "api", "--collection", coll, "get-v1-countries", "-q", "#")
	if r.code != 0 || strings.TrimSpace(r.stdout) == "0" || strings.TrimSpace(r.stdout) == "" {
		t.Errorf("code %d stdout %q stderr %q", r.code, r.stdout, r.stderr)
	}
}
