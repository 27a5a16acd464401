"""A stand-in for the Web Speech API, installed before the page's scripts run.

Headless Chromium has no voices, so the tests choose them: ``speech_stub(voices)`` is an
init script (``page.add_init_script``) that replaces ``speechSynthesis`` and
``SpeechSynthesisUtterance``. Each voice is ``(lang, local)`` or ``(lang, local, name)``.

What the page does is recorded in ``window.__speech`` and, so that it survives leaving
the page, in ``sessionStorage["speech-log"]``: a list of ``["speak", text, lang, voice]``,
``["cancel"]``, ``["pause"]``, ``["resume"]`` and ``["pagehide"]`` entries. The stub
behaves like Chromium where it matters: ``cancel()`` fires ``error`` ("interrupted") on
the utterance being spoken, one tick later. ``overlaps`` counts ``speak()`` calls made
while another utterance was still being spoken.

With ``auto_end_ms`` each utterance ends by itself after that many milliseconds;
without it, an utterance ends only when the test calls ``__speech.end()``. With
``late_voices``, ``getVoices()`` is empty until ``__speech.loadVoices()`` (or after
``late_voices`` ms), which fires ``voiceschanged``, as Chrome does.
"""

from __future__ import annotations

import json

_STUB = """(() => {
  const config = %s;
  const voices = config.voices.map(([lang, local, name]) =>
    ({ name: name || ("Voice " + lang), voiceURI: name || lang, lang, localService: local, default: false }));
  let loaded = !config.late;
  const handlers = {};
  const log = { spoken: [], cancels: 0, overlaps: 0, current: null };
  function record(entry) {
    try {
      const all = JSON.parse(sessionStorage.getItem("speech-log") || "[]");
      all.push(entry);
      sessionStorage.setItem("speech-log", JSON.stringify(all));
    } catch (e) { /* a test that reads window.__speech does not need it */ }
  }
  function fire(u, type, extra) {
    const event = Object.assign({ type, utterance: u }, extra || {});
    if (typeof u["on" + type] === "function") { u["on" + type](event); }
    (u.listeners[type] || []).forEach((f) => f(event));
  }
  function finish(u) {
    if (!u || log.current !== u) { return false; }
    log.current = null;
    synth.speaking = false;
    fire(u, "end");
    return true;
  }
  const synth = {
    speaking: false, pending: false, paused: false, onvoiceschanged: null,
    getVoices() { return loaded ? voices.slice() : []; },
    speak(u) {
      if (log.current) { log.overlaps += 1; }
      log.current = u;
      synth.speaking = true;
      const voice = u.voice ? u.voice.name : null;
      log.spoken.push({ text: u.text, lang: u.lang, voice });
      record(["speak", u.text, u.lang, voice]);
      setTimeout(() => { if (log.current === u) { fire(u, "start"); } }, 0);
      if (config.autoEnd) { setTimeout(() => finish(u), config.autoEnd); }
    },
    cancel() {
      log.cancels += 1;
      record(["cancel"]);
      const u = log.current;
      log.current = null;
      synth.speaking = false;
      if (u) { setTimeout(() => fire(u, "error", { error: "interrupted" }), 0); }
    },
    pause() { record(["pause"]); synth.paused = true; },
    resume() { record(["resume"]); synth.paused = false; },
    addEventListener(type, f) { (handlers[type] = handlers[type] || []).push(f); },
    removeEventListener(type, f) { handlers[type] = (handlers[type] || []).filter((g) => g !== f); },
  };
  log.end = () => finish(log.current);
  log.loadVoices = () => {
    loaded = true;
    const event = { type: "voiceschanged" };
    if (typeof synth.onvoiceschanged === "function") { synth.onvoiceschanged(event); }
    (handlers.voiceschanged || []).forEach((f) => f(event));
  };
  if (config.late > 0) { setTimeout(log.loadVoices, config.late); }
  class Utterance {
    constructor(text) {
      this.text = text || ""; this.lang = ""; this.voice = null; this.rate = 1; this.pitch = 1; this.volume = 1;
      this.onstart = this.onend = this.onerror = this.onboundary = this.onpause = this.onresume = null;
      this.listeners = {};
    }
    addEventListener(type, f) { (this.listeners[type] = this.listeners[type] || []).push(f); }
    removeEventListener(type, f) { this.listeners[type] = (this.listeners[type] || []).filter((g) => g !== f); }
  }
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true, writable: true });
  window.addEventListener("pagehide", () => record(["pagehide"]));
  window.__speech = log;
})();"""

#: A local voice for every shipped language, so the control shows on every chapter.
EVERY_LANGUAGE = [
    ("en-US", True), ("es-ES", True), ("ar-SA", True), ("fa-IR", True), ("fr-FR", True),
    ("pt-BR", True), ("ru-RU", True), ("vi-VN", True), ("zh-CN", True), ("uk-UA", True),
]


def speech_stub(voices, auto_end_ms: int | None = None, late_voices: int | bool = False) -> str:
    voices = [list(v) + [None] * (3 - len(v)) for v in voices]
    late = late_voices if isinstance(late_voices, int) and not isinstance(late_voices, bool) else (-1 if late_voices else 0)
    return _STUB % json.dumps({"voices": voices, "autoEnd": auto_end_ms or 0, "late": late})
