# zitdag: `make run` for the demo, `make test` for the tests. Both install what is missing first.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SYSTEM_PACKAGES := libical-dev libsqlite3-dev tzdata valgrind
OUT := out
SEED ?= 1
# The demo's horizon starts on the Monday after this date.
START ?= 2026-11-23

.PHONY: deps build run test leak-check bench clean
CORPUS ?= ../shared/corpus/ics

deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product zitdag

# The main job on a demo: generate a job team's problem, plan it, check the plan, show the first week.
run: build
	@mkdir -p $(OUT)
	.build/release/zitdag generate --size jobteam --seed $(SEED) --start $(START) --out $(OUT)/demo-problem.json
	.build/release/zitdag solve $(OUT)/demo-problem.json --out $(OUT)/demo-plan.json --seed $(SEED)
	.build/release/zitdag check $(OUT)/demo-problem.json $(OUT)/demo-plan.json
	.build/release/zitdag show $(OUT)/demo-problem.json $(OUT)/demo-plan.json

# The leak check first, so that the test runner's summary closes the output.
test: deps
	$(MAKE) leak-check LEAK_SAMPLE=8
	$(SWIFT) test -c release

# libical under valgrind: every file of the corpus and Calendars/ through the calendar module
# (LEAK_SAMPLE=N takes every Nth corpus file). Fails on any memory error or definite leak.
LEAK_SAMPLE ?= 1
leak-check: deps
	$(SWIFT) build --product calendar-leak-check
	valgrind -q --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --error-exitcode=9 \
	  .build/debug/calendar-leak-check $$(ls $(CORPUS)/*.ics | awk 'NR % $(LEAK_SAMPLE) == 0') Calendars/*.ics

bench: deps
	ZITDAG_BENCHMARKS=1 $(SWIFT) package --scratch-path .build-bench benchmark

clean:
	rm -rf .build $(OUT) Benchmarks/.build
