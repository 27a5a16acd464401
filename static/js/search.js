/* Search the guide in this page's language, offline: menu.js loads this file (as
   js/guide-search.js) the first time the bar's menu opens, and only in browsers with
   Unicode regular expressions, so it may use arrow functions. It reads the language's
   index (guide/search_index.py; saved for offline use with the pages) and ranks sections
   exactly as guide/search.py does (tests/browser/test_search.py compares the two). Each
   result's heading and snippet are read from the saved page itself. What is typed never
   leaves the browser. */
(() => {
  "use strict";

  const box = document.querySelector(".app-search");
  if (!box || box.querySelector("ol")) { return; }
  const make = (tag, css, text) => {
    const node = document.createElement(tag);
    if (css) { node.className = "app-search__" + css; }
    node.textContent = text || "";
    return node;
  };
  const input = box.querySelector("input"), status = make("p", "status"), list = make("ol", "results");
  status.setAttribute("role", "status");
  box.append(status, list);

  /* The constants of guide/search.py. */
  const LIMIT = 10, PAGE = 0.1, CJK = "\u0e00-\u0eff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  const PART = new RegExp("[" + CJK + "]+|[^" + CJK + "]+", "g"), ONE = new RegExp("^[" + CJK + "]");
  const MARKS = /[\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670\u06d6-\u06ed]/g, WORD = /[\p{L}\p{N}\p{M}]+/gu;
  const post = {}, forms = {}, stems = [], pages = {};
  let index, keys, fold, loading, asked = 0, timer;

  const norm = (text) => text.toLowerCase().normalize("NFD").replace(MARKS, "").normalize("NFC")
    .replace(fold, (ch) => index.fold[ch]);

  /* [word, where it starts, length] for each word of ``text``; each character in Chinese and Thai. */
  const words = (text) => {
    const out = [];
    text.replace(WORD, (word, at) => word.replace(PART, (w, i) => {
      if (!ONE.test(w)) { out.push([w, at + i, w.length]); }
      for (let j = 0; ONE.test(w) && j < w.length; j++) { out.push([w[j], at + i + j, 1]); }
    }));
    return out;
  };

  const prepare = (data) => {
    index = data;
    fold = new RegExp("[" + Object.keys(data.fold).join("") + "]", "g");
    Object.keys(data.terms).forEach((term) => {
      const [code, ...others] = data.terms[term].split(" "), found = post[term] = [], at = (i) => code.charCodeAt(i) - 35;
      for (let i = 0, section = -1, gap; i < code.length; i += 2) {
        gap = at(i);
        if (gap > 90) { gap = at(++i) * 92 + at(++i); }
        found.push(section += gap + 1, at(i + 1));
      }
      stems.push(term);
      others.forEach((other) => {
        const dash = other.indexOf("-");
        forms[dash < 0 ? other : other.slice(0, dash) + term + other.slice(dash + 1)] = term;
      });
    });
    keys = stems.concat(Object.keys(forms));
  };

  const load = () => loading = loading || fetch(box.getAttribute("data-index"))
    .then((response) => { if (!response.ok) { throw Error(); } return response.json(); }).then(prepare);

  /* ``word`` and every way of dropping one of its letters. */
  const drops = (word) => new Set([word, ...[...word].map((_, i) => word.slice(0, i) + word.slice(i + 1))]);

  /* Stem -> how well ``word`` matches it, by the first rule that finds any (guide/search.py). */
  const candidates = (word) => {
    const found = {}, stem = forms[word] || word, long = word.length, mine = drops(word);
    let any = false;
    const add = (key, quality) => {
      key = forms[key] || key;
      if (post[key] && post[key].length) { found[key] = quality; any = true; }
    };
    if (post[stem]) { add(stem, 1); return found; }
    keys.forEach((k) => { if (long > 1 && !k.indexOf(word)) { add(k, 0.7); } });
    if (!any && long > 4) {
      add(stems.filter((k) => k.length >= Math.max(4, long / 2) && word.includes(k))
        .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0] || "", 0.6);
    }
    const typo = !any && long > 3;
    keys.forEach((k) => {
      if (typo && Math.abs(k.length - long) < 2 && (mine.has(k) || [...k].some((_, i) => mine.has(k.slice(0, i) + k.slice(i + 1))))) { add(k, 0.5); }
    });
    return found;
  };

  /* The best sections for ``query``, and the stems it matched (to mark them). */
  const rank = (query) => {
    const all = [...new Set(words(norm(query)).map((w) => w[0]))], hit = {}, matched = {}, top = {}, sections = index.sections;
    const kept = all.filter((w) => { const p = post[forms[w] || w]; return !p || p.length; });
    (kept.length ? kept : all).forEach((word) => {
      const best = {}, found = candidates(word);
      Object.keys(found).forEach((term) => {
        const p = post[term], rarity = Math.log(1 + sections.length / (p.length / 2));
        hit[term] = 1;
        for (let i = 0; i < p.length; i += 2) {
          const bits = p[i + 1];
          const value = found[term] * rarity * ((bits & 3 ? 1 + Math.log(bits & 3) : 0) + (bits & 4 ? (sections[p[i]][1] ? 3 : 5) : 0) + (bits & 8 ? 1 : 0));
          if (!(best[p[i]] >= value)) { best[p[i]] = value; }
        }
      });
      Object.keys(best).forEach((s) => {
        const entry = matched[s] = matched[s] || [0, 0];
        entry[0]++;
        entry[1] += best[s];
      });
    });
    const ids = Object.keys(matched).map(Number);
    ids.forEach((s) => { top[sections[s][0]] = (top[sections[s][0]] || 0) + matched[s][1]; });
    ids.forEach((s) => {
      const entry = matched[s];
      entry[2] = Math.round((entry[1] + PAGE * (top[sections[s][0]] - entry[1])) * 1e6);
    });
    ids.sort((a, b) => matched[b][0] - matched[a][0] || matched[b][2] - matched[a][2] || a - b);
    return { ids: ids.slice(0, LIMIT), hit };
  };

  const page = (url) => url === location.pathname ? Promise.resolve(document) : pages[url] = pages[url] ||
    fetch(url).then((response) => response.text()).then((html) => new DOMParser().parseFromString(html, "text/html"));

  /* ``text`` into ``node`` with matched words in <mark>; with ``cut``, the part around the first one. */
  const marked = (node, text, hit, cut) => {
    const spans = words(text).filter((w) => { const n = norm(w[0]); return hit[forms[n] || n]; });
    let start = 0, end = text.length, at;
    if (cut) {
      start = spans.length && spans[0][1] > 60 ? text.indexOf(" ", spans[0][1] - 60) + 1 : 0;
      end = Math.min(end, start + 200);
      if (end < text.length) { end = Math.max(text.lastIndexOf(" ", end), start + 100); }
    }
    node.append(start ? "… " : "");
    at = start;
    spans.forEach((w) => {
      if (w[1] >= at && w[1] + w[2] <= end) { node.append(text.slice(at, w[1]), make("mark", "", text.slice(w[1], at = w[1] + w[2]))); }
    });
    node.append(text.slice(at, end) + (end < text.length ? " …" : ""));
    return node;
  };

  /* The list item for one section: its heading, its page's title, and the text around the match. */
  const result = (doc, url, anchor, hit) => {
    const title = doc.querySelector("main h1"), heading = anchor ? doc.getElementById(anchor) : title;
    if (!heading || !title) { return null; }
    let text = "";
    for (let node = heading.nextElementSibling; node && !/^H\d/.test(node.tagName) && !node.querySelector("h1,h2,h3,h4,h5,h6"); node = node.nextElementSibling) {
      text += node.hidden ? "" : " " + node.textContent;
    }
    const item = make("li"), link = item.appendChild(make("a")), lang = heading.closest("[lang]");
    link.href = url + (anchor ? "#" + anchor : "");
    link.append(marked(make("span", "heading"), heading.textContent.trim(), hit));
    if (lang && lang.lang !== document.documentElement.lang) { link.firstChild.lang = lang.lang; }
    if (anchor) { link.append(make("span", "page", title.textContent.trim())); }
    link.append(marked(make("span", "snippet"), text.replace(/\s+/g, " ").trim(), hit, true));
    return item;
  };

  const show = () => {
    const query = input.value, mine = ++asked;
    if (!query.trim()) { list.textContent = status.textContent = ""; return; }
    load().then(() => {
      const found = rank(query);
      return Promise.all(found.ids.map((s) => {
        const url = index.pages[index.sections[s][0]], anchor = index.sections[s][1];
        return page(url).then((doc) => result(doc, url, anchor, found.hit), () => null);
      }));
    }).then((items) => {
      if (mine !== asked) { return; }
      items = items.filter(Boolean);
      list.textContent = "";
      list.append(...items);
      status.textContent = items.length ? index.text.count[items.length - 1] : index.text.none;
    }, () => { status.textContent = ""; });
  };

  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(show, 120); });
  input.addEventListener("focus", () => load().catch(() => null));
  /* Enter opens the first result. */
  input.addEventListener("keydown", (event) => {
    const first = list.querySelector("a");
    if (event.key === "Enter" && first) { event.preventDefault(); first.click(); }
  });
  if (input.value) { show(); }
})();
