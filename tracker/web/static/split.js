/* Splitting a claim: "Use the selected words" puts the words selected in the claim's quote
   (or in the article) into a part's field. Without this script the words are typed or copied. */
(function () {
  "use strict";

  let selected = "";
  document.addEventListener("selectionchange", function () {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) { return; }
    const node = sel.getRangeAt(0).commonAncestorContainer;
    const el = node instanceof Element ? node : node.parentElement;
    if (el && el.closest(".claim-panel .exact, #article-body")) {
      selected = sel.toString().replace(/\s+/g, " ").trim();
    }
  });

  function ready() {
    for (const b of document.querySelectorAll(".split-form .use-selection")) { b.hidden = false; }
  }

  document.addEventListener("click", function (e) {
    const b = e.target instanceof Element ? e.target.closest(".use-selection") : null;
    if (!b) { return; }
    const input = document.getElementById(b.dataset.for || "");
    if (!input || !selected) { return; }
    input.value = selected;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.focus();
  });

  new MutationObserver(ready).observe(document.body, { childList: true, subtree: true });
  ready();
})();
