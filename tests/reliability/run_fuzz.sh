#!/bin/sh
# Runs the libFuzzer target for a bounded time (CI: about two minutes).
# usage: tests/reliability/run_fuzz.sh [SECONDS] [BUILD_DIR]
#   SECONDS    default 120
#   BUILD_DIR  default build-fuzz (configured here with clang, ASan, UBSan
#              and coverage for the fuzzer)
# The corpus starts from every tests/**/*.lr and lessons/*.lr script (the
# seeds/ folder holds scripts for the parts a plain search rarely reaches:
# limit, the parser's depth error, lesson checks, the subspace SVD, SGD
# kernels for k >= 12, MatrixMarket arrays, \xHH escapes), and the words
# of the language come from fuzz.dict. Crashes
# go to tests/reliability/crashes/; copy each into tests/reliability/regress/
# (fuzz_regress replays them in the normal test suite) once it is fixed.
# A second target, fuzz_image, feeds the picture reader from seeds_image/
# (crashes named image-*; replay them with fuzz_image_replay).
# Exit status: 0 if nothing was found, 1 if the fuzzer found a crash.
set -eu
seconds=${1:-120}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${2:-$root/build-fuzz}
case $build in /*) ;; *) build=$root/$build ;; esac

if [ ! -f "$build/build.ninja" ]; then
	CC=clang meson setup "$build" "$root" -Dfuzz=true -Dbuildtype=debugoptimized \
		-Db_sanitize=address,undefined -Db_lundef=false \
		-Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined' \
		-Dc_link_args='-fno-sanitize-recover=undefined'
fi
ninja -C "$build" tests/reliability/fuzz_lang tests/reliability/fuzz_image

corpus=$build/fuzz-corpus
crashes=$here/crashes
mkdir -p "$corpus" "$crashes"
# Seeds: every script of the tests and the lessons.
find "$root/tests" "$root/lessons" -name '*.lr' -type f 2>/dev/null | while read -r f; do
	cp "$f" "$corpus/seed-$(echo "$f" | sed "s|$root/||; s|/|-|g")"
done
cp "$here"/regress/* "$corpus"/ 2>/dev/null || true

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
"$build/tests/reliability/fuzz_lang" "$corpus" -max_total_time="$seconds" -max_len=4096 \
	-timeout=5 -rss_limit_mb=2048 -dict="$here/fuzz.dict" -artifact_prefix="$crashes/" \
	-print_final_stats=1 || status=$?
# The picture reader, a quarter of the time, from the seed pictures.
icorpus=$build/fuzz-corpus-image
mkdir -p "$icorpus"
cp "$here"/seeds_image/* "$icorpus"/
"$build/tests/reliability/fuzz_image" "$icorpus" -max_total_time="$((seconds / 4 + 1))" \
	-max_len=65536 -timeout=5 -rss_limit_mb=2048 -artifact_prefix="$crashes/image-" \
	-print_final_stats=1 || status=$?
found=$(find "$crashes" -type f ! -name .gitignore | wc -l)
if [ "$status" -ne 0 ] || [ "$found" -ne 0 ]; then
	echo "run_fuzz.sh: the fuzzer found $found input(s) in $crashes:" >&2
	ls -l "$crashes" >&2
	echo "reproduce with: $build/tests/reliability/fuzz_lang FILE" >&2
	exit 1
fi
echo "run_fuzz.sh: nothing found in $seconds s"
