//go:build unix

package archive

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// shmDMS is the byte of the -shm file that every SQLite connection to a
// WAL database holds a shared lock on while it is open (the first one to
// open takes it exclusively, to initialise the file): UNIX_SHM_DMS in
// SQLite's os_unix.c.
const shmDMS = 128

// shmLocks says whether lockSHM can tell that another process has an
// archive open.
const shmLocks = true

// lockSHM reports whether no other process has the archive whose -shm
// file is shm open and, if so, keeps it that way until unlock: it takes the
// exclusive lock on shmDMS, which makes another process's first open wait
// (SQLite retries a busy open within its busy timeout). A read-only
// caller only tests the lock. The locks are the process's: the caller
// must know that no connection of this process has the archive open, for
// closing the descriptor drops the process's locks on the file.
func lockSHM(shm string, readOnly bool) (unlock func(), ok bool) {
	flag, typ := os.O_RDWR|os.O_CREATE, int16(syscall.F_WRLCK)
	if readOnly {
		flag = os.O_RDONLY
	}
	f, err := os.OpenFile(shm, flag, 0o644)
	if readOnly && errors.Is(err, os.ErrNotExist) {
		return func() {}, true // no -shm file: no connection has it open
	}
	if err != nil {
		return nil, false
	}
	lk := syscall.Flock_t{Type: typ, Whence: io.SeekStart, Start: shmDMS, Len: 1}
	if readOnly {
		if err := syscall.FcntlFlock(f.Fd(), syscall.F_GETLK, &lk); err != nil || lk.Type != syscall.F_UNLCK {
			f.Close()
			return nil, false
		}
		return func() { f.Close() }, true
	}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &lk); err != nil {
		f.Close()
		return nil, false
	}
	return func() { f.Close() }, true // closing releases the lock
}
