package archive

import (
	"runtime"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// pageSlots is how many pages of SQLite's page caches live in one block
// allocated once (SQLITE_CONFIG_PAGECACHE, 34 MB of address space, in
// memory once used); the others are allocated one by one. An import of
// 100k generated files with linking: 1,024 slots 505 files/s, 393 CPU-s,
// 241 MB peak; 2,048 slots 519 files/s, 384 CPU-s, 252 MB (without the
// block: 421 files/s, 454 CPU-s, 258 MB).
const pageSlots = 2048

// pageSize is the page size of archives (createFile).
const pageSize = 16384

func init() {
	configurePageCache()
}

// configurePageCache gives SQLite's page caches a block of pageSlots page
// slots, allocated once, which pages are taken from and given back to.
// Without it every page a connection reads is allocated on its own and
// freed when the connection drops its cache, which it does at its first
// read after another connection committed: an import commits three times
// a batch, and modernc.org/memory hands the freed pages back to the OS
// (madvise) and faults them in again. It must run before SQLite is
// initialised (by the first connection); it does nothing when SQLite
// refuses it.
func configurePageCache() {
	tls := libc.NewTLS()
	defer tls.Close()
	// SQLite writes the size of a slot's header here (Go's heap objects
	// do not move).
	hdr := new(int32)
	va := libc.NewVaList(uintptr(unsafe.Pointer(hdr)))
	rc := sqlite3.Xsqlite3_config(tls, sqlite3.SQLITE_CONFIG_PCACHE_HDRSZ, va)
	libc.Xfree(tls, va)
	runtime.KeepAlive(hdr)
	if rc != sqlite3.SQLITE_OK || *hdr <= 0 {
		return
	}
	sz := (pageSize + int(*hdr) + 7) &^ 7
	buf := libc.Xmalloc(tls, libc.Tsize_t(sz*pageSlots))
	if buf == 0 {
		return
	}
	va = libc.NewVaList(buf, int32(sz), int32(pageSlots))
	rc = sqlite3.Xsqlite3_config(tls, sqlite3.SQLITE_CONFIG_PAGECACHE, va)
	libc.Xfree(tls, va)
	if rc != sqlite3.SQLITE_OK {
		libc.Xfree(tls, buf)
	}
}
