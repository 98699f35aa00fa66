//go:build !nogui && linux && cgo

package main

// Fyne (v2.7) parses the user's locale while its packages initialise, and
// logs "Error parsing user locale C" on every run when LANG or LC_ALL is C,
// POSIX or C.UTF-8, as on many servers and containers. No Go code runs
// before package initialisation, so this C constructor, which runs when the
// program is loaded, reads such a "no preference" locale as en_US.UTF-8 for
// this process. It replaces the variable in place, where the Go runtime
// then reads it.

/*
#include <stdlib.h>
#include <string.h>

__attribute__((constructor)) static void wiretrace_plain_locale(void) {
	const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
	for (int i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (v == NULL || *v == 0) {
			continue;
		}
		if (strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0 || strncmp(v, "C.", 2) == 0) {
			setenv(vars[i], "en_US.UTF-8", 1);
		}
		return; // the first one set is the one that counts
	}
}
*/
import "C"
