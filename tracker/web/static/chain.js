/* The chain editor in place: add, remove and move hops without a round trip, and offer to
   create a source that is not in the registry. Without this script the same buttons submit
   the form and the server shows the edited chain again (nothing is saved until "Save chain"). */
(function () {
  "use strict";

  const FIELD = /^chain-hops-\d+-/;

  function labels(list) {
    try { return JSON.parse(list.dataset.labels || "{}"); } catch (err) { return {}; }
  }
  function say(text, n) { return String(text || "").replace("%(n)s", String(n)); }

  /* Give every row its place: field names and ids, labels, legends, button values. */
  function renumber(list) {
    const words = labels(list);
    const rows = Array.from(list.children);
    rows.forEach(function (row, i) {
      const n = i + 1;
      const prefix = "chain-hops-" + i + "-";
      for (const el of row.querySelectorAll("[name], [id], [for], [aria-describedby]")) {
        for (const attr of ["name", "id", "for", "aria-describedby"]) {
          const v = el.getAttribute(attr);
          if (v && FIELD.test(v)) { el.setAttribute(attr, v.replace(FIELD, prefix)); }
        }
      }
      const legend = row.querySelector(".hop-legend");
      if (legend) { legend.textContent = say(words.hop, n); }
      for (const [cls, op] of [["hop-up", "up"], ["hop-down", "down"], ["hop-remove", "remove"]]) {
        const b = row.querySelector("." + cls);
        if (!b) { continue; }
        b.value = op + "-" + n;
        b.setAttribute("aria-label", say(words[op], n));
      }
      row.querySelector(".hop-up").disabled = i === 0;
      row.querySelector(".hop-down").disabled = i === rows.length - 1;
    });
  }

  function announce(form, text) {
    const live = form.querySelector("#chain-live");
    if (live) { live.textContent = text; }
  }

  /* Show "If new, create as" only for a typed name (not a registry entry "#12 Name"). */
  function toggleNew(input) {
    const row = input.closest(".hop");
    const box = row ? row.querySelector(".hop-new") : null;
    if (!box) { return; }
    const v = input.value.trim();
    box.hidden = v === "" || v.startsWith("#");
  }

  let blank = null;  /* an empty row to clone, taken before the user changes anything */
  function prepare() {
    const form = document.getElementById("chain-form");
    if (!form) { return; }
    const first = form.querySelector(".hops > .hop");
    if (first) {
      blank = first.cloneNode(true);
      for (const el of blank.querySelectorAll("input")) { el.value = ""; el.removeAttribute("aria-invalid"); el.removeAttribute("aria-describedby"); }
      for (const el of blank.querySelectorAll("select")) { el.selectedIndex = 0; }
      for (const el of blank.querySelectorAll(".said, .choose-source, .error, .meta")) { el.remove(); }
      const kind = blank.querySelector("select[name$='-kind']:not([name$='-new_kind'])");
      if (kind) { kind.value = "reported"; }
    }
    for (const input of form.querySelectorAll(".source-input")) { toggleNew(input); }
  }

  document.addEventListener("click", function (e) {
    const button = e.target instanceof Element ? e.target.closest("button[name='chain-edit']") : null;
    const form = button ? button.closest("#chain-form") : null;
    if (!button || !form) { return; }
    const list = form.querySelector(".hops");
    const words = labels(list);
    const m = /^(add)$|^(remove|up|down)-(\d+)$/.exec(button.value);
    if (!m) { return; }
    if (m[1]) {
      if (!blank) { return; }  /* nothing to copy: let the server add the row */
      e.preventDefault();
      const row = blank.cloneNode(true);
      list.appendChild(row);
      renumber(list);
      toggleNew(row.querySelector(".source-input"));
      row.querySelector(".source-input").focus();
      announce(form, say(words.added, list.children.length));
      return;
    }
    e.preventDefault();
    const rows = Array.from(list.children);
    const i = Number(m[3]) - 1;
    const row = rows[i];
    if (!row) { return; }
    if (m[2] === "remove") {
      const next = rows[i + 1] || rows[i - 1];
      row.remove();
      renumber(list);
      const target = next ? next.querySelector(".source-input") : form.querySelector(".hop-add");
      if (target) { target.focus(); }
      announce(form, say(words.removed, i + 1));
      return;
    }
    const j = m[2] === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= rows.length) { return; }
    if (m[2] === "up") { list.insertBefore(row, rows[j]); } else { list.insertBefore(rows[j], row); }
    renumber(list);
    const same = row.querySelector(m[2] === "up" ? ".hop-up" : ".hop-down");
    (same && !same.disabled ? same : row.querySelector(".source-input")).focus();
    announce(form, say(words.moved, j + 1));
  });

  document.addEventListener("input", function (e) {
    const el = e.target;
    if (el instanceof HTMLInputElement && el.classList.contains("source-input")) { toggleNew(el); }
  });

  /* The panel is swapped in when another claim opens: prepare the new editor. */
  new MutationObserver(function () {
    const form = document.getElementById("chain-form");
    if (form && !form.dataset.ready) { form.dataset.ready = "1"; prepare(); }
  }).observe(document.body, { childList: true, subtree: true });
  const form = document.getElementById("chain-form");
  if (form) { form.dataset.ready = "1"; prepare(); }
})();
