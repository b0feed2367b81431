# Thin wrapper over CMake (cmark's layout): short names for the common jobs.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=
FUZZ_SECONDS ?= 60
# CI builds treat warnings as errors (CI=true is set by the CI runner).
ifeq ($(CI),true)
CMAKE_FLAGS += -DCOPYDESK_WERROR=ON
endif

.PHONY: all deps check test quality bench asan ubsan clean format lint example

all: $(BUILD)/Makefile
	@$(MAKE) -s -C $(BUILD) -j$(JOBS)

$(BUILD)/Makefile: CMakeLists.txt
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

deps:
	scripts/install-deps

check: all
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)
	@echo "make check: all suites passed"

test: check

example: all
	$(BUILD)/copydesk examples/news.html

quality: all
	python3 tests/quality/gate.py --bin $(BUILD)/copydesk

bench: all
	python3 bench/bench.py --bin $(BUILD)/copydesk

asan:
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCOPYDESK_SANITIZE=ON >/dev/null
	$(MAKE) -s -C build-asan -j$(JOBS)
	cd build-asan && ctest --output-on-failure -j$(JOBS)

ubsan:
	cmake -S . -B build-ubsan -DCMAKE_BUILD_TYPE=Debug -DCOPYDESK_UBSAN=ON >/dev/null
	$(MAKE) -s -C build-ubsan -j$(JOBS)
	cd build-ubsan && ctest --output-on-failure -j$(JOBS)

format:
	clang-format -i include/*.h src/*/*.[ch] cli/*.c tests/api/*.[ch]

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability -Iinclude -Isrc src cli

clean:
	rm -rf $(BUILD) build-asan build-ubsan
