package importer_test

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wiretrace/wiretrace/archive"
	"github.com/wiretrace/wiretrace/importer"
)

func seedText(t *testing.T, prefix string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(seeds, prefix+"_*.txt"))
	b, err := os.ReadFile(m[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// seedPage wraps a seed article in a saved web page with boilerplate.
func seedPage(t *testing.T, prefix, site, date, lang string) string {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(seedText(t, prefix)), "\n")
	var body strings.Builder
	for _, l := range lines[1:] {
		if l = strings.TrimSpace(l); l != "" {
			fmt.Fprintf(&body, "<p>%s</p>\n", l)
		}
	}
	return fmt.Sprintf(`<!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><title>%s</title>
<meta property="og:site_name" content="%s"><meta property="article:published_time" content="%sT09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>%s</h1>%s</article>
<footer>Subscribe to our newsletter. © 2022 %s</footer></body></html>`, lang, lines[0], site, date, lines[0], body.String(), site)
}

func search(t *testing.T, s *archive.Store, q archive.Query) *archive.Result {
	t.Helper()
	r, err := s.Search(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestFeed(t *testing.T) {
	dir := t.TempDir()
	b := seedText(t, "002")
	rss := `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Business Standard</title><link>https://www.business-standard.com</link><language>en-in</language>
<item><title>Kazakhstan President urges post-riot restoration</title><link>https://www.business-standard.com/article/1.html</link>
<pubDate>Sun, 09 Jan 2022 11:07:00 +0530</pubDate>
<content:encoded><![CDATA[` + strings.ReplaceAll("<p>"+b[strings.Index(b, "Kazakh President Kassym"):strings.Index(b, "--IANS")]+"</p><p>--IANS</p>", "\n\n", "</p><p>") + `]]></content:encoded></item>
<item><title>Short item</title><link>https://www.business-standard.com/article/2.html</link><description>Only a summary about Almaty.</description></item>
</channel></rss>`
	os.WriteFile(filepath.Join(dir, "bs.rss"), []byte(rss), 0o644)
	atom := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr"><title>Epoch Times</title>
<entry><title>Le président Tokaïev à Almaty</title><link href="https://www.epochtimes.fr/1"/><updated>2022-01-12T15:00:00Z</updated>
<content type="html">&lt;p&gt;` + strings.Split(seedText(t, "004"), "\n")[2] + `&lt;/p&gt;</content></entry></feed>`
	os.WriteFile(filepath.Join(dir, "et.xml"), []byte(atom), 0o644)
	s := open(t)
	sum := run(t, s, importer.Options{}, dir)
	if sum.Imported != 3 || sum.Failed != 0 {
		t.Fatalf("summary %+v problems %v", sum.Progress, sum.Problems)
	}
	r := search(t, s, archive.Query{Text: "Xinhua", Sources: []string{"Business Standard"}})
	if r.Total != 1 || r.Hits[0].Published.Format("2006-01-02") != "2022-01-09" || r.Hits[0].Language != "en" || strings.Join(r.Hits[0].Credits, ",") != "IANS,Xinhua" {
		t.Errorf("RSS item: %+v", r.Hits)
	}
	r = search(t, s, archive.Query{Text: "tokaiev", Languages: []string{"fr"}})
	if r.Total != 1 || r.Hits[0].Source != "Epoch Times" || r.Hits[0].Published.Format("2006-01-02") != "2022-01-12" {
		t.Errorf("Atom entry: %+v", r.Hits)
	}
}

func warcRecord(uri, date, ctype, body string) string {
	http := "HTTP/1.1 200 OK\r\nContent-Type: " + ctype + "\r\nContent-Length: " + fmt.Sprint(len(body)) + "\r\n\r\n" + body
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		uri, date, len(http), http)
}

func TestWARC(t *testing.T) {
	dir := t.TempDir()
	var w bytes.Buffer
	w.WriteString("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n")
	w.WriteString(warcRecord("https://www.pakistanpoint.com/en/world/news/1.html", "2022-01-13T00:00:00Z", "text/html; charset=utf-8", seedPage(t, "003", "Pakistan Point News", "2022-01-12", "en")))
	w.WriteString(warcRecord("https://www.pakistanpoint.com/logo.png", "2022-01-13T00:00:00Z", "image/png", "\x89PNG..."))
	w.WriteString(warcRecord("https://www.epochtimes.fr/kazakhstan/", "2022-01-12T18:00:00Z", "text/html", strings.Replace(seedPage(t, "004", "Epoch Times", "", "fr"), `<meta property="article:published_time" content="T09:00:00Z">`, "", 1)))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(w.Bytes())
	zw.Close()
	os.WriteFile(filepath.Join(dir, "crawl.warc.gz"), gz.Bytes(), 0o644)
	s := open(t)
	sum := run(t, s, importer.Options{}, dir)
	if sum.Imported != 2 || sum.Failed != 0 {
		t.Fatalf("summary %+v problems %v", sum.Progress, sum.Problems)
	}
	r := search(t, s, archive.Query{Text: "Tengrinews"})
	if r.Total != 1 || r.Hits[0].Source != "Pakistan Point News" || r.Hits[0].URL != "https://www.pakistanpoint.com/en/world/news/1.html" || r.Hits[0].Published.Format("2006-01-02") != "2022-01-12" {
		t.Errorf("WARC page: %+v", r.Hits)
	}
	r = search(t, s, archive.Query{Text: "OTSC"})
	if r.Total != 1 || r.Hits[0].Published.Format("2006-01-02") != "2022-01-12" {
		t.Errorf("WARC page without a date keeps the record's: %+v", r.Hits)
	}
	// A truncated WARC keeps what came before the damage and reports it.
	os.WriteFile(filepath.Join(dir, "crawl.warc.gz"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "cut.warc"), w.Bytes()[:len(w.Bytes())-200], 0o644)
	s2 := open(t)
	var probs []string
	sum = run(t, s2, importer.Options{Problem: func(p importer.Problem) { probs = append(probs, p.String()) }}, filepath.Join(dir, "cut.warc"))
	if sum.Imported != 1 || sum.Failed != 1 || !strings.Contains(strings.Join(probs, "\n"), "truncated") {
		t.Errorf("truncated WARC: %+v %q", sum.Progress, probs)
	}
}

func TestZipAndTar(t *testing.T) {
	dir := t.TempDir()
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	add := func(name, body string) {
		f, _ := zw.Create(name)
		f.Write([]byte(body))
	}
	add("pages/dna.html", seedPage(t, "000", "DNA", "2022-01-12", "en"))
	add("texts/002.txt", seedText(t, "002"))
	add("../../etc/evil.txt", "Evil\n\nThis path escapes the folder.")
	add("feeds/x.jsonl", `{"title":"From JSONL in a zip","text":"Almaty text inside a zip member.","source":"Zipped"}`+"\n")
	add("image.png", "\x89PNG")
	// A member that inflates enormously: refused before reading it.
	f, _ := zw.CreateHeader(&zip.FileHeader{Name: "bomb.txt", Method: zip.Deflate})
	f.Write(bytes.Repeat([]byte{'A'}, 50<<20))
	zw.Close()
	os.WriteFile(filepath.Join(dir, "bundle.zip"), zb.Bytes(), 0o644)

	var tb bytes.Buffer
	gz := gzip.NewWriter(&tb)
	tw := tar.NewWriter(gz)
	body := seedText(t, "003")
	tw.WriteHeader(&tar.Header{Name: "ppn/003.txt", Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg})
	tw.Write([]byte(body))
	tw.WriteHeader(&tar.Header{Name: "link.txt", Linkname: "/etc/passwd", Typeflag: tar.TypeSymlink})
	tw.Close()
	gz.Close()
	os.WriteFile(filepath.Join(dir, "bundle.tar.gz"), tb.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.zip"), []byte("PK\x03\x04 not really a zip"), 0o644)

	s := open(t)
	var probs []string
	sum := run(t, s, importer.Options{Problem: func(p importer.Problem) { probs = append(probs, p.String()) }}, dir)
	all := strings.Join(probs, "\n")
	if sum.Imported != 4 {
		t.Errorf("imported %d, want 4 (dna, 002, jsonl line, 003); problems:\n%s", sum.Imported, all)
	}
	for _, want := range []string{"evil.txt: refused: path escapes", "bomb.txt: refused: compression ratio", "link.txt: refused: links", "broken.zip: not a readable zip", "image.png: unsupported"} {
		if !strings.Contains(all, want) {
			t.Errorf("no problem line %q in:\n%s", want, all)
		}
	}
	r := search(t, s, archive.Query{Text: "helicopters"})
	if r.Total != 1 || r.Hits[0].Source != "DNA" || r.Hits[0].Origin != "bundle.zip/pages/dna.html" {
		t.Errorf("zip member: %+v", r.Hits)
	}
	r = search(t, s, archive.Query{Text: "Uali", Agencies: []string{"Sputnik"}})
	if r.Total != 1 || r.Hits[0].Origin != "bundle.tar.gz/ppn/003.txt" {
		t.Errorf("tar member: %+v", r.Hits)
	}
	// Running again: every container is recognised as done.
	sum = run(t, s, importer.Options{}, dir)
	if sum.Imported != 0 {
		t.Errorf("re-import imported %d", sum.Imported)
	}
}

// TestLegacyEncodings imports pages in Windows-1252 and Shift-JIS, declared
// in the page or only in a manifest, and finds them by their words.
func TestLegacyEncodings(t *testing.T) {
	dir := t.TempDir()
	cp1252 := "<html lang=\"fr\"><head><meta charset=\"windows-1252\"><title>Le pr\xe9sident \x93Toka\xefev\x94 \xe0 Almaty</title></head><body><article>" +
		"<p>Le pr\xe9sident kazakh Toka\xefev s\x92est rendu \xe0 Almaty mercredi, pour la premi\xe8re fois depuis les \xe9meutes.</p>" +
		"<p>Il a promis de r\xe9parer les d\xe9g\xe2ts \x96 \xab la ville sera restaur\xe9e \xbb, a-t-il d\xe9clar\xe9.</p></article></body></html>"
	os.WriteFile(filepath.Join(dir, "fr.html"), []byte(cp1252), 0o644)
	// 東京で地震 (an earthquake in Tokyo) and more, in Shift-JIS, declared by the manifest only.
	sjis := "<html><head><title>\x93\x8c\x8b\x9e\x82\xc5\x92n\x90k</title></head><body><article><p>\x93\x8c\x8b\x9e\x82\xc5\x92n\x90k\x82\xaa\x82\xa0\x82\xe8\x82\xdc\x82\xb5\x82\xbd\x81B\x94\xed\x8aQ\x82\xcd\x82\xa0\x82\xe8\x82\xdc\x82\xb9\x82\xf1\x81B</p></article></body></html>"
	os.WriteFile(filepath.Join(dir, "jp.htm"), []byte(sjis), 0o644)
	os.WriteFile(filepath.Join(dir, "wiretrace-manifest.csv"), []byte("file,source,charset\njp.htm,NHK,shift_jis\n"), 0o644)
	s := open(t)
	sum := run(t, s, importer.Options{}, dir)
	if sum.Imported != 2 {
		t.Fatalf("summary %+v %v", sum.Progress, sum.Problems)
	}
	r := search(t, s, archive.Query{Text: "premiere emeutes"})
	if r.Total != 1 || !strings.Contains(r.Hits[0].Title, "“Tokaïev”") {
		t.Errorf("Windows-1252 page: %+v", r.Hits)
	}
	a, _ := s.Article(context.Background(), r.Hits[0].ID)
	if !strings.Contains(a.Text, "s’est rendu à Almaty") || !strings.Contains(a.Text, "« la ville sera restaurée »") {
		t.Errorf("Windows-1252 text: %q", a.Text)
	}
	r = search(t, s, archive.Query{Text: "地震"})
	if r.Total != 1 || r.Hits[0].Title != "東京で地震" || r.Hits[0].Source != "NHK" {
		t.Errorf("Shift-JIS page: %+v", r.Hits)
	}
}
