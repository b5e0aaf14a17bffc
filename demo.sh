#!/usr/bin/env bash
# Starts Keycloak with the Directory Sync pack and a ready `demo` realm on the embedded database (H2).
#   ./demo.sh            (PORT=8080 by default; Ctrl-C stops Keycloak)
# First run: builds the pack, downloads the Keycloak distribution from Maven Central (~170 MB) into .demo/,
# generates an admin password and a SCIM client secret into .demo/credentials.env. Later runs reuse all of it.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
port=${PORT:-8080}
mgmt_port=${MANAGEMENT_PORT:-9000}
kc_version=$(sed -n 's:.*<keycloak.dist.version>\(.*\)</keycloak.dist.version>.*:\1:p' pom.xml | head -n 1)
demo="$root/.demo"
kc_home="$demo/keycloak-$kc_version"
mkdir -p "$demo"

say() { printf '\033[1m[demo]\033[0m %s\n' "$*"; }

say "building the pack (mvn package, tests skipped)"
mvn -B -q -DskipTests package -pl distribution -am
jar=$(ls distribution/target/keycloak-directory-sync-*.jar | grep -v original | head -n 1)

if [ ! -f "$kc_home/version.txt" ]; then
  say "fetching Keycloak $kc_version from Maven Central"
  mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:tar.gz" -DoutputDirectory="$demo"
  tar -xzf "$demo/keycloak-quarkus-dist-$kc_version.tar.gz" -C "$demo"
  rm -f "$demo/keycloak-quarkus-dist-$kc_version.tar.gz"
fi

rm -f "$kc_home"/providers/keycloak-directory-sync-*.jar "$kc_home"/providers/directory-sync-*.jar
cp "$jar" "$kc_home/providers/"

if [ ! -f "$demo/credentials.env" ]; then
  rand() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }
  umask 077
  printf 'DEMO_ADMIN_PASSWORD=%s\nDEMO_SCIM_CLIENT_SECRET=%s\n' "$(rand)" "$(rand)" > "$demo/credentials.env"
fi
# shellcheck disable=SC1091
. "$demo/credentials.env"
export DEMO_SCIM_CLIENT_SECRET
mkdir -p "$kc_home/data/import"
cp demo/demo-realm.json "$kc_home/data/import/demo-realm.json"

say "starting Keycloak $kc_version on http://127.0.0.1:$port (log: $demo/keycloak.log)"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$DEMO_ADMIN_PASSWORD" \
  bash "$kc_home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" \
  --http-management-port="$mgmt_port" --health-enabled=true --import-realm --features=declarative-ui \
  > >(tee "$demo/keycloak.log") 2>&1 &
kc_pid=$!
stop() { trap - INT TERM; say "stopping Keycloak"; kill -TERM "$kc_pid" 2>/dev/null || true; wait "$kc_pid" 2>/dev/null || true; exit 0; }
trap stop INT TERM

until curl -sf "http://127.0.0.1:$mgmt_port/health/ready" >/dev/null 2>&1; do
  kill -0 "$kc_pid" 2>/dev/null || { say "Keycloak exited; see $demo/keycloak.log"; exit 1; }
  sleep 1
done

base="http://127.0.0.1:$port"
# Give the demo realm the full SCIM identity model (idempotent: attributes already there are kept).
admin_token=$(curl -sf -d grant_type=password -d client_id=admin-cli -d username=admin \
  --data-urlencode "password=$DEMO_ADMIN_PASSWORD" "$base/realms/master/protocol/openid-connect/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
curl -sf -o /dev/null -X POST -H "Authorization: Bearer $admin_token" \
  "$base/admin/realms/demo/directory-sync/user-profile/scim-attributes" || say "could not add the SCIM attributes to the user profile"
cat <<INFO

================================================================================
 Keycloak Directory Sync is running (Keycloak $kc_version, realm "demo")

 Admin console : $base/admin/master/console/#/demo
 Admin login   : admin / $DEMO_ADMIN_PASSWORD
 SCIM client   : scim-provisioner / $DEMO_SCIM_CLIENT_SECRET   (credentials in .demo/credentials.env)

 Try it (copy-paste):
   TOKEN=\$(curl -s -d grant_type=client_credentials -d client_id=scim-provisioner \\
     -d client_secret=$DEMO_SCIM_CLIENT_SECRET $base/realms/demo/protocol/openid-connect/token \\
     | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
   curl -s -H "Authorization: Bearer \$TOKEN" $base/realms/demo/directory-sync/scim/v2/Users

 Ctrl-C stops Keycloak.
================================================================================
INFO
wait "$kc_pid"
