#!/bin/bash
# sidebyside.sh CORPUS BIN_A BIN_B [ROUNDS]: imports the folder CORPUS with
# two wiretrace binaries at the same time, ROUNDS times (default 2), each
# into a new archive in a temporary folder, and prints what each import
# reports with its wall time, user and system CPU and peak memory. Both
# imports share the machine, so their ratio holds on a machine whose speed
# drifts between one run and the next (BENCHMARKS.md, "Importing files").
set -euo pipefail
if [ $# -lt 3 ]; then
	echo "usage: $0 CORPUS BIN_A BIN_B [ROUNDS]" >&2
	exit 2
fi
corpus=$1 a=$2 b=$3 rounds=${4:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for r in $(seq "$rounds"); do
	for i in 0 1; do
		bin=$a
		[ "$i" = 1 ] && bin=$b
		(
			out=$({ /usr/bin/time -f "%e s wall, %U s user, %S s sys, %M KB peak" "$bin" import --quiet --db "$tmp/$i-$r.db" "$corpus"; } 2>&1 | tail -2 | tr '\n' ' ')
			echo "round $r, $bin: $out"
		) &
	done
	wait
	rm -f "$tmp"/*
done
