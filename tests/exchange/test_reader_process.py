"""The import's reader process is forked only when that is safe: a process whose only thread
is the one asking.  The window's import runs beside Qt's own threads, which Python's
`threading` does not count; forking there can leave the child holding a lock no thread
will release, so those imports must start a fresh interpreter instead."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts threads in /proc")
def test_a_thread_python_did_not_start_rules_out_fork() -> None:
    script = textwrap.dedent("""
        import _thread, threading
        from briefer.exchange.prepare import _one_os_thread
        alone = _one_os_thread()
        started, release = threading.Event(), threading.Event()
        def run():
            started.set()
            release.wait()
        _thread.start_new_thread(run, ())   # like a thread Qt starts: not in threading's count
        started.wait(10)
        print(alone, threading.active_count(), _one_os_thread())
        release.set()
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    alone, python_count, with_native_thread = out.stdout.split()
    assert alone == "True"            # a lone CLI process may fork
    assert python_count == "1"        # Python does not see the other thread …
    assert with_native_thread == "False"  # … but the process has two, so no fork
