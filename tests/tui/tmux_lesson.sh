#!/bin/sh
# Lessons and demo mode in a real terminal (tmux), as a student and a
# lecturer would use them:
#  - `lowrank --lesson 1`: the Lesson view, next, an exercise answered wrong
#    (the check's message), a hint, a right answer, quitting, and resuming at
#    the saved step;
#  - `explore A` showing the Spectrum view, + stepping k;
#  - `lowrank --demo FILE`: a key types and runs the first statement, b goes
#    back, q leaves to the free prompt where a statement can be typed; of a
#    lesson file, the steps' captions, the pauses (p) and b's view.
# Every wait is a bounded polling loop. Exit 77 (skip) without tmux.
# Usage: tmux_lesson.sh PATH/TO/lowrank PATH/TO/lessons
exe=$1
lessons=$2
. "$(dirname "$0")/tmux_lib.sh"
tmux_init lesson
[ -x "$exe" ] && [ -d "$lessons" ] || { echo "usage: $0 LOWRANK LESSONS_DIR"; exit 2; }

# start ARGS...: lowrank in a fresh 80x24 window (the projector size).
start() { tmux_lowrank 80x24 "LOWRANK_LESSONS='$lessons'" "$*"; }

# ---- a student plays lesson 1 ----
start --lesson 1
wait_for '\[F6 Lesson\]'
wait_for '^ Lesson 1: Matrices and the language +step 1 of 9 *$'
wait_for '^  next: the next step'
echo "ok - --lesson 1 starts the REPL with the lesson in the panel"

# the step's text takes the rows it needs, the output the rest: the rule
# (the lesson's keys) sits right under the step's keys, above the 15th row
# where the usual 3/5 of 24 rows put it
rule=$(screen | grep -n 'lesson: next back hint' | cut -d: -f1)
keys=$(screen | grep -n '^  next: the next step' | cut -d: -f1)
[ -n "$rule" ] && [ -n "$keys" ] && [ "$rule" = $((keys + 1)) ] && [ "$rule" -lt 15 ] ||
	fail "the rule is on row $rule, the step's keys on row $keys"
T send-keys -t t F2
wait_for '\[F2 Matrices\]'
rule=$(screen | grep -n 'F2-F5 views' | cut -d: -f1)
[ "$rule" = 15 ] || fail "the Matrices view's rule is on row $rule, not 15"
T send-keys -t t F6
wait_for '\[F6 Lesson\]'
echo "ok - the Lesson view takes the rows of its text; the other views 3/5"

step=1
while [ "$step" -lt 9 ]; do
	type_line 'next'
	step=$((step + 1))
	wait_for "step $step of 9 *\$"
done
wait_for '^ Lesson 1: .*exercise, step 9 of 9 *$'
wait_for '^  Your turn$'
wait_for '^  check: your answer +hint: one at a time'
echo "ok - next walks the steps up to the exercise"

# the other views stay one key away; F6 brings the step back
T send-keys -t t F2
wait_for '\[F2 Matrices\]'
absent '^ Lesson 1: .*exercise, step 9 of 9 *$'
T send-keys -t t F6
wait_for '\[F6 Lesson\]'
wait_for '^ Lesson 1: .*exercise, step 9 of 9 *$'
echo "ok - F2 and F6 switch between a view and the lesson"

type_line 'B = A'
type_line 'p = 1'
type_line 'check'
wait_for '^Not yet: B is 2×3 but must be 3×2$'
type_line 'hint'
wait_for '^Hint 1 of 2: The columns of B are the rows of A: that is a transpose\.$'
type_line "B = A'"
type_line 'p = A * B'
type_line 'check'
wait_for "^Correct! Type 'next' to go on\.\$"
echo "ok - a wrong answer gets the check's message, a hint, then a right answer"

type_line 'quit'
wait_for '^EXITED 0$'
grep -q '01-matrices' "$tmp/state/lowrank/progress" || fail "no progress saved"

start --lesson 1
wait_for '^Resuming lesson 1 at step 9 of 9'
wait_for '^ Lesson 1: .*exercise, step 9 of 9 *$'
# the workspace holds what the earlier steps made; the answer is typed again
type_line "B = A'; p = A * B;"
wait_for "^>> B = A'; p = A \\* B;$"
type_line 'next'
wait_for '^Lesson 1 \(Matrices and the language\) is done: well done\.$'
absent 'F6 Lesson'
echo "ok - quit and start again: resumes at the saved step; next ends the lesson"

# ---- lesson 8: Ctrl-C in an endless loop, then the loop the exercise asks
# for typed over several lines at the '..' prompt ----
start --lesson 8
wait_for 'step 1 of 12 *$'
type_line 'next'
wait_for 'step 2 of 12 *$'
type_line 'next'
wait_for 'exercise, step 3 of 12, no skip *$'
absent 'skip: go on'
wait_for '^  check: your answer +hint: one at a time +reveal: the answer +back *$'
type_line 'n = 0;'
type_line 'while true, n += 1; end'
sleep 1
T send-keys -t t C-c
wait_for '^error: interrupted; the variables keep the values they had$'
type_line 'disp(n > 1000)'
wait_for '^1$'
type_line 'check'
wait_for '^Not yet: X is not defined yet$'
wait_for 'exercise, step 3 of 12, no skip *$'
echo "ok - Ctrl-C stops an endless loop in a lesson; the lesson goes on"

type_line 'x = x0; X = zeros(3, 40); lams = zeros(1, 40);'
type_line 'for k = 1:40'
wait_for '^\.\. *$'
type_line 'x = A * x;'
type_line 'x = x / norm(x);'
type_line 'X(:, k) = x;'
wait_for '^\.\. X\(:, k\) = x;$'
type_line "lams(k) = x' * A * x;"
type_line 'end'
type_line 'check'
wait_for "^Correct! Type 'next' to go on\.\$"
type_line 'next'
wait_for 'step 4 of 12 *$'
wait_for '^ +4\.7321$'
echo "ok - a block typed at a lesson's prompt runs at its end and passes the check"

# ---- a check that calls the student's endless function: Ctrl-C stops it ----
start --lesson "$(cd "$(dirname "$0")/../lessons/blocks" && pwd)/function.lr"
wait_for 'exercise, step 1 of 2 *$'
type_line 'function r = sq(x), while true, end, r = x; end'
type_line 'check'
sleep 1
T send-keys -t t C-c
wait_for '^Not yet: the check was interrupted before it finished$' 30
type_line 'function r = sq(x), r = x.^2; end'
type_line 'check'
wait_for "^Correct! Type 'next' to go on\\.\$"
echo "ok - Ctrl-C stops a check that runs the student's endless function"

# ---- explore: the Spectrum view, + and - step k ----
type_line 'C = [4 2 0.5 1; 2 1 0.3 0.4; 1 3 2 0.2; 3 3 1 0.8]'
type_line 'explore C 2'
wait_for '^  >  2 '
wait_for '\[F4 Spectrum\]'
wait_for 'k = 2 of 4'
T send-keys -t t '+'
wait_for 'k = 3 of 4'
echo "ok - explore prints its table and shows the Spectrum view; + steps k"
type_line 'quit'
wait_for '^EXITED 0$'

# ---- demo mode ----
# The script begins with a UTF-8 byte order mark, skipped as batch mode does.
printf '\357\273\277' >"$tmp/demo.lr"
cat >>"$tmp/demo.lr" <<'EOF'
# a demo: comments are not typed
A = [4 2 0.5; 2 1 0.3; 1 3 2]
#: step a directive is a comment too
x = 40 + 2
y = x * 2
EOF
start --demo "$tmp/demo.lr"
wait_for '^demo of .*demo.lr: 3 statements'
wait_for 'demo: 0 of 3 played'
T send-keys -t t n
wait_for '^>> A = \[4 2 0\.5; 2 1 0\.3; 1 3 2\]$'
wait_for '^   1\.0000   3\.0000   2\.0000$'
wait_for 'demo: 1 of 3 played'
T send-keys -t t n
wait_for '^x = 42$'
absent 'directive'
echo "ok - --demo types each statement and runs it"

# Esc and Ctrl-C between statements (pressed as a training ends) stay in
# the demo; only q leaves it
T send-keys -t t Escape
T send-keys -t t C-c
sleep 0.3
absent 'demo left'
wait_for 'demo: 2 of 3 played'
echo "ok - Esc and Ctrl-C do not leave the demo"

T send-keys -t t b
wait_for '^\(back: statement 1 ran again quietly; a key plays statement 2\)$'
wait_for 'demo: 1 of 3 played'
T send-keys -t t q
wait_for '^\(demo left after statement 1 of 3: the workspace is kept'
type_line 'z = A(3, 2) + 1'
wait_for '^z = 4$'
# back ran the script again in a fresh session: x = 42 is undone
type_line 'x'
wait_for "^error: unknown variable or function 'x'"
type_line 'quit'
wait_for '^EXITED 0$'
echo "ok - b goes back a step, q leaves to the free prompt with the workspace"

# b's fresh session keeps the limits given with --limit
start --limit depth=50 --demo "$tmp/demo.lr"
wait_for 'demo: 0 of 3 played'
T send-keys -t t n
wait_for 'demo: 1 of 3 played'
T send-keys -t t b
wait_for '^\(back to the start: a fresh workspace; a key plays statement 1\)$'
T send-keys -t t q
wait_for '^\(demo left'
type_line 'limit'
wait_for '^limit depth 50$'
type_line 'quit'
wait_for '^EXITED 0$'
echo "ok - b keeps the --limit values"

# ---- demo of a lesson file: captions, pauses, b's view ----
cat >"$tmp/lesson.lr" <<'EOF'
#: title A demo lesson
% an author's note
#: step First step
# The text of the first step.
A = [4 2 0.5; 2 1 0.3; 1 3 2];
svd A 1
#: step Predict
# Will SGD reach the SVD's loss?
#: step See
sgd A 1 epochs=50 seed=1;
# It comes close.
#
#: exercise Your turn
# Make B twice A.
#: hint 2*A
#: answer
B = 2 * A;
EOF
start --demo "$tmp/lesson.lr"
wait_for 'demo: 0 of 4 played .*p: pauses off'
absent 'low-rank factorisation, by gradient descent'
absent '^Try:'
echo "ok - --demo starts without the banner"
T send-keys -t t n
wait_for '^>> A = \[4 2 0\.5; 2 1 0\.3; 1 3 2\];$'
wait_for 'demo: 1 of 4 played'                 # typed and run
screen | grep -A3 -x '== A demo lesson ==' | tr '\n' '|' |
	grep -q '^== A demo lesson ==|-- First step --|The text of the first step\.|>> A = ' ||
	fail "no caption above the first statement"
absent "author's note"
T send-keys -t t n
wait_for '\[F4 Spectrum\]'
T send-keys -t t n
wait_for '^\(the class answers first: a key plays statement 3\)$'
screen | grep -A4 -x -- '-- Predict --' | tr '\n' '|' |
	grep -q "^-- Predict --|Will SGD reach the SVD's loss?|-- See --|(the class answers first" ||
	fail "no caption of the question before the pause"
absent '^>> sgd'
T send-keys -t t n
wait_for '^>> sgd A 1 epochs=50 seed=1;$'
wait_for '\[F3 Loss\]'
echo "ok - a lesson's steps are captions above their statements; a question pauses"

T send-keys -t t b
wait_for '^\(back: statements 1 to 2 ran again quietly; a key plays statement 3\)$'
wait_for '\[F4 Spectrum\]'
echo "ok - b puts the panel back on the view of the step it returns to"

T send-keys -t t n
wait_for 'demo: 2 of 4 played'
wait_for '^\(the class answers first: a key plays statement 3\)$'
T send-keys -t t n
wait_for 'demo: 3 of 4 played .*p: pauses off'
T send-keys -t t p
wait_for '^\(pauses off: each key plays the next statement\)$'
wait_for 'p: pauses on'
T send-keys -t t n
wait_for '^\(the end of .*lesson\.lr: the prompt is yours\)$'   # typed and run
screen | grep -B4 -x '>> B = 2 \* A;' | tr '\n' '|' |
	grep -q '^It comes close\.||-- exercise: Your turn --|Make B twice A\.|>> B = 2 \* A;|$' ||
	fail "no caption, or a pause, before the answer with pauses off"
absent '2\*A'
type_line 'quit'
wait_for '^EXITED 0$'
echo "ok - p turns the pauses off: the exercise's caption, then its answer at once"

# --demo without a terminal is refused
"$exe" --demo "$tmp/demo.lr" </dev/null >"$tmp/out" 2>"$tmp/err"
[ $? = 2 ] || fail "--demo without a terminal should exit 2"
grep -q -- '--demo needs a terminal' "$tmp/err" || fail "no message: $(cat "$tmp/err")"
echo "ok - --demo needs a terminal"
exit 0
