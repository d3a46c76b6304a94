package collrun

import (
	"encoding/json"
	"fmt"
	"os"
)

// maxEnvironmentSize bounds a Postman environment file.
const maxEnvironmentSize = 4 << 20

// ReadEnvironment reads a Postman environment export: its enabled values
// by key. Values may be secrets (a client secret); callers never print
// them.
func ReadEnvironment(path string) (map[string]string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("opening the environment: %w", err)
	}
	if st.Size() > maxEnvironmentSize {
		return nil, fmt.Errorf("%s is larger than %d MB; is it a Postman environment export?", path, maxEnvironmentSize>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the environment: %w", err)
	}
	return ParseEnvironment(data)
}

// ParseEnvironment is ReadEnvironment on bytes already read.
func ParseEnvironment(data []byte) (map[string]string, error) {
	var env struct {
		Values []struct {
			Key     string `json:"key"`
			Value   any    `json:"value"`
			Enabled *bool  `json:"enabled"`
		} `json:"values"`
	}
	if err := json.Unmarshal(data, &env); err != nil || env.Values == nil {
		return nil, fmt.Errorf("not a Postman environment (a JSON object with a \"values\" list); export it from Postman with Export in the environment's menu")
	}
	out := map[string]string{}
	for _, v := range env.Values {
		if v.Key == "" || v.Enabled != nil && !*v.Enabled {
			continue
		}
		switch val := v.Value.(type) {
		case string:
			out[v.Key] = val
		case float64, bool:
			b, _ := json.Marshal(val)
			out[v.Key] = string(b)
		}
	}
	return out, nil
}
