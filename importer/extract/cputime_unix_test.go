//go:build unix

package extract

import "syscall"

// cpuTime returns the CPU time (user + system) the process has used, in
// nanoseconds, so that benchmarks on a busy machine can report the work
// done rather than the wall time waited.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
