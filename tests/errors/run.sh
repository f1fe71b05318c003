#!/bin/sh
# Runs one bad input through the real program twice, as a file argument and
# through standard input, and checks its exact messages and exit status:
#   NAME.lr       the script (or NAME.gen: a shell script that prints it,
#                 for inputs too big or too odd to keep in a file)
#   NAME.err      expected standard error, with @FILE@ where the file name
#                 goes (NAME.lr for the file, <stdin> for standard input)
#   NAME.out      expected standard output (absent: must be empty)
#   NAME.status   expected exit status (absent: 1)
#   NAME.args     extra command-line options, e.g. --keep-going
#
# usage: run.sh LOWRANK DIR/NAME.lr|DIR/NAME.gen
# With LR_UPDATE_GOLDEN=1 the expected files are written from the file run.
set -u
lowrank=$1
case_path=$2
dir=$(cd "$(dirname "$case_path")" && pwd) || exit 99
base=$(basename "$case_path")
name=${base%.*}
tmp=${TMPDIR:-/tmp}/lr-errors.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

case $base in
*.gen) sh "$dir/$base" >"$tmp/$name.lr" || exit 99 ;;
*)     cp "$dir/$base" "$tmp/$name.lr" || exit 99 ;;
esac
args=
[ -f "$dir/$name.args" ] && args=$(cat "$dir/$name.args")
want_status=1
[ -f "$dir/$name.status" ] && want_status=$(cat "$dir/$name.status")
if [ -f "$dir/$name.out" ]; then cp "$dir/$name.out" "$tmp/want_out"; else : >"$tmp/want_out"; fi

cd "$tmp" || exit 99
fail=0
for how in file stdin; do
	# $args is split into words on purpose.
	# shellcheck disable=SC2086
	if [ $how = file ]; then
		fname=$name.lr
		"$lowrank" $args "$name.lr" >out 2>err </dev/null
	else
		fname='<stdin>'
		"$lowrank" $args <"$name.lr" >out 2>err
	fi
	status=$?
	if [ "${LR_UPDATE_GOLDEN:-0}" = 1 ] && [ $how = file ]; then
		sed "s/$name\\.lr:/@FILE@:/g" err >"$dir/$name.err"
		if [ -s out ]; then cp out "$dir/$name.out"; else rm -f "$dir/$name.out"; fi
		if [ "$status" != 1 ]; then echo "$status" >"$dir/$name.status"; else rm -f "$dir/$name.status"; fi
		echo "updated $name (exit status $status)"
		exit 0
	fi
	if [ -f "$dir/$name.err" ]; then
		sed "s/@FILE@/$fname/g" "$dir/$name.err" >want_err
	else
		: >want_err
	fi
	if ! diff -u want_err err; then
		echo "FAIL $name ($how): standard error differs (- expected, + actual)"
		fail=1
	fi
	if ! diff -u want_out out; then
		echo "FAIL $name ($how): standard output differs (- expected, + actual)"
		fail=1
	fi
	if [ "$status" != "$want_status" ]; then
		echo "FAIL $name ($how): exit status $status, expected $want_status"
		fail=1
	fi
done
[ $fail = 0 ] && echo "ok $name"
exit $fail
