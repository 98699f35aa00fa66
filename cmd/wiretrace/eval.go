package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/wiretrace/wiretrace/importer/extract"
)

func init() {
	register(&command{
		name:    "eval",
		usage:   "[--json] [--mismatches] extraction|dates|newspaper DIR",
		summary: "measure main-text extraction or publication dates on an annotated corpus",
		run:     runEval,
	})
}

// runEval scores the HTML extractor on one evaluation set: "extraction"
// (trafilatura's with/without snippets), "dates" (htmldate's expected
// publication days) or "newspaper" (newspaper3k's full-text fixtures).
func runEval(ctx context.Context, env *Env, args []string) error {
	c := commands["eval"]
	fs := newFlags(c, env)
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	mismatches := fs.Bool("mismatches", false, "dates: also list every page whose date is wrong or missing")
	pos, err := parseFlags(c, env, fs, args)
	if err == errHelp {
		return nil
	}
	if err != nil {
		return err
	}
	usage := "wiretrace eval " + c.usage
	if len(pos) != 2 {
		return &usageError{err: fmt.Errorf("eval: want a set (extraction, dates or newspaper) and a directory"), usage: usage}
	}
	set, dir := pos[0], pos[1]
	var score any
	switch set {
	case "extraction":
		s, err := extract.EvalExtraction(dir)
		if err != nil {
			return fmt.Errorf("eval extraction: %w", err)
		}
		score = s
		if !*asJSON {
			fmt.Fprintf(env.Stdout, "extraction  %s\npages       %d (%d failed)\nsnippets    TP %d  FN %d  FP %d  TN %d\nprecision   %.4f\nrecall      %.4f\naccuracy    %.4f\nF1          %.4f\ntime        %.1f s\n",
				dir, s.Pages, s.Failed, s.TruePositives, s.FalseNegatives, s.FalsePositives, s.TrueNegatives,
				s.Precision, s.Recall, s.Accuracy, s.F1, s.Seconds)
		}
	case "dates":
		s, err := extract.EvalDates(dir)
		if err != nil {
			return fmt.Errorf("eval dates: %w", err)
		}
		if !*mismatches {
			s.Mismatches = nil
		}
		score = s
		if !*asJSON {
			fmt.Fprintf(env.Stdout, "dates       %s\npages       %d (%d failed)\ncorrect     %d  wrong %d  missing %d\naccuracy    %.4f\nprecision   %.4f\nrecall      %.4f\nF1          %.4f\ntime        %.1f s\n",
				dir, s.Pages, s.Failed, s.Correct, s.Wrong, s.Missing, s.Accuracy, s.Precision, s.Recall, s.F1, s.Seconds)
			for _, m := range s.Mismatches {
				fmt.Fprintln(env.Stdout, "  "+m)
			}
		}
	case "newspaper":
		s, err := extract.EvalNewspaper(dir)
		if err != nil {
			return fmt.Errorf("eval newspaper: %w", err)
		}
		score = s
		if !*asJSON {
			fmt.Fprintf(env.Stdout, "newspaper   %s\npages       %d (%d skipped, %d failed)\nexact       %d\nprecision   %.4f (word tokens)\nrecall      %.4f\nF1          %.4f\ntime        %.1f s\n",
				dir, s.Pages, s.Skipped, s.Failed, s.Exact, s.Precision, s.Recall, s.F1, s.Seconds)
		}
	default:
		return &usageError{err: fmt.Errorf("eval: unknown set %q (want extraction, dates or newspaper)", set), usage: usage}
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(score); err != nil {
			return fmt.Errorf("eval: write json: %w", err)
		}
	}
	return nil
}
