#!/bin/sh
# Makes the 12-megapixel JPEG in a temporary folder, then runs bench_picture.
# Usage: bench_picture.sh MAKE_JPEG BENCH_PICTURE PHOTO
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$1" "$tmp/big.jpg"
"$2" "$3" "$tmp/big.jpg"
