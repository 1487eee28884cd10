#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the bulk parser's libFuzzer harness with clang (not part of the
# meson build), writes a small seed corpus, and optionally runs it:
#
#   tests/fuzz/build.sh [OUT_DIR]                      build only
#   tests/fuzz/build.sh [OUT_DIR] run [LIBFUZZER ARGS]   build, then fuzz
#
# OUT_DIR defaults to _build-fuzz in the source tree. The corpus grows in
# OUT_DIR/corpus (outside git); OUT_DIR/seeds is regenerated each time.
# Example: tests/fuzz/build.sh _build-fuzz run -max_total_time=180 -rss_limit_mb=2048
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-"$src/_build-fuzz"}
[ $# -gt 0 ] && shift
mkdir -p "$out"
out=$(cd "$out" && pwd)

cc=${CC:-clang}
glib_flags=$(pkg-config --cflags --libs glib-2.0 gobject-2.0 gio-2.0 json-glib-1.0)

# The sources only need config.h to exist.
[ -f "$out/config.h" ] || echo '#pragma once' > "$out/config.h"

# shellcheck disable=SC2086
$cc -g -O1 -fno-omit-frame-pointer \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DG_LOG_USE_STRUCTURED \
  -I"$out" -I"$src/src/clockify" \
  "$src/tests/fuzz/fuzz-entry-stream.c" \
  "$src/src/clockify/clockify-entry-stream.c" \
  "$src/src/clockify/clockify-entry-stream-values.c" \
  "$src/src/clockify/clockify-json-lexer.c" \
  "$src/src/clockify/clockify-json-lexer-strings.c" \
  "$src/src/clockify/clockify-json-text.c" \
  "$src/src/clockify/clockify-error.c" \
  $glib_flags -lm -o "$out/fuzz-entry-stream"

# shellcheck disable=SC2086
$cc -O1 "$src/tests/fuzz/make-seeds.c" $glib_flags -o "$out/make-seeds"
rm -rf "$out/seeds"
"$out/make-seeds" "$out/seeds"
mkdir -p "$out/corpus"

echo "Built $out/fuzz-entry-stream; seeds in $out/seeds"

if [ "${1:-}" = run ]; then
  shift
  cd "$out"
  G_DEBUG=fatal-criticals \
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
    exec ./fuzz-entry-stream -dict="$src/tests/fuzz/entry-stream.dict" "$@" corpus seeds
fi
