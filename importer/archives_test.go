package importer_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/importer"
)

// gzipMembers compresses each part as a gzip member of its own, as web
// archives are written (one member per record).
func gzipMembers(parts ...string) []byte {
	var b bytes.Buffer
	for _, p := range parts {
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(p))
		zw.Close()
	}
	return b.Bytes()
}

// arcRecord is one ARC version 1 record: its header line, then the body.
func arcRecord(uri, date, ctype, body string) string {
	return fmt.Sprintf("%s 93.184.216.34 %s %s %d\n%s\n", uri, date, ctype, len(body), body)
}

// importProblems imports paths into a new archive and returns the summary
// and the problem lines.
func importProblems(t *testing.T, paths ...string) (*archive.Store, *importer.Summary, []string) {
	t.Helper()
	s := open(t)
	var probs []string
	sum := run(t, s, importer.Options{Problem: func(p importer.Problem) { probs = append(probs, p.String()) }}, paths...)
	return s, sum, probs
}

func TestARC(t *testing.T) {
	dir := t.TempDir()
	desc := "1 0 Pakistan Point crawl\nURL IP-address Archive-date Content-type Archive-length\n"
	page := seedPage(t, "003", "Pakistan Point News", "2022-01-12", "en")
	noDate := strings.Replace(seedPage(t, "004", "Epoch Times", "", "fr"), `<meta property="article:published_time" content="T09:00:00Z">`, "", 1)
	http := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
	arc := gzipMembers(
		fmt.Sprintf("filedesc://crawl.arc 0.0.0.0 20220113000000 text/plain %d\n%s\n", len(desc), desc),
		arcRecord("https://www.pakistanpoint.com/en/world/news/1.html", "20220113000000", "text/html", http),
		arcRecord("https://www.pakistanpoint.com/logo.png", "20220113000001", "image/png", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"),
		// An old capture without an HTTP header: the page itself.
		arcRecord("https://www.epochtimes.fr/kazakhstan/", "20220112180000", "text/html", noDate),
	)
	os.WriteFile(filepath.Join(dir, "crawl.arc.gz"), arc, 0o644)
	s, sum, probs := importProblems(t, filepath.Join(dir, "crawl.arc.gz"))
	if sum.Imported != 2 || sum.Failed != 0 || sum.Skipped != 0 {
		t.Fatalf("summary %+v problems %q", sum.Progress, probs)
	}
	r := search(t, s, archive.Query{Text: "Tengrinews"})
	if r.Total != 1 || r.Hits[0].URL != "https://www.pakistanpoint.com/en/world/news/1.html" || r.Hits[0].Published.Format("2006-01-02") != "2022-01-12" {
		t.Errorf("ARC page: %+v", r.Hits)
	}
	r = search(t, s, archive.Query{Text: "OTSC"})
	if r.Total != 1 || r.Hits[0].Published.Format("2006-01-02") != "2022-01-12" || r.Hits[0].Origin != "crawl.arc.gz#4" {
		t.Errorf("ARC page without a date keeps the capture's: %+v", r.Hits)
	}

	// Not an ARC file: one line naming the first bytes.
	os.WriteFile(filepath.Join(dir, "notes.arc"), []byte("these are my notes\n"), 0o644)
	_, _, probs = importProblems(t, filepath.Join(dir, "notes.arc"))
	want := `failed: ` + filepath.Join(dir, "notes.arc") + `: record 1: not an ARC record (starts "these are my notes\n")`
	if len(probs) != 1 || probs[0] != want {
		t.Errorf("problems %q, want %q", probs, want)
	}
}

// warcBlock is a WARC record of type typ holding block.
func warcBlock(typ, uri, ctype, block string) string {
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2022-01-12T18:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, uri, ctype, len(block), block)
}

func TestWARCResourceAndBrokenChunks(t *testing.T) {
	dir := t.TempDir()
	page := seedPage(t, "003", "Pakistan Point News", "2022-01-12", "en")
	text := seedText(t, "002")
	half := len(page) / 2
	var w strings.Builder
	// A page saved as a resource record (no HTTP header), its text as a
	// conversion record, and a crawler's log, which is no article.
	w.WriteString(warcBlock("resource", "https://www.pakistanpoint.com/en/world/news/1.html", "text/html; charset=utf-8", page))
	w.WriteString(warcBlock("conversion", "https://www.business-standard.com/article/1.html", "text/plain", text))
	w.WriteString(warcBlock("resource", "metadata://gnu.org/software/wget/warc/wget.log", "text/plain", "Opening WARC file crawl.warc.gz.\n"))
	// Chunked bodies as crawlers stored them: already decoded, and with
	// the last chunk cut short.
	w.WriteString(warcBlock("response", "https://a.example/decoded", "application/http; msgtype=response",
		"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"+page))
	w.WriteString(warcBlock("response", "https://a.example/cut", "application/http; msgtype=response",
		fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n%x\r\n%s", half, page[:half], len(page), page[half:])))
	// A body that says gzip and is not.
	w.WriteString(warcBlock("response", "https://a.example/gz", "application/http; msgtype=response",
		"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"+page))
	os.WriteFile(filepath.Join(dir, "saved.warc"), []byte(w.String()), 0o644)
	s, sum, probs := importProblems(t, filepath.Join(dir, "saved.warc"))
	want := "failed: " + filepath.Join(dir, "saved.warc") + "#6: body: Content-Encoding gzip: gzip: invalid header"
	if sum.Imported != 2 || sum.Duplicates != 2 || sum.Failed != 1 || len(probs) != 1 || probs[0] != want {
		t.Fatalf("summary %+v problems %q, want one: %q", sum.Progress, probs, want)
	}
	for _, tt := range []struct{ query, origin, url string }{
		{"Tengrinews", "saved.warc#1", "https://www.pakistanpoint.com/en/world/news/1.html"},
		{"Xinhua", "saved.warc#2", "https://www.business-standard.com/article/1.html"},
	} {
		r := search(t, s, archive.Query{Text: tt.query})
		if r.Total != 1 || r.Hits[0].URL != tt.url || r.Hits[0].Origin != tt.origin {
			t.Errorf("%s: %+v", tt.query, r.Hits)
		}
	}
}

// TestBundleFailuresAsFolder imports the same broken files as a folder
// and as a .tar.gz: every failure is reported in both, with the same
// reason.
func TestBundleFailuresAsFolder(t *testing.T) {
	files := map[string]string{
		"good.txt":       seedText(t, "002"),
		"empty.txt":      "",
		"blank.jsonl":    "\n\n",
		"bad.jsonl":      "{\"title\": 3}\nnot json\n",
		"images.warc":    warcRecord("https://a.example/logo.png", "2022-01-13T00:00:00Z", "image/png", "\x89PNG"),
		"empty-feed.rss": `<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>`,
		"broken.zip":     "PK\x03\x04 this is not really a zip",
		"photo.txt":      "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"blank.html":     "<html><head><script>var x = 1;</script></head><body></body></html>",
		"notes.arc":      "these are my notes\n",
		"photo.png":      "\x89PNG",
		"sub/only-title.rss": `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>` +
			`<item><title>Headline only</title><link>https://t.example/1</link></item></channel></rss>`,
	}
	dir := t.TempDir()
	folder := filepath.Join(dir, "folder")
	var tgz bytes.Buffer
	zw := gzip.NewWriter(&tgz)
	tw := tar.NewWriter(zw)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p := filepath.Join(folder, n)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(files[n]), 0o644)
		tw.WriteHeader(&tar.Header{Name: n, Mode: 0o644, Size: int64(len(files[n])), Typeflag: tar.TypeReg})
		tw.Write([]byte(files[n]))
	}
	tw.Close()
	zw.Close()
	bundle := filepath.Join(dir, "bundle.tar.gz")
	os.WriteFile(bundle, tgz.Bytes(), 0o644)

	_, fsum, fprobs := importProblems(t, folder)
	_, bsum, bprobs := importProblems(t, bundle)
	norm := func(probs []string, prefix string) []string {
		var out []string
		for _, p := range probs {
			out = append(out, strings.ReplaceAll(p, prefix, "<dir>"))
		}
		sort.Strings(out)
		return out
	}
	fp, bp := norm(fprobs, folder), norm(bprobs, bundle)
	if strings.Join(fp, "\n") != strings.Join(bp, "\n") {
		t.Errorf("folder problems:\n%s\nbundle problems:\n%s", strings.Join(fp, "\n"), strings.Join(bp, "\n"))
	}
	if fsum.Imported != 1 || bsum.Imported != 1 || fsum.Failed != bsum.Failed || fsum.Skipped != bsum.Skipped || fsum.Failed != 10 || fsum.Skipped != 2 {
		t.Errorf("folder %+v, bundle %+v; want 1 imported, 10 failed and 2 skipped in each", fsum.Progress, bsum.Progress)
	}
}
