package jsonview

import "bytes"

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func (ix *indexer) literal(word string, lineStart int, kind uint8, hasKey bool) error {
	b := ix.b[ix.pos:]
	if len(b) < len(word) && bytes.HasPrefix([]byte(word), b) {
		ix.pos = len(ix.b)
		return ix.eof()
	}
	if !bytes.HasPrefix(b, []byte(word)) {
		return ix.syntaxError("where a value should start")
	}
	ix.pos += len(word)
	ix.add(lineStart, kind, hasKey)
	return nil
}

// number checks the JSON number grammar at ix.pos.
func (ix *indexer) number() error {
	b, p := ix.b, ix.pos
	if end := numberEnd(b, p); end > p && (end == len(b) || !numeric[b[end]]) {
		ix.pos = end
		return nil
	}
	end := p
	for end < len(b) && numeric[b[end]] {
		end++
	}
	if !validNumber(b[p:end]) {
		if end == len(b) {
			ix.pos = end
			return ix.eof()
		}
		return ix.syntaxError("in a number")
	}
	ix.pos = end
	return nil
}

func validNumber(s []byte) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && s[i] >= '1' && s[i] <= '9':
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i == len(s) || s[i] < '0' || s[i] > '9' {
			return false
		}
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i == len(s) || s[i] < '0' || s[i] > '9' {
			return false
		}
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	}
	return i == len(s)
}

// numberEnd returns the end of the JSON number at b[p], or p when none
// starts there; a number followed by more number characters is not one.
func numberEnd(b []byte, p int) int {
	i := p
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		}
	default:
		return p
	}
	if i < len(b) && b[i] == '.' {
		if i++; i == len(b) || b[i] < '0' || b[i] > '9' {
			return p
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i == len(b) || b[i] < '0' || b[i] > '9' {
			return p
		}
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
	}
	return i
}
