#!/bin/sh
# Runs each program here (NAME.m: short programs of the kind a linear
# algebra or intro-ML student types) in lowrank and in GNU Octave, and
# compares what they print: standard output byte for byte, the exit status
# (zero or not), and the messages on standard error once both are reduced to
# "error: MESSAGE" and "warning: MESSAGE" lines (lowrank names the place as
# FILE:LINE:COL and shows the line with a caret, Octave does not; the
# call chains under "called from" differ in form and are left out).
# Programs run in this folder (lib/ holds function files some of them add
# to the path).
#
# known.txt lists the programs whose difference is deliberate or not yet
# mended, one NAME and its reason a line: such a program must still differ
# (else it is to be taken off the list); any other must agree.
#
# usage: compare.sh LOWRANK [NAME ...]   (-v first: show each diff)
# OCTAVE names the program (default octave-cli); skipped (77) without it.
set -u
verbose=0
if [ "${1:-}" = -v ]; then verbose=1; shift; fi
exe=${1:?usage: compare.sh [-v] LOWRANK [NAME ...]}
shift
exe=$(cd "$(dirname "$exe")" && pwd)/$(basename "$exe")
octave=${OCTAVE:-octave-cli}
if ! command -v "$octave" >/dev/null 2>&1; then
	echo "skip: $octave is not installed"
	exit 77
fi
here=$(cd "$(dirname "$0")" && pwd) || exit 99
cd "$here" || exit 99
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lr-programs-XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# messages FILE: the "error:"/"warning:" lines of a standard error, without
# lowrank's place prefix and without either side's call chain.
messages() {
	sed -n -e 's/^[^ ][^ ]*:[0-9][0-9]*:[0-9][0-9]*: \(error\|warning\): /\1: /' \
	       -e '/^error: called from$/d' -e '/^warning: called from$/d' \
	       -e '/^error: ignoring const execution_exception/d' \
	       -e '/^\(error\|warning\): /p' "$1"
}

# run SIDE CMD...: SIDE's transcript in $tmp/SIDE.
run() {
	side=$1; shift
	timeout 30 "$@" </dev/null >"$tmp/$side.out" 2>"$tmp/$side.err"
	rc=$?
	[ $rc = 0 ] || rc=nonzero
	{
		cat "$tmp/$side.out"
		echo "--- status $rc"
		messages "$tmp/$side.err"
	} >"$tmp/$side"
}

known() { grep -q "^$1[ 	]" "$here/known.txt" 2>/dev/null; }

[ $# = 0 ] && set -- $(ls ./*.m | sed 's|^\./||; s|\.m$||')
same=0 differ=0 bad=0
for name in "$@"; do
	run lowrank "$exe" "$name.m"
	run octave "$octave" --no-gui --norc --quiet "$name.m"
	if cmp -s "$tmp/lowrank" "$tmp/octave"; then
		same=$((same + 1))
		if known "$name"; then
			echo "FAIL $name: agrees with Octave now; take it off known.txt"
			bad=$((bad + 1))
		fi
		continue
	fi
	differ=$((differ + 1))
	if known "$name"; then
		echo "known $name"
	else
		echo "FAIL $name: differs from Octave (- lowrank, + Octave)"
		bad=$((bad + 1))
	fi
	if [ $verbose = 1 ] || ! known "$name"; then
		diff -u "$tmp/lowrank" "$tmp/octave" | sed 1,2d
	fi
done
echo "$# programs: $same agree with Octave, $differ differ ($bad unexpected)"
[ $bad = 0 ]
