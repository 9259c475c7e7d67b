"""pytest-xdist keeps each `xdist_group` on one worker (`--dist loadgroup`).

The browser tests rely on it: every test of one page reads the same visit of that page
(tests/browser/browsing.py), made once on the worker the page's group runs on. With
pytest 9.2 and pytest-xdist 3.8 the groups are silently ignored
(pytest-dev/pytest-xdist#1386); requirements.txt holds pytest below 9.2, and this test
fails if a lock refresh brings such a pair back.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SAMPLE = '''
import os
import pytest

@pytest.mark.parametrize("group", ["a", "b", "c"])
@pytest.mark.parametrize("n", range(4))
def test_one(group, n):
    pass

PARAMS = [pytest.param(g, marks=pytest.mark.xdist_group(g)) for g in ["a", "b", "c"]]

@pytest.mark.parametrize("group", PARAMS)
@pytest.mark.parametrize("n", range(4))
def test_grouped(group, n):
    out = os.environ["SNB_GROUP_LOG"]
    with open(out, "a", encoding="utf-8") as f:
        f.write(f"{group} {os.environ['PYTEST_XDIST_WORKER']}\\n")
'''


def test_each_group_runs_on_one_worker(tmp_path: Path):
    (tmp_path / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    log = tmp_path / "groups.log"
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadgroup",
                          "-p", "no:cacheprovider", "-p", "no:nbval", str(tmp_path / "test_sample.py")],
                         cwd=tmp_path, env={**os.environ, "SNB_GROUP_LOG": str(log)},
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout[-2000:]
    workers: dict[str, set[str]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        group, worker = line.split()
        workers.setdefault(group, set()).add(worker)
    assert sorted(workers) == ["a", "b", "c"]
    split = {g: sorted(w) for g, w in workers.items() if len(w) > 1}
    assert not split, f"xdist_group ignored: a group ran on several workers {split}"
