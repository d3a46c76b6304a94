package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"

	"github.com/tidwall/gjson"
	"github.com/tidwall/pretty"

	"github.com/dinero-tui/dinero-tui/api"
	"github.com/dinero-tui/dinero-tui/internal/sanitize"
)

// maxHeld is the most of an answer `api` holds in memory, for -q and for
// terminal output; beyond it the answer is kept in a file.
var maxHeld int64 = api.MaxBodyInMemory

// apiStreamTimeout bounds one answer of `api`, body included.
var apiStreamTimeout = api.DefaultStreamTimeout

// sendAPI performs the call and prints the answer. Piped output without -q
// or --include streams straight to stdout; otherwise the answer is held in
// memory up to maxHeld and in a file beyond it.
func sendAPI(env *Env, client *api.Client, o *apiOptions, req api.Request, cacheDir string) error {
	out := bufio.NewWriterSize(env.Stdout, 64<<10)
	defer out.Flush()
	if o.query == "" && !env.StdoutIsTerminal && !o.include {
		return streamOut(env, client, o, req, out)
	}
	sp := &spool{limit: maxHeld, dir: answerFileDir(cacheDir)}
	var resp *api.Response
	var err error
	if o.paginate {
		err = client.AllPages(env.Ctx, req, sp)
		resp = &api.Response{Header: http.Header{"Content-Type": {"application/json"}}}
	} else {
		resp, err = client.Stream(env.Ctx, req, sp, nil)
	}
	piped := o.query == "" && !env.StdoutIsTerminal
	if ferr := sp.finish(err == nil); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if o.include {
		writeHeaders(env, out, resp)
	}
	if path := sp.path(); path != "" {
		if piped {
			defer os.Remove(path)
			return copyFile(out, path)
		}
		return fmt.Errorf("the answer is %s, more than the %s dinero-tui holds in memory for -q or a terminal; it was saved to %s: open it with 'dinero-tui view %s', or pipe the command into a file",
			api.SizeText(sp.n), api.SizeText(maxHeld), path, path)
	}
	return printBody(env, out, o.query, sp.buf.Bytes(), resp.Header.Get("Content-Type"))
}

// streamOut copies the answer to stdout as it arrives, ending JSON with a
// newline as printBody does.
func streamOut(env *Env, client *api.Client, o *apiOptions, req api.Request, out *bufio.Writer) error {
	lw := &lastByteWriter{w: out}
	if o.paginate {
		if err := client.AllPages(env.Ctx, req, lw); err != nil {
			return err
		}
		_, err := out.WriteString("\n")
		return err
	}
	resp, err := client.Stream(env.Ctx, req, lw, nil)
	if err != nil {
		return err
	}
	if lw.n > 0 && lw.last != '\n' && strings.Contains(resp.Header.Get("Content-Type"), "json") {
		_, err = out.WriteString("\n")
	}
	return err
}

// lastByteWriter remembers the last byte written through it.
type lastByteWriter struct {
	w    io.Writer
	n    int64
	last byte
}

func (l *lastByteWriter) Write(p []byte) (int, error) {
	n, err := l.w.Write(p)
	if n > 0 {
		l.n += int64(n)
		l.last = p[n-1]
	}
	return n, err
}

func copyFile(w io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read the saved answer: %w", err)
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

func writeHeaders(env *Env, w io.Writer, resp *api.Response) {
	fmt.Fprintf(w, "HTTP %d %s\n", resp.Status, http.StatusText(resp.Status))
	names := make([]string, 0, len(resp.Header))
	for k := range resp.Header {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		for _, v := range resp.Header[k] {
			line := k + ": " + v
			if env.StdoutIsTerminal {
				line = sanitize.Line(line)
			}
			fmt.Fprintln(w, line)
		}
	}
	fmt.Fprintln(w)
}

// printBody writes the answer: the -q selection, pretty coloured JSON on a
// terminal (plain with NO_COLOR), the bytes as they came when piped.
func printBody(env *Env, w io.Writer, query string, body []byte, ctype string) error {
	isJSON := gjson.ValidBytes(body)
	if query != "" {
		if !isJSON {
			return errors.New("-q needs a JSON answer, and this one is not JSON")
		}
		r := gjson.GetBytes(body, query)
		if !r.Exists() {
			fmt.Fprintf(env.Stderr, "dinero-tui api: -q %s matched nothing\n", sanitize.Line(query))
			return nil
		}
		if r.Type == gjson.String {
			s := r.String()
			if env.StdoutIsTerminal {
				s = sanitize.Text(s)
			}
			_, err := fmt.Fprintln(w, s)
			return err
		}
		body = []byte(r.Raw)
	}
	if !env.StdoutIsTerminal {
		if _, err := w.Write(body); err != nil {
			return err
		}
		if isJSON && len(body) > 0 && body[len(body)-1] != '\n' {
			_, err := io.WriteString(w, "\n")
			return err
		}
		return nil
	}
	if !isJSON {
		if len(body) > 0 && !isText(ctype, body) {
			fmt.Fprintf(env.Stderr, "dinero-tui api: the answer is binary (%s, %d bytes); redirect it to a file, e.g. > answer.pdf\n", sanitize.Line(orDash(ctype)), len(body))
			return nil
		}
		_, err := fmt.Fprintln(w, sanitize.Text(string(body)))
		return err
	}
	out := pretty.Pretty(sanitize.Bytes(body))
	if env.Getenv("NO_COLOR") == "" {
		out = pretty.Color(out, nil)
	}
	_, err := w.Write(out)
	return err
}

func isText(ctype string, body []byte) bool {
	if strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "json") {
		return true
	}
	return !bytes.ContainsRune(body[:min(len(body), 512)], 0) && !strings.Contains(ctype, "pdf") && !strings.Contains(ctype, "octet-stream")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
