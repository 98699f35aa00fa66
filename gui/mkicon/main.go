// Command mkicon writes the Wiretrace icon (gui.IconPNG) to Icon.png, or
// to the file named by its argument. Run it from the repository root:
//
//	go run ./gui/mkicon
package main

import (
	"fmt"
	"os"

	"github.com/wiretrace/wiretrace/gui"
)

func main() {
	out := "Icon.png"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	if err := os.WriteFile(out, gui.IconPNG(512), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "mkicon:", err)
		os.Exit(1)
	}
}
