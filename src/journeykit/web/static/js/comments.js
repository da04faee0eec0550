/* Comments on the map: a badge on every step and lane item (the count, open threads marked),
   and the side panel with the threads of one step or item, loaded with htmx. The map itself
   is rendered once per revision; the badges come from the API, so a comment needs no new
   revision and no re-rendered map. Load this before map.js: it registers a map extension. */
(() => {
  "use strict";

  const panel = () => document.getElementById("comments-panel");

  function badge(target, counts, label) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "comment-badge";
    button.dataset.commentTarget = target;
    const entry = counts[target];
    const icon = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    icon.setAttribute("class", "icon");
    icon.setAttribute("viewBox", "0 0 24 24");
    icon.setAttribute("aria-hidden", "true");
    const use = document.createElementNS("http://www.w3.org/2000/svg", "use");
    use.setAttribute("href", panel().dataset.sprite + "#message-circle");
    icon.appendChild(use);
    button.appendChild(icon);
    if (entry) {
      button.classList.add("has-comments");
      if (entry.open) button.classList.add("has-open");
      button.appendChild(document.createTextNode(String(entry.comments)));
      button.setAttribute("aria-label", panel().dataset.msgBadge
        .replace("{count}", entry.comments).replace("{open}", entry.open));
    } else {
      button.setAttribute("aria-label", label);
    }
    button.tabIndex = entry ? 0 : -1;
    return button;
  }

  async function decorate(map) {
    const side = panel();
    if (!map || !side) return;
    let counts = {};
    try {
      const answer = await fetch(`/api/v1/journeys/${map.dataset.journeyId}/comments/counts`, { headers: { Accept: "application/json" } });
      if (answer.ok) counts = await answer.json();
    } catch (error) {
      return;
    }
    for (const old of map.querySelectorAll(".comment-badge")) old.remove();
    const total = document.querySelector("[data-open-threads]");
    if (total) {
      const open = Object.values(counts).reduce((sum, entry) => sum + entry.open, 0);
      total.textContent = String(open);
      total.hidden = open === 0;
    }
    const label = side.dataset.msgOpen;
    for (const head of map.querySelectorAll(".step-head[data-step-id]")) {
      head.querySelector(".step-top").appendChild(badge(`step:${head.dataset.stepId}`, counts, label));
    }
    for (const item of map.querySelectorAll(".item[data-item-id]")) {
      item.appendChild(badge(`item:${item.dataset.itemId}`, counts, label));
    }
  }

  let opener = null;

  function close() {
    const side = panel();
    side.hidden = true;
    // Back to where the person was, if the map still has it (an edit may have replaced it).
    const back = opener && document.querySelector(`.comment-badge[data-comment-target="${opener}"]`);
    if (back) back.closest(".item, .step-head").focus();
  }

  function open(target) {
    const side = panel();
    opener = target;
    side.hidden = false;
    const url = `/journeys/${side.dataset.journeyId}/comments?target=${encodeURIComponent(target)}`;
    window.htmx.ajax("GET", url, { target: "#comments-panel", swap: "innerHTML" }).then(() => {
      const field = side.querySelector("#new-comment");
      if (field) field.focus();
    });
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest(".comment-badge");
    if (button) { event.preventDefault(); event.stopPropagation(); open(button.dataset.commentTarget); return; }
    if (event.target.closest(".comments-close")) close();
  }, true);
  document.addEventListener("keydown", (event) => {
    const side = panel();
    if (!side) return;
    if (event.key === "Escape" && !side.hidden && side.contains(event.target)) { close(); return; }
    // "c" on a focused step or item opens its comments (items without any have no tab stop).
    if (event.key !== "c" || event.altKey || event.ctrlKey || event.metaKey) return;
    const owner = event.target.closest && event.target.closest(".item[data-item-id], .step-head[data-step-id]");
    if (!owner || owner !== event.target) return;
    event.preventDefault();
    open(owner.dataset.itemId ? `item:${owner.dataset.itemId}` : `step:${owner.dataset.stepId}`);
  });
  document.body.addEventListener("journeykit:comments-changed", () => {
    const map = document.getElementById("map");
    if (map) decorate(map);
  });
  window.journeykitMapExtensions = [...(window.journeykitMapExtensions || []), (map) => { decorate(map); }];
  window.journeykitComments = { open, decorate };
})();
