"""The hub rehearsal (tools/hub_rehearsal.py): a class of 2 on a real JupyterHub on loopback,
and the pieces the instructor guide takes from it (its configuration lines, the sizing table).

The rehearsal itself is a slow test (`make slow-test`, part of `make test`). It is skipped,
with the reason, only where the hub's pieces could not be installed (`make hub-deps`:
jupyterhub and nbgitpuller from PyPI, configurable-http-proxy from npm).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from snb import checks, datasets, models

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "hub_rehearsal.py"


def _load():
    spec = importlib.util.spec_from_file_location("hub_rehearsal", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["hub_rehearsal"] = module
    spec.loader.exec_module(module)
    return module


hub = _load()

SUMMARY = re.compile(
    r"^summary: (\d+) of (\d+) learners served; login to finished workbook: median ([\d.]+) s, "
    r"slowest ([\d.]+) s; peak memory per learner \(server \+ kernel\): (\d+) MB "
    r"\(median (\d+) MB, PSS (\d+) MB\); hub \+ proxy \+ culler: (\d+) MB; all together: (\d+) MB; "
    r"CPU per learner: ([\d.]+) s; load ([\d.]+) before, ([\d.]+) after, (\d+) cores$", re.M)


def _missing_pieces() -> str | None:
    for module in ("jupyterhub", "nbgitpuller", "jupyterhub_idle_culler"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed (make hub-deps installs requirements-hub.txt)"
    if shutil.which("node") is None:
        return "node is not installed: JupyterHub's proxy (configurable-http-proxy) needs it"
    if not hub.PROXY.exists():
        return f"configurable-http-proxy is not in {hub.PROXY.parent.parent.parent} (make hub-deps, npm)"
    return None


needs_hub = pytest.mark.skipif(_missing_pieces() is not None, reason=str(_missing_pieces()))


def _left_running(out: Path) -> list[dict]:
    record = json.loads((out / "processes.json").read_text())
    assert record["processes"], "the rehearsal recorded the processes it started"
    return [p for p in record["processes"] if hub.alive(p["pid"], p["start"])]


def _mentions(folder: str) -> list[int]:
    """Processes on this machine whose command line names the rehearsal's temporary folder."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if folder.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


# ------------------------------------------------------------------ the rehearsal itself


@pytest.mark.slow
@needs_hub
def test_a_class_of_two_on_a_real_hub(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, str(SCRIPT), "--learners", "2", "--out", str(out)],
                          capture_output=True, text=True, timeout=900, cwd=ROOT,
                          env={**os.environ, "SNB_PROGRESS": "off"})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    [summary] = SUMMARY.findall(done.stdout)
    served, learners, median, slowest, per_learner, median_mb, pss, hub_mb, total = summary[:9]
    assert (served, learners) == ("2", "2")
    assert 0 < float(median) <= float(slowest)
    assert 50 < int(pss) <= int(per_learner) < 4000 and int(median_mb) <= int(per_learner), \
        "a server + kernel, in MB"
    assert 20 < int(hub_mb) < 2000 and int(total) >= 2 * int(median_mb)
    assert float(summary[9]) > 0, "the kernels did the work: CPU seconds were counted"
    for name in ("learner01", "learner02"):
        [line] = [x for x in done.stdout.splitlines() if x.startswith(f"{name}:")]
        assert "1.1 correct, 1.3 not correct" in line and "FAILED" not in line
        progress = json.loads((out / "collected" / f"{name}.json").read_text())["checks"]
        assert progress["snb.checks.ch01.check_team_basics"]["status"] == "correct"
        assert progress["snb.checks.ch01.check_two_step_reach"]["status"] == "incorrect"
    assert "Class progress: 2 learners in" in done.stdout
    assert hub.class_table_problems(done.stdout, 2) == []
    assert (out / "collected" / "class-progress.csv").is_file()
    measured = json.loads((out / "measurement.json").read_text())
    assert measured["served"] == 2 and measured["commit"]
    assert _left_running(out) == [], "every process the rehearsal started has stopped"
    record = json.loads((out / "processes.json").read_text())
    owners = {p["owner"] for p in record["processes"]}
    assert {"hub", "learner01", "learner02"} <= owners, "servers and kernels were tracked"
    assert _mentions(record["folder"]) == [] and not Path(record["folder"]).exists()


@pytest.mark.slow
@needs_hub
def test_ctrl_c_stops_everything_it_started(tmp_path):
    out = tmp_path / "out"
    run = subprocess.Popen([sys.executable, str(SCRIPT), "--learners", "1", "--out", str(out)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                           env={**os.environ, "SNB_PROGRESS": "off"})
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and run.poll() is None:
            try:  # wait until the learner's server runs: the hub has processes below it
                record = json.loads((out / "processes.json").read_text())
            except (OSError, ValueError):
                record = {"processes": []}
            if any(p["owner"] == "learner01" for p in record["processes"]):
                break
            time.sleep(0.5)
        assert run.poll() is None, "the learner's server started before the rehearsal ended"
        run.send_signal(signal.SIGINT)
        stdout, stderr = run.communicate(timeout=120)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 130, stdout[-2000:] + stderr[-2000:]
    assert "Interrupted: everything the rehearsal started has been stopped." in stderr
    assert _left_running(out) == []
    record = json.loads((out / "processes.json").read_text())
    assert _mentions(record["folder"]) == [] and not Path(record["folder"]).exists()


@pytest.mark.slow
@needs_hub
def test_a_failed_rehearsal_names_the_learner_and_stops_everything(tmp_path):
    """Two seconds for a server to start is too short: the learner fails, nothing is left."""
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, str(SCRIPT), "--learners", "1", "--out", str(out),
                           "--timeout", "2"], capture_output=True, text=True, timeout=900,
                          cwd=ROOT, env={**os.environ, "SNB_PROGRESS": "off"})
    assert done.returncode == 1, done.stdout[-2000:] + done.stderr[-2000:]
    # the first step that waits longer than 2 s fails: named, with its reason, no traceback
    assert re.search(r"^learner01: FAILED after [\d.]+ s: \w+: .+", done.stdout, re.M)
    assert SUMMARY.search(done.stdout) is None and "summary: 0 of 1 learners served" in done.stdout
    assert "Traceback" not in done.stderr
    assert _left_running(out) == []
    record = json.loads((out / "processes.json").read_text())
    assert _mentions(record["folder"]) == [] and not Path(record["folder"]).exists()


# ------------------------------------------------------------------ its parts, quickly


def test_the_hosted_page_gives_the_configuration_the_rehearsal_runs(tmp_path):
    """Every line of the page's jupyterhub_config block is in the rehearsal's configuration."""
    page = hub.PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n# jupyterhub_config\.py.*?\n(.*?)```", page, re.S)
    assert blocks, "the page shows the hub's configuration lines"
    config = hub.hub_config(tmp_path, 8000, "token", Path("/proxy"))
    lines = [line for block in blocks for line in block.splitlines()
             if line.strip() and not line.startswith("#")]
    assert len(lines) >= 4
    for line in lines:
        assert line in config.splitlines(), f"the rehearsal does not run: {line}"
    compile(config, "jupyterhub_config.py", "exec")


def test_the_page_shows_the_commands_of_the_rehearsal():
    page = hub.PAGE.read_text(encoding="utf-8")
    assert hub.collect_command("/home", sudo="sudo ") in page.splitlines(), \
        "the page's collecting loop is the one the rehearsal runs"
    for command in ("make hub-rehearsal LEARNERS=5", "make class-progress DIR=collected",
                    "python tools/hub_links.py --hub", "pip install -r requirements-hub.txt"):
        assert command in page, command
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^hub-rehearsal: .*\n\t\$\(PY\) tools/hub_rehearsal\.py --learners ", makefile,
                     re.M)


def test_the_sizing_table_in_the_page_is_computed_from_the_measurements():
    measurements = hub.read_measurements()
    assert sorted(m["learners"] for m in measurements) == [5, 10, 20]
    assert all(m["served"] == m["learners"] for m in measurements), "every learner finished"
    page = hub.PAGE.read_text(encoding="utf-8")
    inside = page.split(hub.START, 1)[1].split(hub.END, 1)[0].strip()
    assert inside == hub.sizing_table(measurements).strip(), \
        "run `python tools/hub_rehearsal.py --sizing-table --write`"
    assert inside.count("| measured ") == 3 and inside.count("| projected |") == 3
    formula = " ".join(page.split())
    assert (f"learners = {hub.HEADROOM} × (memory − {hub.SYSTEM_GB:.0f} GB for the system − the "
            "hub's memory) / the largest measured memory per learner") in formula
    assert "learners × CPU seconds per learner / cores" in formula
    assert "far above the 2 cores" in formula and all(m["load_before"] > 2 * m["cores"]
                                                      for m in measurements), \
        "the page says the machine was overloaded while measuring: the loads must show it"


def test_the_projection_is_memory_over_per_learner_memory_with_headroom():
    m = [{"learner_rss_mb": 300, "hub_rss_mb": 200, "learner_cpu_s": 8.0},
         {"learner_rss_mb": 250, "hub_rss_mb": 260, "learner_cpu_s": 10.0}]
    p = hub.projection(m, 4, 16)
    # the largest figures of all measurements: 300 MB a learner, 260 MB the hub, 10 s CPU
    assert p["learners"] == int(hub.HEADROOM * (16 * 1024 - hub.SYSTEM_GB * 1024 - 260) // 300)
    assert p["run_all_s"] == round(p["learners"] * 10.0 / 4)
    assert hub.projection(m, 8, 32)["learners"] > 2 * p["learners"] - 2
    assert hub.projection(m, 2, 8)["learners"] < p["learners"]


def test_the_collecting_loop_copies_one_file_per_learner(tmp_path):
    homes = tmp_path / "home"
    for name in ("ana", "bo-2"):
        (homes / f"jupyter-{name}").mkdir(parents=True)
        (homes / f"jupyter-{name}" / "snb-progress.json").write_text(name, encoding="utf-8")
    (homes / "jupyter-idle").mkdir()  # never ran a check: nothing to copy
    (tmp_path / "collected").mkdir()
    subprocess.run(["bash", "-c", hub.collect_command(homes)], cwd=tmp_path, check=False)
    found = {p.name: p.read_text() for p in (tmp_path / "collected").iterdir()}
    assert found == {"ana.json": "ana", "bo-2.json": "bo-2"}
    with pytest.raises(ValueError):
        hub.collect_command("/tmp/$(touch x)")


def test_the_workbook_is_answered_once_right_and_once_wrong():
    notebook = nbformat.read(ROOT / hub.WORKBOOK, as_version=4)
    cells = hub.workbook_cells(notebook)
    assert len(cells) == sum(c.cell_type == "code" for c in notebook.cells)
    [right] = [c for c in cells if "checks.check_team_basics(" in c]
    [wrong] = [c for c in cells if "checks.check_two_step_reach(" in c]
    assert "nx.density(team)" in right and "..." not in right
    assert wrong.startswith(hub.WRONG_ANSWER)
    spec = checks.REACH_EXERCISE
    market = datasets.communication_network(spec["topology"], spec["n"], seed=spec["seed"])
    assert {0} != models.k_step_reach(market, 0, 2), "the wrong answer is wrong"


def test_the_class_table_check_accepts_the_class_and_rejects_a_short_one():
    table = ("Class progress: 3 learners in x\n\nchapter  exercise  done  attempted  stuck  "
             "not started\n-------\n      1  ex-01-basics  3  0  0  0\n"
             "      1  ex-01-reach  0  3  0  0\n")
    assert hub.class_table_problems(table, 3) == []
    assert hub.class_table_problems(table, 4) != []
    assert hub.class_table_problems(table.replace("ex-01-reach  0  3", "ex-01-reach  1  2"), 3)


def test_the_number_of_learners_is_a_small_whole_number():
    for bad in ("0", "-1", "two", "201", '1"; touch x; echo "', "$(touch x)"):
        with pytest.raises(SystemExit):
            hub.main(["--learners", bad])
