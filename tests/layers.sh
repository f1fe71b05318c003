#!/bin/sh
# No layer uses a layer above it: for each static library, from the lowest,
# no symbol it needs is defined in a library listed after it.
# usage: layers.sh NM LIB... (lowest layer first). Skipped (77) without nm.
# The include paths already keep a header of a layer above from compiling;
# this catches a declaration written by hand (an `extern` of a table).
set -u
nm=$1; shift
command -v "$nm" >/dev/null 2>&1 || { echo "skip: no $nm"; exit 77; }
tmp=${TMPDIR:-/tmp}/lr-layers.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT
i=0
for lib in "$@"; do
	i=$((i + 1))
	"$nm" -g --defined-only "$lib" | awk 'NF == 3 { print $3 }' | sort -u >"$tmp/def$i" || exit 99
	"$nm" -u "$lib" | awk '{ print $NF }' | sort -u >"$tmp/undef$i" || exit 99
	echo "$lib" >"$tmp/name$i"
done
n=$i bad=0 i=1
while [ $i -le $n ]; do
	j=$((i + 1))
	while [ $j -le $n ]; do
		comm -23 "$tmp/undef$i" "$tmp/def$i" | comm -12 - "$tmp/def$j" >"$tmp/up"
		while read -r sym; do
			echo "FAIL: $(basename "$(cat "$tmp/name$i")") uses $sym, defined above it in" \
			     "$(basename "$(cat "$tmp/name$j")")"
			bad=1
		done <"$tmp/up"
		j=$((j + 1))
	done
	i=$((i + 1))
done
[ $bad = 0 ] && echo "ok: $n layers, none uses one above it"
exit $bad
