#!/bin/sh
# Benchmark case 6 end to end: the real interactive front end in a 200×60
# tmux terminal trains `sgd A 8 epochs=1500` on 300×300 with the live panel
# (the loss view, then the Matrices view), against the batch front end.
# bench_live.c measures the same without a terminal; this adds what it
# leaves out: copying the grids into ncurses windows and ncurses' output.
#
# The figure is CPU time (user + sys of the lowrank process, from
# /usr/bin/time), which the other programs on a busy machine move far less
# than wall time: for each front end, a run of 1500 epochs less a run of 1
# epoch (start-up, the setup statement and exit cancel out), the median of
# ROUNDS (3 unless LIVE_ROUNDS says). Both interactive runs pay for the loss
# view's floor (an SVD when training starts), so the subtraction would hide
# it: its own cost, which the front end reports, is added back. The interactive runs also report, with
# LOWRANK_TUI_STATS=1, the frames drawn and their mean wall cost.
#     live_tui.sh LOWRANK_EXE
# Skipped (exit 77) without tmux or /usr/bin/time.
set -u
exe=${1:?usage: live_tui.sh LOWRANK_EXE}
command -v tmux >/dev/null 2>&1 || { echo "tmux not found: skipped"; exit 77; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found: skipped"; exit 77; }
rounds=${LIVE_ROUNDS:-3}
tmp=$(mktemp -d) || exit 1
sock=lowrank-bench-$$
T() { tmux -L "$sock" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
setup='seed 1; A = rand(300, 8) * rand(8, 300) + 0.01 * randn(300, 300);'
fmt='%U %S'

# Waits (at most 60 s) until the screen no longer shows the training.
wait_idle() {
	i=0
	while [ $i -lt 3000 ] && T capture-pane -p | grep -q 'training: Esc'; do
		sleep 0.02
		i=$((i + 1))
	done
}

# Prints "cpu_seconds frames ms_per_frame" for one interactive run.
tui_run() {	# VIEW EPOCHS
	rm -f "$tmp/time" "$tmp/stats"
	T new-session -d -x 200 -y 60 \
		"LOWRANK_TUI_STATS=1 /usr/bin/time -o $tmp/time -f '$fmt' $exe 2>$tmp/stats"
	sleep 0.5
	# a trailing ';' would end the tmux command (and A be printed): escaped
	T send-keys -l "${setup%;}\\;"
	T send-keys Enter
	sleep 0.3
	if [ "$1" = matrices ]; then
		T send-keys -l 'view matrices'
		T send-keys Enter
		sleep 0.2
	fi
	T send-keys -l "sgd A 8 epochs=$2 lr=0.001 seed=7\\;"
	T send-keys Enter
	sleep 0.1
	wait_idle
	sleep 0.2
	T send-keys C-d
	i=0
	while [ $i -lt 250 ] && [ ! -s "$tmp/time" ]; do sleep 0.02; i=$((i + 1)); done
	T kill-server 2>/dev/null
	awk '{ printf "%.3f ", $1 + $2 }' "$tmp/time"
	frames=$(sed -n 's/^lowrank: \([0-9]*\) live frames, \([0-9.]*\) ms each/\1 \2/p' "$tmp/stats")
	floor=$(sed -n 's/^lowrank: [0-9]* Eckart-Young floors computed, \([0-9.]*\) ms in all/\1/p' \
		"$tmp/stats")
	echo "$frames $floor"
}

batch_run() {	# EPOCHS
	/usr/bin/time -o "$tmp/time" -f "$fmt" "$exe" \
		-e "$setup sgd A 8 epochs=$1 lr=0.001 seed=7;" >/dev/null || return 1
	awk '{ printf "%.3f 0 0 0\n", $1 + $2 }' "$tmp/time"
}

# Rounds: each front end (and view) with 1500 epochs and with 1.
: >"$tmp/all"
r=1
while [ "$r" -le "$rounds" ]; do
	for ep in 1500 1; do
		echo "batch $ep $(batch_run $ep)" >>"$tmp/all"
		echo "loss $ep $(tui_run loss $ep)" >>"$tmp/all"
		echo "matrices $ep $(tui_run matrices $ep)" >>"$tmp/all"
	done
	r=$((r + 1))
done

awk -v rounds="$rounds" '
	function med(list,   v, n, i, j, t) {
		n = split(list, v, " ")
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) {
				t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
			}
		return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
	}
	NF < 3 { bad = 1; next }
	{ cpu[$1, $2] = cpu[$1, $2] " " $3 }
	$2 == 1500 { frames[$1] = frames[$1] " " $4; ms[$1] = ms[$1] " " $5
	             floor[$1] = floor[$1] " " $6 }
	END {
		if (bad)
			print "live_tui: a run left no figures"
		b = med(cpu["batch", 1500]) - med(cpu["batch", 1])
		printf "batch: training %.3f s CPU (medians of %d rounds)\n", b, rounds
		for (i = 1; i <= 2; i++) {
			v = i == 1 ? "loss" : "matrices"
			t = med(cpu[v, 1500]) - med(cpu[v, 1]) + med(floor[v]) / 1000
			printf "BENCH name=live_tui_%s cpu_overhead_pct=%.3g runs=%d train_cpu_s=%.4g " \
			       "batch_cpu_s=%.4g frames=%s ms_per_frame=%s floor_ms=%s\n", v,
			       100 * (t - b) / b, rounds, t, b, med(frames[v]), med(ms[v]), med(floor[v])
		}
	}' "$tmp/all"
