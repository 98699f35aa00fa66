#!/bin/sh
# Rebuilds wiretrace and takes the screenshots in docs/ of the desktop app
# on the seed archive (wiretrace demo), under a virtual X server, at
# 1280x800 (main-window.png, provenance.png) and at 1024x640 and
# 1920x1080 (the same names with -WxH). With SCREENSHOT_ARCHIVE set to an
# archive file (e.g. from wiretrace gen --articles 100000 --seed 7 --db),
# also the date histogram of a search of it: large-archive[-WxH].png.
#
# Needs: Go, a C compiler and the GL/X11 headers (see README), and the
# Debian packages xvfb x11-apps imagemagick. Run from anywhere:
#
#	sh docs/screenshots.sh
set -eu

cd "$(dirname "$0")/.."
out=docs
bin=$(mktemp -d)/wiretrace
display=${SCREENSHOT_DISPLAY:-:99}
sizes=${SCREENSHOT_SIZES:-1280x800 1024x640 1920x1080}
convert=/usr/bin/convert # ImageMagick's, not a stand-in earlier on PATH

for tool in Xvfb xwd "$convert"; do
	command -v "$tool" >/dev/null || { echo "screenshots: $tool missing (apt-get install xvfb x11-apps imagemagick)" >&2; exit 1; }
done

echo "building $bin"
go build -o "$bin" ./cmd/wiretrace

xvfb=
trap 'kill $xvfb 2>/dev/null; rm -rf "$(dirname "$bin")"' EXIT INT TERM

# shot NAME COMMAND ARGS...: starts wiretrace COMMAND (demo or gui) with
# ARGS, waits, saves docs/NAME.png.
shot() {
	name=$1
	cmd=$2
	shift 2
	ready=$(dirname "$bin")/ready
	rm -f "$ready"
	DISPLAY=$display LANG=en_US.UTF-8 HOME=$(dirname "$bin") "$bin" "$cmd" --size $size --quit-after 120s --ready-file "$ready" "$@" &
	app=$!
	# The app creates $ready once the search and the article are shown.
	for _ in $(seq 100); do
		[ -e "$ready" ] && break
		kill -0 $app 2>/dev/null || { echo "screenshots: wiretrace $cmd exited early" >&2; exit 1; }
		sleep 1
	done
	[ -e "$ready" ] || { echo "screenshots: wiretrace $cmd was not ready after 100 s" >&2; exit 1; }
	sleep 2 # let the frame be drawn
	DISPLAY=$display xwd -root -silent | "$convert" xwd:- -crop ${size}+0+0 +repage "$out/$name.png"
	kill $app 2>/dev/null || true
	wait $app 2>/dev/null || true
	echo "wrote $out/$name.png"
}

for size in $sizes; do
	[ -n "$xvfb" ] && { kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null || true; }
	Xvfb "$display" -screen 0 ${size}x24 -nolisten tcp >/dev/null 2>&1 &
	xvfb=$!
	sleep 2
	suffix=-$size
	[ "$size" = 1280x800 ] && suffix=
	# The main window: a search, its facets, and the AFP original in the reader.
	shot main-window$suffix demo --query Tokayev --open 1 --tab article
	# The provenance panel of the AFP dispatch, with the evidence of a link.
	shot provenance$suffix demo --query Tokayev --open 1 --tab provenance --link 1
	# A large archive's dates: years of matches under their ticks.
	if [ -n "${SCREENSHOT_ARCHIVE:-}" ]; then
		shot large-archive$suffix gui --db "$SCREENSHOT_ARCHIVE" --query "government minister" --open 1 --tab article
	fi
done
