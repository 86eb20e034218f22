#!/usr/bin/env bash
# Applies resources.asadmin and jvm.asadmin to a running Payara domain, once: a domain that already has the pool is left alone,
# so the run command can restart on the same domain and keep its data and settings.
# Restarts the domain after applying, for the JVM options to take effect.
# Usage: configure-domain.sh /path/to/asadmin [asadmin options such as --port 4848]
set -euo pipefail
asadmin=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
if "$asadmin" "$@" list-jdbc-connection-pools 2>/dev/null | grep -qx 'oaplatform-pool'; then
  echo "OA Platform resources already present in the domain"
  exit 0
fi
"$asadmin" "$@" multimode --file "$here/resources.asadmin"
"$asadmin" "$@" multimode --file "$here/jvm.asadmin"
# JVM options only apply to a fresh JVM.
"$asadmin" "$@" restart-domain
