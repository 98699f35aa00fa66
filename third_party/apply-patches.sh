#!/bin/sh
# Re-creates a fork in third_party/ from the pristine upstream module and
# the fork's patches.
#
#   third_party/apply-patches.sh FORK [DEST]   write the fork to DEST
#                                              (default: third_party/FORK itself)
#   third_party/apply-patches.sh -check FORK   re-create FORK in a temp dir and
#                                              diff it with the committed copy
#   third_party/apply-patches.sh -test FORK    re-create FORK with everything
#                                              upstream ships (test data too) and
#                                              run upstream's tests and ours on it
#
# FORK/UPSTREAM names the module, its version and go.sum hash, what of the
# module the committed copy leaves out (EXCLUDE) and what the -test copy
# leaves out too (TEST_EXCLUDE: code the committed copy does not have).
# The pristine module comes from the Go module proxy (go mod download), its
# hash is checked, FORK/patches/*.patch are applied in name order (patch
# -p1), the scripts FORK/patches/*.sh are run in the tree (for changes to
# generated files, made by a script instead of by hand), then UPSTREAM,
# WIRETRACE.md and patches/ are copied in. -test runs the tests with upstream's own go.mod
# (-modfile) at the patched go version, so test-only requirements need not
# be in the fork's go.mod.
set -eu

mode=write
case "${1:-}" in
-check | -test) mode=${1#-}; shift ;;
esac
[ $# -ge 1 ] || { sed -n '2,13p' "$0"; exit 2; }
fork=${1%/}
tp=$(cd "$(dirname "$0")" && pwd)
meta=$tp/$fork
[ -f "$meta/UPSTREAM" ] || { echo "apply-patches: $meta/UPSTREAM: no such file" >&2; exit 1; }
GO=${GO:-go}
export GOTOOLCHAIN=local GOFLAGS=-mod=mod

MODULE= VERSION= SUM= EXCLUDE= TEST_EXCLUDE=
. "$meta/UPSTREAM"

work=$(mktemp -d "${TMPDIR:-/tmp}/apply-patches.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT

# The pristine module, from the proxy (or the module cache), hash checked.
json=$(cd "$work" && $GO mod download -json "$MODULE@$VERSION")
dir=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",*$/\1/p')
sum=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Sum": "\(.*\)",*$/\1/p')
[ -n "$dir" ] || { echo "apply-patches: go mod download $MODULE@$VERSION failed:" >&2; printf '%s\n' "$json" >&2; exit 1; }
[ "$sum" = "$SUM" ] || { echo "apply-patches: $MODULE@$VERSION: hash $sum, UPSTREAM says $SUM" >&2; exit 1; }

src=$work/src
cp -R "$dir" "$src"
chmod -R u+w "$src"
if [ "$mode" = test ]; then
	cp "$src/go.mod" "$work/upstream.mod"
	if [ -f "$src/go.sum" ]; then cp "$src/go.sum" "$work/upstream.sum"; else : >"$work/upstream.sum"; fi
	for x in $TEST_EXCLUDE; do rm -rf "${src:?}/$x"; done
else
	for x in $EXCLUDE; do rm -rf "${src:?}/$x"; done
fi

for p in "$meta"/patches/*.patch; do
	[ -e "$p" ] || continue
	(cd "$src" && patch -p1 -s -f --no-backup-if-mismatch <"$p") || { echo "apply-patches: $p does not apply" >&2; exit 1; }
done
for s in "$meta"/patches/*.sh; do
	[ -e "$s" ] || continue
	(cd "$src" && sh "$s") || { echo "apply-patches: $s failed" >&2; exit 1; }
done
cp "$meta/UPSTREAM" "$src/UPSTREAM"
[ ! -f "$meta/WIRETRACE.md" ] || cp "$meta/WIRETRACE.md" "$src/WIRETRACE.md"
cp -R "$meta/patches" "$src/patches"

case $mode in
write)
	dest=${2:-$meta}
	if [ -e "$dest" ]; then
		chmod -R u+w "$dest"
		rm -rf "${dest:?}"
	fi
	mkdir -p "$(dirname "$dest")"
	cp -R "$src" "$dest"
	echo "apply-patches: $fork: $MODULE@$VERSION + $(ls "$meta"/patches | wc -l) patches -> $dest"
	;;
check)
	if diff -r "$src" "$meta" >"$work/diff"; then
		echo "apply-patches: $fork: the committed copy is $MODULE@$VERSION + its patches"
	else
		cat "$work/diff"
		echo "apply-patches: $fork: the committed copy differs from $MODULE@$VERSION + its patches" >&2
		exit 1
	fi
	;;
test)
	# Upstream's requirements (test ones too) at the patched go version.
	gover=$(sed -n 's/^go \([0-9.]*\)$/\1/p' "$src/go.mod")
	$GO mod edit -modfile="$work/upstream.mod" -go="$gover"
	echo "apply-patches: $fork: go test ./... on $MODULE@$VERSION + its patches"
	(cd "$src" && $GO test -modfile="$work/upstream.mod" ${TESTFLAGS:-} ./...)
	;;
esac
