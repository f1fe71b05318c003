#!/bin/sh
# Blocks at the prompt in a real terminal (tmux): a block left open goes on
# at the continuation prompt until its end, comes back from the history as
# one entry, and Ctrl-C or Esc stops an endless loop with the variables as
# they were. Exit 77 (skip) without tmux. Usage: tmux_blocks.sh PATH/TO/lowrank
exe=$1
. "$(dirname "$0")/tmux_lib.sh"
tmux_init blocks
[ -x "$exe" ] || { echo "usage: $0 LOWRANK"; exit 2; }

tmux_lowrank 100x30 "" -i

wait_for '^Try:'

# A for loop typed over three lines: the first two wait at '..'.
type_line 'for i = 1:3'
wait_for '^\.\. *$'
type_line 's = i * 10'
wait_for '^\.\. s = i \* 10$'
absent '^s = 10$'
type_line 'end'
wait_for '^s = 30$'
screen | grep -q '^s = 10$' || fail "the first step's output is missing"
echo "ok - a block typed over several lines runs at its end"

# An if nested in a while, with 'end' inside an index, which closes nothing.
type_line 'v = [5 6 7]; k = 0'
type_line 'while k < 2'
type_line 'k += 1'
wait_for '^\.\. k \+= 1$'
type_line 'if v(end) > 6, disp(v(end - k)), end'
wait_for '^\.\. if v\(end\) > 6'
type_line 'end'
wait_for '^5$'
echo "ok - nested blocks and end in an index"

# The history gives the block back as one entry (its line breaks shown as ↵).
T send-keys -t t C-l
T send-keys -t t Up
wait_for '>> while k < 2↵k \+= 1↵if v\(end\) > 6, disp\(v\(end - k\)\), end↵end'
T send-keys -t t C-u
echo "ok - the history keeps a block as one entry"

# Ctrl-C stops an endless loop; the variable keeps the value it had.
type_line 'n = 0;'
type_line 'while true, n += 1; end'
sleep 1
absent '^>> *$'
T send-keys -t t C-c
wait_for '^error: interrupted; the variables keep the values they had$'
type_line 'n > 1000'
wait_for '^ans = 1$'
echo "ok - Ctrl-C stops while true, the variables stay"

# Esc does the same.
type_line 'm = 0;'
type_line 'do, m += 1; until false'
sleep 1
T send-keys -t t Escape
wait_for 'interrupted; the variables keep' 
type_line 'disp(m > 0)'
wait_for '^1$'
echo "ok - Esc stops a do-until loop"

# Ctrl-C during an sgd inside a loop stops the training and the loop, not
# just the one training (the next would start at once otherwise).
type_line 'A = rand(30, 20); n = 0;'
type_line 'while true, n += 1; sgd A 3 epochs=1000000 lr=0.001 seed=1; end'
wait_for 'SGD loss of A, k=3'
sleep 1
T send-keys -t t C-c
wait_for '^stopped early at epoch [0-9]+ of 1000000$'
type_line 'disp(n)'
wait_for '^1$'
echo "ok - Ctrl-C in an sgd inside a loop stops the loop"

# Output printed by a long loop shows while it runs.
type_line 'k = 0; while true, k += 1; if k == 1e5, disp(4242), end, end'
wait_for '^4242$'
T send-keys -t t C-c
wait_for '^>> *$'
echo "ok - a loop's output shows while it runs"

# clc clears the output area; what follows shows as usual.
type_line 'disp(98765)'
wait_for '^98765$'
type_line 'clc'
sleep 0.3
absent '^98765$'
type_line 'disp(43210)'
wait_for '^43210$'
echo "ok - clc clears the output area"

type_line 'quit'
wait_for '^EXITED 0$'
echo "ok - quits"

# --demo plays a block as one statement, and Ctrl-C stops an endless loop
# in it without leaving the demo.
cat >"$tmp/demo.lr" <<'LR'
s = 0;
for i = 1:4
  s = s + i;
end
n = 0;
while true, n += 1; end
disp(n > 0)
LR
tmux_lowrank 100x30 "" "--demo '$tmp/demo.lr'"
wait_for 'demo: 0 of 5 played'
T send-keys -t t n
wait_for 'demo: 1 of 5 played'
T send-keys -t t n
wait_for '^>> for i = 1:4$'
wait_for 'demo: 2 of 5 played'
screen | grep -q '^s = 10$' && fail "the block's statements showed their values"
T send-keys -t t n
wait_for 'demo: 3 of 5 played'
T send-keys -t t n
wait_for '^>> while true, n \+= 1; end$'
sleep 1
T send-keys -t t C-c
wait_for 'interrupted; the variables keep the values they had'
wait_for 'demo: 4 of 5 played'
T send-keys -t t n
wait_for '^1$'
echo "ok - --demo: a block is one statement, Ctrl-C stops its loop"
