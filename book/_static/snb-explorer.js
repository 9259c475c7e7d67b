/* Kernel-free explorers for the static book (snb.widgets.base: static_html).
 *
 * `make execute` stores each explorer as plain HTML controls and its first picture, and
 * writes its manifest of precomputed frames (PNG files under _static/frames/) as a small
 * script there (data-manifest), loaded here when the page opens. This script shows the
 * frame of the controls' current values; a picture file is requested only when it is
 * first shown. A control never moves unless the reader moves it. Some explorers have
 * only part of the grid ("star": one setting at a time from the lesson's; "options":
 * the same for every choice of the option controls): for a combination that was not
 * computed, the nearest computed picture is shown (the control just moved always at
 * the reader's value) with a visible note naming the settings the picture shows and how
 * to see the exact one (run the chapter). No request leaves the site. Added by
 * book/_ext/snb_book.py only to pages with an explorer.
 */
(function () {
  "use strict";

  function staticRoot() {
    var root = document.documentElement.dataset.content_root;
    if (root === undefined) {
      var s = document.querySelector('script[src*="_static/documentation_options.js"]');
      root = s ? s.getAttribute("src").split("_static/")[0] : "./";
    }
    return root + "_static/";
  }

  function load(box, base) {
    // the explorer's frames are listed in a script of their own (snb.widgets.base.render_frames)
    var known = window.snbExplorers && window.snbExplorers[box.id];
    if (known) { setup(box, base, known); return; }
    var script = document.createElement("script");
    script.src = base + box.dataset.manifest;
    script.onload = function () {
      var data = window.snbExplorers && window.snbExplorers[box.id];
      if (data) { setup(box, base, data); } else { console.error("snb explorer: no frames for", box.id); }
    };
    document.head.appendChild(script);
  }

  // How to see a setting the book did not compute (the launch and download buttons are
  // the page's own; make lab is the course's command on the reader's computer; the note is
  // plain text, so no Markdown backticks).
  var RUN_IT = "To see exactly your settings, run the chapter: the launch button (the rocket " +
    "at the top of the page) opens it on Binder, a JupyterHub or Colab, the download button " +
    "gives the notebook, or type make lab in a terminal in your copy of the course.";

  // The note under the title, from the frames the build made (the stored one was written
  // before the build, which completes some grids, and before controls stayed put).
  function gridNote(data, count) {
    var kept = (data.kept || []).map(function (i) { return data.controls[i].label; });
    var which = {
      product: "every combination of the settings offered",
      options: "for every choice of " + kept.join(" and ") + ", one other setting at a time " +
        "changed from the lesson's",
      star: "one setting at a time changed from the lesson's"
    }[data.mode];
    var nearest = data.mode === "product" ? "" : " Your controls stay where you put them; " +
      "for a combination that was not computed, the nearest picture is shown and a note " +
      "above it says which setting it shows.";
    return "No Python runs in this book: the pictures for " + count + " settings were " +
      "computed in advance" + (which ? ", " + which : "") + "." + nearest + " To try any " +
      "setting, run the chapter: see \u201cWays to run the course\u201d in the introduction.";
  }

  function setup(box, base, data) {
    var inputs = data.controls.map(function (c, i) {
      return box.querySelector('[data-control="' + i + '"]');
    });
    var img = box.querySelector("img.snb-explorer-picture");
    var status = box.querySelector(".snb-explorer-status");
    var frameBox = img.parentNode;
    // the note for a picture that is not the reader's setting: its own live line, so the
    // status line stays for settings the model cannot take
    var nearestNote = box.querySelector(".snb-explorer-nearest");
    if (!nearestNote) {
      nearestNote = document.createElement("p");
      nearestNote.className = "snb-explorer-nearest";
      nearestNote.setAttribute("role", "status");
      nearestNote.setAttribute("aria-live", "polite");
      frameBox.parentNode.insertBefore(nearestNote, frameBox);
    }
    // the computed frames that have a picture, as arrays of control indices
    var drawn = Object.keys(data.frames).filter(function (k) {
      return data.frames[k].src;
    }).map(function (k) { return k.split("-").map(Number); });

    function index(el) {
      if (el.dataset.fixed !== undefined) { return 0; }
      return parseInt(el.value, 10);
    }
    function readout(i) {
      var el = inputs[i];
      if (el.type !== "range") { return; }
      var label = data.controls[i].labels[index(el)];
      el.setAttribute("aria-valuetext", label);
      var out = el.parentNode.querySelector("output");
      if (out) { out.textContent = label; }
    }
    // The computed frame nearest to ``want``: first one with the control just moved at the
    // reader's value, then the fewest controls elsewhere, then the shortest way along the
    // sliders (a slider's whole range counts 1; another choice of a list counts 1).
    function nearest(want, changed) {
      var best = null, bestScore = null;
      drawn.forEach(function (k) {
        var score = [changed >= 0 && k[changed] !== want[changed] ? 1 : 0, 0, 0];
        k.forEach(function (j, i) {
          if (j === want[i]) { return; }
          var c = data.controls[i];
          score[1] += 1;
          score[2] += c.kind === "range" ? Math.abs(j - want[i]) / Math.max(1, c.values.length - 1) : 1;
        });
        if (!bestScore || before(score, bestScore)) { best = k; bestScore = score; }
      });
      return best;
    }
    function before(a, b) {  // a comes first in the order of nearest()
      for (var s = 0; s < a.length; s++) {
        if (a[s] !== b[s]) { return a[s] < b[s]; }
      }
      return false;
    }
    function picture(key) {
      var frame = data.frames[key];
      img.hidden = false;
      img.alt = frame.alt;
      img.width = frame.width;
      img.height = frame.height;
      img.src = base + frame.src;
    }
    function show(changed) {
      var want = inputs.map(index);
      var key = want.join("-");
      var frame = data.frames[key];
      var shown = want, notes = [];
      if (frame && !frame.src) {  // a setting the model cannot take: its sentence, no picture
        img.hidden = true;
        status.textContent = frame.error;
      } else {
        if (!frame) {
          shown = nearest(want, changed);
          if (!shown) { return; }
          key = shown.join("-");
          shown.forEach(function (j, i) {
            if (j !== want[i]) {
              var c = data.controls[i];
              notes.push(c.label + " " + c.labels[j] + " (you chose " + c.labels[want[i]] + ")");
            }
          });
        }
        if (box.dataset.frame !== key || img.hidden) { picture(key); }
        status.textContent = "";
      }
      nearestNote.textContent = notes.length ?
        "Your settings were not computed in advance. This picture is the nearest that was: " +
        "it shows " + notes.join(", ") + ", with your other settings as you set them. " +
        RUN_IT : "";
      frameBox.classList.toggle("snb-explorer-approx", notes.length > 0);
      box.dataset.frame = key;
    }
    inputs.forEach(function (el, i) {
      if (el.dataset.fixed !== undefined) { return; }
      el.addEventListener("input", function () { readout(i); show(i); });
      el.addEventListener("change", function () { readout(i); show(i); });
    });
    // a tap on the picture shows it at full size (phones), another puts it back
    img.setAttribute("tabindex", "0");
    img.setAttribute("role", "button");
    img.setAttribute("aria-label", "Show the picture at full size (tap again to fit the screen)");
    function zoom() {
      var on = frameBox.classList.toggle("snb-zoomed");
      img.setAttribute("aria-pressed", on ? "true" : "false");
    }
    img.addEventListener("click", zoom);
    img.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); zoom(); }
    });
    if (!box.querySelector(".snb-explorer-zoom-hint")) {
      var hint = document.createElement("p");
      hint.className = "snb-explorer-zoom-hint";
      hint.textContent = "Tap the picture to see it at full size.";
      frameBox.parentNode.insertBefore(hint, frameBox.nextSibling);
    }
    box.querySelector(".snb-explorer-offline").hidden = true;
    var note = box.querySelector(".snb-explorer-note");
    note.textContent = gridNote(data, Object.keys(data.frames).length);
    note.hidden = false;
    if (img.dataset.src) { img.src = base + img.dataset.src; }
    box.classList.add("snb-explorer-ready");
  }

  function start() {
    var base = staticRoot();
    var boxes = document.querySelectorAll(".snb-explorer:not(.snb-explorer-ready)");
    for (var i = 0; i < boxes.length; i++) {
      try { load(boxes[i], base); } catch (e) { console.error("snb explorer:", e); }
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();
