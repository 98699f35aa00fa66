package charset

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

const (
	japaneseText = "カザフスタンのトカエフ大統領は、治安部隊に対し警告なしに発砲することを許可したと述べた。政府によると、抗議活動で多数の死者が出ている。"
	russianText  = "Президент Казахстана Касым-Жомарт Токаев заявил, что разрешил силовикам открывать огонь на поражение без предупреждения. Миротворцы ОДКБ прибыли в страну."
	chineseText  = "哈萨克斯坦总统托卡耶夫表示，他已授权安全部队在不发出警告的情况下开枪射击。据政府称，抗议活动造成多人死亡，集体安全条约组织的维和部队已经抵达。"
	koreanText   = "카자흐스탄 토카예프 대통령은 보안군에게 경고 없이 발포하도록 허가했다고 밝혔다. 정부에 따르면 시위로 많은 사람이 사망했다."
	frenchText   = "Le président Tokaïev a déclaré que les forces de sécurité pouvaient tirer sans sommation. Des soldats russes sont arrivés à Almaty, où la situation reste très tendue après des émeutes."
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name     string
		raw      []byte
		hint     string
		isHTML   bool
		want     string
		wantEnc  string
		contains bool // want is a substring of the text
	}{
		{name: "latin1 short", raw: []byte("Caf\xe9 au lait \xe0 Almaty"), want: "Café au lait à Almaty", wantEnc: "windows-1252"},
		{name: "utf8", raw: []byte("Café au lait à Almaty"), want: "Café au lait à Almaty", wantEnc: "utf-8"},
		{name: "ascii", raw: []byte("plain text\n"), want: "plain text\n", wantEnc: "utf-8"},
		{name: "empty", raw: nil, want: "", wantEnc: "utf-8"},
		{name: "stray nul in long text", raw: []byte(strings.Repeat("<p>Tokayev said the peacekeepers arrived.</p>\n", 40) + "x\x00y"), want: "xy", wantEnc: "utf-8", contains: true},
		{name: "utf8 bom", raw: []byte("\xef\xbb\xbfTokaïev"), want: "Tokaïev", wantEnc: "utf-8"},
		{name: "utf16le bom", raw: append([]byte("\xff\xfe"), encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "Tokaïev")...), want: "Tokaïev", wantEnc: "utf-16le"},
		{name: "utf16be bom", raw: append([]byte("\xfe\xff"), encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "Tokaïev")...), want: "Tokaïev", wantEnc: "utf-16be"},
		{name: "utf16le no bom", raw: encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "Tokayev said the peacekeepers arrived"), want: "Tokayev said the peacekeepers arrived", wantEnc: "utf-16le"},
		{name: "windows-1252 long", raw: encode(t, charmap.Windows1252, frenchText+" “Quotes” – dash"), want: frenchText + " “Quotes” – dash", wantEnc: "windows-1252"},
		{name: "shift_jis sniffed", raw: encode(t, japanese.ShiftJIS, japaneseText), want: japaneseText, wantEnc: "shift_jis"},
		{name: "euc-jp sniffed", raw: encode(t, japanese.EUCJP, japaneseText), want: japaneseText, wantEnc: "euc-jp"},
		{name: "iso-2022-jp", raw: encode(t, japanese.ISO2022JP, japaneseText), want: japaneseText, wantEnc: "iso-2022-jp"},
		{name: "koi8-r sniffed", raw: encode(t, charmap.KOI8R, russianText), want: russianText, wantEnc: "koi8-r"},
		{name: "windows-1251 sniffed", raw: encode(t, charmap.Windows1251, russianText), want: russianText, wantEnc: "windows-1251"},
		{name: "gb18030 sniffed", raw: encode(t, simplifiedchinese.GB18030, chineseText), want: chineseText, wantEnc: "gb18030"},
		{name: "euc-kr sniffed", raw: encode(t, korean.EUCKR, koreanText), want: koreanText, wantEnc: "euc-kr"},
		{name: "hint wins over sniffing", raw: encode(t, charmap.KOI8R, "Токаев"), hint: "text/html; charset=KOI8-R", want: "Токаев", wantEnc: "koi8-r"},
		{
			name:   "meta charset",
			raw:    append([]byte(`<html><head><meta charset="shift_jis"><title>t</title></head><body>`), encode(t, japanese.ShiftJIS, "東京")...),
			isHTML: true, want: "東京", wantEnc: "shift_jis", contains: true,
		},
		{
			name:   "http-equiv",
			raw:    append([]byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body>`), encode(t, charmap.KOI8R, "Токаев")...),
			isHTML: true, want: "Токаев", wantEnc: "koi8-r", contains: true,
		},
		{
			name:   "meta ignored for plain text",
			raw:    []byte(`<meta charset="shift_jis"> Caf` + "\xe9"),
			isHTML: false, want: "Café", wantEnc: "windows-1252", contains: true,
		},
		{
			name:   "meta utf-8 with stray bytes",
			raw:    []byte(`<meta charset="utf-8"><p>Tokaïev à Almaty, déclaré, sécurité, émeutes` + "\x96" + ` fin</p>`),
			isHTML: true, want: "Tokaïev à Almaty", wantEnc: "utf-8", contains: true,
		},
		{
			name:   "meta utf-8 but latin-1 bytes",
			raw:    []byte(`<meta charset="utf-8"><p>Caf` + "\xe9" + ` au lait</p>`),
			isHTML: true, want: "Café au lait", wantEnc: "windows-1252", contains: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.raw, tt.hint, tt.isHTML)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if !utf8.ValidString(got) {
				t.Errorf("output is not valid UTF-8: %q", got)
			}
			if tt.contains {
				if !strings.Contains(got, tt.want) {
					t.Errorf("got %q, want it to contain %q", got, tt.want)
				}
			} else if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if enc != tt.wantEnc {
				t.Errorf("encoding: got %q, want %q", enc, tt.wantEnc)
			}
		})
	}
}

func TestDecodeBinary(t *testing.T) {
	tests := []struct {
		name string
		raw  []byte
	}{
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF")},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")},
		{"zip", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00")},
		{"gzip", []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00")},
		{"elf", []byte("\x7fELF\x02\x01\x01\x00")},
		{"nul bytes", []byte("hello\x00world\x00\x01\x02\x03\xff\xfe\xfd")},
		{"control characters", bytes.Repeat([]byte("\x01\x02\x03\x04abc"), 100)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Decode(tt.raw, "", false)
			if !errors.Is(err, ErrBinary) {
				t.Errorf("got err %v, want ErrBinary", err)
			}
		})
	}
}

func TestDecodeNeverInvalid(t *testing.T) {
	// Random-looking bytes without NULs must still come out as valid UTF-8.
	var raw []byte
	for i := 0; i < 5000; i++ {
		b := byte(i*131 + 7)
		if b < 0x20 {
			b = ' '
		}
		raw = append(raw, b)
	}
	got, _, err := Decode(raw, "", true)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if !utf8.ValidString(got) {
		t.Error("output is not valid UTF-8")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("Caf\xe9"), "", false)
	f.Add([]byte(`<meta charset="koi8-r">`), "utf-8", true)
	f.Fuzz(func(t *testing.T, raw []byte, hint string, isHTML bool) {
		got, _, err := Decode(raw, hint, isHTML)
		if err == nil && !utf8.ValidString(got) {
			t.Errorf("invalid UTF-8 for %q", raw)
		}
	})
}
