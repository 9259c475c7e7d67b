"""Fast checks of the book's build configuration (no build, no network).

Covers _config.yml, _toc.yml, the local Sphinx extension in book/_ext, the
template overrides and the vendored JavaScript in book/_vendor. Needs only
pytest and PyYAML (which comes with jupyter-book).
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CONFIG_PATH = ROOT / "_config.yml"
TOC_PATH = ROOT / "_toc.yml"
VENDOR = ROOT / "book" / "_vendor"
MANIFEST = VENDOR / "MANIFEST.json"
EMBED_AMD = VENDOR / "@jupyter-widgets" / "html-manager" / "dist" / "embed-amd.js"
EXTENSION = ROOT / "book" / "_ext" / "snb_book.py"
SOURCE_SUFFIXES = (".ipynb", ".md")
URL = re.compile(r"^(https?:)?//", re.IGNORECASE)


@pytest.fixture(scope="module")
def config() -> dict:
    return yaml.safe_load(CONFIG_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sphinx_config(config) -> dict:
    return config["sphinx"]["config"]


@pytest.fixture(scope="module")
def toc() -> dict:
    return yaml.safe_load(TOC_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def toc_files(toc: dict) -> list[str]:
    """Every `file:` entry of a jb-book toc, the root first, in reading order."""
    found = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                found.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return found


def source_for(docname: str) -> list[Path]:
    return [ROOT / f"{docname}{suffix}" for suffix in SOURCE_SUFFIXES if (ROOT / f"{docname}{suffix}").is_file()]


def strings_in(value, path=""):
    """Yield (key path, string) for every string anywhere in a YAML value."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from strings_in(key, f"{path}/<key>")
            yield from strings_in(item, f"{path}/{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings_in(item, f"{path}[{i}]")
    elif isinstance(value, str):
        yield path, value


# --------------------------------------------------------------------------- _config.yml


def test_book_identity(config):
    assert config["title"] == "Social Networks for Business"
    assert config["author"] == "The Social Networks for Business authors"
    assert config["only_build_toc_files"] is True


def test_execution_settings(config):
    execute = config["execute"]
    # the book shows the stored outputs (kernel-free explorers); book_build refuses stale ones
    assert execute["execute_notebooks"] == "off"
    assert execute["timeout"] == 120
    assert execute["allow_errors"] is False
    assert execute["show_tb"] is True


def test_excluded_paths(config):
    patterns = set(config["exclude_patterns"])
    for needed in ("README.md", ".venv", "exercises", "tests", "tools", "_build", ".ci", "*.egg-info"):
        assert needed in patterns, f"{needed} missing from exclude_patterns"


def test_extensions(config):
    assert "sphinx_exercise" in config["sphinx"]["extra_extensions"]
    local = config["sphinx"]["local_extensions"]
    assert local == {"snb_book": "book/_ext"}
    assert (ROOT / local["snb_book"] / "snb_book.py").is_file()


def test_myst_extensions(config):
    assert {"colon_fence", "dollarmath", "deflist"} <= set(config["parse"]["myst_enable_extensions"])


def test_offline_html_options(config, sphinx_config):
    """The book reads offline: launch buttons are plain links (tests/test_install_cell.py
    checks them), no live-code (thebe) script and no Deepnote."""
    html = config["html"]
    assert html["use_repository_button"] is True
    launch = config["launch_buttons"]
    assert launch["thebe"] is False
    assert not launch["deepnote_url"]
    assert sphinx_config["html_context"]["default_mode"] in {"light", "dark", "auto"}


def test_numbering(sphinx_config):
    assert sphinx_config["numfig"] is True
    assert sphinx_config["numfig_secnum_depth"] == 1


#: Addresses that are only links a reader may click (repository and launch buttons),
#: never fetched by the build or by a page.
LINK_ONLY = {"/repository/url", "/launch_buttons/binderhub_url", "/launch_buttons/colab_url",
             "/launch_buttons/jupyterhub_url"}


def test_no_remote_url_in_config(config):
    """No CDN or other remote address anywhere: the book must build and read offline."""
    remote = [(path, text) for path, text in strings_in(config) if URL.match(text.strip())
              and path not in LINK_ONLY]
    assert remote == []


def static_paths(sphinx_config) -> list[Path]:
    return [ROOT / p for p in sphinx_config["html_static_path"]]


def test_static_paths_exist_and_hold_no_stray_js(sphinx_config):
    for folder in static_paths(sphinx_config):
        assert folder.is_dir(), folder
        assert folder.name != "_static" or folder.parent != ROOT
    # Jupyter Book 1 adds every .js of every static folder to every page as soon
    # as a folder named _static exists at the source root.
    assert not (ROOT / "_static").exists(), "a root _static/ folder would load the widget bundle on every page"
    custom = ROOT / "book" / "_static"
    if custom.is_dir():
        # only the explorers' script, which book/_ext/snb_book.py adds to explorer pages alone
        # (frames/ holds the explorers' manifest scripts, which their pages load themselves)
        scripts = sorted(p.relative_to(custom).as_posix() for p in custom.rglob("*.js")
                         if p.relative_to(custom).parts[0] != "frames")
        assert scripts == [extension_constant("EXPLORER_JS")], f"stray scripts in book/_static: {scripts}"


def find_static(sphinx_config, rel: str) -> Path | None:
    for folder in static_paths(sphinx_config):
        if (folder / rel).is_file():
            return folder / rel
    return None


def test_css_files_exist(sphinx_config):
    for name in sphinx_config.get("html_css_files", []):
        assert find_static(sphinx_config, name), f"html_css_files: {name} not in any html_static_path folder"


def test_ipywidgets_js_is_local(sphinx_config):
    scripts = sphinx_config["nb_ipywidgets_js"]
    assert list(scripts) == ["require.js", "@jupyter-widgets/html-manager/dist/embed-amd.js"]
    for path, attrs in scripts.items():
        assert not URL.match(path), path
        assert find_static(sphinx_config, path), f"nb_ipywidgets_js: {path} not in any html_static_path folder"
        # the bundle treats the mere presence of this attribute as "CDN only"
        assert "data-jupyter-widgets-cdn-only" not in (attrs or {})


def test_mathjax_is_local(sphinx_config):
    path = sphinx_config["mathjax_path"]
    assert not URL.match(path)
    assert find_static(sphinx_config, path)


def test_templates(sphinx_config):
    folders = [ROOT / p for p in sphinx_config["templates_path"]]
    assert all(f.is_dir() for f in folders)
    search = (ROOT / "book/_templates/search-button-field.html").read_text(encoding="utf-8")
    switcher = (ROOT / "book/_templates/theme-switcher.html").read_text(encoding="utf-8")
    button = re.search(r"<button[^>]*>", search).group(0)
    assert "aria-label" not in button  # name from the visible text "Search"
    icons = re.findall(r"<i\b[^>]*>", re.sub(r"\{#.*?#\}", "", switcher, flags=re.S))
    assert len(icons) == 3
    for icon in icons:  # decorative: no title (Font Awesome would turn it into text)
        assert "title=" not in icon and 'aria-hidden="true"' in icon


# --------------------------------------------------------------------------- _toc.yml


def test_toc_format(toc):
    assert toc["format"] == "jb-book"
    assert toc["root"] == "book/intro"
    assert "defaults" not in toc  # see the comment in _toc.yml
    parts = toc["parts"]
    assert parts[0]["caption"] == "Part 1 · The network society"
    *chapters, instructors, reference = parts
    for part in chapters:
        assert part.get("caption")
        assert part.get("numbered") == 1  # chapters only: see the comment in _toc.yml
    assert instructors["caption"] == "For instructors" and not instructors.get("numbered")
    assert reference["caption"] == "Reference" and not reference.get("numbered")
    assert [c["file"] for c in reference["chapters"]] == ["book/glossary", "book/references",
                                                          "book/exercises"]


def test_toc_first_part(toc):
    assert toc_files(toc)[1:6] == ["notebooks/01-network-society", "notebooks/01-2-reach-and-cascades",
                                   "notebooks/01-3-ways-of-adapting", "notebooks/01-4-when-adapting-pays",
                                   "solutions/01-network-society"]


def test_toc_entries_exist(toc):
    missing = [doc for doc in toc_files(toc) if not source_for(doc)]
    assert missing == [], f"listed in _toc.yml but no .ipynb/.md file: {missing}"


def test_toc_entries_unambiguous_and_unique(toc):
    docs = toc_files(toc)
    assert len(docs) == len(set(docs))
    for doc in docs:
        assert len(source_for(doc)) <= 1, f"{doc}: both .ipynb and .md exist"
        assert not Path(doc).suffix, f"{doc}: write toc entries without the extension"
        assert not doc.startswith(("exercises/", "tests/", "tools/")), doc


def test_toc_parts_follow_the_layout():
    """Active or still commented out, the parts keep the notebooks/NN-x + solutions/NN-x pairs;
    a chapter may have further pages (notebooks/NN-k-x) between its lesson and its exercises."""
    listed = re.findall(r"^\s*#?\s*-\s*file:\s*(\S+)", TOC_PATH.read_text(encoding="utf-8"), re.M)
    listed = [doc for doc in listed if not doc.startswith("book/")]  # glossary, references
    # a chapter's later lesson pages (notebooks/NN-k-subtopic) sit between its two files
    listed = [f for f in listed if not re.match(r"notebooks/\d\d-\d+-", f)]
    stems = [
        "01-network-society",
        "02-state-of-becoming",
        "03-value-networks",
        "04-enterprise-hidden-network",
        "05-influence-trust-reciprocity",
        "06-capstone-network-audit",
        "07-network-analysis-at-work",
    ]
    assert listed == [f"{folder}/{stem}" for stem in stems for folder in ("notebooks", "solutions")]


def test_every_lesson_page_is_in_the_toc_in_order():
    """Each notebooks/NN-k-x page is listed in its chapter, after the lesson, in k order,
    before the exercises page."""
    toc_text = TOC_PATH.read_text(encoding="utf-8")
    active = [f for f in re.findall(r"^\s*-\s*file:\s*(\S+)", toc_text, re.M)]
    for lesson in sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        if re.match(r"\d\d-\d+-", lesson.name):
            continue
        nn = lesson.name[:2]
        extra = sorted((ROOT / "notebooks").glob(f"{nn}-[0-9]*-*.ipynb"),
                       key=lambda p: int(p.name.split("-")[1]))
        expected = ([f"notebooks/{lesson.stem}"] + [f"notebooks/{p.stem}" for p in extra]
                    + [f"solutions/{lesson.stem}"])
        start = active.index(expected[0])
        assert active[start:start + len(expected)] == expected, f"chapter {nn} pages out of order"


# --------------------------------------------------------------------------- book/_vendor


def test_manifest_matches_vendored_files(manifest):
    on_disk = {p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file()}
    assert on_disk - {"MANIFEST.json"} == set(manifest["files"])
    for rel, info in manifest["files"].items():
        data = (VENDOR / rel).read_bytes()
        assert len(data) == info["bytes"], rel
        assert hashlib.sha256(data).hexdigest() == info["sha256"], f"{rel} differs from MANIFEST.json"


def test_manifest_versions_match_the_script(manifest):
    spec = importlib.util.spec_from_file_location("vendor_widgets", ROOT / "tools" / "vendor_widgets.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert manifest["packages"] == module.PACKAGES
    assert manifest["packages"]["@jupyter-widgets/html-manager"].startswith("1.0.")  # ipywidgets 8.1


def test_vendored_size_and_content(manifest):
    files = manifest["files"]
    assert sum(f["bytes"] for f in files.values()) < 8_000_000
    assert not [f for f in files if f.endswith(".map")]
    assert not [f for f in files if Path(f).name in {"embed.js", "libembed-amd.js"}]
    for package in manifest["packages"]:
        folder = VENDOR / "licenses" / package.strip("@").replace("/", "-")
        assert (folder / "LICENSE").is_file(), f"licence of {package} missing"


def test_widget_fonts_sit_next_to_the_bundle():
    """Every woff2/woff font the bundle's CSS names is vendored next to embed-amd.js."""
    text = EMBED_AMD.read_text(encoding="utf-8")
    names = set(re.findall(r'\.p\+"([0-9a-f]{20}\.(?:woff2|woff))"', text))
    assert names, "no font names found in embed-amd.js"
    missing = sorted(n for n in names if not (EMBED_AMD.parent / n).is_file())
    assert missing == []


def extension_constant(name: str):
    tree = ast.parse(EXTENSION.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not found in {EXTENSION}")


def test_requirejs_paths_cover_the_bundle_modules():
    """book/_ext maps exactly the AMD modules that embed-amd.js defines."""
    modules = extension_constant("WIDGET_AMD_MODULES")
    defined = set(re.findall(r'define\("(@jupyter-widgets/[^"]+)"', EMBED_AMD.read_text(encoding="utf-8")))
    assert set(modules) == defined
    assert extension_constant("WIDGET_DIST") == "_static/@jupyter-widgets/html-manager/dist/"


def test_no_stale_status_words_for_built_chapters(toc):
    """README and introduction list every part of the toc, and never call one "planned"."""
    parts = [int(re.search(r"Part (\d+)", p["caption"]).group(1)) for p in toc["parts"]
             if re.search(r"Part (\d+)", p["caption"])]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    intro = (ROOT / "book" / "intro.md").read_text(encoding="utf-8")
    for n in parts:
        assert re.search(rf"^\| {n} \| ", readme, re.M), f"README's chapter table lacks part {n}"
        row = re.search(rf"^\| {n} \|.*$", readme, re.M).group(0)
        assert not re.search(r"\b(planned|coming|to do|draft)\b", row, re.I), row
    for text, name in ((readme, "README.md"), (intro, "book/intro.md")):
        assert not re.search(r"Parts? \d+ (to|and) \d+ (are|is) ready|the others follow", text), name


def test_no_environment_or_build_output_is_tracked():
    """.venv (a folder, or a symlink to one) and _build/ never enter git: a tracked .venv
    link replaces a learner's environment on the next pull."""
    import subprocess

    done = subprocess.run(["git", "ls-files", "--", ".venv", "_build"], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip("not a git checkout")
    assert done.stdout.strip() == "", done.stdout
