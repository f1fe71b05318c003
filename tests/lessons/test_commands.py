#!/usr/bin/env python3
"""Tests of the lesson commands, driven through the real program in batch
mode: lowrank -e '...' with LOWRANK_LESSONS at tests/lessons/fixtures and
XDG_STATE_HOME at a fresh temporary folder.

usage: test_commands.py LOWRANK TESTS_LESSONS_DIR SUBTEST
Each subtest is registered with meson on its own (lessons:cmd@NAME)."""
import os
import subprocess
import sys
import tempfile

EXE, HERE, NAME = sys.argv[1], sys.argv[2], sys.argv[3]
FIX = os.path.join(HERE, "fixtures")
STATE = tempfile.mkdtemp(prefix="lowrank-lesson-test-")


def run(script, lessons=FIX, args=None, stdin=None):
    env = dict(os.environ, LOWRANK_LESSONS=lessons, XDG_STATE_HOME=STATE, LC_ALL="C.UTF-8")
    cmd = [EXE] + (args if args is not None else ["-e", script])
    p = subprocess.run(cmd, env=env, input=stdin, capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def progress():
    path = os.path.join(STATE, "lowrank", "progress")
    with open(path) as f:
        return [l.split() for l in f if not l.startswith("#")]


def expect(cond, what, out=""):
    if not cond:
        print("FAIL:", what)
        print(out)
        sys.exit(1)


def has_order(out, *parts):
    """1 if the parts occur in out in this order."""
    at = 0
    for p in parts:
        at = out.find(p, at)
        if at < 0:
            return False
        at += len(p)
    return True


def t_list():
    rc, out, err = run("lessons")
    expect(rc == 0, "lessons exits 0", err)
    expect(has_order(out, " 1  A demo", "  4 steps", " 2  Skipping allowed", "  2 steps"),
           "lessons lists both fixtures with their steps", out)


def t_wrong_answer():
    rc, out, err = run("lesson 1\nnext\nnext\ncheck\nz = 3\ncheck\nz = [3; 9]\ncheck\n"
                       "z = [1 2 3]\ncheck\nz = [1; 2]\ncheck\nz = y(:, 2);\ncheck\nnext\n"
                       "w = 3.0001;\ncheck\n")
    expect(rc == 0, "exit 0", err)
    expect(has_order(out, "Not yet: z is not defined yet",
                     "Not yet: z is 1×1 but must be 2×1",
                     "Not yet: z has the right shape (2×1), but 2 of its 2 entries are not the "
                     "values asked for",
                     "Not yet: z has 3 elements; a column of y has 2",
                     "Not yet: your answer cannot be checked as it is: a variable the exercise "
                     "asks for has a shape, size or value it cannot have",
                     "Correct! Type 'next' to go on.",
                     "Get w below 3.",
                     "Not yet: w is 3.0001; it must be below 3"),
           "each wrong answer gets its check's message", out)
    expect("out of range" not in out and "index" not in out,
           "no error of the check's own code is shown", out)
    expect("should be" not in out and "4\n" not in out.split("Not yet: z has the right")[1][:80],
           "the target is not shown", out)


def t_near():
    """A near miss says so and gives the tolerance; a far miss says only that
    it is not the value asked for; within the tolerance is correct."""
    rc, out, err = run("lesson 2\na = 5.0000102;\ncheck\na = 4.9;\ncheck\n"
                       "a = 5 + 1e-7;\ncheck\n")
    expect(rc == 0 and has_order(out, "Not yet: a is 5.00001, near but not within 5e-06 of "
                                 "the value asked for", "Not yet: a is 4.9, which is not the "
                                 "value asked for", "Correct!"),
           "near and far misses", out + err)


def t_kept():
    rc, out, err = run("lesson 1\nnext\nnext\ny = [5 3; 7 8]; z = y(:, 2)\ncheck\n"
                       "z = [2; 4]\ncheck\n")
    expect(rc == 0 and has_order(out, "Not yet: z has the right shape", "Correct!"),
           "the check reads the lesson's y, not the student's", out + err)
    rc, out, err = run("lesson 1\nnext\nnext\ny = 7;\nz = [2; 4];\ncheck\ny\n")
    expect(rc == 0 and has_order(out, "Correct!", "y = 7"),
           "after a check the student's own y is back", out + err)


def t_recheck():
    rc, out, err = run("lesson 1\nnext\nnext\nz = y(:, 2);\ncheck\nz = [2; 5];\nnext\n"
                       "z = y(:, 2);\nnext\n")
    expect(rc == 0 and has_order(out, "Correct! Type 'next'", "Your answer no longer passes.",
                                 "Not yet: z has the right shape", "Correct.", "Get w below 3."),
           "next checks again an answer broken after check", out + err)


def t_real_list():
    """The real lessons, as `lessons` lists them: every title fits its column."""
    rc, out, err = run("lessons", lessons=os.path.join(os.path.dirname(os.path.dirname(HERE)),
                                                       "lessons"))
    lines = out.splitlines()
    expect(rc == 0 and len(lines) == 10, "lessons lists the nine lessons", out + err)
    for want in ["7  Least squares: A \\ b, normal equations, QR    9 steps",
                 "8  Eigenvalues: power iteration and eig          12 steps",
                 "9  PCA as a low-rank approximation               8 steps"]:
        expect(any(l.endswith(want) for l in lines), "listed: " + want, out)


def t_real_sgd():
    """Lesson 3's exercise, as the issue played it: 1000 epochs at the default lr no longer
    pass; the lesson's A is what counts; a broken answer does not finish the lesson."""
    real = os.path.join(os.path.dirname(os.path.dirname(HERE)), "lessons")
    rc, out, err = run("lesson 3\n" + "next\n" * 8 + "sgd A 2 seed=1;\ncheck\n"
                       "sgd A 2 epochs=100 lr=0.05 seed=1;\ncheck\nA = 0;\ncheck\n"
                       "U = U * 2;\nnext\n", lessons=real)
    expect(rc == 0 and has_order(out, "exercise, step 9 of 9",
                                 "Not yet: your last sgd run has rank 2 and 1000 epochs; the "
                                 "exercise asks for rank 2 and 100 epochs",
                                 "Correct! Type 'next' to go on.",
                                 "Correct! Type 'next' to go on.",
                                 "Your answer no longer passes.",
                                 "Not yet: U and V are not the ones your last sgd run found"),
           "lesson 3 holds the student to the task", out + err)
    expect("is done" not in out, "the broken answer does not finish the lesson", out)


def t_hints():
    rc, out, err = run("lesson 1\nnext\nnext\nhint\nhint\nhint\n")
    expect(rc == 0, "exit 0", err)
    expect(has_order(out, "Hint 1 of 2: Use y(:, 2).", "Hint 2 of 2: The colon means all rows.",
                     "No more hints; 'reveal' shows the reference answer."),
           "hints come one at a time", out)
    expect(out.count("Hint 1 of 2") == 1, "the first hint is shown once", out)


def t_reveal():
    rc, out, err = run("lesson 1\nnext\nnext\nreveal\ncheck\n")
    expect(rc == 0, "exit 0", err)
    expect(has_order(out, "The reference answer", "\n    z = y(:, 2)\n", "Not yet"),
           "reveal shows the answer and does not run it", out)


def t_noskip():
    rc, out, err = run("lesson 1\nnext\nnext\nskip\n")
    expect(rc == 1, "a refused skip is an error (exit 1)", err)
    expect("<-e>:4:1: error: skip: this lesson cannot be skipped" in err,
           "the refusal names the command's place", err)
    expect("'hint' or 'reveal' if stuck" in out, "the exercise does not offer skip", out)


def t_skip():
    rc, out, err = run("lesson 2\nskip\nb\n")
    expect(rc == 0, "exit 0", err)
    expect(has_order(out, "Skipped; the reference answer runs:", ">> a = 5", "a = 5",
                     "(step 2 of 2)", ">> b = a + 1", "b = 6", "b = 6"),
           "skip runs the answer and moves on", out)


def t_progress():
    rc, out, err = run("lesson 1\nnext\nnext\n")
    expect(rc == 0, "first session exits 0", err)
    expect(["01-demo", "3", "0"] in progress(), "progress saved at step 3", str(progress()))
    expect(not [f for f in os.listdir(os.path.join(STATE, "lowrank")) if f != "progress"],
           "no temporary file is left behind")
    rc, out, err = run("lessons\nlesson demo\nz = y(:, 2);\nnext\nw = 1;\nnext\nlessons\n")
    expect(rc == 0, "second session exits 0", err)
    expect(has_order(out, "A demo", "step 3 of 4", "Resuming lesson 1 at step 3 of 4",
                     "Make z the second column", "Correct.", "Get w below 3",
                     "Lesson 1 (A demo) is done", "Next: 'lesson 2'", "A demo", "done"),
           "the lesson resumes where it was left, with its variables", out)
    expect(["01-demo", "1", "1"] in progress(), "progress records the lesson as done",
           str(progress()))


def t_reset():
    run("lesson 1\nnext\n")
    run("lesson 2\n")
    rc, out, err = run("lesson reset 1\nlessons\n")
    expect(rc == 0 and "The progress of lesson 1 (A demo) is reset." in out, "reset 1", out + err)
    expect("starts again" not in out, "a lesson not being played is not started", out)
    expect([r[0] for r in progress()] == ["02-second"], "only lesson 2 is left",
           str(progress()))
    rc, out, err = run("lesson reset all\n")
    expect(rc == 0 and progress() == [], "reset all empties the progress", str(progress()))


def t_reset_playing():
    rc, out, err = run("lesson 1\nnext\nnext\nlesson reset 1\nnext\nlessons\n")
    expect(rc == 0 and has_order(out, "(exercise, step 3 of 4, no skip)",
                                 "The progress of lesson 1 (A demo) is reset.",
                                 "Lesson 1 (A demo) starts again from step 1.",
                                 "== Lesson 1: A demo (step 1 of 4) ==", "Predict: what is 1+1?",
                                 "== Lesson 1: A demo (step 2 of 4) ==",
                                 "> 1  A demo", "step 2 of 4"),
           "resetting the lesson being played restarts it and says so", out + err)


def t_errors():
    rc, out, err = run("next")
    expect(rc == 1 and "<-e>:1:1: error: next: no lesson is being played" in err,
           "next without a lesson", err)
    rc, out, err = run("lesson 9")
    expect(rc == 1 and "<-e>:1:8: error: no lesson '9'" in err, "unknown lesson", err)
    rc, out, err = run("lesson 1\nlesson 1 2")
    expect(rc == 1 and "<-e>:2:10: error: lesson: unexpected word '2'" in err,
           "extra word", err)
    rc, out, err = run("lesson 3", lessons=os.path.join(HERE, "bad"))
    expect(rc == 1 and "cannot play the lesson: " in err and "03-directive.lr:3:1: unknown "
           "directive" in err, "a broken lesson is refused with its place", err)


def t_check_mode():
    bad = os.path.join(HERE, "bad")
    rc, out, err = run(None, args=["--check", os.path.join(bad, "01-failing.lr")])
    expect(rc == 1 and "01-failing.lr:4: error: the check does not hold after the reference "
           "answer: a is 4, which is not the value asked for" in err,
           "a wrong reference answer fails", err)
    rc, out, err = run(None, args=["--check", os.path.join(bad, "02-weak.lr")])
    expect(rc == 1 and "02-weak.lr:3: error: the checks of this exercise hold before its "
           "answer runs" in err, "a check that cannot fail is refused", err)
    rc, out, err = run(None, args=["--check", os.path.join(bad, "03-directive.lr")])
    expect(rc == 1 and "03-directive.lr:3:1: error: unknown directive '#: chekc'" in err,
           "a wrong directive names its line", err)
    rc, out, err = run(None, args=["--check", os.path.join(bad, "04-error.lr")])
    expect(rc == 1 and "04-error.lr:3:11: error:" in err, "a failing statement names its place",
           err)
    rc, out, err = run(None, args=["--check", os.path.join(bad, "05-save.lr")])
    expect(rc == 1 and "05-save.lr:3:1: error: a lesson cannot save files" in err
           and not os.path.exists("lesson-output.ws"), "a lesson writes no file", err)
    rc, out, err = run(None, args=["--check", os.path.join(FIX, "01-demo.lr"),
                                   os.path.join(FIX, "02-second.lr")])
    expect(rc == 0 and "01-demo.lr: 4 steps, 2 exercises, 4 wrong answers refused: every "
           "check holds" in out, "good lessons pass", out + err)
    rc, out, err = run(None, args=["--check", os.path.join(bad, "06-accepts.lr")])
    expect(rc == 1 and "06-accepts.lr:8: error: the checks accept this wrong answer: a = 4.5"
           in err and ":7:" not in err, "a wrong answer that passes fails the lesson", err)
    rc, out, err = run(None, args=["--check", os.path.join(bad, "07-claim.lr")])
    expect(rc == 1 and "07-claim.lr:5: error: the claim does not hold: x == 5" in err,
           "a false claim fails the lesson", err)
    rc, out, err = run(None, args=["--check", os.path.join(bad, "08-wrong-error.lr")])
    expect(rc == 1 and "08-wrong-error.lr:7: error: the wrong answer raised an error, so it "
           "tests nothing: 7:5: unknown variable or function 'nosuchthing'" in err,
           "a wrong answer that cannot run fails the lesson", err)
    rc, out, err = run(None, args=["--check", os.path.join(bad, "10-generic.lr")])
    expect(rc == 1 and "10-generic.lr:9: error: the checks refuse this wrong answer only by "
           "failing on it" in err, "a wrong answer refused only by an error of the check "
           "fails --check", err)
    rc, out, err = run(None, args=["--check", os.path.join(bad, "12-span.lr")])
    expect(rc == 1 and "12-span.lr:5:1: error: this directive is inside the block that starts "
           "at line 3: a block must end before the next step, exercise or answer" in err,
           "a step directive inside a block is refused at its line", err)
    rc, out, err = run(None, args=["--check", os.path.join(bad, "09-keep.lr")])
    expect(rc == 1 and "09-keep.lr:2: error: '#: keep nosuchvariable': there is no variable"
           in err, "keeping a variable the step never made fails", err)


def t_bound():
    """A check that calls the student's function is bounded: an endless loop
    in it is stopped and said, an endless recursion reads the recursion limit,
    and the lesson goes on. --check stops a wrong answer that never ends."""
    blocks = os.path.join(HERE, "blocks")
    rc, out, err = run(None, args=["--check", os.path.join(blocks, "function.lr")])
    expect(rc == 0 and "function.lr: 2 steps, 1 exercise, 4 wrong answers refused: every "
           "check holds" in out, "the wrong functions are refused, endless ones too", out + err)
    rc, out, err = run(None, args=["--lesson", os.path.join(blocks, "function.lr")],
                       stdin="function r = sq(x), r = sq(x); end\ncheck\n"
                             "function r = sq(x), while true, end, r = x.^2; end\ncheck\n"
                             "function r = sq(x)\n  r = x;\n  for i = 1:numel(x)\n"
                             "    r(i) = x(i)^2;\n  end\nend\ncheck\nnext\n")
    expect(rc == 0 and has_order(
        out, "Not yet: calling sq failed: max_recursion_depth exceeded: calls of sq nested "
        "257 deep", "Not yet: the check did not finish in 5 s: does a loop or a function of "
        "yours never end?", "Correct!", "y = 16"), "the bound stops the check; the lesson "
        "goes on", out + err)
    rc, out, err = run(None, args=["--check", os.path.join(HERE, "bad", "11-runaway.lr")])
    expect(rc == 1 and "11-runaway.lr:7: error: the wrong answer raised an error, so it tests "
           "nothing: it did not finish in 10 s" in err, "a runaway wrong answer is stopped",
           out + err)


def t_lesson_option():
    rc, out, err = run(None, args=["--lesson", "2"], stdin="a = 5;\ncheck\n")
    expect(rc == 0 and has_order(out, "Skipping allowed", "Correct!"),
           "--lesson starts the lesson before the statements", out + err)


TESTS = {n[2:]: f for n, f in globals().items() if n.startswith("t_")}
if NAME not in TESTS:
    print("unknown subtest", NAME, "; known:", " ".join(TESTS))
    sys.exit(2)
TESTS[NAME]()
