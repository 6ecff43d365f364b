# zitdag: `make run` for the demo, `make test` for the tests. Both install what is missing first.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PACKAGES := libical-dev libsqlite3-dev libssl-dev tzdata valgrind
OUT := out
SEED ?= 1
# The demo's horizon starts on the Monday after this date.
START ?= 2026-11-23

.PHONY: deps web-deps build run load test web-check leak-check leak-check-built fuzz bench clean
CORPUS ?= ../shared/corpus/ics

deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi

# The browser test of the web desk: Debian's chromium and its driver, Selenium and axe-core from PyPI
# in a venv of its own.
WEB_PACKAGES := chromium chromium-driver python3-venv
WEB_VENV := .venv-web
web-deps:
	@missing=""; for p in $(WEB_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi
	@$(WEB_VENV)/bin/python -c "import selenium, axe_selenium_python" 2>/dev/null || { \
	  python3 -m venv $(WEB_VENV) && $(WEB_VENV)/bin/pip install -q "selenium>=4.20" "axe-selenium-python>=2.1.6"; }

# One release build, tests included, for everything: `make run` after `make test` (or the other way
# round) builds nothing again. (A product-only build differs from the test build in its flags, and
# rebuilt the whole graph.)
build: deps
	$(SWIFT) build -c release --build-tests

# The main job on a demo: generate a job team's problem, plan it, check the plan, show the first week;
# then serve the booking API on the embedded database out/zitdag.sqlite, seeded from Calendars/ on
# first start (Ctrl-C stops it). PORT=8080 by default.
PORT ?= 8080
DB ?= $(OUT)/zitdag.sqlite
run: build
	@mkdir -p $(OUT)
	.build/release/zitdag generate --size jobteam --seed $(SEED) --start $(START) --out $(OUT)/demo-problem.json
	.build/release/zitdag solve $(OUT)/demo-problem.json --out $(OUT)/demo-plan.json --seed $(SEED)
	.build/release/zitdag check $(OUT)/demo-problem.json $(OUT)/demo-plan.json
	.build/release/zitdag show $(OUT)/demo-problem.json $(OUT)/demo-plan.json
	.build/release/zitdag serve --demo --db $(DB) --port $(PORT)

# Load on loopback with wrk (installed when missing): slot queries and unchanged feeds.
load: build
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q wrk; }
	Benchmarks/load/run.sh .build/release/zitdag

# The libical leak check runs beside the tests: valgrind keeps one core busy for ~45 s, which before
# the tests made `make test` ~45 s longer; the tests rarely keep both cores busy. It prints only what
# it finds; make fails if either fails. (The tests run without asking SwiftPM again whether the
# build is current: that alone took 20 s.)
test: build web-deps
	@$(MAKE) --no-print-directory leak-check-built LEAK_SAMPLE=8 & leak=$$!; \
	$(SWIFT) test -c release --skip-build; tests=$$?; \
	wait $$leak; leaks=$$?; \
	if [ $$leaks -ne 0 ]; then echo "make test: the libical leak check failed (exit $$leaks)"; fi; \
	VENV=$(WEB_VENV) Tools/web-check.sh; web=$$?; \
	if [ $$web -ne 0 ]; then echo "make test: the web desk's browser test failed (exit $$web)"; fi; \
	[ $$tests -eq 0 ] && [ $$leaks -eq 0 ] && [ $$web -eq 0 ]

# The browser test alone, on the current build.
web-check: web-deps
	VENV=$(WEB_VENV) Tools/web-check.sh

# libical under valgrind: every file of the corpus and Calendars/ through the calendar module
# (LEAK_SAMPLE=N takes every Nth corpus file). Fails on any memory error or definite leak.
LEAK_SAMPLE ?= 1
leak-check: build
	$(MAKE) leak-check-built

leak-check-built:
	valgrind -q --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --error-exitcode=9 \
	  .build/release/calendar-check $$(ls $(CORPUS)/*.ics | awk 'NR % $(LEAK_SAMPLE) == 0') Calendars/*.ics

# libFuzzer (with AddressSanitizer) on the calendar module, seeded with the corpus and Calendars/;
# new inputs collect in .fuzz/corpus, crashes in .fuzz/ (FUZZ_SECONDS=N for longer runs).
FUZZ_SECONDS ?= 300
fuzz: deps
	$(SWIFT) build --scratch-path .build-fuzz --product calendar-check --sanitize fuzzer --sanitize address -Xswiftc -DFUZZING
	mkdir -p .fuzz/corpus .fuzz/seeds && cp $(CORPUS)/*.ics Calendars/*.ics .fuzz/seeds/
	SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1 .build-fuzz/debug/calendar-check -max_total_time=$(FUZZ_SECONDS) \
	  -timeout=10 -rss_limit_mb=4096 -max_len=65536 -artifact_prefix=.fuzz/ .fuzz/corpus .fuzz/seeds

bench: deps
	ZITDAG_BENCHMARKS=1 $(SWIFT) package --scratch-path .build-bench benchmark

clean:
	rm -rf .build .build-fuzz .fuzz $(OUT) Benchmarks/.build
