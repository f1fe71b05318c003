# Shared by the tmux tests (sourced, not run): the set-up every one of them
# needs, reading the screen of the session "t", bounded waits, and typing.
# A test sources it, calls tmux_init NAME, checks its own arguments and
# starts lowrank with tmux_lowrank (or anything else with tmux_session).

# tmux_init NAME: skips (77) without tmux; makes $tmp, removed at exit with
# the test's tmux server. NAME tells the test's servers from others'.
tmux_init() {
	command -v tmux >/dev/null 2>&1 || { echo "tmux not found: skipped"; exit 77; }
	tmp=$(mktemp -d) || exit 1
	sock_name="lowrank-$1-$$"
	runs=0
	sock="$sock_name-0"
	trap cleanup EXIT INT TERM
}
T() { tmux -L "$sock" "$@"; }
cleanup() { T kill-server >/dev/null 2>&1; rm -rf "$tmp"; }

# tmux_session COLSxROWS COMMAND: the shell text COMMAND in a fresh window
# of that size, on a server of its own: a killed server's socket may linger
# for a moment, and a session started then could reach the dying server.
tmux_session() {
	T kill-server >/dev/null 2>&1
	runs=$((runs + 1))
	sock="$sock_name-$runs"
	T -f /dev/null new-session -d -s t -x "${1%x*}" -y "${1#*x}" "$2" || exit 1
}

# lowrank_command ENV ARGS: the shell text that runs $exe with ARGS (shell
# text: redirections may follow) in a UTF-8 xterm with no inputrc and the
# state folder in $tmp, the assignments ENV after those (a later one wins),
# and then shows "EXITED status" and keeps the window with its last screen.
lowrank_command() {
	printf '%s' "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 INPUTRC=/dev/null \
XDG_STATE_HOME='$tmp/state' $1 '$exe' $2; echo \"EXITED \$?\"; sleep 120"
}
# tmux_lowrank COLSxROWS ENV ARGS: lowrank_command in a fresh window.
tmux_lowrank() { tmux_session "$1" "$(lowrank_command "$2" "$3")"; }

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
