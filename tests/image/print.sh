#!/bin/sh
# print through the real program, in a temporary folder: the loss curves,
# the spectrum and the pictures as SVG (their labels, legend, cut-off and
# embedded pictures), the pictures as PNG (read back by imread: the size of
# A, A_k and A - A_k side by side; imshow's picture the same pixels as
# imwrite writes), the loss and spectrum as PNG (read back: size, white
# corner, dark axes and title), and a PNG into a missing folder refused.
# usage: print.sh LOWRANK PHOTO
set -u
lowrank=$1
photo=$2
tmp=${TMPDIR:-/tmp}/lr-print.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
cd "$tmp" || exit 99
fail() { echo "FAIL: $*"; exit 1; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks '$2'"; }

"$lowrank" -e "A = [4 2 0.5 1 3; 2 1 0.3 0.4 1.4; 1 3 2 0.2 0.9; 0.5 2.5 2 0.1 0.6];
[U, V] = sgd(A, 2, 'epochs', 200, 'lr', 0.02, 'seed', 7); print -dsvg loss.svg
svd A 2; print('spectrum.svg')" >/dev/null || fail "print loss and spectrum"
has loss.svg '<svg xmlns="http://www.w3.org/2000/svg"'
has loss.svg '>SGD loss of A (4×5), k = 2, lr 0.02</text>'
has loss.svg '>epoch</text>'
has loss.svg '>sum of squared errors (log scale)</text>'
has loss.svg '>loss on observed entries</text>'
has loss.svg '>Eckart–Young floor 0.'
has loss.svg '</svg>'
has spectrum.svg '>k = 2</text>'
has spectrum.svg 'Singular values of A (4×5): k = 2 keeps'
echo "ok - print writes the loss curves and the spectrum as SVG"

"$lowrank" -e "I = imread('$photo'); explore I 20; print pics.svg; print('-dpng', 'pics.png');
P = imread('pics.png'); printf('= %d %d\n', size(P)); printf('= %d\n', all(all(P(:, 1:512) == I)));
imshow(I / 255); print shown.png; imwrite(I, 'same.png');
printf('= %d\n', all(all(imread('shown.png') == imread('same.png'))))" >out.txt ||
	fail "print pictures: $(cat out.txt)"
[ "$(grep '^= ' out.txt)" = "= 512 1552
= 1
= 1" ] || fail "the printed pictures: $(grep '^= ' out.txt)"
[ "$(grep -o '<image ' pics.svg | wc -l)" = 3 ] || fail "pics.svg does not hold 3 pictures"
has pics.svg 'I: rank 20 of 512, storage 20500 of 262144 numbers'
has pics.svg 'href="data:image/png;base64,iVBORw0KGgo'
echo "ok - print writes A, A_k and the residual as SVG and PNG, imshow's picture as PNG"

# PNG of the loss and the spectrum: their SVG drawn at 1600×1000 on white.
# Read back by imread (gray levels): the size, a white corner, dark pixels
# on the axes (the left axis, a column near x = 179, is dark over most of
# its 750-pixel height) and dark text in the title band (rows 30 to 70).
# An empty, blank or wrongly sized file fails here.
"$lowrank" -e "A = [4 2 0.5 1 3; 2 1 0.3 0.4 1.4; 1 3 2 0.2 0.9; 0.5 2.5 2 0.1 0.6];
[U, V] = sgd(A, 2, 'epochs', 200, 'lr', 0.02, 'seed', 7); print -dpng loss.png
svd A 2; print('spectrum.png')
P = imread('loss.png'); Q = imread('spectrum.png');
printf('= %d %d %d %d %d %d\\n', size(P), P(1, 1), P(end, end), ...
       max(sum(P(:, 170:190) < 100)) > 600, sum(sum(P(30:70, :) < 100)) > 500);
printf('= %d %d %d %d %d %d\\n', size(Q), Q(1, 1), Q(end, end), ...
       max(sum(Q(:, 170:190) < 100)) > 600, sum(sum(Q(30:70, :) < 100)) > 500)" >out.txt 2>&1 || fail "print PNG of the loss and spectrum: $(cat out.txt)"
[ "$(grep '^= ' out.txt)" = "= 1000 1600 255 255 1 1
= 1000 1600 255 255 1 1" ] || fail "the PNG figures: $(grep '^= ' out.txt)"
echo "ok - print writes the loss curves and the spectrum as 1600×1000 PNG"

"$lowrank" -e "A = [1 2; 3 4]; svd A 1; print -dpng out/s.png" >/dev/null 2>err.txt &&
	fail "PNG into a missing folder"
has err.txt "print: cannot create out/s.png: No such file or directory"
[ ! -e out ] || fail "a folder or file was left"
echo "ok - PNG into a folder that does not exist is refused"
