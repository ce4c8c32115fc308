// The hospital console: this site's policy, its ledger against its own limits, and what left it, live.
"use strict";

function render(site) {
  document.getElementById("site").textContent = site.site;
  const p = site.policy;
  document.getElementById("gauge").replaceChildren(gauge(site.epsilon_total, p.max_epsilon, "privacy budget of this site"));
  const rows = [
    ["total ε limit", p.max_epsilon === null ? "none" : num(p.max_epsilon, 3)],
    ["ε limit per study", p.max_epsilon_per_study === null ? "none" : num(p.max_epsilon_per_study, 3)],
    ["δ", String(p.delta)],
    ["requires DP-SGD", p.require_dp ? "yes" : "no"],
    ["requires secure aggregation", p.require_secure_aggregation ? "yes" : "no"],
    ["most local steps per round", p.max_local_steps === null ? "no limit" : String(p.max_local_steps)],
  ];
  document.querySelector("#policy tbody").replaceChildren(...rows.map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v))));
  document.getElementById("ledger-total").textContent = site.epsilon_total === null
    ? "This node keeps no ledger."
    : `Total ε spent on this site's patients: ${num(site.epsilon_total, 3)} at δ = ${p.delta}.`;
  fill(document.querySelector("#ledger tbody"), site.ledger.map(s => el("tr", {},
    el("td", {}, s.study), el("td", {}, s.rounds_charged),
    el("td", {}, num(s.epsilon, 3) + (p.max_epsilon_per_study ? ` of ${num(p.max_epsilon_per_study, 3)}` : "")),
    el("td", {}, time(s.last_charged)))), "nothing charged yet", 4);
  document.getElementById("sent-summary").textContent = `${site.messages_sent} messages, ${site.bytes_sent} bytes in total.`;
  fill(document.querySelector("#messages tbody"), site.messages.map(m => el("tr", { "data-kind": m.kind },
    el("td", {}, time(m.at)), el("td", {}, m.kind), el("td", {}, m.study), el("td", {}, m.round), el("td", {}, m.bytes),
    el("td", {}, el("code", { title: m.sha256 }, m.sha256.slice(0, 16) + "…")), el("td", {}, m.reason ?? ""))), "nothing has left this site yet", 7);
}

live("site", render);
