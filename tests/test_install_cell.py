"""Ways to run the course: one repository address, and the install cell in every notebook.

``repository.url`` in ``_config.yml`` is the one place the address is written; the
header link, the launch buttons, the introduction and the install cell all derive from
it (a fork changes that line and runs ``tools/install_cell.py``).
"""

import importlib.util
import subprocess
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


def test_the_cell_installs_from_the_configured_repository_at_the_version_tag():
    source = install_cell.cell_source()
    assert f"git+{URL.rstrip('/')}@v{install_cell.version()}" in source
    assert 'find_spec("snb") is None' in source  # skipped, silently, where snb imports
    assert all(len(line) <= 88 for line in source.splitlines())


def test_the_tool_is_idempotent(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), nbformat.v4.new_code_cell("1 + 1")]
    assert install_cell.ensure(nb) is True
    assert install_cell.ensure(nb) is False
    assert [c.cell_type for c in nb.cells] == ["code", "markdown", "code"]
    nb.cells[0].source = "an old install cell"
    assert install_cell.ensure(nb) is True and len(nb.cells) == 3 and install_cell.has_current_cell(nb)
