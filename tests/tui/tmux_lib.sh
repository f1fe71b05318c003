# Shared by the tmux tests (sourced, not run): reading the screen of the
# session "t" on the server T talks to, bounded waits, and typing. The
# sourcing script defines T() first (its own server socket).

screen() { T capture-pane -p -t t; }
fail() { echo "FAIL: $*"; echo "---- screen ----"; screen; echo "----------------"; exit 1; }
# wait_for PATTERN [TENTHS]: polls the screen until grep -E finds PATTERN.
wait_for() {
	n=0
	while [ "$n" -lt "${2:-50}" ]; do
		screen | grep -Eq -- "$1" && return 0
		sleep 0.1
		n=$((n + 1))
	done
	fail "no /$1/ on the screen"
}
absent() { screen | grep -Eq -- "$1" && fail "/$1/ should not be on the screen"; return 0; }
# type_line TEXT: types it literally and presses Enter. A trailing ';' of an
# argument ends a tmux command (send-keys 'x;' types x), so it is sent
# escaped; type_line 'B = rand(9);' must not print B.
type_line() {
	case $1 in
	*';') T send-keys -t t -l "${1%;}\\;" ;;
	*) T send-keys -t t -l "$1" ;;
	esac
	T send-keys -t t Enter
}
