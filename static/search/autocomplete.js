// Autocomplete for inputs with data-autocomplete="<url>": the ARIA 1.2 combobox pattern with a listbox.
// Progressive enhancement: without this file the form simply submits to the search page.
(function () {
  "use strict";
  var script = document.currentScript;
  var cssHref = script && script.src ? script.src.replace(/autocomplete\.js(\?.*)?$/, "autocomplete.css") : null;

  function enhance(input, index) {
    var url = input.getAttribute("data-autocomplete");
    var form = input.form;
    var listId = (input.id || "search") + "-suggestions";
    var list = document.createElement("ul");
    var status = document.createElement("div");
    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    list.id = listId;
    list.className = "hub-autocomplete";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", input.getAttribute("placeholder") || "Suggestions");
    list.hidden = true;
    status.className = "ds-sr-only";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(i) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) return;
      active = (i + options.length) % options.length;
      options.forEach(function (el, j) { el.setAttribute("aria-selected", j === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", options[active].id);
    }

    function choose(i) {
      if (items[i]) window.location.href = items[i].url;
    }

    function render(data) {
      items = data.suggestions || [];
      list.innerHTML = "";
      items.forEach(function (item, i) {
        var li = document.createElement("li");
        var title = document.createElement("span");
        var type = document.createElement("span");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        title.textContent = item.title;
        type.className = "hub-autocomplete__type";
        type.textContent = item.type;
        li.appendChild(title);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(type);
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
      } else {
        close();
      }
      // The server sends the announcement translated and pluralised ("3 forslag"); a data-count-label on the
      // input is the fallback for an endpoint without it.
      var label = input.getAttribute("data-count-label");
      status.textContent = data.status || (items.length && label ? items.length + " " + label : "");
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < 2) { close(); lastQuery = q; return; }
      if (q === lastQuery && !list.hidden) return;
      lastQuery = q;
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(q), {
        headers: { Accept: "application/json" },
        signal: controller ? controller.signal : undefined,
      })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === q) render(data); })
        .catch(function () { /* network errors leave the plain form working */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") {
        if (list.hidden) { fetchSuggestions(); return; }
        e.preventDefault();
        setActive(active + 1);
      } else if (e.key === "ArrowUp" && !list.hidden) {
        e.preventDefault();
        setActive(active - 1);
      } else if (e.key === "Enter" && !list.hidden && active >= 0) {
        e.preventDefault();
        choose(active);
      } else if (e.key === "Escape") {
        if (!list.hidden) { e.preventDefault(); close(); }
      }
    });
    input.addEventListener("blur", function () { window.setTimeout(close, 100); });
    if (form) form.addEventListener("submit", close);
  }

  function init() {
    var inputs = document.querySelectorAll("input[data-autocomplete]");
    if (!inputs.length) return;
    if (cssHref && !document.querySelector('link[href="' + cssHref + '"]')) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = cssHref;
      document.head.appendChild(link);
    }
    inputs.forEach(enhance);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
