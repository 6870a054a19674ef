// Progressive enhancement for method pages: a print button, and focus on the error summary after a failed post.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  var summary = document.querySelector("[data-error-summary]");
  if (summary) { summary.focus(); }
})();
