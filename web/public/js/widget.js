// The applicants' chat widget, on Rasa's socket channel (credentials.yml: socketio,
// user_uttered / bot_uttered, session_persistence: true).
//
// Safety: everything the assistant or the applicant writes is put in the page with
// textContent or as the text of <a> elements whose href is checked to be http(s).
// Nothing from a message ever goes through innerHTML.
//
// State kept in localStorage (so a reload keeps the conversation): the session id,
// the language, the transcript, the handoff state, the references, and the outbox
// (messages typed while offline, sent on reconnect).
(function () {
  "use strict";

  var CONFIG = window.ASSISTANT_CONFIG || {};
  var STRINGS = window.ASSISTANT_STRINGS;
  var STORAGE_KEY = "contact-center-assistant.v1";
  var MAX_MESSAGES = 300;
  var ACK_TIMEOUT_MS = 60000;
  var TYPING_TIMEOUT_MS = 30000;
  var URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;

  // ---------------------------------------------------------------- storage
  var memoryStore = {};
  function loadState() {
    var raw = null;
    try {
      raw = window.localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      raw = memoryStore[STORAGE_KEY] || null;
    }
    var parsed = null;
    try {
      parsed = raw ? JSON.parse(raw) : null;
    } catch (e) {
      parsed = null;
    }
    return normaliseState(parsed);
  }

  function normaliseState(s) {
    s = s && typeof s === "object" ? s : {};
    return {
      sessionId: typeof s.sessionId === "string" && /^[A-Za-z0-9_-]{8,64}$/.test(s.sessionId) ? s.sessionId : newSessionId(),
      // Given by the server with the conversation id (applicant_channels/session_binding.py):
      // only this browser can resume the conversation.
      sessionToken: typeof s.sessionToken === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(s.sessionToken) ? s.sessionToken : null,
      lastActivity: typeof s.lastActivity === "number" ? s.lastActivity : Date.now(),
      lang: s.lang === "es" ? "es" : "en",
      messages: Array.isArray(s.messages) ? s.messages.filter(isStoredMessage).slice(-MAX_MESSAGES) : [],
      handoff: s.handoff && typeof s.handoff === "object" ? s.handoff : null,
      references: Array.isArray(s.references) ? s.references.filter(isStoredReference) : [],
      nextId: typeof s.nextId === "number" ? s.nextId : 1,
    };
  }

  function isStoredMessage(m) {
    return m && typeof m === "object" && typeof m.id === "number" && typeof m.from === "string" && typeof m.text === "string";
  }
  function isStoredReference(r) {
    return r && typeof r === "object" && typeof r.kind === "string" && typeof r.id === "string";
  }

  function saveState() {
    var raw = JSON.stringify(state);
    try {
      window.localStorage.setItem(STORAGE_KEY, raw);
    } catch (e) {
      memoryStore[STORAGE_KEY] = raw;
    }
  }

  function newSessionId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  // ---------------------------------------------------------------- elements
  var root = document.getElementById("assistant");
  var el = {
    log: document.getElementById("assistant-log"),
    list: document.getElementById("assistant-messages"),
    form: document.getElementById("assistant-form"),
    input: document.getElementById("assistant-input"),
    send: document.getElementById("assistant-send"),
    typing: document.getElementById("assistant-typing"),
    connection: document.getElementById("assistant-connection"),
    connectionText: document.getElementById("assistant-connection-text"),
    handoff: document.getElementById("assistant-handoff"),
    handoffText: document.getElementById("assistant-handoff-text"),
    references: document.getElementById("assistant-references"),
    referencesList: document.getElementById("assistant-references-list"),
    newConversation: document.getElementById("assistant-new"),
    langButtons: root.querySelectorAll(".lang-button"),
    inputLength: document.getElementById("assistant-input-length"),
  };
  // The channel's own limit (web/serve.py config): a longer text is kept in the box with a
  // word about it, never cut short.
  var MAX_CHARS = typeof CONFIG.maxChars === "number" && CONFIG.maxChars > 0 ? CONFIG.maxChars : 2000;

  var state = loadState();
  var socket = null;
  var confirmed = false; // session_request answered on the current connection
  var everConnected = false;
  var inFlight = null; // the message whose delivery we are waiting for
  var typingTimer = null;

  function t(key, params) {
    var table = STRINGS[state.lang] || STRINGS.en;
    var text = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : STRINGS.en[key];
    if (text === undefined) return key;
    if (params) {
      text = text.replace(/\{(\w+)\}/g, function (whole, name) {
        return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
      });
    }
    return text;
  }

  // ---------------------------------------------------------------- text and links
  // Appends `text` to `parent` as text nodes, with http(s) URLs as <a> elements.
  function appendLinkified(parent, text) {
    var last = 0;
    var match;
    URL_PATTERN.lastIndex = 0;
    while ((match = URL_PATTERN.exec(text)) !== null) {
      var raw = trimUrl(match[0]);
      var start = match.index;
      var end = start + raw.length;
      var href = safeHref(raw);
      if (!href) continue;
      if (start > last) parent.appendChild(document.createTextNode(text.slice(last, start)));
      var a = document.createElement("a");
      a.href = href;
      a.textContent = raw;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      var hint = document.createElement("span");
      hint.className = "visually-hidden";
      hint.textContent = " " + t("opensNewTab");
      a.appendChild(hint);
      parent.appendChild(a);
      last = end;
      URL_PATTERN.lastIndex = end;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // Drops trailing punctuation that ends a sentence rather than the URL:
  // "(https://my.uscis.gov/)." -> "https://my.uscis.gov/"
  function trimUrl(url) {
    var changed = true;
    while (changed && url.length) {
      changed = false;
      var last = url.charAt(url.length - 1);
      if (".,;:!?".indexOf(last) >= 0) {
        url = url.slice(0, -1);
        changed = true;
      } else if (last === ")" && count(url, "(") < count(url, ")")) {
        url = url.slice(0, -1);
        changed = true;
      } else if (last === "]" && count(url, "[") < count(url, "]")) {
        url = url.slice(0, -1);
        changed = true;
      }
    }
    return url;
  }
  function count(s, ch) {
    return s.split(ch).length - 1;
  }

  function safeHref(raw) {
    var candidate = /^www\./i.test(raw) ? "https://" + raw : raw;
    try {
      var url = new URL(candidate);
      if (url.protocol !== "http:" && url.protocol !== "https:") return null;
      return url.href;
    } catch (e) {
      return null;
    }
  }

  // ---------------------------------------------------------------- rendering
  function formatTime(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) return "";
    try {
      return new Intl.DateTimeFormat(t("locale"), { hour: "numeric", minute: "2-digit" }).format(date);
    } catch (e) {
      return date.toTimeString().slice(0, 5);
    }
  }

  function senderLabel(m) {
    if (m.from === "user") return t("you");
    if (m.from === "agent") return m.by ? m.by + " (" + t("representative") + ")" : t("representative");
    if (m.from === "system") return t("notice");
    return t("assistant");
  }

  function renderMessage(m) {
    var li = document.createElement("li");
    li.className = "message message--" + m.from;
    li.setAttribute("data-message-id", String(m.id));
    if (m.kind) li.setAttribute("data-kind", m.kind);
    if (m.lang) li.setAttribute("lang", m.lang);
    if (m.from === "control") li.hidden = true;  // the notice "will now answer in Spanish" says it

    var meta = document.createElement("p");
    meta.className = "message__meta";
    var who = document.createElement("span");
    who.className = "message__sender";
    who.textContent = senderLabel(m);
    meta.appendChild(who);
    var time = document.createElement("time");
    time.className = "message__time";
    time.setAttribute("datetime", m.time);
    time.textContent = formatTime(m.time);
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(time);
    li.appendChild(meta);

    var body = document.createElement("p");
    body.className = "message__text";
    appendLinkified(body, m.text);
    li.appendChild(body);

    if (m.attachmentUrl) {
      var link = safeHref(m.attachmentUrl);
      if (link) {
        var p = document.createElement("p");
        var a = document.createElement("a");
        a.href = link;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        a.textContent = t("attachment");
        p.appendChild(a);
        li.appendChild(p);
      }
    }

    if (outgoing(m)) {
      var status = document.createElement("p");
      status.className = "message__status";
      li.appendChild(status);
      updateStatusNode(li, m);
    }

    if (Array.isArray(m.quickReplies) && m.quickReplies.length && !m.repliesUsed) {
      li.appendChild(renderQuickReplies(m));
    }
    return li;
  }

  function renderQuickReplies(m) {
    var group = document.createElement("div");
    group.className = "quick-replies";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", t("suggestions"));
    m.quickReplies.forEach(function (reply) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "quick-reply";
      button.textContent = reply.title;
      button.addEventListener("click", function () {
        useQuickReplies();
        sendMessage(reply.payload, reply.title);
      });
      group.appendChild(button);
    });
    return group;
  }

  // The applicant answered: earlier suggestions no longer apply.
  function useQuickReplies() {
    var changed = false;
    state.messages.forEach(function (m) {
      if (m.quickReplies && !m.repliesUsed) {
        m.repliesUsed = true;
        changed = true;
      }
    });
    if (changed) {
      var groups = el.list.querySelectorAll(".quick-replies");
      Array.prototype.forEach.call(groups, function (g) {
        var hadFocus = g.contains(document.activeElement);
        g.parentNode.removeChild(g);
        if (hadFocus) el.input.focus();
      });
    }
  }

  function updateStatusNode(li, m) {
    var status = li.querySelector(".message__status");
    if (!status) return;
    while (status.firstChild) status.removeChild(status.firstChild);
    li.setAttribute("data-status", m.status || "delivered");
    if (m.status === "queued") {
      status.textContent = t("queued");
    } else if (m.status === "sending") {
      status.textContent = t("sending");
    } else if (m.status === "unconfirmed") {
      status.appendChild(document.createTextNode(t("unconfirmed") + " "));
      var again = document.createElement("button");
      again.type = "button";
      again.className = "button button--small";
      again.textContent = t("resend");
      again.addEventListener("click", function () {
        m.status = "queued";
        saveState();
        updateStatusNode(li, m);
        pump();
      });
      status.appendChild(again);
    }
    status.hidden = !status.firstChild;
  }

  function nodeFor(m) {
    return el.list.querySelector('[data-message-id="' + m.id + '"]');
  }

  function setStatus(m, status) {
    m.status = status;
    saveState();
    var li = nodeFor(m);
    if (li) updateStatusNode(li, m);
  }

  function scrollToEnd() {
    el.log.scrollTop = el.log.scrollHeight;
  }

  function addMessage(fields) {
    var m = {
      id: state.nextId++,
      from: fields.from,
      text: String(fields.text == null ? "" : fields.text),
      time: new Date().toISOString(),
    };
    ["payload", "status", "kind", "quickReplies", "attachmentUrl", "lang", "by"].forEach(function (k) {
      if (fields[k] !== undefined) m[k] = fields[k];
    });
    state.messages.push(m);
    state.lastActivity = Date.now();
    if (state.messages.length > MAX_MESSAGES) state.messages.splice(0, state.messages.length - MAX_MESSAGES);
    saveState();
    el.list.appendChild(renderMessage(m));
    scrollToEnd();
    return m;
  }

  function renderAll() {
    while (el.list.firstChild) el.list.removeChild(el.list.firstChild);
    state.messages.forEach(function (m) {
      el.list.appendChild(renderMessage(m));
    });
    renderHandoff();
    renderReferences();
    scrollToEnd();
  }

  function applyLanguage() {
    root.setAttribute("lang", state.lang);
    Array.prototype.forEach.call(root.querySelectorAll("[data-i18n]"), function (node) {
      node.textContent = t(node.getAttribute("data-i18n"));
    });
    Array.prototype.forEach.call(el.langButtons, function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-lang") === state.lang ? "true" : "false");
    });
    renderConnection(el.connection.getAttribute("data-state") || "connecting");
    if (!el.inputLength.hidden) renderLength();
    renderHandoff();
    renderReferences();
  }

  // ---------------------------------------------------------------- connection state
  function renderConnection(which) {
    el.connection.setAttribute("data-state", which);
    var key = {
      connecting: "statusConnecting",
      online: "statusOnline",
      offline: "statusOffline",
      restored: "statusRestored",
    }[which];
    var text = t(key);
    if (el.connectionText.textContent !== text) el.connectionText.textContent = text;
  }

  // ---------------------------------------------------------------- handoff and references
  function renderHandoff() {
    var h = state.handoff;
    if (!h || !h.state) {
      el.handoff.hidden = true;
      el.handoffText.textContent = "";
      root.removeAttribute("data-handoff");
      return;
    }
    root.setAttribute("data-handoff", h.state);
    el.handoff.hidden = false;
    el.handoff.setAttribute("data-state", h.state);
    el.handoffText.textContent = handoffText(h);
  }

  function handoffText(h) {
    if (h.state === "waiting") {
      var parts = [t("handoffWaiting")];  // no internal tier names for applicants
      if (isPositiveInt(h.position)) parts.push(t("handoffPosition", { position: h.position }));
      return parts.join(" ");
    }
    if (h.state === "connected") {
      if (!h.name) return t("handoffConnected");
      return t(h.tier === 2 ? "handoffConnectedOfficer" : "handoffConnectedNamed", { name: h.name });
    }
    if (h.state === "returned") return t("handoffReturned");
    return "";
  }

  function isPositiveInt(v) {
    return typeof v === "number" && isFinite(v) && v >= 1 && Math.floor(v) === v;
  }

  function renderReferences() {
    while (el.referencesList.firstChild) el.referencesList.removeChild(el.referencesList.firstChild);
    state.references.forEach(function (r) {
      var li = document.createElement("li");
      li.setAttribute("data-kind", r.kind);
      li.textContent = referenceText(r);
      el.referencesList.appendChild(li);
    });
    el.references.hidden = state.references.length === 0;
  }

  function referenceText(r) {
    var key = r.kind === "e_request" || r.kind === "callback" ? "reference_" + r.kind : "referenceOther";
    return t(key, { id: r.id || t("referenceEmptyId") });
  }

  function onHandoff(h) {
    if (!h || typeof h !== "object") return;
    var known = ["waiting", "connected", "returned"];
    if (known.indexOf(h.state) < 0) return;
    var who = h.representative && typeof h.representative === "object" ? h.representative : {};
    state.handoff = {
      state: h.state,
      tier: isPositiveInt(who.tier) ? who.tier : isPositiveInt(h.tier) ? h.tier : undefined,
      position: isPositiveInt(h.position) ? h.position : undefined,
      name: typeof who.name === "string" && who.name ? who.name.slice(0, 60) : undefined,
    };
    saveState();
    renderHandoff();
    addMessage({ from: "system", kind: "handoff-" + h.state, text: handoffText(state.handoff), lang: state.lang });
  }

  function onReference(r) {
    if (!r || typeof r !== "object") return;
    var kind = typeof r.kind === "string" ? r.kind.slice(0, 40) : "other";
    var id = typeof r.id === "string" || typeof r.id === "number" ? String(r.id).slice(0, 80) : "";
    var ref = { kind: kind, id: id };
    var duplicate = state.references.some(function (x) {
      return x.kind === ref.kind && x.id === ref.id;
    });
    if (!duplicate) state.references.push(ref);
    saveState();
    renderReferences();
    addMessage({ from: "system", kind: "reference", text: referenceText(ref), lang: state.lang });
  }

  // ---------------------------------------------------------------- typing indicator
  function showTyping() {
    el.typing.hidden = false;
    clearTimeout(typingTimer);
    typingTimer = setTimeout(hideTyping, TYPING_TIMEOUT_MS);
  }
  function hideTyping() {
    clearTimeout(typingTimer);
    el.typing.hidden = true;
  }

  // ---------------------------------------------------------------- incoming
  function onBotUttered(data) {
    if (!data || typeof data !== "object") return;
    var handled = false;
    // The server says each reply's language (applicant_channels/reply_language.py): a switch
    // made in words ("puedo hablar en español?") changes the page's labels and lang too.
    var lang = data.lang === "en" || data.lang === "es" ? data.lang : undefined;
    if (lang && lang !== state.lang) {
      state.lang = lang;
      saveState();
      applyLanguage();
    }
    if (data.handoff) {
      onHandoff(data.handoff);
      handled = true;
    }
    if (data.reference) {
      onReference(data.reference);
      handled = true;
    }
    var text = typeof data.text === "string" ? data.text : "";
    var replies = [];
    if (Array.isArray(data.quick_replies)) {
      data.quick_replies.forEach(function (q) {
        if (q && typeof q.title === "string" && q.title) {
          replies.push({ title: q.title, payload: typeof q.payload === "string" && q.payload ? q.payload : q.title });
        }
      });
    }
    var attachmentUrl;
    if (data.attachment && typeof data.attachment === "object") {
      var payload = data.attachment.payload;
      attachmentUrl = payload && typeof payload.src === "string" ? payload.src : undefined;
    }
    if (text || replies.length || attachmentUrl) {
      if (replies.length) useQuickReplies();
      var connected = state.handoff && state.handoff.state === "connected";
      addMessage({ from: connected ? "agent" : "bot", by: connected ? state.handoff.name : undefined, text: text, quickReplies: replies.length ? replies : undefined, attachmentUrl: attachmentUrl, lang: lang });
      handled = true;
    }
    if (handled) hideTyping();
  }

  // ---------------------------------------------------------------- outgoing
  // `control`: a message the page sends for the applicant (the language buttons): it
  // travels like theirs, in order and confirmed, but is not shown as something they wrote.
  function sendMessage(payload, display, control) {
    payload = String(payload || "").trim();
    if (!payload) return;
    useQuickReplies();
    addMessage({ from: control ? "control" : "user", text: display || payload, payload: payload, status: "queued" });
    pump();
  }

  function outgoing(m) {
    return m.from === "user" || m.from === "control";
  }

  // Sends queued messages one at a time, in order, only on a confirmed session
  // (otherwise the replies would go to a room this connection has not joined).
  function pump() {
    if (inFlight || !socket || !socket.connected || !confirmed) return;
    var next = null;
    for (var i = 0; i < state.messages.length; i++) {
      var m = state.messages[i];
      if (outgoing(m) && m.status === "queued") {
        next = m;
        break;
      }
    }
    if (!next) return;
    inFlight = next;
    setStatus(next, "sending");
    showTyping();
    var sent = next;
    socket.timeout(ACK_TIMEOUT_MS).emit(
      "user_uttered",
      { message: sent.payload || sent.text, session_id: state.sessionId },
      function (err) {
        if (inFlight === sent) inFlight = null;
        if (err) {
          // Disconnected or no answer: never drop it silently.
          setStatus(sent, "unconfirmed");
          hideTyping();
        } else {
          setStatus(sent, "delivered");
          hideTyping();
        }
        pump();
      }
    );
  }

  function requestSession() {
    confirmed = false;
    socket.emit("session_request", { session_id: state.sessionId, session_token: state.sessionToken });
  }

  // ---------------------------------------------------------------- language switch
  function switchLanguage(lang) {
    if (lang !== "en" && lang !== "es") return;
    if (lang === state.lang) return;
    state.lang = lang;
    saveState();
    applyLanguage();
    // A conversation that is only the welcome gets the welcome in the new language.
    var onlyWelcome = state.messages.every(function (m) {
      return m.kind === "welcome";
    });
    if (onlyWelcome) {
      state.messages = [];
      saveState();
      renderAll();
      addWelcome();
    } else {
      addMessage({ from: "system", kind: "language", text: t("languageChanged"), lang: lang });
    }
    sendMessage('/change_language{"language":"' + lang + '"}', t("languageName"), true);
  }

  function addWelcome() {
    addMessage({
      from: "bot",
      kind: "welcome",
      text: t("welcome"),
      lang: state.lang,
      quickReplies: [
        { title: t("starterCaseStatus"), payload: t("starterCaseStatus") },
        { title: t("starterReschedule"), payload: t("starterReschedule") },
        { title: t("starterRepresentative"), payload: t("starterRepresentative") },
      ],
    });
  }

  function newConversation() {
    var lang = state.lang;
    state = normaliseState({ lang: lang });
    inFlight = null;
    saveState();
    renderAll();
    addMessage({ from: "system", kind: "cleared", text: t("conversationCleared"), lang: lang });
    addWelcome();
    if (socket && socket.connected) requestSession();
    el.input.focus();
  }

  // ---------------------------------------------------------------- wiring
  function renderLength() {
    var count = el.input.value.length;
    var over = count > MAX_CHARS;
    el.inputLength.hidden = !over;
    el.inputLength.textContent = over ? t("tooLong", { count: count.toLocaleString(t("locale")), max: MAX_CHARS.toLocaleString(t("locale")) }) : "";
    if (over) el.input.setAttribute("aria-invalid", "true");
    else el.input.removeAttribute("aria-invalid");
    return !over;
  }

  el.input.addEventListener("input", renderLength);

  el.form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = el.input.value;
    if (!text.trim()) {
      el.input.focus();
      return;
    }
    if (!renderLength()) {
      el.input.focus();
      return;
    }
    el.input.value = "";
    sendMessage(text);
    el.input.focus();
  });

  el.input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (typeof el.form.requestSubmit === "function") el.form.requestSubmit();
      else el.send.click();
    }
  });

  Array.prototype.forEach.call(el.langButtons, function (b) {
    b.addEventListener("click", function () {
      switchLanguage(b.getAttribute("data-lang"));
    });
  });

  el.newConversation.addEventListener("click", newConversation);

  // Another tab changed the conversation: follow it.
  window.addEventListener("storage", function (event) {
    if (event.key !== STORAGE_KEY) return;
    state = loadState();
    applyLanguage();
    renderAll();
  });

  // A conversation idle longer than the server's session time (domain/common.yml) is over:
  // nothing of it stays on the page (a shared computer's next user sees none of it).
  var idleMs = (typeof CONFIG.idleMinutes === "number" ? CONFIG.idleMinutes : 60) * 60000;
  if (state.messages.length && Date.now() - state.lastActivity > idleMs) {
    state = normaliseState({ lang: state.lang });
    saveState();
    addMessage({ from: "system", kind: "cleared", text: t("conversationExpired"), lang: state.lang });
    addWelcome();
  }

  // Messages left "sending" by a reload are not known to have arrived.
  state.messages.forEach(function (m) {
    if (outgoing(m) && m.status === "sending") m.status = "unconfirmed";
  });
  applyLanguage();
  renderAll();
  if (!state.messages.length) addWelcome();
  saveState();

  if (typeof window.io !== "function") {
    renderConnection("offline");
    return;
  }

  socket = window.io(CONFIG.socketUrl || window.location.protocol + "//" + window.location.hostname + ":5005", {
    path: CONFIG.socketPath || "/socket.io",
    reconnection: true,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 5000,
    timeout: 10000,
  });

  socket.on("connect", function () {
    requestSession();
  });

  // The server's id and token for this browser's conversation: a new conversation when
  // the stored one could not be resumed (no token yet, "New conversation", a new key).
  socket.on("session_token", function (data) {
    if (!data || typeof data.session_id !== "string" || typeof data.session_token !== "string") return;
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(data.session_id) || !/^[A-Za-z0-9_-]{20,100}$/.test(data.session_token)) return;
    state.sessionId = data.session_id;
    state.sessionToken = data.session_token;
    saveState();
  });

  socket.on("session_confirm", function (sessionId) {
    if (typeof sessionId === "string" && sessionId && sessionId !== state.sessionId) {
      // Answer to an older request (before "New conversation"): ask again.
      requestSession();
      return;
    }
    confirmed = true;
    renderConnection(everConnected ? "restored" : "online");
    everConnected = true;
    pump();
  });

  socket.on("disconnect", function (reason) {
    confirmed = false;
    hideTyping();
    renderConnection("offline");
    if (reason === "io server disconnect") socket.connect();
  });

  socket.on("connect_error", function () {
    confirmed = false;
    renderConnection("offline");
  });

  socket.on("bot_uttered", onBotUttered);

  // For the browser tests and for support staff: read-only facts, no controls.
  window.contactCenterAssistant = Object.freeze({
    sessionId: function () {
      return state.sessionId;
    },
    connected: function () {
      return Boolean(socket && socket.connected && confirmed);
    },
  });
})();
