#!/bin/sh
# Pictures in a real terminal (tmux, 200x60): the photograph read with
# imread, `explore I 5` opening the picture mode of the Matrices view (A,
# A_5 and the residual, in the 24 grays of 256 colours), + and - stepping k
# by one rank-one update each (LOWRANK_TUI_STATS counts them), imshow, and
# the shade characters under NO_COLOR. Exit 77 (skip) without tmux.
# Usage: tmux_picture.sh PATH/TO/lowrank PATH/TO/ascent.png
exe=$1
photo=$2
. "$(dirname "$0")/tmux_lib.sh"
tmux_init picture
[ -x "$exe" ] && [ -f "$photo" ] || { echo "usage: $0 LOWRANK PHOTO"; exit 2; }

# start ENV...: lowrank -i in a fresh 200x60 window with these variables,
# the counts of LOWRANK_TUI_STATS in $tmp/stats.
start() { tmux_lowrank 200x60 "LOWRANK_TUI_STATS=1 $*" "-i 2>'$tmp/stats'"; }

start
wait_for '^>> *$'
type_line "I = imread('$photo');"
type_line 'explore I 5'
wait_for '^ I as pictures: k = 5 of 512 +storage 5125 of 262144'
wait_for 'I_5 = U·S·Vᵀ'
wait_for '512×512 px in [0-9]+×[0-9]+ cells'
# the pixels are upper-half blocks in xterm's grays (foreground and background)
T capture-pane -p -e -t t >"$tmp/colours"
grep -q '▀' "$tmp/colours" || fail "no upper-half blocks on the screen"
grep -Eq '38;5;2(3[2-9]|4[0-9]|5[0-5])m' "$tmp/colours" || fail "no gray of the 256 colours"
grep -Eq '48;5;2(3[2-9]|4[0-9]|5[0-5])m' "$tmp/colours" || fail "no gray background"
echo "ok - explore of an imread picture shows A, A_5 and the residual in grays"

T send-keys -t t +
wait_for '^ I as pictures: k = 6 of 512'
wait_for 'I_6 = U·S·Vᵀ'
T send-keys -t t -
T send-keys -t t -
wait_for '^ I as pictures: k = 4 of 512'
echo "ok - + and - step the rank of the picture"
type_line "print $tmp/pics.svg"
n=0
while [ "$n" -lt 50 ] && ! grep -q '</svg>' "$tmp/pics.svg" 2>/dev/null; do sleep 0.1; n=$((n + 1)); done
grep -q 'I: rank 4 of 512' "$tmp/pics.svg" || fail "print did not write the rank on the screen"
echo "ok - print writes the pictures at the rank on the screen"

type_line 'sgd I 4 epochs=3 lr=1e-6 seed=2;'
wait_for '^ I as pictures: sgd k = 4, epoch 3 of 3, loss'
wait_for ' I − U·Vᵀ  ±'
echo "ok - sgd of the picture draws A, U·Vᵀ and the residual"

type_line 'imshow(I)'
wait_for '^  imshow: I, 0 black to 255 white'
wait_for '^imshow: I \(512×512\) in the panel'
type_line 'view matrices'
wait_for '^ I  512×512 '
type_line 'view image'
wait_for '^  imshow: I, 0 black to 255 white'
echo "ok - imshow, view matrices and view image"

T send-keys -t t C-d
wait_for '^EXITED 0'
# explore: 5 updates to reach k = 5; then +, -, - one each (sgd's
# pictures are a product, U·Vᵀ)
grep -q ' 8 rank-one updates' "$tmp/stats" || { cat "$tmp/stats"; fail "not one rank-one update a step"; }
echo "ok - each step of k is one rank-one update ($(grep picture "$tmp/stats"))"

start NO_COLOR=1
wait_for '^>> *$'
type_line "I = imread('$photo');"
type_line 'explore I 2'
wait_for '^ I as pictures: k = 2 of 512'
absent '▀'
wait_for '^ [-.:=+*#%@ ]{20,}'
echo "ok - NO_COLOR draws the pictures in shade characters"
