#!/bin/sh
# Runs the same SGD and SVD workloads as bench.c in GNU Octave and NumPy
# (each only if installed) and prints the ratio other/lowrank per case, so
# a ratio above 1 means lowrank is faster.
#     compare.sh BENCH_EXE
# The SGD loop runs on a smaller matrix in the interpreters (one epoch of
# 200×200, k = 16): an interpreted loop is slow, and the figure is per update.
# The full SVD is compared like with like: U, S and V on every side, by
# LAPACK's dgesdd (lowrank's driver and numpy.linalg.svd's; Octave 7 defaults
# to the slower dgesvd, and its svd(A) with one output computes values only,
# so the script asks for [U, S, V] with svd_driver('gesdd')). Each side
# prints which BLAS/LAPACK it loaded, from /proc/self/maps.
#
# The machine may be busy (2 cores): the sides run in turn, ROUNDS times
# (3 unless COMPARE_ROUNDS says), and each ratio is the median over the
# rounds of the ratio within a round, so a burst of load on one side of one
# round moves it less than comparing medians taken minutes apart.
set -u
. "$(dirname "$0")/median_awk.sh"
bench=${1:?usage: compare.sh BENCH_EXE}
rounds=${COMPARE_ROUNDS:-3}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# Our figures as "name value" lines (ns per update for SGD, ms for SVD).
ours() {
	"$bench" sgd_dense_k16 matmul_1000 solve_1000 eig_sym_1000 svd_full_500 svd_full_1000 svd_trunc10_2000 >"$tmp/ours.out" || {
		echo "compare: bench failed" >&2; exit 1; }
	awk '/^BENCH / && !/skipped|failed/ { split($2, n, "="); split($3, v, "=");
		print n[2], v[2] }' "$tmp/ours.out"
}

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
function full_svd(B)
  [U, S, V] = svd(B);
end
function libs = blas_libs()
  maps = fileread('/proc/self/maps');
  libs = unique(regexp(maps, '/\S*(?:blas|lapack)\S*', 'match'));
  libs = strjoin(libs, ' ');
end
rand('seed', 1); randn('seed', 1);
k = 16; m = 200;
A = rand(m, k) * rand(m, k)'; U = rand(m, k); V = rand(m, k);
t = median_time(@() sgd_epoch(A, U, V, 0.0005), 3);
printf('sgd_dense_k16 %g\n', t / (m * m) * 1e9);
A = randn(1000); B = randn(1000); C = A * B;
printf('matmul_1000 %g\n', median_time(@() A * B, 7) * 1e3);
b = randn(1000, 1);
printf('solve_1000 %g\n', median_time(@() A \ b, 5) * 1e3);
S = A * A';
printf('eig_sym_1000 %g\n', median_time(@() eig(S), 5) * 1e3);
svd_driver('gesdd');
for n = [500 1000]
  B = randn(n);
  printf('svd_full_%d %g\n', n, median_time(@() full_svd(B), 5) * 1e3);
end
n = 2000;
[Q1, ~] = qr(randn(n)); [Q2, ~] = qr(randn(n));
C = Q1 * diag(0.95 .^ (0:n-1)) * Q2';
printf('svd_trunc10_2000 %g\n', median_time(@() svds(C, 10), 3) * 1e3);
printf('libs %s\n', blas_libs());
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
A, B = rng.standard_normal((1000, 1000)), rng.standard_normal((1000, 1000))
C = A @ B
print('matmul_1000', med(lambda: A @ B, 7) * 1e3)
b = rng.standard_normal(1000)
print('solve_1000', med(lambda: np.linalg.solve(A, b), 5) * 1e3)
S = A @ A.T
print('eig_sym_1000', med(lambda: np.linalg.eigvalsh(S), 5) * 1e3)
for n in (500, 1000):
    B = rng.standard_normal((n, n))
    print('svd_full_%d' % n, med(lambda: np.linalg.svd(B), 5) * 1e3)
n = 2000
Q1, _ = np.linalg.qr(rng.standard_normal((n, n)))
Q2, _ = np.linalg.qr(rng.standard_normal((n, n)))
C = (Q1 * 0.95 ** np.arange(n)) @ Q2.T
try:
    from scipy.sparse.linalg import svds
    print('svd_trunc10_2000', med(lambda: svds(C, 10)) * 1e3)
except ImportError:
    print('svd_trunc10_2000 skipped')
libs = {w for line in open('/proc/self/maps') for w in line.split()[5:]
        if 'blas' in w or 'lapack' in w}
print('libs', ' '.join(sorted(libs)))
PY

# The tools found: octave-cli, and the first python3 that has numpy (a
# python3 earlier in PATH, pyenv's say, may lack the numpy that Debian's
# python3-numpy installs for /usr/bin/python3).
tools=
if command -v octave-cli >/dev/null 2>&1; then
	tools="$tools octave"
	# Octave wants functions before the script's first statement in a file
	# that starts with something other than a function: add a "1;".
	{ echo "1;"; cat "$tmp/work.m"; } >"$tmp/work2.m"
else
	echo "octave: octave-cli not installed, skipped"
fi
py=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import numpy' 2>/dev/null; then
		py=$p
		break
	fi
done
if [ -n "$py" ]; then
	tools="$tools numpy"
else
	echo "numpy: python3 with numpy not installed, skipped"
fi

# Runs one tool's workloads into FILE; 1 (with a note) if it failed.
run_tool() {
	case $1 in
	octave) octave-cli --no-gui -q "$tmp/work2.m" >"$2" 2>"$tmp/err" ;;
	numpy) "$py" "$tmp/work.py" >"$2" 2>"$tmp/err" ;;
	esac || { echo "$1: failed: $(head -3 "$tmp/err")"; return 1; }
}

# Every round: lowrank, then each tool, as "round tool name value" lines.
: >"$tmp/all"
r=1
while [ "$r" -le "$rounds" ]; do
	ours | sed "s/^/$r lowrank /" >>"$tmp/all"
	for t in $tools; do
		run_tool "$t" "$tmp/$t.out" && sed "s/^/$r $t /" "$tmp/$t.out" >>"$tmp/all"
	done
	r=$((r + 1))
done

echo "units: SGD ns per update, products and SVD ms; ratio = other / lowrank (> 1: lowrank faster);"
echo "medians over $rounds rounds, the ratio the median of the rounds' ratios"
awk "$awk_median"'
	$2 == "lowrank" { ours[$1, $3] = $4; mine[$3] = mine[$3] " " $4; next }
	$3 == "libs" { libs[$2] = substr($0, index($0, "libs") + 5); next }
	$4 == "skipped" { skipped[$2, $3] = 1; next }
	{
		key = $2 SUBSEP $3
		if (!(key in seen)) { seen[key] = 1; order[++n] = key }
		theirs[key] = theirs[key] " " $4
		if (ours[$1, $3] > 0)
			ratio[key] = ratio[key] " " $4 / ours[$1, $3]
	}
	END {
		for (i = 1; i <= n; i++) {
			split(order[i], k, SUBSEP)
			if (!(order[i] in ratio))
				continue
			printf "%-18s %-8s lowrank %10.4g  %s %10.4g  ratio %8.3g\n", k[2], k[1],
			       med(mine[k[2]]), k[1], med(theirs[order[i]]), med(ratio[order[i]])
			printf "BENCH name=compare_%s_%s ratio=%.4g\n", k[1], k[2], med(ratio[order[i]])
		}
		for (key in skipped) {
			split(key, k, SUBSEP)
			printf "%-18s %-8s skipped\n", k[2], k[1]
		}
		for (t in libs)
			printf "%-8s loaded: %s\n", t, libs[t]
	}' "$tmp/all"
exit 0
