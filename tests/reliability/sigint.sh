#!/bin/sh
# Ctrl-C in batch mode: the program stops the long statement, prints
# "lowrank: interrupted" and ends with status 130. The statement is a long
# training, or with "product" a long matrix product (10000×10000 squared,
# 1e12 multiply-adds, some 25 s on a quiet 2-core machine and far more under
# load), which must stop within 8 s of the signal. The bound only tells a
# product that stopped between its tiles (tens of ms each) from one that ran
# to its end, so that a loaded machine cannot fail it.
# With "loop" an endless while loop, which only Ctrl-C ends; with
# "recursion" a doubly recursive function (fib(60), 1e12 calls), which runs
# no loop: the calls themselves poll for Ctrl-C; with "handle" one
# statement of 1e8 calls of anonymous functions (arrayfun in arrayfun,
# minutes), which no loop statement polls either.
# usage: sigint.sh LOWRANK [file|stdin] [sgd|product|loop|recursion|handle]
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
if [ "$what" = product ]; then
	cat >"$tmp/long.lr" <<'LR'
A = ones(10000);
C = A * A;
disp('not reached')
LR
fi
if [ "$what" = loop ]; then
	# A loop that never ends by itself: Ctrl-C is the only way out.
	printf 'n = 0;\nwhile true\n  n += 1;\nend\ndisp(%s)\n' "'not reached'" >"$tmp/long.lr"
fi
if [ "$what" = handle ]; then
	cat >"$tmp/long.lr" <<'LR'
s = arrayfun(@(i) sum(arrayfun(@(j) j * i, 1:1000)), 1:100000);
disp('not reached')
LR
fi
if [ "$what" = recursion ]; then
	cat >"$tmp/long.lr" <<'LR'
1;
function r = fib(n)
  if n < 2
    r = n;
  else
    r = fib(n - 1) + fib(n - 2);
  end
end
fib(60)
disp('not reached')
LR
fi
if [ "$how" = file ]; then
	"$exe" "$tmp/long.lr" >"$tmp/out" 2>"$tmp/err" &
else
	"$exe" <"$tmp/long.lr" >"$tmp/out" 2>"$tmp/err" &
fi
pid=$!
sleep 1
kill -INT $pid
start=$(date +%s%N)
# Wait at most 20 s for it to end.
i=0
while kill -0 $pid 2>/dev/null && [ $i -lt 200 ]; do
	sleep 0.1
	i=$((i + 1))
done
if kill -0 $pid 2>/dev/null; then
	echo "still running 20 s after SIGINT" >&2
	kill -KILL $pid
	exit 1
fi
wait $pid
status=$?
ms=$((($(date +%s%N) - start) / 1000000))
fail=0
if [ "$what" = product ] && [ $ms -gt 8000 ]; then
	echo "the product stopped $ms ms after SIGINT, expected at most 8000" >&2
	fail=1
fi
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
