"""Child processes of the test runners, bounded by their work, not by the clock.

    import bounded
    p = bounded.run([binary, "--json", page], cpu=30, stdout=subprocess.PIPE, ...)

run() is subprocess.run() with the bound moved from wall-clock seconds to the
child's own CPU time: RLIMIT_CPU (user + system time of that process, all its
threads) is set on the child before its program starts, and a child over it is
killed by the kernel (SIGXCPU). A busy machine stretches a run's wall-clock
time, not its CPU time: a case that took 0.05 s of CPU alone takes about that
under any load (a spec case once failed a 30 s wall-clock timeout under
`make check` beside valgrind; the brief: tests bound work by counts, never by
seconds). A loop that never ends is still caught: it spins, and spends the CPU
limit. What CPU time cannot catch is a child blocked for ever (waiting on a
pipe or a lock, using no CPU): HANG_SECONDS of wall-clock time, far above any
honest run under any load, catch that one.

Both raise subprocess.TimeoutExpired (CPU: its subclass CpuExceeded, whose
message says so), so a runner's `except subprocess.TimeoutExpired` reports
either. The limit is in place before the child's program runs its first
instruction: the child starts as /bin/sh, which sets RLIMIT_CPU (ulimit -t) and
then execs the program in the same process (same pid, same exit status and
signals). An earlier version set it from here with prlimit(2) on the child's pid
once Popen returned, and lost the race on a CI machine: a short child had read
its limits before the parent set them ("unlimited"). preexec_fn would do the same
but is unsafe in a runner that starts children from several threads
(tests/html5lib/run_tree.py). A program that cannot be run raises OSError here,
as subprocess.run would, not a shell's exit status 127. Stdlib only.
"""
import errno
import os
import resource
import shutil
import signal
import subprocess

# Against a child that blocks for ever (no CPU spent). The suites' own ctest
# TIMEOUTs (tests/CMakeLists.txt) are the same kind of backstop for a whole suite.
HANG_SECONDS = 1800


class CpuExceeded(subprocess.TimeoutExpired):
    """The child used up its CPU limit (a loop that does not end)."""

    def __str__(self):
        return "Command '%s' used more than %g s of CPU (killed by RLIMIT_CPU)" % (
            " ".join(map(str, self.cmd)) if isinstance(self.cmd, (list, tuple)) else self.cmd, self.timeout)


# $1 soft and $2 hard limit in seconds of CPU, then the command. The soft limit
# first: the hard one may then go below the inherited soft limit ("unlimited").
_WRAP = 'ulimit -S -t "$1" && ulimit -H -t "$2" && shift 2 && exec "$@"'


def cpu_limits(cpu):
    """(soft, hard) RLIMIT_CPU for a child bounded by cpu seconds: SIGXCPU at soft,
    SIGKILL 2 s of CPU later should it catch SIGXCPU; within the hard limit it
    inherits from us (a shell's `ulimit -t`, a CI runner's limits.conf), which
    cannot be raised, and a second under it: the kernel sends SIGKILL, not
    SIGXCPU, to a child that reaches both at once, and a runner would report a
    loop that does not end as a crash."""
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = max(1, int(cpu))
    if hard != resource.RLIM_INFINITY:
        return max(1, min(soft, hard - 1)), hard
    return soft, soft + 2


def _check_runnable(prog, env, cwd):
    """Raises the OSError Popen would for a program that cannot be run (the shell
    would only exit 127)."""
    prog = os.fsdecode(prog)
    if os.sep in prog:
        path = prog if os.path.isabs(prog) or cwd is None else os.path.join(os.fsdecode(cwd), prog)
        if not os.path.exists(path):
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), prog)
        if os.path.isdir(path) or not os.access(path, os.X_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), prog)
        return
    search = (os.environ if env is None else env).get("PATH", os.defpath)
    if shutil.which(prog, path=search) is None:
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), prog)


def run(cmd, cpu, input=None, hang=HANG_SECONDS, **kw):
    """subprocess.run(cmd, input=input, **kw) with the child's CPU time bounded by
    cpu seconds (CpuExceeded) and its wall-clock time by hang (TimeoutExpired).
    Returns a subprocess.CompletedProcess."""
    if "timeout" in kw:
        raise TypeError("bounded.run bounds CPU time (cpu=), not wall-clock time")
    if input is not None:
        kw["stdin"] = subprocess.PIPE
    if isinstance(cmd, (str, bytes)) or kw.get("shell"):
        raise TypeError("bounded.run takes the command as a list of arguments")
    cmd = list(cmd)
    _check_runnable(cmd[0], kw.get("env"), kw.get("cwd"))
    soft, hard = cpu_limits(cpu)
    with subprocess.Popen(["/bin/sh", "-c", _WRAP, "sh", str(soft), str(hard)] + cmd, **kw) as p:
        try:
            out, err = p.communicate(input, timeout=hang)
        except subprocess.TimeoutExpired as e:
            p.kill()
            e.output, e.stderr = p.communicate()
            raise
        except BaseException:
            p.kill()
            raise
        code = p.poll()
    if code == -signal.SIGXCPU:
        raise CpuExceeded(cmd, cpu, out, err)
    return subprocess.CompletedProcess(cmd, code, out, err)
