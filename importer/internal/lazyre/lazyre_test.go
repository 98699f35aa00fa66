package lazyre

import "testing"

func TestGet(t *testing.T) {
	r := New(`a(b+)`)
	if m := r.Get().FindStringSubmatch("xabbb"); len(m) != 2 || m[1] != "bbb" {
		t.Errorf("got %q", m)
	}
	if r.Get() != r.Get() {
		t.Error("compiled twice")
	}
}
