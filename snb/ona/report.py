"""One self-contained HTML report of an organisational network survey.

Pure: :func:`render` takes the checked survey and its analysis and returns the HTML text.
Everything is inside the file: the style sheet, and pictures as PNG data URIs; there is
no script and no link to anything outside, so the report opens offline and sends no
request. Every user-supplied text (ids, departments, questions) is HTML-escaped. The
layout is one column that reflows down to a 390 px phone screen; wide tables scroll
inside their own box.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping

from snb import draw
from snb.ona import ethics
from snb.ona.analysis import ROBUST_SHARE, ROBUSTNESS_DRAWS, Relation
from snb.ona.survey import Survey

__all__ = ["STYLE", "render", "null_picture"]

STYLE = """
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.45;margin:0 auto;
max-width:52rem;padding:1rem;color:#1a1a1a;overflow-wrap:anywhere}
h1{font-size:1.5rem}h2{font-size:1.25rem;border-top:2px solid #0072B2;padding-top:.6rem;margin-top:2rem}
h3{font-size:1.05rem}
.box{border-left:6px solid #E69F00;background:#fff8e6;padding:.5rem .9rem;margin:1rem 0}
.ok{border-left-color:#009E73;background:#eefaf5}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:.88rem;margin:.5rem 0}
th,td{border-bottom:1px solid #ccc;padding:.25rem .45rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
img{max-width:100%;height:auto}
code{font-size:.9em}
.small{font-size:.85rem;color:#444}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def null_picture(relation: Relation) -> draw.Picture:
    """Histogram of the permutation null of the within-group share, observed value marked.

    Parameters
    ----------
    relation : Relation
        One question's analysis (:func:`snb.ona.analysis.analyse_relation`).

    Returns
    -------
    snb.draw.Picture
        With alt text giving the null's range and the observed share.

    Examples
    --------
    >>> from snb.ona.survey import load
    >>> survey = load(b"respondent,question,named\\nAna,advice,Ben\\nAna,advice,Cai\\nBen,advice,Ana\\n"
    ...               b"Cai,advice,Dev\\nDev,advice,Eva\\nEva,advice,Dev\\nEva,advice,Fay\\n",
    ...               b"id,department\\nAna,Sales\\nBen,Sales\\nCai,Sales\\nDev,Ops\\nEva,Ops\\nFay,Ops\\n")
    >>> from snb.ona.analysis import analyse_relation
    >>> picture = null_picture(analyse_relation(survey, "advice", min_group=3))
    >>> picture.alt.split(". ")[1]
    'The observed share, 86%, is marked with a line.'
    """
    fig, axes = draw.new_figure(5.2, 2.6)
    ax = axes[0]
    ax.hist(relation.within_null, bins=40, color="#56B4E9", edgecolor="white")
    ax.axvline(relation.within.value, color="#D55E00", linewidth=2.5)
    ax.set_xlabel("share of ties inside one's own department")
    ax.set_ylabel("permutations")
    ax.set_title(f"{relation.question}: observed (line) against chance (bars)", fontsize=10)
    low, high = float(relation.within_null.min()), float(relation.within_null.max())
    alt = (f"Histogram of the share of {relation.question} ties inside one's own department in "
           f"{len(relation.within_null):,} random relabellings of departments: between {low:.0%} and "
           f"{high:.0%}. The observed share, {relation.within.value:.0%}, is marked with a line.")
    return draw.Picture.from_figure(fig, alt)


def _img(picture: draw.Picture) -> str:
    data = base64.b64encode(picture.png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{_e(picture.alt)}">'


def _table(header: list[str], rows: list[list[object]], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th scope=\"col\">{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td{' class=n' if i in numeric else ''}>{_e(c)}</td>"
                                    for i, c in enumerate(row)) + "</tr>" for row in rows)
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def _p(value: float) -> str:
    return f"= {value:.3f}" if value >= 0.001 else "< 0.001"


def _relation(r: Relation, label: Mapping[str, str], min_group: int) -> str:
    out = [f"<h2>Relation: {_e(r.question)}</h2>"]
    out.append(_table(["measure", "value (95 % interval)"], [
        ["ties named", f"{r.arcs:,} by {r.respondents} respondents"],
        ["density (share of possible ties)", r.density.format(3)],
        ["reciprocity (ties between respondents that are returned)", r.reciprocity.format(2)],
        ["ties inside one's own department", r.within.format(percent=True)],
    ]))
    verdict = ("beats chance: people name colleagues of their own department more often than random labels "
               "would give" if r.within_p < 0.05 else "cannot tell from chance")
    out.append(f"<p>Permutation test of department mixing ({len(r.within_null):,} relabellings): "
               f"p {_e(_p(r.within_p))}, so the within-department share {verdict}.</p>")
    out.append(_img(null_picture(r)))
    out.append(f"<h3>By department (groups under {min_group} people merged or suppressed)</h3>")
    out.append(_table(["department", "people", "answered", "ties named", "inside own department (95 % CI)"],
                      [[g, *row.tolist()] for g, row in r.groups.iterrows()], numeric={1, 2, 3}))
    matrix = r.mixing.astype(int)
    out.append("<p class=small>Who names whom, by department (rows name columns; ties counted; "
               "suppressed cells shown as \u2013):</p>")
    out.append(_table(["from \\ to", *map(str, matrix.columns)],
                      [[g, *("\u2013" if v < 0 else v for v in row.tolist())] for g, row in matrix.iterrows()],
                      numeric=set(range(1, len(matrix.columns) + 1))))
    out.append("<h3>Roles (Cross and Parker 2004)</h3>")
    described = {
        "central connectors": "named most often: people others rely on; at risk of overload.",
        "brokers": "highest betweenness: on the shortest paths between others, often between groups.",
        "boundary spanners": "ties into the most other departments.",
    }
    for name, text in described.items():
        role = r.roles[name]
        kept_text = (f"On average {role.overlap.format(percent=True)} of this list stays the same when a "
                     f"further {1 - r.respondents / r.people:.0%} of respondents is left out ({ROBUSTNESS_DRAWS} "
                     "draws)." if role.overlap else "Everyone answered: no robustness check needed.")
        rows = [[label[p], f"{role.kept[p]:.0%}", "robust" if role.kept[p] >= ROBUST_SHARE else "fragile"]
                for p in role.people]
        out.append(f"<p><strong>{_e(name.capitalize())}</strong>: {_e(text)} {_e(kept_text)}</p>")
        out.append(_table(["person", f"kept the role in (of {ROBUSTNESS_DRAWS} draws)", "reading"], rows,
                          numeric={1}))
    peripheral = r.roles["peripheral people"]
    out.append(f"<p><strong>Peripheral people</strong> (named by at most one colleague): {len(peripheral.people)} "
               f"of {r.people} ({len(peripheral.people) / r.people:.0%}). They are not listed one by one: a "
               "peripheral position is where a newcomer or a part-time colleague starts, and a list of names "
               "invites the wrong use. Look at the share per department with your HR partner instead.</p>")
    return "\n".join(out)


def render(survey: Survey, relations: list[Relation], *, real_names: bool = False,
           codes: Mapping[str, str] | None = None, min_group: int = 5, threshold: float | None = None,
           threshold_sentence: str = "", title: str = "Organisational network report") -> str:
    """The report as one HTML page (see the module's description).

    Parameters
    ----------
    survey : Survey
        The checked survey.
    relations : list of Relation
        One analysis per question to report.
    real_names : bool, default False
        Show people's ids instead of codes.
    codes : mapping of str to str, optional
        Each person's id -> pseudonym (:func:`snb.ona.pseudonym.pseudonyms`); needed unless
        ``real_names``.
    min_group : int, default 5
        Groups smaller than this are suppressed.
    threshold : float, optional
        The response rate below which a broker list is not worth giving (chapter 7,
        page 2); the page then says which side of it this survey lies.
    threshold_sentence : str, default ""
        The sentence that states the threshold.
    title : str, default "Organisational network report"
        The page's title.

    Returns
    -------
    str
        A complete HTML page, styles included.

    Raises
    ------
    ValueError
        For a pseudonymised report without codes.

    Examples
    --------
    >>> from snb.ona.survey import load
    >>> survey = load(b"respondent,question,named\\nAna,advice,Ben\\nAna,advice,Cai\\nBen,advice,Ana\\n"
    ...               b"Cai,advice,Dev\\nDev,advice,Eva\\nEva,advice,Dev\\nEva,advice,Fay\\n",
    ...               b"id,department\\nAna,Sales\\nBen,Sales\\nCai,Sales\\nDev,Ops\\nEva,Ops\\nFay,Ops\\n")
    >>> from snb.ona.analysis import analyse_relation
    >>> from snb.ona.pseudonym import pseudonyms
    >>> codes = pseudonyms(survey.people["id"], salt="example")
    >>> page = render(survey, [analyse_relation(survey, "advice", min_group=3)], codes=codes, min_group=3)
    >>> "<h1>Organisational network report</h1>" in page, codes["Ana"] in page, "Ana" in page
    (True, True, False)
    """
    if not real_names and codes is None:
        raise ValueError("pseudonymised reports need codes (snb.ona.pseudonym.pseudonyms)")
    label = {p: p for p in survey.people["id"]} if real_names else dict(codes)
    rate = survey.response_rate
    known_boundary = not any("no people file" in w.message for w in survey.warnings)
    parts = [f"<h1>{_e(title)}</h1>"]
    rate_text = (f"{len(survey.respondents)} of {len(survey.people)} people answered: a response rate of "
                 f"{rate:.0%} (a count of this survey, not an estimate)." if known_boundary else
                 "No people file was given, so the response rate is not known.")
    parts.append(f"<p>{_e(rate_text)} Questions: {_e(', '.join(survey.questions))}.</p>")
    if threshold is not None and known_boundary:
        good = rate >= threshold
        parts.append(f'<div class="box{" ok" if good else ""}"><p><strong>Is a list of brokers worth giving?'
                     f'</strong> {_e(threshold_sentence)} This survey\'s response rate is {rate:.0%}: '
                     f'{"above" if good else "below"} that threshold'
                     f'{"." if good else ", so read the lists of roles below as unreliable."}</p></div>')
    names = ("Real names are shown (--real-names). Share this report only with the people the survey's "
             "information notice named." if real_names else
             "People appear as codes (P-...), a keyed hash with a salt drawn for this report: the same person "
             "has the same code throughout this report and a different one in the next. The key file, if you "
             "wrote one, is personal data: keep it apart from the report.")
    parts.append(f"<p>{_e(names)}</p>")
    parts.append('<div class="box"><p><strong>Read this first</strong></p><ul>'
                 + "".join(f"<li>{_e(c)}</li>" for c in ethics.CAVEATS) + "</ul><p>Never use this report for: "
                 + _e("; ".join(ethics.NEVER)) + ".</p></div>")
    if survey.warnings:
        parts.append("<h2>Data checks</h2><ul>" + "".join(f"<li>{_e(w)}</li>" for w in survey.warnings)
                     + "</ul>")
    parts += [_relation(r, label, min_group) for r in relations]
    parts.append("<h2>How the numbers were made</h2><p class=small>" + _e(
        "Intervals: 95 % percentile intervals from 1,000 bootstrap resamples of the respondents (each "
        "with all their answers). Mixing: permutation test that shuffles department labels among everyone, "
        "p = (1 + permutations at least as extreme) / (1 + permutations). Roles: the top 3 % (at least 3) by "
        "times named, by betweenness in the network where a tie exists when either person named the other, "
        "and by the number of other departments reached. Robustness: the roles found again after leaving out "
        "a further share of respondents equal to the share that did not answer; 'robust' means kept in at "
        f"least {ROBUST_SHARE:.0%} of the draws. Sources: Cross and Parker (2004), The Hidden Power of "
        "Social Networks; Borgatti, Carley and Krackhardt (2006), Social Networks 28(2); Krackhardt (1988), "
        "Social Networks 10(4).") + "</p>")
    body = "\n".join(parts)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_e(title)}</title><style>{STYLE}</style></head><body><main>\n{body}\n</main></body></html>\n")


