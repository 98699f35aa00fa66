// Package charset turns the raw bytes of an imported file into valid UTF-8
// text. It reads byte order marks, declared charsets (an outside hint, and
// <meta charset> or http-equiv for HTML), sniffs legacy encodings such as
// Windows-1252, KOI8-R, Shift-JIS, GB18030 or EUC-KR from the bytes
// themselves, and rejects binary data.
package charset

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	htmlcharset "golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// ErrBinary is wrapped by the error Decode returns for bytes that are not
// text.
var ErrBinary = errors.New("binary data, not text")

// sniffLimit bounds how many bytes are inspected for binary data, meta
// declarations and statistical detection, so huge files stay cheap.
const sniffLimit = 64 << 10

// magic numbers of common binary formats.
var magics = [][]byte{
	[]byte("\x89PNG\r\n\x1a\n"),
	[]byte("\xff\xd8\xff"),                     // JPEG
	[]byte("%PDF-"),                            // PDF
	[]byte("PK\x03\x04"),                       // ZIP, DOCX, EPUB...
	[]byte("PK\x05\x06"),                       // empty ZIP
	[]byte("\x1f\x8b"),                         // GZIP
	[]byte("\x7fELF"),                          // ELF
	[]byte("GIF87a"),                           // GIF
	[]byte("GIF89a"),                           // GIF
	[]byte("BZh"),                              // BZIP2 (checked with a digit below)
	[]byte("\xfd7zXZ\x00"),                     // XZ
	[]byte("7z\xbc\xaf\x27\x1c"),               // 7-Zip
	[]byte("\x28\xb5\x2f\xfd"),                 // Zstandard
	[]byte("MZ"),                               // PE / DOS executables (checked below)
	[]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), // OLE (DOC, XLS)
	[]byte("SQLite format 3\x00"),
	[]byte("\x00asm"),              // WebAssembly
	[]byte("\xca\xfe\xba\xbe"),     // Mach-O fat / Java class
	[]byte("\xcf\xfa\xed\xfe"),     // Mach-O 64
	[]byte("OggS"),                 // Ogg
	[]byte("fLaC"),                 // FLAC
	[]byte("ID3"),                  // MP3
	[]byte("wOFF"), []byte("wOF2"), // web fonts
	[]byte("RIFF"), // WAV, AVI, WEBP
}

// Decode returns raw as valid UTF-8 text and the name of the encoding it
// was read as (a WHATWG label such as "utf-8", "windows-1252", "koi8-r",
// "shift_jis"). hint is a charset label from outside the bytes (HTTP
// header, manifest; "" if none). isHTML makes <meta charset> and
// http-equiv declarations count.
//
// The order is: byte order mark; valid UTF-8 as is; the declared charset
// (hint, then meta) when the bytes are not UTF-8; statistical sniffing;
// windows-1252 as the last resort. The text never holds invalid UTF-8:
// undecodable bytes become U+FFFD.
//
// It returns an error wrapping ErrBinary for bytes that are not text: NUL
// bytes (outside UTF-16) in the first 512 bytes or in more than 0.5% of
// them, mostly control characters, or the magic number of a known binary
// format such as PNG, JPEG, PDF, ZIP, GZIP or ELF. Stray NUL bytes in
// otherwise textual data are dropped.
func Decode(raw []byte, hint string, isHTML bool) (text string, encodingName string, err error) {
	if len(raw) == 0 {
		return "", "utf-8", nil
	}
	// Byte order marks decide at once.
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		return strings.ToValidUTF8(string(raw[3:]), "\uFFFD"), "utf-8", nil
	case bytes.HasPrefix(raw, []byte("\xff\xfe")):
		return decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), raw, "utf-16le")
	case bytes.HasPrefix(raw, []byte("\xfe\xff")):
		return decodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), raw, "utf-16be")
	}
	head := raw
	if len(head) > sniffLimit {
		head = head[:sniffLimit]
	}
	if isBinaryMagic(head) {
		return "", "", fmt.Errorf("charset: %w (known binary signature)", ErrBinary)
	}
	if nuls := bytes.Count(head, []byte{0}); nuls > 0 {
		if order, ok := utf16NoBOM(head); ok {
			return decodeWith(unicode.UTF16(order, unicode.IgnoreBOM), raw, utf16Name(order))
		}
		// Binary formats have NULs early and often; a long text with a
		// few stray NULs (a broken CMS, a bad copy) is still text and
		// loses them.
		first := head
		if len(first) > 512 {
			first = first[:512]
		}
		if bytes.IndexByte(first, 0) >= 0 || nuls*200 > len(head) {
			return "", "", fmt.Errorf("charset: %w (NUL bytes)", ErrBinary)
		}
		raw = bytes.ReplaceAll(raw, []byte{0}, nil)
	}
	if mostlyControl(head) {
		return "", "", fmt.Errorf("charset: %w (control characters)", ErrBinary)
	}

	if utf8.Valid(raw) {
		// Pure 7-bit ISO-2022-JP is valid UTF-8 but must be decoded.
		if bytes.Contains(head, []byte("\x1b$B")) || bytes.Contains(head, []byte("\x1b$@")) {
			if enc, name := lookup("iso-2022-jp"); enc != nil {
				return decodeWith(enc, raw, name)
			}
		}
		return string(raw), "utf-8", nil
	}

	// Declared charsets, unless they claim UTF-8 for bytes that are not.
	for _, label := range declared(head, hint, isHTML) {
		enc, name := lookup(label)
		if enc == nil {
			continue
		}
		if name == "utf-8" {
			if mostlyUTF8(raw, 4) {
				return strings.ToValidUTF8(string(raw), "\uFFFD"), "utf-8", nil
			}
			continue
		}
		if name == "utf-16le" || name == "utf-16be" {
			continue // a meta tag read as ASCII cannot be UTF-16
		}
		return decodeWith(enc, raw, name)
	}
	// Undeclared text that is UTF-8 apart from a few stray bytes.
	if mostlyUTF8(raw, 20) {
		return strings.ToValidUTF8(string(raw), "\uFFFD"), "utf-8", nil
	}
	if label := sniff(head, isHTML); label != "" {
		if enc, name := lookup(label); enc != nil {
			return decodeWith(enc, raw, name)
		}
	}
	return decodeWith(charmap.Windows1252, raw, "windows-1252")
}

// decodeWith decodes raw with enc and guarantees valid UTF-8.
func decodeWith(enc encoding.Encoding, raw []byte, name string) (string, string, error) {
	out, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		// Decoders replace bad input themselves; an error here is a broken
		// encoder state. Fall back to windows-1252, which maps every byte.
		out, err = charmap.Windows1252.NewDecoder().Bytes(raw)
		if err != nil {
			return "", "", fmt.Errorf("charset: decode as %s: %w", name, err)
		}
		name = "windows-1252"
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), name, nil
}

// lookup resolves a label to an encoding with its canonical WHATWG name.
// Labels chardet uses that WHATWG does not know are mapped first.
func lookup(label string) (encoding.Encoding, string) {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	switch label {
	case "":
		return nil, ""
	case "gb-18030":
		label = "gb18030"
	case "iso-8859-8-i":
		label = "iso-8859-8-i"
	case "ibm420_ltr", "ibm420_rtl", "ibm424_ltr", "ibm424_rtl", "utf-32le", "utf-32be", "iso-2022-cn":
		return nil, ""
	}
	enc, name := htmlcharset.Lookup(label)
	if enc == nil {
		return nil, ""
	}
	if name == "replacement" {
		return nil, ""
	}
	return enc, name
}

var (
	metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)`)
	xmlEncoding = regexp.MustCompile(`(?i)<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_:.+-]+)`)
)

// declared returns the charset labels declared for the bytes, in order of
// authority: the outside hint, then an XML declaration and the first meta
// declaration.
func declared(head []byte, hint string, isHTML bool) []string {
	var labels []string
	if hint != "" {
		if i := strings.Index(strings.ToLower(hint), "charset="); i >= 0 {
			hint = hint[i+len("charset="):]
			if j := strings.IndexAny(hint, "; "); j >= 0 {
				hint = hint[:j]
			}
		}
		labels = append(labels, hint)
	}
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		labels = append(labels, string(m[1]))
	}
	if isHTML {
		if m := metaCharset.FindSubmatch(head); m != nil {
			labels = append(labels, string(m[1]))
		}
	}
	return labels
}

// sniff guesses the encoding of non-UTF-8 bytes; it returns a label or "".
func sniff(head []byte, isHTML bool) string {
	var det *chardet.Detector
	if isHTML {
		det = chardet.NewHtmlDetector()
	} else {
		det = chardet.NewTextDetector()
	}
	res, err := det.DetectBest(head)
	if err != nil || res == nil {
		return ""
	}
	name := strings.ToLower(res.Charset)
	switch name {
	case "utf-8", "utf-16le", "utf-16be", "utf-32le", "utf-32be":
		return ""
	case "iso-8859-1", "windows-1252":
		return "windows-1252"
	case "shift_jis", "euc-jp", "iso-2022-jp", "gb18030", "gb-18030", "big5", "euc-kr", "iso-2022-kr",
		"koi8-r", "windows-1251", "iso-8859-5":
		// Multi-byte and Cyrillic detectors are reliable.
		return name
	}
	// Other single-byte guesses (Central European, Greek, Turkish,
	// Hebrew, Arabic) need some confidence; Latin-1 text is the common
	// case and its bytes decode the same in most of them.
	if res.Confidence >= 50 {
		return name
	}
	return ""
}

// isBinaryMagic reports whether head starts with a known binary signature.
func isBinaryMagic(head []byte) bool {
	for _, m := range magics {
		if !bytes.HasPrefix(head, m) {
			continue
		}
		switch string(m) {
		case "BZh":
			if len(head) < 4 || head[3] < '1' || head[3] > '9' {
				continue
			}
		case "MZ", "ID3", "RIFF", "OggS", "fLaC", "wOFF", "wOF2":
			// Short ASCII signatures: require some non-text bytes too so
			// that a text starting with "MZ" or "RIFF" is not rejected.
			if !hasNonText(head) {
				continue
			}
		}
		return true
	}
	return false
}

// hasNonText reports whether head holds NULs or other control bytes that
// text does not.
func hasNonText(head []byte) bool {
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b {
			return true
		}
	}
	return false
}

// mostlyControl reports whether more than a tenth of head is control bytes
// that text does not hold.
func mostlyControl(head []byte) bool {
	n := 0
	for _, c := range head {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			n++
		}
	}
	return n*10 > len(head)
}

// utf16NoBOM recognises UTF-16 without a byte order mark from the pattern
// of zero bytes that mostly-ASCII text leaves in every other position.
func utf16NoBOM(head []byte) (unicode.Endianness, bool) {
	if len(head) < 4 {
		return unicode.BigEndian, false
	}
	var even, odd, pairs int
	for i := 0; i+1 < len(head); i += 2 {
		pairs++
		if head[i] == 0 {
			even++
		}
		if head[i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd*10 >= pairs*7 && even*10 < pairs:
		return unicode.LittleEndian, true
	case even*10 >= pairs*7 && odd*10 < pairs:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

func utf16Name(e unicode.Endianness) string {
	if e == unicode.BigEndian {
		return "utf-16be"
	}
	return "utf-16le"
}

// mostlyUTF8 reports whether raw is UTF-8 with only a few stray bytes:
// at least four valid multi-byte sequences and at most one invalid byte
// for every ratio valid ones.
func mostlyUTF8(raw []byte, ratio int) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size <= 1 {
			invalid++
			i++
			continue
		}
		valid++
		i += size
	}
	return valid >= 4 && invalid*ratio <= valid
}
