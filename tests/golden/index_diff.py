#!/usr/bin/env python3
"""Differential test of indexing against GNU Octave: random small matrices
indexed, assigned and deleted through logical masks and numeric indices,
strings indexed through masks, and the class (logical or not) of results,
run by lowrank and by octave-cli; every case must give the same size and
values (mat2str), or fail in both.

usage: index_diff.py LOWRANK [CASES [SEED]]   (defaults 300, 7)
Exit 77 (skipped) when octave-cli is not installed (OCTAVE names another)."""
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile


def matrix(rnd, r, c):
    if r * c == 0:
        return "zeros(%d,%d)" % (r, c)
    return "[" + "; ".join(" ".join(str(rnd.randint(-3, 3)) for _ in range(c))
                           for _ in range(r)) + "]"


def mask(rnd, r, c):
    if r * c == 0:
        return "false(%d,%d)" % (r, c)
    return "logical([" + "; ".join(" ".join(str(rnd.randint(0, 1)) for _ in range(c))
                                   for _ in range(r)) + "])"


def case(rnd):
    """One case: (setup, body); body statements print size and values."""
    r, c = rnd.choice([0, 1, 1, 2, 3]), rnd.choice([0, 1, 1, 2, 3])
    n, show = r * c, "disp(size(%s)); disp(mat2str(%s))"
    kind = rnd.randint(0, 8)
    if kind == 0:
        mr, mc = rnd.choice([(r, c), (1, n), (n, 1), (1, max(n - 1, 0)), (1, n + 1), (1, 1)])
        body = "B = A(%s); " % mask(rnd, mr, mc) + show % ("B", "B")
    elif kind == 1:
        body = "B = A(%s, :); " % mask(rnd, 1, r) + show % ("B", "B")
    elif kind == 2:
        m = mask(rnd, rnd.choice([r, 1]), rnd.choice([c, n, n + 1]))
        body = "A(%s) = 9; " % m + show % ("A", "A")
    elif kind == 3:
        i = rnd.choice(["[]", "1", str(max(n, 1)), "1:2", "[2 1]", "[1 3]", "2:3", ":",
                        "logical([1 0 1])"])
        body = "A(%s) = []; " % i + show % ("A", "A")
    elif kind == 4:
        i = rnd.choice(["[]", "1", "2", "1:2", ":", "logical([1 0 1])", "[1 1]"])
        at = "%s, :" if rnd.random() < 0.5 else ":, %s"
        body = ("A(" + at + ") = []; ") % i + show % ("A", "A")
    elif kind == 5:
        body = "B = A(A > 0); " + show % ("B", "B") + "; A(A < 0) = []; disp(size(A))"
    elif kind == 6:
        body = ("B = A(:, any(A)); disp(size(B)); C = A(all(A, 2), :); " +
                show % ("C", "C"))
    elif kind == 7:   # a string, indexed, assigned and deleted through masks
        word = "".join(rnd.choice("ab c") for _ in range(rnd.randint(0, 5)))
        op = rnd.choice(["B = A(A ~= ' ')", "B = A; B(B == 'a') = 'z'", "B = A; B(B == ' ') = []",
                         "B = A(end:-1:1)", "B = [A '!' A(%s)]" % mask(rnd, 1, len(word))])
        # numel, not size: an empty string is always 0×0 here (README, Strings)
        return "A = '%s';" % word, op + "; disp(numel(B)); disp(['<' B '>'])"
    else:   # the class of the result
        op = rnd.choice(["B = A > 0; B(1) = 1", "B = A > 0; B(1) = true", "B = A; B(1) = true",
                         "B = [A > 0, A < 0]", "B = [A > 0, A]", "B = ~A", "B = -(A > 0)",
                         "B = (A > 0)'", "B = (A > 0) + 0"])
        body = op + "; disp(islogical(B)); " + show % ("B", "B")
    return "A = %s;" % matrix(rnd, r, c), body


def main():
    octave = os.environ.get("OCTAVE", "octave-cli")
    if not shutil.which(octave):
        print("skip: %s is not installed" % octave)
        return 77
    lowrank = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    rnd = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    cases = [case(rnd) for _ in range(count)]
    ours, theirs = [], []
    for setup, body in cases:
        ours += [setup, body + ";", "disp('--')"]
        theirs += [setup, "try, %s; catch, disp('err'); end" % body, "disp('--')"]
    with tempfile.TemporaryDirectory() as tmp:
        lr, om = os.path.join(tmp, "cases.lr"), os.path.join(tmp, "cases.m")
        open(lr, "w").write("\n".join(ours) + "\n")
        open(om, "w").write("\n".join(theirs) + "\n")
        mine = subprocess.run([lowrank, "--keep-going", lr], capture_output=True, text=True)
        ref = subprocess.run([octave, "--no-gui", "--norc", "--quiet", om],
                             capture_output=True, text=True)
    # An error in our body line (with --keep-going the rest of the line still
    # prints) must match an 'err' from Octave.
    failed = {int(x) for x in re.findall(r"cases\.lr:(\d+):\d+: error", mine.stderr)}
    got, want = mine.stdout.split("--\n"), ref.stdout.split("--\n")
    bad = 0
    for i, (setup, body) in enumerate(cases):
        o_err = want[i].strip().endswith("err")
        l_err = 3 * i + 2 in failed
        if o_err != l_err or (not o_err and got[i] != want[i]):
            bad += 1
            print("case %d: %s %s\n  lowrank: %s\n  octave:  %s" % (
                i, setup, body, "error" if l_err else repr(got[i]),
                "error" if o_err else repr(want[i])))
    print("%d of %d cases differ from Octave" % (bad, count))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
