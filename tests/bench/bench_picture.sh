#!/bin/sh
# The pictures' speed goals side by side: makes the 12-megapixel JPEG in a
# temporary folder, then runs bench_picture (explore's first frame on the
# 512×512 photograph and the full SVD alone, each + step, a frame of the
# picture mode while sgd trains, imread of the JPEG) and, where installed,
# the same full SVD of the same values (U, S and V, by LAPACK's dgesdd) in
# NumPy (Debian's python3-numpy, which /usr/bin/python3 imports) and GNU
# Octave, and Octave's imread of the JPEG. The sides take turns, ROUNDS
# times (3 unless PICTURE_ROUNDS says); each ratio is the median of the
# ratios within a round, with the lowest and highest.
# Usage: bench_picture.sh MAKE_JPEG BENCH_PICTURE PHOTO
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
rounds=${PICTURE_ROUNDS:-3}
"$1" "$tmp/big.jpg"
size=$("$2" "$3" --raw="$tmp/photo.bin")
py=
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import numpy' 2>/dev/null && py=/usr/bin/python3
oct=
command -v octave-cli >/dev/null 2>&1 && oct=octave-cli

cat >"$tmp/svd.py" <<'PY'
import sys, time, numpy as np
m, n = int(sys.argv[2]), int(sys.argv[3])
A = np.fromfile(sys.argv[1], dtype=np.float64).reshape(m, n)
t, c = [], []
for i in range(7):
    t0, c0 = time.perf_counter(), time.process_time()
    U, S, Vt = np.linalg.svd(A, full_matrices=False)
    t.append(time.perf_counter() - t0)
    c.append(time.process_time() - c0)
t.sort()
c.sort()
print("BENCH name=svd_full_512_numpy s=%.4g s_range=%.4g..%.4g cpu_s=%.4g cpu_s_range=%.4g..%.4g "
      "runs=7" % (t[3], t[0], t[6], c[3], c[0], c[6]))
PY
cat >"$tmp/svd.m" <<'OCT'
args = argv();
m = str2double(args{2}); n = str2double(args{3});
f = fopen(args{1}, 'r'); A = fread(f, [n, m], 'double')'; fclose(f);
svd_driver('gesdd');
t = zeros(7, 1);
for i = 1:7
  t0 = tic; [U, S, V] = svd(A, 'econ'); t(i) = toc(t0);
end
t = sort(t);
printf('BENCH name=svd_full_512_octave s=%.4g s_range=%.4g..%.4g runs=7\n', t(4), t(1), t(7));
try
  r = zeros(3, 1);
  for i = 1:3
    t0 = tic; J = imread(args{4}); r(i) = toc(t0);
  end
  r = sort(r);
  printf('BENCH name=imread_jpeg_octave s=%.4g s_range=%.4g..%.4g runs=3\n', r(2), r(1), r(3));
catch err
  printf('# octave imread: %s\n', err.message);
end
OCT

: >"$tmp/all"
r=1
while [ "$r" -le "$rounds" ]; do
	"$2" "$3" "$tmp/big.jpg" | tee -a "$tmp/all"
	[ -n "$py" ] && "$py" "$tmp/svd.py" "$tmp/photo.bin" $size | tee -a "$tmp/all"
	[ -n "$oct" ] && "$oct" --no-gui --norc --quiet "$tmp/svd.m" "$tmp/photo.bin" $size \
		"$tmp/big.jpg" 2>/dev/null | tee -a "$tmp/all"
	r=$((r + 1))
done
[ -n "$py" ] || echo "# NumPy not found (python3-numpy): no comparison"
[ -n "$oct" ] || echo "# octave-cli not found: no comparison"

# Per round: explore's first frame over NumPy's and Octave's SVD.
awk '
	function val(line, key,   n, f, i) {
		n = split(line, f, " ")
		for (i = 1; i <= n; i++)
			if (index(f[i], key "=") == 1)
				return substr(f[i], length(key) + 2)
		return ""
	}
	function lowest(line, key,   v) {
		split(val(line, key "_range"), v, "[.][.]")
		return v[1]
	}
	function keep_min(name, x) {
		if (!(name in best) || x + 0 < best[name] + 0)
			best[name] = x
	}
	/name=explore_first_frame_512_200x60 / { first[++nf] = val($0, "s")
	                                         keep_min("first", lowest($0, "s")) }
	/name=svd_full_512 / { ours[++no] = val($0, "s"); keep_min("ours", lowest($0, "s")) }
	/name=svd_full_512_numpy / { np[++nn] = val($0, "s"); keep_min("np", lowest($0, "s")) }
	/name=svd_full_512_octave / { oc[++nc] = val($0, "s"); keep_min("oc", lowest($0, "s")) }
	function summary(name, a, b, n,   i, j, t, r, m) {
		if (!n)
			return
		for (i = 1; i <= n; i++)
			r[i] = a[i] / b[i]
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && r[j - 1] > r[j]; j--) {
				t = r[j]; r[j] = r[j - 1]; r[j - 1] = t
			}
		m = n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
		printf "BENCH name=%s ratio=%.3g ratio_range=%.3g..%.3g rounds=%d\n", name, m, r[1],
		       r[n], n
	}
	END {
		summary("explore_first_frame_over_numpy_svd", first, np, nn < nf ? nn : nf)
		summary("explore_first_frame_over_octave_svd", first, oc, nc < nf ? nc : nf)
		summary("our_svd_over_numpy_svd", ours, np, nn < no ? nn : no)
		# the fastest run of each, the least disturbed by the machine'"'"'s load
		if (nn)
			printf "BENCH name=fastest_first_frame_over_fastest_numpy_svd ratio=%.3g " \
			       "first_s=%.4g numpy_s=%.4g ours_svd_s=%.4g\n", best["first"] / best["np"],
			       best["first"], best["np"], best["ours"]
		if (nc)
			printf "BENCH name=fastest_first_frame_over_fastest_octave_svd ratio=%.3g " \
			       "octave_s=%.4g\n", best["first"] / best["oc"], best["oc"]
	}' "$tmp/all"
