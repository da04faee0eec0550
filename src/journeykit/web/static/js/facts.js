/* The facts page: ask before a delete is sent, and open the form a link points at. */
(() => {
  "use strict";

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  /* "#new-measures" in the address opens that form (links from the map and the matrix). */
  function openTarget() {
    const target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
    if (target instanceof HTMLDetailsElement) target.open = true;
    const field = document.querySelector(".fact-form .has-error input, .fact-form .has-error select, .fact-form .has-error textarea");
    if (field) field.focus();
  }

  window.addEventListener("hashchange", openTarget);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", openTarget);
  else openTarget();
})();
