#!/usr/bin/env bash
# Publishes a fresh CRL of the local federation's CA (peers refuse every connection once the CRL's
# next update, 7 days after publication, has passed) and hands it to the coordinator atomically.
#
#   deploy/compose/refresh-crl.sh
#   FEDHEALTH=/usr/local/bin/fedhealth OUT=/tmp/sim deploy/compose/refresh-crl.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${OUT:-$here}"

if [[ ! -f "$out/certs/ca/ca.p12" ]]; then
  echo "refresh-crl.sh: no CA in $out/certs/ca; run deploy/compose/prepare.sh first." >&2
  exit 2
fi

if [[ -n "${FEDHEALTH:-}" ]]; then
  fedhealth() { "$FEDHEALTH" "$@"; }
else
  fedhealth() { dotnet run --project "$root/src/FedHealth.Cli" -c Release -- "$@"; }
fi

fedhealth certs crl --ca "$out/certs/ca"
# A rename inside the mounted folder: the coordinator never reads a half-written CRL.
install -m 0644 "$out/certs/ca/ca.crl.pem" "$out/certs/ca-public/.ca.crl.pem.new"
mv -f "$out/certs/ca-public/.ca.crl.pem.new" "$out/certs/ca-public/ca.crl.pem"
echo "CRL renewed in $out/certs/ca-public/ca.crl.pem; the coordinator re-reads it within seconds." >&2
