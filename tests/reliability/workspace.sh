#!/bin/sh
# save and load through the real program: `loss` and `plot` say the same in
# a new process after `load`; a truncated file is refused with its line and
# loads nothing; the old file survives a save that cannot complete; a
# partial-spectrum SVD round-trips.
# usage: workspace.sh LOWRANK
set -u
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lowrank-ws-XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
fail=0

cat >make.lr <<'LR'
A = [0.3374 0.6005 0.1735; 3.3359 0.0492 1.8374; 2.9407 0.5301 2.2620];
M = A; mask M [1 0 1; 1 1 0; 0 1 1];
s = 'a string';
sgd A 2 epochs=200;
sgd M 2 epochs=100;
svd A 2;
save ws.txt
loss
plot all
LR
cat >use.lr <<'LR'
load ws.txt;
loss
plot all
LR
"$exe" make.lr >make.out 2>make.err || { echo "make.lr failed:"; cat make.err; fail=1; } >&2
"$exe" use.lr >use.out 2>use.err || { echo "use.lr failed:"; cat use.err; fail=1; } >&2
sed '1,/^saved /d' make.out >make.cmp     # what follows "saved ..."
if ! cmp -s make.cmp use.out; then
	echo "loss and plot differ after load:" >&2
	diff make.cmp use.out >&2
	fail=1
fi
if ! grep -qx 'saved 6 variables, 2 runs and an SVD to ws.txt' make.out; then
	echo "unexpected save message:" >&2
	grep saved make.out >&2
	fail=1
fi

# Truncated: refused with the line, nothing loaded (x stays 1).
head -n 20 ws.txt >cut.txt
printf 'x = 1;\nload cut.txt\n' >cut.lr
"$exe" --keep-going cut.lr >cut.out 2>cut.err
status=$?
printf 'x = 1;\nload cut.txt\nwho\n' >cut2.lr
"$exe" --keep-going cut2.lr >cut2.out 2>/dev/null
if [ $status -ne 1 ] || ! head -n 1 cut.err | grep -q '^cut.lr:2:6: error: cut.txt:21: expected'; then
	echo "truncated file: status $status, stderr:" >&2
	cat cut.err >&2
	fail=1
fi
if [ "$(grep -c '^  ' cut2.out)" -ne 1 ] || ! grep -q '^  x ' cut2.out; then
	echo "a refused load changed the variables:" >&2
	cat cut2.out >&2
	fail=1
fi

# A save that cannot complete (the file size limit stands in for a full
# disk) leaves the old file whole and no temporary file.
cp ws.txt old.txt
printf 'B = rand(100, 100);\nsave ws.txt\n' >big.lr
(ulimit -f 8 2>/dev/null; trap '' XFSZ; exec "$exe" big.lr) >big.out 2>big.err
status=$?
if [ $status -ne 1 ] || ! grep -q 'the old file is left as it was' big.err; then
	echo "save over the size limit: status $status, stderr:" >&2
	cat big.err >&2
	fail=1
fi
if ! cmp -s ws.txt old.txt; then
	echo "the old file changed" >&2
	fail=1
fi
if ls | grep -q '^ws\.txt\.'; then
	echo "a temporary file was left: $(ls)" >&2
	fail=1
fi

# An SVD that computed only the leading values (subspace iteration, the
# rest of the spectrum measured as one sum) comes back the same: `loss`
# says the same, and saving again writes the same bytes.
cat >part.lr <<'LR'
[X, ~, ~] = svd(randn(300, 30), 'econ');
[Y, ~, ~] = svd(randn(250, 30), 'econ');
B = X * diag(0.8 .^ (1:30)) * Y';
svd B 4 method=subspace;
sgd B 4 seed=1 epochs=30 lr=0.05;
save part.txt
loss
LR
printf 'load part.txt;\nloss\nsave part2.txt\n' >part_use.lr
"$exe" part.lr >part.out 2>&1 || { echo "part.lr failed:"; cat part.out; fail=1; } >&2
"$exe" part_use.lr >part_use.out 2>&1 || { echo "part_use.lr failed:"; cat part_use.out; fail=1; } >&2
sed '1,/^saved /d' part.out >part.cmp
sed '$d' part_use.out >part_use.cmp        # less its own "saved ..." line
if ! grep -q 's5 to s250 not computed, their sum measured' part.cmp ||
   ! cmp -s part.cmp part_use.cmp; then
	echo "loss after loading a partial SVD differs (or is not partial):" >&2
	diff part.cmp part_use.cmp >&2
	fail=1
fi
if ! cmp -s part.txt part2.txt; then
	echo "a partial SVD saved again differs" >&2
	fail=1
fi
exit $fail
