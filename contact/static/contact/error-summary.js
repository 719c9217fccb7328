// After a failed submit, move focus (and so the view) to the error summary: on a phone the form sits
// below the clinic's address, and the errors would otherwise be off screen. The summary is marked
// `autofocus` too, which most browsers honour without this script; this covers the others.
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
})();
