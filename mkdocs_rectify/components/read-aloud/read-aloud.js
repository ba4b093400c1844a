/* rectify-read-aloud: speech with the browser's own speech synthesis — no remote service, no other
 * script. Loaded on every page, after base.js.
 *
 *   朗读 (the control at the top of content pages, data-rectify-read-aloud): reads the page's main
 *       text paragraph by paragraph in document order, highlighting and scrolling to the one being
 *       read; pause, resume and stop.
 *   The speech tools (data-rectify-speech, in the header's toolbar):
 *       指读  a toggle: while on, what the pointer rests on or the keyboard focuses is spoken;
 *       连读  reads on from the element last focused or pointed at to the end of <main> (Alt+Shift+R:
 *             from the element that has the focus);
 *       语速  slow, normal or fast, for everything spoken.
 *   指读 and 语速 hold for every page of the site (localStorage "rectify-point-read",
 *   "rectify-speech-rate"). Escape stops whatever is being read.
 *
 * Every control is rendered hidden and shown only once the browser has a voice for the page's
 * language (any "zh" voice for zh-CN, any "en" voice for en). No text lives here: labels and
 * announcements come from the page (data-* attributes), and each change is announced in a polite
 * live region through rectify.announce.
 *
 * rectify.speech.pieces(text[, max]) is the splitter every utterance goes through (see there).
 * Plain ES5: it must run on old phones.
 */
(function () {
  "use strict";

  var base = window.rectify;

  // -- the splitter -----------------------------------------------------------------------------

  var MAX = 120; // characters per utterance: Chrome stops long utterances part-way
  var CLOSERS = "”’\"'）)」』》〉】";
  // A sentence ends at 。！？； (with the quotes and brackets that close on it), or at ! ? ; . before a
  // space or the end: "https://a.cn/x;y" and "3.5" are not sentence ends.
  var SENTENCE_END = new RegExp("[。！？；]+[" + CLOSERS + "]*|[!?;.]+[" + CLOSERS + "]*(?=\\s|$)", "g");
  var CLAUSE_END = new RegExp("[，、：]+[" + CLOSERS + "]*|[,:]+[" + CLOSERS + "]*(?=\\s|$)", "g");
  // Runs that are never cut: a web address, a phone number (0898-6533 1234), a figure with its units
  // (2021年4月22日, 第3批, 3.5万元, 12:30), a Latin word or number (e-mail addresses included).
  var UNIT = "年月日号时点分秒";
  var COUNTER = "万亿千百十元个项条件次名人家余多%％";
  var LATIN = "A-Za-z0-9\\u00C0-\\u024F";
  var ATOMS = new RegExp(
    [
      "(?:https?:\\/\\/|www\\.)[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+",
      "\\+?[(（]?\\d+[)）]?(?:[ \\-]\\d+)+",
      "第?\\d+(?:[.,:/\\-]\\d+)*(?:[" + UNIT + "]\\d+(?:[.,:/\\-]\\d+)*)*[" + UNIT + COUNTER + "]?",
      "[" + LATIN + "]+(?:[\\-'’_.,:/@+][" + LATIN + "]+)*%?"
    ].join("|"),
    "g"
  );
  var OPENERS = /^[“‘"'（(「『《〈【]+$/;
  var CLOSING = new RegExp("^[" + CLOSERS + "，、。！？；：,.!?;:]+$");

  // The text cut after each match of `pattern`; the parts joined give the text back.
  function splitAfter(text, pattern) {
    var parts = [];
    var start = 0;
    var match;
    pattern.lastIndex = 0;
    while ((match = pattern.exec(text))) {
      var end = match.index + match[0].length;
      if (end === match.index) {
        pattern.lastIndex += 1;
        continue;
      }
      parts.push(text.slice(start, end));
      start = end;
    }
    parts.push(text.slice(start));
    return parts;
  }

  // The text as pieces that may be cut between: runs of ATOMS whole, other characters one by one;
  // an opening bracket or quote goes with what follows it, closing marks with what precedes them.
  function tokens(text) {
    var out = [];
    var at = 0;
    var match;
    function add(token) {
      var last = out.length - 1;
      if (last >= 0 && (OPENERS.test(out[last]) || (CLOSING.test(token) && !/^\s+$/.test(out[last])))) {
        out[last] += token;
      } else {
        out.push(token);
      }
    }
    ATOMS.lastIndex = 0;
    while ((match = ATOMS.exec(text))) {
      for (; at < match.index; at++) add(text.charAt(at));
      add(match[0]);
      at = match.index + match[0].length;
    }
    for (; at < text.length; at++) add(text.charAt(at));
    return out;
  }

  // Cuts a run with no punctuation left to cut at between tokens (at a space or between two CJK
  // characters), as few times as the limit allows. A single token longer than the limit (a very
  // long address) is spoken whole.
  function pack(text, max, out) {
    var piece = "";
    tokens(text).forEach(function (token) {
      if (piece.trim() && (piece + token).trim().length > max) {
        out.push(piece.trim());
        piece = "";
      }
      piece += token;
    });
    if (piece.trim()) out.push(piece.trim());
  }

  /* The utterances of a text, each at most `max` characters (120) where the text allows it: cut after
   * a sentence's end (。！？；!?;), then, in a sentence still too long, after a clause (，、：,:), the
   * clauses packed together again up to the limit, and only then between words or CJK characters,
   * never inside a number, a date, a phone number, a web address or a Latin word. The pieces joined
   * give the text back, but for white space. */
  function pieces(text, max) {
    max = max || MAX;
    var out = [];
    function cut(chunk, patterns) {
      if (!chunk.trim()) return;
      if (chunk.trim().length <= max) return void out.push(chunk.trim());
      if (!patterns.length) return pack(chunk, max, out);
      var packed = "";
      splitAfter(chunk, patterns[0]).forEach(function (part) {
        if (packed.trim() && (packed + part).trim().length > max) {
          cut(packed, patterns.slice(1));
          packed = "";
        }
        packed += part;
      });
      cut(packed, patterns.slice(1));
    }
    splitAfter(String(text || "").replace(/\s+/g, " "), SENTENCE_END).forEach(function (sentence) {
      cut(sentence, [CLAUSE_END]);
    });
    return out;
  }

  base.speech = { pieces: pieces, MAX: MAX };

  if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance !== "function") return;

  var synth = window.speechSynthesis;

  // -- what is read -----------------------------------------------------------------------------

  // Blocks read one by one; a block's own text excludes the blocks nested in it.
  var BLOCKS = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,caption,tr,figcaption,blockquote,pre";
  // Read as one piece: a label and its value, a table row.
  var WHOLE = ".rectify-facts__row,tr";
  var SKIP =
    "script,style,template,svg,button,[hidden],[aria-hidden='true'],.rectify-read-aloud,.rectify-speech," +
    ".headerlink";
  // What 指读 speaks when the pointer rests on it: a control, else the block or cell around it.
  var CONTROLS = "a[href],button,input,select,textarea,summary,label,[role=button],[role=link],[tabindex]";
  var POINTABLE = CONTROLS + "," + WHOLE + "," + BLOCKS + ",td,th,figure,img[alt]";
  var CURRENT = "rectify-read-aloud__current";

  function skipped(element) {
    if (element.matches(SKIP)) return true;
    var style = window.getComputedStyle(element);
    return style.display === "none" || style.visibility === "hidden";
  }

  function hidden(element) {
    if (element.hidden || element.getAttribute("aria-hidden") === "true") return true;
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

  // The text a screen reader would give an element: its label, else its visible text (visually
  // hidden text included, hidden text left out, an image's alt).
  function accessibleText(element) {
    var text = "";
    var ids = (element.getAttribute("aria-labelledby") || "").split(/\s+/);
    ids.forEach(function (id) {
      var label = id && document.getElementById(id);
      if (label) text += " " + label.textContent;
    });
    text = text || element.getAttribute("aria-label") || "";
    if (!text && element.labels && element.labels.length) {
      for (var i = 0; i < element.labels.length; i++) text += " " + element.labels[i].textContent;
    }
    if (element.matches("input:not([type=checkbox]):not([type=radio]),textarea") && element.value) {
      text += " " + element.value;
    }
    if (!text && element.matches("img")) text = element.getAttribute("alt") || "";
    if (!text) {
      var parts = [];
      (function walk(node) {
        for (var child = node.firstChild; child; child = child.nextSibling) {
          if (child.nodeType === 3) parts.push(child.nodeValue);
          else if (child.nodeType === 1 && !child.matches("script,style,template") && !hidden(child)) {
            if (child.matches("img[alt]")) parts.push(" " + child.getAttribute("alt") + " ");
            else {
              parts.push(" ");
              walk(child);
              parts.push(" ");
            }
          }
        }
      })(element);
      text = parts.join("");
    }
    return text.replace(/\s+/g, " ").trim();
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

  // -- voices, rate and who speaks --------------------------------------------------------------

  var WAIT = 3000; // ms to wait for the voices (Chromium lists none at first)
  var RATES = { slow: 0.75, normal: 1, fast: 1.25 };
  var RATE_KEY = "rectify-speech-rate";
  var POINT_KEY = "rectify-point-read";

  function stored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null; // storage off (private mode, policies): the defaults hold
    }
  }

  function store(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (error) {
      // the setting still holds on this page
    }
  }

  function rateName() {
    var name = stored(RATE_KEY);
    return RATES.hasOwnProperty(name) ? name : "normal";
  }

  function norm(lang) {
    return String(lang || "").toLowerCase().replace("_", "-");
  }

  function voices() {
    try {
      return synth.getVoices() || [];
    } catch (error) {
      return [];
    }
  }

  // Whether a voice speaks `lang`'s language (zh-CN: any zh voice).
  function canSpeak(lang) {
    var primary = norm(lang).split("-")[0];
    return voices().some(function (voice) { return norm(voice.lang).split("-")[0] === primary; });
  }

  function pickVoice(lang) {
    var list = voices();
    var wanted = norm(lang);
    var primary = wanted.split("-")[0];
    function best(test) {
      var found = list.filter(test);
      return found.filter(function (v) { return v.localService; })[0] || found[0] || null;
    }
    return (
      best(function (v) { return norm(v.lang) === wanted; }) ||
      best(function (v) { return norm(v.lang).split("-")[0] === primary && !/-(hk|mo)$/.test(norm(v.lang)); }) ||
      best(function (v) { return norm(v.lang).split("-")[0] === primary; })
    );
  }

  var pageLang = document.documentElement.getAttribute("lang") || "zh-CN";

  // One speaker at a time: whoever starts speaking claims the synthesiser, and the one it takes it
  // from is told (interrupt) so that its buttons and state follow.
  var speech = {
    owner: null,
    claim: function (owner) {
      var previous = this.owner;
      this.owner = owner;
      if (previous && previous !== owner) previous.interrupt();
      if (synth.speaking || synth.pending) synth.cancel();
    },
    release: function (owner) {
      if (this.owner === owner) this.owner = null;
    },
    utterance: function (text, lang) {
      var utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      var voice = pickVoice(lang);
      if (voice) utterance.voice = voice;
      utterance.rate = RATES[rateName()];
      return utterance;
    }
  };

  function highlight(element) {
    var previous = document.querySelectorAll("." + CURRENT);
    for (var i = 0; i < previous.length; i++) {
      if (previous[i] !== element) previous[i].classList.remove(CURRENT);
    }
    if (!element || element.classList.contains(CURRENT)) return;
    element.classList.add(CURRENT);
    // No motion in 关怀版, nor for a reader who asks the system for less of it.
    var still =
      document.documentElement.hasAttribute("data-rectify-care") ||
      (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
    element.scrollIntoView({ block: "center", behavior: still ? "auto" : "smooth" });
  }

  // -- a reading: blocks read one after the other, highlighted ------------------------------------

  /* view: { lang, render(state), say(name) }, the buttons that show the reading. */
  function Reading(view) {
    this.view = view;
    this.state = "idle";
    this.queue = [];
    this.unit = 0;
    this.chunk = 0;
    this.generation = 0;
  }

  Reading.prototype.start = function (queue, index) {
    this.queue = queue;
    this.unit = index || 0;
    this.chunk = 0;
    speech.claim(this);
    this.state = "playing";
    this.view.render(this.state);
    this.view.say("started");
    this.speak();
  };

  Reading.prototype.speak = function () {
    var self = this;
    var generation = ++this.generation;
    var item = this.queue[this.unit];
    if (!item) return this.end("finished");
    highlight(item.element);
    var utterance = speech.utterance(item.chunks[this.chunk], this.view.lang);
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
      self.end("failed");
    };
    synth.speak(utterance);
  };

  /* Pausing cancels and resuming speaks the current sentence again: speechSynthesis.pause() is
   * unreliable (it stops for good on Android, and long pauses break it in desktop Chrome). */
  Reading.prototype.pause = function () {
    this.state = "paused";
    this.generation += 1;
    speech.release(this);
    synth.cancel();
    this.view.render(this.state);
    this.view.say("paused");
  };

  Reading.prototype.resume = function () {
    speech.claim(this);
    this.state = "playing";
    this.view.render(this.state);
    this.view.say("resumed");
    this.speak();
  };

  Reading.prototype.end = function (message) {
    if (this.state === "idle") return;
    this.state = "idle";
    this.generation += 1;
    if (speech.owner === this) {
      speech.release(this);
      synth.cancel();
    }
    highlight(null);
    this.view.render(this.state);
    this.view.say(message);
  };

  Reading.prototype.stop = function () { this.end("stopped"); };

  // Something else began to speak: a reading that was playing stops, a paused one stays paused.
  Reading.prototype.interrupt = function () {
    if (this.state === "playing") this.end("stopped");
  };

  // -- 朗读: the control of a content page ---------------------------------------------------------

  function Reader(box) {
    var self = this;
    this.box = box;
    this.target = document.getElementById(box.getAttribute("data-rectify-read-aloud"));
    this.main = box.querySelector("[data-rectify-read-aloud-main]");
    this.label = this.main.querySelector(".rectify-read-aloud__label") || this.main;
    this.stopButton = box.querySelector("[data-rectify-read-aloud-stop]");
    this.status = box.querySelector("[data-rectify-read-aloud-status]");
    this.lang = box.getAttribute("data-lang") || pageLang;
    this.reading = new Reading(this);
    this.main.addEventListener("click", function () { self.toggle(); });
    this.stopButton.addEventListener("click", function () { self.reading.stop(); });
  }

  Reader.prototype.text = function (name) {
    return this.box.getAttribute("data-" + name) || "";
  };

  Reader.prototype.say = function (name) {
    base.announce(this.status, this.text("said-" + name));
  };

  Reader.prototype.render = function (state) {
    var active = state !== "idle";
    this.label.textContent = this.text(
      state === "playing" ? "text-pause" : state === "paused" ? "text-resume" : "text-start"
    );
    this.box.classList.toggle("rectify-read-aloud--active", active);
    this.box.setAttribute("data-state", state);
    if (!active && document.activeElement === this.stopButton) this.main.focus();
    this.stopButton.hidden = !active;
  };

  Reader.prototype.toggle = function () {
    var reading = this.reading;
    if (reading.state === "idle") {
      if (this.target) reading.start(units(this.target), 0);
    } else if (reading.state === "playing") reading.pause();
    else reading.resume();
  };

  // -- the speech tools: 指读, 连读, 语速 ----------------------------------------------------------

  var HOVER = 400; // ms the pointer rests on something before 指读 speaks it

  function Tools(box) {
    var self = this;
    this.box = box;
    this.lang = box.getAttribute("data-lang") || pageLang;
    this.status = box.querySelector("[data-rectify-speech-status]");
    this.pointButton = box.querySelector("[data-rectify-speech-point]");
    this.readOnButton = box.querySelector("[data-rectify-speech-read-on]");
    this.stopButton = box.querySelector("[data-rectify-speech-stop]");
    this.rateButtons = box.querySelectorAll("[data-rectify-speech-rate]");
    this.reading = new Reading(this);
    this.pointing = { state: "idle", generation: 0, interrupt: function () { self.quiet(); } };
    this.pointButton.addEventListener("click", function () { self.setPoint(!self.pointOn(), true); });
    this.readOnButton.addEventListener("click", function () {
      if (self.reading.state === "idle") self.readOn();
      else self.reading.stop();
    });
    this.stopButton.addEventListener("click", function () { self.reading.stop(); });
    Array.prototype.forEach.call(this.rateButtons, function (button) {
      button.addEventListener("click", function () {
        self.setRate(button.getAttribute("data-rectify-speech-rate"));
      });
    });
    this.setPoint(stored(POINT_KEY) === "on", false);
    this.renderRate();
  }

  Tools.prototype.text = Reader.prototype.text;

  Tools.prototype.say = function (name, values) {
    var text = this.text("said-" + name);
    for (var key in values || {}) text = text.replace("{" + key + "}", values[key]);
    base.announce(this.status, text);
  };

  Tools.prototype.render = function (state) {
    var active = state !== "idle";
    this.readOnButton.setAttribute("aria-pressed", active ? "true" : "false");
    if (!active && document.activeElement === this.stopButton) this.readOnButton.focus();
    this.stopButton.hidden = !active;
  };

  Tools.prototype.pointOn = function () {
    return this.pointButton.getAttribute("aria-pressed") === "true";
  };

  Tools.prototype.setPoint = function (on, told) {
    this.pointButton.setAttribute("aria-pressed", on ? "true" : "false");
    if (!told) return;
    store(POINT_KEY, on ? "on" : null);
    if (!on) this.quiet();
    this.say(on ? "point-on" : "point-off");
  };

  Tools.prototype.setRate = function (name) {
    if (!RATES.hasOwnProperty(name)) return;
    store(RATE_KEY, name === "normal" ? null : name);
    this.renderRate();
    this.say("rate", { rate: this.text("rate-" + name) });
  };

  Tools.prototype.renderRate = function () {
    var current = rateName();
    Array.prototype.forEach.call(this.rateButtons, function (button) {
      var pressed = button.getAttribute("data-rectify-speech-rate") === current;
      button.setAttribute("aria-pressed", pressed ? "true" : "false");
    });
  };

  // 指读: speaks `element`'s text at once, cutting off whatever was being said.
  Tools.prototype.point = function (element) {
    var text = element && accessibleText(element);
    if (!text) return;
    var pointing = this.pointing;
    speech.claim(pointing);
    var generation = ++pointing.generation;
    var queue = pieces(text);
    var lang = this.lang;
    pointing.state = "playing";
    (function next() {
      if (generation !== pointing.generation) return;
      var chunk = queue.shift();
      if (!chunk) {
        pointing.state = "idle";
        speech.release(pointing);
        return;
      }
      var utterance = speech.utterance(chunk, lang);
      utterance.onend = next;
      utterance.onerror = function () {
        if (generation === pointing.generation) pointing.state = "idle";
      };
      synth.speak(utterance);
    })();
  };

  Tools.prototype.quiet = function () {
    var pointing = this.pointing;
    pointing.generation += 1;
    if (pointing.state !== "idle" && speech.owner === pointing) {
      speech.release(pointing);
      synth.cancel();
    }
    pointing.state = "idle";
  };

  // 连读: from the element last focused or pointed at (else the top) to the end of <main>.
  Tools.prototype.readOn = function () {
    var root = document.querySelector("main") || document.body;
    var queue = units(root);
    var from = anchor && root.contains(anchor) ? anchor : null;
    var index = 0;
    if (from) {
      index = -1;
      for (var i = 0; i < queue.length; i++) {
        var element = queue[i].element;
        if (element !== from && element.contains(from)) index = i; // the innermost block around it
      }
      if (index < 0) {
        for (var j = 0; j < queue.length && index < 0; j++) {
          var at = queue[j].element;
          if (at === from || from.compareDocumentPosition(at) & window.Node.DOCUMENT_POSITION_FOLLOWING) index = j;
        }
      }
      if (index < 0) index = queue.length; // nothing after it: finished at once
    }
    this.reading.start(queue, index);
  };

  // -- start ------------------------------------------------------------------------------------

  var readers = [];
  var tools = [];
  var anchor = null; // the element 连读 starts from: last focused or pointed at, outside the tools
  var TOOLS = "[data-rectify-speech]";

  function pointing() {
    for (var i = 0; i < tools.length; i++) if (tools[i].pointOn() && !tools[i].box.hidden) return tools[i];
    return null;
  }

  function show() {
    document.querySelectorAll("[data-rectify-read-aloud]").forEach(function (box) {
      if (!box.rectifyReader) readers.push((box.rectifyReader = new Reader(box)));
      box.hidden = !canSpeak(box.rectifyReader.lang);
    });
    document.querySelectorAll(TOOLS).forEach(function (box) {
      if (!box.rectifyTools) tools.push((box.rectifyTools = new Tools(box)));
      box.hidden = !canSpeak(box.rectifyTools.lang);
    });
  }

  // Chromium lists the voices only after a while and says so (voiceschanged); some browsers fill
  // the list without a word, so it is looked at again a few times, the last after WAIT ms.
  function init() {
    show();
    if (synth.addEventListener) synth.addEventListener("voiceschanged", show);
    else synth.onvoiceschanged = show;
    [250, 1000, WAIT].forEach(function (delay) { window.setTimeout(show, delay); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();

  document.addEventListener("focusin", function (event) {
    if (base.closest(event.target, TOOLS)) return;
    anchor = event.target;
    var tool = pointing();
    if (tool) tool.point(event.target);
  });

  // The pointer: 指读 speaks what it rests on for HOVER ms; 连读 starts there. A tap or a click
  // sets where 连读 starts at once. Only a real move counts: scrolling moves the page under a
  // pointer at rest.
  var hoverTimer = 0;
  var hovered = null;
  var lastX = -1;
  var lastY = -1;
  document.addEventListener("mousemove", function (event) {
    if (event.clientX === lastX && event.clientY === lastY) return;
    lastX = event.clientX;
    lastY = event.clientY;
    var element = base.closest(event.target, POINTABLE);
    if (element === hovered) return;
    window.clearTimeout(hoverTimer);
    hovered = element;
    if (!element) return;
    var inTools = Boolean(base.closest(element, TOOLS));
    hoverTimer = window.setTimeout(function () {
      if (!inTools) anchor = element;
      var tool = pointing();
      if (tool) tool.point(element);
    }, HOVER);
  });
  document.addEventListener("pointerdown", function (event) {
    // Pressed, not rested on: what it does is the answer (连读 would otherwise be cut off by its own
    // name), and it is not spoken again until the pointer leaves it.
    window.clearTimeout(hoverTimer);
    if (!base.closest(event.target, TOOLS)) anchor = base.closest(event.target, POINTABLE) || event.target;
  });

  // Alt+Shift+R (aria-keyshortcuts on 连读): reads on from the element that has the focus, which
  // the keyboard would otherwise leave on its way to the button.
  document.addEventListener("keydown", function (event) {
    var isR = event.code ? event.code === "KeyR" : event.keyCode === 82;
    if (!isR || base.modifiers(event) !== "Alt+Shift" || event.repeat) return;
    var tool = tools.filter(function (each) { return !each.box.hidden; })[0];
    if (!tool) return;
    event.preventDefault();
    if (tool.reading.state !== "idle") return tool.reading.stop();
    if (!base.closest(document.activeElement, TOOLS)) anchor = document.activeElement;
    tool.readOn();
  });

  // Escape stops what is read, and is used up by it: the toolbar holding 连读 stays open.
  base.onEscape(function (event) {
    if (base.commandKey(event)) return false;
    var stopped = false;
    readers.concat(tools).forEach(function (each) {
      if (each.reading.state !== "playing") return;
      each.reading.stop();
      stopped = true;
    });
    tools.forEach(function (tool) { tool.quiet(); });
    return stopped;
  });

  // Leaving the page ends the reading; the browser would otherwise go on speaking.
  window.addEventListener("pagehide", function () {
    readers.concat(tools).forEach(function (each) {
      each.reading.generation += 1;
      each.reading.state = "idle";
    });
    tools.forEach(function (tool) { tool.pointing.generation += 1; });
    synth.cancel();
  });
})();
