/*
 * Article bot chat widget: plain JavaScript on socket.io-client (window.io), no build step.
 *
 * Embed:   <script src=".../socket.io.min.js"></script>
 *          <script src=".../article-bot.js" data-server-url="https://bot.example.org"></script>
 * or call  ArticleBot.init({ serverUrl: "https://bot.example.org" })  yourself.
 *
 * Safety: bot text only ever reaches the page through textContent / createTextNode; links are
 * made only for http(s) URLs. Nothing uses innerHTML, eval or inline styles, so the widget runs
 * under a strict Content-Security-Policy (default-src 'self').
 */
(function () {
  "use strict";

  var STORE_KEY = "articleBot.v1";
  var QUOTE = /^From the article \(paragraph (\d+)\): "(.*)"$/;
  var URL_RE = /\bhttps?:\/\/[^\s<>"']+/g;
  var REPLY_TIMEOUT_MS = 15000;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  function newSessionId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID().replace(/-/g, "");
    return String(Date.now()) + Math.random().toString(16).slice(2);
  }

  // Text with http(s) links made clickable; everything else stays plain text.
  function appendLinkified(parent, text) {
    var last = 0;
    text.replace(URL_RE, function (url, offset) {
      parent.appendChild(document.createTextNode(text.slice(last, offset)));
      var safe = null;
      try {
        var parsed = new URL(url);
        if (parsed.protocol === "http:" || parsed.protocol === "https:") safe = parsed.href;
      } catch (e) { /* not a URL: keep it as text */ }
      if (safe) {
        parent.appendChild(el("a", { href: safe, target: "_blank", rel: "noopener noreferrer nofollow", text: url }));
      } else {
        parent.appendChild(document.createTextNode(url));
      }
      last = offset + url.length;
      return url;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function loadState() {
    try {
      var s = JSON.parse(window.localStorage.getItem(STORE_KEY) || "null");
      if (s && typeof s.sessionId === "string" && Array.isArray(s.transcript)) return s;
    } catch (e) { /* storage blocked or corrupt: start afresh */ }
    return { sessionId: newSessionId(), transcript: [], open: false };
  }

  function Widget(options) {
    this.serverUrl = options.serverUrl;
    this.socketPath = options.socketPath || "/socket.io/";
    this.title = options.title || "Ask about this article";
    this.state = loadState();
    this.connected = false;
    this.waitTimer = null;
    this.build();
    this.renderTranscript();
    this.connect();
    if (this.state.open) this.open(false);
  }

  Widget.prototype.save = function () {
    try { window.localStorage.setItem(STORE_KEY, JSON.stringify(this.state)); } catch (e) { /* ignore */ }
  };

  Widget.prototype.build = function () {
    var self = this;
    this.launcher = el("button", {
      type: "button", className: "abot-launcher", "aria-expanded": "false",
      "aria-controls": "abot-panel", "aria-label": "Open chat: " + this.title, text: "Ask the article"
    });
    this.status = el("p", { className: "abot-status", role: "status", "aria-live": "polite" });
    this.log = el("ol", { className: "abot-log", role: "log", "aria-live": "polite", "aria-label": "Conversation" });
    this.typing = el("p", { className: "abot-typing", hidden: "hidden", "aria-label": "The bot is typing", text: "…" });
    this.input = el("input", {
      id: "abot-input", type: "text", autocomplete: "off", maxlength: "500",
      placeholder: "e.g. Does swimming help?"
    });
    this.sendButton = el("button", { type: "submit", className: "abot-send", text: "Send" });
    this.form = el("form", { className: "abot-form" }, [
      el("label", { "for": "abot-input", className: "abot-visually-hidden", text: "Your question" }),
      this.input, this.sendButton
    ]);
    this.resetButton = el("button", { type: "button", className: "abot-reset", text: "New conversation" });
    // Deletes this conversation on the server (every message) and in this browser.
    this.deleteButton = el("button", { type: "button", className: "abot-delete", text: "Delete my conversation" });
    this.closeButton = el("button", { type: "button", className: "abot-close", "aria-label": "Close chat", text: "×" });
    this.panel = el("section", {
      id: "abot-panel", className: "abot-panel", role: "dialog", "aria-labelledby": "abot-title", hidden: "hidden"
    }, [
      el("header", { className: "abot-header" }, [
        el("h2", { id: "abot-title", text: this.title }), this.resetButton, this.deleteButton, this.closeButton
      ]),
      // The AI notice: shown from the first opening, before the reader writes, and always visible.
      el("p", { className: "abot-note", id: "abot-ai-notice",
                text: "You're chatting with an automated assistant, not a person. It answers only from the article " +
                      "and gives no medical advice. In a crisis, call your local emergency number." }),
      this.log, this.typing, this.status, this.form
    ]);
    this.root = el("div", { className: "abot-root" }, [this.panel, this.launcher]);
    document.body.appendChild(this.root);

    this.launcher.addEventListener("click", function () { self.isOpen() ? self.close() : self.open(true); });
    this.closeButton.addEventListener("click", function () { self.close(); });
    this.resetButton.addEventListener("click", function () { self.reset(); });
    this.deleteButton.addEventListener("click", function () { self.send("/delete_conversation", "Delete my conversation"); });
    this.panel.addEventListener("keydown", function (e) { if (e.key === "Escape") self.close(); });
    this.form.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = self.input.value.trim();
      if (!text) return;
      if (self.send(text, text)) self.input.value = "";
    });
  };

  Widget.prototype.isOpen = function () { return !this.panel.hidden; };

  Widget.prototype.open = function (focus) {
    this.panel.hidden = false;
    this.launcher.setAttribute("aria-expanded", "true");
    this.state.open = true;
    this.save();
    if (!this.state.transcript.length && this.connected) this.send("/greet", null);
    this.scroll();
    if (focus) this.input.focus();
  };

  Widget.prototype.close = function () {
    this.panel.hidden = true;
    this.launcher.setAttribute("aria-expanded", "false");
    this.state.open = false;
    this.save();
    this.launcher.focus();
  };

  Widget.prototype.reset = function () {
    this.state = { sessionId: newSessionId(), transcript: [], open: true };
    this.save();
    this.log.textContent = "";
    if (this.socket && this.connected) {
      this.socket.emit("session_request", { session_id: this.state.sessionId });
    }
    this.input.focus();
  };

  Widget.prototype.setStatus = function (text, isError) {
    this.status.textContent = text || "";
    this.status.className = "abot-status" + (isError ? " abot-error" : "");
  };

  Widget.prototype.connect = function () {
    var self = this;
    if (typeof window.io !== "function") {
      this.setStatus("The chat could not load (socket.io client missing).", true);
      return;
    }
    this.setStatus("Connecting…");
    this.setEnabled(false);
    this.socket = window.io(this.serverUrl, {
      path: this.socketPath, transports: ["websocket"],
      reconnection: true, reconnectionDelay: 1000, reconnectionDelayMax: 5000
    });
    this.socket.on("connect", function () {
      // Re-join the same conversation on every (re)connect: the server keeps its history.
      self.socket.emit("session_request", { session_id: self.state.sessionId });
    });
    this.socket.on("session_confirm", function (sessionId) {
      var id = typeof sessionId === "string" ? sessionId : (sessionId && sessionId.session_id);
      if (id && id !== self.state.sessionId) { self.state.sessionId = id; self.save(); }
      self.connected = true;
      self.setEnabled(true);
      self.setStatus("");
      if (self.isOpen() && !self.state.transcript.length) self.send("/greet", null);
    });
    this.socket.on("bot_uttered", function (message) { self.receive(message); });
    this.socket.on("connect_error", function () { self.offline(); });
    this.socket.on("disconnect", function () { self.offline(); });
  };

  Widget.prototype.offline = function () {
    this.connected = false;
    this.setEnabled(false);
    this.stopWaiting();
    this.setStatus("Can't reach the bot right now. Retrying…", true);
  };

  Widget.prototype.setEnabled = function (on) {
    this.input.disabled = !on;
    this.sendButton.disabled = !on;
  };

  // Send `payload` to the bot; show `shown` as the user's message (null: show nothing).
  Widget.prototype.send = function (payload, shown) {
    if (!this.connected) {
      this.setStatus("Can't reach the bot right now. Retrying…", true);
      return false;
    }
    if (shown !== null) this.add({ from: "user", text: shown });
    this.socket.emit("user_uttered", { message: payload, session_id: this.state.sessionId });
    this.startWaiting();
    return true;
  };

  Widget.prototype.startWaiting = function () {
    var self = this;
    this.typing.hidden = false;
    this.scroll();
    clearTimeout(this.waitTimer);
    this.waitTimer = setTimeout(function () {
      self.typing.hidden = true;
      self.setStatus("The bot did not answer. Please try again.", true);
    }, REPLY_TIMEOUT_MS);
  };

  Widget.prototype.stopWaiting = function () {
    clearTimeout(this.waitTimer);
    this.typing.hidden = true;
  };

  Widget.prototype.receive = function (message) {
    if (!message || typeof message !== "object") return;
    this.stopWaiting();
    this.setStatus("");
    if (message.conversation_deleted === true) {
      // The server has deleted the conversation (domain.yml, utter_conversation_deleted):
      // forget it here too and continue under a new session id.
      this.reset();
      this.add({ from: "bot", text: "Your conversation was deleted from the server and from this browser." });
      return;
    }
    if (typeof message.text !== "string" || !message.text) return;
    var buttons = (message.quick_replies || message.buttons || []).filter(function (b) {
      return b && typeof b.title === "string" && typeof b.payload === "string";
    }).map(function (b) { return { title: b.title, payload: b.payload }; });
    this.add({ from: "bot", text: message.text, buttons: buttons });
  };

  Widget.prototype.add = function (entry) {
    this.state.transcript.push(entry);
    this.state.transcript = this.state.transcript.slice(-200);
    this.save();
    this.render(entry, true);
  };

  Widget.prototype.renderTranscript = function () {
    var self = this;
    this.log.textContent = "";
    this.state.transcript.forEach(function (entry, i) {
      self.render(entry, i === self.state.transcript.length - 1);
    });
  };

  Widget.prototype.render = function (entry, latest) {
    var self = this;
    // Only the latest message keeps live buttons: older choices are history.
    Array.prototype.forEach.call(this.log.querySelectorAll(".abot-buttons button"), function (b) { b.disabled = true; });
    var item = el("li", { className: "abot-msg abot-" + (entry.from === "user" ? "user" : "bot") });
    item.appendChild(el("span", { className: "abot-visually-hidden", text: entry.from === "user" ? "You: " : "Bot: " }));
    var paragraph = null;
    String(entry.text || "").split("\n").forEach(function (line) {
      var m = QUOTE.exec(line);
      if (m) {
        paragraph = null;
        var quote = el("blockquote", { className: "abot-quote" });
        appendLinkified(quote, "“" + m[2] + "”");
        quote.appendChild(el("cite", { text: "From the article, paragraph " + m[1] }));
        item.appendChild(quote);
      } else if (line.trim()) {
        paragraph = el("p");
        appendLinkified(paragraph, line);
        item.appendChild(paragraph);
      }
    });
    if (entry.buttons && entry.buttons.length) {
      var group = el("div", { className: "abot-buttons", role: "group", "aria-label": "Suggested questions" });
      entry.buttons.forEach(function (b) {
        var button = el("button", { type: "button", text: b.title });
        button.disabled = !latest;
        button.addEventListener("click", function () { self.send(b.payload, b.title); });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    this.log.appendChild(item);
    this.scroll();
  };

  Widget.prototype.scroll = function () { this.log.scrollTop = this.log.scrollHeight; };

  var instance = null;
  window.ArticleBot = {
    init: function (options) {
      if (!options || !options.serverUrl) throw new Error("ArticleBot.init needs { serverUrl }");
      if (!instance) instance = new Widget(options);
      return instance;
    }
  };

  // One-tag embedding: <script src="article-bot.js" data-server-url="..."></script>
  var script = document.currentScript;
  if (script && script.dataset.serverUrl) {
    var start = function () { window.ArticleBot.init({ serverUrl: script.dataset.serverUrl, title: script.dataset.title }); };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
})();
