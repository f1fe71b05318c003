#!/bin/sh
# Output that cannot be written is an error, not a silent success: standard
# output on a full disk (/dev/full) or closed (>&-) ends with status 1 and
# "lowrank: cannot write the output: ..." on standard error, and a failed
# write stops the script as Ctrl-C does.
# usage: output.sh LOWRANK full|closed
set -u
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lowrank-output-XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
fail=0
case $case in
full)
	[ -c /dev/full ] || { echo "no /dev/full: skipped"; exit 77; }
	# The output of A fills stdio's buffer, so its write fails at once: the
	# script stops there and the save after it does not run.
	"$exe" -e 'A = rand(40); A, save ws.txt' >/dev/full 2>err
	status=$?
	want='lowrank: cannot write the output: No space left on device'
	if [ -e ws.txt ]; then
		echo "the script went on after its output failed" >&2
		fail=1
	fi
	;;
closed)
	# Output too short to be flushed before the end: the save runs (with
	# descriptor 1 held, its file cannot take that number), the error is
	# found when the output is flushed.
	"$exe" -e 'x = 2; save ws.txt; disp(x)' >&- 2>err
	status=$?
	want='lowrank: cannot write the output: Bad file descriptor'
	if ! printf 'x = 1; load ws.txt; disp(x)\n' | "$exe" | grep -qx 2; then
		echo "the workspace saved with standard output closed does not load:" >&2
		head -c 300 ws.txt >&2
		fail=1
	fi
	;;
*)
	echo "unknown case $case" >&2
	exit 2
	;;
esac
if [ $status -ne 1 ]; then
	echo "$case: status $status, expected 1" >&2
	fail=1
fi
if [ "$(cat err)" != "$want" ]; then
	echo "$case: expected on stderr: $want" >&2
	echo "found:" >&2
	cat err >&2
	fail=1
fi
exit $fail
