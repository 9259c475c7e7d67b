"""Small Sphinx fixes for the "Social Networks for Business" book.

Loaded by ``_config.yml`` (``sphinx.local_extensions: {snb_book: book/_ext}``).

1. Thebe off. Jupyter Book 1 always loads ``sphinx_thebe``. Its inline
   ``const THEBE_JS_URL = ...`` script ends up twice in every page, so every
   page logs ``Identifier 'THEBE_JS_URL' has already been declared`` in the
   browser console; it also points at a public CDN. The book has no live
   code (its launch buttons are plain links), so this extension unhooks
   sphinx_thebe's event handlers and drops its CSS: no thebe script, style,
   static file or config block reaches the pages.

2. Widget icon fonts. On pages with embedded ipywidgets (myst-nb adds the
   vendored ``require.js`` and ``embed-amd.js`` there, see ``nb_ipywidgets_js``)
   an inline RequireJS configuration comes first. Without it the bundle asks
   for its icon fonts under ``<page folder>/@jupyter-widgets/...`` (404); with
   it, under ``_static/@jupyter-widgets/html-manager/dist/`` where
   ``tools/vendor_widgets.py`` put them.

3. Slider handles get an accessible name. ipywidgets draws a slider handle as
   ``<div class="noUi-handle" role="slider">`` with no name (axe:
   ``aria-input-field-name``). On pages with widgets, a small inline script
   labels each handle with the slider's description (or "Slider"), plus
   "(lower)" / "(upper)" for the two handles of a range slider.

4. MathJax 2 API for the widget manager. On a page with widgets, the bundle
   typesets widget labels with ``MathJax.Hub.Queue``, MathJax 2's API, as
   soon as it finds ``window.MathJax``; the book loads MathJax 3, which has no
   ``Hub``, so every label threw "Cannot read properties of undefined (reading
   'Queue')". A small inline script gives MathJax 3 a ``Hub.Queue`` that calls
   its ``typesetPromise`` on the same element.

5. Bibliography entries are list items. docutils writes each citation as
   ``role="doc-biblioentry"`` inside ``role="list"``; axe-core 4.14 (DPUB-ARIA
   1.1 deprecates that role) reports the list as having no list items
   (critical: aria-required-children). Entries get ``role="listitem"``.

6. Solution markers hidden. Solution notebooks wrap each worked answer in
   ``# BEGIN SOLUTION`` / ``# END SOLUTION`` lines, for ``snb.exercisegen``;
   the book's code blocks drop those two lines (the answer stays).

7. Kernel-free explorers. ``make execute`` stores each explorer as plain HTML
   controls over precomputed pictures (``snb.widgets.base.static_html``);
   pages that hold one get ``_static/snb-explorer.js``, which switches the
   pictures as a control moves (no kernel, nothing fetched from elsewhere).

8. One repository address. ``repository.url`` in ``_config.yml`` (which Jupyter
   Book hands to the theme as ``repository_url``) becomes MyST substitutions for
   the introduction: ``{{ repository_link }}``, ``{{ clone_command }}``,
   ``{{ binder_link }}`` and ``{{ colab_link }}``, so no page writes the address.

9. Self-checks of the decision exercises. The directive ``snb-self-check``
   (options ``:options: module:NAME``, ``:check: module:function``, ``:title:``,
   ``:prompt:``) renders a one-question quiz (``snb.quiz.from_check``): every
   option opens the feedback the exercise's own check gives it. HTML
   ``<details>``, no kernel and no script.

10. Citations in the course's style. ``bibtex_reference_style:
    author_year_round`` (registered here) writes {cite:p} as "(Freeman 1979)" and
    {cite:t} as "Freeman (1979)", as the prose did before it cited from
    ``book/references.bib``; sphinxcontrib-bibtex's own author_year uses brackets.

The theme's search and colour-mode buttons are fixed by the template
overrides in ``book/_templates/``, the contrast of links in admonitions by
``book/_static/snb.css``; MathJax is vendored too (``mathjax_path``).
"""

from __future__ import annotations

import json
import re
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

__version__ = "0.1.0"

# Inline script for pages that embed ipywidgets. The widgets are drawn
# asynchronously after the page loads, so watch the DOM for new handles.
SLIDER_LABEL_JS = r"""
(function () {
  "use strict";
  function describe(handle) {
    var widget = handle.closest(".widget-slider, .jupyter-widget-slider, .widget-inline-hbox, .widget-inline-vbox");
    var label = widget && widget.querySelector(".widget-label, label");
    var text = label ? label.textContent.replace(/\s+/g, " ").trim() : "";
    if (!text) { text = "Slider"; }
    var handles = widget ? widget.querySelectorAll(".noUi-handle") : [];
    if (handles.length === 2) {
      text += handle === handles[0] ? " (lower)" : " (upper)";
    }
    return text;
  }
  function labelHandles() {
    var todo = document.querySelectorAll(
      '.noUi-handle[role="slider"]:not([aria-label]):not([aria-labelledby])'
    );
    for (var i = 0; i < todo.length; i++) {
      todo[i].setAttribute("aria-label", describe(todo[i]));
    }
  }
  new MutationObserver(labelHandles).observe(document.documentElement, {
    childList: true,
    subtree: true
  });
  document.addEventListener("DOMContentLoaded", labelHandles);
})();
"""

# AMD modules defined inside the vendored embed-amd.js (html-manager 1.0.15).
# tests/test_book_config.py checks each one is still defined there.
WIDGET_AMD_MODULES = {
    "@jupyter-widgets/base": "base",
    "@jupyter-widgets/base7": "base7",
    "@jupyter-widgets/controls": "controls",
    "@jupyter-widgets/controls7": "controls7",
    "@jupyter-widgets/html-manager": "html-manager",
    "@jupyter-widgets/html-manager/dist/libembed-amd": "libembed-amd",
}
WIDGET_DIST = "_static/@jupyter-widgets/html-manager/dist/"

# Inline script placed before require.js on pages with widgets. The bundle
# takes the URL of its icon fonts from the URL RequireJS gives its modules,
# by default "<page folder>/@jupyter-widgets/...": wrong (404) for every page.
# A global `require` object defined before require.js loads is its config:
# map every module of the bundle to the vendored dist/ folder, found from the
# page's content root (Sphinx writes it on <html data-content_root="../">).
REQUIREJS_CONFIG_JS = (
    "(function () {\n"
    '  "use strict";\n'
    "  var root = document.documentElement.dataset.content_root;\n"
    "  if (root === undefined) {\n"
    "    var s = document.querySelector('script[src*=\"_static/documentation_options.js\"]');\n"
    "    root = s ? s.getAttribute('src').split('_static/')[0] : './';\n"
    "  }\n"
    f'  var dist = root + "{WIDGET_DIST}";\n'
    "  var paths = {};\n"
    f"  var modules = {json.dumps(WIDGET_AMD_MODULES)};\n"
    "  for (var id in modules) { paths[id] = dist + modules[id]; }\n"
    "  window.require = { paths: paths };\n"
    "})();\n"
)

# Inline script for pages with widgets: MathJax 2's Hub.Queue on top of MathJax 3.
# MathJax 3 is loaded with `defer`, so it exists by DOMContentLoaded, before the
# widget manager draws anything (it waits for the page's load event).
MATHJAX_HUB_SHIM_JS = r"""
(function () {
  "use strict";
  function shim() {
    var mj = window.MathJax;
    if (!mj || mj.Hub) { return; }
    mj.Hub = {
      Queue: function (job) {
        var element = job && job[2];
        var now = window.MathJax;
        if (now && typeof now.typesetPromise === "function") {
          now.typesetPromise(element ? [element] : undefined).catch(function () {});
        }
      }
    };
  }
  shim();
  document.addEventListener("DOMContentLoaded", shim);
})();
"""

# myst-nb's key for a page's saved widget state (see myst_nb.core.render).
_WIDGET_STATE_KEY = "ipywidgets_state"


def _unhook_thebe(app: Sphinx) -> None:
    """Disconnect every event handler that sphinx_thebe registered."""
    removed = []
    for event, listeners in app.events.listeners.items():
        for listener in list(listeners):
            module = getattr(listener.handler, "__module__", "") or ""
            if module.split(".")[0] == "sphinx_thebe":
                listeners.remove(listener)
                removed.append(f"{event}:{listener.handler.__name__}")
    css = app.registry.css_files
    css[:] = [(name, attrs) for name, attrs in css if name != "sphinx-thebe.css"]
    logger.verbose("[snb_book] removed sphinx_thebe handlers: %s", ", ".join(removed))


def _page_has_widgets(app: Sphinx, pagename: str) -> bool:
    try:
        from myst_nb.sphinx_ import NbMetadataCollector
    except ImportError:  # pragma: no cover - myst-nb always comes with jupyter-book
        return False
    try:
        js_files = NbMetadataCollector.get_js_files(app.env, pagename)
    except (AttributeError, KeyError):
        return False
    return _WIDGET_STATE_KEY in js_files


def _add_widget_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """On pages with embedded widgets: RequireJS config first, slider labels last."""
    if app.builder is None or app.builder.format != "html":
        return
    if _page_has_widgets(app, pagename):
        # myst-nb adds require.js and embed-amd.js with priority 500
        app.add_js_file(None, body=REQUIREJS_CONFIG_JS, priority=450)
        app.add_js_file(None, body=MATHJAX_HUB_SHIM_JS, priority=450)
        app.add_js_file(None, body=SLIDER_LABEL_JS, priority=900)


EXPLORER_MARK = 'class="snb-explorer"'
EXPLORER_JS = "snb-explorer.js"


def _add_explorer_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                         doctree: Any) -> None:
    """Pages with a kernel-free explorer load the script that switches its pictures."""
    if app.builder is None or app.builder.format != "html":
        return
    if EXPLORER_MARK in (context.get("body") or ""):
        app.add_js_file(EXPLORER_JS, loading_method="defer")


TOGGLE_LABEL = "Show or hide the sections of this chapter"


def _label_toc_toggles(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Name the sidebar's chapter toggles (axe: summary-name).

    pydata-sphinx-theme folds a chapter's sections in ``<details><summary>``
    whose only content is an icon, so screen readers announce nothing.
    """
    original = context.get("generate_toctree_html")
    if not callable(original):
        return

    def labelled(*args: Any, **kwargs: Any) -> Any:
        html = original(*args, **kwargs)
        if hasattr(html, "find_all"):  # the theme asked for a BeautifulSoup tree
            for summary in html.find_all("summary"):
                summary.attrs.setdefault("aria-label", TOGGLE_LABEL)
            return html
        fixed = str(html).replace("<summary>", f'<summary aria-label="{TOGGLE_LABEL}">')
        return fixed if type(html) is str else type(html)(fixed)

    context["generate_toctree_html"] = labelled


SOLUTION_MARKER = re.compile(r"^[ \t]*# (BEGIN|END) SOLUTION[ \t]*\n?", re.MULTILINE)


def _hide_solution_markers(app: Sphinx, doctree: nodes.document) -> None:
    """Drop the ``# BEGIN SOLUTION`` / ``# END SOLUTION`` lines from code blocks."""
    for block in doctree.findall(nodes.literal_block):
        text = block.astext()
        if "SOLUTION" not in text:
            continue
        cleaned = SOLUTION_MARKER.sub("", text)
        if cleaned != text:
            block.children = [nodes.Text(cleaned)]
            block.rawsource = cleaned


def _citations_as_list_items(app: Sphinx, pagename: str, templatename: str, context: dict,
                             doctree: Any) -> None:
    """``role="doc-biblioentry"`` becomes ``role="listitem"`` in the page body."""
    body = context.get("body")
    if isinstance(body, str) and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def repository_substitutions(url: str, branch: str = "main", binderhub: str = "",
                              colab: str = "") -> dict[str, str]:
    """Markdown for the introduction, all derived from the repository's address."""
    url = url.rstrip("/")
    if not url:
        return {name: "(the course repository: set `repository.url` in `_config.yml`)"
                for name in ("repository_link", "clone_command", "binder_link", "colab_link")}
    org_repo = url.split("github.com/", 1)[-1]
    first = "notebooks/01-network-society.ipynb"
    subs = {"repository_link": f"[{url.split('://', 1)[-1]}]({url})",
            "clone_command": f"`git clone {url}`"}
    subs["binder_link"] = (f"[Binder]({binderhub.rstrip('/')}/v2/gh/{org_repo}/{branch}?urlpath=lab)"
                           if binderhub else "Binder (not configured)")
    subs["colab_link"] = (f"[Colab]({colab.rstrip('/')}/github/{org_repo}/blob/{branch}/{first})"
                          if colab else "Colab (not configured)")
    return subs


def _substitute_repository(app: Sphinx, config: Any) -> None:
    options = config.html_theme_options or {}
    launch = options.get("launch_buttons") or {}
    subs = repository_substitutions(options.get("repository_url", ""), options.get("repository_branch") or "main",
                                    launch.get("binderhub_url", ""), launch.get("colab_url", ""))
    config.myst_substitutions = {**subs, **(getattr(config, "myst_substitutions", None) or {})}


def _resolve(path: str) -> Any:
    """``package.module:NAME`` (or ``package.module.NAME``) to the object it names."""
    import importlib

    module, _, name = path.strip().rpartition(":") if ":" in path else path.strip().rpartition(".")
    return getattr(importlib.import_module(module), name)


class SelfCheck(SphinxDirective):
    """A decision exercise's per-option feedback, in the page, with no kernel."""

    option_spec = {"options": directives.unchanged_required, "check": directives.unchanged_required,
                   "title": directives.unchanged_required, "prompt": directives.unchanged_required}

    def run(self) -> list[nodes.Node]:
        from snb import quiz

        options = _resolve(self.options["options"])
        if isinstance(options, dict) and isinstance(options.get("options"), dict):
            options = options["options"]  # an exercise's settings with its options inside
        check = _resolve(self.options["check"])
        html = quiz.from_check(self.options["title"], self.options["prompt"], options, check)._repr_html_()
        return [nodes.raw("", html, format="html")]


def verdict_role(name: str, rawtext: str, text: str, lineno: int, inliner: Any,
                 options: dict | None = None, content: list | None = None
                 ) -> tuple[list[nodes.Node], list[Any]]:
    """``{verdict}`id` `` prints a stored verdict's sentence; ``id:estimate``, ``id:label``,
    ``id:n`` or ``id:p`` print one part. The page is rebuilt when the stored results change."""
    from snb import verdicts

    id, _, part = text.strip().partition(":")
    env = inliner.document.settings.env
    env.note_dependency(str(verdicts.store_path()))
    try:
        v = verdicts.stored(id)
    except KeyError:
        msg = inliner.reporter.error(f"no stored verdict {id!r}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    parts = {"": v.sentence(), "estimate": v.interval_text(), "label": v.label,
             "n": f"{v.n:,}", "p": f"{v.details.get('p', float('nan')):.3g}"}
    if part not in parts:
        msg = inliner.reporter.error(f"verdict part {part!r} unknown; use one of {sorted(parts)}",
                                     line=lineno)
        return [inliner.problematic(rawtext, rawtext, msg)], [msg]
    node = nodes.inline(rawtext, parts[part], classes=["snb-verdict"])
    return [node], []


def _workbook_buttons(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                      doctree: Any) -> None:
    """On an exercises page (``solutions/NN-*``), the launch and download buttons open the
    learner's workbook (``exercises/NN-*.ipynb``), not the worked solutions."""
    if not pagename.startswith("solutions/"):
        return
    name = pagename.split("/", 1)[1]
    swaps = {f"solutions/{name}.ipynb": f"exercises/{name}.ipynb",
             f"solutions%2F{name}.ipynb": f"exercises%2F{name}.ipynb"}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, str) and key in ("url", "href"):
                    for old, new in swaps.items():
                        value = value.replace(old, new)
                    node[key] = value
                elif isinstance(value, str) and key == "tooltip" and "Download" in value:
                    node[key] = "Download the workbook (.ipynb): answer the exercises in it"
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(context.get("header_buttons", []))


def _copy_workbooks(app: Sphinx, exception: Exception | None) -> None:
    """Put each workbook where the exercises pages' download button points."""
    import shutil
    from pathlib import Path

    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir, "_sources", "exercises")
    for source in sorted(Path(app.srcdir, "exercises").glob("[0-9][0-9]-*.ipynb")):
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target / source.name)


def _pin_downloads(app: Sphinx, exception: Exception | None) -> None:
    """Downloadable notebooks install the package from the commit the book was built from.

    The install cell (tools/install_cell.py) names the branch; here, in the built copies
    under ``_sources/``, the branch becomes ``git rev-parse HEAD`` when the course files
    are committed as built (otherwise they stay on the branch, and the build says so).
    """
    import importlib.util
    from pathlib import Path

    if exception is not None or app.builder.format != "html":
        return
    root = Path(app.srcdir)
    spec = importlib.util.spec_from_file_location("install_cell", root / "tools" / "install_cell.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    commit = tool.commit_state(root)
    if not commit:
        logger.info("snb: not a git checkout; downloadable notebooks install from the branch")
        return
    if commit.endswith(tool.UNCOMMITTED):
        logger.info("snb: uncommitted course files; downloadable notebooks install from the branch")
        return
    line = next(x for x in tool.cell_source(root).splitlines() if "REPOSITORY =" in x)
    pinned = tool.pin(line, commit, root)
    for path in Path(app.outdir, "_sources").rglob("*.ipynb"):
        text = path.read_text(encoding="utf-8")
        updated = repin(text, line, pinned)
        if updated != text:
            path.write_text(updated, encoding="utf-8")


def repin(notebook_text: str, line: str, pinned: str) -> str:
    """A notebook file's text with the install cell's ``REPOSITORY = "...@ref"`` line, at
    whatever ref it names (the branch, or the commit an earlier build pinned: Sphinx keeps
    the copies of unchanged pages), replaced by ``pinned``."""
    head = json.dumps(line)[1:-1].rpartition("@")[0]
    escaped = json.dumps(pinned)[1:-1]
    return re.sub(re.escape(head) + r'@[^\\"]+\\"', lambda _: escaped, notebook_text)


def _register_reference_style() -> None:
    """Author-year citations with round brackets and no comma: "(Freeman 1979)"."""
    from dataclasses import dataclass, field

    import sphinxcontrib.bibtex.plugin
    from sphinxcontrib.bibtex.style.referencing import BracketStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

    def round_brackets() -> BracketStyle:
        return BracketStyle(left="(", right=")")

    @dataclass
    class RoundAuthorYear(AuthorYearReferenceStyle):
        bracket_parenthetical: BracketStyle = field(default_factory=round_brackets)
        bracket_textual: BracketStyle = field(default_factory=round_brackets)
        bracket_author: BracketStyle = field(default_factory=round_brackets)
        bracket_label: BracketStyle = field(default_factory=round_brackets)
        bracket_year: BracketStyle = field(default_factory=round_brackets)
        author_year_sep: str = " "

    sphinxcontrib.bibtex.plugin.register_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_round",
                                                RoundAuthorYear, force=True)


def setup(app: Sphinx) -> dict[str, Any]:
    _register_reference_style()
    # sphinx_thebe is set up before this extension (Jupyter Book lists it first),
    # so its handlers are already registered here. Make sure of that order.
    app.setup_extension("sphinx_thebe")
    _unhook_thebe(app)
    # after myst-nb's own html-page-context handler (priority 500)
    app.connect("html-page-context", _add_widget_scripts, priority=900)
    app.connect("html-page-context", _label_toc_toggles, priority=900)
    app.connect("html-page-context", _add_explorer_script, priority=900)
    app.connect("config-inited", _substitute_repository)
    app.add_directive("snb-self-check", SelfCheck)
    app.add_role("verdict", verdict_role)
    app.connect("doctree-read", _hide_solution_markers)
    app.connect("html-page-context", _citations_as_list_items)
    app.connect("html-page-context", _workbook_buttons, priority=900)
    # the workbooks are copied first, so that they are pinned with the other downloads
    app.connect("build-finished", _copy_workbooks, priority=400)
    app.connect("build-finished", _pin_downloads)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
