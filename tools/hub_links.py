"""Links that open each chapter on a shared service: a JupyterHub (nbgitpuller), Binder, Colab.

    python tools/hub_links.py --hub https://hub.example.org   # print the links for your hub
    python tools/hub_links.py --write                          # refresh the table in the book

The repository comes from `_config.yml` (`repository.url`, `repository.branch`). While that is
empty, the links use the placeholder REPO_PLACEHOLDER and the tool says so: fill in the URL,
then run it again. An nbgitpuller link makes the hub clone (first visit) or update (later
visits, keeping the learner's own changes) the course into the learner's home folder and open
the named notebook in JupyterLab.

The table's links are HTML anchors (``<a href="...&amp;...">``), not Markdown links: the
book's Markdown parser (myst-parser 3, which Jupyter Book 1 requires) escapes a Markdown link's
``&`` once more than HTML needs, so every ``&`` of a query string reached the built page as
``&amp;amp;`` and the hub saw one parameter, the repository, without its branch and notebook.
An HTML anchor is passed to the page as written; ``tests/test_workshop_hosted.py`` builds the
page with the book's parser and reads each link's query string back.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path
from urllib.parse import quote, urlencode, urlparse

import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "_config.yml"
PAGE = ROOT / "book" / "instructor" / "hosted.md"
HUB_PLACEHOLDER = "https://hub.example.org"
REPO_PLACEHOLDER = "https://github.com/OWNER/REPOSITORY"
START, END = "<!-- hub-links:start (tools/hub_links.py --write) -->", "<!-- hub-links:end -->"


def repository(config: Path = CONFIG) -> tuple[str, str, bool]:
    """(url, branch, known): the repository of _config.yml, or the placeholder when it is empty."""
    repo = (yaml.safe_load(config.read_text(encoding="utf-8")) or {}).get("repository") or {}
    url = (repo.get("url") or "").strip().removesuffix("/").removesuffix(".git")
    return (url or REPO_PLACEHOLDER), (repo.get("branch") or "main"), bool(url)


def chapters(root: Path = ROOT) -> list[tuple[str, str, str]]:
    """(number, lesson path, workbook path) for every chapter whose lesson and workbook exist."""
    found = []
    for lesson in sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        if re.match(r"\d\d-\d+-", lesson.name):
            continue
        workbook = root / "exercises" / lesson.name
        if workbook.is_file():
            found.append((lesson.name[:2], f"notebooks/{lesson.name}", f"exercises/{lesson.name}"))
    return found


def nbgitpuller(hub: str, repo: str, branch: str, path: str) -> str:
    folder = urlparse(repo).path.rstrip("/").split("/")[-1]
    query = urlencode({"repo": repo, "branch": branch, "urlpath": f"lab/tree/{folder}/{path}"}, quote_via=quote)
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def binder(repo: str, branch: str, path: str) -> str:
    owner_name = urlparse(repo).path.strip("/")
    return f"https://mybinder.org/v2/gh/{owner_name}/{branch}?{urlencode({'urlpath': f'lab/tree/{path}'}, quote_via=quote)}"


def colab(repo: str, branch: str, path: str) -> str:
    return f"https://colab.research.google.com/github/{urlparse(repo).path.strip('/')}/blob/{branch}/{path}"


def anchor(text: str, url: str) -> str:
    """An HTML link whose address survives the book's Markdown parser unchanged."""
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'


def table(hub: str = HUB_PLACEHOLDER, config: Path = CONFIG, root: Path = ROOT) -> str:
    repo, branch, known = repository(config)
    lines = []
    if not known:
        lines += [(f"`repository.url` in `_config.yml` is empty, so these links use the placeholder "
                   f"`{REPO_PLACEHOLDER}`: fill it in and run `python tools/hub_links.py --write`."), ""]
    lines += ["| Chapter | Hub: lesson | Hub: workbook | Binder | Colab |", "| --- | --- | --- | --- | --- |"]
    for number, lesson, workbook in chapters(root):
        links = [anchor("lesson", nbgitpuller(hub, repo, branch, lesson)),
                 anchor("workbook", nbgitpuller(hub, repo, branch, workbook)),
                 anchor("lesson", binder(repo, branch, lesson)),
                 anchor("lesson", colab(repo, branch, lesson))]
        lines.append(f"| {int(number)} | {' | '.join(links)} |")
    return "\n".join(lines)


def refresh(page: Path = PAGE, hub: str = HUB_PLACEHOLDER) -> bool:
    """Write the table between the page's markers; True when the page changed."""
    text = page.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    new = f"{before}{START}\n{table(hub)}\n{END}{after}"
    if new != text:
        page.write_text(new, encoding="utf-8")
    return new != text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hub", default=HUB_PLACEHOLDER, help="your JupyterHub's address")
    parser.add_argument("--write", action="store_true", help=f"refresh the table in {PAGE.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    if args.write:
        changed = refresh(hub=args.hub)
        print(f"{PAGE.relative_to(ROOT)} {'updated' if changed else 'already up to date'}")
    else:
        repo, branch, _ = repository()
        for number, lesson, workbook in chapters():
            print(f"Chapter {int(number)} lesson:   {nbgitpuller(args.hub, repo, branch, lesson)}")
            print(f"Chapter {int(number)} workbook: {nbgitpuller(args.hub, repo, branch, workbook)}")
    if not repository()[2]:
        print(f"\nNote: repository.url in _config.yml is empty; the links use {REPO_PLACEHOLDER}.",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
