/* Keyboard triage for the review queue: j/k move, Enter opens, v/d/u set status, r rationale, e evidence, ? help. */
(function () {
  "use strict";
  var rows = [];
  function findRows() { rows = Array.prototype.slice.call(document.querySelectorAll(".queue-row")); }
  findRows();
  var help = document.getElementById("queue-help");
  var toggle = document.getElementById("queue-help-toggle");
  var live = document.getElementById("queue-live");
  var current = -1;
  var NEEDS_RATIONALE = { verified: true, disputed: true };
  var KEY_STATUS = { v: "verified", d: "disputed", u: "unsourced" };

  function announce(text) { if (live) { live.textContent = text; } }

  function select(index) {
    if (!rows.length) { return; }
    index = Math.max(0, Math.min(rows.length - 1, index));
    if (current >= 0 && rows[current]) { rows[current].classList.remove("current"); rows[current].removeAttribute("aria-current"); }
    current = index;
    var row = rows[current];
    row.classList.add("current");
    row.setAttribute("aria-current", "true");
    row.focus();
    row.scrollIntoView({ block: "nearest" });
  }

  function toggleHelp() {
    if (!help) { return; }
    help.hidden = !help.hidden;
    if (toggle) { toggle.setAttribute("aria-expanded", help.hidden ? "false" : "true"); }
  }

  function setStatus(row, status) {
    var form = row.querySelector(".queue-status-form");
    if (!form) { return; }
    var chooser = form.querySelector(".queue-status");
    var rationale = form.querySelector(".queue-rationale");
    var was = form.getAttribute("data-status");
    chooser.value = status;
    /* a rationale belongs to its verdict: a new verdict never carries the old one */
    if (rationale && status !== was && rationale.value.trim() &&
        rationale.value.trim() === rationale.defaultValue.trim()) {
      rationale.value = "";
    }
    if (NEEDS_RATIONALE[status] && rationale && !rationale.value.trim()) {
      rationale.focus();
      announce(rationale.getAttribute("data-needs") || rationale.placeholder);
      return;
    }
    remember();
    form.requestSubmit();  /* a submit event: live.js sends it without a reload */
  }

  function remember() {
    try { window.sessionStorage.setItem("queue-position", String(current)); } catch (e) { /* storage off */ }
  }

  if (toggle) { toggle.addEventListener("click", toggleHelp); }

  document.addEventListener("click", function (event) {
    var row = event.target instanceof Element ? event.target.closest(".queue-row") : null;
    var i = rows.indexOf(row);
    if (i < 0) { return; }
    if (current >= 0 && rows[current]) { rows[current].classList.remove("current"); }
    current = i;
    row.classList.add("current");
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
    var typing = tag === "input" || tag === "textarea" || tag === "select" || (target && target.isContentEditable);
    if (typing) {
      if (event.key === "Escape" && target.classList.contains("queue-rationale")) {
        var row = target.closest(".queue-row");
        if (row) { row.focus(); }
      }
      return;
    }
    var key = event.key;
    if (key === "?") { event.preventDefault(); toggleHelp(); return; }
    if (key === "j") { event.preventDefault(); select(current + 1); return; }
    if (key === "k") { event.preventDefault(); select(current < 0 ? 0 : current - 1); return; }
    if (current < 0 || !rows[current]) {
      if (KEY_STATUS[key] || key === "r" || key === "e") { select(0); } else { return; }
    }
    var active = rows[current];
    if (KEY_STATUS[key]) { event.preventDefault(); setStatus(active, KEY_STATUS[key]); return; }
    if (key === "r") {
      event.preventDefault();
      var field = active.querySelector(".queue-rationale");
      if (field) { field.focus(); }
      return;
    }
    if (key === "Enter" && target === active) {
      /* Enter on the chosen row opens its claim, as its link does */
      var link = active.querySelector("td a");
      if (link) { event.preventDefault(); remember(); link.click(); }
      return;
    }
    if (key === "e") {
      var href = active.getAttribute("data-evidence-href");
      if (href) { event.preventDefault(); window.location.assign(href); }
    }
  });

  var currentId = null;
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("queue-status-form")) { return; }
    var row = form.closest(".queue-row");
    if (row) { current = rows.indexOf(row); currentId = row.id; }
    remember();
  });

  /* after a save without a reload (live.js): the same row stays chosen, or the one that took the
     place of a row that left the list; the focus goes to it when it had nowhere else to go */
  document.addEventListener("live:swapped", function (event) {
    findRows();
    if (!rows.length) { current = -1; return; }
    var same = currentId ? rows.findIndex(function (r) { return r.id === currentId; }) : -1;
    var index = same >= 0 ? same : Math.min(Math.max(current, 0), rows.length - 1);
    var active = document.activeElement;
    if (current < 0 && (event.detail && event.detail.focused)) { return; }
    if (!active || active === document.body || !document.contains(active)) {
      current = -1;
      select(index);
    } else {
      current = index;
      rows[index].classList.add("current");
      rows[index].setAttribute("aria-current", "true");
    }
    currentId = rows[current] ? rows[current].id : null;
  });

  if (window.location.hash.indexOf("#claim-") === 0) {
    var start = rows.findIndex(function (r) { return "#" + r.id === window.location.hash; });
    var stored = null;
    try { stored = window.sessionStorage.getItem("queue-position"); window.sessionStorage.removeItem("queue-position"); } catch (e) { /* storage off */ }
    if (start < 0 && stored !== null && rows.length) { start = Math.min(parseInt(stored, 10) || 0, rows.length - 1); }
    if (start >= 0) { select(start); }
  }
})();
