package cli

import (
	"fmt"
	"github.com/spf13/pflag"

	"github.com/dinero-tui/dinero-tui/api/catalog"
	"github.com/dinero-tui/dinero-tui/config"
)

// Sources of the Postman settings layers, as status shows them.
const (
	sourceCollection  = "the collection"
	sourceEnvironment = "the Postman environment"
)

// postmanFlags are --collection and --environment: the developer's own
// Postman files, which give requests and settings.
type postmanFlags struct {
	collection, environment *string
	cat                     *catalog.Catalog  // loaded by load; the built-in one without --collection
	envValues               map[string]string // the environment's enabled values, loaded by load
}

// addPostmanFlags binds --collection and --environment to fs.
func addPostmanFlags(fs *pflag.FlagSet) *postmanFlags {
	return &postmanFlags{
		collection:  fs.String("collection", "", "Postman v2.1/v2.0 collection or OpenAPI 3 `FILE`: its requests replace the built-in catalogue, its OAuth2 block and variables give settings"),
		environment: fs.String("environment", "", "Postman environment `FILE`: its enabled variables override the collection's"),
	}
}

// load reads the files and returns the settings layers they give (the
// collection's, then the environment's). Reading fails with a message that
// names the file but never quotes its values.
func (f *postmanFlags) load(env *Env) ([]config.Layer, error) {
	var envValues map[string]string
	if *f.environment != "" {
		e, err := catalog.LoadEnvironment(*f.environment)
		if err != nil {
			return nil, err
		}
		envValues = e.Values
	}
	f.envValues = envValues
	if *f.collection == "" {
		f.cat = catalog.Builtin()
	} else {
		c, err := loadCatalogWith(env, *f.collection, envValues)
		if err != nil {
			return nil, err
		}
		f.cat = c
	}
	if f.cat.Postman == nil && envValues == nil {
		return nil, nil
	}
	s := catalog.PostmanSettings(f.cat.Postman, envValues)
	return []config.Layer{{Source: sourceCollection, Values: s.Collection}, {Source: sourceEnvironment, Values: s.Environment}}, nil
}

// catalog is the loaded catalogue (call load first).
func (f *postmanFlags) catalog() *catalog.Catalog {
	if f.cat == nil {
		return catalog.Builtin()
	}
	return f.cat
}

// loadCatalogWith reads a collection with an environment's values and
// reports what it skipped on stderr.
func loadCatalogWith(env *Env, file string, envValues map[string]string) (*catalog.Catalog, error) {
	c, skipped, err := catalog.LoadWith(file, catalog.LoadOptions{Environment: envValues})
	if err != nil {
		return nil, err
	}
	reportSkipped(env, file, skipped)
	return c, nil
}

// sourceOf says where a setting came from, for status.
func sourceOf(p config.Profile, key string) string {
	if src := p.Sources[key]; src != "" && src != "default" {
		return "from " + src
	}
	return "default"
}

// describeSetting prints a setting with its source; secret settings show
// only whether they are set.
func describeSetting(p config.Profile, key, value string, secret bool) string {
	if secret {
		if value == "" {
			return "not set"
		}
		value = "set"
	}
	if value == "" {
		value = "not set"
	}
	return fmt.Sprintf("%s (%s)", value, sourceOf(p, key))
}
