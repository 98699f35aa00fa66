package importer

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/mail"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/mmcdole/gofeed"

	"github.com/wiretrace/wiretrace/archive"
)

// Container formats: files that hold many documents. They are streamed, so
// their size is not bounded by MaxFileSize (each document inside is).
const (
	KindFeed  Kind = "feed"  // RSS or Atom: each item an article
	KindWARC  Kind = "warc"  // web archive: each HTML response an article
	KindZip   Kind = "zip"   // .zip of any supported files
	KindTar   Kind = "tar"   // .tar, .tar.gz, .tgz of any supported files
	KindMHTML Kind = "mhtml" // a page saved as one MIME file
)

// IsContainer reports whether files of kind k hold several documents.
func IsContainer(k Kind) bool {
	switch k {
	case KindJSONL, KindFeed, KindWARC, KindZip, KindTar:
		return true
	}
	return false
}

// containerKind returns the container format of a file name, or "".
func containerKind(name string, head []byte) Kind {
	low := strings.ToLower(name)
	switch {
	case strings.HasSuffix(low, ".warc"), strings.HasSuffix(low, ".warc.gz"):
		return KindWARC
	case strings.HasSuffix(low, ".zip"):
		return KindZip
	case strings.HasSuffix(low, ".tar"), strings.HasSuffix(low, ".tar.gz"), strings.HasSuffix(low, ".tgz"):
		return KindTar
	case strings.HasSuffix(low, ".rss"), strings.HasSuffix(low, ".atom"):
		return KindFeed
	case strings.HasSuffix(low, ".mhtml"), strings.HasSuffix(low, ".mht"):
		return KindMHTML
	case strings.HasSuffix(low, ".xml"):
		h := bytes.ToLower(head[:min(len(head), 512)])
		if bytes.Contains(h, []byte("<rss")) || bytes.Contains(h, []byte("<feed")) || bytes.Contains(h, []byte("<rdf:rdf")) {
			return KindFeed
		}
	}
	return ""
}

// Limits that keep a hostile container from exhausting memory or disk.
const (
	// maxRatio is the largest uncompressed/compressed ratio accepted for a
	// big member of a zip file (real text compresses 3-10 times).
	maxRatio = 200
	// maxContainerDepth bounds containers inside containers.
	maxContainerDepth = 3
)

// ErrUnsafe marks a member of a container that is refused on purpose.
var ErrUnsafe = errors.New("refused")

// sink receives what a container holds: documents to parse (doc), articles
// already made (art), and members that are not imported (bad).
type sink struct {
	doc func(name string, raw []byte, d Defaults) error
	art func(a *archive.Article) error
	bad func(name string, err error, skipped bool)
}

// streamContainer reads the container at name from r and hands its content
// to s. It returns an error only when the container itself cannot be read.
func streamContainer(kind Kind, name string, r io.Reader, size int64, d Defaults, s sink, depth int) error {
	if depth > maxContainerDepth {
		return fmt.Errorf("%w: containers nested more than %d deep", ErrUnsafe, maxContainerDepth)
	}
	switch kind {
	case KindJSONL:
		return ReadJSONL(r, path.Base(name), d, s.art, func(line int, err error) {
			s.bad(fmt.Sprintf("%s:%d", name, line), err, false)
		})
	case KindFeed:
		return readFeed(name, r, d, s)
	case KindWARC:
		return readWARC(name, r, d, s)
	case KindZip:
		return readZip(name, r, size, d, s, depth)
	case KindTar:
		return readTar(name, r, d, s, depth)
	case KindMHTML:
		return readMHTML(name, r, d, s)
	}
	return fmt.Errorf("%w %q", ErrUnsupported, path.Ext(name))
}

// member handles one file found inside a container.
func member(container, mname string, r io.Reader, size int64, d Defaults, s sink, depth int) error {
	name := container + "/" + mname
	if unsafeName(mname) {
		s.bad(name, fmt.Errorf("%w: path escapes the archive", ErrUnsafe), true)
		return nil
	}
	base := path.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasPrefix(base, "_") || isManifestName(base) {
		return nil
	}
	head := make([]byte, 512)
	br := bufio.NewReaderSize(r, 4096)
	head, _ = br.Peek(512)
	if k := containerKind(name, head); k != "" {
		if err := streamContainer(k, name, br, size, d, s, depth+1); err != nil {
			s.bad(name, err, false)
		}
		return nil
	}
	kind := KindOf(name, head)
	if kind == KindJSONL {
		return ReadJSONL(br, base, d, s.art, func(line int, err error) { s.bad(fmt.Sprintf("%s:%d", name, line), err, false) })
	}
	if kind == "" {
		s.bad(name, fmt.Errorf("%w %q", ErrUnsupported, path.Ext(name)), true)
		return nil
	}
	raw, err := io.ReadAll(io.LimitReader(br, MaxFileSize+1))
	if err != nil {
		s.bad(name, err, false)
		return nil
	}
	if len(raw) > MaxFileSize {
		s.bad(name, fmt.Errorf("file too large (over %d MB)", MaxFileSize>>20), false)
		return nil
	}
	return s.doc(name, raw, d)
}

func unsafeName(name string) bool {
	n := strings.ReplaceAll(name, `\`, "/")
	if strings.HasPrefix(n, "/") || (len(n) > 1 && n[1] == ':') {
		return true
	}
	for _, part := range strings.Split(n, "/") {
		if part == ".." {
			return true
		}
	}
	return false
}

func readZip(name string, r io.Reader, size int64, d Defaults, s sink, depth int) error {
	ra, ok := r.(io.ReaderAt)
	if !ok || size <= 0 {
		// A zip inside another container: read it into memory (bounded).
		b, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
		if err != nil {
			return err
		}
		if len(b) > MaxFileSize {
			return fmt.Errorf("nested zip larger than %d MB", MaxFileSize>>20)
		}
		ra, size = bytes.NewReader(b), int64(len(b))
	}
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return fmt.Errorf("not a readable zip file: %w", err)
	}
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		mname := name + "/" + f.Name
		if f.UncompressedSize64 > 1<<20 && f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > maxRatio {
			s.bad(mname, fmt.Errorf("%w: compression ratio %d:1 looks like a zip bomb", ErrUnsafe, f.UncompressedSize64/f.CompressedSize64), true)
			continue
		}
		if f.UncompressedSize64 > MaxFileSize && !strings.HasSuffix(strings.ToLower(f.Name), ".jsonl") {
			s.bad(mname, fmt.Errorf("file too large (%d MB)", f.UncompressedSize64>>20), false)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			s.bad(mname, err, false)
			continue
		}
		err = member(name, f.Name, rc, int64(f.UncompressedSize64), d, s, depth)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func readTar(name string, r io.Reader, d Defaults, s sink, depth int) error {
	br := bufio.NewReader(r)
	if h, _ := br.Peek(2); len(h) == 2 && h[0] == 0x1f && h[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("not a readable gzip file: %w", err)
		}
		defer gz.Close()
		r = gz
	} else {
		r = br
	}
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("broken tar file: %w", err)
		}
		if h.Typeflag != tar.TypeReg {
			if h.Typeflag == tar.TypeSymlink || h.Typeflag == tar.TypeLink {
				s.bad(name+"/"+h.Name, fmt.Errorf("%w: links are not followed", ErrUnsafe), true)
			}
			continue
		}
		if err := member(name, h.Name, tr, h.Size, d, s, depth); err != nil {
			return err
		}
	}
}

func readFeed(name string, r io.Reader, d Defaults, s sink) error {
	feed, err := gofeed.NewParser().Parse(io.LimitReader(r, MaxFileSize))
	if err != nil {
		return fmt.Errorf("not a readable RSS or Atom feed: %w", err)
	}
	source := strings.TrimSpace(feed.Title)
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		body := it.Content
		if strings.TrimSpace(body) == "" {
			body = it.Description
		}
		a := &archive.Article{Title: htmlText(it.Title), URL: it.Link, Text: htmlText(body), Source: source,
			Origin: fmt.Sprintf("%s#%d", path.Base(name), i+1)}
		if it.PublishedParsed != nil {
			a.Published = *it.PublishedParsed
		} else if it.UpdatedParsed != nil {
			a.Published = *it.UpdatedParsed
		}
		if len(it.Authors) > 0 && it.Authors[0] != nil {
			a.Byline = it.Authors[0].Name
		}
		a.Language = feed.Language
		if a.Language != "" {
			a.Language = strings.ToLower(strings.SplitN(strings.SplitN(a.Language, "-", 2)[0], "_", 2)[0])
		}
		if err := Finish(a, d); err != nil {
			s.bad(fmt.Sprintf("%s item %d", name, i+1), err, false)
			continue
		}
		if err := s.art(a); err != nil {
			return err
		}
	}
	return nil
}

// htmlText turns an HTML fragment (a feed item's content) into paragraphs
// of text.
func htmlText(fragment string) string {
	if !strings.Contains(fragment, "<") {
		return strings.TrimSpace(fragment)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader("<div>" + fragment + "</div>"))
	if err != nil {
		return ""
	}
	doc.Find("script, style, iframe, figure figcaption, nav, aside").Remove()
	var paras []string
	doc.Find("p, h1, h2, h3, h4, h5, h6, li, blockquote, pre").Each(func(_ int, sel *goquery.Selection) {
		if sel.Find("p, li").Length() > 0 {
			return
		}
		if t := strings.Join(strings.Fields(sel.Text()), " "); t != "" {
			paras = append(paras, t)
		}
	})
	if len(paras) == 0 {
		return strings.Join(strings.Fields(doc.Text()), " ")
	}
	return strings.Join(paras, "\n\n")
}

// readWARC reads WARC records (plain or with gzip members) and hands each
// HTML response on, with the record's URL; the record's date is the
// publication date when the page states none.
func readWARC(name string, r io.Reader, d Defaults, s sink) error {
	br := bufio.NewReaderSize(r, 1<<16)
	if h, _ := br.Peek(2); len(h) == 2 && h[0] == 0x1f && h[1] == 0x8b {
		gz, err := gzip.NewReader(br) // multistream by default: one member per record
		if err != nil {
			return fmt.Errorf("not a readable WARC file: %w", err)
		}
		defer gz.Close()
		br = bufio.NewReaderSize(gz, 1<<16)
	}
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		for err == nil && strings.TrimSpace(line) == "" {
			line, err = br.ReadString('\n')
		}
		if err == io.EOF && strings.TrimSpace(line) == "" {
			return nil
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("record %d: %w", n, err)
		}
		if !strings.HasPrefix(line, "WARC/") {
			return fmt.Errorf("record %d: not a WARC record (starts %.20q)", n, line)
		}
		hdr := map[string]string{}
		for {
			l, err := br.ReadString('\n')
			if err != nil {
				return fmt.Errorf("record %d: truncated header", n)
			}
			l = strings.TrimRight(l, "\r\n")
			if l == "" {
				break
			}
			if k, v, ok := strings.Cut(l, ":"); ok {
				hdr[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
			}
		}
		length, err := strconv.ParseInt(hdr["content-length"], 10, 64)
		if err != nil || length < 0 {
			return fmt.Errorf("record %d: bad Content-Length %q", n, hdr["content-length"])
		}
		uri := strings.Trim(hdr["warc-target-uri"], "<>")
		recName := fmt.Sprintf("%s#%d", name, n)
		if hdr["warc-type"] != "response" || length > MaxFileSize {
			if _, err := io.CopyN(io.Discard, br, length); err != nil {
				return fmt.Errorf("record %d: truncated", n)
			}
			if length > MaxFileSize {
				s.bad(recName, fmt.Errorf("record too large (%d MB)", length>>20), true)
			}
			continue
		}
		block := make([]byte, length)
		if _, err := io.ReadFull(br, block); err != nil {
			return fmt.Errorf("record %d: truncated", n)
		}
		resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(block)), nil)
		if err != nil {
			s.bad(recName, fmt.Errorf("not an HTTP response: %w", err), true)
			continue
		}
		ct := resp.Header.Get("Content-Type")
		if mt, _, _ := mime.ParseMediaType(ct); mt != "text/html" && mt != "application/xhtml+xml" {
			resp.Body.Close()
			continue // images, scripts, robots.txt: not articles
		}
		var body io.Reader = resp.Body
		if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
			if gz, err := gzip.NewReader(resp.Body); err == nil {
				body = gz
			}
		}
		raw, err := io.ReadAll(io.LimitReader(body, MaxFileSize))
		resp.Body.Close()
		if err != nil {
			s.bad(recName, err, false)
			continue
		}
		if resp.StatusCode != 200 {
			continue
		}
		e := Entry{URL: uri}
		if d.Entry != nil {
			e = *d.Entry
			e.URL = uri
		}
		if _, params, err := mime.ParseMediaType(ct); err == nil && e.Charset == "" {
			e.Charset = params["charset"]
		}
		dd := Defaults{Entry: &e, Source: d.Source, kind: KindHTML}
		if t, err := time.Parse(time.RFC3339, hdr["warc-date"]); err == nil {
			dd.fallbackDate = t
		}
		if err := s.doc(recName, raw, dd); err != nil {
			return err
		}
	}
}

// readMHTML reads a page saved as MIME (Chrome's "Save as single file"):
// the first text/html part is the page.
func readMHTML(name string, r io.Reader, d Defaults, s sink) error {
	msg, err := mail.ReadMessage(bufio.NewReader(io.LimitReader(r, MaxFileSize)))
	if err != nil {
		return fmt.Errorf("not a readable MHTML file: %w", err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") {
		return fmt.Errorf("not a readable MHTML file: no multipart body")
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return fmt.Errorf("no HTML part")
		}
		if err != nil {
			return fmt.Errorf("broken MHTML file: %w", err)
		}
		pt, pparams, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		if pt != "text/html" {
			continue
		}
		var body io.Reader = p // quoted-printable is decoded by multipart
		if strings.EqualFold(p.Header.Get("Content-Transfer-Encoding"), "base64") {
			body = base64.NewDecoder(base64.StdEncoding, p)
		}
		raw, err := io.ReadAll(body)
		if err != nil {
			return fmt.Errorf("broken MHTML file: %w", err)
		}
		e := Entry{URL: p.Header.Get("Content-Location"), Charset: pparams["charset"]}
		if d.Entry != nil {
			e = *d.Entry
			if e.URL == "" {
				e.URL = p.Header.Get("Content-Location")
			}
		}
		return s.doc(name, raw, Defaults{Entry: &e, Source: d.Source, kind: KindHTML})
	}
}
