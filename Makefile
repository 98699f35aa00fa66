# Wiretrace build, demo and test targets.
#
#   make demo   install what is missing (Debian/Ubuntu), then open the app on the seed articles
#   make test   install what is missing, then gofmt, go vet, every test, short fuzzing,
#               and the Windows and Linux release builds
#
# On Debian/Ubuntu the targets apt-get the C compiler and the GL/X11 headers
# that Fyne needs (with sudo when not root). Other systems: see README.md.

export PATH := $(PATH):/usr/local/go/bin
GO ?= go

# Debian packages for a cgo build of the Fyne app. Fyne >= 2.8 builds both
# its X11 and its Wayland backend (chosen when the app starts), hence the
# Wayland and xkbcommon headers.
APT_BUILD = gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev \
	libwayland-dev libxkbcommon-dev
# Extra packages for the acceptance checks, screenshots and the Windows build.
APT_EXTRA = jq sqlite3 time xvfb x11-apps imagemagick gcc-mingw-w64-x86-64

.PHONY: forks fuzz demo test deps deps-extra build build-nogui windows package screenshots checks bench

define apt_install
	@if command -v apt-get >/dev/null 2>&1 && ! dpkg -s $(1) >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		echo "installing $(1)"; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(1); \
	fi
endef

deps:
	$(call apt_install,$(APT_BUILD))

deps-extra: deps
	$(call apt_install,$(APT_EXTRA))

build: deps
	$(GO) build -o wiretrace ./cmd/wiretrace

# The command line alone, without cgo and without the desktop app (servers).
build-nogui:
	CGO_ENABLED=0 $(GO) build -tags nogui -o wiretrace-nogui ./cmd/wiretrace

demo: build
	./wiretrace demo

test: deps
	@unformatted=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) mod tidy -diff # fails when go.mod or go.sum is not tidy
	$(GO) vet ./...
	$(GO) test ./...
	$(MAKE) forks
	CGO_ENABLED=0 $(GO) build -tags nogui -o /dev/null ./cmd/wiretrace
	$(MAKE) fuzz FUZZTIME=$(FUZZTIME)
	$(MAKE) windows package

# The forks kept in third_party/ (README, "Forks"): each is re-created from
# the pristine upstream module plus its patches and diffed with the committed
# copy, then upstream's tests and Wiretrace's run on it (with the test data
# upstream ships, which the committed copies may leave out).
FORKS = go-dateparser go-trafilatura whatlanggo-abadojack
forks:
	@for f in $(FORKS); do \
		GO=$(GO) sh third_party/apply-patches.sh -check $$f && GO=$(GO) sh third_party/apply-patches.sh -test $$f || exit 1; \
	done

# Each fuzz target for a bounded number of executions, sized to take ~5-10 s
# on a 2-core machine. Counts, not durations: with a duration, Go 1.26's fuzz
# coordinator can fail a target with "context deadline exceeded" when the
# deadline races a worker (go.dev/issue/75804, fixed in Go 1.27); a count has
# no deadline. For a longer run: make fuzz FUZZTIME=10m (or FUZZTIME=1000000x).
FUZZTIME ?=
FUZZ_TARGETS = archive:FuzzTranslate:8000x importer:FuzzParseText:25000x importer:FuzzParseHTML:12000x \
	importer:FuzzContainers:20000x importer/charset:FuzzDecode:15000x importer/extract:FuzzHTML:6000x \
	provenance:FuzzLink:1500x provenance/agency:FuzzDetect:15000x archive:FuzzLocateSpaced:30000x \
	importer/extract:FuzzNormalizeSpace:30000x archive:FuzzOpenArchive:400x
fuzz:
	@for t in $(FUZZ_TARGETS); do pkg=$${t%%:*}; rest=$${t#*:}; fn=$${rest%%:*}; budget=$(FUZZTIME); budget=$${budget:-$${rest#*:}}; \
		echo "fuzz $$pkg $$fn ($$budget)"; \
		$(GO) test ./$$pkg -run '^$$' -fuzz "^$$fn\$$" -fuzztime $$budget >/tmp/wiretrace-fuzz.log 2>&1 || { tail -20 /tmp/wiretrace-fuzz.log; exit 1; }; \
		grep -o 'execs: [0-9]*' /tmp/wiretrace-fuzz.log | tail -1; \
	done

# Acceptance checks kept beside the project (../shared/checks), when present.
checks: deps-extra
	@for c in foundation provenance; do bash ../shared/checks/$$c.sh || exit 1; done

# The Windows executable is also the command line, so it keeps its console.
windows: deps-extra
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc $(GO) build -o wiretrace.exe ./cmd/wiretrace

# Linux bundle (Wiretrace.tar.xz: binary, .desktop file, icon) from FyneApp.toml.
package: deps
	$(GO) build -trimpath -ldflags "-s -w" -o wiretrace ./cmd/wiretrace
	$(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux --exe wiretrace --release

screenshots: deps-extra
	bash docs/screenshots.sh
