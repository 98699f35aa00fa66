// Command wiretrace imports news articles into a single-file archive,
// searches them and traces where their text came from.
//
// Each subcommand lives in a file of its own and registers itself in init;
// main only maps errors to exit codes.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/wiretrace/wiretrace/internal/termsafe"
)

func main() {
	// WIRETRACE_CPUPROFILE=FILE writes a CPU profile of the run, for
	// benchmarking the command line itself.
	if p := os.Getenv("WIRETRACE_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			pprof.StartCPUProfile(f)
			defer f.Close()
		}
	}
	// WIRETRACE_HEAPPROFILE=FILE writes a heap profile of the run each
	// time the live heap is larger than ever before (checked every
	// second), for finding what holds memory at the peak.
	if p := os.Getenv("WIRETRACE_HEAPPROFILE"); p != "" {
		go writeHeapPeaks(p)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	pprof.StopCPUProfile()
	os.Exit(exitCode(os.Stderr, err))
}

// writeHeapPeaks writes a heap profile to path whenever the heap in use
// after a collection has grown past its largest so far.
func writeHeapPeaks(path string) {
	var peak uint64
	for range time.Tick(time.Second) {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if ms.HeapAlloc <= peak {
			continue
		}
		peak = ms.HeapAlloc
		if f, err := os.Create(path); err == nil {
			pprof.Lookup("heap").WriteTo(f, 0)
			f.Close()
		}
	}
}

// exitCode prints err as one line and returns the exit status for it:
// 0 on success, 2 on bad usage, 1 on any other failure. The line is
// escaped (termsafe.Line): errors quote file names and archive contents.
func exitCode(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "wiretrace: %s\n", termsafe.Line(ue.err.Error()))
		if ue.usage != "" {
			fmt.Fprintf(stderr, "usage: %s\n", ue.usage)
		}
		return 2
	}
	if errors.Is(err, errSilentFailure) {
		return 1
	}
	fmt.Fprintf(stderr, "wiretrace: %s\n", termsafe.Line(err.Error()))
	return 1
}
