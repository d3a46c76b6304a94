package cli

import (
	"errors"
	"fmt"
	"github.com/dinero-tui/dinero-tui/ui/common"
	"os"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/spf13/cobra"

	"github.com/dinero-tui/dinero-tui/ui/jsonview"
)

func init() { register(newViewCommand) }

func newViewCommand(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:     "view [FILE|-]",
		Short:   "browse a JSON file (or stdin) in the viewer",
		Example: "  dinero-tui view answer.json\n  dinero-tui api /v1/{organizationId}/invoices | dinero-tui view -",
		// ValidArgsFunction nil: the shell completes file names.
	}
	return withRun(cmd, func(pos []string) int { return runView(env, pos) })
}

func runView(env *Env, pos []string) int {
	if len(pos) > 1 {
		fmt.Fprintln(env.Stderr, "dinero-tui view: give one file, or - for stdin")
		return 2
	}
	name := "-"
	if len(pos) == 1 {
		name = pos[0]
	}
	if name == "-" && env.StdinIsTerminal {
		fmt.Fprintln(env.Stderr, "dinero-tui view: no input; give a file name or pipe JSON into it")
		return 2
	}
	if !env.StdoutIsTerminal {
		fmt.Fprintln(env.Stderr, "dinero-tui view: the viewer needs a terminal; to filter JSON in a pipe use 'dinero-tui api -q'")
		return 2
	}
	load, err := startLoad(env, name)
	if err != nil {
		fmt.Fprintf(env.Stderr, "dinero-tui view: %v\n", err)
		return 1
	}
	app := newViewApp(nil, env.Getenv("NO_COLOR") != "")
	app.load = load
	opts := []tea.ProgramOption{tea.WithContext(env.Ctx)}
	if f, ok := env.Stdout.(*os.File); ok {
		opts = append(opts, tea.WithOutput(f))
		if f == os.Stdout {
			// Lip Gloss detected the colours of stdout when the program
			// started; detecting them again runs `tmux info` inside tmux,
			// which delays the first screen by tens of milliseconds.
			opts = append(opts, tea.WithColorProfile(lipgloss.Writer.Profile))
		}
	}
	final, err := tea.NewProgram(app, opts...).Run()
	if a, ok := final.(viewApp); ok {
		defer a.viewer.Document().Close()
		if a.loadErr != nil {
			fmt.Fprintf(env.Stderr, "dinero-tui view: %v\n", a.loadErr)
			return 1
		}
	}
	if err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		fmt.Fprintf(env.Stderr, "dinero-tui view: %v\n", err)
		return 1
	}
	return 0
}

// viewApp is the root model of `dinero-tui view`: the viewer plus help and
// quitting.
type viewApp struct {
	viewer   jsonview.Model
	load     *loader // reads the input; nil once the document is shown
	loadErr  error
	help     help.Model
	quit     key.Binding
	showHelp key.Binding
	noColor  bool
	width    int
	height   int
}

func newViewApp(doc *jsonview.Document, noColor bool) viewApp {
	styles := jsonview.DefaultStyles(true)
	if noColor {
		styles = jsonview.NoColorStyles()
	}
	return viewApp{
		viewer:   jsonview.New(doc, jsonview.WithStyles(styles)),
		help:     help.New(),
		quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		showHelp: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		noColor:  noColor,
	}
}

func (a viewApp) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, a.viewer.Init(), a.load.cmd(), a.load.tick())
}

func (a viewApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		return a.loaded(msg)
	case loadTickMsg:
		return a, a.load.tick()
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.resize()
		return a, nil
	case tea.BackgroundColorMsg:
		if !a.noColor {
			a.viewer.SetStyles(jsonview.DefaultStyles(msg.IsDark()))
		}
		return a, nil
	case tea.KeyPressMsg:
		if !a.viewer.Capturing() {
			switch {
			case key.Matches(msg, a.quit):
				return a, tea.Quit
			case key.Matches(msg, a.showHelp):
				a.help.ShowAll = !a.help.ShowAll
				a.resize()
				return a, nil
			}
		}
	}
	var cmd tea.Cmd
	a.viewer, cmd = a.viewer.Update(msg)
	return a, cmd
}

func (a *viewApp) resize() {
	a.help.SetWidth(a.width)
	a.viewer.SetSize(a.width, a.height-lineCount(a.helpView()))
}

// helpView is the one-line help, or with ? every key in columns that fit
// the width (the viewer keeps at least half the height).
func (a viewApp) helpView() string {
	if !a.help.ShowAll {
		return a.help.View(a)
	}
	cols := common.LayoutHelp(a.FullHelp(), a.width, max(1, a.height/2))
	return common.RenderHelp(cols, a.help.Styles.FullKey, a.help.Styles.FullDesc)
}

// ShortHelp and FullHelp make the app a help.KeyMap: the viewer's keys
// plus quitting and help.
func (a viewApp) ShortHelp() []key.Binding {
	return append(a.viewer.ShortHelp(), a.showHelp, a.quit)
}

func (a viewApp) FullHelp() [][]key.Binding {
	return append(a.viewer.FullHelp(), []key.Binding{a.showHelp, a.quit})
}

func (a viewApp) View() tea.View {
	body := a.viewer.View()
	if a.load != nil {
		body = a.load.view(a.width, a.viewer)
	}
	v := tea.NewView(body + "\n" + a.helpView())
	v.AltScreen = true
	return v
}

func lineCount(s string) int {
	n := 1
	for _, c := range s {
		if c == '\n' {
			n++
		}
	}
	return n
}
