//go:build nogui

package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// In a build with -tags nogui (CGO_ENABLED=0 works) there is no desktop
// app: wiretrace without arguments prints help, and demo imports the seed
// articles into a temporary archive and prints a search with its facets.
func init() {
	register(&command{
		name:    "demo",
		usage:   "[QUERY]",
		summary: "import the embedded seed articles into a temporary archive and search them (default: Tokayev)",
		run:     runDemoText,
	})
}

func runDemoText(ctx context.Context, env *Env, args []string) error {
	c := commands["demo"]
	fs := newFlags(c, env)
	pos, err := parseFlags(c, env, fs, args)
	if errors.Is(err, errHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	query := "Tokayev"
	if len(pos) > 0 {
		query = pos[0]
	}
	dir, err := os.MkdirTemp("", "wiretrace-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "demo.db")
	if err := buildDemoArchive(ctx, path); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintf(env.Stdout, "Imported the seed articles into %s (deleted on exit). This build has no desktop app (-tags nogui).\n\n", path)
	return runSearch(ctx, env, []string{"--db", path, query})
}
