/* The journey map's edits in place: inline text editing, drag and drop (SortableJS), the
   keyboard, and the emotion curve's points. Every change is one POST naming the revision it
   is based on; the server answers with the re-rendered map (or a conflict / a field error). */
(() => {
  "use strict";

  const mapEl = () => document.getElementById("map");
  const journeyUrl = () => `/journeys/${mapEl().dataset.journeyId}`;

  function notice(html) {
    const area = document.getElementById("notice");
    if (area) {
      area.innerHTML = html;
      if (window.htmx) window.htmx.process(area);
    }
  }

  function plainText(html) {
    // A parsed document runs no scripts and loads nothing, unlike an element's innerHTML.
    return new DOMParser().parseFromString(html, "text/html").body.textContent.trim();
  }

  /* Which element had the focus, so it can get it back after the map is re-rendered. */
  function focusKey() {
    const el = document.activeElement;
    if (!el || !mapEl() || !mapEl().contains(el)) return null;
    for (const attr of ["data-item-id", "data-touchpoint-id", "data-step-id", "data-phase-id"]) {
      const owner = el.closest(`[${attr}]`);
      if (owner) {
        const extra = el.classList.contains("emotion-point")
          ? `[data-persona-id="${el.dataset.personaId}"].emotion-point`
          : owner.matches(".step-head") ? ".step-head" : owner.matches(".phase-head") ? ".phase-head" : "";
        const selector = `[${attr}="${owner.getAttribute(attr)}"]${extra}`;
        return selector;
      }
    }
    return null;
  }

  function replaceMap(html, keep) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const fresh = doc.getElementById("map");
    const old = mapEl();
    if (!fresh || !old) return;
    fresh.removeAttribute("hx-swap-oob");
    const adopted = document.importNode(fresh, true);
    old.replaceWith(adopted);
    if (window.htmx) window.htmx.process(adopted);
    setUp();
    if (keep) {
      const target = adopted.querySelector(keep);
      if (target) target.focus({ preventScroll: true });
    }
  }

  /* POST ``values`` to ``url`` on top of the map's revision. */
  async function send(url, values, options = {}) {
    const map = mapEl();
    const keep = options.keep === undefined ? focusKey() : options.keep;
    const body = new URLSearchParams({ base_revision: map.dataset.revision, ...values });
    map.classList.add("saving");
    let response;
    try {
      response = await fetch(url, {
        method: "POST",
        body,
        headers: { "HX-Request": "true", Accept: "text/html" },
      });
    } catch (error) {
      map.classList.remove("saving");
      notice(`<div class="notice notice-error" role="alert">${map.dataset.msgFailed}</div>`);
      return false;
    }
    const html = await response.text();
    if (response.ok) {
      notice("");
      replaceMap(html, keep);
      return true;
    }
    map.classList.remove("saving");
    if (response.status === 409) {
      // The conflict notice keeps the user's text; the map beneath shows the current version.
      const doc = new DOMParser().parseFromString(html, "text/html");
      const fresh = doc.getElementById("map");
      if (fresh) {
        fresh.remove();
        replaceMap(fresh.outerHTML, null);
      }
      notice(doc.body.innerHTML);
      return false;
    }
    if (response.status === 422 && options.onFieldError) {
      options.onFieldError(plainText(html));
      return false;
    }
    notice(html.includes("notice") ? html : `<div class="notice notice-error" role="alert">${plainText(html)}</div>`);
    return false;
  }

  /* Inline editors */

  function autosize(area) {
    area.style.height = "auto";
    area.style.height = `${area.scrollHeight}px`;
  }

  function editorError(area, message) {
    let slot = area.parentElement.querySelector(".editor-error");
    if (!slot) {
      slot = document.createElement("span");
      slot.className = "editor-error";
      slot.setAttribute("role", "alert");
      area.after(slot);
    }
    slot.textContent = message;
    area.setAttribute("aria-invalid", "true");
    area.dataset.error = "1";
  }

  function openEditor(host, { value, placeholder, onSave, onCancel }) {
    const area = document.createElement("textarea");
    area.className = "inline-editor";
    area.rows = 1;
    area.value = value;
    if (placeholder) area.placeholder = placeholder;
    host.appendChild(area);
    autosize(area);
    area.focus();
    area.select();
    let busy = false;
    const save = async () => {
      if (busy) return;
      const text = area.value.trim();
      if (text === value.trim()) { onCancel(); return; }
      busy = true;
      await onSave(text, (message) => { busy = false; editorError(area, message); area.focus(); });
    };
    area.addEventListener("input", () => autosize(area));
    area.addEventListener("keydown", (event) => {
      event.stopPropagation();
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); save(); }
      if (event.key === "Escape") { event.preventDefault(); busy = true; onCancel(); }
    });
    area.addEventListener("blur", () => {
      if (busy || area.dataset.error) return;
      save();
    });
    return area;
  }

  function editUrl(editable) {
    if (editable.dataset.editUrl) return editable.dataset.editUrl;
    const item = editable.closest("[data-item-id]");
    return `${journeyUrl()}/items/${item.dataset.itemId}`;
  }

  function startEdit(editable) {
    if (editable.classList.contains("editing")) return;
    const original = editable.textContent.trim();
    const owner = editable.closest(".item, .step-head, .phase-head, .touchpoint");
    editable.classList.add("editing");
    editable.textContent = "";
    openEditor(editable, {
      value: original,
      onSave: (text, fail) => send(editUrl(editable), { [editable.dataset.field]: text }, { onFieldError: fail, keep: focusSelector(owner) }),
      onCancel: () => {
        editable.classList.remove("editing");
        editable.textContent = original;
        if (owner) owner.focus({ preventScroll: true });
      },
    });
  }

  function focusSelector(owner) {
    if (!owner) return null;
    if (owner.dataset.itemId) return `[data-item-id="${owner.dataset.itemId}"]`;
    if (owner.dataset.touchpointId) return `[data-touchpoint-id="${owner.dataset.touchpointId}"]`;
    if (owner.matches(".step-head")) return `[data-step-id="${owner.dataset.stepId}"].step-head`;
    if (owner.matches(".phase-head")) return `[data-phase-id="${owner.dataset.phaseId}"].phase-head`;
    return null;
  }

  function addItem(button) {
    const list = button.parentElement.querySelector(".items");
    const item = document.createElement("li");
    item.className = "item editing";
    list.appendChild(item);
    const url = `${journeyUrl()}/steps/${list.dataset.stepId}/lanes/${list.dataset.lane}`;
    openEditor(item, {
      value: "",
      placeholder: mapEl().dataset.msgNewItem,
      onSave: (text, fail) => {
        if (!text) { item.remove(); return Promise.resolve(false); }
        return send(url, { text }, { onFieldError: fail, keep: null });
      },
      onCancel: () => { item.remove(); button.focus(); },
    });
  }

  function addStep(button) {
    const head = button.closest(".phase-head") || button.closest(".step-head");
    const pop = document.createElement("div");
    pop.className = "popover";
    head.appendChild(pop);
    openEditor(pop, {
      value: "",
      placeholder: mapEl().dataset.msgNewStep,
      onSave: (title, fail) => {
        if (!title) { pop.remove(); return Promise.resolve(false); }
        return send(`${journeyUrl()}/steps`, { phase_id: button.dataset.phaseId, title }, { onFieldError: fail, keep: null });
      },
      onCancel: () => { pop.remove(); button.focus(); },
    });
  }

  function addTouchpoint(button) {
    const cell = button.closest(".cell");
    if (cell.querySelector(".touchpoint-form")) return;
    const form = document.getElementById("touchpoint-form").content.firstElementChild.cloneNode(true);
    button.before(form);
    const name = form.querySelector("[name=name]");
    name.focus();
    const close = () => { form.remove(); button.focus(); };
    form.querySelector("[data-cancel]").addEventListener("click", close);
    form.addEventListener("keydown", (event) => { event.stopPropagation(); if (event.key === "Escape") close(); });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const values = Object.fromEntries(new FormData(form).entries());
      form.querySelector(".editor-error")?.remove();
      send(button.dataset.addUrl, values, {
        keep: null,
        onFieldError: (message) => {
          const slot = document.createElement("span");
          slot.className = "editor-error";
          slot.setAttribute("role", "alert");
          slot.textContent = message;
          form.appendChild(slot);
          name.focus();
        },
      });
    });
  }

  /* Moves */

  function stepColumns() {
    return [...mapEl().querySelectorAll(".step[data-step-id]")];
  }

  function moveItem(item, direction) {
    const list = item.closest(".items");
    const index = [...list.children].indexOf(item);
    if (direction === "up" || direction === "down") {
      const position = index + (direction === "up" ? -1 : 1);
      if (position < 0 || position >= list.children.length) return;
      send(`${journeyUrl()}/items/${item.dataset.itemId}/move`, { step_id: list.dataset.stepId, lane: list.dataset.lane, position });
      return;
    }
    const columns = stepColumns();
    const here = columns.findIndex((c) => c.dataset.stepId === list.dataset.stepId);
    const there = columns[here + (direction === "left" ? -1 : 1)];
    if (!there) return;
    const target = there.querySelector(`.items[data-lane="${list.dataset.lane}"]`);
    send(`${journeyUrl()}/items/${item.dataset.itemId}/move`, { step_id: there.dataset.stepId, lane: list.dataset.lane, position: target ? target.children.length : 0 });
  }

  function moveStep(head, direction) {
    const column = head.closest(".step");
    const phase = column.closest(".phase");
    const siblings = [...phase.querySelectorAll(".step[data-step-id]")];
    const index = siblings.indexOf(column);
    const phases = [...mapEl().querySelectorAll(".phase")];
    const phaseIndex = phases.indexOf(phase);
    let targetPhase = phase;
    let position = index + (direction === "left" ? -1 : 1);
    if (position < 0) {
      targetPhase = phases[phaseIndex - 1];
      if (!targetPhase) return;
      position = targetPhase.querySelectorAll(".step[data-step-id]").length;
    } else if (position >= siblings.length) {
      targetPhase = phases[phaseIndex + 1];
      if (!targetPhase) return;
      position = 0;
    }
    send(`${journeyUrl()}/steps/${column.dataset.stepId}/move`, { phase_id: targetPhase.dataset.phaseId, position });
  }

  function moveTouchpoint(card, direction) {
    if (direction !== "up" && direction !== "down") return;
    const cards = [...card.parentElement.querySelectorAll(".touchpoint[data-touchpoint-id]")];
    const position = cards.indexOf(card) + (direction === "up" ? -1 : 1);
    if (position < 0 || position >= cards.length) return;
    send(`${journeyUrl()}/touchpoints/${card.dataset.touchpointId}/move`, { position });
  }

  function movePhase(head, direction) {
    const phases = [...mapEl().querySelectorAll(".phase")];
    const index = phases.indexOf(head.closest(".phase"));
    const position = index + (direction === "left" ? -1 : 1);
    if (position < 0 || position >= phases.length) return;
    send(`${journeyUrl()}/phases/${head.dataset.phaseId}/move`, { position });
  }

  const ARROWS = { ArrowUp: "up", ArrowDown: "down", ArrowLeft: "left", ArrowRight: "right" };

  function onKey(event) {
    const target = event.target;
    if (target.closest("textarea, input")) return;
    const direction = ARROWS[event.key];
    if (target.classList.contains("emotion-point")) {
      let score = Number(target.dataset.score);
      if (event.key === "ArrowUp" || event.key === "ArrowRight") score += 1;
      else if (event.key === "ArrowDown" || event.key === "ArrowLeft") score -= 1;
      else if (event.key === "Home") score = 2;
      else if (event.key === "End") score = -2;
      else return;
      event.preventDefault();
      score = Math.max(-2, Math.min(2, score));
      if (score !== Number(target.dataset.score)) saveScore(target, score);
      return;
    }
    const item = target.closest(".item[data-item-id]");
    const card = target.matches(".touchpoint[data-touchpoint-id]") ? target : null;
    if (card) {
      if (event.key === "Enter" || event.key === "F2") { event.preventDefault(); startEdit(card.querySelector(".tp-name")); }
      else if (event.key === "Delete" || event.key === "Backspace") { event.preventDefault(); send(card.querySelector(".tp-delete").dataset.deleteUrl, {}, { keep: null }); }
      else if (direction && event.altKey) { event.preventDefault(); moveTouchpoint(card, direction); }
      return;
    }
    const stepHead = target.matches(".step-head") ? target : null;
    const phaseHead = target.matches(".phase-head") ? target : null;
    if (event.key === "Enter" || event.key === "F2") {
      const editable = (item || stepHead || phaseHead)?.querySelector(".editable");
      if (editable && target === (item || stepHead || phaseHead)) { event.preventDefault(); startEdit(editable); }
      return;
    }
    if ((event.key === "Delete" || event.key === "Backspace") && item && target === item) {
      event.preventDefault();
      send(`${journeyUrl()}/items/${item.dataset.itemId}/delete`, {}, { keep: null });
      return;
    }
    if (!direction || !event.altKey) return;
    if (item && target === item) { event.preventDefault(); moveItem(item, direction); }
    else if (stepHead && (direction === "left" || direction === "right")) { event.preventDefault(); moveStep(stepHead, direction); }
    else if (phaseHead && (direction === "left" || direction === "right")) { event.preventDefault(); movePhase(phaseHead, direction); }
  }

  function onClick(event) {
    const target = event.target;
    const editable = target.closest(".editable");
    if (editable && !editable.classList.contains("editing") && !target.closest(".touchpoint-form")) { startEdit(editable); return; }
    const addTouchpointButton = target.closest(".add-touchpoint");
    if (addTouchpointButton) { addTouchpoint(addTouchpointButton); return; }
    const deleteTouchpoint = target.closest(".tp-delete");
    if (deleteTouchpoint) { send(deleteTouchpoint.dataset.deleteUrl, {}, { keep: null }); return; }
    const addItemButton = target.closest(".add-item");
    if (addItemButton) { addItem(addItemButton); return; }
    const addStepButton = target.closest(".add-step");
    if (addStepButton) { addStep(addStepButton); return; }
    const deleteItem = target.closest(".item-delete");
    if (deleteItem) {
      const item = deleteItem.closest(".item");
      send(`${journeyUrl()}/items/${item.dataset.itemId}/delete`, {}, { keep: null });
      return;
    }
    const deleteStep = target.closest(".delete-step");
    if (deleteStep) {
      if (window.confirm(mapEl().dataset.msgConfirmStep)) send(deleteStep.dataset.deleteUrl, {}, { keep: null });
      return;
    }
    const deletePhase = target.closest(".delete-phase");
    if (deletePhase) {
      if (deletePhase.dataset.hasSteps === "0" || window.confirm(mapEl().dataset.msgConfirmPhase)) {
        send(deletePhase.dataset.deleteUrl, {}, { keep: null });
      }
    }
  }

  function saveScore(point, score) {
    return send(`${journeyUrl()}/steps/${point.dataset.stepId}/emotions/${point.dataset.personaId}`, { score },
      { keep: `.emotion-point[data-step-id="${point.dataset.stepId}"][data-persona-id="${point.dataset.personaId}"]` });
  }

  /* Forms and labels outside the map follow the revision it shows. */
  function syncRevision(map) {
    for (const input of document.querySelectorAll("input[data-base]")) input.value = map.dataset.revision;
    const label = document.getElementById("journey-revision");
    if (label && map.dataset.msgRevision) label.textContent = map.dataset.msgRevision.replace("{number}", map.dataset.revision);
  }

  function setUp() {
    const map = mapEl();
    if (!map) return;
    syncRevision(map);
    if (map.dataset.ready) return;
    map.dataset.ready = "1";
    map.addEventListener("keydown", onKey);
    map.addEventListener("click", onClick);
    for (const extend of window.journeykitMapExtensions || []) extend(map, api);
  }

  const api = { send, journeyUrl, saveScore };
  window.journeykitMap = api;

  document.addEventListener("DOMContentLoaded", setUp);
  document.addEventListener("htmx:afterSettle", setUp);
  if (document.readyState !== "loading") setUp();
})();
