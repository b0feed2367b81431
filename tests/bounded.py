"""Child processes of the test runners, bounded by their work, not by the clock.

    import bounded
    p = bounded.run([binary, "--json", page], cpu=30, stdout=subprocess.PIPE, ...)

run() is subprocess.run() with the bound moved from wall-clock seconds to the
child's own CPU time: RLIMIT_CPU (user + system time of that process, all its
threads) is set on the child as soon as it starts, and a child over it is
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
either. The limit is set from here with prlimit(2) on the child's pid (not in
a preexec_fn, unsafe in a runner that starts children from several threads);
processes the child forks before that instant (none of ours: copydesk,
test_tree, cmake) would not inherit it. Stdlib only.
"""
import resource
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


def limit_cpu(pid, cpu):
    """Sets RLIMIT_CPU of process pid to cpu seconds (and SIGKILL 2 s of CPU later,
    should it catch SIGXCPU), within the hard limit it inherited from us. A child
    already gone (it ran to its end first) needs none."""
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = max(1, int(cpu))
    if hard != resource.RLIM_INFINITY:
        soft, top = min(soft, hard), hard
    else:
        top = soft + 2
    try:
        resource.prlimit(pid, resource.RLIMIT_CPU, (soft, top))
    except ProcessLookupError:
        pass


def run(cmd, cpu, input=None, hang=HANG_SECONDS, **kw):
    """subprocess.run(cmd, input=input, **kw) with the child's CPU time bounded by
    cpu seconds (CpuExceeded) and its wall-clock time by hang (TimeoutExpired).
    Returns a subprocess.CompletedProcess."""
    if "timeout" in kw:
        raise TypeError("bounded.run bounds CPU time (cpu=), not wall-clock time")
    if input is not None:
        kw["stdin"] = subprocess.PIPE
    with subprocess.Popen(cmd, **kw) as p:
        limit_cpu(p.pid, cpu)
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
    return subprocess.CompletedProcess(p.args, code, out, err)
