#!/bin/sh
# Benchmark case 6 end to end: the real interactive front end in a 200×60
# tmux terminal trains `sgd A 8 epochs=1500` on 300×300 with the live panel
# (the loss view, then the Matrices view), against the batch front end.
# bench_live.c measures the same without a terminal; this adds what it
# leaves out: copying the grids into ncurses windows and ncurses' output.
#
# The figure is CPU time (user + sys of the lowrank process, from python3's
# getrusage, else /usr/bin/time), which the other programs on a busy machine move far less
# than wall time: for each front end, a run of 1500 epochs less a run of 1
# epoch (start-up, the setup statement and exit cancel out), the median of
# ROUNDS (3 unless LIVE_ROUNDS says). Both interactive runs pay for the loss
# view's floor (an SVD when training starts), so the subtraction would hide
# it: its own cost, which the front end reports, is added back. The interactive runs also report, with
# LOWRANK_TUI_STATS=1, the frames drawn and their mean wall and CPU cost.
#
# With PHOTO, a third case: `sgd I 20 epochs=400 lr=1e-4` on the photograph
# that imread gave, which the front end shows in the picture mode of the
# Matrices view (A, U·Vᵀ and the residual redrawn while it trains), against
# the same in the batch front end (its floor waits for the end: none here).
#     live_tui.sh LOWRANK_EXE [PHOTO]
# Skipped (exit 77) without tmux, or without both python3 and /usr/bin/time.
set -u
. "$(dirname "$0")/median_awk.sh"
exe=${1:?usage: live_tui.sh LOWRANK_EXE [PHOTO]}
photo=${2:-}
command -v tmux >/dev/null 2>&1 || { echo "tmux not found: skipped"; exit 77; }
command -v python3 >/dev/null 2>&1 || [ -x /usr/bin/time ] ||
	{ echo "neither python3 nor /usr/bin/time: skipped"; exit 77; }
rounds=${LIVE_ROUNDS:-3}
cases=${LIVE_CASES:-loss matrices picture}   # which to run
has() { case " $cases " in *" $1 "*) return 0 ;; esac; return 1; }
tmp=$(mktemp -d) || exit 1
sock=lowrank-bench-$$
T() { tmux -L "$sock" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
setup='seed 1; A = rand(300, 8) * rand(8, 300) + 0.01 * randn(300, 300);'
psetup="I = imread('$photo');"
# CPU time in microseconds from python3's getrusage where there is one
# (GNU time counts hundredths of a second: ±0.8 % of a 1.25 s training)
if command -v python3 >/dev/null 2>&1; then
	cat >"$tmp/cpu.py" <<'PY'
import resource, subprocess, sys
subprocess.run(sys.argv[2:])
r = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(sys.argv[1], "w") as f:
    f.write("%.6f %.6f\n" % (r.ru_utime, r.ru_stime))
PY
	timer="python3 $tmp/cpu.py"
else
	timer="/usr/bin/time -f '%U %S' -o"
fi

# Waits (at most 60 s) until the screen shows a line matching $1.
wait_shown() {
	i=0
	while [ $i -lt 3000 ] && ! T capture-pane -p | grep -q "$1"; do
		sleep 0.02
		i=$((i + 1))
	done
}

# Prints "cpu_seconds frames ms_per_frame floor_ms cpu_ms_per_frame" for one
# interactive run.
tui_run() {	# VIEW EPOCHS
	rm -f "$tmp/time" "$tmp/stats"
	T new-session -d -x 200 -y 60 \
		"LOWRANK_TUI_STATS=1 $timer $tmp/time $exe 2>$tmp/stats"
	wait_shown '^>>'
	sleep 0.2
	# a trailing ';' would end the tmux command (and A be printed): escaped
	if [ "$1" = picture ]; then
		T send-keys -l "${psetup%;}\\;"
	else
		T send-keys -l "${setup%;}\\;"
	fi
	T send-keys Enter
	sleep 0.3
	if [ "$1" = matrices ]; then
		T send-keys -l 'view matrices'
		T send-keys Enter
		sleep 0.2
	fi
	if [ "$1" = picture ]; then
		T send-keys -l "$(pstmt "$2")\\;"
	else
		T send-keys -l "sgd A 8 epochs=$2 lr=0.001 seed=7\\;"
	fi
	# the end of the training: a number printed after it (in both runs)
	T send-keys -l ' disp(98765)'
	T send-keys Enter
	wait_shown '^98765'
	sleep 0.2
	T send-keys C-d
	i=0
	while [ $i -lt 250 ] && [ ! -s "$tmp/time" ]; do sleep 0.02; i=$((i + 1)); done
	T kill-server 2>/dev/null
	awk '{ printf "%.6f ", $1 + $2 }' "$tmp/time"
	frames=$(sed -n 's/^lowrank: \([0-9]*\) live frames, \([0-9.]*\) ms each.*/\1 \2/p' "$tmp/stats")
	floor=$(sed -n 's/^lowrank: [0-9]* Eckart-Young floors computed, \([0-9.]*\) ms in all/\1/p' \
		"$tmp/stats")
	cpu=$(sed -n 's/^lowrank: [0-9]* live frames, [0-9.]* ms each, \([0-9.]*\) ms of CPU.*/\1/p' \
		"$tmp/stats")
	echo "$frames $floor ${cpu:-0}"
}

# The picture case's training, EPOCHS epochs.
pstmt() {
	echo "sgd I 20 epochs=$1 lr=1e-4 seed=7"
}

batch_run() {	# EPOCHS [picture]
	if [ "${2:-}" = picture ]; then
		eval "$timer" '"$tmp/time" "$exe" -e "$psetup $(pstmt "$1");"' >/dev/null || return 1
	else
		eval "$timer" '"$tmp/time" "$exe" -e "$setup sgd A 8 epochs=$1 lr=0.001 seed=7;"' \
			>/dev/null || return 1
	fi
	awk '{ printf "%.6f 0 0 0\n", $1 + $2 }' "$tmp/time"
}

# Rounds: each front end (and view) with 1500 epochs and with 1.
: >"$tmp/all"
r=1
while [ "$r" -le "$rounds" ]; do
	for ep in 1500 1; do
		has loss || has matrices || continue
		echo "batch $ep $(batch_run $ep)" >>"$tmp/all"
		has loss && echo "loss $ep $(tui_run loss $ep)" >>"$tmp/all"
		has matrices && echo "matrices $ep $(tui_run matrices $ep)" >>"$tmp/all"
	done
	if [ -n "$photo" ] && has picture; then
		for ep in 400 1; do
			e=$ep
			[ "$ep" = 400 ] && e=1500     # the rows are keyed by the long run's 1500
			echo "pbatch $e $(batch_run $ep picture)" >>"$tmp/all"
			echo "picture $e $(tui_run picture $ep)" >>"$tmp/all"
		done
	fi
	r=$((r + 1))
done

awk -v rounds="$rounds" "$awk_median"'
	NF < 3 { bad = 1; next }
	{ cpu[$1, $2] = cpu[$1, $2] " " $3 }
	$2 == 1500 { frames[$1] = frames[$1] " " $4; ms[$1] = ms[$1] " " $5
	             floor[$1] = floor[$1] " " $6; fcpu[$1] = fcpu[$1] " " $7
	             if ($1 == "picture") {
	                     # this round: training CPU and frames, for the spread
	                     pround[++np] = $3 " " $4 " " $7 " " $6
	             } }
	$2 == 1 && $1 == "picture" { p1[++np1] = $3 }
	$2 == 1500 && $1 == "pbatch" { pb[++npb] = $3 }
	$2 == 1 && $1 == "pbatch" { pb1[++npb1] = $3 }
	END {
		if (bad)
			print "live_tui: a run left no figures"
		b = med(cpu["batch", 1500]) - med(cpu["batch", 1])
		if (cpu["batch", 1500] != "")
			printf "batch: training %.3f s CPU (medians of %d rounds)\n", b, rounds
		for (i = 1; i <= 3; i++) {
			v = i == 1 ? "loss" : i == 2 ? "matrices" : "picture"
			if (cpu[v, 1500] == "")
				continue
			if (v == "picture") {
				if (!np)
					break
				b = med(cpu["pbatch", 1500]) - med(cpu["pbatch", 1])
				printf "batch: the photograph'"'"'s training %.3f s CPU\n", b
			}
			t = med(cpu[v, 1500]) - med(cpu[v, 1]) + med(floor[v]) / 1000
			printf "BENCH name=live_tui_%s cpu_overhead_pct=%.3g runs=%d train_cpu_s=%.4g " \
			       "batch_cpu_s=%.4g frames=%s frames_per_epoch=%.3g ms_per_frame=%s " \
			       "cpu_ms_per_frame=%s frames_cpu_pct=%.3g floor_ms=%s\n", v,
			       100 * (t - b) / b, rounds, t, b, med(frames[v]),
			       med(frames[v]) / (v == "picture" ? 400 : 1500), med(ms[v]), med(fcpu[v]),
			       100 * med(frames[v]) * med(fcpu[v]) / 1000 / b, med(floor[v])
		}
		# the picture case round by round: each round'"'"'s overhead against
		# that round'"'"'s batch run (both less their 1-epoch runs), and the
		# frames'"'"' own CPU time against the training, for the spread
		for (r = 1; r <= np; r++) {
			split(pround[r], f, " ")
			tb = pb[r] - pb1[r]
			printf "# picture round %d: overhead %.3g %%, %d frames of %.3g ms CPU = %.3g %% " \
			       "of the batch training (%.3f s), the floor %s ms\n", r,
			       100 * ((f[1] - p1[r] + f[4] / 1000) - tb) / tb,
			       f[2], f[3], 100 * f[2] * f[3] / 1000 / tb, tb, f[4]
		}
	}' "$tmp/all"
