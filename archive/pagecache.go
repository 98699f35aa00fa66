package archive

import (
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
	// SQLite writes the size of a slot's header here. Memory SQLite
	// writes to comes from its own allocator: a Go pointer in a uintptr
	// fails the race detector's pointer checks.
	hdr := libc.Xmalloc(tls, 8)
	if hdr == 0 {
		return
	}
	defer libc.Xfree(tls, hdr)
	va := libc.NewVaList(hdr)
	rc := sqlite3.Xsqlite3_config(tls, sqlite3.SQLITE_CONFIG_PCACHE_HDRSZ, va)
	libc.Xfree(tls, va)
	if rc != sqlite3.SQLITE_OK || *(*int32)(cMem(hdr)) <= 0 {
		return
	}
	sz := (pageSize + int(*(*int32)(cMem(hdr))) + 7) &^ 7
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

// cMem returns the address p of memory from SQLite's allocator as a
// pointer. That memory is outside Go's heap and never moves; reading the
// uintptr's bits as a pointer says so to go vet, which flags every
// conversion of a uintptr.
func cMem(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }
