"""A private tmux server for measures that need a real terminal (its own socket: the user's tmux is untouched)."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import time

from bench.measures.common import NotAvailable


class Tmux:
    """Start commands in windows of a detached session and watch what they paint."""

    def __init__(self, width: int = 200, height: int = 50):
        if not shutil.which("tmux"):
            raise NotAvailable("tmux is not installed")
        self.sock = f"newsreader-bench-{os.getpid()}"
        self.n = 0
        self.width, self.height = width, height
        try:
            self._tmux("-f", "/dev/null", "new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height),
                       "sleep 100000")
        except RuntimeError as exc:
            raise NotAvailable(f"tmux could not start a server here ({exc})") from None
        # Keep a window whose program died, so its last screen (a traceback) can be reported.
        self._tmux("set-option", "-g", "remain-on-exit", "on")

    def _tmux(self, *args: str, check: bool = True) -> str:
        p = subprocess.run(["tmux", "-L", self.sock, *args], capture_output=True, text=True)
        if check and p.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args[:2])}: {p.stderr.strip()}")
        return p.stdout

    def time_to_text(self, cmd: list[str], needle: str, env: dict | None = None, timeout: float = 30.0) -> float:
        """Seconds from starting `cmd` in a new window until `needle` shows in the pane."""
        self.n += 1
        target = f"bench:w{self.n}"
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
        # Bytecode is written and reused, as after any pip install: a PYTHONDONTWRITEBYTECODE inherited
        # from this shell would recompile our modules on every start and measure the machine, not the app.
        line = f"exec env -u PYTHONDONTWRITEBYTECODE {exports} " + shlex.join(cmd)
        t0 = time.perf_counter()
        self._tmux("new-window", "-d", "-t", "bench", "-n", f"w{self.n}", line)
        pid = None
        try:
            while True:
                screen = self._tmux("capture-pane", "-p", "-t", target, check=False)
                if needle in screen:
                    return time.perf_counter() - t0
                dead = self._tmux("display-message", "-p", "-t", target, "#{pane_dead}", check=False).strip() == "1"
                if dead or time.perf_counter() - t0 > timeout:
                    why = "the program exited" if dead else f"not within {timeout:.0f} s"
                    last = "\n".join(line for line in screen.splitlines() if line.strip())[-1500:]
                    raise TimeoutError(f"{needle!r} did not show ({why}); screen:\n{last}")
                time.sleep(0.002)
        finally:
            pid = self._tmux("display-message", "-p", "-t", target, "#{pane_pid}", check=False).strip()
            self._tmux("kill-window", "-t", target, check=False)
            _wait_gone(int(pid) if pid.isdigit() else None)

    def close(self) -> None:
        """Stop the private server and remove its socket file (tmux leaves it behind in its socket folder)."""
        path = self._tmux("display-message", "-p", "#{socket_path}", check=False).strip()
        self._tmux("kill-server", check=False)
        if path and os.path.basename(path) == self.sock:
            try:
                os.unlink(path)
            except OSError:
                pass


def _wait_gone(pid: int | None, grace: float = 3.0) -> None:
    """Let the app exit before the next run, so runs do not overlap on the CPU."""
    if pid is None:
        return
    end = time.perf_counter() + grace
    while time.perf_counter() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
