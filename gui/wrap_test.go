package gui

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/wiretrace/wiretrace/archive"
)

// lines returns the texts drawn inside o grouped by row (by their y
// position), top to bottom.
func lines(o fyne.CanvasObject) [][]string {
	rows := map[float32][]string{}
	for _, obj := range test.LaidOutObjects(o) {
		if t, ok := obj.(*canvas.Text); ok && obj.Visible() && strings.TrimSpace(t.Text) != "" {
			y := fyne.CurrentApp().Driver().AbsolutePositionForObject(t).Y
			rows[y] = append(rows[y], t.Text)
		}
	}
	ys := make([]float32, 0, len(rows))
	for y := range rows {
		ys = append(ys, y)
	}
	sort.Slice(ys, func(i, j int) bool { return ys[i] < ys[j] })
	out := make([][]string, len(ys))
	for i, y := range ys {
		out[i] = rows[y]
	}
	return out
}

// TestHighlightedPhraseWrapsByWords is the regression test of Fyne issue
// #4303 (fixed in Fyne 2.8): a highlighted phrase in a narrow column
// wrapped one letter per line ("p e a c e k e e p i n g") and ran over
// what follows. It must wrap at words, in about as many lines as its width
// needs.
func TestHighlightedPhraseWrapsByWords(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct{ name, snippet string }{
		{"phrase", "the <mark>peacekeeping contingent</mark> left"},
		{"in a sentence", "Tomorrow begins the organised withdrawal of the <mark>peacekeeping contingent</mark> from the Collective Security Treaty Organization"},
		{"long marked run", "said <mark>Tomorrow begins the organised withdrawal of the peacekeeping contingent</mark> confirmed Tokayev"},
	} {
		// From the narrowest column that holds "peacekeeping" in bold.
		for width := float32(120); width <= 260; width += 10 {
			t.Run(fmt.Sprintf("%s/%.0f", tc.name, width), func(t *testing.T) {
				rt := widget.NewRichText(markedSegments(tc.snippet)...)
				rt.Wrapping = fyne.TextWrapWord
				w := test.NewTempWindow(t, rt)
				w.SetPadded(false)
				w.Resize(fyne.NewSize(width, 600))
				rt.Resize(fyne.NewSize(width, rt.MinSize().Height))
				rows := lines(rt)
				// At most one line more per highlight boundary than the
				// text's width needs.
				th := rt.Theme()
				full := fyne.MeasureText(stripMarks(tc.snippet), th.Size(theme.SizeNameText), fyne.TextStyle{Bold: true}).Width
				inner := width - 2*th.Size(theme.SizeNameInnerPadding)
				maxRows := int(math.Ceil(float64(full/inner))) + strings.Count(tc.snippet, "<mark>")*2
				if len(rows) == 0 || len(rows) > maxRows {
					t.Fatalf("got %d lines, want 1..%d: %q", len(rows), maxRows, rows)
				}
				for _, r := range rows {
					joined := strings.TrimSpace(strings.Join(r, ""))
					if utf8.RuneCountInString(joined) == 1 {
						t.Errorf("a line of one letter %q: %q", joined, rows)
					}
				}
				// Every word of the snippet is drawn whole on some line.
				drawn := " " + strings.Join(flatten(rows), " ") + " "
				for _, word := range strings.Fields(stripMarks(tc.snippet)) {
					if !strings.Contains(drawn, word) {
						t.Errorf("word %q is not drawn whole: %q", word, rows)
					}
				}
			})
		}
	}
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// TestSnippetsStayInTheirRows: a result row cuts its snippet to the lines
// it has, for Latin and Chinese text alike (Chinese glyphs are about twice
// as wide as the average Latin letter), so no text is drawn below the row.
func TestSnippetsStayInTheirRows(t *testing.T) {
	test.NewTempApp(t)
	zh := "哈萨克斯坦总统托卡耶夫表示，集体安全条约组织维和部队将于明天开始有序撤离。" +
		"<mark>托卡耶夫</mark>在议会发表讲话时说，维和部队的主要任务已经成功完成，局势已经稳定下来。" +
		"阿拉木图的骚乱造成数十人死亡，数千人被拘留。"
	en := "Tomorrow begins the organised withdrawal of the <mark>peacekeeping contingent</mark> from the Collective Security Treaty Organization (CSTO), the alliance led by Moscow, confirmed Tokayev, who spoke before parliament on Tuesday after a week of unrest"
	for _, tc := range []struct {
		name, snippet string
		width         float32
	}{
		{"chinese", zh, 260},
		{"chinese wide", zh, 420},
		{"latin", en, 260},
		{"latin narrow", en, 150},
	} {
		t.Run(tc.name, func(t *testing.T) {
			row := newResultRow()
			w := test.NewTempWindow(t, row)
			w.SetPadded(false)
			row.set(archive.Hit{Title: "Title", Source: "Xinhua", Language: "zh", Snippet: tc.snippet})
			size := fyne.NewSize(tc.width, row.MinSize().Height)
			w.Resize(size)
			row.Resize(size)
			rows := lines(row.snippet)
			if len(rows) == 0 || len(rows) > snippetLines {
				t.Errorf("snippet drawn on %d lines, want 1..%d: %q", len(rows), snippetLines, rows)
			}
			bottom := fyne.CurrentApp().Driver().AbsolutePositionForObject(row).Y + row.Size().Height
			for _, obj := range test.LaidOutObjects(row.snippet) {
				if txt, ok := obj.(*canvas.Text); ok && txt.Text != "" {
					p := fyne.CurrentApp().Driver().AbsolutePositionForObject(txt)
					if p.Y+txt.MinSize().Height > bottom+1 {
						t.Errorf("%q drawn at y=%.0f..%.0f, below the row's bottom %.0f", txt.Text, p.Y, p.Y+txt.MinSize().Height, bottom)
					}
				}
			}
		})
	}
}
