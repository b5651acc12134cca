#!/usr/bin/env bash
# Checks the worked example in content/chapters/first-api.md against a real run.
#  1. writes every code block whose info string has file=NAME (```python file=app.py)
#     into a fresh temporary folder, and checks that every other python or sql block
#     is an excerpt copied exactly from one of those files;
#  2. creates or reuses a virtual environment in target/first-api-venv holding exactly
#     the pinned requirements.txt (rebuilt whenever that file changes);
#  3. runs the chapter's tests with pytest and compares the test names and the
#     "N passed" count with the pytest output printed in the chapter;
#  4. starts the app with `flask run` on a free local port, runs every `$ curl` line of
#     the chapter's ```console blocks in order, and compares what curl prints with the
#     lines shown under it (Date and Server headers are ignored; the methods of an
#     Allow header are compared in any order);
#  5. stops the server and prints "first-api: ok (N files, M calls)".
# Exits non-zero with a message on the first difference. Run from anywhere in the repo.
set -euo pipefail
cd "$(dirname "$0")/.."

chapter=content/chapters/first-api.md
venv=target/first-api-venv
python=${PYTHON:-python3}

fail() { echo "first-api: FAILED: $*" >&2; exit 1; }

command -v "$python" >/dev/null || fail "$python not found"
command -v curl >/dev/null || fail "curl not found"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' \
  || fail "the chapter's code needs Python 3.10 or newer ($("$python" --version))"
[ -f "$chapter" ] || fail "$chapter not found"

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir "$work/files"

# 1. Extract the files, the excerpts, the expected pytest lines and the curl calls.
"$python" - "$chapter" "$work" <<'PY'
import json, re, sys
from pathlib import Path

chapter, work = Path(sys.argv[1]), Path(sys.argv[2])
text = chapter.read_text(encoding="utf-8")

def fail(msg):
    sys.exit(f"first-api: FAILED: {msg}")

# Fenced blocks at the start of a line (none of the chapter's code sits in a callout).
blocks = []
lines = text.split("\n")
i = 0
while i < len(lines):
    m = re.match(r"^(`{3,})(.*)$", lines[i])
    if not m:
        i += 1
        continue
    fence, info, start = m.group(1), m.group(2).strip(), i + 1
    j = start
    while j < len(lines) and not lines[j].startswith(fence):
        j += 1
    if j == len(lines):
        fail(f"unclosed code block at line {i + 1}")
    words = info.split()
    lang = words[0] if words else ""
    attrs = dict(w.split("=", 1) for w in words[1:] if "=" in w)
    blocks.append({"line": i + 1, "lang": lang, "attrs": attrs,
                   "body": "\n".join(lines[start:j]) + "\n"})
    i = j + 1

files = {}
for b in blocks:
    name = b["attrs"].get("file")
    if name is None:
        continue
    if not re.fullmatch(r"[A-Za-z0-9_.-]+", name) or name in (".", ".."):
        fail(f"line {b['line']}: unsafe file name {name!r}")
    if name in files:
        fail(f"line {b['line']}: {name} is given twice; each file is one complete block")
    files[name] = b["body"]
    (work / "files" / name).write_text(b["body"], encoding="utf-8")
for needed in ("requirements.txt", "app.py", "test_app.py"):
    if needed not in files:
        fail(f"no ```… file={needed} block in {chapter}")

# Every pinned version must be the one the prose names.
for pin in files["requirements.txt"].split():
    package, _, version = pin.partition("==")
    if not version:
        fail(f"requirements.txt: {pin!r} is not pinned with ==")
    if not re.search(rf"\b{re.escape(package)} {re.escape(version)}\b", text, re.I):
        fail(f"requirements.txt pins {pin}, but the text never says '{package} {version}'")

# Excerpts: python and sql blocks without file= must be copied exactly from a file.
for b in blocks:
    if b["lang"] in ("python", "sql") and "file" not in b["attrs"]:
        if not any(b["body"] in body for body in files.values()):
            fail(f"line {b['line']}: this {b['lang']} excerpt is not in any file block")

# Console blocks: "$ " starts a command (continued by lines ending in "\"),
# the lines up to the next command are its output.
calls, pytest_expected = [], None
for b in blocks:
    if b["lang"] != "console":
        continue
    body = b["body"].rstrip("\n").split("\n")
    k = 0
    while k < len(body):
        if not body[k].startswith("$ "):
            fail(f"console block at line {b['line']}: output before any command")
        cmd = [body[k][2:]]
        while cmd[-1].endswith("\\") and k + 1 < len(body):
            k += 1
            cmd.append(body[k])
        k += 1
        out = []
        while k < len(body) and not body[k].startswith("$ "):
            out.append(body[k])
            k += 1
        command = "\n".join(cmd)
        if command.startswith("curl "):
            calls.append({"line": b["line"], "cmd": command, "expected": out})
        elif re.match(r"python3? -m pytest\b", command):
            pytest_expected = out
if not calls:
    fail("no $ curl calls found in the console blocks")
if pytest_expected is None:
    fail("no console block shows a `$ python -m pytest` run")

tests = [m.group(1) for m in (re.match(r"^(\S+::\S+) (PASSED|FAILED|ERROR)", l)
                              for l in pytest_expected) if m and m.group(2) == "PASSED"]
summary = [m.group(1) for m in (re.search(r"\b(\d+) passed\b", l)
                                for l in pytest_expected) if m]
if not tests or not summary:
    fail("the pytest output in the chapter lists no PASSED tests or no 'N passed' line")

json.dump({"calls": calls, "tests": tests, "passed": int(summary[-1]),
           "files": sorted(files)}, open(work / "plan.json", "w"))
PY

# 2. The virtual environment, rebuilt whenever requirements.txt (or Python) changes.
stamp=$( { cat "$work/files/requirements.txt"; "$python" --version; } | sha256sum | cut -d' ' -f1)
if [ ! -x "$venv/bin/python" ] || [ "$(cat "$venv/.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "first-api: building $venv from the chapter's requirements.txt"
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r "$work/files/requirements.txt" || fail "pip could not install requirements.txt"
  echo "$stamp" > "$venv/.stamp"
fi
venv_abs=$(cd "$venv" && pwd)

# 3. The tests, compared with the run shown in the chapter.
status=0
(cd "$work/files" && "$venv_abs/bin/python" -m pytest -v -p no:cacheprovider) \
  > "$work/pytest.log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  cat "$work/pytest.log" >&2
  fail "pytest failed on the chapter's test_app.py (exit $status)"
fi
"$python" - "$work" <<'PY'
import json, re, sys
from pathlib import Path
work = Path(sys.argv[1])
plan = json.load(open(work / "plan.json"))
log = (work / "pytest.log").read_text()
tests = re.findall(r"^(\S+::\S+) PASSED", log, re.M)
passed = re.findall(r"\b(\d+) passed\b", log)
if tests != plan["tests"]:
    sys.exit("first-api: FAILED: pytest ran these tests:\n  " + "\n  ".join(tests)
             + "\nbut the chapter shows:\n  " + "\n  ".join(plan["tests"]))
if not passed or int(passed[-1]) != plan["passed"]:
    sys.exit(f"first-api: FAILED: pytest says {passed[-1:]} passed, "
             f"the chapter says {plan['passed']} passed")
PY

# 4. The server and the curl calls.
port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work/files" && exec "$venv_abs/bin/flask" --app app run --port "$port") \
  > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  if curl -s -o /dev/null "http://127.0.0.1:$port/products"; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$work/server.log" >&2
    fail "flask run exited before answering"
  fi
  sleep 0.1
done
curl -s -o /dev/null "http://127.0.0.1:$port/products" \
  || { cat "$work/server.log" >&2; fail "the server did not answer on port $port"; }

calls=$("$python" - "$work" "$port" <<'PY'
import difflib, json, subprocess, sys
from pathlib import Path

work, port = Path(sys.argv[1]), sys.argv[2]
plan = json.load(open(work / "plan.json"))

def normalise(lines):
    out = []
    for line in lines:
        line = line.rstrip("\r")
        name = line.split(":", 1)[0].lower()
        if name in ("date", "server"):
            continue
        if name == "allow":
            methods = sorted(m.strip() for m in line.split(":", 1)[1].split(","))
            line = "Allow: " + ", ".join(methods)
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return out

for call in plan["calls"]:
    cmd = call["cmd"].replace("127.0.0.1:5000", f"127.0.0.1:{port}")
    run = subprocess.run(["bash", "-c", cmd], cwd=work / "files", capture_output=True,
                         text=True, timeout=20)
    if run.returncode != 0:
        sys.exit(f"first-api: FAILED: chapter line {call['line']}: curl exited "
                 f"{run.returncode}:\n{call['cmd']}\n{run.stderr}")
    got = normalise(run.stdout.split("\n"))
    want = normalise(call["expected"])
    if got != want:
        diff = "\n".join(difflib.unified_diff(want, got, "chapter", "real run", lineterm=""))
        sys.exit(f"first-api: FAILED: the console block at chapter line {call['line']} "
                 f"differs for:\n$ {call['cmd']}\n{diff}")
print(len(plan["calls"]))
PY
) || fail "a curl call did not match the chapter (see above)"

# 5. Done.
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=
files=$("$python" -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["files"]))' "$work/plan.json")
echo "first-api: ok ($files files, $calls calls)"
