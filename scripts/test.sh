#!/usr/bin/env bash
# Installs what is needed, checks the layout (.clang-format), builds, and runs every test: a
# normal build (warnings are errors), a few targets with the Unix Makefiles generator, the .deb
# checked by scripts/check-package.sh, then every suite but the widgets' under
# AddressSanitizer + UndefinedBehaviorSanitizer (the code that handles sockets, processes and
# what came from the network). Debug information is line tables only (-g1): enough for a
# sanitizer's or a debugger's backtrace, and the builds are a good part faster.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

export QT_QPA_PLATFORM=offscreen
jobs=$(nproc)
status=0

echo "== format (.clang-format)"
scripts/check-format.sh || status=1

echo "== build (RelWithDebInfo, warnings are errors)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOCKETLAB_WERROR=ON \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" >/dev/null
cmake --build build -j "$jobs"
# CMake's default generator must build too; a few cheap targets cover the rules that write
# into folders of their own (the changelog, the locale for the man pages, the translations).
echo "== build (Unix Makefiles: translations, changelog, locale)"
cmake -S . -B build-make -G "Unix Makefiles" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSOCKETLAB_WERROR=ON >/dev/null
cmake --build build-make -j "$jobs" --target socketlab_i18n socketlab_changelog socketlab_locale
echo "== tests"
ctest --test-dir build --output-on-failure -j "$jobs" || status=1
echo "== package checks (.deb, lintian, desktop file, AppStream, man pages)"
scripts/check-package.sh build || status=1

echo "== build (AddressSanitizer + UndefinedBehaviorSanitizer, without the widgets)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSOCKETLAB_SANITIZE=ON \
    -DSOCKETLAB_WERROR=ON -DSOCKETLAB_WIDGETS=OFF -DCMAKE_CXX_FLAGS_DEBUG=-g1 >/dev/null
cmake --build build-asan -j "$jobs"
echo "== tests under sanitizers"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs" || status=1
exit $status
