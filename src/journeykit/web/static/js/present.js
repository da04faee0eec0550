/* The presentation: one step at a time, with the keyboard (← → step, ↑ ↓ phase, Home/End,
   Escape), buttons, the phase strip and the Fullscreen API where the browser has it. Without
   this script every step shows one below the other, which works too. */
(() => {
  "use strict";

  function setUp() {
    const root = document.getElementById("present");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "1";
    const slides = Array.from(root.querySelectorAll(".slide"));
    if (!slides.length) return;
    root.classList.add("js");
    const counter = root.querySelector(".present-counter");
    const marker = root.querySelector(".curve-marker");
    const phaseLinks = Array.from(root.querySelectorAll(".present-phases a"));
    const previous = root.querySelector('[data-go="previous"]');
    const next = root.querySelector('[data-go="next"]');
    const fullscreen = root.querySelector(".present-fullscreen");
    let current = 0;

    function show(index) {
      current = Math.max(0, Math.min(slides.length - 1, index));
      slides.forEach((slide, i) => {
        slide.hidden = i !== current;
        if (i === current) slide.setAttribute("aria-current", "step");
        else slide.removeAttribute("aria-current");
      });
      const slide = slides[current];
      if (counter) counter.textContent = root.dataset.msgStep.replace("{number}", String(current + 1));
      if (marker) marker.style.left = `calc(.4rem + (100% - .8rem) * ${current / slides.length})`;
      if (marker) marker.style.width = `calc((100% - .8rem) / ${slides.length})`;
      for (const link of phaseLinks) {
        if (link.dataset.phaseIndex === slide.dataset.phaseIndex) link.setAttribute("aria-current", "true");
        else link.removeAttribute("aria-current");
      }
      if (previous) previous.disabled = current === 0;
      if (next) next.disabled = current === slides.length - 1;
      history.replaceState(null, "", `#slide-${current + 1}`);
    }

    /* The first step of the phase ``direction`` phases away (-1: this phase's start first). */
    function phaseStart(direction) {
      const phase = slides[current].dataset.phaseIndex;
      if (direction > 0) {
        const found = slides.findIndex((s, i) => i > current && s.dataset.phaseIndex !== phase);
        return found === -1 ? slides.length - 1 : found;
      }
      const start = slides.findIndex((s) => s.dataset.phaseIndex === phase);
      if (start < current) return start;
      if (start === 0) return 0;
      const before = slides[start - 1].dataset.phaseIndex;
      return slides.findIndex((s) => s.dataset.phaseIndex === before);
    }

    function exit() {
      if (document.fullscreenElement) { document.exitFullscreen(); return; }
      if (root.dataset.exitUrl) window.location.href = root.dataset.exitUrl;
    }

    document.addEventListener("keydown", (event) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target.closest && event.target.closest("input, textarea, select")) return;
      const moves = {
        ArrowRight: () => current + 1, PageDown: () => current + 1, " ": () => current + 1,
        ArrowLeft: () => current - 1, PageUp: () => current - 1,
        ArrowDown: () => phaseStart(1), ArrowUp: () => phaseStart(-1),
        Home: () => 0, End: () => slides.length - 1,
      };
      if (event.key === "Escape") { exit(); return; }
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      show(move());
    });
    if (previous) previous.addEventListener("click", () => show(current - 1));
    if (next) next.addEventListener("click", () => show(current + 1));
    for (const link of phaseLinks) {
      link.addEventListener("click", (event) => {
        event.preventDefault();
        show(Number(link.getAttribute("href").replace("#slide-", "")) - 1);
      });
    }
    if (fullscreen && document.fullscreenEnabled && root.requestFullscreen) {
      fullscreen.hidden = false;
      fullscreen.addEventListener("click", () => {
        if (document.fullscreenElement) document.exitFullscreen();
        else root.requestFullscreen().catch(() => { fullscreen.hidden = true; });
      });
      document.addEventListener("fullscreenchange", () => {
        fullscreen.textContent = document.fullscreenElement ? root.dataset.msgExitFullscreen : root.dataset.msgFullscreen;
      });
    }
    const fromHash = /^#slide-(\d+)$/.exec(window.location.hash);
    show(fromHash ? Number(fromHash[1]) - 1 : 0);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
