package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// Env is what a command may touch of the outside world.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// command is one subcommand. Each registers itself from the init function
// of its own file.
type command struct {
	name    string
	usage   string // arguments after the name, e.g. "[--db FILE] QUERY"
	summary string // one line for the command list
	// run executes the command; it returns a *usageError for bad usage.
	run func(ctx context.Context, env *Env, args []string) error
}

var commands = map[string]*command{}

// defaultCommand runs when wiretrace is started without arguments. The GUI
// build sets it to the desktop app.
var defaultCommand = "help"

func register(c *command) { commands[c.name] = c }

// usageError is bad usage of a command; it exits with status 2.
type usageError struct {
	err   error
	usage string
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// errSilentFailure is returned when a command has already reported its
// failure and only the exit status remains to be set.
var errSilentFailure = errors.New("failed")

// Run executes the wiretrace command line args.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	name := defaultCommand
	if len(args) > 0 {
		name, args = args[0], args[1:]
	}
	switch name {
	case "help", "-h", "-help", "--help":
		if len(args) > 0 {
			if c, ok := commands[args[0]]; ok {
				return c.run(ctx, env, []string{"--help"})
			}
		}
		printHelp(stdout)
		return nil
	case "version", "--version":
		fmt.Fprintln(stdout, "wiretrace", version)
		return nil
	}
	c, ok := commands[name]
	if !ok {
		return &usageError{err: fmt.Errorf("unknown command %q (try 'wiretrace help')", name)}
	}
	return c.run(ctx, env, args)
}

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "wiretrace: a portable news archive that knows where every story came from")
	fmt.Fprintln(w, "\nusage: wiretrace COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-11s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'wiretrace COMMAND --help' for a command's flags.")
}

// newFlags returns a flag set for c that writes its help to env.Stdout.
func newFlags(c *command, env *Env) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args with fs, allowing flags after positional
// arguments ("search Tokayev --source X"); everything after "--" is
// positional. It returns the positional arguments. It returns errHelp
// (already printed) when --help was asked for.
func parseFlags(c *command, env *Env, fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printUsage(c, env.Stdout, fs)
				return nil, errHelp
			}
			return nil, &usageError{err: fmt.Errorf("%s: %w", c.name, err), usage: "wiretrace " + c.name + " " + c.usage}
		}
		rest := fs.Args()
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// errHelp reports that help was printed; commands return nil for it.
var errHelp = errors.New("help printed")

func printUsage(c *command, w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: wiretrace %s %s\n\n%s\n", c.name, c.usage, c.summary)
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	if b.Len() > 0 {
		fmt.Fprintf(w, "\nflags:\n%s", b.String())
	}
}

// stringList is a flag that may be repeated: --source A --source B.
type stringList []string

func (s *stringList) String() string { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error {
	*s = append(*s, v)
	return nil
}

// defaultDB returns the per-user archive path: the user's data directory
// ($XDG_DATA_HOME or ~/.local/share on Linux, ~/Library/Application Support
// on macOS, %LocalAppData% on Windows) + wiretrace/archive.db.
func defaultDB() string {
	if p := os.Getenv("WIRETRACE_DB"); p != "" {
		return p
	}
	return filepath.Join(userDataDir(), "wiretrace", "archive.db")
}

func userDataDir() string {
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return d
		}
	case "darwin":
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, "Library", "Application Support")
		}
	default:
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			return d
		}
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, ".local", "share")
		}
	}
	return os.TempDir()
}

// dbFlag adds the common --db flag to fs.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", defaultDB(), "archive `FILE` (default: per-user data dir, or $WIRETRACE_DB)")
}
