// Shared by both consoles: DOM building (text only, never innerHTML), number formats, the SVG
// gauge and line chart, and the live connection over Server-Sent Events.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child ?? ""));
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function fill(tbody, rows, empty, columns) {
  tbody.replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colspan: columns, class: "muted" }, empty))]));
}

function num(value, digits) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
}

function time(value) {
  return value ? new Date(value).toISOString().replace("T", " ").slice(0, 19) : "–";
}

// A half-circle gauge of spent against budget; without a budget it shows the spent value only.
function gauge(spent, budget, label) {
  const w = 180, h = 110, r = 70, cx = w / 2, cy = 90;
  const root = svg("svg", { width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: "img", "aria-label": label });
  const arc = (fraction, color) => {
    const f = Math.max(0, Math.min(1, fraction));
    const a = Math.PI * (1 - f);
    const x = cx + r * Math.cos(a), y = cy - r * Math.sin(a);
    return svg("path", { d: `M ${cx - r} ${cy} A ${r} ${r} 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)}`, fill: "none", stroke: color, "stroke-width": 14 });
  };
  root.append(arc(1, "#d9dee4"));
  const fraction = budget ? (spent || 0) / budget : 0;
  if (budget) root.append(arc(fraction, fraction >= 0.9 ? "#c0392b" : fraction >= 0.7 ? "#d98c1f" : "#2e8b57"));
  root.append(svg("text", { x: cx, y: cy - 10, "text-anchor": "middle", "font-size": 18, id: "gauge-value" }, `ε ${num(spent, 3)}`));
  root.append(svg("text", { x: cx, y: cy + 14, "text-anchor": "middle", class: "muted" }, budget ? `of ${num(budget, 3)} (${Math.round(fraction * 100)}%)` : "no hard budget"));
  return root;
}

// A line chart of [x, y] points (y may be null: a gap), with its first and last value marked.
function lineChart(points, label) {
  const w = 260, h = 120, pad = 40;
  const root = svg("svg", { width: w, height: h, viewBox: `0 0 ${w} ${h}`, role: "img", "aria-label": label });
  const shown = points.filter(p => p[1] !== null && p[1] !== undefined);
  root.append(svg("line", { x1: pad, y1: h - pad, x2: w - 6, y2: h - pad, stroke: "#d9dee4" }));
  if (!shown.length) {
    root.append(svg("text", { x: w / 2, y: h / 2, "text-anchor": "middle" }, "no values yet"));
    return root;
  }
  const xs = points.map(p => p[0]), ys = shown.map(p => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs, x0 + 1);
  let y0 = Math.min(...ys), y1 = Math.max(...ys);
  if (y1 - y0 < 1e-9) { y0 -= 0.5; y1 += 0.5; }
  const sx = x => pad + (x - x0) / (x1 - x0) * (w - pad - 10);
  const sy = y => h - pad - (y - y0) / (y1 - y0) * (h - 2 * pad);
  root.append(svg("polyline", { points: shown.map(p => `${sx(p[0]).toFixed(1)},${sy(p[1]).toFixed(1)}`).join(" "), fill: "none", stroke: "#2f6fb0", "stroke-width": 2 }));
  for (const p of shown) root.append(svg("circle", { cx: sx(p[0]).toFixed(1), cy: sy(p[1]).toFixed(1), r: 2.5, fill: "#2f6fb0" }));
  root.append(svg("text", { x: pad - 4, y: sy(y1) + 4, "text-anchor": "end" }, num(y1, 3)));
  root.append(svg("text", { x: pad - 4, y: sy(y0) + 4, "text-anchor": "end" }, num(y0, 3)));
  root.append(svg("text", { x: w - 8, y: h - 8, "text-anchor": "end" }, `round ${x1}`));
  return root;
}

// Follows the console's event stream; EventSource reconnects by itself after a break.
function live(eventName, render) {
  const badge = document.getElementById("live");
  const source = new EventSource("/api/events");
  source.addEventListener("open", () => { badge.textContent = "live"; badge.className = "live on"; });
  source.addEventListener("error", () => { badge.textContent = "reconnecting…"; badge.className = "live off"; });
  source.addEventListener(eventName, e => render(JSON.parse(e.data)));
  return source;
}
