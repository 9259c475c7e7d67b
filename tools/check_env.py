"""Workshop doctor: is this laptop ready for the course? Run it the day before.

    make check-env                      # inside the course folder, after `make setup`
    .venv/bin/python tools/check_env.py # the same without make (Windows: .venv\\Scripts\\python)

Each check prints one line (ok / PROBLEM); every problem is followed by the fix to try.
The exit status is 0 when everything is ready and 1 otherwise, so a script (or an
instructor's pre-workshop survey) can rely on it. Options: --workspace (default my-work),
--min-free-mb, --kernel-timeout, --no-kernel (skip starting a kernel).

Checks: the Python version (pyproject's requires-python), every package of
requirements.txt installed at a version its specifier allows, a Jupyter kernel starts and
runs a cell, ipywidgets' front-end extension is installed for JupyterLab, the course
package `snb` imports and computes, the workspace folder is writable, and free disk space.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REQUIREMENTS = ROOT / "requirements.txt"
PYPROJECT = ROOT / "pyproject.toml"
#: Free space the course needs: the set-up's .venv measured 1,078 MB on Linux (Python 3.11,
#: December 2026), plus room for the built book and your work.
SETUP_FREE_MB = 1500
#: Once .venv is made, room for the built book (about 60 MB) and your own work.
MIN_FREE_MB = 300
#: Packages only the course's tests and book build use: a learner can work without them.
FOR_AUTHORS = {"pytest", "pytest-xdist", "nbval", "nbclient", "playwright", "jupyter-book",
               "sphinx-exercise", "pyyaml"}
KERNEL_TIMEOUT = 60
SETUP_FIX = "run `make setup` (without make: `python -m pip install -r requirements.txt` in the course's .venv)"


@dataclass
class Result:
    """One check's outcome: what was looked at, whether it is fine, and the fix if not."""

    name: str
    ok: bool
    detail: str
    fix: str = ""

    def lines(self) -> list[str]:
        status = "ok" if self.ok else "PROBLEM"
        out = [f"  {status:8s}{self.name:18s}{self.detail}"]
        if not self.ok and self.fix:
            out.append(f"{'':10s}fix: {self.fix}")
        return out


def required_python(pyproject: Path = PYPROJECT) -> tuple[int, int]:
    """The lowest Python the course supports, from pyproject's `requires-python = ">=3.X"`."""
    found = re.search(r'requires-python\s*=\s*">=\s*(\d+)\.(\d+)', pyproject.read_text(encoding="utf-8"))
    return (int(found.group(1)), int(found.group(2))) if found else (3, 10)


def check_python(current: tuple[int, int] | None = None, needed: tuple[int, int] | None = None) -> Result:
    current = current or sys.version_info[:2]
    needed = needed or required_python()
    shown = ".".join(map(str, current))
    if tuple(current) >= tuple(needed):
        return Result("Python", True, f"{shown} (the course needs {needed[0]}.{needed[1]} or newer)")
    return Result("Python", False, f"{shown} is too old: the course needs {needed[0]}.{needed[1]} or newer",
                  f"install Python {needed[0]}.{needed[1]}+ (see the attendee page of the book), then "
                  "delete the .venv folder and run `make setup` again")


def requirements(path: Path = REQUIREMENTS) -> list[str]:
    """The requirement lines of requirements.txt (comments, options and `-e .` left out)."""
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            lines.append(line)
    return lines


def check_package(line: str, installed=version) -> Result:
    """One requirement: installed, and at a version its specifier allows."""
    try:
        from packaging.requirements import Requirement
    except ImportError:
        return Result(line, False, "cannot read version rules: the package `packaging` is missing", SETUP_FIX)
    req = Requirement(line)
    try:
        found = installed(req.name)
    except PackageNotFoundError:
        return Result(req.name, False, f"MISSING (the course needs {req.name}{req.specifier})", SETUP_FIX)
    if req.specifier and not req.specifier.contains(found, prereleases=True):
        return Result(req.name, False, f"{found} installed, but the course needs {req.specifier}",
                      f"`python -m pip install \"{req.name}{req.specifier}\"` in the course's .venv "
                      "(or delete .venv and run `make setup`)")
    return Result(req.name, True, f"{found} ({req.specifier})")


def check_packages(path: Path = REQUIREMENTS, installed=version) -> list[Result]:
    """Every requirement; one needed only for tests or the book build is never a problem."""
    results = []
    for line in requirements(path):
        result = check_package(line, installed)
        if not result.ok and result.name.lower() in FOR_AUTHORS:
            result = Result(result.name, True, f"{result.detail}: only the tests and the book "
                            "build use it, not needed to work through the course")
        results.append(result)
    return results


def check_venv(prefix: str | None = None, base_prefix: str | None = None,
               executable: str | None = None) -> Result | None:
    """A problem when the doctor runs outside the course's .venv (then every package looks missing)."""
    prefix = sys.prefix if prefix is None else prefix
    base_prefix = sys.base_prefix if base_prefix is None else base_prefix
    if prefix != base_prefix:
        return None
    venv = ROOT / ".venv"
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if python.exists():
        fix = f"run `make check-env`, or `{python.relative_to(ROOT)} tools/check_env.py`"
    else:
        fix = "run `make setup` first (it makes .venv), then `make check-env`"
    return Result("environment", False, f"{executable or sys.executable} is not the course's .venv: "
                  "its packages are not the course's", fix)


def check_kernel(timeout: float = KERNEL_TIMEOUT) -> Result:
    """Start the python3 kernel, run one cell, read its answer."""
    fix = ("`python -m ipykernel install --sys-prefix` in the course's .venv; if it still fails, "
           "a firewall may block 127.0.0.1 (the kernel talks over the loopback interface)")
    try:
        from jupyter_client.manager import start_new_kernel
    except ImportError:
        return Result("kernel", False, "jupyter_client is missing: no kernel can start", SETUP_FIX)
    try:
        km, kc = start_new_kernel(kernel_name="python3", startup_timeout=timeout)
    except Exception as exc:  # a diagnostic reports, it does not crash
        return Result("kernel", False, f"the python3 kernel did not start: {type(exc).__name__}: {exc}", fix)
    try:
        answer: list[str] = []
        reply = kc.execute_interactive("print(6 * 7)", timeout=timeout,
                                       output_hook=lambda msg: answer.append(msg["content"].get("text", "")))
        if reply["content"]["status"] != "ok" or "42" not in "".join(answer):
            return Result("kernel", False, f"the kernel started but a cell did not run ({reply['content']['status']})", fix)
    except Exception as exc:
        return Result("kernel", False, f"the kernel started but did not answer in {timeout:g} s: {exc}", fix)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return Result("kernel", True, "python3 kernel started and ran a cell")


def check_widgets_extension(prefix: Path | None = None) -> Result:
    """ipywidgets draws in JupyterLab only with the jupyterlab_widgets front-end extension."""
    prefix = Path(prefix or sys.prefix)
    where = prefix / "share" / "jupyter" / "labextensions" / "@jupyter-widgets" / "jupyterlab-manager"
    if (where / "package.json").is_file():
        return Result("widgets in Lab", True, "jupyterlab_widgets front-end extension installed")
    return Result("widgets in Lab", False, f"no front-end extension under {where}: sliders would show as text",
                  "`python -m pip install --force-reinstall \"jupyterlab_widgets>=3,<4\"` in the course's "
                  ".venv, then restart JupyterLab")


def check_course_package() -> Result:
    fix = "run `make setup` from the course folder (it installs the package with `pip install -e .`)"
    try:
        snb = importlib.import_module("snb")
        from snb import datasets, models

        G = datasets.load_karate_club()
        reach = models.k_step_reach(G, 0, 2)
    except Exception as exc:
        return Result("course package", False, f"`import snb` failed: {type(exc).__name__}: {exc}", fix)
    where = Path(getattr(snb, "__file__", "?")).parent
    return Result("course package", True,
                  f"snb works (karate club: {G.number_of_nodes()} members, {len(reach)} within 2 steps of 0; {where})")


def check_workspace(folder: Path) -> Result:
    """The learner's workspace (made by `make workspace`) or, before that, its parent is writable."""
    target = folder if folder.exists() else folder.parent
    fix = (f"make {target} writable for you, or work elsewhere: `make lab WORKSPACE=$HOME/snb-work` "
           "(without make: `python -m snb.workspace --workspace <folder> add`)")
    if not target.is_dir():
        return Result("workspace", False, f"{target} is not a folder", fix)
    try:
        with tempfile.NamedTemporaryFile(dir=target, prefix=".snb-doctor-"):
            pass
    except OSError as exc:
        return Result("workspace", False, f"cannot write in {target}: {exc.strerror or exc}", fix)
    made = "" if folder.exists() else " (not made yet: `make workspace` makes it)"
    return Result("workspace", True, f"{folder} writable{made}")


def check_disk(folder: Path, min_free_mb: int | None = None, usage=shutil.disk_usage) -> Result:
    """Free space: 1,500 MB before set-up (.venv is about 1.1 GB), 300 MB after."""
    if min_free_mb is None:
        min_free_mb = MIN_FREE_MB if (ROOT / ".venv").is_dir() else SETUP_FREE_MB
    free_mb = usage(folder).free // 2**20
    if free_mb >= min_free_mb:
        return Result("disk space", True, f"{free_mb} MB free (the course needs about {min_free_mb} MB)")
    return Result("disk space", False, f"only {free_mb} MB free; the course needs about {min_free_mb} MB",
                  "free some space (empty the trash, delete downloads), or clone the course onto a "
                  "disk with more room")


def run_checks(workspace: Path, min_free_mb: int | None = None, kernel: bool = True,
               kernel_timeout: float = KERNEL_TIMEOUT) -> list[Result]:
    outside = check_venv()
    if outside is not None:  # every other check would only repeat this one
        return [check_python(), outside]
    results = [check_python()]
    results += check_packages()
    results += [check_course_package(), check_widgets_extension()]
    if kernel:
        results.append(check_kernel(kernel_timeout))
    results += [check_workspace(workspace), check_disk(workspace if workspace.exists() else workspace.parent,
                                                       min_free_mb)]
    return results


def report(results: list[Result]) -> int:
    for result in results:
        print("\n".join(result.lines()))
    problems = [r for r in results if not r.ok]
    if problems:
        print(f"\nNot ready: {len(problems)} problem{'s' if len(problems) != 1 else ''} "
              f"({', '.join(r.name for r in problems)}). Try each fix above, then run this check again.")
        return 1
    print("\nReady for the workshop. Start with `make lab` "
          "(without make: `python -m snb.workspace add`, then `jupyter lab --notebook-dir=my-work`).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workspace", type=Path, default=Path(os.environ.get("WORKSPACE", "my-work")))
    parser.add_argument("--min-free-mb", type=int, default=None,
                        help=f"free space needed (default {MIN_FREE_MB} MB once .venv exists, "
                             f"{SETUP_FREE_MB} MB before)")
    parser.add_argument("--kernel-timeout", type=float, default=KERNEL_TIMEOUT)
    parser.add_argument("--no-kernel", action="store_true", help="skip starting a kernel")
    args = parser.parse_args(argv)
    print(f"Checking {ROOT} with {sys.executable}")
    return report(run_checks(args.workspace.resolve(), args.min_free_mb, not args.no_kernel, args.kernel_timeout))


if __name__ == "__main__":
    sys.exit(main())
