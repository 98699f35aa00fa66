package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestImportURLs imports web addresses from a local server, as arguments
// and as a --urls list: a page behind a redirect is imported from its
// final address, each failure is one line, the pages are kept in a WARC
// file, and importing that file again needs no server.
func TestImportURLs(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head><title>Tokayev visits Almaty | Steppe Herald</title>
<meta property="og:site_name" content="Steppe Herald"><meta property="article:published_time" content="2022-01-12T09:00:00Z"></head>
<body><article><h1>Tokayev visits Almaty</h1>
<p>President Kassym-Jomart Tokayev visited Almaty on Wednesday for the first time since clashes there left dozens dead.</p>
<p>He met officials in the city administration building, which protesters stormed last week, and ordered repairs.</p>
</article></body></html>`
	mux := http.NewServeMux()
	mux.HandleFunc("/news/tokayev.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	})
	mux.HandleFunc("/t/1", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/tokayev.html", http.StatusFound)
	})
	mux.HandleFunc("/logo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	list := filepath.Join(dir, "urls.csv")
	os.WriteFile(list, []byte("source,url\nSteppe Herald,"+srv.URL+"/logo.png\nSteppe Herald,not-an-address\n"), 0o644)
	stdout, stderr, err := run(t, "import", "--db", db, "--urls", list, srv.URL+"/t/1", srv.URL+"/gone.html")
	if err != nil {
		t.Fatalf("import: %v\n%s", err, stderr)
	}
	if !strings.HasPrefix(stdout, "imported 1, duplicates 0, skipped 0, failed 3 ") {
		t.Errorf("summary %q", stdout)
	}
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if strings.HasPrefix(l, "failed: ") {
			lines = append(lines, l)
		}
	}
	sort.Strings(lines)
	want := []string{
		"failed: " + list + `:3: "not-an-address": not a web address (want http:// or https://)`,
		"failed: " + srv.URL + "/gone.html: HTTP 404 Not Found",
		"failed: " + srv.URL + "/logo.png: not a web page: its type is image/png",
	}
	sort.Strings(want)
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("problem lines\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "news-fetched", "fetched-*.warc.gz"))
	if len(kept) != 1 {
		t.Fatalf("kept %q, want one WARC file", kept)
	}
	out, _, err := run(t, "search", "--db", db, "Almaty")
	if err != nil || !strings.Contains(out, "Tokayev visits Almaty") {
		t.Errorf("search: %v %q", err, out)
	}

	// The kept file, imported into another archive with the server gone.
	srv.Close()
	stdout, stderr, err = run(t, "import", "--db", filepath.Join(dir, "again.db"), "--quiet", kept[0])
	if err != nil || !strings.HasPrefix(stdout, "imported 1, duplicates 0, skipped 0, failed 0 ") {
		t.Errorf("re-import: %v %q %q", err, stdout, stderr)
	}
}
