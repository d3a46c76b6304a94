package common

import "testing"

func TestServiceOf(t *testing.T) {
	tests := []struct {
		name, api, connect string
		want               Service
	}{
		{"the real services", "https://api.dinero.dk", "https://connect.visma.com", ServiceLive},
		{"real API, path and case", "https://API.Dinero.dk/v1", "https://connect.visma.com/", ServiceLive},
		{"real API, local Connect", "https://api.dinero.dk", "http://127.0.0.1:4000", ServiceLive},
		{"local API, real Connect", "http://127.0.0.1:4001", "https://connect.visma.com", ServiceLive},
		{"the sandbox", "http://127.0.0.1:41002", "http://127.0.0.1:41001", ServiceSandbox},
		{"localhost and ::1", "http://localhost:8080", "http://[::1]:8081", ServiceSandbox},
		{"a proxy in front of Dinero", "https://dinero-proxy.example.com", "https://connect.visma.com", ServiceLive},
		{"a test server", "https://dinero.test.example.com", "https://login.test.example.com", ServiceOther},
		{"a look-alike host", "https://api.dinero.dk.example.com", "http://127.0.0.1:1", ServiceOther},
		{"half local", "http://127.0.0.1:1", "https://login.example.com", ServiceOther},
		{"unset", "", "", ServiceOther},
	}
	for _, tt := range tests {
		if got := ServiceOf(tt.api, tt.connect); got != tt.want {
			t.Errorf("%s: ServiceOf(%q, %q) = %d, want %d", tt.name, tt.api, tt.connect, got, tt.want)
		}
	}
}
