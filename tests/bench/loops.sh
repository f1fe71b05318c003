#!/bin/sh
# The three loop benchmarks of the language (issue #10), as whole processes,
# side by side with GNU Octave where it is installed:
#   loop_sum       s = 0; for i = 1:1e6, s = s + i; end
#   loop_power     power iteration, 1000 steps of x = A*x; x = x / norm(x)
#                  on a 200×200 matrix
#   loop_if_index  1e5 steps of a loop with an if and indexing into a vector
#   loop_calls     1e5 calls of a small user function defined in the script
#   loop_handle    1e5 calls of an anonymous function capturing a variable
# Each script is valid Octave and prints its result, which must be the same
# on both sides (else the run fails). Wall time of the whole process
# (start-up included, as a user waits for it), median over ROUNDS rounds
# (3 unless LOOPS_ROUNDS says), the sides taking turns within a round.
#     loops.sh LOWRANK [--quick]
# --quick runs lowrank alone, once, and checks the results (a smoke test).
set -u
. "$(dirname "$0")/median_awk.sh"
exe=${1:?usage: loops.sh LOWRANK [--quick]}
quick=${2:-}
dir=$(cd "$(dirname "$0")/loops" && pwd)
rounds=${LOOPS_ROUNDS:-3}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cases="loop_sum loop_power loop_if_index loop_calls loop_handle"

# The results every side must print.
want() {
	case $1 in
	loop_sum) echo 500000500000 ;;
	loop_power) echo 19.616560 ;;
	loop_if_index) echo 3624000 ;;
	loop_calls) echo 100000 ;;
	loop_handle) echo 10000200000 ;;
	esac
}

now_ms() { date +%s%3N; }

# The CPU time (user + system) of the process beside its wall time: the
# machine may be shared, and CPU time moves less with its load. Measured by
# python3's getrusage (microseconds) where there is one, else by GNU time
# (10 ms steps), else not at all.
timer=
if command -v python3 >/dev/null 2>&1; then
	timer=python3
elif [ -x /usr/bin/time ] && /usr/bin/time -f %U true 2>/dev/null; then
	timer=gnu
fi
cat >"$tmp/cpu.py" <<'PY'
import resource, subprocess, sys
def cpu():
    # children's time so far: what python itself may have started counts too
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
before = cpu()
with open(sys.argv[2], "w") as out, open(sys.argv[3], "w") as err:
    rc = subprocess.call(sys.argv[4:], stdout=out, stderr=err)
with open(sys.argv[1], "w") as f:
    f.write("%d\n" % round((cpu() - before) * 1000))
sys.exit(rc)
PY

# run SIDE CASE: prints "WALL_MS CPU_MS" for the process (CPU_MS is - when
# it cannot be measured); 1 if its result is wrong.
run() {
	if [ "$1" = lowrank ]; then
		set -- "$1" "$2" "$exe" "$dir/$2.lr"
	else
		set -- "$1" "$2" octave-cli --no-gui --norc --quiet "$tmp/$2.m"
	fi
	side=$1
	c=$2
	shift 2
	t0=$(now_ms)
	case $timer in
	python3) python3 "$tmp/cpu.py" "$tmp/time" "$tmp/out" "$tmp/err" "$@" ;;
	gnu) /usr/bin/time -f '%U %S' -o "$tmp/time" "$@" >"$tmp/out" 2>"$tmp/err" ;;
	*) "$@" >"$tmp/out" 2>"$tmp/err" ;;
	esac
	t1=$(now_ms)
	if [ "$(cat "$tmp/out")" != "$(want "$c")" ]; then
		echo "$side $c: printed '$(head -c 200 "$tmp/out")', expected '$(want "$c")'" >&2
		head -5 "$tmp/err" >&2
		return 1
	fi
	case $timer in
	python3) cpu=$(cat "$tmp/time") ;;
	gnu) cpu=$(awk 'END { printf "%d", ($1 + $2) * 1000 }' "$tmp/time") ;;
	*) cpu=- ;;
	esac
	echo "$((t1 - t0)) $cpu"
}

if [ "$quick" = --quick ]; then
	for c in $cases; do
		run lowrank "$c" >/dev/null || exit 1
		echo "ok - $c"
	done
	exit 0
fi

sides=lowrank
if command -v octave-cli >/dev/null 2>&1; then
	sides="lowrank octave"
	for c in $cases; do cp "$dir/$c.lr" "$tmp/$c.m"; done
else
	echo "octave: octave-cli not installed, lowrank alone"
fi

: >"$tmp/all"
r=1
while [ "$r" -le "$rounds" ]; do
	for c in $cases; do
		for s in $sides; do
			ms=$(run "$s" "$c") || exit 1
			echo "$c $s $ms" >>"$tmp/all"
		done
	done
	r=$((r + 1))
done

echo "whole processes: wall ms and CPU ms (user + system), medians of $rounds rounds;"
echo "ratio = octave / lowrank, of CPU time where measured (the machine may be busy)"
awk "$awk_median"'
	{
		if (!(($1) in seen)) { seen[$1] = 1; order[++n] = $1 }
		w[$1, $2] = w[$1, $2] " " $3
		if ($4 != "-") c[$1, $2] = c[$1, $2] " " $4
	}
	END {
		for (i = 1; i <= n; i++) {
			k = order[i]
			ow = med(w[k, "lowrank"]); oc = ((k, "lowrank") in c) ? med(c[k, "lowrank"]) : -1
			line = sprintf("%-14s lowrank %6d ms wall %6s ms cpu", k, ow,
			               oc < 0 ? "-" : sprintf("%d", oc))
			bench = sprintf("BENCH name=%s lowrank_wall_ms=%d", k, ow)
			if ((k, "octave") in w) {
				tw = med(w[k, "octave"]); tc = ((k, "octave") in c) ? med(c[k, "octave"]) : -1
				r = (oc > 0 && tc > 0) ? tc / oc : tw / (ow > 0 ? ow : 1)
				line = line sprintf("   octave %6d ms wall %6s ms cpu   ratio %6.2f", tw,
				                    tc < 0 ? "-" : sprintf("%d", tc), r)
				bench = bench sprintf(" octave_wall_ms=%d ratio=%.3g", tw, r)
			}
			print line
			print bench
		}
	}' "$tmp/all"
