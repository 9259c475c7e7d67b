#!/usr/bin/env python3
"""Rehearse a class on a real JupyterHub, on this machine, over loopback only.

    python tools/hub_rehearsal.py --learners 5          # make hub-rehearsal LEARNERS=5
    python tools/hub_rehearsal.py --sizing-table --write # refresh the table in hosted.md

What it does, with the pieces an instructor's hub uses (``make hub-deps`` installs them:
jupyterhub, nbgitpuller and jupyterhub-idle-culler from PyPI, configurable-http-proxy from
npm into ``.venv/hub-proxy``):

1. The course is served from a local bare git repository holding the current commit
   (uncommitted changes are not in it).
2. A JupyterHub starts on 127.0.0.1 with a throw-away configuration in a temporary folder:
   the dummy authenticator (any name and password), ``SimpleLocalProcessSpawner`` (every
   learner's server runs as the current user with its own home folder, since the machine has
   no learner accounts), the environment variable ``SNB_PROGRESS=~/snb-progress.json`` and
   the idle culler, exactly the lines ``book/instructor/hosted.md`` gives.
3. Every learner, all at once: logs in through the hub's REST API (name and password
   for a token), starts their server, opens their nbgitpuller link as
   ``tools/hub_links.py`` writes it (the course lands in their home), then runs chapter 1's
   workbook cell by cell through their own kernel (a kernel websocket on their server),
   with one right answer (exercise 1.1, the worked solution's code) and one wrong answer
   (exercise 1.3, the media outlet alone).
4. The learners' ``snb-progress.json`` files are collected and ``make class-progress`` reads
   them; the table must list every learner, 1.1 done and 1.3 attempted.
5. Everything it started (the hub, and every process below it: proxy, culler, learner
   servers, kernels) is stopped by process id, also after a failure, SIGTERM or Ctrl-C.
   The ids are written to ``OUT/processes.json`` so a test can check none is left.

It prints one line per learner and a summary (learners served, median and slowest time
from login to a finished workbook, peak memory per learner's server + kernel, the hub's
memory, CPU seconds per learner, the machine's load), and writes ``OUT/measurement.json``.
``--record`` adds that measurement to ``tools/hub_measurements.json``, from which
``--sizing-table`` computes the sizing table of the instructor guide (measured rows as
they were measured, projected rows computed in the open by :func:`projection`).
"""

from __future__ import annotations

import argparse
import contextlib
import html.parser
import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlparse

import nbformat
import requests
import websocket  # websocket-client, a dependency of jupyter_server

from snb.progress import course_exercises

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("hub_links", ROOT / "tools" / "hub_links.py")
hub_links = importlib.util.module_from_spec(_spec)  # a sibling script, not a package
_spec.loader.exec_module(hub_links)

BIN = Path(sys.executable).parent
PROXY = ROOT / ".venv" / "hub-proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
WORKBOOK = "exercises/01-network-society.ipynb"
SOLUTION = ROOT / "solutions" / "01-network-society.ipynb"
RIGHT_CHECK, WRONG_CHECK = "check_team_basics", "check_two_step_reach"
WRONG_ANSWER = "reach_two = {0}  # the media outlet alone: wrong on purpose\n"
MEASUREMENTS = ROOT / "tools" / "hub_measurements.json"
PAGE = ROOT / "book" / "instructor" / "hosted.md"
START = "<!-- hub-sizing:start (tools/hub_rehearsal.py --sizing-table --write) -->"
END = "<!-- hub-sizing:end -->"
FOLDER = "snb-course"            # the bare repository's name: the folder learners get
PASSWORD = "rehearsal"           # the dummy authenticator takes any password
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")
MB = 1024 * 1024


class RehearsalError(RuntimeError):
    """A step of the rehearsal failed; the message says which and why."""


# ------------------------------------------------------------------ processes, by id


def _stat(pid: int) -> tuple[int, int, float] | None:
    """(parent id, start time in ticks, CPU seconds) of a process, or None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()
    return int(fields[1]), int(fields[19]), (int(fields[11]) + int(fields[12])) / TICKS


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def _pss(pid: int) -> int:
    try:
        found = re.search(r"^Pss:\s+(\d+) kB", Path(f"/proc/{pid}/smaps_rollup").read_text(), re.M)
    except OSError:
        return 0
    return int(found[1]) * 1024 if found else 0


def _learner_of(pid: int) -> str | None:
    """The hub user a single-user server was started for (its JUPYTERHUB_USER), or None."""
    try:
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    except OSError:
        return None
    for item in environ:
        if item.startswith(b"JUPYTERHUB_USER="):
            return item.split(b"=", 1)[1].decode()
    return None


def alive(pid: int, start: int) -> bool:
    """True while the process ``pid`` that started at ``start`` (ticks) still runs."""
    found = _stat(pid)
    if found is None:
        return False
    try:  # a zombie has finished; only its parent's wait is missing
        if Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] == "Z":
            return False
    except (OSError, IndexError):
        return False
    return found[1] == start


@dataclass
class Tracker:
    """Every process under the hub, sampled: memory and CPU per learner, the hub's memory.

    A process is known by (id, start time), so a reused id is never mistaken for ours.
    """

    root: int
    seen: dict[tuple[int, int], str] = field(default_factory=dict)   # (pid, start) -> owner
    cpu: dict[tuple[int, int], float] = field(default_factory=dict)
    peak_rss: dict[str, int] = field(default_factory=dict)           # owner -> bytes
    peak_pss: dict[str, int] = field(default_factory=dict)
    peak_total_rss: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    root_start: int = -1

    def __post_init__(self) -> None:
        found = _stat(self.root)
        self.root_start = found[1] if found else -1

    def scan(self) -> None:
        parents: dict[int, tuple[int, int, float]] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit() and (found := _stat(int(entry.name))) is not None:
                parents[int(entry.name)] = found
        children: dict[int, list[int]] = {}
        for pid, (ppid, _, _) in parents.items():
            children.setdefault(ppid, []).append(pid)
        rss: dict[str, int] = {}
        pss: dict[str, int] = {}
        with self.lock:
            # from the hub, and from every process of ours still running: a server whose
            # hub has gone (stopping) may still start a kernel, and it is ours too
            ours = [(self.root, self.root_start, "hub")] + [
                (pid, start, owner) for (pid, start), owner in self.seen.items()]
            stack = [(pid, owner) for pid, start, owner in ours
                     if parents.get(pid, (0, -2))[1] == start]
            visited: set[int] = set()
            while stack:
                pid, owner = stack.pop()
                if pid in visited:
                    continue
                visited.add(pid)
                _, start, cpu = parents[pid]
                key = (pid, start)
                if key not in self.seen:
                    learner = _learner_of(pid) if owner == "hub" and pid != self.root else None
                    self.seen[key] = learner or owner
                owner = self.seen[key]
                self.cpu[key] = cpu
                rss[owner] = rss.get(owner, 0) + _rss(pid)
                pss[owner] = pss.get(owner, 0) + _pss(pid)
                stack += [(child, owner) for child in children.get(pid, [])]
            for owner, value in rss.items():
                self.peak_rss[owner] = max(self.peak_rss.get(owner, 0), value)
                self.peak_pss[owner] = max(self.peak_pss.get(owner, 0), pss[owner])
            self.peak_total_rss = max(self.peak_total_rss, sum(rss.values()))

    def cpu_of(self, owner: str) -> float:
        with self.lock:
            return sum(s for key, s in self.cpu.items() if self.seen[key] == owner)

    def processes(self) -> list[dict[str, Any]]:
        with self.lock:
            return [{"pid": pid, "start": start, "owner": owner}
                    for (pid, start), owner in sorted(self.seen.items())]


def stop(hub: subprocess.Popen | None, tracker: Tracker | None, grace: float = 20.0) -> list[int]:
    """Stop the hub (it stops its proxy, culler and servers), then any process of ours left.

    Returns the ids that needed a SIGKILL. Only processes the tracker saw under the hub,
    by (id, start time), are signalled: never anything found by name.
    """
    if tracker is not None:
        with contextlib.suppress(Exception):
            tracker.scan()
    if hub is not None and hub.poll() is None:
        hub.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + grace
        while hub.poll() is None and time.monotonic() < deadline:
            if tracker is not None:  # keep noting what starts while the hub stops
                with contextlib.suppress(Exception):
                    tracker.scan()
            with contextlib.suppress(subprocess.TimeoutExpired):
                hub.wait(0.2)
        if hub.poll() is None:
            hub.kill()
            hub.wait(5)
    if tracker is not None:
        with contextlib.suppress(Exception):
            tracker.scan()
    if tracker is None:
        return []
    left = [(p["pid"], p["start"]) for p in tracker.processes() if alive(p["pid"], p["start"])]
    for pid, _ in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(alive(*p) for p in left):
        time.sleep(0.1)
    killed = []
    for pid, start in left:
        if alive(pid, start):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
    return killed


# ------------------------------------------------------------------ the hub and the course


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def course_repository(where: Path, branch: str) -> tuple[str, str]:
    """A bare repository in ``where`` holding the current commit as ``branch``: (url, commit)."""
    bare = where / FOLDER
    run = {"check": True, "capture_output": True, "text": True}
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], **run).stdout.strip()
        # a local clone shares the objects by hard links: well under a second
        subprocess.run(["git", "clone", "--quiet", "--bare", str(ROOT), str(bare)], **run)
        subprocess.run(["git", "-C", str(bare), "update-ref", f"refs/heads/{branch}", commit], **run)
        subprocess.run(["git", "-C", str(bare), "symbolic-ref", "HEAD", f"refs/heads/{branch}"],
                       **run)
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", "") or exc
        raise RehearsalError(f"the course must be a git clone with git installed: {detail}") from exc
    return bare.as_uri(), commit


#: The lines of book/instructor/hosted.md that the rehearsal's hub runs as they are.
PROGRESS_CONFIG = "c.Spawner.environment = {'SNB_PROGRESS': '~/snb-progress.json'}"
CULLER_CONFIG = """import sys
c.JupyterHub.services.append({
    'name': 'idle-culler',
    'command': [sys.executable, '-m', 'jupyterhub_idle_culler', '--timeout=3600'],
})
c.JupyterHub.load_roles.append({
    'name': 'idle-culler',
    'services': ['idle-culler'],
    'scopes': ['list:users', 'read:users:activity', 'read:servers', 'delete:servers'],
})"""


def collect_command(homes: Path | str = "/home", sudo: str = "") -> str:
    """The hosted page's loop that copies every learner's progress file into collected/.

    On The Littlest JupyterHub, learners' homes are /home/jupyter-NAME (the rehearsal names
    its homes the same way); each file becomes collected/NAME.json.
    """
    homes = str(homes).rstrip("/")
    if not re.fullmatch(r"[\w./-]+", homes):
        raise ValueError(f"{homes!r}: a folder of homes with no spaces or shell characters")
    return (f'for home in {homes}/jupyter-*; do {sudo}cp "$home/snb-progress.json" '
            f'"collected/${{home#{homes}/jupyter-}}.json"; done')


def hub_config(where: Path, port: int, token: str, proxy: Path, culler: bool = True) -> str:
    """The throw-away jupyterhub_config.py: the hosted page's lines plus loopback plumbing."""
    singleuser = [str(BIN / "jupyterhub-singleuser")]
    if os.geteuid() == 0:  # a rehearsal as root: the learner servers run as root too
        singleuser.append("--allow-root")
    lines = [
        "# Written by tools/hub_rehearsal.py for one rehearsal; deleted afterwards.",
        "c = get_config()  # noqa",
        "c.JupyterHub.ip = '127.0.0.1'",
        f"c.JupyterHub.port = {port}",
        "c.JupyterHub.hub_ip = '127.0.0.1'",
        f"c.JupyterHub.hub_port = {free_port()}",
        f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{free_port()}'",
        f"c.ConfigurableHTTPProxy.command = [{str(proxy)!r}]",
        f"c.ConfigurableHTTPProxy.pid_file = {str(where / 'proxy.pid')!r}",
        f"c.JupyterHub.db_url = {('sqlite:///' + str(where / 'jupyterhub.sqlite'))!r}",
        f"c.JupyterHub.cookie_secret_file = {str(where / 'cookie_secret')!r}",
        f"c.JupyterHub.pid_file = {str(where / 'jupyterhub.pid')!r}",
        "c.JupyterHub.authenticator_class = 'dummy'",
        "c.Authenticator.allow_all = True",
        "c.JupyterHub.spawner_class = 'simple'",
        # homes named as on The Littlest JupyterHub: /home/jupyter-NAME
        f"c.SimpleLocalProcessSpawner.home_dir_template = {str(where / 'home' / 'jupyter-{username}')!r}",
        f"c.Spawner.cmd = {singleuser!r}",
        "c.Spawner.default_url = '/lab'",
        "c.Spawner.start_timeout = 300",
        "c.Spawner.http_timeout = 300",
        "c.JupyterHub.concurrent_spawn_limit = 0",
        # --- the rehearsal's own service: adds the class list (as an instructor would)
        f"c.JupyterHub.services = [{{'name': 'class-rehearsal', 'api_token': {token!r}}}]",
        "c.JupyterHub.load_roles = [{'name': 'class-rehearsal', 'services': ['class-rehearsal'],",
        "                            'scopes': ['admin:users', 'list:users', 'read:servers']}]",
        "# --- book/instructor/hosted.md: where the checks record progress",
        *PROGRESS_CONFIG.splitlines(),
    ]
    if culler:
        lines += ["# --- book/instructor/hosted.md: stop servers idle for an hour",
                  *CULLER_CONFIG.splitlines()]
    return "\n".join(lines) + "\n"


def wait_for(what: str, test, timeout: float, hub: subprocess.Popen | None = None,
             log: Path | None = None) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hub is not None and hub.poll() is not None:
            tail = log.read_text(errors="replace")[-3000:] if log else ""
            raise RehearsalError(f"the hub exited ({hub.returncode}) while waiting for {what}:\n{tail}")
        with contextlib.suppress(Exception):
            if (result := test()):
                return result
        time.sleep(0.25)
    raise RehearsalError(f"{what}: no answer within {timeout:.0f} s")


# ------------------------------------------------------------------ one learner


class _DataAttributes(html.parser.HTMLParser):
    """The data-* attributes of nbgitpuller's status page (what its JavaScript reads)."""

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[str, str] = {}
        self.inputs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key.startswith("data-") and value is not None:
                self.data.setdefault(key[5:], value)
        if tag == "input" and (found := dict(attrs)).get("name"):
            self.inputs[found["name"] or ""] = found.get("value") or ""


def workbook_cells(notebook: dict[str, Any]) -> list[str]:
    """The workbook's code cells with exercise 1.1 answered right and 1.3 answered wrong."""
    solution = nbformat.reads(SOLUTION.read_text(encoding="utf-8"), as_version=4)
    right = next(c.source for c in solution.cells
                 if c.cell_type == "code" and f"checks.{RIGHT_CHECK}(" in c.source)
    right_answer = right.split("# BEGIN SOLUTION\n", 1)[1].split("# END SOLUTION", 1)[0]
    cells = []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        check = next((line for line in source.splitlines() if line.startswith("checks.check_")), None)
        if check and f"checks.{RIGHT_CHECK}(" in check:
            source = right_answer + check
        elif check and f"checks.{WRONG_CHECK}(" in check:
            source = WRONG_ANSWER + check
        cells.append(source)
    return cells


def run_cells(ws_url: str, token: str, cells: list[str], timeout: float) -> list[dict[str, Any]]:
    """Execute cells one by one through a kernel's websocket; each one's status and text."""
    conn = websocket.create_connection(ws_url, header=[f"Authorization: token {token}"],
                                       timeout=timeout)
    session = uuid.uuid4().hex
    results = []
    try:
        for code in cells:
            msg_id = uuid.uuid4().hex
            conn.send(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "session": session,
                           "username": "learner", "version": "5.3",
                           "date": datetime.now(timezone.utc).isoformat()},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": True,
                            "user_expressions": {}, "allow_stdin": False, "stop_on_error": True},
            }))
            reply, idle, text = None, False, []
            while reply is None or not idle:
                frame = conn.recv()
                if not isinstance(frame, str):
                    continue  # binary frames carry widget buffers, nothing we wait for
                msg = json.loads(frame)
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind, content = msg["msg_type"], msg["content"]
                if kind == "execute_reply":
                    reply = content
                elif kind == "status" and content.get("execution_state") == "idle":
                    idle = True
                elif kind in ("execute_result", "display_data"):
                    text.append(content.get("data", {}).get("text/plain", ""))
                elif kind == "stream":
                    text.append(content.get("text", ""))
                elif kind == "error":
                    text.append(f"{content.get('ename')}: {content.get('evalue')}")
            results.append({"status": reply.get("status"), "text": "\n".join(text)})
            if reply.get("status") != "ok":
                break
    finally:
        conn.close()
    return results


@dataclass
class Learner:
    name: str
    times: dict[str, float] = field(default_factory=dict)
    verdicts: dict[str, str] = field(default_factory=dict)
    cells: int = 0
    error: str = ""


def rehearse_learner(learner: Learner, hub_url: str, repo: str, branch: str, home: Path,
                     timeout: float) -> None:
    """One learner's session, as their browser would run it (see the module's docstring)."""
    t0 = time.monotonic()
    http = requests.Session()
    api = f"{hub_url}/hub/api"
    # 1. log in through the REST API: name and password give the learner a token
    r = http.post(f"{api}/users/{learner.name}/tokens", timeout=timeout,
                  json={"auth": {"username": learner.name, "password": PASSWORD},
                        "note": "class rehearsal", "expires_in": 3600})
    if r.status_code != 201:
        raise RehearsalError(f"login refused ({r.status_code}): {r.text[:200]}")
    token = r.json()["token"]
    http.headers["Authorization"] = f"token {token}"
    learner.times["login"] = time.monotonic() - t0
    # 2. start their server and wait until the hub says it is ready
    r = http.post(f"{api}/users/{learner.name}/server", timeout=timeout)
    if r.status_code not in (201, 202, 400):  # 400: already running
        raise RehearsalError(f"server not started ({r.status_code}): {r.text[:200]}")
    model = wait_for(f"{learner.name}'s server", lambda: (
        m := http.get(f"{api}/users/{learner.name}", timeout=timeout).json()
    ).get("servers", {}).get("", {}).get("ready") and m, timeout)
    base = hub_url + model["servers"][""]["url"]
    learner.times["server"] = time.monotonic() - t0
    # 3. the nbgitpuller link exactly as tools/hub_links.py writes it
    link = hub_links.nbgitpuller(hub_url, repo, branch, WORKBOOK)
    r = http.get(link, timeout=timeout)
    r.raise_for_status()
    page = _DataAttributes()
    page.feed(r.text)
    if urlparse(r.url).path == "/hub/login":  # the browser has no hub cookie yet: log in
        form = {"username": learner.name, "password": PASSWORD, **page.inputs}
        form["username"], form["password"] = learner.name, PASSWORD
        r = http.post(r.url, data=form, timeout=timeout)
        r.raise_for_status()
        page = _DataAttributes()
        page.feed(r.text)
    data = {key: unquote(value) for key, value in page.data.items()}
    expected = parse_qs(urlparse(link).query, strict_parsing=True)
    if data.get("repo") != expected["repo"][0] or data.get("branch") != expected["branch"][0]:
        raise RehearsalError(f"nbgitpuller did not get the link's repo and branch: {data} "
                             f"(opened {link}, landed on {r.url} via "
                             f"{[h.url for h in r.history]})")
    sync = {"_xsrf": data.get("xsrf", ""), "repo": data["repo"], "targetpath": data["targetpath"],
            "branch": data["branch"]}
    phase, output = "", []
    with http.get(f"{base}git-pull/api?{urlencode(sync)}", stream=True, timeout=timeout) as stream:
        for line in stream.iter_lines(decode_unicode=True):
            if line and line.startswith("data: "):
                event = json.loads(line[6:])
                phase = event.get("phase", phase)
                output.append(event.get("message") or event.get("output") or "")
                if phase in ("finished", "error"):
                    break
    if phase != "finished":
        raise RehearsalError(f"nbgitpuller failed: {' '.join(output)[-500:]}")
    urlpath = data["path"]
    if urlpath != expected["urlpath"][0]:
        raise RehearsalError(f"nbgitpuller would open {urlpath}, the link says {expected['urlpath']}")
    http.get(base + urlpath, timeout=timeout).raise_for_status()  # where the browser lands
    notebook_path = urlpath.removeprefix("lab/tree/")
    if not (home / notebook_path).is_file():
        raise RehearsalError(f"{notebook_path} is not in {home} after the pull")
    learner.times["pulled"] = time.monotonic() - t0
    # 4. the workbook, cell by cell, through the learner's own kernel
    r = http.get(f"{base}api/contents/{notebook_path}", timeout=timeout)
    r.raise_for_status()
    cells = workbook_cells(r.json()["content"])
    r = http.post(f"{base}api/sessions", timeout=timeout, json={
        "path": notebook_path, "type": "notebook", "name": Path(notebook_path).name,
        "kernel": {"name": "python3"}})
    r.raise_for_status()
    kernel = r.json()["kernel"]["id"]
    ws = base.replace("http://", "ws://", 1) + f"api/kernels/{kernel}/channels"
    results = run_cells(ws, token, cells, timeout)
    learner.cells = len(results)
    failed = [r for r in results if r["status"] != "ok"]
    if failed or len(results) != len(cells):
        raise RehearsalError(f"cell {len(results)} of {len(cells)} failed: {failed[-1]['text'][-300:]}")
    for cell, result in zip(cells, results):
        for check, exercise in ((RIGHT_CHECK, "1.1"), (WRONG_CHECK, "1.3")):
            if f"checks.{check}(" in cell:
                learner.verdicts[exercise] = ("correct" if "Correct" in result["text"].split(":")[0]
                                              else "not correct")
    learner.times["finished"] = time.monotonic() - t0


# ------------------------------------------------------------------ the whole class


def load_average() -> float:
    return os.getloadavg()[0]


def loopback_only() -> None:
    """Never send the rehearsal's loopback requests through a proxy named in the environment
    (requests, websocket-client and the hub's own clients read NO_PROXY)."""
    for name in ("NO_PROXY", "no_proxy"):
        kept = [x for x in os.environ.get(name, "").split(",") if x.strip()]
        os.environ[name] = ",".join(kept + [h for h in ("127.0.0.1", "localhost") if h not in kept])


def rehearse(learners: int, out: Path, proxy: Path = PROXY, timeout: float = 600,
             keep: bool = False, culler: bool = True) -> dict[str, Any]:
    """Run the rehearsal; return the measurement (also written to ``out/measurement.json``)."""
    if not proxy.exists():
        raise RehearsalError(f"configurable-http-proxy not found at {proxy}: run `make hub-deps`")
    out.mkdir(parents=True, exist_ok=True)
    where = Path(tempfile.mkdtemp(prefix="snb-hub-rehearsal-"))
    hub: subprocess.Popen | None = None
    tracker: Tracker | None = None
    sampling = threading.Event()
    load_before = load_average()
    started = time.monotonic()
    loopback_only()
    try:
        _, branch, _ = hub_links.repository()
        repo, commit = course_repository(where, branch)
        port = free_port()
        token = uuid.uuid4().hex
        config = where / "jupyterhub_config.py"
        config.write_text(hub_config(where, port, token, proxy, culler), encoding="utf-8")
        log = where / "hub.log"
        with open(log, "wb") as sink:
            hub = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)], cwd=where,
                                   stdout=sink, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
        tracker = Tracker(hub.pid)
        _write_processes(out, where, hub, tracker)

        def sample() -> None:
            while not sampling.is_set():
                with contextlib.suppress(Exception):
                    tracker.scan()
                    _write_processes(out, where, hub, tracker)
                sampling.wait(0.5)

        threading.Thread(target=sample, daemon=True).start()
        hub_url = f"http://127.0.0.1:{port}"
        wait_for("the hub", lambda: requests.get(f"{hub_url}/hub/api/", timeout=5).ok, 120,
                 hub, log)
        hub_ready = time.monotonic() - started
        names = [f"learner{i:02d}" for i in range(1, learners + 1)]
        people = [Learner(name) for name in names]
        r = requests.post(f"{hub_url}/hub/api/users", json={"usernames": names}, timeout=timeout,
                          headers={"Authorization": f"token {token}"})
        if r.status_code != 201:
            raise RehearsalError(f"the class list was refused ({r.status_code}): {r.text[:200]}")

        def one(person: Learner) -> None:
            begun = time.monotonic()
            try:
                rehearse_learner(person, hub_url, repo, branch,
                                 where / "home" / f"jupyter-{person.name}", timeout)
            except Exception as exc:  # reported per learner, and the run fails
                person.error = f"{type(exc).__name__}: {exc}"
                person.times["failed"] = time.monotonic() - begun

        threads = [threading.Thread(target=one, args=(p,), daemon=True) for p in people]
        for thread in threads:
            thread.start()
        for thread in threads:
            while thread.is_alive():  # short joins, so Ctrl-C gets through
                thread.join(0.5)
        tracker.scan()
        # collect the progress files with the hosted page's loop (its homes, without sudo)
        collected = out / "collected"
        shutil.rmtree(collected, ignore_errors=True)
        collected.mkdir()
        subprocess.run(["bash", "-c", collect_command(where / "home")], cwd=out, check=False,
                       capture_output=True, timeout=600)
        for person in people:
            if not (collected / f"{person.name}.json").is_file() and not person.error:
                person.error = "no snb-progress.json in the learner's home"
        class_table = "No learner finished the workbook: no class table to read."
        if any(p.times.get("finished") for p in people):
            table = subprocess.run(
                ["make", "--no-print-directory", "-o", ".venv/bin/.installed", "class-progress",
                 f"DIR={collected}"], cwd=ROOT, capture_output=True, text=True, timeout=600)
            if table.returncode != 0:
                raise RehearsalError(f"make class-progress failed:\n{table.stdout}{table.stderr}")
            class_table = table.stdout
        measurement = summarise(people, tracker, learners, load_before, load_average(),
                                hub_ready, commit)
        measurement["class_table"] = class_table
        return measurement
    finally:
        sampling.set()
        killed = stop(hub, tracker)
        if hub is not None and (where / "hub.log").exists():
            shutil.copyfile(where / "hub.log", out / "hub.log")
        if not keep:
            shutil.rmtree(where, ignore_errors=True)
        if tracker is not None:
            _write_processes(out, where, hub, tracker, killed)


def _write_processes(out: Path, where: Path, hub: subprocess.Popen | None, tracker: Tracker,
                     killed: list[int] | None = None) -> None:
    """OUT/processes.json: every process the rehearsal started, by (id, start time)."""
    record = {"folder": str(where), "hub": hub.pid if hub else None,
              "processes": tracker.processes(), "killed": killed}
    temporary = out / "processes.json.tmp"
    temporary.write_text(json.dumps(record), encoding="utf-8")
    os.replace(temporary, out / "processes.json")


def class_table_problems(text: str, learners: int) -> list[str]:
    """What is wrong with ``make class-progress``'s table for the rehearsed class (or nothing).

    Every learner must be counted, the exercise answered right done by all, the one answered
    wrong attempted by all.
    """
    problems = []
    word = "learner" if learners == 1 else "learners"
    if not re.search(rf"^Class progress: {learners} {word} in ", text, re.M):
        problems.append(f"it does not count {learners} {word}")
    labels = {check.rsplit(".", 1)[1]: ex.label
              for ex in course_exercises(ROOT) for check in ex.checks}
    for check, column in ((RIGHT_CHECK, 0), (WRONG_CHECK, 1)):
        row = re.search(rf"^\s*1\s+{re.escape(labels[check])}\s+(\d+)\s+(\d+)", text, re.M)
        if row is None or int(row[column + 1]) != learners:
            state = ("done", "attempted")[column]
            problems.append(f"{labels[check]} is not {state} by all {learners}")
    return problems


def summarise(people: list[Learner], tracker: Tracker, learners: int, load_before: float,
              load_after: float, hub_ready: float, commit: str) -> dict[str, Any]:
    rows = []
    for p in people:
        rows.append({"name": p.name, "error": p.error, "times": p.times, "verdicts": p.verdicts,
                     "cells": p.cells, "peak_rss_mb": tracker.peak_rss.get(p.name, 0) / MB,
                     "peak_pss_mb": tracker.peak_pss.get(p.name, 0) / MB,
                     "cpu_s": tracker.cpu_of(p.name)})
    served = [r for r in rows if not r["error"] and r["verdicts"] == {"1.1": "correct",
                                                                      "1.3": "not correct"}]
    finished = [r["times"]["finished"] for r in served]
    return {
        "learners": learners, "served": len(served), "commit": commit,
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(), "load_before": round(load_before, 2),
        "load_after": round(load_after, 2), "hub_ready_s": round(hub_ready, 1),
        "median_s": round(statistics.median(finished), 1) if finished else None,
        "slowest_s": round(max(finished), 1) if finished else None,
        "learner_rss_mb": round(max((r["peak_rss_mb"] for r in rows), default=0)),
        "learner_rss_median_mb": round(statistics.median([r["peak_rss_mb"] for r in rows])),
        "learner_pss_mb": round(max((r["peak_pss_mb"] for r in rows), default=0)),
        "learner_cpu_s": round(statistics.median([r["cpu_s"] for r in rows]), 1),
        "hub_rss_mb": round(tracker.peak_rss.get("hub", 0) / MB),
        "total_rss_mb": round(tracker.peak_total_rss / MB),
        "rows": rows,
    }


def learner_line(row: dict[str, Any]) -> str:
    t = row["times"]
    if row["error"]:
        return f"{row['name']}: FAILED after {max(t.values(), default=0):.1f} s: {row['error']}"
    verdicts = ", ".join(f"{k} {v}" for k, v in sorted(row["verdicts"].items()))
    return (f"{row['name']}: logged in {t['login']:.1f} s, server {t['server']:.1f} s, "
            f"course pulled {t['pulled']:.1f} s, workbook finished {t['finished']:.1f} s "
            f"({row['cells']} cells; {verdicts}); peak {row['peak_rss_mb']:.0f} MB "
            f"(server + kernel), CPU {row['cpu_s']:.1f} s")


def summary_line(m: dict[str, Any]) -> str:
    times = (f"login to finished workbook: median {m['median_s']} s, slowest {m['slowest_s']} s"
             if m["served"] else "no learner finished")
    return (f"summary: {m['served']} of {m['learners']} learners served; {times}; "
            f"peak memory per learner (server + kernel): {m['learner_rss_mb']} MB "
            f"(median {m['learner_rss_median_mb']} MB, PSS {m['learner_pss_mb']} MB); "
            f"hub + proxy + culler: {m['hub_rss_mb']} MB; all together: {m['total_rss_mb']} MB; "
            f"CPU per learner: {m['learner_cpu_s']} s; "
            f"load {m['load_before']} before, {m['load_after']} after, {m['cores']} cores")


# ------------------------------------------------------------------ the sizing table


SERVERS = [("2 cores, 8 GB", 2, 8), ("4 cores, 16 GB", 4, 16), ("8 cores, 32 GB", 8, 32)]
SYSTEM_GB = 1.0     # assumption: the operating system and page cache kept free
HEADROOM = 0.75     # assumption: plan learners into 75 % of what is left (heavier pages, spikes)


def projection(measurements: list[dict[str, Any]], cores: int, memory_gb: float) -> dict[str, Any]:
    """Learners a server holds, from the largest measured per-learner and hub memory.

    ``learners = floor(HEADROOM * (memory - SYSTEM_GB - hub) / per_learner)``, and the time
    a whole class needs when everyone runs workbook 1 at the same moment, CPU-bound:
    ``learners * CPU seconds per learner / cores``.

    Examples
    --------
    >>> m = [{"learner_rss_mb": 200, "hub_rss_mb": 300, "learner_cpu_s": 6.0}]
    >>> projection(m, 4, 16)["learners"]
    56
    """
    per_learner = max(m["learner_rss_mb"] for m in measurements)
    hub = max(m["hub_rss_mb"] for m in measurements)
    cpu = max(m["learner_cpu_s"] for m in measurements)
    usable = HEADROOM * (memory_gb * 1024 - SYSTEM_GB * 1024 - hub)
    learners = int(usable // per_learner)
    return {"learners": learners, "run_all_s": round(learners * cpu / cores),
            "per_learner_mb": per_learner, "hub_mb": hub, "cpu_s": cpu}


def sizing_table(measurements: list[dict[str, Any]]) -> str:
    """The guide's table: measured rows as measured, projected rows from :func:`projection`."""
    lines = [("| Server | Learners | Login to finished workbook 1: median / slowest "
              "| Memory per learner | CPU per learner | Hub, proxy, culler | All together "
              "| Load (1 min) before / after | Figures |"),
             "| --- | --: | --- | --: | --: | --: | --: | --- | --- |"]
    for m in sorted(measurements, key=lambda m: m["learners"]):
        lines.append(
            f"| this machine: {m['cores']} cores, shared | {m['served']} of {m['learners']} "
            f"| {m['median_s']:.0f} s / {m['slowest_s']:.0f} s | {m['learner_rss_mb']} MB "
            f"| {m['learner_cpu_s']} s | {m['hub_rss_mb']} MB | {m['total_rss_mb'] / 1024:.1f} GB "
            f"| {m['load_before']:.1f} / {m['load_after']:.1f} | measured {m['date'][:10]} |")
    for label, cores, memory in SERVERS:
        p = projection(measurements, cores, memory)
        together = (p["learners"] * p["per_learner_mb"] + p["hub_mb"]) / 1024
        lines.append(
            f"| {label} | {p['learners']} | about {p['run_all_s']} s if all start at once "
            f"| {p['per_learner_mb']} MB | {p['cpu_s']} s | {p['hub_mb']} MB | {together:.1f} GB "
            "| | projected |")
    return "\n".join(lines)


def refresh_page(measurements: list[dict[str, Any]], page: Path = PAGE) -> bool:
    text = page.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    new = f"{before}{START}\n{sizing_table(measurements)}\n{END}{after}"
    if new != text:
        page.write_text(new, encoding="utf-8")
    return new != text


def read_measurements(path: Path = MEASUREMENTS) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def record(measurement: dict[str, Any], path: Path = MEASUREMENTS) -> None:
    """Keep the latest measurement per class size (the per-learner rows stay out)."""
    kept = {m["learners"]: m for m in read_measurements(path)}
    kept[measurement["learners"]] = {k: v for k, v in measurement.items()
                                     if k not in ("rows", "class_table")}
    path.write_text(json.dumps([kept[k] for k in sorted(kept)], indent=1) + "\n",
                    encoding="utf-8")


# ------------------------------------------------------------------ command line


def _positive(text: str) -> int:
    if not re.fullmatch(r"\d{1,3}", text.strip()) or not 1 <= int(text) <= 200:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number of learners, 1 to 200")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=_positive, default=2, help="how many (default 2)")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "hub-rehearsal",
                        help="where the collected files, log and measurement go")
    parser.add_argument("--proxy", type=Path, default=PROXY, help="configurable-http-proxy")
    parser.add_argument("--timeout", type=float, default=600, help="seconds for any one step")
    parser.add_argument("--keep", action="store_true", help="keep the temporary hub folder")
    parser.add_argument("--record", action="store_true",
                        help=f"add the measurement to {MEASUREMENTS.relative_to(ROOT)}")
    parser.add_argument("--sizing-table", action="store_true",
                        help="print the sizing table from the recorded measurements")
    parser.add_argument("--write", action="store_true",
                        help=f"with --sizing-table: refresh it in {PAGE.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    if args.sizing_table:
        measurements = read_measurements()
        if args.write:
            changed = refresh_page(measurements)
            print(f"{PAGE.relative_to(ROOT)} {'updated' if changed else 'already up to date'}")
        else:
            print(sizing_table(measurements))
        return 0

    def interrupted(signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, interrupted)
    print(f"Rehearsing a class of {args.learners} on a JupyterHub at 127.0.0.1 "
          f"(load {load_average():.2f} on {os.cpu_count()} cores) ...", flush=True)
    try:
        m = rehearse(args.learners, args.out, args.proxy, args.timeout, args.keep)
    except KeyboardInterrupt:
        print("Interrupted: everything the rehearsal started has been stopped.", file=sys.stderr)
        return 130
    except RehearsalError as exc:
        print(f"The rehearsal failed: {exc}\n(hub log: {args.out / 'hub.log'})", file=sys.stderr)
        return 1
    for row in m["rows"]:
        print(learner_line(row))
    print()
    print(m["class_table"].rstrip())
    print()
    print(summary_line(m))
    (args.out / "measurement.json").write_text(json.dumps(m, indent=1) + "\n", encoding="utf-8")
    if args.record:
        record(m)
        print(f"recorded in {MEASUREMENTS.relative_to(ROOT)}")
    problems = class_table_problems(m["class_table"], args.learners)
    for problem in problems:
        print(f"class table: {problem}", file=sys.stderr)
    return 0 if m["served"] == args.learners and not problems else 1


if __name__ == "__main__":
    sys.exit(main())
