"""pytest setup for the Python binding (tests/python).

Builds the extension from this checkout before any test imports it, into
$COPYDESK_PY_BUILD (ctest sets <build dir>/python), else build/python -- the
same place `make python` uses; setuptools rebuilds only when a source or
header is newer. The built package goes first on sys.path and on PYTHONPATH
(for Dask worker processes). The CLI the records are compared with is
$COPYDESK_BIN, else build/copydesk; a missing CLI fails the tests that need
it, it never skips them.

Run: /usr/bin/python3 -m pytest -q tests/python        (from the repo root)
"""
import os
import subprocess
import sys

import pytest

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(TOP), "shared")
BUILD = os.path.abspath(os.environ.get("COPYDESK_PY_BUILD") or os.path.join(TOP, "build", "python"))
LIB = BUILD  # the package lands in BUILD/copydesk
CLI = os.path.abspath(os.environ.get("COPYDESK_BIN") or os.path.join(TOP, "build", "copydesk"))


def _build():
    cmd = [sys.executable, "setup.py", "-q", "build", "-j", str(os.cpu_count() or 2),
           "--build-base", BUILD + "-tmp", "--build-lib", LIB]
    p = subprocess.run(cmd, cwd=os.path.join(TOP, "python"), stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    if p.returncode != 0:
        sys.stderr.write(p.stdout.decode("utf-8", "replace"))
        raise RuntimeError("building the copydesk extension failed: %s" % " ".join(cmd))


_build()
sys.path.insert(0, LIB)
os.environ["PYTHONPATH"] = LIB + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")

import copydesk  # noqa: E402

sys.path.insert(1, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import bounded  # noqa: E402  tests/bounded.py: children bounded by CPU time

assert os.path.dirname(os.path.dirname(copydesk.__file__)) == LIB, copydesk.__file__


@pytest.fixture(scope="session")
def cli():
    if not os.access(CLI, os.X_OK):
        pytest.fail("the copydesk CLI is not built: %s (run make first)" % CLI)
    return CLI


def run_cli(args, cwd=TOP):
    """Run the CLI with args; returns the list of JSON records (needs --json in args)."""
    import json
    p = bounded.run([CLI] + list(args), cpu=300, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert p.returncode in (0, 1), (args, p.returncode, p.stderr[-2000:])
    return [json.loads(l) for l in p.stdout.decode("utf-8").splitlines() if l.strip()]


def pytest_configure(config):
    # Debian's distributed 2022.12 on tornado 6.2: a deprecation inside tornado, not ours.
    config.addinivalue_line("filterwarnings", "ignore:make_current is deprecated:DeprecationWarning")
