#!/bin/sh
# SIGTERM or SIGHUP while `save` writes: the program dies of the signal,
# the temporary file (FILE.tmpPID.N) is removed and the old file is whole.
# usage: save_signal.sh LOWRANK TERM|HUP
set -u
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
sig=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lowrank-savesig-XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
echo 'old contents' >ws.txt
# Writing 9 million numbers exactly takes seconds: long enough to catch.
printf 'A = rand(3000);\nsave ws.txt\ndisp(1)\n' >s.lr
"$exe" s.lr >out 2>err &
pid=$!
i=0
while [ -z "$(ls ws.txt.tmp* 2>/dev/null)" ] && [ $i -lt 300 ]; do
	sleep 0.05
	i=$((i + 1))
done
if [ -z "$(ls ws.txt.tmp* 2>/dev/null)" ]; then
	echo "the temporary file never appeared" >&2
	kill -KILL $pid 2>/dev/null
	exit 1
fi
kill -"$sig" $pid
wait $pid
status=$?
fail=0
case $sig in TERM) want=143 ;; HUP) want=129 ;; *) want=0 ;; esac
if [ $status -ne $want ]; then
	echo "status $status, expected $want" >&2
	fail=1
fi
if [ -n "$(ls ws.txt.tmp* 2>/dev/null)" ]; then
	echo "left behind: $(ls ws.txt.tmp*)" >&2
	fail=1
fi
if [ "$(cat ws.txt)" != 'old contents' ]; then
	echo "the old file was changed" >&2
	fail=1
fi
exit $fail
