#!/bin/sh
# A function typed at the prompt in a real terminal (tmux): the definition
# goes on at the continuation prompt until its end, the function is called,
# Tab completes its name, an error inside it shows the chain of calls, and
# defining it again replaces it. Exit 77 (skip) without tmux.
# Usage: tmux_functions.sh PATH/TO/lowrank
exe=$1
. "$(dirname "$0")/tmux_lib.sh"
tmux_init functions
[ -x "$exe" ] || { echo "usage: $0 LOWRANK"; exit 2; }
case $exe in /*) ;; *) exe=$(pwd)/$exe ;; esac   # the last session runs in another folder

tmux_lowrank 100x30 "" -i

wait_for '^Try:'

type_line 'function [s, p] = sumprod(a, b)'
wait_for '^\.\. *$'
type_line '  s = a + b;'
type_line '  p = a * b;'
wait_for '^\.\.   p = a \* b;$'
type_line 'end'
type_line '[x, y] = sumprod(3, 4)'
wait_for '^y = 12$'
screen | grep -q '^x = 7$' || fail "the first output is missing"
echo "ok - a function typed over several lines, called with two outputs"

# Tab completes the function's name.
T send-keys -t t 'q = sump' Tab
wait_for '^>> q = sumprod'
T send-keys -t t '(1, 1)' Enter
wait_for '^q = 2$'
echo "ok - Tab completes a user function"

# An error inside it names the line inside the function and the call.
type_line 'sumprod([1 2], [3 4 5])'
wait_for '^error: called from$'
wait_for '^    sumprod at input:2:9$'
echo "ok - an error inside a function shows the calls"

# Defining it again replaces it; the caller's variables are untouched.
type_line 'function r = sumprod(a, b), r = -1; a = 0; end'
type_line 'sumprod(1, 2)'
wait_for '^ans = -1$'
type_line 'disp(x)'
wait_for '^7$'
echo "ok - a function defined again replaces the old one"

# A function file in the current folder is found, and read again when it
# changes (a different size: the check is time and size).
mkdir "$tmp/work"
printf 'function r = grow(x)\n  r = x + 1;\nend\n' >"$tmp/work/grow.m"
tmux_session 100x30 "cd '$tmp/work' && $(lowrank_command "" -i)"
wait_for '^Try:'
type_line 'a = grow(1)'
wait_for '^a = 2$'
printf 'function r = grow(x)\n  r = x + 100;\nend\n' >"$tmp/work/grow.m"
type_line 'b = grow(1)'
wait_for '^b = 101$'
echo "ok - a function file is read again when it changes"
