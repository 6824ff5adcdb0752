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
  /* What the user types in the panel is kept per claim until it is saved: submitting another
     form of the panel (evidence, chain) reloads the page, and the words must survive it. */
  function draftKey(el) {
    const panel = el.closest(".claim-panel");
    return panel ? "draft:" + panel.dataset.claim + ":" + el.name : null;
  }
  function restoreDrafts() {
    for (const el of document.querySelectorAll(".claim-panel [data-draft]")) {
      let kept = null;
      try { kept = window.sessionStorage.getItem(draftKey(el)); } catch (err) { /* storage off */ }
      if (kept !== null && kept !== el.value) {
        el.value = kept;
        el.classList.add("draft-restored");
        const note = document.createElement("p");
        note.className = "meta draft-note";
        note.textContent = el.dataset.draft;
        el.after(note);
      }
    }
  }
  document.addEventListener("submit", function (e) {
    const form = e.target;
    if (!(form instanceof HTMLFormElement)) { return; }
    for (const el of form.querySelectorAll("[data-draft]")) {
      try { window.sessionStorage.removeItem(draftKey(el)); } catch (err) { /* storage off */ }
    }
  });
  restoreDrafts();

  document.addEventListener("input", function (e) {
    const el = e.target;
    if ((el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) && el.dataset.draft) {
      const key = draftKey(el);
      try { if (key) { window.sessionStorage.setItem(key, el.value); } } catch (err) { /* storage off */ }
    }
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
      /* a name that is not in the registry: offer to create it (the hop's kind choice) */
      const typed = q.trim();
      if (list.dataset.create && !items.some(function (s) { return s.name.toLowerCase() === typed.toLowerCase(); })) {
        const o = document.createElement("option");
        o.value = typed;
        o.label = list.dataset.create.replace("%(name)s", typed);
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
      const regions = [];
      for (const id of ["article-body", "panel"]) {
        const fresh = doc.getElementById(id);
        const old = document.getElementById(id);
        if (fresh && old) { const el = document.importNode(fresh, true); old.replaceWith(el); regions.push(el); }
      }
      for (const old of document.querySelectorAll(".flashes")) { old.remove(); }
      restoreDrafts();
      if (push) { history.pushState({ claim: true }, "", href); }
      /* scripts that bind to the panel's elements bind again (as after a save by live.js) */
      document.dispatchEvent(new CustomEvent("live:swapped", {
        detail: { regions: regions, form: null, status: 200, focused: false }
      }));
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
  /* the queue's "e" opens a claim at its evidence form: put the cursor in it, once the
     browser has scrolled to the fragment (which would otherwise take the focus back) */
  function focusEvidence() {
    if (window.location.hash !== "#evidence") { return; }
    const url = document.querySelector(".evidence-form input[type=url]");
    if (url && document.activeElement !== url) { url.focus(); }
  }
  focusEvidence();
  if (document.readyState === "complete") {
    window.setTimeout(focusEvidence, 0);
  } else {
    window.addEventListener("load", function () { window.setTimeout(focusEvidence, 0); });
  }
})();
