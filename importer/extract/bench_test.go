package extract

import (
	"encoding/csv"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchPage is one page of a benchmark with the URL it was fetched from.
type benchPage struct {
	raw []byte
	url string
}

// generatedPages reads the .html files under dir (as written by
// "wiretrace gen --html") with the URLs their folders'
// wiretrace-manifest.csv gives them, sorted by path.
func generatedPages(b *testing.B, dir string) []benchPage {
	b.Helper()
	urls := map[string]string{}
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case d.Name() == "wiretrace-manifest.csv":
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			recs, err := csv.NewReader(f).ReadAll()
			if err != nil || len(recs) == 0 {
				return err
			}
			fileCol, urlCol := -1, -1
			for i, h := range recs[0] {
				switch h {
				case "file":
					fileCol = i
				case "url":
					urlCol = i
				}
			}
			if fileCol < 0 || urlCol < 0 {
				return nil
			}
			for _, r := range recs[1:] {
				urls[filepath.Join(filepath.Dir(path), r[fileCol])] = r[urlCol]
			}
		case strings.HasSuffix(d.Name(), ".html"):
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	var pages []benchPage
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, benchPage{raw: raw, url: urls[f]})
	}
	return pages
}

// runPages runs HTMLWithCharset over pages, one page per iteration, and
// reports the CPU time per page next to the wall time.
func runPages(b *testing.B, pages []benchPage) {
	if len(pages) == 0 {
		b.Skip("no pages")
	}
	total := 0
	for _, p := range pages {
		total += len(p.raw)
	}
	b.SetBytes(int64(total / len(pages)))
	b.ReportAllocs()
	start := cpuTime()
	i := 0
	for b.Loop() {
		p := pages[i%len(pages)]
		_, _ = HTMLWithCharset(p.raw, p.url, "")
		i++
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/page")
}

// BenchmarkHTMLGenerated measures HTMLWithCharset on the pages a
// "wiretrace gen --html --out DIR" run wrote, with DIR in
// WIRETRACE_GENERATED_HTML; it is skipped when that is unset. An
// import of generated pages spends most of its extraction time on
// pages like these.
func BenchmarkHTMLGenerated(b *testing.B) {
	dir := os.Getenv("WIRETRACE_GENERATED_HTML")
	if dir == "" {
		b.Skip("set WIRETRACE_GENERATED_HTML to the --out directory of `wiretrace gen --html`")
	}
	runPages(b, generatedPages(b, dir))
}

// BenchmarkHTMLCorpusPages measures HTMLWithCharset on the real pages
// of the extraction corpus with their URLs, one page per iteration.
func BenchmarkHTMLCorpusPages(b *testing.B) {
	dir := corpusDir(b, "extraction")
	rows, err := readRows[extractionRow](dir)
	if err != nil {
		b.Fatal(err)
	}
	var pages []benchPage
	for _, r := range rows {
		raw, err := readPage(dir, r.Path)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, benchPage{raw: raw, url: strOrEmpty(r.URL)})
	}
	runPages(b, pages)
}
