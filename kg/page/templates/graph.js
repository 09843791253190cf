/* kg graph page: filters, search, summary view and the details panel over vis-network.
 *
 * Corpus text (sentences, names, titles, URLs) reaches this script only as JSON data, and reaches
 * the page only through textContent, Option(text) and canvas labels; no HTML is ever parsed from
 * it. Links are made only for http: and https: URLs. Layout is precomputed: physics stays off.
 */
(function () {
  "use strict";

  function readJson(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  var NODES = readJson("kg-nodes");
  var EDGES = readJson("kg-edges");
  var OPTIONS = readJson("kg-options");
  var PAGE = readJson("kg-page");
  var KINDS = PAGE.kinds;
  var STATUS = PAGE.statuses;
  var EDGE_STYLES = PAGE.edgeStyles;
  var CONTRA = PAGE.contradictions;

  // ---------------------------------------------------------------------------------------------
  // Indexes

  var byId = new Map();
  var claims = [];
  NODES.forEach(function (n) {
    byId.set(n.id, n);
    if (n.k === "claim") claims.push(n);
  });

  // per claim: its relations; per other node: the claims attached to it
  var rel = new Map();
  var attached = new Map();
  claims.forEach(function (c) {
    rel.set(c.id, { claimants: [], article: null, sources: [], about: [], rejects: [], contra: [] });
  });
  function attach(nodeId, claimId) {
    var set = attached.get(nodeId);
    if (!set) attached.set(nodeId, (set = new Set()));
    set.add(claimId);
  }
  var byKind = new Map();
  var credits = new Map(); // article or source -> its publisher and author actors
  EDGES.forEach(function (e) {
    var list = byKind.get(e.k);
    if (!list) byKind.set(e.k, (list = []));
    list.push(e);
    if (e.k === "claims") {
      rel.get(e.to).claimants.push(e.from);
      attach(e.from, e.to);
    } else if (e.k === "in") {
      rel.get(e.from).article = e.to;
      attach(e.to, e.from);
    } else if (e.k === "cites") {
      rel.get(e.from).sources.push(e.to);
      attach(e.to, e.from);
    } else if (e.k === "about") {
      rel.get(e.from).about.push(e.to);
      attach(e.to, e.from);
    } else if (e.k === "rejects") {
      rel.get(e.from).rejects.push(e.to);
      attach(e.to, e.from);
    } else if (e.k === "contradicts") {
      rel.get(e.from).contra.push(e.c);
      rel.get(e.to).contra.push(e.c);
    } else if (e.k === "publisher" || e.k === "author") {
      var m = credits.get(e.from);
      if (!m) credits.set(e.from, (m = { publisher: [], author: [] }));
      m[e.k].push(e.to);
    }
  });

  function claimsOf(nodeId) {
    var set = attached.get(nodeId);
    return set ? Array.from(set).sort(function (a, b) { return a - b; }) : [];
  }

  function names(node) {
    return [node.t || node.label || ""].concat(node.al || []);
  }

  var haystacks = null;
  function haystack(node) {
    if (!haystacks) {
      haystacks = new Map();
      NODES.forEach(function (n) {
        var parts = names(n);
        if (n.k === "source" || n.k === "article") parts.push(n.url || n.urlText || "");
        haystacks.set(n.id, parts.join("\n").toLowerCase());
      });
      claims.forEach(function (c) {
        var r = rel.get(c.id);
        var parts = [c.t];
        r.claimants.concat(r.about, r.rejects).forEach(function (id) { parts = parts.concat(names(byId.get(id))); });
        haystacks.set(c.id, parts.join("\n").toLowerCase());
      });
    }
    return haystacks.get(node.id);
  }

  // ---------------------------------------------------------------------------------------------
  // State and the view it selects

  var state = {
    mode: PAGE.defaultMode,
    search: "",
    types: new Set(KINDS.map(function (k) { return k.kind; })),
    article: "",
    entity: "",
    status: "",
    contra: false
  };

  function filtersActive() {
    return Boolean(state.search || state.article !== "" || state.entity !== "" || state.status || state.contra);
  }

  function isLacking(claim) {
    return claim.st !== "cited";
  }

  function claimPasses(claim, words) {
    var r = rel.get(claim.id);
    if (state.article !== "" && r.article !== Number(state.article)) return false;
    if (state.entity !== "") {
      var actor = Number(state.entity);
      if (r.claimants.indexOf(actor) < 0 && r.about.indexOf(actor) < 0 && r.rejects.indexOf(actor) < 0) return false;
    }
    if (state.status === "lacking" && !isLacking(claim)) return false;
    if (state.status && state.status !== "lacking" && claim.st !== state.status) return false;
    if (state.contra && r.contra.length === 0) return false;
    if (words) {
      var hay = haystack(claim);
      if (!words.every(function (w) { return hay.indexOf(w) >= 0; })) {
        // a claim attached to a matching actor, event, article or source matches too
        var neighbours = r.claimants.concat(r.about, r.rejects, r.sources, r.article === null ? [] : [r.article]);
        if (!neighbours.some(function (id) { return matchedEntities.has(id); })) return false;
      }
    }
    return true;
  }

  var matchedEntities = new Set();

  function neighboursOfClaim(id) {
    var r = rel.get(id);
    var out = r.claimants.concat(r.sources, r.about, r.rejects);
    if (r.article !== null) out.push(r.article);
    return out;
  }

  function computeView() {
    var nodes = new Set();
    var edges = [];
    var note = "";
    var typeOn = function (id) { return state.types.has(byId.get(id).k); };
    if (state.mode === "summary" && !filtersActive()) {
      PAGE.summary.nodes.forEach(function (id) { if (typeOn(id)) nodes.add(id); });
      PAGE.summary.edges.forEach(function (e) { if (nodes.has(e.from) && nodes.has(e.to)) edges.push(e); });
      note = (PAGE.summary.hidden > 0 ? "The " + PAGE.summary.nodes.length + " actors and events with most claims (" +
        PAGE.summary.hidden + " more: search or filter to find them). " : "") +
        "Double-click one to see its claims.";
      return { nodes: nodes, edges: edges, summary: true, note: note };
    }
    var words = null;
    matchedEntities = new Set();
    if (state.search) {
      words = state.search.toLowerCase().split(/\s+/).filter(Boolean);
      NODES.forEach(function (n) {
        if (n.k === "claim") return;
        var hay = haystack(n);
        if (words.every(function (w) { return hay.indexOf(w) >= 0; })) matchedEntities.add(n.id);
      });
    }
    var limit = PAGE.viewLimit;
    var wanted = [];
    function addClaims(passes) {
      for (var i = 0; i < claims.length; i++) {
        var c = claims[i];
        if (!passes(c)) continue;
        var add = [c.id].concat(neighboursOfClaim(c.id)).filter(typeOn);
        var fresh = add.filter(function (id) { return !nodes.has(id); });
        if (nodes.size + fresh.length > limit) {
          note = "Showing the first " + nodes.size + " nodes of this selection: narrow the search or filters to see the rest.";
          return;
        }
        fresh.forEach(function (id) { nodes.add(id); });
      }
    }
    if (!filtersActive()) {
      NODES.forEach(function (n) { if (typeOn(n.id)) wanted.push(n.id); });
      if (wanted.length <= limit) {
        wanted.forEach(function (id) { nodes.add(id); });
      } else {
        // the summary's actors and events first, then claims with what they link to
        PAGE.summary.nodes.forEach(function (id) { if (typeOn(id)) nodes.add(id); });
        addClaims(function () { return true; });
        note = "";
      }
    } else {
      var onlySearch = Boolean(state.search) && state.article === "" && state.entity === "" && !state.status && !state.contra;
      if (onlySearch) matchedEntities.forEach(function (id) { if (typeOn(id)) nodes.add(id); });
      if (state.entity !== "" && typeOn(Number(state.entity))) nodes.add(Number(state.entity));
      if (state.article !== "" && typeOn(Number(state.article))) nodes.add(Number(state.article));
      addClaims(function (c) { return claimPasses(c, words); });
    }
    if (!note && !filtersActive() && wanted.length > nodes.size) {
      note = "Showing " + nodes.size + " of " + wanted.length + " nodes: search or filter to see the others.";
    }
    EDGES.forEach(function (e) { if (nodes.has(e.from) && nodes.has(e.to)) edges.push(e); });
    return { nodes: nodes, edges: edges, summary: false, note: note };
  }

  // ---------------------------------------------------------------------------------------------
  // The network

  var summaryPosition = new Map();
  PAGE.summary.nodes.forEach(function (id, i) { summaryPosition.set(id, PAGE.summary.positions[i]); });

  function nodeItem(id, summary) {
    var n = byId.get(id);
    var item = { id: n.id, label: n.label, shape: n.shape, group: n.group, x: n.x, y: n.y, k: n.k };
    if (item.label === undefined) delete item.label;
    if (summary && (n.k === "actor" || n.k === "event")) {
      var at = summaryPosition.get(n.id);
      if (at) { item.x = at[0]; item.y = at[1]; }
      var count = (n.nBy || 0) + (n.nAbout || 0);
      item.label = n.label + " (" + count + ")";
      item.size = Math.round(12 + 3 * Math.sqrt(count));
      item.font = { size: Math.round(14 + 2 * Math.sqrt(count)) }; // busy hubs stay labelled when zoomed out
    }
    return item;
  }

  function edgeItem(e) {
    var item = Object.assign({}, EDGE_STYLES[e.k] || {}, { id: e.id, from: e.from, to: e.to, k: e.k });
    if (PAGE.large && e.k !== "summary-about") item.arrows = ""; // arrowheads cost a third of a big redraw
    if (e.k === "contradicts" && e.c !== undefined) item.label = CONTRA[e.c].kindLabel;
    if (e.label) item.label = e.label;
    if (e.n && e.n > 1) item.width = Math.min(8, (item.width || 1) + Math.log2(e.n));
    return item;
  }

  var container = document.getElementById("kg-graph");
  var nodeSet = new vis.DataSet([]);
  var edgeSet = new vis.DataSet([]);
  var network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, OPTIONS);
  var drawnSummary = null;
  var current = { nodes: new Set(), edges: [] };

  var kg = {
    ready: false,
    draws: 0,
    timing: { script: performance.now() },
    network: network,
    state: state
  };
  window.kg = kg;
  network.on("afterDrawing", function () { kg.draws += 1; });

  function showView(fit) {
    var t0 = performance.now();
    var view = computeView();
    var t1 = performance.now();
    if (drawnSummary !== view.summary) {
      nodeSet.clear();
      edgeSet.clear();
      nodeSet.add(Array.from(view.nodes).map(function (id) { return nodeItem(id, view.summary); }));
      edgeSet.add(view.edges.map(edgeItem));
      drawnSummary = view.summary;
    } else {
      var removeNodes = [];
      current.nodes.forEach(function (id) { if (!view.nodes.has(id)) removeNodes.push(id); });
      var addNodes = [];
      view.nodes.forEach(function (id) { if (!current.nodes.has(id)) addNodes.push(nodeItem(id, view.summary)); });
      var keepEdges = new Set(view.edges.map(function (e) { return e.id; }));
      var had = new Set(current.edges.map(function (e) { return e.id; }));
      var removeEdges = current.edges.filter(function (e) { return !keepEdges.has(e.id); }).map(function (e) { return e.id; });
      var addEdges = view.edges.filter(function (e) { return !had.has(e.id); }).map(edgeItem);
      edgeSet.remove(removeEdges);
      nodeSet.remove(removeNodes);
      nodeSet.add(addNodes);
      edgeSet.add(addEdges);
    }
    current = view;
    kg.timing.view = { compute: Math.round(t1 - t0), update: Math.round(performance.now() - t1) };
    document.getElementById("kg-notice").textContent = PAGE.notice || "";
    var line = document.getElementById("kg-view-line");
    line.textContent = (view.summary ? "Summary view: " + view.nodes.size + " actors and events, " :
      "Showing " + view.nodes.size + " nodes and ") + view.edges.length + " edges." + (view.note ? " " + view.note : "");
    document.getElementById("kg-mode").textContent = state.mode === "summary" ? "Show all claims" : "Summary view";
    if (fit) network.fit({ animation: false });
  }

  // ---------------------------------------------------------------------------------------------
  // The details panel: built with DOM calls and textContent only

  var panel = document.getElementById("kg-panel");
  var pinned = null;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function safeHref(url) {
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return null;
    try {
      var u = new URL(url);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (err) {
      return null;
    }
  }

  function link(url, text, field) {
    var href = safeHref(url);
    var e;
    if (href) {
      e = el("a", text || url);
      e.href = href;
      e.target = "_blank";
      e.rel = "noopener noreferrer";
    } else {
      e = el("span", text || url || "");
    }
    if (field) e.setAttribute("data-field", field);
    return e;
  }

  function nodeButton(id, field) {
    var n = byId.get(id);
    var b = el("button", n.t || n.label, "linkish");
    b.type = "button";
    if (field) b.setAttribute("data-field", field);
    b.addEventListener("click", function () { select(id, true); });
    return b;
  }

  function field(e, name) {
    e.setAttribute("data-field", name);
    return e;
  }

  function row(dl, term, value, field) {
    dl.append(el("dt", term));
    var dd = el("dd");
    if (field) dd.setAttribute("data-field", field);
    if (value instanceof Node) dd.append(value); else dd.textContent = value === undefined || value === null ? "" : String(value);
    dl.append(dd);
    return dd;
  }

  function list(ids, field, max) {
    var ul = el("ul");
    ids.slice(0, max || 50).forEach(function (id) {
      var li = el("li");
      li.append(nodeButton(id, field));
      ul.append(li);
    });
    if (max && ids.length > max) ul.append(el("li", "and " + (ids.length - max) + " more", "muted"));
    return ul;
  }

  function claimList(ids, field) {
    var ul = el("ul");
    ids.slice(0, 40).forEach(function (id) {
      var c = byId.get(id);
      var li = el("li");
      var b = el("button", c.t.length > 140 ? c.t.slice(0, 139) + "…" : c.t, "linkish");
      b.type = "button";
      b.setAttribute("data-field", field);
      b.addEventListener("click", function () { select(id, true); });
      li.append(b);
      ul.append(li);
    });
    if (ids.length > 40) ul.append(el("li", "and " + (ids.length - 40) + " more", "muted"));
    return ul;
  }

  function articleLine(id) {
    var a = byId.get(id);
    var span = el("span");
    span.append(nodeButton(id, "article-link"));
    if (a.date) span.append(document.createTextNode(" (" + a.date + ")"));
    return span;
  }

  function statusBadge(claim) {
    var s = STATUS[claim.st] || { label: claim.st, comment: "" };
    var b = el("span", s.label, "badge " + (claim.st === "cited" ? "cited" : "lacking"));
    b.setAttribute("data-field", "status");
    b.title = s.comment;
    return b;
  }

  function contradictionBlock(index, fromClaim) {
    var c = CONTRA[index];
    var box = el("div", null, "contradiction");
    box.setAttribute("data-field", "contradiction");
    box.append(el("strong", "Contradiction: " + c.kindLabel));
    if (c.confidence !== undefined && c.confidence !== null) box.append(document.createTextNode(" (confidence " + c.confidence + ")"));
    if (c.modality) box.append(el("div", c.modality, "muted"));
    box.append(el("p", c.explanation, "explanation"));
    [c.a, c.b].forEach(function (id, i) {
      if (fromClaim !== undefined && id === fromClaim) return;
      var claim = byId.get(id);
      var r = rel.get(id);
      var who = r.claimants.map(function (x) { return byId.get(x).t; }).join(", ") || "unattributed";
      var head = el("div");
      head.append(el("strong", (fromClaim === undefined ? (i === 0 ? "A: " : "B: ") : "Against: ") + who));
      if (r.article !== null) {
        head.append(document.createTextNode(" in "));
        head.append(nodeButton(r.article, "contradiction-article"));
      }
      box.append(head);
      var q = el("blockquote", claim.t);
      q.setAttribute("data-field", "contradiction-sentence");
      box.append(q);
    });
    return box;
  }

  function creditRows(dl, id) {
    var c = credits.get(id);
    if (!c) return;
    if (c.author.length) row(dl, "By", list(c.author, "author-link"), "authors");
    if (c.publisher.length) row(dl, "Publisher", list(c.publisher, "publisher-link"), "publisher");
  }

  function show(id) {
    var n = byId.get(id);
    if (!n) return;
    panel.replaceChildren();
    var kind = KINDS.find(function (k) { return k.kind === n.k; });
    panel.setAttribute("data-kind", n.k);
    panel.append(el("h2", kind ? kind.label : n.k));
    var dl = el("dl");
    if (n.k === "claim") {
      var r = rel.get(id);
      var q = el("blockquote", n.t);
      q.setAttribute("data-field", "sentence");
      panel.append(q);
      panel.append(dl);
      var who = el("span");
      if (r.claimants.length === 0) who.textContent = "unattributed";
      r.claimants.forEach(function (x, i) { if (i) who.append(document.createTextNode(", ")); who.append(nodeButton(x, "claimant-link")); });
      row(dl, "Claimant", who, "claimant");
      if (r.article !== null) row(dl, "Article", articleLine(r.article), "article");
      row(dl, "Citation", statusBadge(n), "citation");
      var sources = el("span");
      if (r.sources.length === 0) sources.textContent = "none";
      r.sources.forEach(function (sid, i) {
        var s = byId.get(sid);
        if (i) sources.append(el("br"));
        sources.append(document.createTextNode((s.t || "source") + " "));
        if (s.url || s.urlText) sources.append(link(s.url || s.urlText, s.url || s.urlText, "source-link"));
      });
      row(dl, "Sources", sources, "sources");
      row(dl, "Form", [n.ty, n.mo, n.po].filter(Boolean).join(", "), "form");
      if (n.cue) row(dl, "Cue", n.cue, "cue");
      if (r.about.length) row(dl, "About", list(r.about, "about-link"), "about");
      if (r.rejects.length) row(dl, "Rejects", list(r.rejects, "rejects-link"), "rejects");
      r.contra.forEach(function (c) { panel.append(contradictionBlock(c, id)); });
    } else if (n.k === "article") {
      panel.append(field(el("p", n.t, "title"), "headline"));
      panel.append(dl);
      if (n.date) row(dl, "Published", n.date, "date");
      creditRows(dl, id);
      if (n.url || n.urlText) row(dl, "URL", link(n.url || n.urlText, null, "article-link"), "url");
      var cs = claimsOf(id);
      row(dl, "Claims", cs.length + " (" + cs.filter(function (c) { return isLacking(byId.get(c)); }).length + " lacking a citation)", "claims-count");
      if (n.genre) row(dl, "Genre", n.genre, "genre");
    } else if (n.k === "actor" || n.k === "event") {
      panel.append(field(el("p", n.t, "title"), "name"));
      panel.append(dl);
      if (n.ty) row(dl, "Type", n.ty, "type");
      if (n.al && n.al.length) row(dl, "Also called", n.al.join("; "), "aliases");
      if (n.dates && n.dates.length) row(dl, "Dates given", n.dates.join(", "), "dates");
      if (n.wd) row(dl, "Wikidata", link(n.wd, null, "wikidata-link"), "wikidata");
      row(dl, "Claims", (n.nBy || 0) + " made, " + (n.nAbout || 0) + " about", "claims-count");
      if (n.arts) row(dl, "Articles", String(n.arts), "articles-count");
      var mine = claimsOf(id);
      var toolbar = el("div");
      var expand = el("button", "Show its claims only");
      expand.type = "button";
      expand.setAttribute("data-action", "expand");
      expand.addEventListener("click", function () { expandEntity(id); });
      toolbar.append(expand);
      panel.append(toolbar);
      if (mine.length) {
        panel.append(el("h3", "Its claims (" + mine.length + ")"));
        panel.append(claimList(mine, "actor-claim"));
      }
    } else if (n.k === "source") {
      panel.append(field(el("p", n.t, "title"), "name"));
      panel.append(dl);
      if (n.url || n.urlText) row(dl, "Link", link(n.url || n.urlText, null, "source-link"), "url");
      if (n.date) row(dl, "Read on", n.date, "date");
      creditRows(dl, id);
      var citing = claimsOf(id);
      row(dl, "Cited by", citing.length + " claims", "claims-count");
      if (citing.length) panel.append(claimList(citing, "citing-claim"));
    }
    panel.append(el("p", n.iri, "iri"));
  }

  function showEdge(edgeId) {
    var e = edgeSet.get(edgeId);
    if (!e) return;
    var original = EDGES.find(function (x) { return x.id === edgeId; });
    if (e.k === "contradicts" && original && original.c !== undefined) {
      panel.replaceChildren();
      panel.setAttribute("data-kind", "contradiction");
      panel.append(el("h2", "Contradiction"));
      panel.append(contradictionBlock(original.c));
    } else if (e.k === "summary-contradicts") {
      var s = PAGE.summary.edges.find(function (x) { return x.id === edgeId; });
      panel.replaceChildren();
      panel.setAttribute("data-kind", "contradiction");
      panel.append(el("h2", "Contradictions between " + byId.get(s.from).t + " and " + byId.get(s.to).t));
      (s.cs || []).forEach(function (c) { panel.append(contradictionBlock(c)); });
    }
  }

  function expandEntity(id) {
    // an actor or event with the claims made by, about or rejecting it
    state.entity = String(id);
    setControls();
    showView(true);
    pinned = id;
    show(id);
    highlight(id);
  }

  function highlight(id) {
    var n = byId.get(id);
    if (!n || (n.k !== "actor" && n.k !== "event")) return;
    var ids = [id].concat(claimsOf(id)).filter(function (x) { return current.nodes.has(x); });
    network.selectNodes(ids, true);
    kg.highlighted = ids;
  }

  function select(id, focus) {
    if (!current.nodes.has(id)) {
      // bring the node into view: show it with its neighbourhood
      var n = byId.get(id);
      if (n.k === "claim") { state.search = ""; state.article = String(rel.get(id).article); }
      else if (n.k === "actor" || n.k === "event") { state.entity = String(id); }
      else { state.search = n.t || n.label || ""; }
      setControls();
      showView(false);
    }
    pinned = id;
    show(id);
    if (current.nodes.has(id)) {
      network.selectNodes([id], true);
      highlight(id);
      if (focus) network.focus(id, { scale: Math.max(network.getScale(), 0.8), animation: false });
    }
  }

  network.on("click", function (p) {
    if (p.nodes.length) {
      pinned = p.nodes[0];
      show(pinned);
      highlight(pinned);
    } else if (p.edges.length) {
      pinned = null;
      showEdge(p.edges[0]);
    } else {
      pinned = null;
    }
  });
  network.on("doubleClick", function (p) {
    if (p.nodes.length && current.summary) expandEntity(p.nodes[0]);
  });
  network.on("hoverNode", function (p) { show(p.node); });
  network.on("blurNode", function () { if (pinned !== null) show(pinned); });

  // ---------------------------------------------------------------------------------------------
  // Controls

  var searchBox = document.getElementById("kg-search");
  var articleSelect = document.getElementById("kg-article");
  var actorSelect = document.getElementById("kg-actor");
  var statusSelect = document.getElementById("kg-status");
  var contraBox = document.getElementById("kg-contra");

  NODES.filter(function (n) { return n.k === "article"; })
    .sort(function (a, b) { return (a.t || "").localeCompare(b.t || ""); })
    .forEach(function (a) { articleSelect.add(new Option((a.t || a.label) + (a.date ? " (" + a.date + ")" : ""), String(a.id))); });
  [["actor", "Actors"], ["event", "Events"]].forEach(function (pair) {
    var group = document.createElement("optgroup");
    group.label = pair[1];
    NODES.filter(function (n) { return n.k === pair[0]; })
      .sort(function (a, b) { return ((b.nBy || 0) + (b.nAbout || 0)) - ((a.nBy || 0) + (a.nAbout || 0)) || (a.t || "").localeCompare(b.t || ""); })
      .forEach(function (a) { group.append(new Option(a.t + " (" + ((a.nBy || 0) + (a.nAbout || 0)) + " claims)", String(a.id))); });
    if (group.children.length) actorSelect.append(group);
  });

  function setControls() {
    searchBox.value = state.search;
    articleSelect.value = state.article;
    actorSelect.value = state.entity;
    statusSelect.value = state.status;
    contraBox.checked = state.contra;
    document.querySelectorAll("input[name=kg-type]").forEach(function (box) { box.checked = state.types.has(box.value); });
  }

  var timer = null;
  searchBox.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.search = searchBox.value.trim(); showView(true); }, 200);
  });
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { clearTimeout(timer); state.search = searchBox.value.trim(); showView(true); }
  });
  articleSelect.addEventListener("change", function () { state.article = articleSelect.value; showView(true); });
  actorSelect.addEventListener("change", function () { state.entity = actorSelect.value; showView(true); });
  statusSelect.addEventListener("change", function () { state.status = statusSelect.value; showView(true); });
  contraBox.addEventListener("change", function () { state.contra = contraBox.checked; showView(true); });
  document.querySelectorAll("input[name=kg-type]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) state.types.add(box.value); else state.types.delete(box.value);
      showView(false);
    });
  });
  document.getElementById("kg-mode").addEventListener("click", function () {
    state.mode = state.mode === "summary" ? "claims" : "summary";
    showView(true);
  });
  document.getElementById("kg-reset").addEventListener("click", function () {
    state.mode = PAGE.defaultMode;
    state.search = "";
    state.article = "";
    state.entity = "";
    state.status = "";
    state.contra = false;
    state.types = new Set(KINDS.map(function (k) { return k.kind; }));
    setControls();
    showView(true);
  });
  document.getElementById("kg-fit").addEventListener("click", function () { network.fit({ animation: false }); });

  // ---------------------------------------------------------------------------------------------
  // Hooks for tests and benchmarks (read-only views of what is drawn)

  kg.counts = function () {
    var out = { nodes: {}, edges: {} };
    nodeSet.forEach(function (n) { out.nodes[n.k] = (out.nodes[n.k] || 0) + 1; });
    edgeSet.forEach(function (e) { out.edges[e.k] = (out.edges[e.k] || 0) + 1; });
    out.drawn = Object.keys(network.getPositions()).length;
    return out;
  };
  kg.visible = function () { return nodeSet.getIds(); };
  kg.node = function (id) { return byId.get(id); };
  kg.idOf = function (iri) {
    var n = NODES.find(function (x) { return x.iri === iri; });
    return n ? n.id : null;
  };
  kg.focus = function (id) { network.focus(id, { scale: 1.0, animation: false }); network.redraw(); };
  kg.domPoint = function (id) {
    var p = network.canvasToDOM(network.getPositions([id])[id]);
    var r = container.getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  };

  kg.pin = function (id) {
    // show a node's details and select it without moving the view (for screenshots)
    pinned = id;
    show(id);
    if (current.nodes.has(id)) network.selectNodes([id], true);
  };

  setControls();
  showView(true);
  network.once("afterDrawing", function () {
    kg.timing.ready = performance.now();
    kg.ready = true;
    document.body.setAttribute("data-ready", "1");
  });
  network.redraw();
})();
