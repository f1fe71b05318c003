#!/bin/sh
# Re-checks the goldens whose text is valid Octave against GNU Octave itself.
# For each NAME.octave next to a NAME.lr:
#   NAME.octave empty      octave-cli's standard output must equal NAME.out
#   NAME.octave non-empty  it must equal NAME.octave: Octave's own output,
#                          kept verbatim where we deviate on purpose (each
#                          deviation is listed in the README)
# Octave is given the script as the golden is (NAME.how: file, stdin or -e,
# as --eval); NAME.args (options of ours) are not passed on. Only standard
# output is compared: Octave's messages on standard error differ from ours.
#
# usage: octave.sh [DIR/NAME.lr ...]   (no names: every NAME.octave here)
# OCTAVE names the program (default octave-cli); when it is not installed
# the check is skipped (exit 77). With LR_OCTAVE_UPDATE=1 each NAME.octave
# is rewritten instead: emptied when Octave's output equals NAME.out, else
# filled with it (then read the diff before committing).
set -u
octave=${OCTAVE:-octave-cli}
if ! command -v "$octave" >/dev/null 2>&1; then
	echo "skip: $octave is not installed"
	exit 77
fi
here=$(cd "$(dirname "$0")" && pwd) || exit 99
tmp=${TMPDIR:-/tmp}/lr-octave.$$
mkdir -p "$tmp" || exit 99
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

# run_octave NAME: Octave's standard output for NAME.lr, in $tmp/out.
# Runs in the script's folder, as run.sh runs ours.
run_octave() {
	how=file
	[ -f "$1.how" ] && how=$(cat "$1.how")
	set -- "$1" "$octave" --no-gui --norc --quiet
	case $how in
	file)  "$2" "$3" "$4" "$5" "$1.lr" </dev/null ;;
	stdin) "$2" "$3" "$4" "$5" <"$1.lr" ;;
	-e)    "$2" "$3" "$4" "$5" --eval "$(cat "$1.lr")" </dev/null ;;
	*)     echo "octave.sh: $1.how: expected file, stdin or -e, found '$how'" >&2
	       return 99 ;;
	esac >"$tmp/out" 2>"$tmp/err"
	return 0
}

# check DIR/NAME.lr: 0 when Octave agrees as NAME.octave says, else 1.
check() {
	dir=$(dirname "$1")
	name=$(basename "$1" .lr)
	(
	cd "$dir" || exit 99
	run_octave "$name" || exit 99
	want=$name.octave
	[ -s "$name.octave" ] || want=$name.out
	if [ "${LR_OCTAVE_UPDATE:-0}" = 1 ]; then
		if cmp -s "$name.out" "$tmp/out"; then : >"$name.octave"
		else cp "$tmp/out" "$name.octave"; fi
		echo "updated $name.octave"
		exit 0
	fi
	[ -f "$name.octave" ] || { echo "octave.sh: no $name.octave in $dir" >&2; exit 99; }
	if ! diff -u "$want" "$tmp/out"; then
		echo "FAIL $name: Octave's output differs from $want (- expected, + Octave)"
		exit 1
	fi
	echo "ok $name ($want)"
	)
}

fail=0
if [ $# = 0 ]; then
	for f in "$here"/*.octave; do
		[ -f "$f" ] || continue
		check "${f%.octave}.lr" || fail=1
	done
else
	for f in "$@"; do check "$f" || fail=1; done
fi
exit $fail
