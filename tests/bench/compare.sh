#!/bin/sh
# Runs the same SGD and SVD workloads as bench.c in GNU Octave and NumPy
# (each only if installed) and prints the ratio other/lowrank per case, so
# a ratio above 1 means lowrank is faster.
#     compare.sh BENCH_EXE
# The SGD loop runs on a smaller matrix in the interpreters (one epoch of
# 200×200, k = 16): an interpreted loop is slow, and the figure is per update.
set -u
bench=${1:?usage: compare.sh BENCH_EXE}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# Our figures: name value (ns per update for SGD, ms for SVD).
"$bench" sgd_dense_k16 svd_full_500 svd_full_1000 svd_trunc10_2000 >"$tmp/ours" || {
	echo "compare: bench failed" >&2; exit 1; }
awk '/^BENCH / && !/skipped|failed/ { split($2, n, "="); split($3, v, "="); print n[2], v[2] }' \
	"$tmp/ours" >"$tmp/ours.kv"

# The workloads, as name value lines, in Octave syntax.
cat >"$tmp/work.m" <<'OCT'
function t = median_time(f, runs)
  t = zeros(runs, 1);
  for i = 1:runs
    t0 = tic; f(); t(i) = toc(t0);
  end
  t = median(t);
end
function sgd_epoch(A, U, V, lr)
  [m, n] = size(A);
  for r = 1:m
    for c = 1:n
      e = A(r, c) - U(r, :) * V(c, :)';
      U(r, :) = U(r, :) + lr * e * V(c, :);
      V(c, :) = V(c, :) + lr * e * U(r, :);
    end
  end
end
rand('seed', 1); randn('seed', 1);
k = 16; m = 200;
A = rand(m, k) * rand(m, k)'; U = rand(m, k); V = rand(m, k);
t = median_time(@() sgd_epoch(A, U, V, 0.0005), 3);
printf('sgd_dense_k16 %g\n', t / (m * m) * 1e9);
for n = [500 1000]
  B = randn(n);
  printf('svd_full_%d %g\n', n, median_time(@() svd(B), 3) * 1e3);
end
n = 2000;
[Q1, ~] = qr(randn(n)); [Q2, ~] = qr(randn(n));
C = Q1 * diag(0.95 .^ (0:n-1)) * Q2';
printf('svd_trunc10_2000 %g\n', median_time(@() svds(C, 10), 3) * 1e3);
OCT

cat >"$tmp/work.py" <<'PY'
import time, numpy as np
def med(f, runs=3):
    t = []
    for _ in range(runs):
        t0 = time.perf_counter(); f(); t.append(time.perf_counter() - t0)
    return sorted(t)[len(t) // 2]
def sgd_epoch(A, U, V, lr):
    m, n = A.shape
    for r in range(m):
        for c in range(n):
            e = A[r, c] - U[r] @ V[c]
            U[r] += lr * e * V[c]
            V[c] += lr * e * U[r]
rng = np.random.default_rng(1)
k, m = 16, 200
A = rng.random((m, k)) @ rng.random((m, k)).T
U, V = rng.random((m, k)), rng.random((m, k))
print('sgd_dense_k16', med(lambda: sgd_epoch(A, U.copy(), V.copy(), 0.0005)) / (m * m) * 1e9)
for n in (500, 1000):
    B = rng.standard_normal((n, n))
    print('svd_full_%d' % n, med(lambda: np.linalg.svd(B)) * 1e3)
n = 2000
Q1, _ = np.linalg.qr(rng.standard_normal((n, n)))
Q2, _ = np.linalg.qr(rng.standard_normal((n, n)))
C = (Q1 * 0.95 ** np.arange(n)) @ Q2.T
try:
    from scipy.sparse.linalg import svds
    print('svd_trunc10_2000', med(lambda: svds(C, 10)) * 1e3)
except ImportError:
    print('svd_trunc10_2000 skipped')
PY

# Prints "case lowrank other ratio" for each case the tool produced.
ratios() {
	awk -v tool="$1" 'NR == FNR { ours[$1] = $2; next }
		$2 == "skipped" { printf "%-18s %-8s skipped\n", $1, tool; next }
		($1 in ours) && ours[$1] > 0 {
			printf "%-18s %-8s lowrank %10.4g  %s %10.4g  ratio %8.3g\n",
			       $1, tool, ours[$1], tool, $2, $2 / ours[$1]
			printf "BENCH name=compare_%s_%s ratio=%.4g\n", tool, $1, $2 / ours[$1] }' \
		"$tmp/ours.kv" "$2"
}

echo "units: SGD ns per update, SVD ms; ratio = other / lowrank (> 1: lowrank faster)"
if command -v octave-cli >/dev/null 2>&1; then
	# Octave wants functions before the script's first statement in a file
	# that starts with something other than a function: add a "1;".
	{ echo "1;"; cat "$tmp/work.m"; } >"$tmp/work2.m"
	if octave-cli --no-gui -q "$tmp/work2.m" >"$tmp/octave" 2>"$tmp/octave.err"; then
		ratios octave "$tmp/octave"
	else
		echo "octave: failed: $(head -3 "$tmp/octave.err")"
	fi
else
	echo "octave: octave-cli not installed, skipped"
fi
if command -v python3 >/dev/null 2>&1 && python3 -c 'import numpy' 2>/dev/null; then
	if python3 "$tmp/work.py" >"$tmp/numpy" 2>"$tmp/numpy.err"; then
		ratios numpy "$tmp/numpy"
	else
		echo "numpy: failed: $(head -3 "$tmp/numpy.err")"
	fi
else
	echo "numpy: python3 with numpy not installed, skipped"
fi
exit 0
