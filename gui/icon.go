package gui

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math"
	"sync"

	"fyne.io/fyne/v2"
)

// IconPNG draws the Wiretrace icon, size pixels square, as a PNG: a wire
// agency (the large node) whose dispatch runs to three outlets, on a
// rounded square. Icon.png at the top of the repository is IconPNG(512),
// written by `go run ./gui/mkicon`.
func IconPNG(size int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	s := float64(size)
	type circle struct{ x, y, r float64 }
	agency := circle{0.30, 0.50, 0.11}
	outlets := []circle{{0.72, 0.26, 0.075}, {0.76, 0.52, 0.075}, {0.68, 0.76, 0.075}}
	bgTop := [3]float64{0x1c, 0x3f, 0x6e}
	bgBot := [3]float64{0x0f, 0x25, 0x45}
	white := [3]float64{0xff, 0xff, 0xff}
	amber := [3]float64{0xff, 0xb3, 0x3b}
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			x, y := (float64(px)+0.5)/s, (float64(py)+0.5)/s
			// Rounded square background.
			a := cover(roundedBox(x, y, 0.04, 0.04, 0.96, 0.96, 0.2), s)
			if a <= 0 {
				continue
			}
			col := mix(bgTop, bgBot, y)
			// Wires from the agency to each outlet.
			for _, o := range outlets {
				d := segment(x, y, agency.x, agency.y, o.x, o.y) - 0.018
				col = mix(col, white, cover(d, s)*0.85)
			}
			for _, o := range outlets {
				col = mix(col, white, cover(math.Hypot(x-o.x, y-o.y)-o.r, s))
			}
			col = mix(col, amber, cover(math.Hypot(x-agency.x, y-agency.y)-agency.r, s))
			img.SetNRGBA(px, py, color.NRGBA{uint8(col[0]), uint8(col[1]), uint8(col[2]), uint8(255 * a)})
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img) // writing to memory cannot fail
	return buf.Bytes()
}

// cover turns a signed distance (negative inside, in icon units) into pixel
// coverage with one pixel of anti-aliasing.
func cover(d, size float64) float64 {
	return math.Max(0, math.Min(1, 0.5-d*size))
}

func mix(a, b [3]float64, t float64) [3]float64 {
	return [3]float64{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t, a[2] + (b[2]-a[2])*t}
}

// segment is the distance from (x, y) to the segment (ax, ay)-(bx, by).
func segment(x, y, ax, ay, bx, by float64) float64 {
	dx, dy := bx-ax, by-ay
	t := math.Max(0, math.Min(1, ((x-ax)*dx+(y-ay)*dy)/(dx*dx+dy*dy)))
	return math.Hypot(x-(ax+t*dx), y-(ay+t*dy))
}

// roundedBox is the signed distance to a box with rounded corners.
func roundedBox(x, y, x0, y0, x1, y1, r float64) float64 {
	cx, cy := (x0+x1)/2, (y0+y1)/2
	hx, hy := (x1-x0)/2-r, (y1-y0)/2-r
	qx, qy := math.Abs(x-cx)-hx, math.Abs(y-cy)-hy
	return math.Hypot(math.Max(qx, 0), math.Max(qy, 0)) + math.Min(math.Max(qx, qy), 0) - r
}

var icon = sync.OnceValue(func() fyne.Resource {
	return fyne.NewStaticResource("Icon.png", IconPNG(256))
})

// Icon returns the app icon as a resource.
func Icon() fyne.Resource { return icon() }
