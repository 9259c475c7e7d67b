/* Kernel-free explorers for the static book (snb.widgets.base: static_html).
 *
 * `make execute` stores each explorer as plain HTML controls and its first picture, and
 * writes its manifest of precomputed frames (PNG files under _static/frames/) as a small
 * script there (data-manifest), loaded here when the page opens. This script
 * shows the frame of the controls' current values; a picture file is requested only
 * when it is first shown. With an "options" grid (every choice of the option controls,
 * one other setting at a time) or a "star" grid (one setting at a time from the
 * lesson's), moving a control puts the others back to the lesson's settings. No request leaves
 * the site. Added by book/_ext/snb_book.py only to pages with an explorer.
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

  function setup(box, base, data) {
    var inputs = data.controls.map(function (c, i) {
      return box.querySelector('[data-control="' + i + '"]');
    });
    var img = box.querySelector("img.snb-explorer-picture");
    var status = box.querySelector(".snb-explorer-status");

    function index(el) {
      if (el.dataset.fixed !== undefined) { return 0; }
      return parseInt(el.value, 10);
    }
    function set(i, j) {
      var el = inputs[i];
      if (el.dataset.fixed !== undefined) { return; }
      el.value = String(j);
      readout(i);
    }
    function readout(i) {
      var el = inputs[i];
      if (el.type !== "range") { return; }
      var label = data.controls[i].labels[index(el)];
      el.setAttribute("aria-valuetext", label);
      var out = el.parentNode.querySelector("output");
      if (out) { out.textContent = label; }
    }
    function show(changed) {
      var ix = inputs.map(index);
      var frame = data.frames[ix.join("-")];
      var reset = [];
      // "options" grid: every choice of the option controls (data.kept) with one other
      // setting changed; "star": one setting at a time. Put the others back.
      var passes = [data.kept || [], []];
      for (var p = 0; p < passes.length && !frame; p++) {
        var keep = passes[p];
        reset = [];
        ix = inputs.map(index).map(function (j, i) {
          var c = data.controls[i];
          if (i === changed || keep.indexOf(i) >= 0) { return j; }
          if (j !== c["default"]) { reset.push(c.label); }
          return c["default"];
        });
        frame = data.frames[ix.join("-")];
      }
      if (reset.length) { ix.forEach(function (j, i) { set(i, j); }); }
      if (!frame) { return; }
      // a slider fires "input" and then "change" for one move: the second call finds the
      // frame already shown and must not clear what the first wrote in the status line
      if (!reset.length && box.dataset.frame === ix.join("-")) { return; }
      if (frame.src) {
        img.hidden = false;
        img.alt = frame.alt;
        img.width = frame.width;
        img.height = frame.height;
        img.src = base + frame.src;
        status.textContent = reset.length ?
          "Back to the lesson's setting: " + reset.join(", ") + "." : "";
      } else {
        img.hidden = true;
        status.textContent = frame.error;
      }
      box.dataset.frame = ix.join("-");
    }
    inputs.forEach(function (el, i) {
      if (el.dataset.fixed !== undefined) { return; }
      el.addEventListener("input", function () { readout(i); show(i); });
      el.addEventListener("change", function () { readout(i); show(i); });
    });
    // a tap on the picture shows it at full size (phones), another puts it back
    var frameBox = img.parentNode;
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
    box.querySelector(".snb-explorer-note").hidden = false;
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
