package catalog

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// maxFileSize bounds an imported collection or description.
const maxFileSize = 64 << 20

// Load reads a Postman Collection v2.1 (or v2.0) or an OpenAPI 3 JSON file,
// detected from its content. It loads what it can and returns a note for
// everything it skipped. It fails only when nothing usable is in the file.
func Load(path string) (*Catalog, []string, error) { return LoadWith(path, LoadOptions{}) }

// LoadOptions adjusts how a file is read.
type LoadOptions struct {
	// Environment holds the enabled values of a Postman environment (see
	// ParseEnvironment); they win over a collection's own variables.
	Environment map[string]string
}

// LoadWith is Load with options.
func LoadWith(path string, o LoadOptions) (*Catalog, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("opening the collection: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, nil, fmt.Errorf("reading %s: %w", path, err)
	}
	if len(data) > maxFileSize {
		return nil, nil, fmt.Errorf("%s is larger than %d MB", path, maxFileSize>>20)
	}
	c, skipped, err := ParseWith(data, o)
	if err != nil {
		return nil, skipped, fmt.Errorf("%s: %w", path, err)
	}
	c.Source = path
	return c, skipped, nil
}

// Parse is Load on bytes already read.
func Parse(data []byte) (*Catalog, []string, error) { return ParseWith(data, LoadOptions{}) }

// ParseWith is LoadWith on bytes already read.
func ParseWith(data []byte, o LoadOptions) (*Catalog, []string, error) {
	v, err := decodeOrdered(data)
	if err != nil {
		return nil, nil, fmt.Errorf("not valid JSON (%v); export the collection as JSON (Postman v2.1) or give an OpenAPI 3 JSON file", err)
	}
	root := asObject(v)
	if root == nil {
		return nil, nil, fmt.Errorf("the file is not a JSON object; expected a Postman v2.1 collection or an OpenAPI 3 description")
	}
	var (
		c       *Catalog
		skipped []string
	)
	switch {
	case strings.HasPrefix(asString(root.get("openapi")), "3."):
		c, skipped = fromOpenAPI(root)
	case root.get("swagger") != nil || root.get("openapi") != nil:
		return nil, nil, fmt.Errorf("only OpenAPI 3 is supported (this file says %q); convert it to OpenAPI 3 first",
			orDefault(asString(root.get("openapi")), "swagger "+asString(root.get("swagger"))))
	case root.get("item") == nil && root.get("requests") != nil,
		strings.Contains(asString(asObject(root.get("info")).get("schema")), "/v1."):
		return nil, nil, fmt.Errorf("this is a Postman collection in format v1, which is not supported; in Postman choose Export > Collection v2.1 and use that file")
	case root.get("values") != nil && root.get("item") == nil:
		return nil, nil, fmt.Errorf("this looks like a Postman environment, not a collection; pass it with --environment")
	case root.get("item") != nil || strings.Contains(asString(asObject(root.get("info")).get("schema")), "postman"):
		c, skipped = fromPostman(root, o.Environment)
	default:
		return nil, nil, fmt.Errorf("neither a Postman collection (no \"item\" list) nor an OpenAPI 3 description (no \"openapi\" field)")
	}
	if c.Len() == 0 {
		return nil, skipped, fmt.Errorf("no requests found in the file")
	}
	return c, skipped, nil
}
