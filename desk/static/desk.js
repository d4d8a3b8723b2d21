// The representatives' desk: the page on /desk/ for the JSON API in docs/desk-api.md.
//
// Safety: everything that comes from the API (texts, summaries, notes, topics,
// names) is put in the page with textContent / createTextNode only; the DOM is
// built with createElement. No innerHTML, no inline styles, no eval (strict CSP).
//
// Stored state: the UI language in localStorage ("desk.lang"); the open
// conversation's id in sessionStorage ("desk.openConversation"), so a reload keeps it.
//
// Stable hooks for browser tests:
//   #signin-form #username #password #signin-submit #signin-error
//   #user-name #user-role #signout #lang-select
//   #status                      the aria-live="polite" region (one <p> per message)
//   #queue-tier1 #queue-tier2    lists of li[data-conversation-id="..."][data-status="..."],
//                                with button[data-action="take"] (waiting items) or
//                                button[data-action="open"] (conversations you hold);
//                                .waited (waiting time), .summary (the assistant's summary),
//                                .decisions, .escalation-note, .badge--offline (applicant offline)
//   #queue-tier2-section         hidden for Tier 1 users
//   #conversation[data-conversation-id]  the open conversation panel
//   #conversation-facts #conversation-offline #summary #decisions
//   #transcript                  li[data-from="applicant|assistant|representative|system"][data-seq]
//                                with a .who label, a <time> and a .text child (the message)
//   #message-input #send #escalate #escalate-form #escalate-note #escalate-submit
//   #escalate-cancel #release #close #close-confirm #close-yes #close-no
//   #callback-hours #callbacks   li[data-callback-id="CB-..."][data-status="..."] with
//                                button[data-result="answered"|"no_answer"] when callable now,
//                                .overdue, .email-sent, .not-callable, .attempts
(function () {
  "use strict";

  /* ---- constants and state ------------------------------------------------ */

  var I18N = window.DESK_I18N;
  var API = "/desk/api";
  var ET = "America/New_York";
  var LANG_KEY = "desk.lang";
  var OPEN_KEY = "desk.openConversation";
  var QUEUE_MS = 2000;
  var CONVERSATION_MS = 500;
  var CALLBACKS_MS = 10000;
  var FROM = ["applicant", "assistant", "representative", "system"];

  var state = {
    lang: "en",
    user: null,          // {username, name, role, tier}
    csrf: null,
    queue: [],           // conversations from GET /queue
    callbacks: null,     // the whole GET /callbacks answer
    conv: null,          // the open conversation: {id, data, entries, seen, last, loaded}
    offline: false,      // the last poll could not reach the server
    signinError: null,   // a function giving the sign-in error in the current language
    busy: {}             // actions in flight, by key (no double submits)
  };
  var idCounter = 0;

  function $(id) { return document.getElementById(id); }

  /* ---- storage (may be unavailable) ----------------------------------------- */

  function load(kind, key) {
    try { return window[kind].getItem(key); } catch (e) { return null; }
  }
  function store(kind, key, value) {
    try {
      if (value == null) window[kind].removeItem(key);
      else window[kind].setItem(key, value);
    } catch (e) { /* private mode: nothing remembered */ }
  }

  /* ---- language --------------------------------------------------------- */

  function t(key, vars) {
    var dict = I18N[state.lang] || I18N.en;
    var text = dict[key] != null ? dict[key] : I18N.en[key];
    if (text == null) return key;
    return text.replace(/\{(\w+)\}/g, function (match, name) {
      return vars && vars[name] != null ? String(vars[name]) : match;
    });
  }
  // A label for a code, e.g. tCode("status_", "waiting"); the code itself if unknown.
  function tCode(prefix, code) {
    var key = prefix + code;
    return (I18N.en[key] != null) ? t(key) : String(code == null ? "" : code);
  }

  function pickLanguage() {
    var saved = load("localStorage", LANG_KEY);
    if (saved && I18N[saved]) return saved;
    var nav = (navigator.languages && navigator.languages[0]) || navigator.language || "en";
    return /^es\b/i.test(nav) ? "es" : "en";
  }

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    document.title = t("title");
    $("lang-select").value = state.lang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (node) {
      node.textContent = t(node.getAttribute("data-i18n"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n-attr]"), function (node) {
      node.getAttribute("data-i18n-attr").split(";").forEach(function (pair) {
        var parts = pair.split(":");
        node.setAttribute(parts[0].trim(), t(parts[1].trim()));
      });
    });
    $("signin-error").textContent = state.signinError ? state.signinError() : "";
    if (state.user) {
      renderUser();
      renderQueue();
      renderCallbacks();
      if (state.conv) { state.conv.sig = null; renderConversation(); rebuildTranscript(); }
    }
  }

  /* ---- formatting ------------------------------------------------------- */

  function locale() { return t("locale"); }
  function toDate(value) {
    if (!value || !/^\d{4}-\d{2}-\d{2}/.test(String(value))) return null;
    var d = new Date(value);
    return isNaN(d.getTime()) ? null : d;
  }
  function dateFormat(tz, timeOnly) {
    var options = timeOnly ? { hour: "numeric", minute: "2-digit" } : { dateStyle: "medium", timeStyle: "short" };
    if (tz) options.timeZone = tz;
    return new Intl.DateTimeFormat(locale(), options);
  }
  function formatRangeIn(a, b, tz) {
    var f = dateFormat(tz);
    try { if (f.formatRange) return f.formatRange(a, b); } catch (e) { /* fall through */ }
    return f.format(a) + " – " + f.format(b);
  }
  // Local time, then Eastern time labelled ET: "Dec 4, 2026, 4:00 PM (Dec 4, 2026, 10:00 AM ET)".
  function formatDual(value) {
    var d = toDate(value);
    if (!d) return value == null ? t("none") : String(value);
    return t("dual", { local: dateFormat().format(d), et: dateFormat(ET).format(d) });
  }
  function formatRangeDual(start, end) {
    var a = toDate(start), b = toDate(end);
    if (!a || !b) return [start, end].filter(Boolean).join(" – ") || t("none");
    return t("dual", { local: formatRangeIn(a, b), et: formatRangeIn(a, b, ET) });
  }
  function formatWait(seconds) {
    var s = Math.max(0, Math.floor(Number(seconds) || 0));
    if (s < 60) return t("seconds", { n: s });
    var m = Math.floor(s / 60);
    if (m < 60) return t("minutes", { n: m });
    return t("hours", { h: Math.floor(m / 60), m: m % 60 });
  }
  function langName(code) { return code ? tCode("lang_", code) : t("none"); }
  function orNone(value) { return value == null || value === "" ? t("none") : String(value); }
  // A topic code ("case_outside_processing_time") in the desk's language; none stays none.
  function topicLabel(code) { return code == null || code === "" ? null : tCode("topic_", code); }

  /* ---- DOM helpers (no innerHTML anywhere) ------------------------------- */

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value == null || value === false) return;
      if (key === "text") node.textContent = String(value);
      else if (key === "className") node.className = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    });
    (children || []).forEach(function (child) {
      if (child == null) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }
  function newId(prefix) { idCounter += 1; return prefix + "-" + idCounter; }
  // A <dt>/<dd> pair, grouped in a <div> (allowed inside <dl>).
  function fact(dl, label, value, className) {
    var dd = el("dd", { className: className }, [typeof value === "string" ? value : null]);
    if (value && typeof value !== "string") dd.appendChild(value);
    dl.appendChild(el("div", { className: "fact" }, [el("dt", { text: label }), dd]));
    return dd;
  }
  function button(label, props) {
    var b = el("button", props || {}, [label]);
    b.type = "button";
    b.className = "button " + ((props && props.className) || "button--secondary");
    return b;
  }

  // Keep list items whose data did not change (so a focused button keeps focus),
  // rebuild the others, follow the new order; put focus back if a rebuild took it.
  function syncList(list, rows, keyAttr, keyOf, signatureOf, build) {
    var remembered = rememberFocus(list, keyAttr);
    var existing = {};
    Array.prototype.forEach.call(list.children, function (li) { existing[li.getAttribute(keyAttr)] = li; });
    var wanted = {};
    rows.forEach(function (row, index) {
      var key = String(keyOf(row));
      var sig = state.lang + "|" + signatureOf(row);
      var li = existing[key];
      wanted[key] = true;
      if (!li || li.deskSig !== sig) {
        var fresh = build(row);
        fresh.deskSig = sig;
        if (li) list.replaceChild(fresh, li);
        li = fresh;
        existing[key] = li;
      }
      if (list.children[index] !== li) list.insertBefore(li, list.children[index] || null);
    });
    Array.prototype.slice.call(list.children).forEach(function (li) {
      if (!wanted[li.getAttribute(keyAttr)]) list.removeChild(li);
    });
    restoreFocus(list, keyAttr, remembered);
  }
  function rememberFocus(list, keyAttr) {
    var active = document.activeElement;
    if (!active || !list.contains(active)) return null;
    var li = active.closest("li[" + keyAttr + "]");
    if (!li) return null;
    return { node: active, key: li.getAttribute(keyAttr), action: active.getAttribute("data-action"), result: active.getAttribute("data-result") };
  }
  function restoreFocus(list, keyAttr, remembered) {
    if (!remembered || document.activeElement === remembered.node) return;
    var li = Array.prototype.find.call(list.children, function (item) { return item.getAttribute(keyAttr) === remembered.key; });
    if (!li) return;
    var target = null;
    if (remembered.action) target = li.querySelector('[data-action="' + remembered.action + '"]');
    if (!target && remembered.result) target = li.querySelector('[data-result="' + remembered.result + '"]');
    if (!target) target = li.querySelector("[data-focus-fallback]");
    if (target) target.focus();
  }

  /* ---- the live region -------------------------------------------------- */

  // Each message is a new <p>, so two quick messages are both read; the last 3 are kept.
  function announce(message) {
    var region = $("status");
    region.appendChild(el("p", { text: message }));
    while (region.children.length > 3) region.removeChild(region.firstChild);
  }
  function connection(ok) {
    if (!ok && !state.offline) announce(t("connectionLost"));
    if (ok && state.offline) announce(t("connectionBack"));
    state.offline = !ok;
  }

  /* ---- the API ---------------------------------------------------------- */

  // Resolves (never rejects) to {ok, status, data, headers, network}.
  function api(method, path, body) {
    var headers = { Accept: "application/json" };
    var options = { method: method, credentials: "same-origin", headers: headers, cache: "no-store" };
    if (method !== "GET") {
      headers["Content-Type"] = "application/json";
      if (state.csrf) headers["X-CSRF-Token"] = state.csrf;
      if (body !== undefined) options.body = JSON.stringify(body);
    }
    var signedIn = !!state.user;
    return fetch(API + path, options).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        var out = { ok: res.ok, status: res.status, data: data || {}, headers: res.headers, network: false };
        if (res.status === 401 && signedIn && state.user) sessionEnded();
        return out;
      });
    }, function () {
      return { ok: false, status: 0, data: {}, headers: null, network: true };
    });
  }

  // A sentence for a failed answer (401 is handled by api() itself).
  function explain(r) {
    if (r.network) return t("errNetwork");
    var code = r.data.error;
    if (r.status === 403 && code === "csrf") { refreshToken(); return t("errCsrf"); }
    if (r.status === 403) return t("notAllowed");
    if (code === "not_yours") return t("notYours");
    if (r.status === 404) return t("conversationGone");
    return t("errGeneric", { code: code || r.status });
  }
  function refreshToken() {
    api("GET", "/session").then(function (r) { if (r.ok && r.data.csrf_token) state.csrf = r.data.csrf_token; });
  }
  function enc(id) { return encodeURIComponent(id); }

  // Runs `task` (returning a promise) every `interval` ms, never two at once.
  function poller(task, interval) {
    var generation = 0, timer = null, busy = false, again = false, running = false;
    function run(gen) {
      timer = null;
      busy = true;
      Promise.resolve().then(task).catch(function (e) { if (window.console) console.error(e); }).then(function () {
        if (gen !== generation) return;
        busy = false;
        if (again) { again = false; run(gen); } else timer = setTimeout(function () { run(gen); }, interval);
      });
    }
    return {
      start: function () { this.stop(); running = true; run(generation); },
      stop: function () { generation += 1; running = false; busy = false; again = false; clearTimeout(timer); timer = null; },
      now: function () {
        if (!running) return;
        if (busy) { again = true; return; }
        clearTimeout(timer);
        run(generation);
      }
    };
  }
  var queuePoller = poller(pollQueue, QUEUE_MS);
  var conversationPoller = poller(pollConversation, CONVERSATION_MS);
  var callbacksPoller = poller(pollCallbacks, CALLBACKS_MS);

  /* ---- signing in and out ----------------------------------------------- */

  function showSigninError(fn) {
    state.signinError = fn;
    $("signin-error").textContent = fn ? fn() : "";
    $("username").setAttribute("aria-invalid", fn ? "true" : "false");
    $("password").setAttribute("aria-invalid", fn ? "true" : "false");
  }
  function retryAfterSeconds(r) {
    var header = r.headers && r.headers.get("Retry-After");
    var value = header != null ? header : r.data.retry_after;
    if (value == null) return null;
    if (/^\s*\d+\s*$/.test(String(value))) return parseInt(value, 10);
    var when = Date.parse(value);
    return isNaN(when) ? null : Math.max(0, Math.round((when - Date.now()) / 1000));
  }
  function onSignIn(event) {
    event.preventDefault();
    var username = $("username").value.trim();
    var password = $("password").value;
    if (!username || !password) { showSigninError(function () { return t("errMissing"); }); return; }
    if (state.busy.signin) return;
    state.busy.signin = true;
    api("POST", "/session", { username: username, password: password }).then(function (r) {
      state.busy.signin = false;
      if (r.ok && r.data.user) {
        $("password").value = "";
        showSigninError(null);
        startSession(r.data, true);
      } else if (r.status === 401) {
        showSigninError(function () { return t("errInvalid"); });
      } else if (r.status === 429) {
        var seconds = retryAfterSeconds(r);
        showSigninError(function () {
          if (seconds == null) return t("errTooManyLater");
          return t("errTooMany", { time: seconds < 60 ? t("seconds", { n: seconds }) : t("minutes", { n: Math.ceil(seconds / 60) }) });
        });
      } else {
        var message = explain(r);
        showSigninError(function () { return message; });
      }
    });
  }

  function startSession(data, interactive) {
    state.user = data.user;
    state.csrf = data.csrf_token || null;
    state.offline = false;
    state.busy = {};
    $("loading").hidden = true;
    $("signin-section").hidden = true;
    $("app").hidden = false;
    $("desk-nav").hidden = false;
    $("signout").hidden = false;
    $("user-info").hidden = false;
    renderUser();
    renderQueue();
    queuePoller.start();
    callbacksPoller.start();
    var open = load("sessionStorage", OPEN_KEY);
    if (open) openConversation(open, null, false);
    if (interactive) {
      announce(t("signedIn", { name: state.user.name || state.user.username }));
      $("live-heading").focus();
    }
  }

  function teardown() {
    queuePoller.stop();
    callbacksPoller.stop();
    closePanel(true);
    state.user = null;
    state.csrf = null;
    state.queue = [];
    state.callbacks = null;
    $("queue-tier1").textContent = "";
    $("queue-tier2").textContent = "";
    $("callbacks").textContent = "";
    $("callback-hours").textContent = "";
  }
  function showSignin() {
    $("loading").hidden = true;
    $("app").hidden = true;
    $("desk-nav").hidden = true;
    $("signout").hidden = true;
    $("user-info").hidden = true;
    $("signin-section").hidden = false;
  }
  // Any 401 while signed in: back to the form (the open conversation is remembered).
  function sessionEnded() {
    teardown();
    showSignin();
    showSigninError(function () { return t("sessionEnded"); });
    announce(t("sessionEnded"));
  }
  function signOut() {
    if (state.busy.signout) return;
    state.busy.signout = true;
    api("DELETE", "/session").then(function () {
      store("sessionStorage", OPEN_KEY, null);
      if (state.user) teardown();
      showSignin();
      showSigninError(null);
      announce(t("signedOut"));
      $("username").focus();
    });
  }

  function renderUser() {
    var user = state.user;
    $("user-name").textContent = user.name || user.username || "";
    $("user-role").textContent = tCode("role_", user.role);
  }

  /* ---- live chat queues ------------------------------------------------- */

  function isTier1User() { return state.user && (state.user.role === "tier1" || Number(state.user.tier) < 2); }
  function isMine(c) {
    return !!(c && c.assigned_to && state.user && c.assigned_to.username === state.user.username);
  }
  function canTake(c) { return c.status === "waiting" && (!isTier1User() || Number(c.tier) === 1); }

  function pollQueue() {
    return api("GET", "/queue").then(function (r) {
      if (!state.user) return;
      if (r.ok) {
        connection(true);
        state.queue = r.data.conversations || [];
        renderQueue();
      } else if (r.network) {
        connection(false);
      }
    });
  }

  function renderQueue() {
    $("queue-tier2-section").hidden = isTier1User();
    [1, 2].forEach(function (tier) {
      var rows = state.queue.filter(function (c) { return Number(c.tier) === tier; });
      var list = $("queue-tier" + tier);
      $("queue-tier" + tier + "-empty").hidden = rows.length > 0;
      syncList(list, rows, "data-conversation-id", function (c) { return c.id; }, queueSignature, queueItem);
      rows.forEach(function (c) {
        var li = list.querySelector('li[data-conversation-id="' + CSS.escape(String(c.id)) + '"] .waited');
        if (li) li.textContent = formatWait(c.waited_seconds);
      });
    });
  }
  // Everything but the waiting time (updated in place, so items are not rebuilt every poll).
  function queueSignature(c) {
    var copy = Object.assign({}, c);
    delete copy.waited_seconds;
    return JSON.stringify(copy) + (state.conv ? state.conv.id : "");
  }

  function queueItem(c) {
    var titleId = newId("queue-item");
    var li = el("li", { className: "card queue-item", "data-conversation-id": c.id, "data-status": c.status });
    li.appendChild(el("p", { className: "item-title", id: titleId, tabindex: "-1", "data-focus-fallback": true }, [
      el("strong", { text: topicLabel(c.topic) || t("noTopic") }), " · ", el("span", { text: orNone(c.receipt_number) })
    ]));
    var dl = el("dl", { className: "facts" });
    fact(dl, t("fLanguage"), langName(c.language));
    fact(dl, t("fTopic"), orNone(topicLabel(c.topic)));
    fact(dl, t("fReceipt"), orNone(c.receipt_number));
    fact(dl, t("fWaiting"), el("span", { className: "waited", text: formatWait(c.waited_seconds) }));
    var status = tCode("status_", c.status);
    if (c.status === "waiting" && c.position) status = t("position", { status: status, n: c.position });
    fact(dl, t("fStatus"), status, "status-text");
    if (c.assigned_to) {
      var name = c.assigned_to.name || c.assigned_to.username;
      fact(dl, t("fHolder"), isMine(c) ? t("you", { name: name }) : name, "holder");
    }
    if (c.escalation_note) fact(dl, t("fNote"), String(c.escalation_note), "escalation-note");
    // What the assistant wrote when it queued them, and its decisions: read before taking.
    fact(dl, t("summary"), el("pre", { className: "summary", text: c.summary == null ? "" : String(c.summary) }));
    if ((c.decisions || []).length) fact(dl, t("decisions"), decisionList(c.decisions));
    li.appendChild(dl);
    if (c.applicant_online === false) li.appendChild(el("p", { className: "badge badge--offline", text: t("offline") }));
    var actions = el("div", { className: "actions" });
    if (canTake(c)) {
      actions.appendChild(button(t("take"), { className: "button--primary", "data-action": "take", "aria-describedby": titleId }));
    } else if (isMine(c) && c.status === "connected" && !(state.conv && state.conv.id === c.id)) {
      actions.appendChild(button(t("open"), { "data-action": "open", "aria-describedby": titleId }));
    }
    if (actions.children.length) li.appendChild(actions);
    return li;
  }

  function onQueueClick(event) {
    var target = event.target.closest("button[data-action]");
    if (!target) return;
    var li = target.closest("li[data-conversation-id]");
    var id = li && li.getAttribute("data-conversation-id");
    if (!id) return;
    if (target.getAttribute("data-action") === "open") { openConversation(id, null, true); return; }
    if (target.getAttribute("data-action") === "take") takeConversation(id);
  }

  function takeConversation(id) {
    var key = "take:" + id;
    if (state.busy[key]) return;
    state.busy[key] = true;
    api("POST", "/conversations/" + enc(id) + "/take", {}).then(function (r) {
      delete state.busy[key];
      if (r.ok) {
        announce(t("tookIt"));
        openConversation(id, r.data.conversation || null, true);
      } else if (r.status === 409 && r.data.error === "already_taken") {
        var by = r.data.taken_by;
        if (by && typeof by === "object") by = by.name || by.username;
        announce(t("alreadyTaken", { name: by || "?" }));
      } else if (r.status !== 401) {
        announce(explain(r));
      }
      queuePoller.now();
    });
  }

  /* ---- the open conversation -------------------------------------------- */

  function openConversation(id, data, focus) {
    if (!state.conv || state.conv.id !== id) {
      closePanel(true);
      state.conv = { id: id, data: data, entries: [], seen: {}, last: null, loaded: false, sig: null };
      store("sessionStorage", OPEN_KEY, id);
      var panel = $("conversation");
      panel.setAttribute("data-conversation-id", id);
      panel.hidden = false;
      renderConversation();
      renderQueue();
      conversationPoller.start();
    }
    if (focus) $("conversation-heading").focus();
  }

  // Hides the panel; `keepStored` keeps the id in sessionStorage (a 401, or switching).
  function closePanel(keepStored) {
    var panel = $("conversation");
    var hadFocus = panel.contains(document.activeElement);
    conversationPoller.stop();
    var wasOpen = !!state.conv;
    state.conv = null;
    if (!keepStored) store("sessionStorage", OPEN_KEY, null);
    panel.hidden = true;
    panel.removeAttribute("data-conversation-id");
    ["conversation-facts", "summary", "decisions", "transcript"].forEach(function (id) { $(id).textContent = ""; });
    $("close-confirm").hidden = true;
    $("close").setAttribute("aria-expanded", "false");
    $("message-input").value = "";
    hideEscalateForm(false);
    if (wasOpen && state.user) renderQueue();
    if (hadFocus && state.user) $("live-heading").focus();
  }

  function pollConversation() {
    var c = state.conv;
    if (!c || !state.user) return null;
    var path = "/conversations/" + enc(c.id) + (c.last != null ? "?after=" + enc(c.last) : "");
    return api("GET", path).then(function (r) {
      if (state.conv !== c) return;
      if (!r.ok) {
        if (r.network) connection(false);
        else if (r.status === 403 || r.status === 404) { closePanel(false); announce(t("conversationGone")); }
        return;
      }
      connection(true);
      var first = !c.loaded;
      c.loaded = true;
      var before = c.data;
      if (r.data.conversation) c.data = r.data.conversation;
      if (!isMine(c.data) || c.data.status !== "connected") {
        closePanel(false);
        if (!first) announce(t("conversationEnded", { status: tCode("status_", c.data.status) }));
        return;
      }
      if (!first && before && before.applicant_online !== false && c.data.applicant_online === false) {
        announce(t("applicantLeft"));
      }
      var fresh = (r.data.transcript || []).filter(function (e) {
        return !c.seen[e.seq] && (c.last == null || !(Number(e.seq) <= c.last));
      });
      appendEntries(c, fresh);
      var last = typeof r.data.last === "number" ? r.data.last : null;
      fresh.forEach(function (e) { if (typeof e.seq === "number" && (last == null || e.seq > last)) last = e.seq; });
      if (last != null) c.last = c.last == null ? last : Math.max(c.last, last);
      renderConversation();
      if (!first && fresh.some(function (e) { return e.from === "applicant"; })) announce(t("newMessage"));
    });
  }

  function renderConversation() {
    var c = state.conv;
    if (!c) return;
    var data = c.data || {};
    var stable = Object.assign({}, data);
    delete stable.waited_seconds;
    delete stable.position;
    var sig = state.lang + JSON.stringify(stable);
    if (sig === c.sig) return;
    c.sig = sig;

    var facts = $("conversation-facts");
    facts.textContent = "";
    fact(facts, t("fLanguage"), langName(data.language));
    fact(facts, t("fTopic"), orNone(topicLabel(data.topic)));
    fact(facts, t("fReceipt"), orNone(data.receipt_number));
    fact(facts, t("fTier"), data.tier ? tCode("queueTier", data.tier) : t("none"));
    fact(facts, t("fStatus"), data.status ? tCode("status_", data.status) : t("none"));
    if (data.escalation_note) fact(facts, t("fNote"), String(data.escalation_note), "escalation-note");
    $("conversation-offline").hidden = data.applicant_online !== false;
    var summary = data.summary == null ? "" : String(data.summary);
    if ($("summary").textContent !== summary) $("summary").textContent = summary;

    var decisions = $("decisions");
    decisions.textContent = "";
    var list = data.decisions || [];
    if (!list.length) decisions.appendChild(el("li", { text: t("noDecisions") }));
    decisionList(list, decisions);

    var ready = !!c.data && isMine(data) && data.status === "connected";
    $("message-input").disabled = !ready;
    $("send").disabled = !ready;
    $("release").disabled = !ready;
    $("close").disabled = !ready;
    var canEscalate = ready && state.user.role === "tier1" && Number(data.tier) === 1;
    $("escalate").hidden = !canEscalate;
    if (!canEscalate) hideEscalateForm(false);
  }

  // The decisions (outcome, rule ids) as list items, in `list` or a new ul.decisions.
  function decisionList(decisions, list) {
    list = list || el("ul", { className: "decisions" });
    (decisions || []).forEach(function (d) {
      list.appendChild(el("li", { text: t("decisionLine", {
        outcome: orNone(d.outcome),
        rules: (d.rule_ids || []).join(", ") || t("none"),
        kind: orNone(d.request_kind),
        at: formatDual(d.at)
      }) }));
    });
    return list;
  }

  function entryItem(e) {
    var from = FROM.indexOf(e.from) >= 0 ? e.from : "system";
    var who = from === "representative" && e.by ? t("repBy", { name: e.by }) : t("from_" + from);
    var when = toDate(e.at);
    var time = el("time", { datetime: e.at || null, text: when ? dateFormat(null, true).format(when) : "" });
    return el("li", { className: "entry entry--" + from, "data-from": from, "data-seq": e.seq }, [
      el("p", { className: "entry-meta" }, [el("span", { className: "who", text: who }), " ", time]),
      el("p", { className: "text", text: e.text == null ? "" : String(e.text) })
    ]);
  }
  function appendEntries(c, entries) {
    if (!entries.length) return;
    var list = $("transcript");
    var atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    entries.forEach(function (e) {
      c.seen[e.seq] = true;
      c.entries.push(e);
      list.appendChild(entryItem(e));
    });
    if (atBottom || c.entries.length === entries.length) list.scrollTop = list.scrollHeight;
  }
  function rebuildTranscript() {
    var list = $("transcript");
    var top = list.scrollTop;
    list.textContent = "";
    state.conv.entries.forEach(function (e) { list.appendChild(entryItem(e)); });
    list.scrollTop = top;
  }

  function sendMessage() {
    var c = state.conv;
    var input = $("message-input");
    var text = input.value.trim();
    if (!c || !text || input.disabled || state.busy.send) return;
    state.busy.send = true;
    api("POST", "/conversations/" + enc(c.id) + "/messages", { text: text }).then(function (r) {
      state.busy.send = false;
      if (r.ok) {
        if (state.conv === c && input.value.trim() === text) input.value = "";
        conversationPoller.now();
      } else if (r.status !== 401) {
        announce(explain(r));
      }
    });
  }
  function onMessageKey(event) {
    if (event.key === "Enter" && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !event.isComposing) {
      event.preventDefault();
      sendMessage();
    }
  }

  // release, close and escalate: on success the panel closes and the queue refreshes.
  function conversationAction(kind, body, doneKey) {
    var c = state.conv;
    if (!c || state.busy.action) return;
    state.busy.action = true;
    api("POST", "/conversations/" + enc(c.id) + "/" + kind, body || {}).then(function (r) {
      state.busy.action = false;
      if (r.ok) {
        if (state.conv === c) closePanel(false);
        announce(t(doneKey));
      } else if (r.status !== 401) {
        announce(explain(r));
      }
      queuePoller.now();
    });
  }

  function showEscalateForm() {
    $("escalate-form").hidden = false;
    $("escalate").setAttribute("aria-expanded", "true");
    $("escalate-note").focus();
  }
  function hideEscalateForm(returnFocus) {
    $("escalate-form").hidden = true;
    $("escalate-note").value = "";
    $("escalate").setAttribute("aria-expanded", "false");
    if (returnFocus) $("escalate").focus();
  }
  // Closing ends the applicant's live chat: asked once more, in place, like the escalate form.
  function showCloseConfirm() {
    $("close-confirm").hidden = false;
    $("close").setAttribute("aria-expanded", "true");
    $("close-yes").focus();
  }
  function hideCloseConfirm(returnFocus) {
    $("close-confirm").hidden = true;
    $("close").setAttribute("aria-expanded", "false");
    if (returnFocus) $("close").focus();
  }
  function onEscalateSubmit(event) {
    event.preventDefault();
    var note = $("escalate-note").value.trim();
    if (!note) { announce(t("noteRequired")); $("escalate-note").focus(); return; }
    conversationAction("escalate", { note: note }, "escalated");
  }

  /* ---- callbacks ------------------------------------------------------- */

  function pollCallbacks() {
    return api("GET", "/callbacks").then(function (r) {
      if (!state.user) return;
      if (r.ok) { state.callbacks = r.data; renderCallbacks(); }
      else if (r.network) connection(false);
    });
  }

  function renderCallbacks() {
    var data = state.callbacks;
    if (!data) return;
    var hours = data.callback_hours;
    var p = $("callback-hours");
    if (hours) {
      p.textContent = hours.open ? t("hoursOpen") : t("hoursClosed", { when: formatDual(hours.next_opening) });
      p.className = "hours " + (hours.open ? "hours--open" : "hours--closed");
    } else {
      p.textContent = "";
    }
    var rows = data.callbacks || [];
    $("callbacks-empty").hidden = rows.length > 0;
    syncList($("callbacks"), rows, "data-callback-id", function (cb) { return cb.id; }, JSON.stringify, callbackItem);
  }

  function callbackItem(cb) {
    var headingId = newId("callback");
    var li = el("li", { className: "card callback", "data-callback-id": cb.id, "data-status": cb.status });
    li.appendChild(el("h3", { id: headingId, className: "item-heading", tabindex: "-1", "data-focus-fallback": true, text: cb.id }));

    var badges = el("p", { className: "badges" });
    badges.appendChild(el("span", { className: "badge " + (cb.urgent ? "badge--urgent urgent" : "badge--plain not-urgent"), text: cb.urgent ? t("urgent") : t("notUrgent") }));
    if (cb.overdue) badges.appendChild(el("span", { className: "badge badge--overdue overdue", text: t("overdue") }));
    badges.appendChild(el("span", { className: "badge badge--plain", text: tCode("cbstatus_", cb.status) }));
    li.appendChild(badges);

    var dl = el("dl", { className: "facts" });
    fact(dl, t("dueBy"), formatDual(cb.due_by), "due-by");
    fact(dl, t("fLanguage"), langName(cb.language));
    fact(dl, t("fTopic"), orNone(topicLabel(cb.topic)));
    fact(dl, t("fReceipt"), orNone(cb.receipt_number));
    var phones = el("ul", { className: "phones" });
    (cb.phone_numbers || []).forEach(function (n) { phones.appendChild(el("li", { text: n })); });
    fact(dl, t("phones"), (cb.phone_numbers || []).length ? phones : t("none"));
    if (cb.preferred_window) {
      fact(dl, t("preferredWindow"), formatRangeDual(cb.preferred_window.start, cb.preferred_window.end), "preferred-window");
    }
    if (cb.next_attempt) {
      var next = cb.next_attempt;
      fact(dl, t("nextAttempt"), t("nextAttemptText", {
        n: orNone(next.attempt_no), phone: orNone(next.phone_number), range: formatRangeDual(next.earliest, next.latest)
      }), "next-attempt");
    }
    fact(dl, t("summaryLabel"), el("pre", { className: "summary", text: cb.summary == null ? "" : String(cb.summary) }));
    var attempts = el("ol", { className: "attempts" });
    (cb.attempts || []).forEach(function (a) {
      attempts.appendChild(el("li", { text: t("attemptLine", {
        n: orNone(a.attempt_no), result: tCode("result_", a.result), by: orNone(a.by), at: formatDual(a.at)
      }) }));
    });
    fact(dl, t("attemptsMade"), (cb.attempts || []).length ? attempts : t("noAttempts"));
    li.appendChild(dl);

    if (cb.email_sent_at) li.appendChild(el("p", { className: "email-sent", text: t("emailSent", { when: formatDual(cb.email_sent_at) }) }));

    if (cb.callable_now) {
      li.appendChild(el("div", { className: "actions" }, [
        button(t("answered"), { className: "button--primary", "data-result": "answered", "aria-describedby": headingId }),
        button(t("noAnswer"), { "data-result": "no_answer", "aria-describedby": headingId })
      ]));
    } else if (cb.not_callable_reason) {
      li.appendChild(el("p", { className: "not-callable", text: tCode("reason_", cb.not_callable_reason) }));
    }
    return li;
  }

  function onCallbacksClick(event) {
    var target = event.target.closest("button[data-result]");
    if (!target) return;
    var li = target.closest("li[data-callback-id]");
    var id = li && li.getAttribute("data-callback-id");
    var rows = (state.callbacks && state.callbacks.callbacks) || [];
    var cb = rows.find(function (row) { return String(row.id) === id; });
    if (cb) recordAttempt(cb, target.getAttribute("data-result"));
  }

  function recordAttempt(cb, result) {
    var key = "callback:" + cb.id;
    if (state.busy[key]) return;
    state.busy[key] = true;
    var body = { result: result };
    if (cb.next_attempt && cb.next_attempt.phone_number) body.phone_number = cb.next_attempt.phone_number;
    api("POST", "/callbacks/" + enc(cb.id) + "/attempts", body).then(function (r) {
      delete state.busy[key];
      if (r.ok) {
        announce(t("attemptRecorded", { id: cb.id }));
        var updated = r.data.callback;
        if (updated && state.callbacks) {
          state.callbacks.callbacks = (state.callbacks.callbacks || []).map(function (row) { return row.id === updated.id ? updated : row; });
          renderCallbacks();
        }
      } else if (r.status === 409) {
        announce(r.data.error === "already_recorded" ? t("alreadyRecorded") : t("notCallable"));
      } else if (r.status !== 401) {
        announce(explain(r));
      }
      callbacksPoller.now();
    });
  }

  /* ---- start ------------------------------------------------------------ */

  function init() {
    state.lang = pickLanguage();
    applyLanguage();

    $("lang-select").addEventListener("change", function (event) {
      if (!I18N[event.target.value]) return;
      state.lang = event.target.value;
      store("localStorage", LANG_KEY, state.lang);
      applyLanguage();
    });
    $("signin-form").addEventListener("submit", onSignIn);
    $("signout").addEventListener("click", signOut);
    $("queue-tier1").addEventListener("click", onQueueClick);
    $("queue-tier2").addEventListener("click", onQueueClick);
    $("message-form").addEventListener("submit", function (event) { event.preventDefault(); sendMessage(); });
    $("message-input").addEventListener("keydown", onMessageKey);
    $("escalate").addEventListener("click", function () {
      if ($("escalate-form").hidden) showEscalateForm(); else hideEscalateForm(true);
    });
    $("escalate-form").addEventListener("submit", onEscalateSubmit);
    $("escalate-cancel").addEventListener("click", function () { hideEscalateForm(true); });
    $("release").addEventListener("click", function () { conversationAction("release", {}, "released"); });
    $("close").addEventListener("click", function () {
      if ($("close-confirm").hidden) showCloseConfirm(); else hideCloseConfirm(true);
    });
    $("close-yes").addEventListener("click", function () { hideCloseConfirm(false); conversationAction("close", {}, "closed"); });
    $("close-no").addEventListener("click", function () { hideCloseConfirm(true); });
    $("callbacks").addEventListener("click", onCallbacksClick);

    // A reload keeps the representative signed in.
    api("GET", "/session").then(function (r) {
      if (r.ok && r.data.user) {
        startSession(r.data, false);
      } else {
        showSignin();
        if (r.network) showSigninError(function () { return t("errNetwork"); });
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
