#!/usr/bin/env bash
# Runs Microsoft's SCIM reference collection (../shared/conformance) against a running Keycloak with the pack:
# creates (or recreates) realm "conformance" with the standard SCIM attributes in its user profile, then runs
# the collection against its SCIM endpoint. Failures listed in known-quirks.txt (the collection's own quirks) are
# reported but do not fail the run.
#   KC_URL=http://127.0.0.1:8080 KC_ADMIN_PASSWORD=... conformance/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${KC_URL:?set KC_URL}"; : "${KC_ADMIN_PASSWORD:?set KC_ADMIN_PASSWORD}"
KC_ADMIN_USER=${KC_ADMIN_USER:-admin}
collection=${MS_COLLECTION_DIR:-$here/../../shared/conformance}
[ -x "$collection/run-ms-collection.sh" ] || [ -f "$collection/run-ms-collection.sh" ] || {
  echo "Microsoft's collection runner not found in $collection (set MS_COLLECTION_DIR)"; exit 1; }

json_field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }
admin_token=$(curl -sf -d grant_type=password -d client_id=admin-cli -d "username=$KC_ADMIN_USER" \
  --data-urlencode "password=$KC_ADMIN_PASSWORD" "$KC_URL/realms/master/protocol/openid-connect/token" | json_field access_token)
auth=(-H "Authorization: Bearer $admin_token")

secret=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
curl -s -o /dev/null "${auth[@]}" -X DELETE "$KC_URL/admin/realms/conformance" || true
sed "s/\${DIRSYNC_CONFORMANCE_SECRET}/$secret/" "$here/conformance-realm.json" |
  curl -sf "${auth[@]}" -H 'Content-Type: application/json' --data-binary @- "$KC_URL/admin/realms" >/dev/null
curl -sf "${auth[@]}" -X POST "$KC_URL/admin/realms/conformance/directory-sync/user-profile/scim-attributes" >/dev/null

token=$(curl -sf -d grant_type=client_credentials -d client_id=scim-conformance -d "client_secret=$secret" \
  "$KC_URL/realms/conformance/protocol/openid-connect/token" | json_field access_token)
SCIM_BASE_URL="$KC_URL/realms/conformance/directory-sync/scim/v2" SCIM_TOKEN="$token" \
  KNOWN_QUIRKS="$here/known-quirks.txt" WORK="${WORK:-${TMPDIR:-/tmp}/dirsync-ms-collection}" \
  bash "$collection/run-ms-collection.sh"
