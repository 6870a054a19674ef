// Course progress remembered in this browser only (localStorage); no account, nothing sent anywhere.
// Without JavaScript (or storage) the course works the same, just without ticks and "continue".
(function () {
  "use strict";
  var layout = document.querySelector("[data-course-key]");
  if (!layout) { return; }
  var key = layout.getAttribute("data-course-key");
  var storage;
  try { storage = window.localStorage; storage.getItem(key); } catch (e) { return; }

  function load() {
    try { return JSON.parse(storage.getItem(key)) || []; } catch (e) { return []; }
  }
  var visited = load();
  var current = layout.getAttribute("data-course-step");
  if (current && visited.indexOf(current) === -1) {
    visited.push(current);
    try { storage.setItem(key, JSON.stringify(visited)); } catch (e) { /* storage full or blocked */ }
  }

  var toc = document.querySelector("[data-course-toc]");
  if (!toc) { return; }
  var steps = toc.querySelectorAll("[data-step]");
  var done = 0;
  var firstOpen = null;
  steps.forEach(function (item) {
    var id = item.getAttribute("data-step");
    if (visited.indexOf(id) !== -1) {
      done += 1;
      item.classList.add("is-visited");
      var mark = document.createElement("span");
      mark.className = "ds-sr-only";
      mark.textContent = " (" + toc.getAttribute("data-visited-label") + ")";
      item.appendChild(mark);
    } else if (!firstOpen) {
      firstOpen = item.querySelector("a");
    }
  });

  var progress = document.querySelector("[data-course-progress]");
  if (progress && steps.length) {
    var template = progress.getAttribute("data-template") || "{done} / {total}";
    progress.textContent = template.replace("{done}", done).replace("{total}", steps.length);
    progress.hidden = false;
  }
  var cont = document.querySelector("[data-course-continue]");
  if (cont && done > 0 && firstOpen) {
    cont.href = firstOpen.href;
    cont.textContent = cont.getAttribute("data-continue-label");
  }
})();
