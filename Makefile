# SampleMind — the two set-up commands of README.md, and a few helpers.
#   make run     install missing apt packages, build (release) and start samplemind
#   make test    install missing apt packages and run the test suite
#   make bench   performance benchmark (see bench/README.md)
.PHONY: run test build bench eval

run: build
	.build/release/samplemind $(ARGS)

build:
	scripts/install-deps.sh
	swift build -c release --product samplemind

test:
	scripts/install-deps.sh
	swift test

bench:
	bench/run.sh

eval:
	swift build -c release --product samplemind
	python3 bench/eval_devset.py $(TRUTH)
