package importer_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/importer"
)

// known is how the warning of a manifest names the columns it reads.
const known = "(known: file, source, url, title, byline, language, published, charset; aliases: author=byline, date=published, encoding=charset, filename=file, headline=title, lang=language, link=url, outlet=source, path=file, publisher=source, site=source, sitename=source)"

func TestManifestAliasesAndUnknownColumns(t *testing.T) {
	tests := []struct {
		name, manifest string
		warning        string // "" for none
	}{
		{"wiretrace-manifest.csv", "file,outlet,date,lang,author,Notes\n" +
			"kaz.txt,Dawn,2022-01-12,en,Staff Reporter,checked by RB\n",
			`manifest columns not read: "Notes" ` + known},
		{"wiretrace-manifest.json", `[{"file": "kaz.txt", "publisher": "Dawn", "date": "January 12, 2022", "lang": "en-GB",
			"author": "Staff Reporter", "checked": true, "tags": ["kazakhstan"]}]`,
			`manifest columns not read: "checked", "tags" ` + known},
		// An alias beside its own column is not read: the column wins.
		{"wiretrace-manifest.csv", "file,source,site,published,language,byline\n" +
			"kaz.txt,Dawn,example.org,2022-01-12,en,Staff Reporter\n",
			`manifest columns not read: "site" ` + known},
		{"wiretrace-manifest.csv", "file,source,published,language,byline\n" +
			"kaz.txt,Dawn,2022-01-12,en,Staff Reporter\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+strings.SplitN(tt.manifest, "\n", 2)[0], func(t *testing.T) {
			dir := t.TempDir()
			os.WriteFile(filepath.Join(dir, "kaz.txt"), []byte("Tokayev visits Almaty\n\nPresident Kassym-Jomart Tokayev visited Almaty on Wednesday for the first time since the unrest."), 0o644)
			os.WriteFile(filepath.Join(dir, tt.name), []byte(tt.manifest), 0o644)
			s, sum, probs := importProblems(t, dir)
			if sum.Imported != 1 || sum.Failed != 0 || sum.Skipped != 0 {
				t.Fatalf("summary %+v, problems %q", sum.Progress, probs)
			}
			a := all(t, s)[0]
			if a.Source != "Dawn" || a.Published.Format("2006-01-02") != "2022-01-12" || a.Language != "en" || a.Byline != "Staff Reporter" {
				t.Errorf("got source %q published %s language %q byline %q", a.Source, a.Published, a.Language, a.Byline)
			}
			var want []string
			if tt.warning != "" {
				want = []string{"warning: " + filepath.Join(dir, tt.name) + ": " + tt.warning}
			}
			if strings.Join(probs, "\n") != strings.Join(want, "\n") {
				t.Errorf("problems\n%q\nwant\n%q", probs, want)
			}
			if len(sum.Problems) > 0 && (!sum.Problems[0].Warning || !errors.Is(sum.Problems[0].Err, importer.ErrManifestColumns)) {
				t.Errorf("problem %+v is not a manifest warning", sum.Problems[0])
			}
		})
	}
}

func TestManifestGivenOnTheCommandLineWarns(t *testing.T) {
	dir := t.TempDir()
	man := filepath.Join(dir, "meta.csv")
	os.WriteFile(man, []byte("file,outlet,wordcount\na.txt,Dawn,120\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title A\n\nSome text about Almaty and the visit of the president."), 0o644)
	m, err := importer.ReadManifest(man)
	if err != nil {
		t.Fatal(err)
	}
	s := open(t)
	var probs []string
	sum := run(t, s, importer.Options{Manifest: m, Problem: func(p importer.Problem) { probs = append(probs, p.String()) }}, filepath.Join(dir, "a.txt"))
	want := `warning: ` + man + `: manifest columns not read: "wordcount" ` + known
	if sum.Imported != 1 || len(probs) != 1 || probs[0] != want || all(t, s)[0].Source != "Dawn" {
		t.Errorf("imported %d, problems %q, want %q", sum.Imported, probs, want)
	}
}
