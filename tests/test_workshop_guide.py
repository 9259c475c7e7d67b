"""The instructors' part of the book: in the toc, honest about what exists, and complete per chapter.

- every page of book/instructor/ is listed under "For instructors";
- every `make X` the pages (and the README) name is a Makefile target, every file path exists;
- each agenda's blocks follow each other and add up to the format's length;
- each chapter guide times every lesson page and exercise of its chapter, says where learners go
  wrong in every exercise, and answers every "To discuss" prompt of the chapter's exercises page;
- a chapter that has not landed has an outline guide that says so.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "book" / "instructor"
PAGES = sorted(GUIDE.glob("*.md"))
OUTLINE = "Outline, to be completed when the chapter lands"
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
TARGETS = set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE, re.M))


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _flat(text: str) -> str:
    return " ".join(text.replace("*", "").split())


def _lessons(nn: str) -> list[Path]:
    return sorted((ROOT / "notebooks").glob(f"{nn}-*.ipynb"))


def _solutions(nn: str) -> Path | None:
    found = sorted((ROOT / "solutions").glob(f"{nn}-*.ipynb"))
    return found[0] if found else None


def _markdown(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]


def discussion_prompts(solutions: Path) -> list[str]:
    """The bullets under '## To discuss' on a chapter's exercises page."""
    for text in _markdown(solutions):
        if "## To discuss" in text:
            block = text.split("## To discuss", 1)[1]
            return [_flat(item) for item in re.split(r"\n- ", "\n" + block.strip()) if item.strip()]
    return []


def exercise_titles(solutions: Path) -> list[str]:
    return [m for text in _markdown(solutions) for m in re.findall(r"```\{exercise-start\} (.+)", text)]


def page_title(notebook: Path) -> str:
    first = _markdown(notebook)[0]
    return re.search(r"^# (.+)$", first, re.M).group(1).strip()


def test_every_instructor_page_is_in_the_for_instructors_part():
    toc = yaml.safe_load(_text(ROOT / "_toc.yml"))
    [part] = [p for p in toc["parts"] if p["caption"] == "For instructors"]
    listed = []

    def walk(entries):
        for entry in entries or []:
            listed.append(entry["file"])
            walk(entry.get("sections"))

    walk(part["chapters"])
    assert sorted(listed) == sorted(f"book/instructor/{p.stem}" for p in PAGES)
    assert listed[0] == "book/instructor/index"
    assert toc["parts"][-1]["caption"] == "Reference" and toc["parts"][-2] is part


@pytest.mark.parametrize("path", [*PAGES, ROOT / "README.md"], ids=lambda p: p.name)
def test_every_make_target_named_exists(path):
    named = set(re.findall(r"`make ([a-z][a-z-]*)", _text(path)))
    assert named - TARGETS == set(), f"{path.name} names make targets that do not exist"


def _paths_in(text: str) -> set[str]:
    found = set()
    for span in re.findall(r"`([^`\n]+)`", text):
        for token in span.split():
            token = token.strip("\"'(),;:").replace("\\", "/")
            token = re.sub(r"^\.venv/(bin|Scripts)/", "", token)
            if not re.match(r"^(tools|snb|tests|notebooks|solutions|exercises|book)/[\w./-]+$|"
                            r"^(requirements\.txt|pyproject\.toml|_config\.yml|_toc\.yml|Makefile)$", token):
                continue
            if "NN" in token or token.endswith("/"):
                continue
            found.add(token)
    return found


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_every_file_path_named_exists(path):
    named = _paths_in(_text(path))
    missing = sorted(p for p in named if not (ROOT / p).exists())
    assert missing == [], f"{path.name} names files that do not exist: {missing}"
    modules = set(re.findall(r"python -m (snb\.\w+)", _text(path)))
    assert all((ROOT / (m.replace(".", "/") + ".py")).is_file()
               or (ROOT / m.replace(".", "/") / "__main__.py").is_file() for m in modules), modules


def test_the_path_finder_finds_paths():
    """The check above must not pass because it finds nothing."""
    named = _paths_in(_text(GUIDE / "index.md")) | _paths_in(_text(GUIDE / "attendees.md"))
    assert {"tools/check_env.py", "requirements.txt"} <= named


def _agendas() -> dict[str, list[tuple[int, int, str]]]:
    text = _text(GUIDE / "index.md")
    agendas = {}
    for heading, body in re.findall(r"^### (.+)\n\n((?:\|.*\n)+)", text, re.M):
        rows = [(int(h) * 60 + int(m), int(n), block)
                for h, m, n, block in re.findall(r"^\| (\d+):(\d\d) \| (\d+) \| (.+) \|$", body, re.M)]
        agendas[heading] = rows
    return agendas


@pytest.mark.parametrize("heading, total", [("90 minutes", 90), ("Half a day", 210), ("A full day", 450)])
def test_each_agenda_adds_up(heading, total):
    [(title, rows)] = [(t, r) for t, r in _agendas().items() if t.startswith(heading)]
    assert rows and rows[0][0] == 0
    for (start, minutes, block), (next_start, _, _) in zip(rows, rows[1:]):
        assert start + minutes == next_start, f"{title}: '{block[:40]}' does not end where the next block starts"
    assert rows[-1][0] + rows[-1][1] == total, f"{title}: the blocks add up to {rows[-1][0] + rows[-1][1]} minutes"


def test_agendas_use_the_chapters_of_the_course_outline():
    agendas = _agendas()
    text = {t: " ".join(b for _, _, b in rows) for t, rows in agendas.items()}
    [ninety] = [v for t, v in text.items() if t.startswith("90")]
    [half] = [v for t, v in text.items() if t.startswith("Half")]
    [full] = [v for t, v in text.items() if t.startswith("A full")]
    assert "chapter 1" in ninety.lower() and "Chapter 5" in ninety
    assert all(f"hapter {n}" in half for n in (1, 3, 5))
    assert all(f"hapter {n}" in full for n in (1, 2, 3, 4, 5)) and "Capstone" in full


CHAPTERS = ["01", "02", "03", "04", "05", "06", "07"]


def _landed(nn: str) -> bool:
    return bool(_lessons(nn)) and _solutions(nn) is not None


@pytest.mark.parametrize("nn", CHAPTERS)
def test_every_chapter_has_a_guide_and_an_unlanded_one_says_it_is_an_outline(nn):
    guide = GUIDE / f"chapter-{nn}.md"
    assert guide.is_file()
    if not _landed(nn):
        assert OUTLINE in _text(guide), f"chapter {nn} has not landed: its guide must say it is an outline"
        for agenda_block in [b for rows in _agendas().values() for _, _, b in rows
                             if re.search(rf"Chapter {int(nn)}\b|Capstone", b) and int(nn) >= 4]:
            assert "outline" in agenda_block, f"an agenda block uses chapter {nn} without saying it is an outline"


def _full_guide(nn: str) -> str:
    if not _landed(nn):
        pytest.skip(f"chapter {nn} has not landed yet (its guide is an outline)")
    text = _text(GUIDE / f"chapter-{nn}.md")
    if OUTLINE in text:
        pytest.skip(f"chapter {nn} has landed but book/instructor/chapter-{nn}.md is still an outline: "
                    "complete it (timings, mistakes, discussion answers)")
    return text


@pytest.mark.parametrize("nn", CHAPTERS)
def test_guide_times_every_page_and_exercise(nn):
    text = _flat(_full_guide(nn))
    timing = text.split("## Timing", 1)[1].split("##", 1)[0]
    for page in _lessons(nn):
        assert page_title(page) in timing, f"no timing for the page '{page_title(page)}'"
    for k, title in enumerate(exercise_titles(_solutions(nn)), start=1):
        assert f"Exercise {int(nn)}.{k}, {title}" in timing, f"no timing for Exercise {int(nn)}.{k} ({title})"
    assert len(re.findall(r"\d+ min", timing)) >= 2 * (len(_lessons(nn)) + len(exercise_titles(_solutions(nn))))


@pytest.mark.parametrize("nn", CHAPTERS)
def test_guide_says_where_learners_go_wrong_in_every_exercise(nn):
    text = _full_guide(nn)
    section = text.split("## Where learners go wrong", 1)[1].split("\n## ", 1)[0]
    for k, _ in enumerate(exercise_titles(_solutions(nn)), start=1):
        assert f"**Exercise {int(nn)}.{k}**" in section, f"nothing on Exercise {int(nn)}.{k}"
    assert f"snb/checks/ch{nn}.py" in section, "say where the mistakes come from"


@pytest.mark.parametrize("nn", CHAPTERS)
def test_guide_answers_every_discussion_prompt(nn):
    text = _full_guide(nn)
    section = text.split("## To discuss", 1)[1].split("\n## ", 1)[0]
    prompts = discussion_prompts(_solutions(nn))
    assert prompts, f"solutions page of chapter {nn} has no 'To discuss' prompts"
    flat = _flat(section)
    positions = []
    for prompt in prompts:
        assert prompt in flat, f"the prompt is not quoted in the guide: {prompt[:60]}..."
        positions.append(flat.index(prompt))
    ends = positions[1:] + [len(flat)]
    for prompt, start, end in zip(prompts, positions, ends):
        answer = flat[start + len(prompt):end]
        assert len(answer.split()) >= 60, f"the answer to '{prompt[:40]}...' is too short"
        assert "Follow-up prompt" in answer, f"give a follow-up prompt for '{prompt[:40]}...'"


@pytest.mark.parametrize("nn", CHAPTERS)
def test_guide_has_goals_talking_points_and_cuts(nn):
    text = _full_guide(nn)
    for heading in ("## Learning goals", "## Timing", "## Talking points", "## Where learners go wrong",
                    "## To discuss: prompts and answers", "## What to cut when time runs short"):
        assert heading in text, f"chapter {nn}'s guide lacks '{heading}'"


def test_the_workshop_uses_class_progress():
    text = _text(GUIDE / "index.md")
    assert "make class-progress DIR=" in text and "class-progress" in TARGETS
    assert "stuck" in text


def _chapter_sources(nn: str) -> str:
    """The text of a chapter's lesson pages, exercises page (with outputs) and checks."""
    parts = []
    for path in [*_lessons(nn), _solutions(nn)]:
        for cell in nbformat.read(path, as_version=4).cells:
            parts.append(cell.source)
            parts += [str(out.get("text", "")) for out in cell.get("outputs", [])]
    parts.append((ROOT / "snb" / "checks" / f"ch{nn}.py").read_text(encoding="utf-8"))
    return "\n".join(parts)


@pytest.mark.parametrize("nn", CHAPTERS)
def test_every_number_in_a_guide_comes_from_its_chapter(nn):
    """A guide restates the chapter's results; it must not invent or drift from them."""
    text = _full_guide(nn)
    text = re.sub(r"## Timing.*?\n## ", "## ", text, flags=re.S)  # minutes of the timing table
    # exercise numbers, years and agenda minutes are not results
    text = re.sub(r"Exercises? \d\.\d+( (and|to) \d\.\d+)?|\b(19|20)\d\d\b|\d+[- ]minutes?\b", "", text)
    numbers = set(re.findall(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])", text))
    assert len(numbers) >= 5, "the number finder found too little to be a check"
    sources = _chapter_sources(nn)
    invented = sorted(n for n in numbers if not re.search(rf"(?<![\d.]){re.escape(n)}(?!\d)", sources))
    assert invented == [], f"chapter {nn}'s guide states numbers its chapter does not: {invented}"


def _headings(nn: str) -> list[str]:
    """Every heading of the chapter's lesson pages and exercises page, without Markdown marks."""
    found = []
    for path in _lessons(nn) + [p for p in [_solutions(nn)] if p]:
        for text in _markdown(path):
            found += [re.sub(r"[`*]", "", line.lstrip("#").strip()) for line in text.splitlines()
                      if line.startswith("#")]
    return found


@pytest.mark.parametrize("nn", CHAPTERS)
def test_what_to_cut_names_sections_that_exist(nn):
    """Each section the guide's cut list names in italics is a heading of the chapter's pages
    (a renamed or moved section makes the instruction stale)."""
    text = _full_guide(nn)
    cut = re.search(r"^## What to cut.*?\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert cut, "the guide has no 'What to cut' section"
    heads = _headings(nn)
    named = [" ".join(m.split()) for m in re.findall(r"\*([^*\n]+(?:\n[^*\n]+)?)\*", cut.group(1))]
    named = [n for n in named if len(n) > 1]  # a single italic letter is a variable (*k*)
    if not named:
        pytest.skip(f"chapter {nn}'s cut list names no section by its title")
    stale = [n for n in named if not any(h == n or h.startswith(n) for h in heads)]
    assert not stale, f"no such heading on the chapter's pages: {stale}"
