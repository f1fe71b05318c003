#!/bin/sh
# Hostile input through the real program: each must be refused at once (well
# under the time limit), with status 1 and a clear message with its position,
# both as a file argument and on standard input.
# usage: hostile.sh LOWRANK CASE
set -u
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lowrank-hostile-XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
script=$tmp/in.lr
# The tests run within these seconds or they count as a hang.
limit=10

case $case in
zeros)
	printf 'A = 1;\nzeros(1e9, 1e9)\n' >"$script"
	want='in.lr:2:1: error: zeros: the result would be 1000000000×1000000000, over the limit of 100000000 elements (raise it with '\''limit elements N'\'')'
	;;
epochs)
	printf 'A = rand(3);\nsgd A 2 epochs=1e12\n' >"$script"
	want='in.lr:2:5: error: 1000000000000 epochs × 9 entries × rank 2 is 1.8e+13 updates, over the limit of 1e+10'
	;;
nesting)
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "("; printf "1"; for (i = 0; i < 100000; i++) printf ")"; print "" }' >"$script"
	want='in.lr:1:201: error: expression is nested too deeply, over the limit of 200 levels (raise it with '\''limit depth N'\'')'
	;;
brackets)
	awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; printf "1"; for (i = 0; i < 100000; i++) printf "]"; print "" }' >"$script"
	want='in.lr:1:'
	;;
transposes)
	# 200,000 transposes in a row: the tree is as deep as the run is long.
	awk 'BEGIN { printf "x = 1"; for (i = 0; i < 200000; i++) printf "\047"; print ";" }' >"$script"
	want='in.lr:1:'
	;;
chain)
	# A 1 MB line of 'x = 1+1+...+1': left-leaning and 500,000 deep, but valid.
	awk 'BEGIN { printf "x = 1"; for (i = 0; i < 500000; i++) printf "+1"; print ";"; print "disp(x)" }' >"$script"
	want=''
	;;
garbage)
	# One 1 MB line of printable junk.
	awk 'BEGIN { srand(7); for (i = 0; i < 1048576; i++) printf "%c", 33 + int(rand() * 94); print "" }' >"$script"
	want='in.lr:1:'
	;;
binary)
	# 1 MB of pseudo-random bytes, NUL and control bytes included.
	LC_ALL=C awk 'BEGIN { srand(11); for (i = 0; i < 1048576; i++) printf "%c", 1 + int(rand() * 255) }' |
		tr '\001' '\000' >"$script"
	want='in.lr:'
	;;
*)
	echo "unknown case $case" >&2
	exit 2
	;;
esac

fail=0
for how in file stdin; do
	start=$(date +%s)
	if [ "$how" = file ]; then
		(cd "$tmp" && timeout $limit "$exe" in.lr) >"$tmp/out" 2>"$tmp/err"
	else
		timeout $limit "$exe" <"$script" >"$tmp/out" 2>"$tmp/err"
	fi
	status=$?
	took=$(( $(date +%s) - start ))
	if [ "$how" = stdin ]; then
		sed -i 's/^<stdin>:/in.lr:/' "$tmp/err"
	fi
	if [ "$case" = chain ]; then
		if [ $status -ne 0 ] || ! grep -qx '500001' "$tmp/out"; then
			echo "$case ($how): status $status, expected 0 and 500001; stderr:" >&2
			head -c 500 "$tmp/err" >&2
			fail=1
		fi
	elif [ $status -ne 1 ]; then
		echo "$case ($how): status $status, expected 1 (124 is a timeout, >128 a crash)" >&2
		head -c 500 "$tmp/err" >&2
		fail=1
	elif ! head -n 1 "$tmp/err" | grep -qF -- "$want"; then
		echo "$case ($how): expected the message to start with: $want" >&2
		echo "found:" >&2
		head -c 500 "$tmp/err" >&2
		fail=1
	elif [ "$(wc -l <"$tmp/err")" -gt 3 ]; then
		echo "$case ($how): more than one error reported:" >&2
		head -c 1000 "$tmp/err" >&2
		fail=1
	fi
	if [ $took -gt 3 ] && [ "$case" != chain ]; then   # chain is valid work, not a refusal
		echo "$case ($how): took $took s; expected it to be refused at once" >&2
		fail=1
	fi
	# A quoted source line is never longer than about 200 characters.
	if [ "$(awk '{ if (length($0) > 300) n++ } END { print n + 0 }' "$tmp/err")" -ne 0 ]; then
		echo "$case ($how): the message quotes a huge line" >&2
		fail=1
	fi
done
exit $fail
