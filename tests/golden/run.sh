#!/bin/sh
# Runs one golden transcript through the real program and compares what it
# prints, byte for byte, with the expected files next to the script:
#   NAME.lr       the script
#   NAME.out      expected standard output
#   NAME.err      expected standard error (absent: must be empty)
#   NAME.status   expected exit status (absent: 0)
#   NAME.args     extra command-line options, e.g. --width 40 (absent: none)
#   NAME.how      how the script is given: file (default), stdin, or -e
# The program runs in the script's folder with the script's bare name, so
# error messages name it as NAME.lr.
#
# usage: run.sh LOWRANK DIR/NAME.lr
# With LR_UPDATE_GOLDEN=1 the expected files are rewritten instead (then
# check the diff by eye before committing).
set -u
lowrank=$1
# LR_WRAP (for example a valgrind command) is put in front of the program.
LR_WRAP=${LR_WRAP-}
case_path=$2
dir=$(dirname "$case_path")
name=$(basename "$case_path" .lr)
tmp=${TMPDIR:-/tmp}/lr-golden.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
cd "$dir" || exit 99

args=
[ -f "$name.args" ] && args=$(cat "$name.args")
how=file
[ -f "$name.how" ] && how=$(cat "$name.how")

# $args is split into words on purpose.
# shellcheck disable=SC2086
case $how in
file)  $LR_WRAP "$lowrank" $args "$name.lr" >"$tmp/out" 2>"$tmp/err" </dev/null ;;
stdin) $LR_WRAP "$lowrank" $args <"$name.lr" >"$tmp/out" 2>"$tmp/err" ;;
-e)    $LR_WRAP "$lowrank" $args -e "$(cat "$name.lr")" >"$tmp/out" 2>"$tmp/err" </dev/null ;;
*)     echo "run.sh: $name.how: expected file, stdin or -e, found '$how'" >&2; exit 99 ;;
esac
status=$?

want_status=0
[ -f "$name.status" ] && want_status=$(cat "$name.status")

if [ "${LR_UPDATE_GOLDEN:-0}" = 1 ]; then
	cp "$tmp/out" "$name.out"
	if [ -s "$tmp/err" ]; then cp "$tmp/err" "$name.err"; else rm -f "$name.err"; fi
	if [ "$status" != 0 ]; then echo "$status" >"$name.status"; else rm -f "$name.status"; fi
	echo "updated $name (exit status $status)"
	exit 0
fi

fail=0
[ -f "$name.err" ] || : >"$tmp/want_err"
[ -f "$name.err" ] && cp "$name.err" "$tmp/want_err"
if ! diff -u "$name.out" "$tmp/out"; then
	echo "FAIL $name: standard output differs (- expected, + actual)"
	fail=1
fi
if ! diff -u "$tmp/want_err" "$tmp/err"; then
	echo "FAIL $name: standard error differs (- expected, + actual)"
	fail=1
fi
if [ "$status" != "$want_status" ]; then
	echo "FAIL $name: exit status $status, expected $want_status"
	fail=1
fi
[ $fail = 0 ] && echo "ok $name"
exit $fail
