#!/bin/sh
# Usage errors of the command line: each exits with status 2 and one exact
# line on standard error, and prints nothing on standard output.
#
# usage: usage.sh LOWRANK CASE
set -u
lowrank=$1
tmp=${TMPDIR:-/tmp}/lr-usage.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
cd "$tmp" || exit 99
echo 'x = 1' >a.lr
echo 'y = 2' >b.lr

case $2 in
unknown_option)
	want="lowrank: unknown option '--bogus'; see 'lowrank --help'"
	"$lowrank" --bogus a.lr >out 2>err ;;
two_files)
	want="lowrank: only one script can be run at a time, found 'b.lr' after 'a.lr'"
	"$lowrank" a.lr b.lr >out 2>err ;;
missing_e_value)
	want="lowrank: -e needs a value after it; see 'lowrank --help'"
	"$lowrank" -e >out 2>err ;;
two_e)
	want="lowrank: -e can be given once; put the statements in one -e, separated by ';' or newlines"
	"$lowrank" -e 'x = 1' -e 'y = 2' >out 2>err ;;
file_and_e)
	want="lowrank: give either a FILE or -e, not both"
	"$lowrank" -e 'x = 1' a.lr >out 2>err ;;
bad_width)
	want="lowrank: --width expects a number from 20 to 1000, found '5'"
	"$lowrank" --width 5 a.lr >out 2>err ;;
missing_width)
	want="lowrank: --width needs a value after it; see 'lowrank --help'"
	"$lowrank" --width >out 2>err ;;
no_such_file)
	want="lowrank: cannot open 'missing.lr': No such file or directory"
	"$lowrank" missing.lr >out 2>err ;;
limit_name)
	want="lowrank: --limit expects NAME=N with NAME elements, updates, products, line or depth, found 'lines=5'"
	"$lowrank" --limit lines=5 a.lr >out 2>err ;;
limit_value)
	want="lowrank: --limit depth expects a whole number from 1 to 500, found '1e4'"
	"$lowrank" --limit depth=1e4 a.lr >out 2>err ;;
missing_limit)
	want="lowrank: --limit needs a value after it; see 'lowrank --help'"
	"$lowrank" --limit >out 2>err ;;
*)
	echo "usage.sh: unknown case '$2'" >&2
	exit 99 ;;
esac
status=$?
printf '%s\n' "$want" >want
fail=0
if [ "$status" != 2 ]; then echo "FAIL $2: exit status $status, expected 2"; fail=1; fi
if ! diff -u want err; then echo "FAIL $2: standard error differs"; fail=1; fi
if [ -s out ]; then echo "FAIL $2: unexpected standard output:"; cat out; fail=1; fi
[ $fail = 0 ] && echo "ok $2"
exit $fail
