#!/usr/bin/env bash
# The adopter check: does what a team does to put AIMS into the Backstage it already runs, and
# fails at the step that breaks.
#
#  1. build and pack every publishable package (prepack/postpack must leave the tree as it was)
#  2. scaffold a new app with the current @backstage/create-app from the npm registry (in the
#     background, while 1 runs), then `yarn up '@backstage/*'` so every Backstage package is on
#     one release (the yarn.lock seed create-app wants is not reachable here)
#  3. install the packed tarballs (not workspace links) into the app
#  4. make the edits the packages' READMEs describe, read from the READMEs themselves
#  5. type-check the app (frontend wiring of both frontend systems included)
#  6. start the app's backend on a port of its own with an AISystem, its owner and service, and
#     an invalid AISystem in its catalog
#  7. check over HTTP: relations, /api/aims/inventory, the invalid entity's field error
#  8. run the installed `aims` CLI on a valid and an invalid file
#
# usage: scripts/adopter-check.sh   (or make adopter-check, which bootstraps Node 22)
# env:   AIMS_ADOPTER_DIR   work directory, wiped first (default .tools/adopter)
#        AIMS_ADOPTER_PORT  port of the app's backend (default 7107)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
# Backstage 1.55 needs Node >= 22 (installed into .tools/ when the machine's is older)
NODE_BIN=$("$ROOT/scripts/ensure-node.sh")
PATH="$NODE_BIN:$PATH"
case $NODE_BIN in # native addons (better-sqlite3) compile against the bootstrapped Node's headers
  */.tools/*) export npm_config_nodedir=${npm_config_nodedir:-$(dirname "$NODE_BIN")} ;;
esac
HERE=$ROOT/scripts/adopter-check
WORK=${AIMS_ADOPTER_DIR:-$ROOT/.tools/adopter}
PORT=${AIMS_ADOPTER_PORT:-7107}
APP=$WORK/app
PACKED=$WORK/tarballs
LOGS=$WORK/logs
YARN="node $ROOT/.yarn/releases/yarn-4.13.0.cjs"

PACKAGES=(
  plugins/aims-common
  plugins/aims-node
  plugins/catalog-backend-module-aims
  plugins/aims-backend
  plugins/aims-backend-module-kubernetes
  plugins/aims-backend-module-prometheus
  plugins/aims
  packages/aims-cli
)

# --- steps, timings, failure and cleanup --------------------------------------------------
STEP='setup'
STEP_START=$SECONDS
TIMINGS=()
SCAFFOLD_PID=''
BACKEND_PID=''

step() {
  STEP=$1
  STEP_START=$SECONDS
  echo
  echo "==> $STEP"
}
step_done() {
  TIMINGS+=("$(printf '%5ds  %s' $((SECONDS - STEP_START)) "$STEP")")
}
fail() {
  echo "adopter-check: $*" >&2
  exit 1
}
show_log() { # the end of a log, for the reader of a failed run
  echo "--- last lines of $1:" >&2
  tail -n "${2:-40}" "$1" >&2 || true
}
cleanup() {
  local rc=$?
  if [ -n "$BACKEND_PID" ]; then
    kill -- "-$BACKEND_PID" 2>/dev/null || true # the backend runs in a process group of its own
    wait "$BACKEND_PID" 2>/dev/null || true
  fi
  if [ -n "$SCAFFOLD_PID" ]; then
    kill -- "-$SCAFFOLD_PID" 2>/dev/null || true
    wait "$SCAFFOLD_PID" 2>/dev/null || true
  fi
  echo
  echo "adopter-check timings:"
  printf '%s\n' "${TIMINGS[@]}"
  printf '%5ds  total\n' "$SECONDS"
  if [ "$rc" -ne 0 ]; then
    echo "adopter-check FAILED in step: $STEP (logs: $LOGS)" >&2
  else
    echo "adopter-check: AIMS installs into a new Backstage app and works there"
  fi
}
trap cleanup EXIT

pkg_name() { node -p "require('$ROOT/$1/package.json').name"; }
tarball() { echo "$PACKED/$(basename "$1").tgz"; }

rm -rf "$WORK"
mkdir -p "$PACKED" "$LOGS"

# --- 2 (background). scaffold the app while the packages build ---------------------------
# create-app only checks that a `yarn` is on PATH; the shim runs the repository's Yarn 4.
mkdir -p "$WORK/bin"
printf '#!/bin/sh\nexec node "%s/.yarn/releases/yarn-4.13.0.cjs" "$@"\n' "$ROOT" >"$WORK/bin/yarn"
chmod +x "$WORK/bin/yarn"
scaffold() {
  cd "$WORK"
  export PATH="$WORK/bin:$PATH"
  local start=$SECONDS
  echo aims-adopter | npx --yes @backstage/create-app@latest --path "$APP" --skip-install
  cd "$APP"
  # no yarn.lock seed: take the newest of every @backstage package so they agree on one release
  yarn up '@backstage/*'
  echo "scaffold and install took $((SECONDS - start))s"
}
set -m # the scaffold gets a process group of its own, so cleanup can stop all of it
scaffold >"$LOGS/scaffold.log" 2>&1 &
SCAFFOLD_PID=$!
set +m

# --- 1. build and pack --------------------------------------------------------------------
step 'build the packages (tsc, backstage-cli package build)'
$YARN tsc >"$LOGS/tsc.log" 2>&1 || { show_log "$LOGS/tsc.log"; fail 'yarn tsc failed'; }
for dir in "${PACKAGES[@]}"; do
  log="$LOGS/build-$(basename "$dir").log"
  (cd "$dir" && $YARN backstage-cli package build) >"$log" 2>&1 ||
    { show_log "$log"; fail "build of $dir failed"; }
done
step_done

step 'pack the packages (yarn pack: prepack, postpack)'
tree_state() { # each manifest, and what prepack writes next to it (package.json-prepack,
  # config.schema.json, entry-point folders); not the sources or docs others may be editing
  for dir in "${PACKAGES[@]}"; do
    sha1sum "$dir/package.json"
    git status --porcelain -- "$dir" | grep -E "^.. $dir/[^/]+/?\$" | grep -v '\.md$' || true
  done
}
before=$(tree_state)
for dir in "${PACKAGES[@]}"; do
  name=$(pkg_name "$dir")
  $YARN workspace "$name" pack --out "$(tarball "$dir")" >"$LOGS/pack-$(basename "$dir").log" 2>&1 ||
    { show_log "$LOGS/pack-$(basename "$dir").log"; fail "yarn pack of $name failed"; }
  contents=$(tar -tzf "$(tarball "$dir")") # (not piped into grep -q: pipefail and SIGPIPE)
  grep -q '^package/dist/' <<<"$contents" || fail "$name: the tarball has no dist/"
done
contents=$(tar -tzf "$(tarball plugins/aims-backend)")
grep -q '^package/migrations/.*\.js$' <<<"$contents" ||
  fail '@aims-backstage/backstage-plugin-aims-backend: the tarball has no migrations/'
after=$(tree_state)
[ "$before" = "$after" ] ||
  fail "prepack/postpack changed the tree:$(diff <(echo "$before") <(echo "$after") || true)"
step_done

# --- 2. wait for the app ------------------------------------------------------------------
step 'scaffold the app (npx @backstage/create-app@latest; yarn up @backstage/*)'
wait "$SCAFFOLD_PID" || { SCAFFOLD_PID=''; show_log "$LOGS/scaffold.log"; fail 'create-app or yarn up failed'; }
SCAFFOLD_PID=''
grep 'scaffold and install took' "$LOGS/scaffold.log"
[ -f "$APP/packages/backend/src/index.ts" ] || fail "no app at $APP"
step_done

# --- 3. install the tarballs ----------------------------------------------------------------
step 'install the packed AIMS packages into the app'
mkdir -p "$APP/aims-tarballs"
cp "$PACKED"/*.tgz "$APP/aims-tarballs/"
# The packages depend on each other by version (^0.1.0), which no registry has yet:
# resolutions point every one of them at its tarball.
(
  cd "$APP"
  node -e '
    const fs = require("fs");
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8"));
    for (const [name, file] of process.argv.slice(1).map(a => a.split("="))) {
      pkg.resolutions[name] = `file:./aims-tarballs/${file}`;
    }
    fs.writeFileSync("package.json", `${JSON.stringify(pkg, null, 2)}\n`);
  ' $(for dir in "${PACKAGES[@]}"; do echo "$(pkg_name "$dir")=$(basename "$dir").tgz"; done)
) || fail 'could not write resolutions'
dep() { echo "$(pkg_name "$1")@file:../../aims-tarballs/$(basename "$1").tgz"; }
(
  cd "$APP"
  # READMEs: yarn --cwd packages/backend add ... / yarn --cwd packages/app add ... /
  # yarn add --dev @aims-backstage/aims-cli
  $YARN --cwd packages/backend add "$(dep plugins/aims-backend)" \
    "$(dep plugins/catalog-backend-module-aims)" "$(dep plugins/aims-node)" \
    "$(dep plugins/aims-backend-module-kubernetes)" \
    "$(dep plugins/aims-backend-module-prometheus)"
  $YARN --cwd packages/app add "$(dep plugins/aims)"
  $YARN add --dev "$(pkg_name packages/aims-cli)@file:./aims-tarballs/aims-cli.tgz"
) >"$LOGS/install.log" 2>&1 || { show_log "$LOGS/install.log"; fail 'yarn add of the tarballs failed'; }
# one copy of each frontend singleton, or React contexts break at run time
for singleton in @backstage/core-plugin-api @backstage/frontend-plugin-api @backstage/core-components @backstage/plugin-catalog-react react; do
  copies=$(cd "$APP" && find node_modules \( -path "node_modules/$singleton/package.json" \
    -o -path "*/node_modules/$singleton/package.json" \) | wc -l)
  [ "$copies" -eq 1 ] || fail "$singleton is installed $copies times in the app"
done
step_done

# --- 4. the README edits ------------------------------------------------------------------
step 'apply the README install steps'
node "$HERE/edit-app.js" "$ROOT" "$APP" || fail 'a README step does not apply to a new app'
(cd "$APP" && git diff --stat -- packages app-config.yaml) || true
step_done

# --- 5. type-check ------------------------------------------------------------------------
step 'type-check the app (yarn tsc)'
(cd "$APP" && $YARN tsc) >"$LOGS/app-tsc.log" 2>&1 || { show_log "$LOGS/app-tsc.log"; fail 'the app does not type-check with the README edits'; }
step_done

# --- 6. start the backend -------------------------------------------------------------------
step "start the app's backend on :$PORT"
cat >"$APP/aims-check-valid.yaml" <<'EOF'
apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: adopter-ml-team
spec:
  type: team
  children: []
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: adopter-api
spec:
  type: service
  lifecycle: production
  owner: group:default/adopter-ml-team
---
apiVersion: aims.dev/v1alpha1
kind: AISystem
metadata:
  name: adopter-scorer
spec:
  type: ml-model
  lifecycle: production
  owner: group:default/adopter-ml-team
  purpose: Scores loan applications for default risk
  role: provider
  dependencyOf: [component:default/adopter-api]
EOF
cat >"$APP/aims-check-invalid.yaml" <<'EOF'
apiVersion: aims.dev/v1alpha1
kind: AISystem
metadata:
  name: adopter-invalid-scorer
spec:
  type: ml-model
  lifecycle: production
  owner: group:default/adopter-ml-team
  purpose: An AI system with a role AIMS does not know
  role: vendor
EOF
# Only the check's own entities; the catalog rule for AISystem is the README's global one.
cat >"$APP/app-config.aims-check.yaml" <<EOF
app:
  baseUrl: http://localhost:3107
backend:
  baseUrl: http://localhost:$PORT
  listen:
    port: $PORT
  cors:
    origin: http://localhost:3107
catalog:
  locations:
    - type: file
      target: $APP/aims-check-valid.yaml
      rules:
        - allow: [Group]
    - type: file
      target: $APP/aims-check-invalid.yaml
# the Prometheus module needs its base URL (its README); nothing listens there, so both of
# its sources fail their runs, which makes their observations unknown, never drift
aims:
  prometheus:
    baseUrl: http://127.0.0.1:9
EOF
(
  cd "$APP/packages/backend"
  exec setsid node "$ROOT/.yarn/releases/yarn-4.13.0.cjs" start \
    --config "$APP/app-config.yaml" --config "$APP/app-config.aims-check.yaml"
) >"$LOGS/backend.log" 2>&1 &
BACKEND_PID=$!
for _ in $(seq 1 90); do
  kill -0 "$BACKEND_PID" 2>/dev/null || { show_log "$LOGS/backend.log" 60; BACKEND_PID=''; fail 'the backend exited'; }
  curl -sf "http://localhost:$PORT/.backstage/health/v1/readiness" >/dev/null && break
  sleep 2
done
curl -sf "http://localhost:$PORT/.backstage/health/v1/readiness" >/dev/null ||
  { show_log "$LOGS/backend.log" 60; fail "the backend is not ready on :$PORT after 180s"; }
step_done

# --- 7. over HTTP -------------------------------------------------------------------------
step 'check AIMS over HTTP (catalog relations, /api/aims/inventory, the invalid entity)'
node -e '
  const YAML = require(require.resolve("yaml", { paths: [process.argv[1]] }));
  process.stdout.write(JSON.stringify(YAML.parse(require("fs").readFileSync(process.argv[2], "utf8"))));
' "$APP/node_modules/@aims-backstage/aims-cli" "$APP/aims-check-invalid.yaml" >"$WORK/invalid-entity.json"
node "$HERE/http-checks.js" "http://localhost:$PORT" "$WORK/invalid-entity.json" ||
  { show_log "$LOGS/backend.log" 30; fail 'AIMS does not work in the app'; }
# the catalog-backend-module-logs of a new app logs processing errors: the adopter sees it there
grep -q 'spec.role must be one of provider, deployer, provider-and-deployer' "$LOGS/backend.log" ||
  fail "the backend log does not show the invalid AISystem's processing error"
echo "  ok: the backend log shows the processing error naming spec.role"
step_done

# --- 8. the installed CLI -------------------------------------------------------------------
step 'run the installed aims CLI (npx aims validate)'
(
  cd "$APP"
  npx --no-install aims validate aims-check-valid.yaml >"$LOGS/cli-valid.log" 2>&1 ||
    { cat "$LOGS/cli-valid.log"; fail 'aims validate rejects a valid file'; }
  echo "  ok: $(tail -n 1 "$LOGS/cli-valid.log")"
  status=0
  npx --no-install aims validate aims-check-invalid.yaml >"$LOGS/cli-invalid.log" 2>&1 || status=$?
  [ "$status" -eq 1 ] || { cat "$LOGS/cli-invalid.log"; fail "aims validate exited $status on an invalid file, not 1"; }
  grep -q 'aims-check-invalid.yaml:0: aisystem:default/adopter-invalid-scorer: spec.role must be one of' "$LOGS/cli-invalid.log" ||
    { cat "$LOGS/cli-invalid.log"; fail 'aims validate does not name the field'; }
  echo "  ok: exit 1, $(head -n 1 "$LOGS/cli-invalid.log")"
)
step_done
