#!/bin/sh
# Ctrl-C in batch mode: the program stops the long statement, prints
# "lowrank: interrupted" and ends with status 130.
# usage: sigint.sh LOWRANK [file|stdin] [sgd|loop]
set -u
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
how=${2:-file}
what=${3:-sgd}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lowrank-sigint-XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
# A training long enough to be running when the signal comes (minutes), and
# a statement after it that must not run.
cat >"$tmp/long.lr" <<'LR'
limit updates 1e15
A = rand(200, 200);
sgd A 10 epochs=1000000;
disp('not reached')
LR
if [ "$what" = loop ]; then
	# A loop that never ends by itself: Ctrl-C is the only way out.
	printf 'n = 0;\nwhile true\n  n += 1;\nend\ndisp(%s)\n' "'not reached'" >"$tmp/long.lr"
fi
if [ "$how" = file ]; then
	"$exe" "$tmp/long.lr" >"$tmp/out" 2>"$tmp/err" &
else
	"$exe" <"$tmp/long.lr" >"$tmp/out" 2>"$tmp/err" &
fi
pid=$!
sleep 1
kill -INT $pid
# Wait at most 10 s for it to end.
i=0
while kill -0 $pid 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
if kill -0 $pid 2>/dev/null; then
	echo "still running 10 s after SIGINT" >&2
	kill -KILL $pid
	exit 1
fi
wait $pid
status=$?
fail=0
if [ $status -ne 130 ]; then
	echo "status $status, expected 130" >&2
	fail=1
fi
if ! grep -qx 'lowrank: interrupted' "$tmp/err"; then
	echo "expected 'lowrank: interrupted' on stderr, found:" >&2
	cat "$tmp/err" >&2
	fail=1
fi
if grep -q 'not reached' "$tmp/out"; then
	echo "the statement after the interrupted one ran" >&2
	fail=1
fi
exit $fail
