# Thin wrapper over CMake (cmark's layout): short names for the common jobs.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
FUZZ_SECONDS ?= 60
# CI builds treat warnings as errors (CI=true is set by the CI runner).
ifeq ($(CI),true)
CMAKE_FLAGS += -DCOPYDESK_WERROR=ON
endif

# Sanitizer and fuzz builds use clang (libFuzzer ships with it; Debian: clang,
# libclang-rt-14-dev). Sanitizer reports abort (a signal the test drivers see)
# and LeakSanitizer stays on. The pathological suite allows twice its usual
# cost ratio (measured under ASan: the highest ratio stays at 5.8 of 16; only
# the gzip bomb's doubles, against an uninstrumented zlib) and timeout.
SAN_CC ?= clang
SAN_CXX ?= clang++
SAN_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:suppressions=$(CURDIR)/tests/asan.supp \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1 \
	CD_PATHOLOGICAL_SLOWDOWN=2
SAN_CMAKE = -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS=-O1 -DCMAKE_CXX_FLAGS=-O1 \
	-DCMAKE_C_COMPILER=$(SAN_CC) -DCMAKE_CXX_COMPILER=$(SAN_CXX) $(CMAKE_FLAGS)
VALGRIND = valgrind --quiet --suppressions=tests/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1

.PHONY: all deps check test quality bench asan ubsan fuzz fuzz-build fuzz-ci fuzz-merge leakcheck ci \
	clean format lint example install uninstall

all: $(BUILD)/Makefile
	@$(MAKE) -s -C $(BUILD) -j$(JOBS)

$(BUILD)/Makefile: CMakeLists.txt
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

deps:
	scripts/install-deps

# Install the CLI, header, static and shared libraries, copydesk.pc, the man
# pages copydesk(1) and libcopydesk(3) and the licence under $(DESTDIR)$(PREFIX)
# (bin/, include/, lib/, lib/pkgconfig/, share/man/, share/doc/copydesk/).
# PREFIX is given to the installer, not the build: no recompilation.
PREFIX ?= /usr/local
install: all
	DESTDIR=$(if $(DESTDIR),$(abspath $(DESTDIR))) cmake --install $(BUILD) --prefix $(PREFIX)

# Remove what the last `make install` wrote (CMake's install_manifest.txt).
uninstall:
	@test -f $(BUILD)/install_manifest.txt || { echo "uninstall: nothing installed from $(BUILD)"; exit 1; }
	xargs -d '\n' rm -f < $(BUILD)/install_manifest.txt

check: all
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)
	@echo "make check: all suites passed"

test: check

# Build quietly (errors still reach stderr), then print the bundled page's article.
example:
	@$(MAKE) -s all >/dev/null
	@$(BUILD)/copydesk examples/news.html

quality: all
	python3 tests/quality/gate.py --bin $(BUILD)/copydesk

bench: all
	python3 bench/bench.py --bin $(BUILD)/copydesk
	python3 bench/sizes.py --bin $(BUILD)/copydesk

asan:
	cmake -S . -B build-asan $(SAN_CMAKE) -DCOPYDESK_SANITIZE=ON >/dev/null
	$(MAKE) -s -C build-asan -j$(JOBS)
	cd build-asan && $(SAN_ENV) ctest --output-on-failure -j$(JOBS)
	@echo "make asan: all suites passed under ASan+UBSan"

ubsan:
	cmake -S . -B build-ubsan $(SAN_CMAKE) -DCOPYDESK_UBSAN=ON >/dev/null
	$(MAKE) -s -C build-ubsan -j$(JOBS)
	cd build-ubsan && $(SAN_ENV) ctest --output-on-failure -j$(JOBS)
	@echo "make ubsan: all suites passed under UBSan"

# libFuzzer targets (fuzz/fuzz_*.c), each run FUZZ_SECONDS on a temporary copy
# of its corpus (fuzz/corpus/NAME); any crash fails. FUZZ_TARGETS picks some.
fuzz-build:
	cmake -S . -B build-fuzz $(SAN_CMAKE) -DCOPYDESK_FUZZ=ON >/dev/null
	$(MAKE) -s -C build-fuzz -j$(JOBS) fuzz_targets

fuzz: fuzz-build
	$(SAN_ENV) python3 fuzz/run_fuzz.py --bin-dir build-fuzz/fuzz --seconds $(FUZZ_SECONDS) \
		--jobs $(JOBS) $(FUZZ_TARGETS)

# What CI runs: every target a fixed number of runs from a fixed seed
# (fuzz/run_fuzz.py's CI_RUNS), so it explores the same inputs on any machine.
fuzz-ci: fuzz-build
	$(SAN_ENV) python3 fuzz/run_fuzz.py --bin-dir build-fuzz/fuzz --ci --jobs $(JOBS) $(FUZZ_TARGETS)

# Merge the inputs of FUZZ_FROM (directories, e.g. a long run's --corpus-dir)
# that add coverage into the in-tree corpus. The only rule that writes fuzz/corpus/.
fuzz-merge: fuzz-build
	$(SAN_ENV) python3 fuzz/run_fuzz.py --bin-dir build-fuzz/fuzz --merge \
		$(addprefix --from ,$(FUZZ_FROM)) $(FUZZ_TARGETS)

# Valgrind over the C tests and a CLI batch over wcxb-dev (plain build).
leakcheck: all
	@set -e; for t in $(BUILD)/tests/test_*; do \
		echo "leakcheck: $$t"; $(VALGRIND) $$t >/dev/null; done
	$(VALGRIND) $(BUILD)/copydesk --json -q ../shared/data/wcxb-dev/html >/dev/null
	@echo "make leakcheck: no leaks, no memory errors"

# What CI runs: gcc build + every suite, every suite again under clang
# ASan+UBSan, then a short fuzz run of every target (counted in runs, not seconds),
# and cppcheck (make lint), so a lint finding cannot land unseen.
ci:
	$(MAKE) check
	$(MAKE) lint
	$(MAKE) asan
	$(MAKE) fuzz-ci
	@echo "make ci: passed"

format:
	clang-format -i include/*.h src/*/*.[ch] cli/*.c tests/api/*.[ch]

lint:
# unknownMacro: cppcheck does not follow the field table's pasted macro names
# (CD_META_SOURCE_##source in src/meta/meta.h over include/copydesk_fields.def).
	cppcheck --quiet -j $(JOBS) --error-exitcode=1 --enable=warning,portability \
		--suppress=unknownMacro:include/copydesk_fields.def -Iinclude -Isrc src cli

clean:
	rm -rf $(BUILD) build-asan build-ubsan build-fuzz

# The Python module (python/, Debian's /usr/bin/python3 and python3-setuptools):
# compiles the library's sources with the extension into $(BUILD)/python;
# use it with PYTHONPATH=$(BUILD)/python. Installing instead (README, offline):
# /usr/bin/python3 -m venv --system-site-packages .venv && .venv/bin/pip install --no-build-isolation ./python
.PHONY: python
python:
	cd python && /usr/bin/python3 setup.py -q build -j $(JOBS) \
		--build-base $(abspath $(BUILD))/python-tmp --build-lib $(abspath $(BUILD))/python
	PYTHONPATH=$(abspath $(BUILD))/python /usr/bin/python3 -c \
		"import copydesk; print('make python: copydesk', copydesk.__version__, 'in $(BUILD)/python')"
