package gui

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/wiretrace/wiretrace"
	"github.com/wiretrace/wiretrace/archive"
)

func TestMessagesShowNoInternalStrings(t *testing.T) {
	for _, tc := range []struct{ name, got, want string }{
		{"phrase", countLine(3, archive.Query{Text: `"peacekeeping contingent"`}), "3 articles match “peacekeeping contingent”"},
		{"words", countLine(1, archive.Query{Text: "tokayev almaty"}), "1 article match “tokayev almaty”"},
		{"notice", userNotice(`AND "((`, fmt.Sprintf("%q is not valid query syntax: searched as plain words", `AND "((`)), `“AND "((” is not valid query syntax: searched as plain words`},
		{"empty notice", userNotice(`*`, fmt.Sprintf("nothing to search in %q: type a word", "*")), "Nothing to search in “*”: type a word"},
		{"prefixes", userError(fmt.Errorf("archive: search: %w", errors.New("database is locked"))), "database is locked"},
		{"kept capital", userError(errors.New("archive: Open: bad header")), "Open: bad header"},
		{"too expensive", userError(fmt.Errorf("archive: search: %w: 1000 words, at most 64", archive.ErrTooExpensive)), "query too expensive: 1000 words, at most 64"},
		{"deadline", userError(fmt.Errorf("archive: %w", context.DeadlineExceeded)), "the archive took too long to answer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

// TestBadQueryNoticeReadsAsTyped: the notice quotes the query as typed,
// not with Go's backslashes.
func TestBadQueryNoticeReadsAsTyped(t *testing.T) {
	h := newHarness(t)
	h.f.setSearch(func(ctx context.Context, q archive.Query) (*archive.Result, error) {
		res, err := h.f.search(ctx, q)
		if err == nil {
			res.Notice = fmt.Sprintf("%q is not valid query syntax: searched as plain words", q.Text)
		}
		return res, err
	})
	h.b.SetQuery(`AND "((`)
	h.wait("search")
	if got := h.b.notice.Text; strings.Contains(got, `\"`) || !strings.Contains(got, `“AND "((”`) {
		t.Errorf("notice %q", got)
	}
}

// luminance is the relative luminance of c (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

// over blends c over the opaque colour bg.
func over(c, bg color.Color) color.Color {
	r, g, b, a := c.RGBA() // premultiplied
	br, bgr, bb, _ := bg.RGBA()
	k := 1 - float64(a)/0xffff
	mix := func(x, y uint32) uint8 { return uint8(math.Min(255, (float64(x)+float64(y)*k)/0x101+0.5)) }
	return color.NRGBA{R: mix(r, br), G: mix(g, bgr), B: mix(b, bb), A: 0xff}
}

// variantTheme is th in one variant whatever the settings say.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// TestMetaLineContrast: the outlet · date · credits line of a result and
// the reader's credit line are readable (WCAG AA, 4.5:1) on the
// background, on the selected row and under the pointer, in the light and
// the dark theme.
func TestMetaLineContrast(t *testing.T) {
	for _, variant := range []struct {
		name string
		v    fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		t.Run(variant.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			th := variantTheme{theme.DefaultTheme(), variant.v}
			a.Settings().SetTheme(th)
			row := newResultRow()
			reader := NewReader()
			w := test.NewTempWindow(t, container.NewVBox(row, reader))
			w.Resize(fyne.NewSize(800, 600))
			row.set(archive.Hit{Title: "T", Source: "The Times of Israel", Credits: []string{"AFP"}, Snippet: "s"})
			reader.Display(&wiretrace.Article{Title: "T", Source: "DNA", Credits: []wiretrace.Credit{{Agency: "AFP", Role: wiretrace.RoleSupplier}}}, "")
			bg := th.Color(theme.ColorNameBackground, variant.v)
			for _, line := range []struct {
				name string
				o    fyne.CanvasObject
				text string
			}{{"result meta", row.meta, "Times of Israel"}, {"reader credits", reader.credits, "AFP"}} {
				var drawn *canvas.Text
				for _, o := range test.LaidOutObjects(line.o) {
					if txt, ok := o.(*canvas.Text); ok && strings.Contains(txt.Text, line.text) {
						drawn = txt
					}
				}
				if drawn == nil {
					t.Fatalf("%s not drawn", line.name)
				}
				for _, under := range []struct {
					name string
					c    color.Color
				}{
					{"background", bg},
					{"selected", over(th.Color(theme.ColorNameSelection, variant.v), bg)},
					{"hovered", over(th.Color(theme.ColorNameHover, variant.v), bg)},
				} {
					if got := contrast(drawn.Color, under.c); got < 4.5 {
						t.Errorf("%s on the %s row: contrast %.1f:1, want at least 4.5:1", line.name, under.name, got)
					}
				}
			}
		})
	}
}

// TestEmptyResultsSayWhatToTry: a search without matches says what to
// change, by whether filters are set.
func TestEmptyResultsSayWhatToTry(t *testing.T) {
	h := newHarness(t)
	h.b.SetQuery("nosuchwordanywhere")
	h.wait("search")
	if !h.b.notice.Visible() || !strings.Contains(h.b.notice.Text, "fewer words") {
		t.Errorf("no match: notice %v %q", h.b.notice.Visible(), h.b.notice.Text)
	}
	h.b.SetQuery("almaty")
	h.wait("search")
	if h.b.notice.Visible() {
		t.Errorf("matches, but a notice %q", h.b.notice.Text)
	}
	test.Tap(h.check("source", "DNA"))
	h.wait("facets")
	h.b.setDates(mustDay(t, "2022-01-09"), mustDay(t, "2022-01-12"))
	h.wait("facets")
	if got := h.b.notice.Text; !h.b.notice.Visible() || !strings.Contains(got, "remove a filter") {
		t.Errorf("filters exclude everything: notice %v %q", h.b.notice.Visible(), got)
	}
}
