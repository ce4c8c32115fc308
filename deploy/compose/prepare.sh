#!/usr/bin/env bash
# Prepares the local federation of docker-compose.sim.yml, in git-ignored folders beside this script:
#   certs/ca/            the development CA (its key: mounted into no container)
#   certs/ca-public/     ca.crt.pem and ca.crl.pem, for the coordinator and every node
#   certs/coordinator/   the coordinator's key, its password file and ca.crt.pem
#   certs/hospital-N/    site N's key, its password file and ca.crt.pem
#   data/hospital-N/     heart_disease.csv: hospital N's rows only (center N), without the center column
#
#   deploy/compose/prepare.sh                    # ../shared/data/heart-disease/heart_disease_flamby.csv
#   deploy/compose/prepare.sh path/to/file.csv   # another file with a `center` column (0, 1, 2) and no quoted commas
#   FEDHEALTH=/usr/local/bin/fedhealth deploy/compose/prepare.sh   # use an installed binary
#   OUT=/tmp/sim deploy/compose/prepare.sh       # write certs/ and data/ elsewhere
#
# The containers run as uid 1654 (the .NET images' "app" user) and a key's password file may be
# read by its owner only; run as root, this script hands each service's folder to that uid
# (CONTAINER_UID=N for another, CONTAINER_UID= to skip).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
csv="${1:-$root/../shared/data/heart-disease/heart_disease_flamby.csv}"
out="${OUT:-$here}"
owner="${CONTAINER_UID-1654}"
name="${CONSORTIUM_NAME:-FedHealth Compose}"
sites=(0 1 2)

if [[ ! -f "$csv" ]]; then
  echo "prepare.sh: no data file at $csv; pass the path of heart_disease_flamby.csv." >&2
  exit 2
fi
if [[ -e "$out/certs" ]]; then
  echo "prepare.sh: $out/certs already exists; remove it to start over (it may need sudo: the containers' user owns parts of it)." >&2
  exit 1
fi

# One CSV per hospital, with the header, without the center column.
umask 022
for i in "${sites[@]}"; do
  mkdir -p "$out/data/hospital-$i"
  awk -F, -v OFS=, -v site="$i" '
    NR == 1 { for (c = 1; c <= NF; c++) if ($c == "center") column = c
              if (!column) { print "prepare.sh: the data file has no center column" > "/dev/stderr"; exit 2 } }
    NR == 1 || $column == site {
      line = ""
      for (c = 1; c <= NF; c++) if (c != column) line = line (line == "" ? "" : OFS) $c
      print line
      rows += (NR > 1)
    }
    END { if (NR > 0 && column && rows == 0) { print "prepare.sh: no row of center " site > "/dev/stderr"; exit 2 } }
  ' "$csv" > "$out/data/hospital-$i/heart_disease.csv"
  echo "data/hospital-$i/heart_disease.csv: $(($(wc -l < "$out/data/hospital-$i/heart_disease.csv") - 1)) rows" >&2
done

if [[ -n "${FEDHEALTH:-}" ]]; then
  fedhealth() { "$FEDHEALTH" "$@"; }
else
  dotnet build "$root/src/FedHealth.Cli" -c Release --nologo -v quiet >&2
  fedhealth() { dotnet run --project "$root/src/FedHealth.Cli" -c Release --no-build -- "$@"; }
fi

# The certificates name the compose services, which are the hosts the peers dial.
umask 077
fedhealth certs init-ca --out "$out/certs/ca" --name "$name"
fedhealth certs issue --ca "$out/certs/ca" --id coordinator --role coordinator \
  --out "$out/certs/coordinator" --dns coordinator localhost
for i in "${sites[@]}"; do
  fedhealth certs issue --ca "$out/certs/ca" --id "$i" --role site --out "$out/certs/hospital-$i" --dns "hospital-$i"
done

mkdir -m 0755 "$out/certs/ca-public"
install -m 0644 "$out/certs/ca/ca.crt.pem" "$out/certs/ca/ca.crl.pem" "$out/certs/ca-public/"

services=("$out/certs/coordinator")
for i in "${sites[@]}"; do services+=("$out/certs/hospital-$i"); done
if [[ -n "$owner" && "$(id -u)" == "0" ]]; then
  chown -R "$owner:$owner" "${services[@]}"
elif [[ -n "$owner" && "$(id -u)" != "$owner" ]]; then
  echo "The containers run as uid $owner and only a key's owner may read it; before 'docker compose up' run:" >&2
  echo "  sudo chown -R $owner:$owner ${services[*]}" >&2
fi

echo "Ready: docker compose -f docker-compose.sim.yml up --build. The CRL lasts 7 days: deploy/compose/refresh-crl.sh renews it." >&2
