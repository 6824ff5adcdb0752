/* Autocomplete for the merge target: the registry's JSON search fills the datalist. */
(function () {
  "use strict";
  const list = document.getElementById("source-options");
  if (!list) { return; }
  let seq = 0;
  document.addEventListener("input", function (ev) {
    const el = ev.target;
    if (!(el instanceof HTMLInputElement) || !el.classList.contains("source-input")) { return; }
    const q = el.value.trim();
    if (q.length < 2 || q.startsWith("#")) { return; }
    const mine = ++seq;
    fetch(list.dataset.search + "?q=" + encodeURIComponent(q), {
      headers: { "Accept": "application/json" }, credentials: "same-origin"
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (items) {
      if (!items || mine !== seq) { return; }
      list.replaceChildren();
      for (const s of items) {
        const o = document.createElement("option");
        o.value = "#" + s.id;
        o.label = s.name + " · " + s.kind + ((s.aliases && s.aliases.length) ? " · " + s.aliases.join(", ") : "");
        list.appendChild(o);
      }
    }).catch(function () { /* the plain text field still works */ });
  });
}());
