package wiretrace_test

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestPureLayers checks the layering of ../shared/STYLE.md with go list
// -deps: the provenance engine and its agency rules compute on domain
// values and never reach the SQLite store.
func TestPureLayers(t *testing.T) {
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	forbidden := []string{"modernc.org/sqlite", "github.com/wiretrace/wiretrace/archive", "database/sql"}
	for _, pkg := range []string{"./provenance", "./provenance/agency"} {
		t.Run(pkg, func(t *testing.T) {
			out, err := exec.Command(goBin, "list", "-deps", pkg).Output()
			if err != nil {
				t.Fatalf("go list -deps %s: %v", pkg, err)
			}
			deps := strings.Fields(string(out))
			if len(deps) < 10 {
				t.Fatalf("go list -deps %s listed only %d packages: %q", pkg, len(deps), deps)
			}
			for _, d := range deps {
				for _, f := range forbidden {
					if d == f || strings.HasPrefix(d, f+"/") {
						t.Errorf("%s depends on %s", pkg, d)
					}
				}
			}
		})
	}
}
