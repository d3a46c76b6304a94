package oauth

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"github.com/cli/browser"
)

// OpenBrowser opens url in the user's browser: the $BROWSER program with
// the URL as its only argument when BROWSER is set, else the platform
// opener. getenv nil means os.Getenv. It does not wait for the browser.
//
// BROWSER may also hold a command with arguments ("firefox --new-window")
// or, as other tools accept, a list separated by the path list separator
// whose first program that starts wins; "%s" in it stands for the URL.
func OpenBrowser(u string, getenv func(string) string) error {
	if getenv == nil {
		getenv = os.Getenv
	}
	if b := strings.TrimSpace(getenv("BROWSER")); b != "" {
		var err error
		for _, candidate := range browserCommands(b, u) {
			cmd := exec.Command(candidate[0], candidate[1:]...)
			if err = cmd.Start(); err == nil {
				go cmd.Wait()
				return nil
			}
		}
		return fmt.Errorf("start $BROWSER: %w", err)
	}
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
	if err := browser.OpenURL(u); err != nil {
		return errors.New("could not open a browser; open the link yourself")
	}
	return nil
}

// browserCommands turns $BROWSER into the commands to try, in order.
func browserCommands(b, u string) [][]string {
	if _, err := exec.LookPath(b); err == nil {
		return [][]string{{b, u}} // a program whose name may contain spaces
	}
	var cmds [][]string
	for _, entry := range strings.Split(b, string(os.PathListSeparator)) {
		fields := strings.Fields(entry)
		if len(fields) == 0 {
			continue
		}
		cmd, hasURL := make([]string, 0, len(fields)+1), false
		for _, f := range fields {
			if strings.Contains(f, "%s") {
				f, hasURL = strings.ReplaceAll(f, "%s", u), true
			}
			cmd = append(cmd, f)
		}
		if !hasURL {
			cmd = append(cmd, u)
		}
		cmds = append(cmds, cmd)
	}
	return cmds
}
