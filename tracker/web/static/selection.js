/* "Add a claim" at the selection: when text of the article is selected, a button beside it
   sends the form below the article (which article.js has filled with the selected span).
   Without this script that form is used directly. */
(function () {
  "use strict";

  const body = document.getElementById("article-body");
  const form = document.getElementById("add-claim");
  if (!body || !form) { return; }
  const button = document.createElement("button");
  button.type = "submit";
  button.className = "selection-add primary";
  button.setAttribute("form", "add-claim");
  button.textContent = form.dataset.atSelection || "Add a claim";
  button.hidden = true;
  body.after(button);

  function place() {
    const sel = window.getSelection();
    const start = form.querySelector("[name='add-start']");
    if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !start || !start.value) {
      button.hidden = true;
      return;
    }
    const range = sel.getRangeAt(0);
    if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) {
      button.hidden = true;
      return;
    }
    const rects = range.getClientRects();
    const last = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
    button.hidden = false;  /* shown first: a hidden button has no offset parent */
    const box = (button.offsetParent || document.body).getBoundingClientRect();
    button.style.left = Math.max(0, last.right - box.left - button.offsetWidth) + "px";
    button.style.top = (last.bottom - box.top + 4) + "px";
  }

  /* after article.js has read the selection into the form */
  document.addEventListener("mouseup", function () { window.setTimeout(place, 0); });
  document.addEventListener("keyup", function (e) {
    if (e.shiftKey || e.key === "Shift") { window.setTimeout(place, 0); }
    if (e.key === "Escape") { button.hidden = true; }
  });
  document.addEventListener("selectionchange", function () {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed) { window.setTimeout(function () {
      if (document.activeElement !== button) { button.hidden = true; }
    }, 200); }
  });
})();
