/* The article workbench: select text to add a claim, open claims without a reload,
   search the source registry while typing. Everything also works without this script. */
(function () {
  "use strict";

  function body() { return document.getElementById("article-body"); }

  /* A DOM point -> offset in code points (Python str offsets) into the article body. */
  function pointToOffset(node, offset) {
    const root = body();
    const segs = root.querySelectorAll(".seg");
    for (const seg of segs) {
      const t = seg.firstChild;
      if (t && node === t) {
        return Number(seg.dataset.start) + Array.from(t.data.slice(0, offset)).length;
      }
    }
    const point = document.createRange();
    point.setStart(node, offset);
    for (const seg of segs) {
      const t = seg.firstChild;
      if (t && point.comparePoint(t, 0) >= 0) { return Number(seg.dataset.start); }
    }
    return Number(root.dataset.length);
  }

  /* The body's text from code point `start` to `end` (screen-reader labels left out). */
  function textBetween(start, end) {
    let text = "";
    for (const seg of body().querySelectorAll(".seg")) { text += seg.textContent; }
    return Array.from(text).slice(start, end).join("");
  }

  function onSelection() {
    const root = body();
    const form = document.getElementById("add-claim");
    if (!root || !form) { return; }
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return; }
    const range = sel.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) { return; }
    const start = pointToOffset(range.startContainer, range.startOffset);
    const end = pointToOffset(range.endContainer, range.endOffset);
    if (!(end > start)) { return; }
    form.querySelector("[name='add-start']").value = String(start);
    form.querySelector("[name='add-end']").value = String(end);
    const fragment = form.querySelector("[name='add-fragment']");
    fragment.value = textBetween(start, end);
    fragment.dataset.fromSelection = "1";
  }

  document.addEventListener("mouseup", onSelection);
  document.addEventListener("keyup", function (e) {
    if (e.shiftKey || e.key === "Shift") { onSelection(); }
  });
  document.addEventListener("input", function (e) {
    const el = e.target;
    if (el instanceof HTMLTextAreaElement && el.name === "add-fragment") {
      const form = el.form;
      form.querySelector("[name='add-start']").value = "";
      form.querySelector("[name='add-end']").value = "";
      delete el.dataset.fromSelection;
    }
    if (el instanceof HTMLInputElement && el.classList.contains("source-input")) {
      searchSources(el.value);
    }
  });

  /* Source registry search (GET /sources/search.json), when that endpoint exists. */
  let searchSeq = 0;
  let searchOff = false;
  function searchSources(q) {
    const list = document.getElementById("source-options");
    if (!list || searchOff || q.trim().length < 2 || q.startsWith("#")) { return; }
    const seq = ++searchSeq;
    fetch(list.dataset.search + "?q=" + encodeURIComponent(q.trim()), {
      headers: { "Accept": "application/json" }, credentials: "same-origin"
    }).then(function (r) {
      if (r.status === 404) { searchOff = true; return null; }
      return r.ok ? r.json() : null;
    }).then(function (items) {
      if (!items || seq !== searchSeq) { return; }
      list.replaceChildren();
      for (const s of items) {
        const o = document.createElement("option");
        o.value = "#" + s.id + " " + s.name;
        o.label = s.kind + ((s.aliases && s.aliases.length) ? " · " + s.aliases.join(", ") : "");
        list.appendChild(o);
      }
    }).catch(function () { /* the plain text field still works */ });
  }

  /* Open a claim without reloading: swap the article body and the panel. */
  function openClaim(href, push) {
    fetch(href, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.text();
    }).then(function (html) {
      const doc = new DOMParser().parseFromString(html, "text/html");
      for (const id of ["article-body", "panel"]) {
        const fresh = doc.getElementById(id);
        const old = document.getElementById(id);
        if (fresh && old) { old.replaceWith(document.importNode(fresh, true)); }
      }
      for (const old of document.querySelectorAll(".flashes")) { old.remove(); }
      if (push) { history.pushState({ claim: true }, "", href); }
      const heading = document.getElementById("claim-heading");
      const panel = document.getElementById("panel");
      if (panel) { panel.focus({ preventScroll: !heading }); }
    }).catch(function () { window.location.assign(href); });
  }

  document.addEventListener("click", function (e) {
    const a = e.target instanceof Element ? e.target.closest("a[data-claim]") : null;
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) { return; }
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed && body() && body().contains(sel.anchorNode)) {
      e.preventDefault();  /* the user was selecting text, not opening the claim */
      return;
    }
    e.preventDefault();
    openClaim(a.href, true);
  });
  window.addEventListener("popstate", function () { openClaim(window.location.href, false); });
  /* the queue's "e" opens a claim at its evidence form: put the cursor in it */
  if (window.location.hash === "#evidence") {
    const url = document.querySelector(".evidence-form input[type=url]");
    if (url) { url.focus(); }
  }
})();
