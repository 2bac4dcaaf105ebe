// bricks-local dev console: plain DOM, no build step. Every value from the API is put in with textContent.
"use strict";

const $ = (sel) => document.querySelector(sel);
const TOKEN_HEADER = "X-Bricks-Console-Token";
const expanded = new Set();
let refreshTimer = null;

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.substring(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

async function api(path, options) {
  const init = Object.assign({ headers: {} }, options || {});
  if (init.method === "POST") init.headers[TOKEN_HEADER] = $("#token").value.trim();
  const res = await fetch("api/" + path, init);
  const type = res.headers.get("content-type") || "";
  const body = type.includes("json") ? await res.json() : await res.text();
  if (!res.ok) throw new Error(body && body.detail ? body.detail : res.status + " " + res.statusText);
  return body;
}

// ---- token (from the URL fragment printed at start, kept for this tab only) ----
function initToken() {
  const m = location.hash.match(/token=([0-9a-fA-F]+)/);
  if (m) {
    sessionStorage.setItem("bricks-token", m[1]);
    history.replaceState(null, "", location.pathname + location.search);
  }
  $("#token").value = sessionStorage.getItem("bricks-token") || "";
  $("#token").addEventListener("change", () => sessionStorage.setItem("bricks-token", $("#token").value.trim()));
}

// ---- theme ----
function initTheme() {
  const saved = localStorage.getItem("bricks-theme");
  const dark = saved ? saved === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  applyTheme(dark);
  $("#theme").addEventListener("click", () => {
    const now = !document.documentElement.classList.contains("dark");
    localStorage.setItem("bricks-theme", now ? "dark" : "light");
    applyTheme(now);
  });
}
function applyTheme(dark) {
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.classList.toggle("light", !dark);
  $("#theme").setAttribute("aria-pressed", String(dark));
}

// ---- tabs (WAI-ARIA tabs pattern: arrows, Home, End) ----
function initTabs() {
  const tabs = Array.from(document.querySelectorAll("[role=tab]"));
  const select = (tab) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
    }
    tab.focus();
    if (tab.id === "tab-functions") loadFunctions();
    if (tab.id === "tab-data") loadData();
  };
  tabs.forEach((t, i) => {
    t.addEventListener("click", () => select(t));
    t.addEventListener("keydown", (e) => {
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      select(tabs[(to + tabs.length) % tabs.length]);
    });
  });
}

// ---- traces ----
async function loadTraces() {
  const q = $("#filter").value.trim();
  const data = await api("traces?limit=200" + (q ? "&q=" + encodeURIComponent(q) : ""));
  $("#counts").textContent = data.traces + " traces kept (" + data.droppedTraces + " dropped), "
    + data.logLines + " log lines (" + data.droppedLogLines + " dropped)";
  const list = $("#traces");
  // keyed update in place: rows keep their elements (and keyboard focus); new traces go on top
  const existing = new Map(Array.from(list.children).map((li) => [li.dataset.traceId, li]));
  data.items.forEach((t, i) => {
    let li = existing.get(t.id);
    if (li) {
      existing.delete(t.id);
      fillRow(li.querySelector(".trace-row"), t);
    } else {
      li = traceItem(t);
    }
    if (list.children[i] !== li) list.insertBefore(li, list.children[i] || null);
  });
  for (const stale of existing.values()) stale.remove();
  $("#traces-empty").hidden = data.items.length > 0;
  for (const id of expanded) {
    if (data.items.some((t) => t.id === id)) await loadTraceDetail(id);
  }
}

function traceItem(t) {
  const panelId = "trace-" + btoa(unescape(encodeURIComponent(t.id))).replace(/[^A-Za-z0-9]/g, "");
  const open = expanded.has(t.id);
  const row = el("button", {
    class: "trace-row", type: "button", "aria-expanded": String(open), "aria-controls": panelId,
    "data-trace-id": t.id, onclick: () => toggleTrace(t.id),
  });
  fillRow(row, t);
  const panel = el("div", { id: panelId, class: "trace-panel", hidden: !open, "data-trace-id": t.id });
  return el("li", { "data-trace-id": t.id }, row, panel);
}

function fillRow(row, t) {
  const status = t.status == null ? "" : String(t.status);
  const bad = t.failed || (t.status != null && t.status >= 400);
  row.replaceChildren(
    el("span", { class: "chevron", "aria-hidden": "true" }),
    el("span", {},
      el("strong", { text: t.title || t.id }), " ",
      el("span", { class: "trace-id", text: t.id }), " ",
      el("span", { class: "muted", text: (t.functions || []).join(" → ") })),
    el("span", { class: bad ? "status-bad" : "status-ok",
      text: (bad ? "error " : "") + status + " · " + t.stepCount + " steps · "
        + new Date(t.started).toLocaleTimeString() }));
}

async function toggleTrace(id) {
  const li = $('#traces > li[data-trace-id="' + CSS.escape(id) + '"]');
  const row = li.querySelector(".trace-row");
  const panel = li.querySelector(".trace-panel");
  if (expanded.has(id)) {
    expanded.delete(id);
    row.setAttribute("aria-expanded", "false");
    panel.hidden = true;
  } else {
    expanded.add(id);
    row.setAttribute("aria-expanded", "true");
    panel.hidden = false;
    await loadTraceDetail(id);
  }
}

async function loadTraceDetail(id) {
  const li = $('#traces > li[data-trace-id="' + CSS.escape(id) + '"]');
  if (!li) return;
  let t;
  try { t = await api("traces/" + encodeURIComponent(id)); } catch (e) { return; }
  const t0 = t.steps.length ? Date.parse(t.steps[0].time) : 0;
  const byRequest = new Map();
  const loose = [];
  for (const l of t.logs) {
    if (l.requestId) {
      if (!byRequest.has(l.requestId)) byRequest.set(l.requestId, []);
      byRequest.get(l.requestId).push(l);
    } else loose.push(l);
  }
  const items = t.steps.map((s) => {
    const failed = (s.kind === "INVOCATION" && s.detail && s.detail.succeeded === false)
      || (s.kind === "HTTP" && s.detail && s.detail.status >= 500);
    const logs = s.requestId ? byRequest.get(s.requestId) || [] : [];
    return el("li", { class: "step" + (failed ? " failed" : ""), "data-kind": s.kind },
      el("span", { class: "offset", text: "+" + (Date.parse(s.time) - t0) + " ms" }),
      el("span", { class: "kind", text: s.kind.replace("_", " ") }),
      el("span", { class: "step-title", text: s.title }),
      ...stepBadges(s),
      logs.length ? logList(logs) : null,
      el("details", {}, el("summary", { text: "Details" }), el("pre", { text: JSON.stringify(s.detail, null, 2) })));
  });
  if (loose.length) items.push(el("li", { class: "step", "data-kind": "LOGS" },
    el("span", { class: "kind", text: "OTHER LOGS" }), logList(loose)));
  const panel = li.querySelector(".trace-panel");
  panel.replaceChildren(el("ol", { class: "timeline", "aria-label": "Timeline of " + id }, ...items));
}

// how sure the step's place is, and an event nobody receives: the two things a wrong pattern or a lost id hide
function stepBadges(s) {
  const d = s.detail || {};
  const out = [];
  if (s.kind === "EVENT" && d.unmatched) {
    out.push(el("span", { class: "badge warn", text: "no rule matched" }));
  }
  if (d.attribution === "CALLER") {
    out.push(el("span", { class: "badge", title: "no correlation id: signed with the credentials of this invocation's environment",
      text: "by caller" }));
  } else if (d.attribution === "NONE") {
    out.push(el("span", { class: "badge warn", title: "no correlation id and not signed by a function environment",
      text: "unattributed" }));
  }
  return out;
}

function logList(lines) {
  return el("ul", { class: "logs", "aria-label": "Log lines" }, ...lines.map((l) =>
    el("li", { class: "log-line" }, el("span", { class: "source", text: l.source + " | " }), l.text)));
}

// ---- live updates ----
function initLive() {
  const badge = $("#live");
  const source = new EventSource("api/stream");
  source.addEventListener("open", () => { badge.textContent = "live"; badge.classList.add("live"); });
  source.addEventListener("error", () => { badge.textContent = "reconnecting…"; badge.classList.remove("live"); });
  source.addEventListener("update", () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      if (!$("#panel-traces").hidden) loadTraces();
      if (!$("#panel-functions").hidden) loadFunctions();
    }, 150);
  });
}

// ---- functions ----
let functionsCache = [];
async function loadFunctions() {
  functionsCache = await api("functions");
  const ms = (v) => (v == null ? "–" : v.toFixed(1) + " ms");
  $("#functions tbody").replaceChildren(...functionsCache.map((f) => el("tr", { "data-function": f.id },
    el("th", { scope: "row", text: f.id }),
    el("td", { text: f.environments.running + " running (" + f.environments.busy + " busy, "
      + f.environments.warm + " warm), " + f.environments.started + " cold starts" }),
    el("td", { text: String(f.invocations) }),
    el("td", { class: f.errors ? "status-bad" : "", text: String(f.errors) }),
    el("td", { text: ms(f.p50Ms) }), el("td", { text: ms(f.p99Ms) }),
    el("td", { class: "report", text: f.lastReport || "–" }))));
  const select = $("#invoke-function");
  const chosen = select.value;
  if (select.options.length !== functionsCache.length) {
    select.replaceChildren(...functionsCache.map((f) => el("option", { value: f.id, text: f.id })));
    if (chosen) select.value = chosen;
    fillSamples();
  }
}

function fillSamples() {
  const f = functionsCache.find((x) => x.id === $("#invoke-function").value);
  $("#invoke-sample").replaceChildren(el("option", { value: "", text: "(none)" }),
    ...((f && f.sampleEvents) || []).map((n) => el("option", { value: n, text: n })));
}

function initInvoke() {
  $("#invoke-function").addEventListener("change", fillSamples);
  $("#invoke-sample").addEventListener("change", async () => {
    const name = $("#invoke-sample").value;
    if (!name) return;
    const res = await fetch("api/functions/" + encodeURIComponent($("#invoke-function").value)
      + "/events/" + name.split("/").map(encodeURIComponent).join("/"));
    $("#invoke-event").value = await res.text();
  });
  $("#invoke-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const out = $("#invoke-result");
    out.textContent = "invoking…";
    try {
      const r = await api("functions/" + encodeURIComponent($("#invoke-function").value) + "/invoke",
        { method: "POST", headers: { "Content-Type": "application/json" }, body: $("#invoke-event").value });
      out.textContent = (r.succeeded ? "ok" : "failed: " + r.errorType) + " · " + r.durationMs.toFixed(1) + " ms"
        + (r.coldStart ? " (cold)" : "") + " · request " + r.requestId + " · correlation " + r.correlationId
        + "\n" + JSON.stringify(r.payload, null, 2);
    } catch (err) {
      out.textContent = "refused: " + err.message;
    }
  });
}

// ---- data ----
async function loadData() {
  const [tables, buckets, mails, bus, failures] = await Promise.all(
    ["tables", "buckets", "mails", "bus", "failures"].map((p) => api(p)));
  fillSelect($("#table-name"), tables);
  fillSelect($("#bucket-name"), buckets);
  $("#mails").replaceChildren(...mails.map((m) => el("li", {},
    el("button", { type: "button", class: "link", onclick: () => showMail(m.messageId),
      text: new Date(m.time).toLocaleTimeString() + " · " + m.to.join(", ") + " · " + m.subject }))));
  $("#bus").replaceChildren(...bus.map((b) => el("li", { class: b.unmatched ? "unmatched" : null },
    new Date(b.time).toLocaleTimeString() + " · " + (b.bus ? b.bus + " · " : "") + b.source + " / " + b.detailType + " · ",
    b.unmatched ? el("span", { class: "badge warn", text: "no rule matched" })
      : "rules " + (b.rules || []).join(", ") + " → " + ((b.functions || []).join(", ") || b.function),
    " · correlation " + b.correlationId)));
  const items = [];
  for (const kind of ["async", "streams"]) {
    for (const f of failures[kind]) {
      items.push(el("li", {}, kind + " · " + f.function + " · " + f.condition + " · " + f.errorType + " ",
        el("button", { type: "button", onclick: () => redrive(kind, f.index), text: "Redrive" })));
    }
  }
  $("#failures").replaceChildren(...(items.length ? items : [el("li", { class: "muted", text: "none" })]));
}

function fillSelect(select, values) {
  const keep = select.value;
  select.replaceChildren(...values.map((v) => el("option", { value: v, text: v })));
  if (values.includes(keep)) select.value = keep;
}

async function showMail(id) {
  const m = await api("mails/" + encodeURIComponent(id));
  $("#mail-view").hidden = false;
  $("#mail-subject").textContent = m.subject + " — from " + m.from + " to " + m.to.join(", ");
  $("#mail-text").textContent = m.text || "(no text part)";
  $("#mail-html").srcdoc = m.html || "<p>(no HTML part)</p>";
}

async function redrive(kind, index) {
  try {
    const r = await api("failures/" + kind + "/" + index + "/redrive", { method: "POST" });
    $("#failure-result").textContent = "redriven to " + r.function;
  } catch (e) {
    $("#failure-result").textContent = "refused: " + e.message;
  }
}

function initData() {
  $("#table-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const key = $("#table-key").value.trim();
    try {
      const t = await api("tables/" + encodeURIComponent($("#table-name").value) + "?limit="
        + encodeURIComponent($("#table-limit").value) + (key ? "&key=" + encodeURIComponent(key) : ""));
      $("#table-items").textContent = t.itemCount + " items; partition key " + t.partitionKey
        + (t.sortKey ? ", sort key " + t.sortKey : "") + "\n" + JSON.stringify(t.items, null, 2);
    } catch (err) {
      $("#table-items").textContent = err.message;
    }
  });
  $("#bucket-list").addEventListener("click", async () => {
    const b = $("#bucket-name").value;
    const objects = await api("buckets/" + encodeURIComponent(b) + "/objects");
    $("#bucket-objects").replaceChildren(...objects.map((o) => el("li", {},
      el("a", { href: "api/buckets/" + encodeURIComponent(b) + "/objects/"
        + o.key.split("/").map(encodeURIComponent).join("/"), download: o.key.split("/").pop(), text: o.key }),
      " (" + o.size + " bytes)")));
  });
}

async function init() {
  initToken();
  initTheme();
  initTabs();
  initInvoke();
  initData();
  $("#filter").addEventListener("input", () => { clearTimeout(refreshTimer); refreshTimer = setTimeout(loadTraces, 150); });
  const status = await api("status");
  $("#app-info").textContent = status.template + " · API " + status.api;
  await loadTraces();
  initLive();
}

document.addEventListener("DOMContentLoaded", init);
