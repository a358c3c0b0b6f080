# Every target sets up what it needs itself; set-up is skipped when nothing changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready
NODE_READY := node_modules/.ready
FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# The handouts: WeasyPrint's libraries, the font the PDFs embed, and poppler-utils (the tests
# turn the PDFs back into pictures to read the QR code).
HANDOUT_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-inter poppler-utils
DEBS_READY := .cache/handout-debs.ready
PORT ?= 8000
# make publish TARGET=user@host:/srv/velferdslab (or a local folder): where the releases live.
TARGET ?=
# make review BASE_URL=https://…: the address a review build is served at (default: site.yaml's);
# make publish-review: BRANCH is the branch under review, BASE_URL where previews are served.
BASE_URL ?=
BRANCH ?=
# CI on a plain Debian image (.ci/run, the workflows): Chromium, Java, nginx with brotli, rsync.
CI_DEBS := chromium default-jre-headless nginx libnginx-mod-http-brotli-static rsync
RSYNC := /usr/bin/rsync
# make bench: the peers (Hugo, Pelican, MkDocs) live in their own venv, pinned separately.
BENCH_VENV := bench/.venv
BENCH_READY := $(BENCH_VENV)/.ready
N ?= 1000
REPS ?= 3
# make bench BASELINE=HEAD~1: also time that commit's builds, side by side in each round.
BASELINE ?=

.PHONY: build check serve edit test lint format audit bench publish rollback releases clean
.PHONY: review publish-review ci-setup

$(READY): pyproject.toml | $(DEBS_READY)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

# Pinned npm tools (axe-core, vnu-jar, lighthouse, Decap CMS and its proxy); scripts off: nothing
# is downloaded at install. Debian's nodejs and npm are installed when node is missing.
$(NODE_READY): package.json package-lock.json
	@command -v node >/dev/null && command -v npm >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends nodejs npm; }
	npm ci --ignore-scripts --no-audit --no-fund
	@touch $@

# Debian packages for the handouts, installed with apt-get only when one is missing.
$(DEBS_READY): Makefile
	@missing=$$(for p in $(HANDOUT_DEBS); do dpkg-query -W -f='$${db:Status-Status}\n' $$p \
	  2>/dev/null | grep -qx installed || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install \
	    -y -qq --no-install-recommends $$missing; \
	fi
	@mkdir -p $(@D) && touch $@

# The share images are drawn in DejaVu Sans: Debian's fonts-dejavu-core, installed when missing.
$(FONT):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends fonts-dejavu-core

# Publishing copies the site with rsync: Debian's rsync, installed when missing.
$(RSYNC):
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends rsync

## build: build the site into site/
build: $(READY) $(FONT)
	$(BIN)/python build.py

## check: validate content and links without writing site/
check: $(READY) $(FONT)
	$(BIN)/python build.py check

## serve: build, then open the live preview on http://127.0.0.1:$(PORT)/
serve: $(READY) $(FONT)
	$(BIN)/python build.py serve --port $(PORT)

## edit: the browser editor (Decap CMS) on http://127.0.0.1:$(PORT)/admin/, with the live preview
edit: $(READY) $(NODE_READY) $(FONT)
	$(BIN)/python build.py edit --port $(PORT)

## lint: ruff (lint and format check) and mypy
lint: $(READY)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## format: apply ruff's formatting and safe fixes
format: $(READY)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## test: lint, then every test (browser tests included)
test: lint $(NODE_READY) $(FONT)
	$(BIN)/python -m pytest

## audit: Lighthouse scores for key pages in both languages (not part of test)
audit: $(READY) $(NODE_READY) $(FONT)
	$(BIN)/python tools/audit.py

## publish: build, then put site/ live on the web server as a new release (TARGET=user@host:/path or a folder)
publish: $(READY) $(FONT) $(RSYNC)
	$(BIN)/python build.py publish --target "$(TARGET)"

## review: a preview build with drafts into .cache/review/, marked on every page, never indexed (BASE_URL=…)
review: $(READY) $(FONT)
	$(BIN)/python build.py review $(if $(BASE_URL),--base-url "$(BASE_URL)")

## publish-review: review, then put it live at TARGET/previews/<branch slug>/ (TARGET=…, BRANCH=…, BASE_URL=…)
publish-review: $(READY) $(FONT) $(RSYNC)
	$(BIN)/python build.py publish-review --target "$(TARGET)" --branch "$(BRANCH)" --base-url "$(BASE_URL)"

## ci-setup: the Debian packages the whole test suite needs, installed when missing (for CI)
ci-setup:
	@missing=$$(for p in $(CI_DEBS); do dpkg-query -W -f='$${db:Status-Status}\n' $$p \
	  2>/dev/null | grep -qx installed || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install \
	    -y -qq --no-install-recommends $$missing; \
	fi

## rollback: make the release before the live one live again (TARGET=user@host:/path or a folder)
rollback: $(READY) $(RSYNC)
	$(BIN)/python build.py rollback --target "$(TARGET)"

## releases: list the releases on the web server, marking the live one (TARGET=…)
releases: $(READY)
	$(BIN)/python build.py releases --target "$(TARGET)"

$(BENCH_READY): bench/requirements.txt
	@test -x $(BENCH_VENV)/bin/python || $(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	@touch $@

## bench: build times and memory against Hugo, Pelican and MkDocs (N=1000 pages, REPS=3; not part of test)
bench: $(READY) $(FONT) $(BENCH_READY)
	$(BIN)/python -m bench.run --n $(N) --reps $(REPS) $(if $(BASELINE),--baseline $(BASELINE)) $(BENCH_ARGS)

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
