#!/usr/bin/env python3
"""Times a terminal program's first frame: runs it in a pseudo-terminal (80x24) and reports, in JSON,
the milliseconds from just before it starts until `--first` appears in its output, and until `--ready`
does. Then it sends `--quit` and waits for the program to end (killing it after 20 s).
Used by scripts/bench-startup. Example:
  scripts/first-frame.py --first 'Kinesis Data Streams lab' --ready 'q quit' -- node dist/cli.js --sandbox
"""
import argparse, fcntl, json, os, pty, select, signal, struct, sys, termios, time

parser = argparse.ArgumentParser()
parser.add_argument('--first', required=True)
parser.add_argument('--ready', required=True)
parser.add_argument('--quit', default='q')
parser.add_argument('--timeout', type=float, default=30.0)
parser.add_argument('command', nargs=argparse.REMAINDER)
args = parser.parse_args()
command = args.command[1:] if args.command[:1] == ['--'] else args.command

start = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 24, 80, 0, 0))
    os.execvp(command[0], command)

seen = b''
times = {}
deadline = start + args.timeout
while 'ready' not in times and time.perf_counter() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.05)
    if not ready:
        continue
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    now = time.perf_counter()
    seen += chunk
    for name, marker in (('first', args.first), ('ready', args.ready)):
        if name not in times and marker.encode() in seen:
            times[name] = round((now - start) * 1000, 1)

os.write(fd, args.quit.encode())
end = time.perf_counter() + 20
while time.perf_counter() < end:
    done, _ = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    try:
        select.select([fd], [], [], 0.05) and os.read(fd, 65536)
    except OSError:
        pass
else:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
print(json.dumps({'firstMs': times.get('first'), 'readyMs': times.get('ready')}))
sys.exit(0 if len(times) == 2 else 1)
