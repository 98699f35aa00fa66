package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/wiretrace/wiretrace"
)

func seedBytes(f *testing.F) [][]byte {
	f.Helper()
	files, _ := filepath.Glob("../testdata/seeds/*.txt")
	var out [][]byte
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func checkArticles(t *testing.T, arts []*wiretrace.Article) {
	t.Helper()
	for _, a := range arts {
		if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Text) || !utf8.ValidString(a.Source) {
			t.Fatalf("invalid UTF-8 in %+v", a)
		}
		if a.Text == "" {
			t.Fatalf("article without text: %+v", a)
		}
	}
}

// FuzzParseText checks that any bytes given as a text file give articles
// with valid UTF-8 text, or an error, never a panic.
func FuzzParseText(f *testing.F) {
	for _, b := range seedBytes(f) {
		f.Add(b[:min(len(b), 700)]) // short inputs mutate faster
	}
	f.Add([]byte("Caf\xe9\n\n\xe0 Almaty"))
	f.Add([]byte{0, 1, 2})
	f.Fuzz(func(t *testing.T, b []byte) {
		arts, err := Parse("x.txt", b, Defaults{})
		if err == nil {
			checkArticles(t, arts)
		}
	})
}

// FuzzParseHTML does the same for HTML pages.
func FuzzParseHTML(f *testing.F) {
	f.Add([]byte(`<html lang="fr"><head><title>T</title><meta property="og:site_name" content="S"></head><body><article><p>Le président Tokaïev.</p></article></body></html>`))
	f.Add([]byte("<html><body><p>unclosed <div><p>x"))
	f.Add([]byte(`<meta charset="shift_jis"><p>` + "\x83\x65\x83\x58\x83\x67" + `</p>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		arts, err := Parse("x.html", b, Defaults{})
		if err == nil {
			checkArticles(t, arts)
		}
	})
}

// FuzzContainers feeds arbitrary bytes to the JSON Lines, feed, WARC, zip,
// tar, MHTML and ARC readers.
func FuzzContainers(f *testing.F) {
	f.Add(byte(0), []byte(`{"title":"t","text":"Almaty text","published":"2022-01-12"}`+"\n"+`{"title":5}`))
	f.Add(byte(1), []byte(`<rss><channel><title>S</title><item><title>T</title><description>&lt;p&gt;text&lt;/p&gt;</description></item></channel></rss>`))
	f.Add(byte(2), []byte("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\nContent-Length: 60\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Almaty text</p>\r\n\r\n"))
	f.Add(byte(3), []byte("PK\x03\x04garbage"))
	f.Add(byte(4), []byte("not a tar"))
	f.Add(byte(1), []byte(`{"version":"https://jsonfeed.org/version/1.1","title":"S","items":[{"url":"/a","content_html":"&lt;p&gt;text"}]}`))
	f.Add(byte(2), []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 80\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nff\r\n<p>Almaty</p>\r\n\r\n"))
	f.Add(byte(2), []byte("WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 18\r\n\r\n<p>Almaty text</p>\r\n\r\n"))
	f.Add(byte(6), []byte("filedesc://x.arc 0.0.0.0 20220113000000 text/plain 2\n1 \nhttp://x/ 1.2.3.4 20220113000000 text/html 18\n<p>Almaty text</p>\n"))
	kinds := []struct {
		kind Kind
		name string
	}{{KindJSONL, "x.jsonl"}, {KindFeed, "x.rss"}, {KindWARC, "x.warc"}, {KindZip, "x.zip"}, {KindTar, "x.tar"}, {KindMHTML, "x.mhtml"}, {KindARC, "x.arc"}}
	f.Fuzz(func(t *testing.T, k byte, b []byte) {
		kk := kinds[int(k)%len(kinds)]
		var arts []*wiretrace.Article
		s := sink{
			doc: func(name string, raw []byte, d Defaults) error {
				as, err := Parse(name, raw, d)
				if err == nil {
					arts = append(arts, as...)
				}
				return nil
			},
			art: func(a *wiretrace.Article) error { arts = append(arts, a); return nil },
			bad: func(string, error, bool) {},
		}
		streamContainer(kk.kind, kk.name, bytes.NewReader(b), int64(len(b)), Defaults{}, s, 0)
		checkArticles(t, arts)
	})
}
