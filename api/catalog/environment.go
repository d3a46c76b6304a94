package catalog

import (
	"fmt"
	"io"
	"os"
)

// Environment is a Postman environment export: a named set of variables.
// Values may be secrets (a client secret): never print them.
type Environment struct {
	Name   string
	Values map[string]string // the enabled variables only
}

// String names the environment without its values, so printing one by
// mistake leaks nothing.
func (e Environment) String() string {
	return fmt.Sprintf("Postman environment %q (%d variables)", e.Name, len(e.Values))
}

// GoString is String, for %#v.
func (e Environment) GoString() string { return e.String() }

// LoadEnvironment reads a Postman environment file.
func LoadEnvironment(path string) (Environment, error) {
	f, err := os.Open(path)
	if err != nil {
		return Environment{}, fmt.Errorf("opening the environment: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return Environment{}, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(data) > maxFileSize {
		return Environment{}, fmt.Errorf("%s is larger than %d MB", path, maxFileSize>>20)
	}
	env, err := ParseEnvironment(data)
	if err != nil {
		return Environment{}, fmt.Errorf("%s: %w", path, err)
	}
	return env, nil
}

// ParseEnvironment reads a Postman environment export ({"name", "values":
// [{"key", "value", "enabled"}]}). Disabled values are left out; an entry
// without "enabled" counts as enabled, as in Postman. Error messages never
// quote the file's content.
func ParseEnvironment(data []byte) (Environment, error) {
	v, err := decodeOrdered(data)
	if err != nil {
		return Environment{}, fmt.Errorf("not valid JSON; export the environment from Postman (Environments > ... > Export)")
	}
	root := asObject(v)
	switch {
	case root == nil:
		return Environment{}, fmt.Errorf("not a Postman environment (expected a JSON object with a \"values\" list)")
	case root.get("item") != nil:
		return Environment{}, fmt.Errorf("this is a Postman collection, not an environment; pass it with --collection")
	}
	values, ok := root.get("values").([]any)
	if !ok {
		return Environment{}, fmt.Errorf("not a Postman environment: it has no \"values\" list")
	}
	env := Environment{Name: asString(root.get("name")), Values: map[string]string{}}
	for _, e := range values {
		o := asObject(e)
		k := asString(o.get("key"))
		if k == "" {
			continue
		}
		if en, set := o.get("enabled").(bool); set && !en {
			continue
		}
		env.Values[k] = asString(o.get("value"))
	}
	return env, nil
}
