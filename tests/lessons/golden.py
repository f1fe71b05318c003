#!/usr/bin/env python3
"""Golden transcript: runs `lowrank LESSON` (the lesson as a plain script, in
batch mode) and compares its standard output with EXPECTED byte for byte.

usage: golden.py LOWRANK LESSON EXPECTED    (LR_UPDATE_GOLDEN=1 rewrites EXPECTED)"""
import difflib
import os
import subprocess
import sys

exe, lesson, expected = sys.argv[1:4]
env = dict(os.environ, LC_ALL="C.UTF-8")
p = subprocess.run([exe, "--plain", lesson], env=env, capture_output=True, text=True, timeout=120)
if p.returncode != 0:
    print(f"{lesson}: exit status {p.returncode}\n{p.stderr}")
    sys.exit(1)
if os.environ.get("LR_UPDATE_GOLDEN") == "1":
    with open(expected, "w") as f:
        f.write(p.stdout)
with open(expected) as f:
    want = f.read()
if p.stdout != want:
    sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), p.stdout.splitlines(True),
                                               expected, "actual"))
    sys.exit(1)
