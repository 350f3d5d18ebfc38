// Liaison web chat: talks to Rasa's socket.io channel (session persistence on).
// Every text from the bot or the user goes into the page as text, never as HTML; only the bot's
// own messages get clickable links, built as elements from URLs it wrote.
"use strict";

(function () {
  // code → { name, dir, letters, strings }: the languages, their direction, the letters only
  // each writes and the page's words, from the server's config.json (one catalog, CLDR and
  // common/languages.py on the server; no table here).
  let LANGUAGES = new Map();
  const KEYS = { session: "liaison.session", history: "liaison.history", language: "liaison.language" };
  const MAX_HISTORY = 200;
  const LINK = /\b(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]])/g;

  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const picker = document.getElementById("language");
  const status = document.getElementById("status");

  function load(key, fallback) {
    try {
      const value = localStorage.getItem(key);
      return value === null ? fallback : JSON.parse(value);
    } catch (_error) {
      return fallback;
    }
  }

  function save(key, value) {
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch (_error) {
      // Private mode or full storage: the chat still works, it just won't survive a reload.
    }
  }

  let history = load(KEYS.history, []);
  let language = load(KEYS.language, null);

  function useLanguages(config) {
    LANGUAGES = new Map();
    picker.replaceChildren();
    for (const entry of config.languages) {
      LANGUAGES.set(entry.code, entry);
      const option = document.createElement("option");
      option.value = entry.code;
      option.lang = entry.code;
      option.textContent = entry.name;
      picker.append(option);
    }
    if (!LANGUAGES.has(language)) {
      const preferred = (navigator.language || "").slice(0, 2);
      language = LANGUAGES.has(preferred) ? preferred : config.defaultLanguage;
    }
  }

  function applyLanguage(code) {
    const { strings, dir } = LANGUAGES.get(code);
    document.documentElement.lang = code;
    document.documentElement.dir = dir;
    document.querySelectorAll("[data-i18n]").forEach((element) => {
      element.textContent = strings[element.dataset.i18n];
    });
    document.title = strings.title;
    input.placeholder = strings.placeholder;
    // The labels a screen reader speaks, in the page's language too.
    input.setAttribute("aria-label", strings.message);
    picker.setAttribute("aria-label", strings.language);
    followTyping();
    picker.value = code;
    setStatus(status.dataset.state);
  }

  // Empty, the box reads in the conversation's direction; once typed in, in the text's own.
  function followTyping() {
    input.dir = input.value ? "auto" : document.documentElement.dir;
  }

  function setStatus(state) {
    status.dataset.state = state;
    const strings = LANGUAGES.has(language) ? LANGUAGES.get(language).strings : {};
    status.title = strings[state === "online" ? "online" : "offline"] || "";
    status.setAttribute("aria-label", status.title);
  }

  // Text with the bot's URLs turned into links; everything else stays text.
  function appendWithLinks(element, text) {
    let last = 0;
    for (const match of text.matchAll(LINK)) {
      element.append(text.slice(last, match.index));
      const link = document.createElement("a");
      link.href = match[1];
      link.textContent = match[1];
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      element.append(link);
      last = match.index + match[1].length;
    }
    element.append(text.slice(last));
  }

  // The language a text is written in when it holds a letter only that language writes (the
  // server's list, from common/languages.py), else nothing: the bubble then follows the page.
  function languageOf(text) {
    for (const [code, entry] of LANGUAGES) {
      if (entry.letters && [...entry.letters].some((letter) => text.includes(letter))) return code;
    }
    return null;
  }

  function render(entry) {
    if (entry.text) {
      const item = document.createElement("li");
      item.className = `message ${entry.from}`;
      item.dir = "auto";
      const written = languageOf(entry.text);
      if (written) item.lang = written;
      if (entry.from === "bot") appendWithLinks(item, entry.text);
      else item.textContent = entry.text;
      log.append(item);
    }
    if (entry.buttons && entry.buttons.length) {
      const list = document.createElement("li");
      list.className = "quick-replies";
      for (const button of entry.buttons) {
        const element = document.createElement("button");
        element.type = "button";
        element.dir = "auto";
        element.textContent = button.title;
        element.disabled = Boolean(entry.used);
        element.addEventListener("click", () => {
          entry.used = true;
          list.querySelectorAll("button").forEach((b) => (b.disabled = true));
          send(button.payload, button.title);
        });
        list.append(element);
      }
      log.append(list);
    }
    log.scrollTop = log.scrollHeight;
  }

  function remember(entry) {
    history.push(entry);
    history = history.slice(-MAX_HISTORY);
    save(KEYS.history, history);
    render(entry);
  }

  let socket = null;
  let sessionId = load(KEYS.session, null);

  // shown: what the user sees in their bubble (a button's title), or nothing for silent commands.
  function send(message, shown) {
    if (!socket || !sessionId) return false;
    socket.emit("user_uttered", { message, session_id: sessionId });
    if (shown) remember({ from: "user", text: shown });
    return true;
  }

  function receive(payload) {
    const buttons = (payload.quick_replies || payload.buttons || []).map((b) => ({
      title: String(b.title),
      payload: String(b.payload),
    }));
    const text = typeof payload.text === "string" ? payload.text : "";
    if (text || buttons.length) remember({ from: "bot", text, buttons });
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text && send(text, text)) input.value = "";
    followTyping();
  });
  input.addEventListener("input", followTyping);

  picker.addEventListener("change", () => {
    language = picker.value;
    save(KEYS.language, language);
    applyLanguage(language);
    send(`/switch_language{"requested_language": "${language}"}`, null);
  });

  function connect(config) {
    const url = config.rasaUrl || `${location.protocol}//${location.hostname}:${config.rasaPort}`;
    socket = io(url, { path: config.socketPath, transports: ["websocket"] });
    // Online once Rasa has confirmed the session: before that a message could not be sent
    // (a new visitor has no session id yet), and what was typed would sit in the box.
    socket.on("connect", () => {
      socket.emit("session_request", { session_id: sessionId });
    });
    socket.on("disconnect", () => setStatus("offline"));
    socket.on("session_confirm", (confirmed) => {
      const id = typeof confirmed === "string" ? confirmed : confirmed && confirmed.session_id;
      if (id) {
        sessionId = id;
        save(KEYS.session, id);
      }
      document.body.dataset.session = sessionId;
      setStatus("online");
    });
    socket.on("bot_uttered", receive);
  }

  async function start() {
    const config = await fetch("config.json").then((response) => response.json());
    useLanguages(config);
    applyLanguage(language);
    history.forEach(render);
    connect(config);
  }

  start();
})();
