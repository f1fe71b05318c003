#!/bin/sh
# Batch mode reads a script statement by statement (issue 7): a long stream
# through a pipe runs in bounded memory, and an endless line is refused as
# soon as it passes 'limit line', with status 1.
# usage: stream.sh LOWRANK many|endless_line|endless_default|interactive
set -u
exe=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lowrank-stream-XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
fail=0

# N statements 'x = x + 1;', each with a 200-byte comment, then disp(x).
gen() {
	awk -v n="$1" 'BEGIN {
		pad = sprintf("%200s", ""); gsub(/ /, "#", pad)
		print "x = 0;"
		for (i = 0; i < n; i++) print "x = x + 1; % " pad
		print "disp(x)"
	}'
}

# AddressSanitizer keeps freed memory in quarantine (256 MB): a small one
# lets the peak below measure the program, not the sanitizer (and does
# nothing to a plain build).
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=1:thread_local_quarantine_size_kb=64"
export ASAN_OPTIONS

# Peak resident memory in KB of running LOWRANK on the stream gen N, or
# nothing when /usr/bin/time is missing.
peak() {
	if [ -x /usr/bin/time ]; then
		gen "$1" | /usr/bin/time -f %M -o "$tmp/rss" "$exe" >"$tmp/out" 2>"$tmp/err"
		echo "status $?" >>"$tmp/out"
		tail -n 1 "$tmp/rss"
	else
		gen "$1" | "$exe" >"$tmp/out" 2>"$tmp/err"
		echo "status $?" >>"$tmp/out"
	fi
}

case $case in
many)
	# 200,000 statements, 43 MB of text: every one runs, and memory grows
	# by less than 8 MB over a stream of 200 (reading it whole would take
	# 64 MB).
	small=$(peak 200)
	big=$(peak 200000)
	if [ "$(cat "$tmp/out")" != "$(printf '200000\nstatus 0')" ] || [ -s "$tmp/err" ]; then
		echo "many: expected 200000 and status 0, found:" >&2
		head -c 300 "$tmp/out" "$tmp/err" >&2
		fail=1
	fi
	if [ -n "$small" ] && [ -n "$big" ]; then
		echo "peak RSS: $small KB for 200 statements, $big KB for 200000"
		if [ $((big - small)) -gt 8192 ]; then
			echo "many: memory grew by $((big - small)) KB over the stream" >&2
			fail=1
		fi
	fi
	;;
endless_line)
	# An endless line: refused after 1 MB, at once, with its line number.
	{ printf 'disp(7)\nlimit line 1e6\n'; yes x | tr -d '\n'; } |
		timeout 20 "$exe" >"$tmp/out" 2>"$tmp/err"
	status=$?
	want="<stdin>:3:1: error: the statement is too long, over the limit of 1000000 bytes (raise it with 'limit line N')"
	if [ $status -ne 1 ] || [ "$(cat "$tmp/out")" != 7 ] ||
	   [ "$(head -n 1 "$tmp/err")" != "$want" ]; then
		echo "endless_line: status $status (expected 1), output:" >&2
		head -c 300 "$tmp/out" "$tmp/err" >&2
		fail=1
	fi
	;;
endless_default)
	# The same with the default limit, 8 MiB.
	yes x | tr -d '\n' | timeout 20 "$exe" >"$tmp/out" 2>"$tmp/err"
	status=$?
	want="<stdin>:1:1: error: the statement is too long, over the limit of 8388608 bytes (raise it with 'limit line N')"
	if [ $status -ne 1 ] || [ "$(head -n 1 "$tmp/err")" != "$want" ]; then
		echo "endless_default: status $status (expected 1), output:" >&2
		head -c 300 "$tmp/err" >&2
		fail=1
	fi
	;;
interactive)
	# A statement runs as soon as its line arrives, before the input ends:
	# the output of the first is there while the pipe is still open.
	mkfifo "$tmp/in" || exit 2
	"$exe" <"$tmp/in" >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	exec 3>"$tmp/in"
	echo 'disp(42)' >&3
	i=0
	while [ "$(cat "$tmp/out")" != 42 ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if [ "$(cat "$tmp/out")" != 42 ]; then
		echo "interactive: the first statement had not run after 10 s" >&2
		fail=1
	fi
	exec 3>&-
	wait $pid
	;;
*)
	echo "unknown case $case" >&2
	exit 2
	;;
esac
exit $fail
