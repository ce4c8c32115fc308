#!/usr/bin/env bash
# Makes a development PKI in certs/dev/ (git-ignored): a consortium CA, the coordinator and N sites.
#
#   certs/make-dev-pki.sh            # 3 sites
#   certs/make-dev-pki.sh 5          # 5 sites
#   FEDHEALTH=/usr/local/bin/fedhealth certs/make-dev-pki.sh   # use an installed binary
#   OUT=/tmp/pki certs/make-dev-pki.sh                          # somewhere else
#
# Every password is generated and written beside its key as <file>.pass (mode 0600).
set -euo pipefail

sites="${1:-3}"
if ! [[ "$sites" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 [NUMBER_OF_SITES]" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${OUT:-$root/certs/dev}"
name="${CONSORTIUM_NAME:-FedHealth Development}"

if [[ -n "${FEDHEALTH:-}" ]]; then
  fedhealth() { "$FEDHEALTH" "$@"; }
else
  dotnet build "$root/src/FedHealth.Cli" -c Release --nologo -v quiet >&2
  fedhealth() { dotnet run --project "$root/src/FedHealth.Cli" -c Release --no-build -- "$@"; }
fi

if [[ -e "$out/ca/ca.p12" ]]; then
  echo "$out/ca already holds a CA; remove $out to start over, or issue more with 'fedhealth certs issue --ca $out/ca ...'." >&2
  exit 1
fi

umask 077
fedhealth certs init-ca --out "$out/ca" --name "$name"
fedhealth certs issue --ca "$out/ca" --id coordinator --role coordinator --out "$out/coordinator"
for i in $(seq 1 "$sites"); do
  fedhealth certs issue --ca "$out/ca" --id "site-$i" --role site --out "$out/site-$i"
done

echo "Development PKI in $out: ca/ (keep ca.p12 and ca.p12.pass to yourself), coordinator/, site-1/ … site-$sites/." >&2
echo "Peers trust ca/ca.crt.pem and read revocations from ca/ca.crl.pem; 'fedhealth certs crl --ca $out/ca' refreshes it (every 7 days)." >&2
