/* The map's gestures: dragging the emotion curve's points, typing scores and ratings, and
   drag and drop of phases, steps and lane items (SortableJS). Loaded before map.js, which calls
   each extension with the map element and its API (send, journeyUrl, saveScore). */
(() => {
  "use strict";

  /* The emotion curve */

  function scoreY(map, score) {
    const top = Number(map.dataset.scoreTop);
    const bottom = Number(map.dataset.scoreBottom);
    return top + ((2 - score) / 4) * (bottom - top);
  }

  function setUpPoints(map, { send, saveScore }) {
    const top = Number(map.dataset.scoreTop);
    const bottom = Number(map.dataset.scoreBottom);
    for (const point of map.querySelectorAll(".emotion-point")) {
      point.addEventListener("pointerdown", (event) => {
        event.preventDefault();
        const svg = point.ownerSVGElement;
        const original = Number(point.dataset.score);
        let score = original;
        point.setPointerCapture(event.pointerId);
        point.classList.add("dragging");
        const move = (e) => {
          const ctm = svg.getScreenCTM();
          if (!ctm) return;
          const y = (e.clientY - ctm.f) / ctm.d;
          const clamped = Math.max(top, Math.min(bottom, y));
          score = Math.round(2 - ((clamped - top) / (bottom - top)) * 4);
          point.setAttribute("cy", String(scoreY(map, score)));
          point.setAttribute("aria-valuenow", String(score));
        };
        const up = () => {
          point.removeEventListener("pointermove", move);
          point.removeEventListener("pointerup", up);
          point.removeEventListener("pointercancel", up);
          point.classList.remove("dragging");
          if (score !== original) saveScore(point, score);
        };
        point.addEventListener("pointermove", move);
        point.addEventListener("pointerup", up);
        point.addEventListener("pointercancel", up);
      });
    }
    for (const input of map.querySelectorAll(".score-input")) {
      input.addEventListener("change", () => {
        const value = input.value.trim();
        const score = Number(value);
        const label = input.closest(".score");
        label.querySelector(".editor-error")?.remove();
        if (!/^[-+]?\d$/.test(value) || score < -2 || score > 2) {
          input.setAttribute("aria-invalid", "true");
          const slot = document.createElement("span");
          slot.className = "editor-error";
          slot.setAttribute("role", "alert");
          slot.textContent = map.dataset.msgScore || "−2 … +2";
          label.appendChild(slot);
          return;
        }
        send(input.dataset.url, { score }, { keep: `.score-input[data-url="${input.dataset.url}"]` });
      });
    }
    for (const select of map.querySelectorAll(".rating-input")) {
      select.addEventListener("change", () => {
        const score = select.closest(".score").querySelector(".score-input").value;
        send(select.dataset.url, { score, rating: select.value }, { keep: `.rating-input[data-url="${select.dataset.url}"]` });
      });
    }
  }

  /* Drag and drop */

  function setUpSorting(map, { send, journeyUrl }) {
    if (!window.Sortable) return;
    window.Sortable.create(map, {
      group: "phases",
      draggable: ".phase",
      handle: ".phase-head",
      filter: ".editing, textarea, button, .editable",
      preventOnFilter: false,
      forceFallback: true,
      fallbackTolerance: 5,
      animation: 0,
      onEnd: (event) => {
        if (event.oldDraggableIndex === event.newDraggableIndex) return;
        send(`${journeyUrl()}/phases/${event.item.dataset.phaseId}/move`, { position: event.newDraggableIndex },
          { keep: `[data-phase-id="${event.item.dataset.phaseId}"].phase-head` });
      },
    });
    for (const phase of map.querySelectorAll(".phase")) {
      window.Sortable.create(phase, {
        group: "steps",
        draggable: ".step[data-step-id]",
        handle: ".step-head",
        filter: ".editing, textarea, button, .editable",
        preventOnFilter: false,
        forceFallback: true,
        fallbackTolerance: 5,
        animation: 120,
        onEnd: (event) => {
          if (event.from === event.to && event.oldDraggableIndex === event.newDraggableIndex) return;
          send(`${journeyUrl()}/steps/${event.item.dataset.stepId}/move`, {
            phase_id: event.to.dataset.phaseId,
            position: event.newDraggableIndex,
          }, { keep: `[data-step-id="${event.item.dataset.stepId}"].step-head` });
        },
      });
    }
    /* Touchpoints reorder within their step only (no shared group between steps). */
    for (const cell of map.querySelectorAll(".cell-touchpoints")) {
      window.Sortable.create(cell, {
        draggable: ".touchpoint",
        filter: ".editing, textarea, button, .touchpoint-form",
        preventOnFilter: false,
        forceFallback: true,
        fallbackTolerance: 5,
        animation: 120,
        onEnd: (event) => {
          if (event.oldDraggableIndex === event.newDraggableIndex) return;
          send(`${journeyUrl()}/touchpoints/${event.item.dataset.touchpointId}/move`, { position: event.newDraggableIndex },
            { keep: `[data-touchpoint-id="${event.item.dataset.touchpointId}"]` });
        },
      });
    }
    for (const list of map.querySelectorAll(".items")) {
      window.Sortable.create(list, {
        group: "items",
        filter: ".editing, textarea, button",
        preventOnFilter: false,
        forceFallback: true,
        fallbackTolerance: 5,
        animation: 120,
        onEnd: (event) => {
          if (event.from === event.to && event.oldIndex === event.newIndex) return;
          send(`${journeyUrl()}/items/${event.item.dataset.itemId}/move`, {
            step_id: event.to.dataset.stepId,
            lane: event.to.dataset.lane,
            position: event.newIndex,
          }, { keep: `[data-item-id="${event.item.dataset.itemId}"]` });
        },
      });
    }
  }


  window.journeykitMapExtensions = window.journeykitMapExtensions || [];
  window.journeykitMapExtensions.push(setUpPoints, setUpSorting);
})();
