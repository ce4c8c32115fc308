#!/usr/bin/env bash
# A local federation from configuration files: the worked example a new consortium copies.
# One coordinator and three hospital nodes (FLamby Fed-Heart-Disease centers 0, 1 and 2 as
# site-1, site-2 and site-3), each its own process, talking Akka.Remote over mutual TLS on
# 127.0.0.1 with the development PKI in certs/dev/ (see docs/configuration.md, sim/README.md).
#
#   sim/run-local-federation.sh                                   # sim/config/*.json, report in runs/local-federation-<time>/
#   FEDHEALTH=/usr/local/bin/fedhealth sim/run-local-federation.sh  # an installed binary instead of dotnet run
#   OUT=runs/my-study sim/run-local-federation.sh                 # where report.json, privacy-ledger.json and logs/ go
#   CONFIG=my/config sim/run-local-federation.sh                  # coordinator.json and node-*.json from elsewhere
#   DATA=/srv/heart.csv sim/run-local-federation.sh               # another copy of the data file (--Node:Data:Path)
#
# Every path in the configuration files is relative to the repository root, where this runs.
# Ctrl-C (or the study ending, or any error) stops the coordinator and every node.
set -euo pipefail
# Job control: each service runs in its own process group, so stopping one also stops what it
# started (dotnet run starts the program as a child), and a Ctrl-C reaches this script, which
# then stops them in order.
set -m

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
config="${CONFIG:-sim/config}"
out="${OUT:-runs/local-federation-$(date -u +%Y%m%d-%H%M%S)}"
logs="$out/logs"
export FEDHEALTH_LOG_LEVEL="${FEDHEALTH_LOG_LEVEL:-Information}"

read -r -a fedhealth <<< "${FEDHEALTH:-dotnet run --project src/FedHealth.Cli -c Release --}"
if [[ -z "${FEDHEALTH:-}" ]]; then
  # Build once: four 'dotnet run's building the same project at the same time trip over each other.
  dotnet build src/FedHealth.Cli -c Release --nologo -v quiet >&2
  fedhealth=(dotnet run --project src/FedHealth.Cli -c Release --no-build --)
fi

nodes=("$config"/node-*.json)
if [[ ! -f "$config/coordinator.json" || ! -f "${nodes[0]}" ]]; then
  echo "$config must hold coordinator.json and node-0.json, node-1.json, …" >&2
  exit 2
fi

if [[ -e "$out/report.json" ]]; then
  echo "$out already holds a run; choose another OUT." >&2
  exit 2
fi

# 1. The development PKI (CA, coordinator, site-1 … site-3), once; later runs reuse it.
if [[ ! -e certs/dev/ca/ca.p12 ]]; then
  if ((${#fedhealth[@]} == 1)); then
    OUT="$root/certs/dev" FEDHEALTH="${fedhealth[0]}" certs/make-dev-pki.sh "${#nodes[@]}"
  else
    # make-dev-pki.sh takes FEDHEALTH as one executable; without it, it builds and uses dotnet run.
    env -u FEDHEALTH OUT="$root/certs/dev" certs/make-dev-pki.sh "${#nodes[@]}"
  fi
fi

# 2. The services, in the background; all output goes to one log per process.
pids=()
stop() {
  trap - EXIT INT TERM
  set +m # no "Terminated" notice per job
  local pid alive
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  # The services save what they have and exit on SIGTERM; whatever still runs after 10 s is killed.
  for _ in $(seq 1 100); do
    alive=0
    for pid in "${pids[@]}"; do
      if kill -0 -- "-$pid" 2>/dev/null; then alive=1; fi
    done
    ((alive)) || break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$logs"
# stdin from /dev/null: a background process group that touches the terminal would be stopped (SIGTTIN/SIGTTOU).
"${fedhealth[@]}" coordinator --config "$config/coordinator.json" --Coordinator:Output "$out" </dev/null >"$logs/coordinator.log" 2>&1 &
coordinator=$!
pids+=("$coordinator")
for node in "${nodes[@]}"; do
  name="$(basename "$node" .json)"
  "${fedhealth[@]}" node --config "$node" ${DATA:+--Node:Data:Path "$DATA"} </dev/null >"$logs/$name.log" 2>&1 &
  pids+=("$!")
done
echo "coordinator (pid $coordinator) and ${#nodes[@]} nodes started; follow with: tail -f $logs/coordinator.log" >&2

# 3. The coordinator exits when the study ends (0: completed or budget exhausted, 1: failed, 2: bad configuration).
status=0
wait "$coordinator" || status=$?
stop

grep -E "round [0-9]+ of [0-9]+ started|ended" "$logs/coordinator.log" >&2 || true
if [[ -f "$out/report.json" ]]; then
  echo "report: $out/report.json (privacy ledger and logs beside it); the coordinator exited with $status." >&2
  echo "$out/report.json"
else
  echo "The coordinator exited with $status and wrote no report; see $logs/coordinator.log." >&2
fi
exit "$status"
