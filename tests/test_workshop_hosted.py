"""Hosted set-ups: what repo2docker (Binder) reads is valid, and every generated link is well formed.

Binder, a JupyterHub and Colab cannot be reached from here; what can be tested is that the
repository has what repo2docker needs as it is, and that the per-chapter links of
tools/hub_links.py (shown in book/instructor/hosted.md) are well formed and open files that exist.
"""

from __future__ import annotations

import html.parser
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location("hub_links", ROOT / "tools" / "hub_links.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["hub_links"] = module
    spec.loader.exec_module(module)
    return module


hub_links = _load()


# ------------------------------------------------------------------ repo2docker / Binder


def test_requirements_txt_is_what_repo2docker_installs():
    lines = [line.split("#", 1)[0].strip()
             for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    local = [line for line in lines if line.startswith("-")]
    assert local == ["-e ."], "the only option line is the course package itself"
    names = {Requirement(line).name for line in lines if not line.startswith("-")}
    assert {"jupyterlab", "ipywidgets", "ipykernel", "networkx"} <= names
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^\[project\]\nname = "snb"$', pyproject, re.M), "`-e .` installs snb from pyproject.toml"


def test_nothing_overrides_requirements_txt_for_repo2docker():
    """repo2docker reads binder/ or .binder/ instead of the root when present, and prefers
    environment.yml or a Pipfile over requirements.txt: none of them may appear unnoticed."""
    for name in ("binder", ".binder", "environment.yml", "Pipfile", "Pipfile.lock", "Project.toml",
                 "install.R", "apt.txt", "Dockerfile"):
        assert not (ROOT / name).exists(), f"{name} changes what repo2docker builds: test it first"


def test_runtime_and_postbuild_are_valid_if_present():
    runtime = ROOT / "runtime.txt"
    if runtime.exists():
        found = re.fullmatch(r"python-3\.(\d+)", runtime.read_text(encoding="utf-8").strip())
        assert found and int(found.group(1)) >= 10, "runtime.txt must name python-3.10 or newer"
    post = ROOT / "postBuild"
    if post.exists():
        assert post.read_text(encoding="utf-8").startswith("#!"), "postBuild needs a shebang"
        assert os.access(post, os.X_OK), "postBuild must be executable"


# ------------------------------------------------------------------ generated links


def test_the_table_in_the_book_is_up_to_date():
    page = hub_links.PAGE.read_text(encoding="utf-8")
    inside = page.split(hub_links.START, 1)[1].split(hub_links.END, 1)[0].strip()
    assert inside == hub_links.table().strip(), "run `python tools/hub_links.py --write`"


def test_every_chapter_with_a_workbook_has_links():
    numbers = [nn for nn, _, _ in hub_links.chapters()]
    assert numbers[:3] == ["01", "02", "03"]
    rows = [line for line in hub_links.table().splitlines() if re.match(r"^\| \d+ \|", line)]
    assert len(rows) == len(numbers)


class _Hrefs(html.parser.HTMLParser):
    """Every <a href> of a text, with its entities decoded as a browser decodes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [value for key, value in attrs if key == "href" and value]


def _links(text: str) -> list[str]:
    parser = _Hrefs()
    parser.feed(text)
    assert not re.search(r"\]\(https?://", text), "Markdown links lose their '&' in the book"
    return [url for url in parser.hrefs if url.startswith("https://")]


def _check_nbgitpuller_query(url: str, repo: str, branch: str) -> str:
    """The link's query string holds exactly repo, branch and urlpath; returns urlpath."""
    parsed = urlparse(url)
    assert parsed.path == "/hub/user-redirect/git-pull", "no double slash, the hub's redirect path"
    assert "&amp;" not in parsed.query and "amp;" not in parsed.query, url
    query = parse_qs(parsed.query, strict_parsing=True)
    assert sorted(query) == ["branch", "repo", "urlpath"], f"{url}: {sorted(query)}"
    assert query["repo"] == [repo] and query["branch"] == [branch]
    [urlpath] = query["urlpath"]
    return urlpath


@pytest.fixture(params=["placeholder", "configured"])
def links(request, tmp_path):
    """The links for the placeholder repository, and for a configured one."""
    config = tmp_path / "_config.yml"
    url = "" if request.param == "placeholder" else "https://github.com/example-org/snb-course.git"
    config.write_text(f"repository:\n  url: \"{url}\"\n  branch: main\n", encoding="utf-8")
    repo = hub_links.repository(config)
    return repo, _links(hub_links.table("https://hub.example.edu/", config=config))


def test_nbgitpuller_links_are_well_formed_and_open_existing_files(links):
    (repo, branch, known), urls = links
    pulls = [u for u in urls if "/git-pull?" in u]
    assert len(pulls) == 2 * len(hub_links.chapters())
    folder = urlparse(repo).path.rstrip("/").split("/")[-1]
    for url in pulls:
        parsed = urlparse(url)
        assert (parsed.scheme, parsed.netloc) == ("https", "hub.example.edu")
        urlpath = _check_nbgitpuller_query(url, repo, branch)
        prefix = f"lab/tree/{folder}/"
        assert urlpath.startswith(prefix)
        assert (ROOT / urlpath[len(prefix):]).is_file(), urlpath
    if known:
        assert repo == "https://github.com/example-org/snb-course" and folder == "snb-course"


def test_binder_and_colab_links_open_existing_files(links):
    (repo, branch, _), urls = links
    owner_name = urlparse(repo).path.strip("/")
    binders = [u for u in urls if u.startswith("https://mybinder.org/")]
    colabs = [u for u in urls if u.startswith("https://colab.research.google.com/")]
    assert len(binders) == len(colabs) == len(hub_links.chapters())
    for url in binders:
        parsed = urlparse(url)
        assert parsed.path == f"/v2/gh/{owner_name}/{branch}"
        [urlpath] = parse_qs(parsed.query, strict_parsing=True)["urlpath"]
        assert urlpath.startswith("lab/tree/") and (ROOT / urlpath.removeprefix("lab/tree/")).is_file()
    for url in colabs:
        path = urlparse(url).path.removeprefix(f"/github/{owner_name}/blob/{branch}/")
        assert path != urlparse(url).path and (ROOT / path).is_file(), url


def test_an_empty_repository_url_gives_a_clear_placeholder_message(tmp_path):
    config = tmp_path / "_config.yml"
    config.write_text("repository:\n  url: \"\"\n", encoding="utf-8")
    text = hub_links.table(config=config)
    assert "`repository.url` in `_config.yml` is empty" in text and hub_links.REPO_PLACEHOLDER in text


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The hosted page, and a Markdown link beside an anchor, through the book's own Markdown
    parser (myst-parser with the book's extensions): one small Sphinx build."""
    where = tmp_path_factory.mktemp("hosted")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    extensions = config["parse"]["myst_enable_extensions"]
    (where / "conf.py").write_text(
        f"extensions = ['myst_parser']\nmyst_enable_extensions = {extensions!r}\n",
        encoding="utf-8")
    (where / "index.md").write_text(hub_links.PAGE.read_text(encoding="utf-8"), encoding="utf-8")
    url = hub_links.nbgitpuller("https://hub.example.edu", "https://github.com/o/r", "main",
                                "exercises/x.ipynb")
    (where / "why.md").write_text(f"# Why\n\n[md]({url})\n\n{hub_links.anchor('html', url)}\n",
                                  encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(where),
                           str(where / "html")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return where / "html", url


def test_the_links_in_the_book_page_keep_their_query_strings(built):
    """Every nbgitpuller link of the built page gives the hub its repository, branch and
    notebook. (Markdown links came out as '&amp;amp;': the hub saw the repository alone.)"""
    page = (built[0] / "index.html").read_text(encoding="utf-8")
    pulls = [u for u in _links(page) if "/git-pull?" in u]
    assert len(pulls) == 2 * len(hub_links.chapters())
    repo, branch, _ = hub_links.repository()
    folder = urlparse(repo).path.rstrip("/").split("/")[-1]
    for url in pulls:
        urlpath = _check_nbgitpuller_query(url, repo, branch)
        assert (ROOT / urlpath.removeprefix(f"lab/tree/{folder}/")).is_file(), urlpath


def test_a_markdown_link_would_have_broken_the_query_string(built):
    """Why the table uses HTML anchors: the same link in Markdown loses its '&'."""
    html_dir, url = built
    hrefs = _Hrefs()
    hrefs.feed((html_dir / "why.html").read_text(encoding="utf-8"))
    md_url, html_url = [u for u in hrefs.hrefs if "/git-pull?" in u]
    assert html_url == url
    if md_url == url:
        pytest.skip("this myst-parser keeps '&' in Markdown links: the anchors are no longer needed")
    assert "branch" not in parse_qs(urlparse(md_url).query)
