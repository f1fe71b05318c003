#!/bin/sh
# csvwrite, dlmwrite, csvread and loss_history through the real program, in
# a temporary folder: the files' exact text (as GNU Octave 7.3's dlmwrite
# writes the same matrices: "%.16g", NaN, Inf) and reading them back.
# usage: data_files.sh LOWRANK
set -u
lowrank=$1
tmp=${TMPDIR:-/tmp}/lr-datafiles.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
cd "$tmp" || exit 99
fail() { echo "FAIL: $*"; exit 1; }

"$lowrank" -e "dlmwrite('x.csv', [1.5 pi; 2 -3e-7]); csvwrite('y.csv', [1 NaN; Inf 1e10]);
dlmwrite('t.txt', [1 2; 3 4], '\\t'); dlmwrite('s.txt', [1 2], ';')" || fail "writing"
printf '1.5,3.141592653589793\n2,-3e-07\n' | cmp -s - x.csv || fail "x.csv: $(cat x.csv)"
printf '1,NaN\nInf,10000000000\n' | cmp -s - y.csv || fail "y.csv: $(cat y.csv)"
printf '1\t2\n3\t4\n' | cmp -s - t.txt || fail "t.txt: $(cat t.txt)"
printf '1;2\n' | cmp -s - s.txt || fail "s.txt: $(cat s.txt)"
echo "ok - csvwrite and dlmwrite write Octave's text"

out=$("$lowrank" -e "z = csvread('y.csv'); printf('%g ', z); printf('\n');
x = csvread('x.csv'); printf('%d\n', all(all(x == [1.5 pi; 2 -3e-7])))") || fail "reading"
[ "$out" = "1 Inf NaN 1e+10 
1" ] || fail "csvread gave: $out"
echo "ok - csvread reads them back exactly"

out=$("$lowrank" -e "A = [1 2; 3 4]; [U, V] = sgd(A, 1, 'epochs', 7, 'seed', 3); h = loss_history();
L = loss(); printf('%d %d %d\n', size(h), h(end) == L(1)); [h, e] = loss_history(); disp(size(e))
B = mask(A, [1 0; 1 1]); [U, V] = sgd(B, 1, 'epochs', 4, 'seed', 3); [h, e] = loss_history(); disp([size(h) size(e)])
csvwrite('h.csv', [(1:4)' h e]);") || fail "loss_history"
[ "$out" = "7 1 1
   0   0
   4   1   4   1" ] || fail "loss_history gave: $out"
[ "$(wc -l <h.csv)" = 4 ] || fail "h.csv has $(wc -l <h.csv) lines"
echo "ok - loss_history gives the newest run's loss per epoch (and the hidden error)"
