"""Orca, Debian's screen reader, reading a page in Chromium, with everything it says captured.

A session is a desktop of its own: a private home and runtime folder, an X display (Xvfb), a D-Bus session
bus, the AT-SPI bus and registry, speech-dispatcher (speech synthesised, then discarded by libao's null
driver), Orca writing a debug log, and Chromium showing one page. Keys are typed with xdotool, as a person
types them; what Orca says is read back from the ``SPEECH DISPATCHER: Speaking`` lines of its log, each
utterance tagged with the key it followed.

Orca refuses to start while another Orca runs for the same user, so sessions take a lock and run one at a
time, in this process and across processes. Everything a session starts runs in a process group of its own
and is stopped, last started first, when the session ends, however it ends.
"""

from __future__ import annotations

import contextlib
import fcntl
import html
import json
import os
import re
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PACKAGES = (
    "orca",
    "speech-dispatcher",
    "speech-dispatcher-espeak-ng",
    "espeak-ng",
    "xvfb",
    "at-spi2-core",
    "dbus-x11",
    "xdotool",
    "python3-pyatspi",
)
INSTALL = "apt-get install -y --no-install-recommends " + " ".join(PACKAGES)

LOAD = "(load)"
"""The key of what Orca says before the first key is pressed: the page as it loads."""

QUIET = 0.7
"""Seconds without a new line in Orca's log after which Orca has finished reacting to a key."""

SPEAKING = re.compile(r"SPEECH DISPATCHER: Speaking '(.*)'\s*$")
MARKUP = re.compile(r"<[^>]*>")

ORCA_CUSTOMIZATIONS = """\
import orca.debug
import orca.settings as settings

settings.enableKeyEcho = False
settings.sayAllOnLoad = False
settings.pageSummaryOnLoad = True
settings.enableBraille = False
settings.enableSound = False

# Written line by line, so that the log can be read while Orca runs.
orca.debug.debugFile = open(orca.debug.debugFile.name, "a", buffering=1, encoding="utf-8")
"""

CHROMIUM_PREFERENCES = {"translate": {"enabled": False}}
"""Without this, Orca reads Chromium's "Translate this page?" bubble over a Chinese page."""


class ScreenReaderError(AssertionError):
    """Orca or a program it needs did not start, or Orca did not say what was expected."""


def missing_packages() -> list[str]:
    """The packages of ``PACKAGES`` that dpkg does not list as installed."""
    missing = []
    for package in PACKAGES:
        try:
            status = subprocess.run(
                ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False
            ).stdout
        except FileNotFoundError:
            return list(PACKAGES)
        if not status.endswith(" installed"):
            missing.append(package)
    return missing


@dataclass(frozen=True)
class Utterance:
    """One thing Orca said, and the key pressed before it (``LOAD`` before any key)."""

    key: str
    text: str
    press: int = -1
    """Which press of a key, counting every key from 0; -1 before the first."""

    def __str__(self) -> str:
        key = self.key if self.press < 0 else f"{self.key} #{self.press + 1}"
        return f"[{key}] {self.text}"


# -- the programs of a session ------------------------------------------------------------------------


@dataclass
class _Process:
    name: str
    popen: subprocess.Popen[bytes]
    output: Path
    grace: float
    """Seconds between SIGTERM and SIGKILL."""

    def stop(self) -> None:
        """Stops the process and what it started: its process group, of which it is the leader."""
        for sig, wait in ((signal.SIGTERM, self.grace), (signal.SIGKILL, 5.0)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, sig)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(wait)
                break
        with contextlib.suppress(ProcessLookupError):  # children left behind by their leader
            os.killpg(self.popen.pid, signal.SIGKILL)

    def describe(self) -> str:
        tail = self.output.read_text("utf-8", "replace")[-2000:] if self.output.exists() else ""
        state = "running" if self.popen.poll() is None else f"exited with {self.popen.returncode}"
        return f"{self.name} ({state}; its output, {self.output}):\n{tail}"


@dataclass
class _Programs:
    """The programs of one session, each recorded by PID, with the environment they share."""

    workdir: Path
    env: dict[str, str]
    started: list[_Process] = field(default_factory=list)

    def start(
        self,
        name: str,
        command: Sequence[str],
        *,
        grace: float = 3,
        extra_env: dict[str, str] | None = None,
        pass_fds: Sequence[int] = (),
    ) -> _Process:
        output = self.workdir / f"{name}.out"
        with output.open("wb") as out:
            popen = subprocess.Popen(
                command,
                env={**self.env, **(extra_env or {})},
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                pass_fds=pass_fds,
            )
        process = _Process(name, popen, output, grace)
        self.started.append(process)
        return process

    def run(self, *command: str, check: bool = True) -> str:
        result = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=20)
        if check and result.returncode:
            raise ScreenReaderError(f"{' '.join(command)} failed: {result.stderr.strip()}")
        return result.stdout

    def until(self, what: str, ready: Callable[[], bool], process: _Process, *, timeout: float = 30) -> None:
        """Waits until ``ready()``; fails naming ``what`` and showing the output of ``process``."""
        deadline = time.monotonic() + timeout
        while not ready():
            if process.popen.poll() is not None or time.monotonic() > deadline:
                raise ScreenReaderError(f"{what} was not ready within {timeout:.0f} s: {process.describe()}")
            time.sleep(0.1)

    def stop_all(self) -> None:
        for process in reversed(self.started):
            process.stop()


def _first_line(fd: int, process: _Process, timeout: float = 20) -> str:
    """The first line a program writes to ``fd``: Xvfb's display number, dbus-daemon's address."""
    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(fd, 4096) if ready else b""
        if not chunk:
            raise ScreenReaderError(f"{process.name} did not start: {process.describe()}")
        data += chunk
    return data.decode().strip()


# -- a session ------------------------------------------------------------------------------------------


@dataclass
class ScreenReader:
    """A running session: type keys into Chromium, read back what Orca said."""

    log: Path
    programs: _Programs
    window: str = ""
    _presses: list[tuple[int, str]] = field(default_factory=list)
    """(size of the log when the key was pressed, key), for every key pressed, in order."""

    def __repr__(self) -> str:
        return f"ScreenReader(log={self.log})"

    def press(self, key: str) -> list[str]:
        """Types ``key`` (an xdotool key name: ``h``, ``Tab``, ``space``, ``shift+h``, ``ctrl+End``) into
        Chromium, waits until Orca's log has been quiet for ``QUIET`` seconds, and returns what Orca said."""
        self._presses.append((self.log.stat().st_size, key))
        self.programs.run("xdotool", "windowfocus", self.window, "key", "--clearmodifiers", key)
        self._wait_quiet()
        return [u.text for u in self.heard() if u.press == len(self._presses) - 1]

    def heard(self) -> list[Utterance]:
        """Every utterance so far, in order, each tagged with the key it followed."""
        utterances = []
        offset = 0
        press = -1
        with self.log.open("rb") as log:
            for raw in log:
                while press + 1 < len(self._presses) and self._presses[press + 1][0] <= offset:
                    press += 1
                offset += len(raw)
                match = SPEAKING.search(raw.decode("utf-8", "replace"))
                text = " ".join(html.unescape(MARKUP.sub("", match[1])).split()) if match else ""
                if text:
                    key = self._presses[press][1] if press >= 0 else LOAD
                    utterances.append(Utterance(key, text, press))
        return utterances

    def heard_after(self, key: str) -> list[str]:
        """What Orca said after the last press of ``key`` and before the next key (``LOAD``: before any)."""
        presses = [-1] if key == LOAD else [i for i, (_, k) in enumerate(self._presses) if k == key]
        if not presses:
            pressed = [k for _, k in self._presses]
            raise ScreenReaderError(f"{key!r} was never pressed (keys pressed: {pressed})")
        return [u.text for u in self.heard() if u.press == presses[-1]]

    def wait_for(self, what: str | re.Pattern[str], *, timeout: float = 15) -> Utterance:
        """The first utterance holding ``what`` (a string or a pattern to search for), waiting up to
        ``timeout`` seconds for Orca to say it."""
        found = what.search if isinstance(what, re.Pattern) else lambda text: what in text
        deadline = time.monotonic() + timeout
        while True:
            for utterance in self.heard():
                if found(utterance.text):
                    return utterance
            if time.monotonic() > deadline:
                shown = what.pattern if isinstance(what, re.Pattern) else what
                raise ScreenReaderError(
                    f"Orca did not say {shown!r} in {timeout:.0f} s.\n{self.transcript()}"
                )
            time.sleep(0.1)

    def transcript(self, last: int = 30) -> str:
        """The last utterances, one a line, with the key each followed: for failure messages."""
        heard = self.heard()
        if not heard:
            return f"Orca said nothing (its log: {self.log})."
        lines = [str(u) for u in heard[-last:]]
        return "\n  ".join([f"Orca said, last {len(lines)} of {len(heard)} (its log: {self.log}):", *lines])

    def _wait_quiet(self, limit: float = 20) -> None:
        deadline = time.monotonic() + limit
        size = self.log.stat().st_size
        still = time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.05)
            now = self.log.stat().st_size
            if now != size:
                size, still = now, time.monotonic()
            elif time.monotonic() - still >= QUIET:
                return
        raise ScreenReaderError(f"Orca's log was still growing after {limit:.0f} s.\n{self.transcript()}")


@contextlib.contextmanager
def _one_at_a_time(timeout: float = 600) -> Iterator[None]:
    """Holds this user's screen-reader lock, and checks that no other Orca runs for the user."""
    path = Path(tempfile.gettempdir()) / f"mkdocs-rectify-orca-{os.getuid()}.lock"
    with path.open("w") as lock:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise ScreenReaderError(f"another session held {path} for {timeout} s") from None
                time.sleep(0.5)
        try:
            others = subprocess.run(
                ["pgrep", "-u", str(os.getuid()), "-x", "orca"], capture_output=True, text=True, check=False
            ).stdout.split()
            if others:
                raise ScreenReaderError(
                    f"Orca is already running for this user (PID {', '.join(others)}), and will not start "
                    "beside another: stop it first"
                )
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextlib.contextmanager
def orca_reading(
    url: str, workdir: Path, *, chromium: str = "/usr/bin/chromium", chromium_args: Sequence[str] = ()
) -> Iterator[ScreenReader]:
    """Orca reading ``url`` in Chromium; everything is started afresh and stopped at the end, even on failure.

    ``workdir`` keeps the home folder, Orca's log and each program's output, to look at after a failure.
    """
    missing = missing_packages()
    if missing:
        raise ScreenReaderError(f"The screen-reader tests need {', '.join(missing)}: {INSTALL}")
    if not Path(chromium).exists():
        raise ScreenReaderError(f"{chromium} is missing: apt-get install chromium")
    workdir.mkdir(parents=True, exist_ok=True)
    with _one_at_a_time():
        # A short runtime folder: the path of a unix socket must stay under 108 bytes.
        runtime = Path(tempfile.mkdtemp(prefix="orca-"))
        home = workdir / "home"
        home.mkdir(exist_ok=True)
        programs = _Programs(
            workdir,
            {
                "PATH": "/usr/local/bin:/usr/bin:/bin",
                "HOME": str(home),
                "XDG_RUNTIME_DIR": str(runtime),
                "XDG_CONFIG_HOME": str(home / ".config"),
                "XDG_CACHE_HOME": str(home / ".cache"),
                "XDG_DATA_HOME": str(home / ".local/share"),
                "TMPDIR": str(runtime),
                "LANG": "C.UTF-8",
                "LC_ALL": "C.UTF-8",
            },
        )
        reader = ScreenReader(workdir / "orca-debug.log", programs)
        try:
            _start_display_and_buses(programs)
            _start_speech(programs)
            _start_orca(programs, reader.log)
            reader.window = _start_chromium(programs, reader, url, chromium, chromium_args)
            yield reader
        finally:
            programs.stop_all()
            shutil.rmtree(runtime, ignore_errors=True)


def _start_display_and_buses(programs: _Programs) -> None:
    """Xvfb on a display number it picks itself, a D-Bus session bus, the AT-SPI bus and its registry."""
    xvfb = ["Xvfb", "-displayfd", "{fd}", "-screen", "0", "1280x900x24", "-nolisten", "tcp"]
    dbus = ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address={fd}"]
    for name, command, variable in (("xvfb", xvfb, "DISPLAY"), ("dbus", dbus, "DBUS_SESSION_BUS_ADDRESS")):
        read, write = os.pipe()
        try:
            process = programs.start(name, [part.format(fd=write) for part in command], pass_fds=(write,))
        finally:
            os.close(write)
        try:
            value = _first_line(read, process)
        finally:
            os.close(read)
        programs.env[variable] = f":{value}" if variable == "DISPLAY" else value

    launcher = programs.start("at-spi-bus", ["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
    send = ("dbus-send", "--session", "--print-reply")
    owner = ("--dest=org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner")

    def has_bus() -> bool:
        return "boolean true" in programs.run(*send, *owner, "string:org.a11y.Bus", check=False)

    programs.until("the AT-SPI bus", has_bus, launcher)
    # What a desktop's accessibility setting does: tells toolkits that an assistive technology listens.
    for flag in ("IsEnabled", "ScreenReaderEnabled"):
        programs.run(
            *send,
            "--dest=org.a11y.Bus",
            "/org/a11y/bus",
            "org.freedesktop.DBus.Properties.Set",
            "string:org.a11y.Status",
            f"string:{flag}",
            "variant:boolean:true",
        )
    programs.start("at-spi-registry", ["/usr/libexec/at-spi2-registryd"])


def _start_speech(programs: _Programs) -> None:
    """speech-dispatcher with espeak-ng and a private configuration; the sound goes to libao's null driver."""
    config = programs.workdir / "speech-dispatcher"
    shutil.copytree("/etc/speech-dispatcher", config, dirs_exist_ok=True)
    with (config / "speechd.conf").open("a", encoding="utf-8") as conf:
        conf.write('\nAudioOutputMethod "libao"\nDefaultModule espeak-ng\n')
    (Path(programs.env["HOME"]) / ".libao").write_text("default_driver=null\n", "utf-8")
    # Where Orca's speech-dispatcher client looks for the socket under XDG_RUNTIME_DIR.
    socket = Path(programs.env["XDG_RUNTIME_DIR"]) / "speech-dispatcher" / "speechd.sock"
    socket.parent.mkdir(mode=0o700)
    speech = programs.start(
        "speech-dispatcher", ["speech-dispatcher", "-s", "-t", "0", "-C", str(config), "-S", str(socket)]
    )
    programs.until("speech-dispatcher", socket.exists, speech)


def _start_orca(programs: _Programs, log: Path) -> None:
    prefs = programs.workdir / "orca-prefs"
    prefs.mkdir(exist_ok=True)
    (prefs / "orca-customizations.py").write_text(ORCA_CUSTOMIZATIONS, "utf-8")
    log.touch()
    # Orca ignores SIGTERM: it is killed after 2 s.
    orca = programs.start("orca", ["orca", "-u", str(prefs), "--debug-file", str(log)], grace=2)
    programs.until("Orca", lambda: "Screen reader on" in log.read_text("utf-8", "replace"), orca)


def _start_chromium(
    programs: _Programs, reader: ScreenReader, url: str, chromium: str, args: Sequence[str]
) -> str:
    """Chromium showing ``url``, not headless, its accessibility on; the id of its window."""
    profile = programs.workdir / "chromium"
    (profile / "Default").mkdir(parents=True, exist_ok=True)
    (profile / "Default" / "Preferences").write_text(json.dumps(CHROMIUM_PREFERENCES), "utf-8")
    flags = [
        "--no-sandbox",
        "--disable-gpu",
        *args,
        "--force-renderer-accessibility",
        f"--user-data-dir={profile}",
        "--no-first-run",
        "--no-default-browser-check",
        "--password-store=basic",
        "--window-position=0,0",
        "--window-size=1280,900",
    ]
    browser = programs.start(
        "chromium",
        [chromium, *dict.fromkeys(flags), url],
        extra_env={"ACCESSIBILITY_ENABLED": "1", "GTK_MODULES": "gail:atk-bridge"},
    )
    programs.until("the page", lambda: any("Finished loading" in u.text for u in reader.heard()), browser)
    windows = programs.run("xdotool", "search", "--onlyvisible", "--class", "chromium").split()
    if not windows:
        raise ScreenReaderError(f"Chromium has no window on the display: {browser.describe()}")
    reader._wait_quiet()
    return windows[-1]
