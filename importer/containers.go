package importer

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/wiretrace/wiretrace"
)

// Container formats: files that hold many documents. They are streamed, so
// their size is not bounded by MaxFileSize (each document inside is).
const (
	KindFeed  Kind = "feed"  // RSS, Atom or JSON Feed: each item an article
	KindWARC  Kind = "warc"  // web archive: each HTML response an article
	KindZip   Kind = "zip"   // .zip of any supported files
	KindTar   Kind = "tar"   // .tar, .tar.gz, .tgz of any supported files
	KindMHTML Kind = "mhtml" // a page saved as one MIME file
)

// IsContainer reports whether files of kind k hold several documents.
func IsContainer(k Kind) bool {
	switch k {
	case KindJSONL, KindFeed, KindWARC, KindARC, KindZip, KindTar:
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
	case strings.HasSuffix(low, ".arc"), strings.HasSuffix(low, ".arc.gz"):
		return KindARC
	case strings.HasSuffix(low, ".zip"):
		return KindZip
	case strings.HasSuffix(low, ".tar"), strings.HasSuffix(low, ".tar.gz"), strings.HasSuffix(low, ".tgz"):
		return KindTar
	case strings.HasSuffix(low, ".rss"), strings.HasSuffix(low, ".atom"):
		return KindFeed
	case strings.HasSuffix(low, ".mhtml"), strings.HasSuffix(low, ".mht"):
		return KindMHTML
	case strings.HasSuffix(low, ".json"):
		if isJSONFeed(head) {
			return KindFeed
		}
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
	art func(a *wiretrace.Article) error
	bad func(name string, err error, skipped bool)
	// budget is what the input's compressed streams may still inflate
	// to (nil: only each stream's own bound).
	budget *budget
}

// counting returns s counting in *found what it is handed (documents,
// articles, members not imported) and keeping in *sinkErr the first error
// s itself returns (the archive failed, the import was cancelled), which
// must stop the reading.
func (s sink) counting(found *int, sinkErr *error) sink {
	keep := func(err error) error {
		if err != nil && *sinkErr == nil {
			*sinkErr = err
		}
		return err
	}
	return sink{
		doc:    func(name string, raw []byte, d Defaults) error { *found++; return keep(s.doc(name, raw, d)) },
		art:    func(a *wiretrace.Article) error { *found++; return keep(s.art(a)) },
		bad:    func(name string, err error, skipped bool) { *found++; s.bad(name, err, skipped) },
		budget: s.budget,
	}
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
		return readWARC(name, r, size, d, s)
	case KindARC:
		return readARC(name, r, size, d, s)
	case KindZip:
		return readZip(name, r, size, d, s, depth)
	case KindTar:
		return readTar(name, r, size, d, s, depth)
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
	if k := containerKind(name, head); k != "" || KindOf(name, head) == KindJSONL {
		if k == "" {
			k = KindJSONL
		}
		// What a container inside fails with is reported as it is for a
		// file of a folder: its error, or that it held nothing.
		var found int
		var sinkErr error
		err := streamContainer(k, name, br, size, d, s.counting(&found, &sinkErr), depth+1)
		switch {
		case sinkErr != nil:
			return sinkErr
		case err != nil:
			s.bad(name, err, false)
		case found == 0:
			s.bad(name, ErrNoText, false)
		}
		return nil
	}
	kind := KindOf(name, head)
	if kind == "" {
		s.bad(name, fmt.Errorf("%w %q", ErrUnsupported, path.Ext(name)), true)
		return nil
	}
	limit, what := docLimit(kind)
	raw, err := readAtMost(br, limit, what)
	if err != nil {
		s.bad(name, err, false)
		return nil
	}
	return s.doc(name, raw, d)
}

// docLimit is the most bytes a document of kind k is read whole up to, and
// what it is called when it is larger.
func docLimit(k Kind) (int64, string) {
	if k == KindText {
		return maxTextFile, "file"
	}
	return maxDoc, "file"
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
		b, err := readAtMost(r, maxDoc, "zip file inside another file")
		if err != nil {
			return err
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
		if f.UncompressedSize64 > uint64(maxDoc) && !IsContainer(containerKind(f.Name, nil)) && KindOf(f.Name, nil) != KindJSONL {
			s.bad(mname, sizeTooLarge("file", int64(f.UncompressedSize64), maxDoc), false)
			continue
		}
		rc, err := f.Open()
		if err != nil {
			s.bad(mname, err, false)
			continue
		}
		var mr io.Reader = rc
		if f.Method != zip.Store {
			mr = inflated(rc, int64(f.CompressedSize64), s.budget)
		}
		err = member(name, f.Name, mr, int64(f.UncompressedSize64), d, s, depth)
		rc.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

func readTar(name string, r io.Reader, size int64, d Defaults, s sink, depth int) error {
	br := bufio.NewReader(r)
	if h, _ := br.Peek(2); len(h) == 2 && h[0] == 0x1f && h[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("not a readable gzip file: %w", err)
		}
		defer gz.Close()
		r = inflated(gz, size, s.budget)
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
			switch h.Typeflag {
			case tar.TypeSymlink, tar.TypeLink:
				s.bad(name+"/"+h.Name, fmt.Errorf("%w: links are not followed", ErrUnsafe), true)
			case tar.TypeChar, tar.TypeBlock, tar.TypeFifo:
				s.bad(name+"/"+h.Name, fmt.Errorf("%w (a device or named pipe)", ErrNotRegular), true)
			}
			continue
		}
		if err := member(name, h.Name, tr, h.Size, d, s, depth); err != nil {
			return err
		}
	}
}
