"""Runs a command in a real pseudo-terminal and answers its prompts.

Usage: python3 ptyDriver.py STEPS_JSON COMMAND ARGS...
STEPS_JSON is a list of [expected_text, answer]: wait until the terminal shows expected_text (after
the previous one), then type answer and Enter. Prints everything the terminal showed, then
"\nEXIT <code>" on its own line.
"""
import json
import os
import pty
import select
import sys
import time

steps = json.loads(sys.argv[1])
command = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)

shown = b''
seen = 0


def read_some(timeout):
    global shown
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return False
    try:
        data = os.read(fd, 4096)
    except OSError:
        return None
    if not data:
        return None
    shown += data
    return True


for expected, answer in steps:
    token = expected.encode()
    deadline = time.time() + 20
    while shown.find(token, seen) < 0 and time.time() < deadline:
        if read_some(0.2) is None:
            break
    at = shown.find(token, seen)
    if at < 0:
        sys.stdout.write(shown.decode(errors='replace'))
        sys.stdout.write('\nDRIVER: never saw %r\n' % expected)
        os.kill(pid, 9)
        sys.exit(3)
    seen = at + len(token)
    os.write(fd, answer.encode() + b'\r')

deadline = time.time() + 30
while time.time() < deadline:
    if read_some(0.5) is None:
        break
_, status = os.waitpid(pid, 0)
sys.stdout.write(shown.decode(errors='replace'))
sys.stdout.write('\nEXIT %d\n' % os.waitstatus_to_exitcode(status))
