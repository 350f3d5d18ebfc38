// Liaison console: live transcript, gentle page refresh, answer prefill. No framework, no CDN;
// text from visitors is only ever set with textContent (never as HTML).
"use strict";

function typing() {
  const active = document.activeElement;
  if (active && ["TEXTAREA", "INPUT", "SELECT"].includes(active.tagName) && active.type !== "hidden") {
    return true;
  }
  return [...document.querySelectorAll("textarea")].some((area) => area.value.trim() !== "" && !area.defaultValue);
}

function refreshEvery() {
  const holder = document.querySelector("[data-refresh]");
  if (!holder) return;
  const seconds = Number(holder.dataset.refresh) || 15;
  setInterval(() => { if (!typing()) window.location.reload(); }, seconds * 1000);
}

function messageItem(message) {
  const item = document.createElement("li");
  item.className = `msg msg-${message.speaker}` + (message.failed ? " msg-failed" : "");
  item.dataset.id = message.id;
  const meta = document.createElement("span");
  meta.className = "meta";
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = message.label;
  const time = document.createElement("time");
  time.textContent = message.time;
  meta.append(who, " ", time);
  const text = document.createElement("p");
  text.dir = "auto";
  text.textContent = message.text;
  item.append(meta, text);
  if (message.failed) {
    const failure = document.createElement("p");
    failure.className = "failure";
    failure.textContent = message.failure;
    item.append(failure);
  }
  return item;
}

function liveTranscript() {
  const list = document.getElementById("transcript");
  if (!list || list.dataset.status !== "open") return;
  const poll = async () => {
    try {
      const response = await fetch(`${list.dataset.poll}?after=${list.dataset.after}`, {
        credentials: "same-origin", headers: { Accept: "application/json" },
      });
      if (!response.ok) return;
      const body = await response.json();
      for (const message of body.messages) {
        if (list.querySelector(`[data-id="${message.id}"]`)) continue;
        list.append(messageItem(message));
        list.dataset.after = String(Math.max(Number(list.dataset.after), message.id));
      }
      if (body.status !== "open" && !typing()) window.location.reload();
    } catch (error) {
      // The service restarting: try again at the next tick.
    }
  };
  setInterval(poll, 3000);
}

function answerPrefill() {
  const source = document.getElementById("item-texts");
  if (!source) return;
  const texts = JSON.parse(source.textContent);
  for (const form of document.querySelectorAll(".answer-form")) {
    const select = form.querySelector(".item-select");
    const area = form.querySelector("textarea");
    select.addEventListener("change", () => {
      area.value = (texts[select.value] || {})[form.dataset.lang] || "";
    });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  refreshEvery();
  liveTranscript();
  answerPrefill();
});
