"""Tests of the HTML that `make book-build` produced (run by `make book-test` after the build).

Jupyter Book 2 "succeeds" without building anything, so these check the pages themselves.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
TOC = yaml.safe_load((ROOT / "_toc.yml").read_text())
CHAPTER_FILES = [entry["file"] for part in TOC["parts"] for chapter in part["chapters"]
                 for entry in [chapter] + chapter.get("sections", []) if not entry["file"].startswith("book/")]


class Tags(HTMLParser):
    """Collects (tag, attributes) of every start tag in a page."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(page: Path) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.tags


@pytest.fixture(scope="module", autouse=True)
def built():
    if not (HTML / "index.html").exists():
        pytest.fail("no built book at _build/html: run `make book-build` first")


def page(file: str) -> Path:
    return HTML / f"{file}.html"


def test_landing_page_and_every_toc_page_was_built():
    assert "book/intro.html" in (HTML / "index.html").read_text(encoding="utf-8"), "index must open the intro"
    assert "How to use this course" in page("book/intro").read_text(encoding="utf-8")
    for file in ["book/intro"] + CHAPTER_FILES:
        assert page(file).exists(), f"{file}.html missing"


@pytest.mark.parametrize("file", CHAPTER_FILES)
def test_chapter_pages_executed_without_errors(file):
    text = page(file).read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" not in text
    assert "cell_output" in text, "no executed outputs on the page"


def test_no_page_loads_anything_from_the_internet():
    for html_file in HTML.rglob("*.html"):
        for tag, attrs in tags(html_file):
            url = attrs.get("src") if tag in ("script", "img", "iframe") else (
                attrs.get("href") if tag == "link" else None)
            assert not (url and re.match(r"^(https?:)?//", url)), f"{html_file.name} loads {url}"


EXPLORER_PAGES = ["notebooks/01-2-reach-and-cascades", "notebooks/01-3-ways-of-adapting",
                  "notebooks/02-2-newcomers", "notebooks/03-value-networks", "notebooks/03-2-renewal",
                  "notebooks/03-3-wisdom"]
#: Page weight budget of issue 13 (bytes of HTML per page).
MAX_PAGE_HTML = 150_000


@pytest.mark.parametrize("file", EXPLORER_PAGES)
def test_explorers_are_kernel_free_and_light(file):
    """Each explorer is plain HTML over precomputed picture files, switched by a local script;
    no page carries the 3.6 MB widget bundle or a base64 picture in widget state."""
    text = page(file).read_text(encoding="utf-8")
    assert 'class="snb-explorer"' in text, f"{file}: no kernel-free explorer (run make execute)"
    scripts = [a.get("src", "").split("?")[0] for t, a in tags(page(file)) if t == "script"]
    local = [s for s in scripts if s.endswith("snb-explorer.js")]
    assert local and (page(file).parent / local[0]).resolve().is_file(), "snb-explorer.js not loaded"
    assert not any(s.endswith("embed-amd.js") for s in scripts), "the widget bundle is still loaded"
    assert "data:image/png;base64" not in text
    for attrs in (a for t, a in tags(page(file)) if t == "div" and a.get("data-manifest")):
        assert (HTML / "_static" / attrs["data-manifest"]).is_file(), f"{attrs['data-manifest']} was not copied"
    for attrs in (a for t, a in tags(page(file)) if t == "img" and "snb-explorer-picture" in a.get("class", "")):
        assert (HTML / "_static" / attrs["data-src"]).is_file(), f"{attrs['data-src']} was not copied"
        assert len(attrs.get("alt", "")) > 40


@pytest.mark.parametrize("file", ["book/intro"] + CHAPTER_FILES)
def test_page_html_weighs_at_most_150_kb(file):
    size = page(file).stat().st_size
    assert size <= MAX_PAGE_HTML, f"{file}.html is {size / 1000:.0f} KB of HTML (budget 150 KB)"


def test_builders_say_they_need_python_and_show_no_dead_buttons():
    for file in [f for f in CHAPTER_FILES if f.startswith("solutions/")] + ["notebooks/05-2-your-network"]:
        text = page(file).read_text(encoding="utf-8")
        assert 'class="snb-needs-kernel"' in text, f"{file}: no notice where the builder was"
    for file in CHAPTER_FILES:  # no page carries a live widget (it would be a dead control without a kernel)
        text = page(file).read_text(encoding="utf-8")
        assert "jupyter-button" not in text and "widget-view+json" not in text, f"{file}: dead widget buttons"


@pytest.mark.parametrize("file", CHAPTER_FILES)
def test_every_figure_has_real_alt_text(file):
    import json

    notebook = json.loads((ROOT / f"{file}.ipynb").read_text(encoding="utf-8"))
    pictures = sum("image/png" in o.get("data", {}) for c in notebook["cells"] for o in c.get("outputs", [])
                   if "remove-output" not in c.get("metadata", {}).get("tags", []))
    images = [a for t, a in tags(page(file)) if t == "img" and "_images/" in a.get("src", "")]
    if not pictures:
        pytest.skip(f"{file} shows no picture")
    assert images, f"the notebook has {pictures} pictures, the page none"
    for attrs in images:
        alt = attrs.get("alt", "")
        assert len(alt) > 20 and not alt.endswith(".png"), f"weak alt text: {alt!r}"


def test_solutions_are_numbered_like_the_workbook_and_collapsed():
    text = page("solutions/01-network-society").read_text(encoding="utf-8")
    plain = re.sub(r"<[^>]+>", " ", text)
    for k in (1, 2, 3, 4):
        assert re.search(rf"Exercise\s+1\.{k}\b", plain), f"Exercise 1.{k} not numbered as in the workbook"
    solutions = [a for t, a in tags(page("solutions/01-network-society"))
                 if t == "div" and "solution" in a.get("class", "").split()]
    assert len(solutions) >= 4
    assert all("dropdown" in a["class"].split() for a in solutions), "every solution starts collapsed"


def test_every_summary_has_an_accessible_name():
    """Sidebar toggles (an icon only) need an aria-label; a quiz answer names itself by its text."""
    for file in ["book/intro"] + CHAPTER_FILES:
        html = page(file).read_text(encoding="utf-8")
        summaries = re.findall(r"<summary([^>]*)>(.*?)</summary>", html, re.S)
        for attrs, inner in summaries:
            text = re.sub(r"<[^>]+>", "", inner).strip()
            assert "aria-label=" in attrs or text, f"unnamed <summary> on {file}"


def explorer_alt(file: str) -> str:
    """The alt text of the first picture of the page's explorer."""
    found = [a["alt"] for t, a in tags(page(file)) if t == "img" and "snb-explorer-picture" in a.get("class", "")]
    assert found, f"{file}: no explorer picture"
    return found[0]


def test_pictures_inside_explorers_keep_their_alt_text():
    assert explorer_alt("notebooks/01-2-reach-and-cascades").startswith("media + peers: one run, broadcast seeding")
    assert explorer_alt("notebooks/01-3-ways-of-adapting").startswith("media + peers · dialogue pass-on 0.25")


def test_chapter_2_exercises_are_numbered_and_its_explorer_keeps_alt_text():
    solutions = page("solutions/02-state-of-becoming")
    plain = re.sub(r"<[^>]+>", " ", solutions.read_text(encoding="utf-8"))
    for k in (1, 2, 3, 4, 5):
        assert re.search(rf"Exercise\s+2\.{k}\b", plain), f"Exercise 2.{k} not numbered as in the workbook"
    divs = [a for t, a in tags(solutions) if t == "div" and "solution" in a.get("class", "").split()]
    assert len(divs) >= 5 and all("dropdown" in a["class"].split() for a in divs)
    assert explorer_alt("notebooks/02-2-newcomers").startswith(
        "Grown market, alpha = 1, 2,000 customers choosing among 200 businesses")


def test_solution_pages_hide_the_generator_markers_but_keep_the_answer():
    for file in [f for f in CHAPTER_FILES if f.startswith("solutions/")]:
        plain = re.sub(r"<[^>]+>", "", page(file).read_text(encoding="utf-8"))
        assert "BEGIN SOLUTION" not in plain and "END SOLUTION" not in plain, file
    plain = re.sub(r"<[^>]+>", "", page("solutions/01-network-society").read_text(encoding="utf-8"))
    assert "most_connected" in plain  # the worked answer itself is still shown


def test_glossary_and_references_are_built():
    glossary = re.sub(r"<[^>]+>", " ", page("book/glossary").read_text(encoding="utf-8"))
    for term in ("Freeman centralisation", "component", "random seed", "confidence interval"):
        assert term in glossary, f"glossary lacks {term!r}"
    refs = re.sub(r"<[^>]+>", " ", page("book/references").read_text(encoding="utf-8"))
    for author in ("Freeman", "Watts", "Granovetter", "Zachary", "Castells"):
        assert author in refs, f"references lack {author}"


def test_chapter_2_pages_and_the_static_feedback_of_every_option():
    for doc in ("notebooks/02-state-of-becoming", "notebooks/02-2-newcomers", "notebooks/02-3-check-ins",
                "notebooks/02-4-staff-hours"):
        raw = page(doc).read_text(encoding="utf-8")
        assert "Predict, then run" in raw, doc
        if doc != "notebooks/02-3-check-ins":  # the pages with a simulation state intervals and sweeps
            assert "95 % CI" in raw and "Sign at each value" in raw, doc  # (the sweep's alt text)
    plain = re.sub(r"<[^>]+>", " ", page("solutions/02-state-of-becoming").read_text(encoding="utf-8"))
    # the static book shows the check's feedback on each of the four options of exercise 2.5
    for letter in "ABCD":
        assert re.search(rf"\b{letter}: (✔ Correct|✘ Not yet)", plain), f"no feedback shown for option {letter}"


def test_chapter_3_pages_exercises_and_explorers():
    solutions = page("solutions/03-value-networks")
    plain = re.sub(r"<[^>]+>", " ", solutions.read_text(encoding="utf-8"))
    for k in (1, 2, 3, 4):
        assert re.search(rf"Exercise\s+3\.{k}\b", plain), f"Exercise 3.{k} not numbered as in the workbook"
    divs = [a for t, a in tags(solutions) if t == "div" and "solution" in a.get("class", "").split()]
    assert len(divs) >= 4 and all("dropdown" in a["class"].split() for a in divs)
    for file, alt in (("notebooks/03-value-networks", "karate club: Louvain, resolution 1, seed 1."),
                      ("notebooks/03-2-renewal", "Renewal, homophily 0.7, turnover 0.05, random"),
                      ("notebooks/03-3-wisdom", "Averaging opinions on the small world network")):
        assert explorer_alt(file).startswith(alt), f"{file}: the explorer's first picture or its alt text is missing"


def test_repository_link_and_launch_buttons_come_from_the_config():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    url = config["repository"]["url"]
    intro = page("book/intro").read_text(encoding="utf-8")
    assert f'href="{url}"' in intro, "the introduction links the repository"
    assert "{{" not in re.sub(r"<[^>]+>", "", intro), "an unresolved substitution in the introduction"
    lesson = page("notebooks/01-network-society").read_text(encoding="utf-8")
    assert f'href="{url}"' in lesson, "the header links the repository"
    assert "https://mybinder.org/v2/gh/" in lesson and "https://colab.research.google.com/github/" in lesson


@pytest.mark.parametrize("file", [f for f in CHAPTER_FILES if f.startswith("solutions/")])
def test_each_decision_exercise_has_a_self_check_in_the_page(file):
    text = page(file).read_text(encoding="utf-8")
    assert text.count('class="snb-quiz"') >= 1, f"{file}: no self-check of the decision exercise"
    assert "✔ Right" in text and "✘ Not quite" in text


def test_chapters_cite_from_the_bibliography():
    citing = ("notebooks/01-network-society", "notebooks/02-state-of-becoming", "notebooks/03-value-networks",
              "notebooks/04-enterprise-hidden-network", "notebooks/04-2-brokers", "notebooks/04-3-blocking-and-value",
              "notebooks/05-influence-trust-reciprocity", "notebooks/05-1-trust-in-both-directions",
              "notebooks/05-2-your-network", "notebooks/05-3-give-and-take",
              "notebooks/06-capstone-network-audit", "solutions/06-capstone-network-audit")
    for file in citing:
        text = page(file).read_text(encoding="utf-8")
        assert 'class="bibtex-citation"' in text or "references.html#" in text, f"{file}: no citation links"
        assert "{cite" not in text, f"{file}: an unrendered citation role"
    # author-year in the sentence, the year linked to the entry: "Krackhardt (1987) asked"
    lesson = page("notebooks/04-enterprise-hidden-network").read_text(encoding="utf-8")
    assert re.search(r'<span class="bibtex-citation"[^>]*>Krackhardt \(<a [^>]*href="[^"]*references\.html#[^"]*"'
                     r'[^>]*>1987</a>\)</span>', lesson), "Krackhardt (1987) is not a citation of the bibliography"


def test_chapter_5_pages_exercises_and_explorers():
    solutions = page("solutions/05-influence-trust-reciprocity")
    plain = re.sub(r"<[^>]+>", " ", solutions.read_text(encoding="utf-8"))
    # chapter numbers run on across the numbered parts: Part 5 is chapter 5 once Part 4 is listed
    numbered = [part for part in TOC["parts"] if part.get("numbered")]
    chapter = 1 + next(i for i, part in enumerate(numbered)
                       if part["chapters"][0]["file"] == "notebooks/05-influence-trust-reciprocity")
    for k in (1, 2, 3, 4):
        assert re.search(rf"Exercise\s+{chapter}\.{k}\b", plain), f"Exercise {chapter}.{k} not numbered"
    divs = [a for t, a in tags(solutions) if t == "div" and "solution" in a.get("class", "").split()]
    assert len(divs) >= 4 and all("dropdown" in a["class"].split() for a in divs)
    for file, alt in (("notebooks/05-influence-trust-reciprocity", "Florentine marriages: betweenness."),
                      ("notebooks/05-3-give-and-take", "Give and take on a random regular network")):
        assert explorer_alt(file).startswith(alt), f"{file}: the explorer's first picture or its alt text is missing"


def test_chapter_4_pages_exercises_and_explorer():
    solutions = page("solutions/04-enterprise-hidden-network")
    plain = re.sub(r"<[^>]+>", " ", solutions.read_text(encoding="utf-8"))
    for k in (1, 2, 3, 4):
        assert re.search(rf"Exercise\s+4\.{k}\b", plain), f"Exercise 4.{k} not numbered as in the workbook"
    divs = [a for t, a in tags(solutions) if t == "div" and "solution" in a.get("class", "").split()]
    assert len(divs) >= 4 and all("dropdown" in a["class"].split() for a in divs)
    for letter in "ABCD":  # the static book shows the check's feedback on each option of exercise 4.4
        assert re.search(rf"\b{letter}: (✔ Correct|✘ Not yet)", plain), f"no feedback shown for option {letter}"
    lesson = page("notebooks/04-enterprise-hidden-network").read_text(encoding="utf-8")
    assert "Krackhardt" in lesson and "95 % CI" in lesson
    for doc in ("notebooks/04-2-brokers", "notebooks/04-3-blocking-and-value"):
        raw = page(doc).read_text(encoding="utf-8")
        assert "95 % CI" in raw and "Sign at each value" in raw, doc  # intervals and a sweep
    assert explorer_alt("notebooks/04-3-blocking-and-value").startswith(
        "Org explorer, 100 people, seed 1: nobody removed"), "the explorer's first picture"


def test_chapter_6_capstone_brief_tasks_memo_and_rubric():
    solutions = page("solutions/06-capstone-network-audit")
    plain = re.sub(r"<[^>]+>", " ", solutions.read_text(encoding="utf-8"))
    # chapter numbers run on across the numbered parts: Part 6 is chapter 6 once Parts 1-5 are listed
    numbered = [part for part in TOC["parts"] if part.get("numbered")]
    chapter = 1 + next(i for i, part in enumerate(numbered)
                       if part["chapters"][0]["file"] == "notebooks/06-capstone-network-audit")
    for k in range(1, 9):
        assert re.search(rf"Exercise\s+{chapter}\.{k}\b", plain), f"Exercise {chapter}.{k} not numbered"
    divs = [a for t, a in tags(solutions) if t == "div" and "solution" in a.get("class", "").split()]
    assert len(divs) >= 8 and all("dropdown" in a["class"].split() for a in divs)
    assert "A worked memo" in plain and "31.2 more customers" in plain
    # the static book shows the check's feedback on each of the four launch plans
    for letter in "ABCD":
        assert re.search(rf"\b{letter}: (✔ Correct|✘ Not yet)", plain), f"no feedback shown for plan {letter}"
    brief = re.sub(r"<[^>]+>", " ", page("notebooks/06-capstone-network-audit").read_text(encoding="utf-8"))
    for part in ("The business question.", "The memo: template and rubric", "Influence and trust",
                 "The audit case's parameters"):
        assert part in brief, f"the brief lacks {part!r}"


def test_only_chapters_carry_numbers():
    """A chapter's first page reads "k. Title"; its further pages and headings carry no
    number, so a page never reads "2.5" because its chapter's first page has four headings."""
    for file in CHAPTER_FILES:
        titles = re.findall(r"<h1>(.*?)</h1>", page(file).read_text(encoding="utf-8"), re.S)
        title = next(t for t in titles if "headerlink" in t)  # the page's own heading
        number = re.search(r'class="section-number">([^<]*)<', title)
        if re.fullmatch(r"notebooks/\d\d-[a-z].*", file):
            assert number and re.fullmatch(r"\d+\. ", number.group(1)), (file, title)
        else:
            assert number is None, (file, title)


def test_downloadable_notebooks_install_the_package_they_were_built_with():
    """The book's .ipynb downloads name the commit the book was built from (when the course
    files were committed as built), never a tag that may not exist."""
    import subprocess

    sources = sorted((HTML / "_sources").rglob("*.ipynb"))
    assert sources, "the build wrote no downloadable notebooks"
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "notebooks", "solutions", "snb"],
                           cwd=ROOT, capture_output=True, text=True).stdout.strip()
    want = f"@{head.stdout.strip()}" if head.returncode == 0 and not dirty else "@main"
    for path in sources:
        text = path.read_text(encoding="utf-8")
        if "REPOSITORY = " in text:
            line = next(x for x in text.splitlines() if "REPOSITORY = " in x)
            assert want in line, f"{path.relative_to(HTML)}: {line.strip()}"


def test_exercise_pages_launch_and_download_the_workbook():
    """An exercises page's Binder, Colab, hub and download buttons open the learner's workbook
    (exercises/NN-*.ipynb), which the build puts next to the downloads; never the solutions."""
    pages = sorted((HTML / "solutions").glob("[0-9][0-9]-*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        name = page.stem
        buttons = re.findall(r'href="([^"]*(?:colab|mybinder|git-pull|_sources)[^"]*)"', html)
        assert buttons, f"{page.name}: no launch or download button found"
        for url in buttons:
            assert f"solutions/{name}.ipynb" not in url and f"solutions%2F{name}" not in url, url
        assert any(f"exercises/{name}.ipynb" in u or f"exercises%2F{name}" in u for u in buttons), buttons
        assert (HTML / "_sources" / "exercises" / f"{name}.ipynb").is_file()
