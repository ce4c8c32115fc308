// The consortium console: the studies, the chosen study's rounds, privacy and sites, live.
"use strict";

let chosen = null;

function render(details) {
  if (!details.length) return;
  if (!chosen || !details.some(d => d.study.study === chosen)) chosen = details[details.length - 1].study.study;
  renderStudies(details);
  renderStudy(details.find(d => d.study.study === chosen));
}

function renderStudies(details) {
  fill(document.querySelector("#studies tbody"), details.map(({ study: s }) => {
    const row = el("tr", { "data-study": s.study, class: s.study === chosen ? "selected" : null },
      el("td", {}, s.study),
      el("td", { class: `state-${s.state}` }, s.state),
      el("td", {}, `${s.rounds_done} / ${s.rounds_planned}`),
      el("td", {}, s.current_round ?? "–"),
      el("td", {}, `${num(s.epsilon_spent, 3)} / ${s.epsilon_budget ? num(s.epsilon_budget, 3) : "none"}`));
    row.addEventListener("click", () => { chosen = s.study; fetch("/api/studies/" + encodeURIComponent(s.study)).then(r => r.json()).then(d => renderStudy(d)); });
    return row;
  }), "no study yet", 5);
}

function renderStudy(detail) {
  const { study: s, rounds, sites } = detail;
  document.getElementById("study").hidden = false;
  document.getElementById("study-title").textContent = `Study ${s.study}`;
  const running = s.current_round ? `round ${s.current_round} of ${s.rounds_planned} running` : `${s.rounds_done} of ${s.rounds_planned} rounds done`;
  document.getElementById("study-summary").textContent =
    `${s.state} — ${running}; waits for ${s.min_sites} sites${s.reason ? "; " + s.reason : ""}`;
  document.getElementById("study-summary").dataset.roundsDone = s.rounds_done;
  document.getElementById("progress-bar").style.width = `${Math.min(100, 100 * s.rounds_done / Math.max(1, s.rounds_planned))}%`;
  document.getElementById("gauge").replaceChildren(gauge(s.epsilon_spent, s.epsilon_budget, "privacy budget spent"));
  document.getElementById("auc-chart").replaceChildren(lineChart(rounds.filter(r => r.state !== "running").map(r => [r.round, r.auc]), "pooled AUC per round"));
  document.getElementById("epsilon-chart").replaceChildren(lineChart(rounds.filter(r => r.state !== "running")
    .map(r => [r.round, r.epsilon_record === null && r.epsilon_site === null ? null : Math.max(r.epsilon_record ?? 0, r.epsilon_site ?? 0)]), "cumulative ε per round"));
  fill(document.querySelector("#rounds tbody"), [...rounds].reverse().map(r => el("tr", { "data-round": r.round, "data-state": r.state },
    el("td", {}, r.round),
    el("td", { class: `state-${r.state}` }, r.state + (r.abort_reason ? ` (${r.abort_reason})` : "")),
    el("td", {}, r.sites_connected),
    el("td", {}, r.state === "running" ? "…" : r.sites_sampled),
    el("td", {}, r.state === "running" ? "…" : r.sites_succeeded),
    el("td", {}, r.dropped.map(d => `${d.site} @ ${d.stage}: ${d.reason}`).join("; ") || "–"),
    el("td", {}, r.state === "running" ? "…" : r.secure_aggregation ? "SecAgg+" : "plain"),
    el("td", {}, num(r.auc, 4)),
    el("td", {}, num(r.accuracy, 4)),
    el("td", {}, r.epsilon_record === null && r.epsilon_site === null ? "–" : num(Math.max(r.epsilon_record ?? 0, r.epsilon_site ?? 0), 3)),
    el("td", {}, r.duration_ms === null ? "…" : `${(r.duration_ms / 1000).toFixed(2)} s`))), "no round yet", 11);
  fill(document.querySelector("#sites tbody"), sites.map(x => el("tr", { "data-site": x.site },
    el("td", {}, x.site),
    el("td", {}, x.connected ? "yes" : "no"),
    el("td", {}, time(x.last_seen)),
    el("td", {}, x.rounds_delivered),
    el("td", {}, x.rounds_dropped),
    el("td", {}, x.last_drop_reason ?? "–"))), "no site seen yet", 6);
}

live("studies", render);
