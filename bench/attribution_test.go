package bench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestAttributionSmall runs the attribution measurement on a small hard
// corpus and checks that every figure is there.
func TestAttributionSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds an archive with linking")
	}
	rep, err := RunAttribution(context.Background(), AttributionOptions{Articles: 1500, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if rep.All.Links == 0 || rep.Oriented.Links == 0 || rep.Siblings.Links == 0 || rep.Unseen.Links == 0 || rep.Copies == 0 || rep.OriginN == 0 || rep.LinkPerArticle.All <= 0 {
		t.Fatalf("figures missing: %+v", rep)
	}
	for _, c := range []string{"normal", "undated", "dateonly", "wrongdate", "copyofcopy"} {
		if rep.ByCase[c] == nil || rep.ByCase[c].Links == 0 {
			t.Errorf("no oriented link in case %s: %v", c, rep.ByCase)
		}
	}
	if rep.Links.Precision < 0.9 {
		t.Errorf("link precision %.3f on the hard corpus", rep.Links.Precision)
	}
	var md bytes.Buffer
	WriteAttributionMarkdown(&md, []*Attribution{rep})
	if !strings.Contains(md.String(), "| 1500 |") || !strings.Contains(md.String(), "case: unseen") && !strings.Contains(md.String(), "case: undated") {
		t.Errorf("markdown:\n%s", md.String())
	}
	t.Log("\n" + md.String())
}

// TestAttributionReport measures attribution at the sizes of
// WIRETRACE_ATTR_SIZES and prints the Markdown; WIRETRACE_ATTR_FILES=1
// imports through files, WIRETRACE_ATTR_HARD sets the hard share (0.3),
// WIRETRACE_BENCH_OUT names a file to write the tables to:
//
//	WIRETRACE_ATTR_SIZES=10000,100000 go test -tags nogui ./bench -run TestAttributionReport -v -timeout 120m
func TestAttributionReport(t *testing.T) {
	v := os.Getenv("WIRETRACE_ATTR_SIZES")
	if v == "" {
		t.Skip("set WIRETRACE_ATTR_SIZES=10000,100000 to run")
	}
	t.Setenv("WIRETRACE_BENCH_SIZES", v)
	dir := os.Getenv("WIRETRACE_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "wiretrace-bench")
	}
	hard := 0.0
	if h := os.Getenv("WIRETRACE_ATTR_HARD"); h != "" {
		var err error
		if hard, err = strconv.ParseFloat(h, 64); err != nil {
			t.Fatalf("WIRETRACE_ATTR_HARD: %v", err)
		}
	}
	var reps []*Attribution
	for _, n := range sizes(t, nil) {
		rep, err := RunAttribution(context.Background(), AttributionOptions{Articles: n, Dir: dir, Hard: hard,
			Files: os.Getenv("WIRETRACE_ATTR_FILES") == "1", Log: testLog{t}})
		if err != nil {
			t.Fatal(err)
		}
		reps = append(reps, rep)
	}
	var md bytes.Buffer
	WriteAttributionMarkdown(&md, reps)
	t.Log("\n" + md.String())
	if out := os.Getenv("WIRETRACE_BENCH_OUT"); out != "" {
		if err := os.WriteFile(out, md.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
