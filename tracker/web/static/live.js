/* Actions without reloads (progressive enhancement; every form also works without this script).

   A POST form inside an element marked `data-live` (or marked itself) is sent with fetch, with the
   same fields and the header `X-Tracker-Live: 1`. The page the server answers with (after its
   redirect, or the 409/422 page with the errors) is parsed, and every element of this page marked
   `data-live-region` (it needs an id) is replaced by the one of the same id in the answer. What the
   user typed in the other forms of those regions is put back, the focus goes back to the same
   control, the scroll positions are kept, and the answer's messages (or the form's errors) are
   shown in a polite live region just after the form (or at the bottom of the window when the form
   is gone). A form opts out with `data-live="off"`. Scripts that bind to elements of a region
   listen for the `live:swapped` event on document (detail: {regions, form, status}). */
(function () {
  "use strict";

  var HIDDEN_TYPES = { hidden: true, submit: true, button: true, reset: true, image: true, file: true };
  var busy = new WeakSet();
  var sentValues = new WeakMap();  /* form -> its fields' values when sent */
  var toast = null;

  function isLive(form) {
    var marked = form.closest("[data-live]");
    return !!marked && marked.getAttribute("data-live") !== "off" &&
      (form.getAttribute("method") || "get").toLowerCase() === "post";
  }

  /* A form's identity across a swap: its id, else where it posts to. */
  function formKey(form) {
    return form.id ? "#" + form.id : "@" + form.action;
  }

  function findForm(root, key, index) {
    var forms = Array.prototype.slice.call(root.querySelectorAll("form"));
    var found = forms.filter(function (f) { return formKey(f) === key; });
    if (found.length) { return found[0]; }
    return index >= 0 && index < forms.length ? forms[index] : null;
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !HIDDEN_TYPES[el.type] && el.tagName !== "BUTTON" && el.tagName !== "FIELDSET";
    });
  }

  function isDirty(el) {
    if (el.type === "checkbox" || el.type === "radio") { return el.checked !== el.defaultChecked; }
    if (el.tagName === "SELECT") {
      return Array.prototype.some.call(el.options, function (o) { return o.selected !== o.defaultSelected; });
    }
    return el.value !== el.defaultValue;
  }

  /* What the user typed (and has not saved) in the forms of the regions; of the form sent, only
     what was typed into it while it was on its way. */
  function collectTyped(regions, sent) {
    var typed = [];
    var forms = [];
    regions.forEach(function (region) { forms.push.apply(forms, region.querySelectorAll("form")); });
    if (forms.indexOf(sent) < 0) { forms.push(sent); }
    forms.forEach(function (form) {
      var seen = {};
      var then = form === sent ? sentValues.get(form) || [] : null;
      fields(form).forEach(function (el, i) {
        var n = seen[el.name] = (seen[el.name] || 0) + 1;
        if (!isDirty(el) || (then && then[i] === el.value)) { return; }
        typed.push({
          form: formKey(form), name: el.name, nth: n - 1, value: el.value, checked: el.checked,
          version: versionOf(form),
          selected: el.tagName === "SELECT" ? Array.prototype.map.call(el.options, function (o) { return o.selected; }) : null
        });
      });
    });
    return typed;
  }

  /* A form's hidden claim-version field (`version`, or `<prefix>-version`), if it has one. */
  function versionField(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.type === "hidden" && /(^|-)version$/.test(el.name);
    })[0] || null;
  }

  /* The claim version a form was rendered with, or null. */
  function versionOf(form) {
    var field = versionField(form);
    return field && field.value !== "" ? Number(field.value) : null;
  }

  /* Words put back into a form keep the version they were typed against, unless the only change
     since was the user's own save (the claim moved from the sent form's version by at most the
     one step that save makes). Otherwise a colleague changed the claim meanwhile, and saving the
     kept words must meet the conflict view, never overwrite silently. */
  function keepVersion(form, typedAt, sentAt, saved) {
    var now = versionOf(form);
    if (typedAt === null || now === null || now === typedAt) { return; }
    var ownStep = saved && sentAt !== null && typedAt === sentAt && now === sentAt + 1;
    if (!ownStep) { versionField(form).value = String(typedAt); }
  }

  function restoreTyped(typed, sentAt, saved) {
    var done = {};
    typed.forEach(function (t) {
      var form = findForm(document, t.form, -1);
      if (!form || formKey(form) !== t.form) { return; }
      if (!done[t.form]) { done[t.form] = true; keepVersion(form, t.version, sentAt, saved); }
      var el = fields(form).filter(function (f) { return f.name === t.name; })[t.nth];
      if (!el) { return; }
      if (el.type === "checkbox" || el.type === "radio") { el.checked = t.checked; return; }
      if (el.tagName === "SELECT" && t.selected && t.selected.length === el.options.length) {
        t.selected.forEach(function (s, i) { el.options[i].selected = s; });
        return;
      }
      el.value = t.value;
    });
  }

  /* Where the focus is, as something that can be found again in the new regions. */
  function focusMark() {
    var el = document.activeElement;
    if (!el || el === document.body) { return null; }
    var button = el.tagName === "BUTTON";
    var mark = { id: el.id || null, form: el.form ? formKey(el.form) : null, name: el.name || null,
                 value: button ? el.value : null, text: button ? el.textContent.trim() : null,
                 start: null, end: null };
    try { mark.start = el.selectionStart; mark.end = el.selectionEnd; } catch (e) { /* no selection */ }
    return mark;
  }

  function refocus(mark) {
    if (!mark) { return false; }
    var el = mark.id ? document.getElementById(mark.id) : null;
    if (!el && mark.form && mark.name) {
      var form = findForm(document, mark.form, -1);
      if (form && formKey(form) === mark.form) {
        el = Array.prototype.filter.call(form.elements, function (f) {
          return f.name === mark.name && (mark.value === null || f.value === mark.value);
        })[0] || null;
      }
    }
    if (!el || !document.contains(el)) { return false; }
    el.focus({ preventScroll: true });
    if (mark.start !== null && typeof el.setSelectionRange === "function") {
      try { el.setSelectionRange(mark.start, mark.end); } catch (e) { /* not a text field */ }
    }
    return document.activeElement === el;
  }

  /* The id of the nearest ancestor with one: what a form belongs to (a queue row, the panel). */
  function container(form) {
    var box = form.parentElement && form.parentElement.closest("[id]");
    return box ? box.id : "";
  }

  /* The nearest ancestor that scrolls (the window's scrolling element when none does). */
  function scroller(el) {
    for (var node = el && el.parentElement; node; node = node.parentElement) {
      var style = window.getComputedStyle(node);
      if (/(auto|scroll)/.test(style.overflowY) && node.scrollHeight > node.clientHeight) { return node; }
    }
    return document.scrollingElement || document.documentElement;
  }

  function ensureToast() {
    if (toast && document.contains(toast)) { return toast; }
    toast = document.createElement("div");
    toast.className = "live-toast";
    toast.setAttribute("role", "status");
    toast.setAttribute("aria-live", "polite");
    (document.getElementById("main") || document.body).appendChild(toast);
    return toast;
  }

  /* An empty live region just after the form, filled a moment later so that it is read out. */
  function resultRegion(form) {
    if (!form) { return ensureToast(); }
    var next = form.nextElementSibling;
    if (next && next.classList.contains("live-result")) { return next; }
    var region = document.createElement("div");
    region.className = "live-result";
    region.setAttribute("role", "status");
    region.setAttribute("aria-live", "polite");
    form.after(region);
    return region;
  }

  /* The messages in their region, scrolled into view; then `after` (if any). */
  function show(region, messages, after) {
    window.setTimeout(function () {
      region.replaceChildren.apply(region, messages);
      if (messages.length) {
        var box = region.getBoundingClientRect();
        if (box.top < 0 || box.bottom > window.innerHeight) { region.scrollIntoView({ block: "nearest" }); }
      }
      if (after) { after(); }
    }, 50);
  }

  function message(text, category) {
    var p = document.createElement("p");
    p.className = "flash flash-" + category;
    p.textContent = text;
    return p;
  }

  function clearResults() {
    document.querySelectorAll(".live-result").forEach(function (r) { r.replaceChildren(); });
    if (toast) { toast.replaceChildren(); }
  }

  /* Swap the regions from the answer `doc`; false when it has none of them. */
  function swap(doc, form, status, moved) {
    var pairs = [];
    document.querySelectorAll("[data-live-region][id]").forEach(function (old) {
      var fresh = doc.getElementById(old.id);
      if (fresh) { pairs.push([old, fresh]); }
    });
    if (!pairs.length) { return false; }
    var olds = pairs.map(function (p) { return p[0]; });
    var inRegion = olds.some(function (r) { return r.contains(form); });
    var key = formKey(form);
    var index = -1;
    var home = olds.filter(function (r) { return r.contains(form); })[0];
    if (home) { index = Array.prototype.indexOf.call(home.querySelectorAll("form"), form); }
    var typed = collectTyped(olds, form);
    var sentAt = versionOf(form);
    var mark = focusMark();
    var before = { top: form.getBoundingClientRect().top, x: window.scrollX, y: window.scrollY };
    var tops = olds.map(function (r) { return r.scrollTop; });

    /* the answer's messages go beside the form, not at the top of the page */
    var messages = [];
    doc.querySelectorAll(".flashes .flash").forEach(function (p) {
      var category = (p.className.match(/flash-(\w+)/) || [null, "info"])[1];
      messages.push(message(p.textContent.trim(), category));
    });
    doc.querySelectorAll(".flashes").forEach(function (f) { f.remove(); });
    document.querySelectorAll(".flashes").forEach(function (f) { f.remove(); });

    var regions = pairs.map(function (p, i) {
      var fresh = document.importNode(p[1], true);
      p[0].replaceWith(fresh);
      fresh.scrollTop = moved ? 0 : tops[i];  /* another claim opened: from its top */
      return fresh;
    });
    /* a live form outside the regions (adding a claim) is swapped on its own: emptied after a
       save, or shown with its errors */
    var alone = inRegion ? null : findForm(doc, key, -1);
    if (alone && formKey(alone) === key) {
      var own = document.importNode(alone, true);
      form.replaceWith(own);
      regions.push(own);
    }
    restoreTyped(typed, sentAt, status < 400);
    var now = inRegion ? findForm(document.getElementById(home.id) || document, key, index) :
      (regions[regions.length - 1].tagName === "FORM" ? regions[regions.length - 1] : form);
    /* a form found by its place only counts when it sits in the same container (the restore
       form where the dismiss form was; not the next row's form of a queue row that left) */
    if (now && formKey(now) !== key && container(now) !== container(form)) { now = null; }
    if (status >= 400 && !messages.length && now) {
      /* the errors are in the form already: read out, not shown twice */
      now.querySelectorAll(".error").forEach(function (e) {
        var p = message(e.textContent.trim(), "error");
        p.classList.add("visually-hidden");
        messages.push(p);
      });
    }
    if (status >= 400 && !messages.length) {
      /* the form is gone (its queue row left the list): the page's alerts, where one looks */
      regions.forEach(function (region) {
        region.querySelectorAll("[role=alert]").forEach(function (alert) {
          var errors = alert.querySelectorAll(".error");
          (errors.length ? Array.prototype.slice.call(errors) : [alert]).forEach(function (e) {
            messages.push(message(e.textContent.trim(), "error"));
          });
        });
      });
    }
    var focused = refocus(mark);
    if (!focused && mark && now && mark.form === key) {
      /* (not a hidden default button that only gives the form its Enter key) */
      var buttons = Array.prototype.filter.call(now.querySelectorAll("button"), function (b) {
        return !b.hidden && b.tabIndex >= 0;
      });
      var same = mark.text === null ? now.querySelector("input:not([type=hidden]), textarea, select") :
        buttons.filter(function (b) { return b.textContent.trim() === mark.text; })[0] || buttons[0];
      if (same) { same.focus({ preventScroll: true }); focused = document.activeElement === same; }
    }
    window.scrollTo(before.x, before.y);
    if (now) {
      /* the form stays where it was on the screen, whatever changed above it */
      var shift = now.getBoundingClientRect().top - before.top;
      if (shift) { scroller(now).scrollTop += shift; }
    }
    document.dispatchEvent(new CustomEvent("live:swapped", {
      detail: { regions: regions, form: now, status: status, focused: focused }
    }));
    /* on a conflict, the conflict is what must be seen: revealed after the message is shown */
    show(resultRegion(now), messages, status !== 409 ? null : function () {
      var reveal = document.querySelector("[data-live-region] [data-live-reveal]");
      if (reveal) { reveal.scrollIntoView({ block: "nearest" }); }
    });
    return true;
  }

  /* Send the form as the browser would have, without this script. */
  function plainSubmit(form, submitter) {
    form.setAttribute("data-live-sending", "plain");
    if (submitter && submitter.form === form) { form.requestSubmit(submitter); } else { form.requestSubmit(); }
  }

  function send(form, submitter) {
    var data = new FormData(form, submitter || null);
    var multipart = (form.enctype || "").toLowerCase() === "multipart/form-data";
    busy.add(form);
    sentValues.set(form, fields(form).map(function (el) { return el.value; }));
    form.setAttribute("aria-busy", "true");
    clearResults();
    var action = submitter && submitter.hasAttribute("formaction") ? submitter.formAction : form.action;
    fetch(action, {
      method: "POST",
      body: multipart ? data : new URLSearchParams(data),
      credentials: "same-origin",
      headers: { "X-Tracker-Live": "1", "Accept": "text/html" }
    }).then(function (response) {
      return response.text().then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        busy.delete(form);
        form.removeAttribute("aria-busy");
        var here = window.location.href.split("#")[0];
        var moved = response.ok && response.redirected && response.url !== here;
        if (swap(doc, form, response.status, moved)) {
          /* where the server sent the browser (another claim, after adding one); no new
             history entry per save: Back leaves the page as it would have without this script */
          if (moved) {
            window.history.replaceState(window.history.state, "", response.url);
          }
        } else if (response.redirected && response.ok) {
          window.location.assign(response.url);
        } else {
          plainSubmit(form, submitter);  /* an error page of its own (403, 404, expired form) */
        }
      });
    }).catch(function () {
      busy.delete(form);
      form.removeAttribute("aria-busy");
      var text = document.body.getAttribute("data-live-offline") || "The server could not be reached.";
      show(resultRegion(form), [message(text, "error")]);
    });
  }

  window.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented || !isLive(form)) { return; }
    if (form.getAttribute("data-live-sending") === "plain") { form.removeAttribute("data-live-sending"); return; }
    event.preventDefault();
    if (busy.has(form)) { return; }
    send(form, event.submitter);
  });
})();
