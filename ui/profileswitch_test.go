package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dinero-tui/dinero-tui/ui/common"
	"github.com/dinero-tui/dinero-tui/ui/fakebackend"
)

// fakeSwitch is a ProfileSwitcher over fake backends: each Open of a
// profile gets a new backend, as a new session would.
type fakeSwitch struct {
	t        *testing.T
	mu       sync.Mutex
	entries  []common.ProfileEntry
	profiles map[string]common.Profile
	loggedIn map[string]bool
	fail     map[string]error
	opened   map[string][]*fakebackend.Backend
	lists    int
}

func newFakeSwitch(t *testing.T) *fakeSwitch {
	live := common.Profile{Name: "default", ClientID: "isv_acme_explorer", ConnectURL: "https://connect.visma.com",
		APIURL: "https://api.dinero.dk", Scopes: "dineropublicapi:read dineropublicapi:write offline_access"}
	local := common.Profile{Name: "local", ClientID: "isv_dinero_tui_sandbox", ConnectURL: "http://127.0.0.1:41001",
		APIURL: "http://127.0.0.1:41002", Scopes: "dineropublicapi:read dineropublicapi:write offline_access"}
	ro := common.Profile{Name: "customer", ClientID: "isv_acme_explorer", ConnectURL: "https://connect.visma.com",
		APIURL: "https://api.dinero.dk", Scopes: "dineropublicapi:read offline_access", ReadOnly: true}
	f := &fakeSwitch{t: t, profiles: map[string]common.Profile{"default": live, "local": local, "customer": ro},
		loggedIn: map[string]bool{"default": true, "customer": true}, fail: map[string]error{},
		opened: map[string][]*fakebackend.Backend{}}
	for _, name := range []string{"customer", "default", "local"} {
		p := f.profiles[name]
		f.entries = append(f.entries, common.ProfileEntry{Name: name, ClientID: p.ClientID, APIURL: p.APIURL,
			ConnectURL: p.ConnectURL, ReadOnly: p.ReadOnly, LoggedIn: f.loggedIn[name]})
	}
	f.entries = append(f.entries, common.ProfileEntry{Name: "broken", Problem: "config file is not valid TOML (line 7); fix or remove it"})
	f.fail["broken"] = errors.New("profile broken: config file is not valid TOML (line 7); fix or remove it")
	return f
}

func (f *fakeSwitch) List(context.Context) ([]common.ProfileEntry, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.lists++
	return append([]common.ProfileEntry(nil), f.entries...), nil
}

func (f *fakeSwitch) Open(_ context.Context, name string) (Opened, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.fail[name]; err != nil {
		return Opened{}, err
	}
	p, ok := f.profiles[name]
	if !ok {
		return Opened{}, errors.New("no profile " + name + " in the config file")
	}
	be := fakebackend.New(f.loggedIn[name])
	be.Now = func() time.Time { return fixedNow }
	f.opened[name] = append(f.opened[name], be)
	return Opened{Deps: Deps{Backend: be, Profile: p, StateDir: f.t.TempDir(), CacheDir: f.t.TempDir()}}, nil
}

// last is the backend of the latest Open of name.
func (f *fakeSwitch) last(name string) *fakebackend.Backend {
	f.mu.Lock()
	defer f.mu.Unlock()
	list := f.opened[name]
	if len(list) == 0 {
		f.t.Fatalf("profile %s was never opened", name)
	}
	return list[len(list)-1]
}

func withSwitch(h *harness) *fakeSwitch {
	f := newFakeSwitch(h.t)
	h.m.deps.Profiles = f
	return f
}

// The picker lists every profile with its client id, LIVE or sandbox and
// whether it is logged in, the one in use marked; the header badges the
// profile in use.
func TestGoldenProfilePicker(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {40, 12}} {
		t.Run(fmt.Sprintf("picker_%dx%d", size[0], size[1]), func(t *testing.T) {
			h := newHarness(t, true, size[0], size[1])
			withSwitch(h)
			h.key("ctrl+p")
			if h.m.screen != screenProfiles {
				t.Fatalf("screen %d, want the profile picker", h.m.screen)
			}
			h.golden()
		})
	}
}

// Switching goes to the login for a profile without a session, to the
// companies for one with; the header shows the profile and its badge;
// each profile keeps its own backend, company and history.
func TestProfileSwitchKeepsProfilesApart(t *testing.T) {
	h := newHarness(t, true, 120, 40)
	f := withSwitch(h)
	first := h.be
	h.key("enter", "enter", "enter") // Nordlys, list invoices, send
	h.contains("200 OK")
	h.key("ctrl+p")
	h.contains("Profiles (4)", "isv_dinero_tui_sandbox", "not logged in", "cannot open", "● default")
	h.key("/")
	h.typeText("local")
	h.key("enter") // a typed name switches, like :profile local
	if h.m.screen != screenLogin || h.m.deps.Profile.Name != "local" {
		t.Fatalf("screen %d profile %q, want the login of local", h.m.screen, h.m.deps.Profile.Name)
	}
	h.contains("sandbox profile local", "not logged in", "Switched to profile local.", "ctrl+p switch profile")
	if strings.Contains(h.plain(), "LIVE") {
		t.Fatal("a loopback profile is badged LIVE")
	}
	local := f.last("local")
	h.key("enter") // log in (the fake approves at once)
	h.contains("Your companies")
	h.key("down", "enter", "enter", "enter") // Bageriet, list invoices, send
	h.contains("200 OK")
	if len(local.Sent) != 1 || local.Sent[0].PathParams["organizationId"] != "1048212" {
		t.Fatalf("local sent %+v", local.Sent)
	}
	if len(first.Sent) != 1 {
		t.Fatalf("the first profile's backend got %d requests, want its own 1", len(first.Sent))
	}
	h.key("ctrl+r")
	h.contains("History (1)", "/v1/1048212/invoices")

	h.key("esc", "ctrl+p", "/")
	h.typeText("default")
	h.key("enter")
	if h.m.screen != screenOrgs || h.m.deps.Profile.Name != "default" {
		t.Fatalf("screen %d profile %q, want the companies of default", h.m.screen, h.m.deps.Profile.Name)
	}
	h.contains("LIVE", "profile default · session ok")
	h.key("ctrl+r")
	h.contains("History (0)")
	if len(local.Sent) != 1 {
		t.Fatal("the profile left still gets requests")
	}
	h.checkSize()
}

// A profile that cannot be opened says why in one line and the profile in
// use stays usable.
func TestProfileSwitchBrokenProfileKeepsCurrent(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	withSwitch(h)
	h.key("ctrl+p", "down", "down", "down") // customer, default, local, broken (sorted as listed)
	if e, _ := h.m.profiles.Selected(); e.Name != "broken" {
		t.Fatalf("cursor on %q, want broken", e.Name)
	}
	h.key("enter")
	h.contains("profile broken: config file is not valid TOML (line 7)")
	if h.m.deps.Profile.Name != "default" || h.m.deps.Backend != common.Backend(h.be) {
		t.Fatal("a failed switch changed the profile in use")
	}
	h.key("esc", "enter", "enter", "enter")
	h.contains("200 OK")
	if len(h.be.Sent) != 1 {
		t.Fatalf("the profile in use sent %d requests after a failed switch, want 1", len(h.be.Sent))
	}
}

// While a request of this profile is in flight the switch waits: its
// answer must not land in the next profile's screens or history.
func TestProfileSwitchWaitsForWorkInFlight(t *testing.T) {
	h := newHarness(t, true, 80, 24)
	f := withSwitch(h)
	gate := make(chan struct{})
	defer close(gate)
	h.be.SendFunc = func(ctx context.Context, req common.Request) (*common.Response, error) {
		select {
		case <-gate:
		case <-ctx.Done():
		}
		return nil, ctx.Err()
	}
	h.key("enter", "enter", "enter")
	h.key("ctrl+p")
	h.contains("A request is in flight: esc cancels it")
	if h.m.screen == screenProfiles || f.lists != 0 {
		t.Fatal("the picker opened while a request was in flight")
	}
}

// A switch in read-only mode keeps writes refused for the read-only
// profile only: the other profile asks and sends, back on the read-only
// one nothing is sent.
func TestProfileSwitchReadOnlyStaysWithItsProfile(t *testing.T) {
	h := newReadOnlyHarness(t, 80, 24)
	h.m.deps.Profile.Name = "customer"
	f := withSwitch(h)
	h.key("enter", "down", "enter", "enter") // Nordlys, create draft invoice, send
	h.contains("READ-ONLY", "Read-only: POST not sent")
	h.key("esc", "esc", "ctrl+p", "/")
	h.typeText("default")
	h.key("enter")
	rw := f.last("default")
	if strings.Contains(h.plain(), "READ-ONLY") {
		t.Fatal("READ-ONLY followed the switch to a writable profile")
	}
	h.key("enter", "down", "enter", "enter") // the write asks first
	h.contains("Send it?")
	h.key("y")
	if n := len(rw.Sent); n != 1 || rw.Sent[0].Method != "POST" {
		t.Fatalf("the writable profile sent %d requests, want its confirmed POST", n)
	}
	h.key("esc", "esc", "esc", "ctrl+p", "/")
	h.typeText("customer")
	h.key("enter")
	ro := f.last("customer")
	h.contains("READ-ONLY")
	h.key("enter", "down", "enter", "enter")
	h.contains("Read-only: POST not sent")
	if len(ro.Sent) != 0 || len(h.be.Sent) != 0 {
		t.Fatalf("read-only profile sent %d + %d requests", len(ro.Sent), len(h.be.Sent))
	}
}
