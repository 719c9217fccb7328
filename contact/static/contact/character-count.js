// Live character count for textareas marked data-character-count. An enhancement only:
// the form works and the server checks the length without it.
(function () {
  "use strict";
  function countOf(text) {
    // Line breaks count as one character, as the server counts them.
    return text.replace(/\r\n/g, "\n").length;
  }
  document.querySelectorAll("textarea[data-character-count]").forEach(function (field) {
    var limit = parseInt(field.getAttribute("maxlength"), 10);
    if (!limit) {
      return;
    }
    var status = document.createElement("p");
    status.className = "character-count";
    status.id = field.id + "_count";
    status.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", status);
    var describedBy = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + status.id);
    var timer = null;
    function update() {
      var left = limit - countOf(field.value);
      status.textContent = left >= 0
        ? left + " of " + limit + " characters left"
        : Math.abs(left) + " characters too many";
      status.classList.toggle("character-count--over", left < 0);
    }
    field.addEventListener("input", function () {
      // Announce after a pause in typing, not on every key.
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 400);
    });
    update();
  });
})();
