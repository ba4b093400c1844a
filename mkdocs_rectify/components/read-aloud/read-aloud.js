/* rectify-read-aloud: reads the main text of the page aloud (朗读) with the browser's own speech
 * synthesis — no remote service, no other script. Paragraph by paragraph in document order; the
 * paragraph being read is highlighted and scrolled into view (指读); pause, resume and stop; each
 * change is announced in a polite live region. The control stays hidden where the browser cannot
 * speak. No text lives here: labels and announcements come from the page (data-* attributes).
 * Loaded by the report and problem pages only. Uses base.js.
 */
(function () {
  "use strict";

  var base = window.rectify;
  if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") return;

  var synth = window.speechSynthesis;
  // Blocks read one by one; a block's own text excludes the blocks nested in it.
  var BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,caption,tr,figcaption,blockquote,pre";
  // Read as one piece: a label and its value, a table row.
  var WHOLE = ".rectify-facts__row,tr";
  var SKIP = "script,style,template,svg,button,[hidden],[aria-hidden='true'],.rectify-read-aloud,.headerlink";
  var MAX = 120; // characters per utterance: Chrome stops long utterances part-way
  var CURRENT = "rectify-read-aloud__current";

  function skipped(element) {
    if (element.matches(SKIP)) return true;
    var style = window.getComputedStyle(element);
    return style.display === "none" || style.visibility === "hidden";
  }

  function ownText(element, nested) {
    var parts = [];
    (function walk(node) {
      for (var child = node.firstChild; child; child = child.nextSibling) {
        if (child.nodeType === 3) {
          parts.push(child.nodeValue);
        } else if (child.nodeType === 1 && !skipped(child) && !(nested && child.matches(BLOCKS))) {
          parts.push(" ");
          walk(child);
          parts.push(" ");
        }
      }
    })(element);
    return parts.join("").replace(/\s+/g, " ").trim();
  }

  /* Sentences of at most MAX characters: split after 。！？； (and ". "), then after ，、：, then anywhere. */
  var SENTENCE_END = /([。！？；!?;]+[”’"'）)」』]*|\.(?=\s))/g;
  var CLAUSE_END = /([，、：,:]+)/g;

  function pieces(text) {
    var out = [];
    function cut(chunk, patterns) {
      chunk = chunk.trim();
      if (!chunk) return;
      if (chunk.length <= MAX) return void out.push(chunk);
      if (!patterns.length) {
        for (var i = 0; i < chunk.length; i += MAX) out.push(chunk.slice(i, i + MAX));
        return;
      }
      // Clauses are packed together again up to MAX, so that speech does not stop at every comma.
      var packed = "";
      chunk.replace(patterns[0], "$1\u0000").split("\u0000").forEach(function (part) {
        if (packed && packed.length + part.length > MAX) {
          cut(packed, patterns.slice(1));
          packed = "";
        }
        packed += part;
      });
      cut(packed, patterns.slice(1));
    }
    text.replace(SENTENCE_END, "$1\u0000").split("\u0000").forEach(function (sentence) {
      cut(sentence, [CLAUSE_END]);
    });
    return out;
  }

  function units(root) {
    var list = [];
    root.querySelectorAll(BLOCKS + "," + WHOLE).forEach(function (element) {
      var whole = base.closest(element, WHOLE);
      if (whole && whole !== element) return; // inside a row read as one piece
      for (var up = element; up && up !== root.parentNode; up = up.parentElement) {
        if (skipped(up)) return;
      }
      var text = ownText(element, !element.matches(WHOLE));
      if (text) list.push({ element: element, chunks: pieces(text) });
    });
    return list;
  }

  function pickVoice(lang) {
    var voices = synth.getVoices() || [];
    var wanted = lang.toLowerCase().replace("_", "-");
    var primary = wanted.split("-")[0];
    function norm(voice) { return (voice.lang || "").toLowerCase().replace("_", "-"); }
    function best(test) {
      var found = voices.filter(test);
      return found.filter(function (v) { return v.localService; })[0] || found[0] || null;
    }
    return (
      best(function (v) { return norm(v) === wanted; }) ||
      best(function (v) { return norm(v).split("-")[0] === primary && !/-(hk|mo)$/.test(norm(v)); })
    );
  }

  function Reader(box) {
    this.box = box;
    this.target = document.getElementById(box.getAttribute("data-rectify-read-aloud"));
    this.main = box.querySelector("[data-rectify-read-aloud-main]");
    this.label = this.main.querySelector(".rectify-read-aloud__label") || this.main;
    this.stopButton = box.querySelector("[data-rectify-read-aloud-stop]");
    this.status = box.querySelector("[data-rectify-read-aloud-status]");
    this.lang = box.getAttribute("data-lang") || document.documentElement.lang || "zh-CN";
    this.state = "idle";
    this.queue = [];
    this.unit = 0;
    this.chunk = 0;
    this.generation = 0;
    var self = this;
    this.main.addEventListener("click", function () { self.toggle(); });
    this.stopButton.addEventListener("click", function () { self.stop(true); });
    box.hidden = false;
  }

  Reader.prototype.text = function (name) {
    return this.box.getAttribute("data-" + name) || "";
  };

  Reader.prototype.say = function (name) {
    base.announce(this.status, this.text("said-" + name));
  };

  Reader.prototype.render = function () {
    var active = this.state !== "idle";
    this.label.textContent = this.text(
      this.state === "playing" ? "text-pause" : this.state === "paused" ? "text-resume" : "text-start"
    );
    this.box.classList.toggle("rectify-read-aloud--active", active);
    this.box.setAttribute("data-state", this.state);
    if (!active && document.activeElement === this.stopButton) this.main.focus();
    this.stopButton.hidden = !active;
  };

  Reader.prototype.highlight = function (element) {
    var previous = document.querySelectorAll("." + CURRENT);
    for (var i = 0; i < previous.length; i++) {
      if (previous[i] !== element) previous[i].classList.remove(CURRENT);
    }
    if (!element || element.classList.contains(CURRENT)) return;
    element.classList.add(CURRENT);
    var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    element.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
  };

  Reader.prototype.toggle = function () {
    if (this.state === "idle") this.start();
    else if (this.state === "playing") this.pause();
    else this.resume();
  };

  Reader.prototype.start = function () {
    if (!this.target) return;
    this.queue = units(this.target);
    this.unit = 0;
    this.chunk = 0;
    if (synth.speaking || synth.pending) synth.cancel();
    this.state = "playing";
    this.render();
    this.say("started");
    this.speak();
  };

  Reader.prototype.speak = function () {
    var self = this;
    var generation = ++this.generation;
    var item = this.queue[this.unit];
    if (!item) return this.finish();
    this.highlight(item.element);
    var utterance = new window.SpeechSynthesisUtterance(item.chunks[this.chunk]);
    utterance.lang = this.lang;
    var voice = pickVoice(this.lang);
    if (voice) utterance.voice = voice;
    utterance.onend = function () {
      if (generation !== self.generation || self.state !== "playing") return;
      self.chunk += 1;
      if (self.chunk >= item.chunks.length) {
        self.unit += 1;
        self.chunk = 0;
      }
      self.speak();
    };
    utterance.onerror = function (event) {
      if (generation !== self.generation) return; // cancelled by pause or stop
      if (event && (event.error === "interrupted" || event.error === "canceled")) return;
      self.fail();
    };
    synth.speak(utterance);
  };

  /* Pausing cancels and resuming speaks the current sentence again: speechSynthesis.pause() is
   * unreliable (it stops for good on Android, and long pauses break it in desktop Chrome). */
  Reader.prototype.pause = function () {
    this.state = "paused";
    this.generation += 1;
    synth.cancel();
    this.render();
    this.say("paused");
  };

  Reader.prototype.resume = function () {
    this.state = "playing";
    this.render();
    this.say("resumed");
    this.speak();
  };

  Reader.prototype.end = function (message) {
    this.state = "idle";
    this.generation += 1;
    synth.cancel();
    this.highlight(null);
    this.render();
    this.say(message);
  };

  Reader.prototype.stop = function () { this.end("stopped"); };
  Reader.prototype.finish = function () { this.end("finished"); };
  Reader.prototype.fail = function () { this.end("failed"); };

  var readers = [];
  function init() {
    document.querySelectorAll("[data-rectify-read-aloud]").forEach(function (box) {
      if (!box.rectifyReader) readers.push((box.rectifyReader = new Reader(box)));
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();

  // Leaving the page ends the reading; the browser would otherwise go on speaking.
  window.addEventListener("pagehide", function () {
    readers.forEach(function (reader) {
      if (reader.state !== "idle") {
        reader.generation += 1;
        reader.state = "idle";
      }
    });
    synth.cancel();
  });
})();
