package fetch_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/importer"
	"github.com/wiretrace/wiretrace/importer/fetch"
)

// story is a news page in Latin-1 whose charset only its HTTP header
// names.
const story = `<!DOCTYPE html><html lang="pt"><head><title>Governo anuncia reajuste do salário mínimo</title>
<meta property="og:site_name" content="Jornal do Comércio">
<meta property="article:published_time" content="2022-01-10T14:30:00-03:00"></head>
<body><nav><a href="/">Início</a> <a href="/economia">Economia</a></nav>
<article><h1>Governo anuncia reajuste do salário mínimo</h1>
<p>O governo federal anunciou nesta segunda-feira o reajuste do salário mínimo, que passa a valer a partir de fevereiro.</p>
<p>A decisão foi publicada no Diário Oficial da União e beneficia cerca de 50 milhões de brasileiros, segundo o ministério.</p>
<p>O novo valor representa um aumento acima da inflação pelo terceiro ano seguido, afirmou o ministro da Economia.</p>
</article><footer>© 2022 Jornal do Comércio</footer></body></html>`

// site serves the pages of the tests and counts the requests.
func site(t *testing.T) (*httptest.Server, *sync.Map) {
	t.Helper()
	latin1, err := charmap.ISO8859_1.NewEncoder().String(story)
	if err != nil {
		t.Fatal(err)
	}
	var hits sync.Map
	mux := http.NewServeMux()
	mux.HandleFunc("/economia/reajuste.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write([]byte(latin1))
	})
	mux.HandleFunc("/old-link", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/economia/reajuste.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/logo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/huge.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte("<p>padding</p>\n"), 10_000)) // 150 KB, sent chunked
	})
	mux.HandleFunc("/huge-declared.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "150000")
		w.Write(bytes.Repeat([]byte("<p>padding</p>\n"), 10_000))
	})
	mux.HandleFunc("/slow.html", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := hits.LoadOrStore(r.URL.Path, new(int))
		*n.(*int)++
		if r.Header.Get("User-Agent") != fetch.Agent {
			http.Error(w, "no agent", http.StatusForbidden)
			return
		}
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func TestGetFailures(t *testing.T) {
	srv, _ := site(t)
	f := fetch.New(fetch.Options{PerHost: time.Millisecond, MaxBytes: 100_000, Timeout: 300 * time.Millisecond, MaxRedirects: 3})
	tests := []struct {
		path   string
		target error
		msg    string
	}{
		{"/missing.html", nil, "HTTP 404 Not Found"},
		{"/logo.png", fetch.ErrNotPage, "not a web page: its type is image/png"},
		{"/huge.html", fetch.ErrTooLarge, "body larger than 100000 bytes: too large"},
		{"/huge-declared.html", fetch.ErrTooLarge, "body of 150000 bytes: too large (limit 100000 bytes)"},
		{"/loop", fetch.ErrRedirects, "too many redirects: stopped after 3"},
		{"/slow.html", context.DeadlineExceeded, "timed out after 300ms: context deadline exceeded"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			p, err := f.Get(context.Background(), srv.URL+tt.path)
			if err == nil {
				t.Fatalf("got page %s, want error %q", p.URL, tt.msg)
			}
			if err.Error() != tt.msg || (tt.target != nil && !errors.Is(err, tt.target)) {
				t.Errorf("got %q, want %q", err, tt.msg)
			}
		})
	}
	var se *fetch.StatusError
	if _, err := f.Get(context.Background(), srv.URL+"/missing.html"); !errors.As(err, &se) || se.Code != 404 {
		t.Errorf("404: got %v", err)
	}
	for _, bad := range []string{"ftp://example.org/a", "example.org/a", "file:///etc/passwd", "http://"} {
		if _, err := f.Get(context.Background(), bad); !errors.Is(err, fetch.ErrNotWebAddress) {
			t.Errorf("Get(%q): got %v, want ErrNotWebAddress", bad, err)
		}
	}
}

func TestPerHostRate(t *testing.T) {
	srv, _ := site(t)
	f := fetch.New(fetch.Options{PerHost: 150 * time.Millisecond, Parallel: 4})
	urls := []string{srv.URL + "/economia/reajuste.html", srv.URL + "/old-link", srv.URL + "/logo.png"}
	start := time.Now()
	n := 0
	err := f.All(context.Background(), urls, func(r fetch.Result) error { n++; return nil })
	// Four requests to one host (a redirect is one more): three waits.
	if el := time.Since(start); err != nil || n != 3 || el < 450*time.Millisecond {
		t.Errorf("All: %v, %d results in %s; want 3 in at least 450ms", err, n, el)
	}
}

// TestFetchToWARCAndImport fetches pages into a WARC file and imports it:
// the page comes from its final address, its Latin-1 text read by the
// charset of the HTTP header, and a second import of the file (the
// re-extraction) needs no server.
func TestFetchToWARCAndImport(t *testing.T) {
	srv, hits := site(t)
	f := fetch.New(fetch.Options{PerHost: time.Millisecond})
	dir := t.TempDir()
	warc := filepath.Join(dir, "fetched.warc.gz")
	out, err := os.Create(warc)
	if err != nil {
		t.Fatal(err)
	}
	w := fetch.NewWARCWriter(out)
	var failed []string
	err = f.All(context.Background(), []string{srv.URL + "/old-link", srv.URL + "/missing.html"}, func(r fetch.Result) error {
		if r.Err != nil {
			failed = append(failed, r.URL+": "+r.Err.Error())
			return nil
		}
		return w.Write(r.Page)
	})
	if err != nil || out.Close() != nil {
		t.Fatal(err)
	}
	if len(failed) != 1 || failed[0] != srv.URL+"/missing.html: HTTP 404 Not Found" {
		t.Errorf("failures %q", failed)
	}
	srv.Close()
	for round := 1; round <= 2; round++ {
		s, err := archive.Open(filepath.Join(t.TempDir(), "a.db"))
		if err != nil {
			t.Fatal(err)
		}
		sum, err := importer.Run(context.Background(), s, []string{warc}, importer.Options{})
		if err != nil || sum.Imported != 1 || sum.Failed != 0 {
			t.Fatalf("round %d: %v %+v %v", round, err, sum.Progress, sum.Problems)
		}
		var a *wiretrace.Article
		s.Each(context.Background(), func(x *wiretrace.Article) error { a = x; return nil })
		s.Close()
		if a.URL != srv.URL+"/economia/reajuste.html" || a.Source != "Jornal do Comércio" || a.Language != "pt" ||
			!strings.Contains(a.Text, "Diário Oficial da União") || strings.Contains(a.Text, "Início") || a.Published.Format("2006-01-02") != "2022-01-10" {
			t.Errorf("round %d: got %+v", round, a)
		}
	}
	if n, _ := hits.Load("/old-link"); *n.(*int) != 1 {
		t.Errorf("the page was fetched %d times, want once", *n.(*int))
	}
}

func TestReadList(t *testing.T) {
	tests := []struct {
		name, list string
		urls       []string
		bad        []string
	}{
		{"lines", "# wire copies\nhttps://www.dawn.com/news/1\n\n  https://www.dawn.com/news/2#comments \nwww.dawn.com/news/3\nhttps://www.dawn.com/news/1\n",
			[]string{"https://www.dawn.com/news/1", "https://www.dawn.com/news/2"},
			[]string{`line 5: "www.dawn.com/news/3": not a web address (want http:// or https://)`}},
		{"csv", "source,URL,title\nDawn,https://www.dawn.com/news/1,\"Tokayev, in Almaty\"\nDawn,mailto:desk@dawn.com,x\n",
			[]string{"https://www.dawn.com/news/1"},
			[]string{`line 3: "mailto:desk@dawn.com": not a web address (want http:// or https://)`}},
		{"one column with header", "url\nhttps://a.example/1\n", []string{"https://a.example/1"}, nil},
		{"long line", "https://a.example/" + strings.Repeat("x", 9000) + "\nhttps://a.example/2", []string{"https://a.example/2"}, []string{"line 1: longer than 8 KB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			urls, bad, err := fetch.ReadList(strings.NewReader(tt.list))
			if err != nil {
				t.Fatal(err)
			}
			var msgs []string
			for _, b := range bad {
				msgs = append(msgs, b.Error())
			}
			if strings.Join(urls, " ") != strings.Join(tt.urls, " ") || strings.Join(msgs, "|") != strings.Join(tt.bad, "|") {
				t.Errorf("got %q %q, want %q %q", urls, msgs, tt.urls, tt.bad)
			}
		})
	}
}
