package jsonview

import (
	"bytes"
	"strconv"

	"github.com/tidwall/gjson"
)

// KeyModifier is the gjson modifier that reaches members plain gjson paths
// cannot: a repeated key beyond its first occurrence (`@key:["a",2]` is
// the value of the second "a" member) and the empty key, which gjson reads
// unreliably after another (`@key:["",1]`). Paths of such members use it;
// it is registered for the whole program, so the viewer's queries and
// `api -q` understand it.
const KeyModifier = "key"

func init() {
	gjson.AddModifier(KeyModifier, keyMember)
}

// keyMember answers `@key:[KEY,N]` on an object: the N-th (from 1) member
// named KEY, or nothing.
func keyMember(json, arg string) string {
	a := gjson.Parse(arg)
	key, n := a.Get("0"), a.Get("1").Int()
	if key.Type != gjson.String || n < 1 {
		return ""
	}
	out := ""
	gjson.Parse(json).ForEach(func(k, v gjson.Result) bool {
		if k.String() == key.Str {
			if n--; n == 0 {
				out = v.Raw
				return false
			}
		}
		return true
	})
	return out
}

// keyPart is the path part of member i through KeyModifier: n is its place
// among the members of that name.
func (d *Document) keyPart(i, n int) string {
	return "@" + KeyModifier + ":[" + string(d.rawKey(i)) + "," + strconv.Itoa(n) + "]"
}

// rawKey is the key of line i as written, quotes included.
func (d *Document) rawKey(i int) []byte {
	off := int(d.line(i).off)
	return d.data[off:stringEnd(d.data, off)]
}

// keyOrdinal returns the place (from 1) of member i among the members of
// its object with the same key: 1 unless the key is repeated. Answers are
// kept, as the header asks for every row the cursor visits.
func (d *Document) keyOrdinal(i int) int {
	t, at := d.lines, uint32(d.view.first+i)
	t.cacheMu.Lock()
	n, ok := t.dupCache[at]
	t.cacheMu.Unlock()
	if ok {
		return int(n)
	}
	key := d.rawKey(i)
	escaped := bytes.IndexByte(key, '\\') >= 0
	decoded := ""
	n = 1
	parent := d.parent(i)
	for j := i - 1; j >= 0 && j != parent; j-- {
		if isClose(d.line(j).kind) {
			j = d.pair(j)
		}
		k := d.rawKey(j)
		switch {
		case bytes.Equal(k, key):
			n++
		case escaped || bytes.IndexByte(k, '\\') >= 0:
			// Escapes can spell the same key differently.
			if decoded == "" {
				decoded = gjson.ParseBytes(key).String()
			}
			if gjson.ParseBytes(k).String() == decoded {
				n++
			}
		}
	}
	t.cacheMu.Lock()
	if t.dupCache == nil || len(t.dupCache) > 1<<20 {
		t.dupCache = make(map[uint32]uint32)
	}
	t.dupCache[at] = n
	t.cacheMu.Unlock()
	return int(n)
}
