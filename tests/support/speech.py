"""A stand-in for the browser's speech engine, for the tests of read aloud and the speech tools.

Headless Chromium here has ``speechSynthesis`` but no voice. :data:`SPEECH`, an init script, stands in
for the engine (``getVoices``, ``speak``, ``cancel``, ``speaking``): it reports the voices of
``window.__tts.voices`` (one zh-CN voice unless a test says otherwise), records each utterance (text,
language, rate, voice, and the text of the block highlighted when it was spoken), starts it at once,
and ends it when the test says so (``__tts.end()``) or at once in ``auto`` mode. The site's own
scripts run unchanged.
"""

from __future__ import annotations

import re
from typing import Any

from support.builds import DEMO_ID

PROBLEM = f"/{DEMO_ID}/1/"
"""A problem page of the demo, and its report's page below: the pages 朗读 reads."""
REPORT = f"/{DEMO_ID}/"
CURRENT = ".rectify-read-aloud__current"
"""The block being read, highlighted."""

ZH_VOICE = "{ name: '中文（普通话）', lang: 'zh-CN', localService: true, default: true, voiceURI: 'zh' }"
EN_VOICE = "{ name: 'English', lang: 'en-GB', localService: true, default: false, voiceURI: 'en' }"

_ENGINE = """
(() => {
  const spoken = [], pending = [];
  const tts = window.__tts = { spoken, pending, auto: false, fail: false, voices: [%(voices)s] };
  tts.end = () => {
    const u = pending.shift();
    if (u && u.onend) u.onend({ type: 'end', utterance: u });
    return Boolean(u);
  };
  // Voices arriving late, as in Chromium: the list changes and voiceschanged is fired.
  tts.arrive = (voices) => {
    tts.voices = voices;
    window.speechSynthesis.dispatchEvent(new Event('voiceschanged'));
  };
  const synth = window.speechSynthesis;
  synth.getVoices = () => tts.voices.slice();
  // A stand-in voice is not a SpeechSynthesisVoice, which the utterance's own setter asks for.
  Object.defineProperty(SpeechSynthesisUtterance.prototype, 'voice', {
    get() { return this.__voice || null; }, set(v) { this.__voice = v; }, configurable: true,
  });
  synth.speak = (u) => {
    const current = document.querySelector('.rectify-read-aloud__current');
    spoken.push({
      text: u.text, lang: u.lang, rate: u.rate, voice: u.voice ? u.voice.name : null,
      block: current ? current.textContent.replace(/\\s+/g, '') : null,
    });
    pending.push(u);
    if (tts.fail) {
      pending.pop();
      if (u.onerror) u.onerror({ type: 'error', error: 'synthesis-failed' });
      return;
    }
    if (u.onstart) u.onstart({ type: 'start', utterance: u });
    if (tts.auto) tts.end();
  };
  synth.cancel = () => {
    pending.splice(0).forEach((u, i) => {
      if (u.onerror) u.onerror({ type: 'error', error: i ? 'canceled' : 'interrupted' });
    });
  };
  Object.defineProperty(synth, 'speaking', { get: () => pending.length > 0, configurable: true });
  Object.defineProperty(synth, 'pending', { get: () => pending.length > 1, configurable: true });
})();
"""


def engine(*voices: str) -> str:
    """The init script with ``voices`` (JavaScript object literals) reported by ``getVoices``."""
    return _ENGINE % {"voices": ", ".join(voices)}


SPEECH = engine(ZH_VOICE)
"""The engine with one Chinese voice."""
NO_VOICE = engine()
"""The engine of this machine's Chromium: speech synthesis without a voice."""
NO_SPEECH = "delete window.speechSynthesis;"


def spoken(page: Any) -> list[dict[str, Any]]:
    """What the stand-in engine was asked to say on ``page``, in order."""
    return page.evaluate("window.__tts.spoken")


def wait_status(page: Any, text: str, selector: str) -> None:
    """Wait until the live region at ``selector`` says ``text``."""
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel).textContent === text",
        arg=[selector, text],
        timeout=5000,
    )


def unspaced(text: str) -> str:
    """Text without white space: what an utterance and the page's text have in common."""
    return re.sub(r"\s+", "", text)


def focused_text(page: Any) -> str:
    return page.evaluate("document.activeElement.textContent.trim()")


def stop_by_keyboard(page: Any, status: str, start: str) -> None:
    """From the button that started a reading, Tab reaches 停止 and Enter stops the reading (said in
    the live region ``status``); the focus goes back to the button that starts it, named ``start``."""
    page.keyboard.press("Tab")
    assert focused_text(page) == "停止"
    page.keyboard.press("Enter")
    wait_status(page, "已停止朗读。", status)
    assert focused_text(page) == start
