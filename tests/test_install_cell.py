"""Ways to run the course: one repository address, and the install cell in every notebook.

``repository.url`` in ``_config.yml`` is the one place the address is written; the
header link, the launch buttons, the introduction and the install cell all derive from
it (a fork changes that line and runs ``tools/install_cell.py``).
"""

import importlib.util
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("install_cell", ROOT / "tools" / "install_cell.py")
install_cell = importlib.util.module_from_spec(spec)
spec.loader.exec_module(install_cell)
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
URL = CONFIG["repository"]["url"]
NOTEBOOKS = install_cell.notebooks()


def test_the_repository_address_is_set_once():
    assert URL.startswith("https://github.com/"), URL
    html = CONFIG["html"]
    assert html["use_repository_button"] is True
    launch = CONFIG["launch_buttons"]
    assert launch["binderhub_url"] == "https://mybinder.org"
    assert launch["colab_url"] == "https://colab.research.google.com"
    assert "jupyterhub_url" in launch


def test_nothing_else_hard_codes_the_repository_address():
    """Only _config.yml writes it; notebooks carry it only in the generated install cell."""
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    address = URL.split("://", 1)[1].rstrip("/")
    offenders = []
    for name in tracked.splitlines():
        path = ROOT / name
        if name == "_config.yml" or not path.is_file() or path.suffix in (".png", ".woff", ".woff2", ".js"):
            continue
        if path.suffix == ".ipynb":
            nb = nbformat.read(path, as_version=4)
            text = "".join(c.source for c in nb.cells[1:]) + "".join(
                str(o) for c in nb.cells for o in c.get("outputs", []))
        else:
            text = path.read_text(encoding="utf-8", errors="replace")
        if address in text:
            offenders.append(name)
    assert not offenders, f"the repository address is written outside _config.yml: {offenders}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.relative_to(ROOT).as_posix() for p in NOTEBOOKS])
def test_every_notebook_starts_with_the_current_install_cell(path):
    nb = nbformat.read(path, as_version=4)
    assert install_cell.has_current_cell(nb), \
        f"{path.name} lacks the current install cell: run `python tools/install_cell.py` (then make execute)"
    assert not nb.cells[0].get("outputs"), "the install cell prints nothing where snb is installed"


def test_the_cell_installs_from_the_configured_repository_at_its_branch():
    source = install_cell.cell_source()
    assert f"git+{URL.rstrip('/')}@{install_cell.branch()}\"" in source
    assert "@v" not in source, "no tag is assumed: a tag that does not exist breaks the cell"
    assert 'find_spec("snb") is None' in source  # skipped, silently, where snb imports
    assert all(len(line) <= 88 for line in source.splitlines())


def test_pin_replaces_the_branch_by_a_commit():
    sha = "0123456789abcdef0123456789abcdef01234567"
    pinned = install_cell.pin(install_cell.cell_source(), sha)
    assert f"@{sha}\"" in pinned and f"@{install_cell.branch()}\"" not in pinned
    with pytest.raises(ValueError):
        install_cell.pin(install_cell.cell_source(), "v0.1.0")


@pytest.mark.slow  # a git clone and a real pip install: make slow-test, not make unit
def test_the_cell_installs_the_package_from_a_git_repository(tmp_path):
    """What Colab or a downloaded notebook runs, against a local bare clone of this commit
    (file URL, offline: no dependencies, no build isolation) pinned as the book pins it."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0:
        pytest.skip("not a git checkout")
    bare = tmp_path / "course.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", str(ROOT), str(bare)], check=True)
    source = install_cell.pin(install_cell.cell_source(), head.stdout.strip())
    source = source.replace(URL.rstrip("/"), bare.as_uri())
    source = source.replace('"install", "--quiet"]', '"install", "--quiet", "--no-deps", '
                            '"--no-build-isolation", "--target", TARGET]')
    target = tmp_path / "site"
    code = f"TARGET = {str(target)!r}\n" + source.replace('importlib.util.find_spec("snb") is None', "True")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    check = subprocess.run([sys.executable, "-c", "import snb, sys; print(snb.__file__, snb.__version__)"],
                           capture_output=True, text=True, env={"PYTHONPATH": str(target), "PATH": ""},
                           cwd=tmp_path)
    assert check.returncode == 0 and str(target) in check.stdout, check.stdout + check.stderr
    assert install_cell.version() in check.stdout


def test_the_tool_is_idempotent(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), nbformat.v4.new_code_cell("1 + 1")]
    assert install_cell.ensure(nb) is True
    assert install_cell.ensure(nb) is False
    assert [c.cell_type for c in nb.cells] == ["code", "markdown", "code"]
    nb.cells[0].source = "an old install cell"
    assert install_cell.ensure(nb) is True and len(nb.cells) == 3 and install_cell.has_current_cell(nb)


def test_a_rebuild_repins_downloads_already_pinned_to_an_older_commit():
    """snb_book.repin replaces the install cell's ref whatever it is: the branch in a fresh
    copy, or the commit an earlier build wrote into a copy Sphinx kept."""
    spec = importlib.util.spec_from_file_location("snb_book", ROOT / "book" / "_ext" / "snb_book.py")
    snb_book = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(snb_book)
    line = next(x for x in install_cell.cell_source(ROOT).splitlines() if "REPOSITORY =" in x)
    text = (ROOT / "notebooks" / "01-network-society.ipynb").read_text(encoding="utf-8")
    first = snb_book.repin(text, line, install_cell.pin(line, "a" * 40, ROOT))
    again = snb_book.repin(first, line, install_cell.pin(line, "b" * 40, ROOT))
    assert "@" + "a" * 40 in first and "@" + "b" * 40 in again and "@" + "a" * 40 not in again
    assert again.replace("b" * 40, "a" * 40) == first
