#!/bin/sh
# imwrite(imread(F), G) keeps every pixel, through the real program: the
# photograph to PNG and to PGM and back, and a 0..1 picture written as
# Octave's doubles are.
# usage: roundtrip.sh LOWRANK PHOTO
set -u
lowrank=$1
photo=$2
tmp=${TMPDIR:-/tmp}/lr-imround.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
cd "$tmp" || exit 99
out=$("$lowrank" -e "I = imread('$photo'); imwrite(I, 'b.png'); imwrite(imread('b.png'), 'c.pgm');
J = imread('c.pgm'); printf('%d %d %d\n', size(J), sum(sum(abs(I - J))));
imwrite(I / 255, 'd.png'); printf('%d\n', sum(sum(abs(imread('d.png') - I))))") || exit 1
want="512 512 0
0"
if [ "$out" != "$want" ]; then
	printf 'expected:\n%s\nfound:\n%s\n' "$want" "$out"
	exit 1
fi
# the PGM is the plain format: a header and the bytes
head -c 15 c.pgm | od -c | head -1 | grep -q 'P   5  \\n   5   1   2       5   1   2  \\n   2   5   5' || {
	echo "c.pgm does not start with 'P5\\n512 512\\n255'"; exit 1; }
echo "round trips kept every pixel"
