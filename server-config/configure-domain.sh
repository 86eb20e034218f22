#!/usr/bin/env bash
# Applies resources.asadmin and jvm.asadmin to a running Payara domain and restarts it, for the JVM options to take effect.
# A domain configured from the same two files before is left alone, so the run command can restart on the same domain
# and keep its data. A domain configured from older files (or by a run that was interrupted half-way) gets the OA
# resources and JVM options removed and applied afresh: otherwise a changed pool setting would silently never reach the
# domains that developers, the benchmarks and the integration tests reuse.
# Usage: configure-domain.sh /path/to/asadmin [asadmin options such as --port 4848]
set -euo pipefail
asadmin=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
# Every domain we configure is domain1 of its own Payara installation, so the stamp lives beside it.
stamp_file="$(cd "$(dirname "$asadmin")/.." && pwd)/glassfish/domains/.oaplatform-server-config.sha256"
stamp=$(cat "$here/resources.asadmin" "$here/jvm.asadmin" | sha256sum | cut -d' ' -f1)

if "$asadmin" "$@" list-jdbc-connection-pools 2>/dev/null | grep -qx 'oaplatform-pool'; then
  if [[ -f "$stamp_file" && "$(cat "$stamp_file")" == "$stamp" ]]; then
    echo "OA Platform resources already present in the domain"
    exit 0
  fi
  echo "server-config/ changed since this domain was configured: applying it afresh"
  undo=$(mktemp)
  trap 'rm -f "$undo"' EXIT
  {
    echo "delete-jdbc-resource jdbc/oaplatform"
    echo "delete-jdbc-connection-pool oaplatform-pool"
    sed -n 's/^create-jms-resource .* \(jms\/[^ ]*\)$/delete-jms-resource \1/p' "$here/resources.asadmin"
    sed -n 's/^create-jvm-options /delete-jvm-options /p' "$here/jvm.asadmin"
  } > "$undo"
  # Some of these may be missing already (an interrupted run); what matters is that none is left.
  "$asadmin" "$@" multimode --file "$undo" || true
fi
"$asadmin" "$@" multimode --file "$here/resources.asadmin"
"$asadmin" "$@" multimode --file "$here/jvm.asadmin"
echo "$stamp" > "$stamp_file"
# JVM options only apply to a fresh JVM.
"$asadmin" "$@" restart-domain
