#!/usr/bin/env bash
# The deployment test (run by .ci/run after `npm test`; needs root on Debian, not part of npm test):
# the README's "Deployment on a Debian server" done for real, on Debian's PostgreSQL 15 package:
#   a cluster of our own (port 55432, data under /tmp) with an owner and a runtime role,
#   a copy of the checkout installed, built and pruned to production dependencies,
#   the environment file, create-admin --activation-code, two API processes with NODE_ENV=production,
#   a smoke test through both (tests/deploy/smoke.mjs: activation + TOTP enrollment with oathtool,
#   a write on one, the read on the other, logout on one refused on the other),
#   `npm run backup`, `npm run restore` into a second database, a server on it and a TOTP sign-in.
# Everything it starts is stopped at the end, whatever happened.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
PG_PORT="${DEPLOY_TEST_PG_PORT:-55432}"
API1="${DEPLOY_TEST_PORT1:-54101}"
API2="${DEPLOY_TEST_PORT2:-54102}"
API3="${DEPLOY_TEST_PORT3:-54103}"
PGBIN=/usr/lib/postgresql/15/bin
started=$(date +%s)
# random secrets without depending on openssl being installed
rand() { node -e "process.stdout.write(require('crypto').randomBytes($1).toString('$2'))"; }
step() { echo "deploy-test: [$(( $(date +%s) - started ))s] $*"; }

if [ "$(id -u)" != 0 ]; then echo "deploy-test: needs root (apt-get, a PostgreSQL cluster run as the postgres user)" >&2; exit 1; fi

# 1. Debian's packages (README: apt-get install postgresql-15 …)
if ! dpkg -s postgresql-15 oathtool >/dev/null 2>&1; then
  step "apt-get install postgresql-15 oathtool"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql-15 oathtool >/dev/null
fi

WORK="$(mktemp -d /tmp/zaitaku-deploy.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
cleanup() {
  local rc=$?
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill -TERM -- "-$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null || true; done
  if [ -f "$WORK/pg/postmaster.pid" ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true; fi
  if [ $rc != 0 ]; then
    echo "deploy-test: FAILED (exit $rc); logs:" >&2
    for f in "$WORK"/*.log "$WORK"/pglog/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 40 "$f" >&2; }; done
  fi
  rm -rf "$WORK"
  step "done (exit $rc)"
  exit $rc
}
trap cleanup EXIT

# 2. A cluster of our own, started by this script (a server would use the package's main cluster:
#    pg_ctlcluster 15 main start). Peer authentication on the socket, passwords over TCP.
step "initdb + start PostgreSQL 15 on 127.0.0.1:$PG_PORT"
mkdir -p "$WORK/pg" "$WORK/sock" "$WORK/pglog"
chown postgres:postgres "$WORK/pg" "$WORK/sock" "$WORK/pglog"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth-local=peer --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$WORK/initdb.log"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pglog/postgresql.log" -w \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $WORK/sock" start >/dev/null
psql_su() { runuser -u postgres -- psql -h "$WORK/sock" -p "$PG_PORT" -v ON_ERROR_STOP=1 -q "$@"; }

# 3. Roles and databases, as the README's SQL
OWNER_PW="$(rand 16 hex)"
APP_PW="$(rand 16 hex)"
step "roles zaitaku_owner / zaitaku_app, databases zaitaku and zaitaku_restored"
for db in zaitaku zaitaku_restored; do
  [ "$db" = zaitaku ] && psql_su -c "create role zaitaku_owner login password '$OWNER_PW'" -c "create role zaitaku_app login password '$APP_PW'"
  psql_su -c "create database $db owner zaitaku_owner encoding 'UTF8' template template0" \
          -c "revoke all on database $db from public" \
          -c "grant connect on database $db to zaitaku_app"
done

# 4. The application: a copy of the checkout, installed, built, pruned (README: npm install && npm run build && npm prune --omit=dev).
#    node_modules is seeded with hard links from the checkout to spare the download; npm install then checks it.
step "install, build and prune a copy of the checkout"
APP="$WORK/app"
mkdir -p "$APP"
tar -C "$REPO" --exclude=./node_modules --exclude=./dist --exclude=./admin/dist --exclude=./.data --exclude=./.test-data \
  --exclude=./backups --exclude=./.git -cf - . | tar -C "$APP" -xf -
if [ -d "$REPO/node_modules" ]; then
  cp -al "$REPO/node_modules" "$APP/node_modules"
  # npm rewrites this file in place: never through a link into the checkout
  [ -f "$APP/node_modules/.package-lock.json" ] && cp --remove-destination "$REPO/node_modules/.package-lock.json" "$APP/node_modules/.package-lock.json"
fi
( cd "$APP" && npm install --no-audit --no-fund --loglevel=error >"$WORK/npm-install.log" 2>&1 \
  && npm run build >"$WORK/build.log" 2>&1 \
  && npm prune --omit=dev --no-audit --no-fund --loglevel=error >"$WORK/npm-prune.log" 2>&1 )
[ ! -e "$APP/node_modules/typescript" ] && [ ! -e "$APP/node_modules/vite" ] || { echo "deploy-test: dev dependencies still installed after prune" >&2; exit 1; }

# 5. The environment file (README; /etc/zaitaku/zaitaku.env on a server)
cat >"$WORK/zaitaku.env" <<EOF
NODE_ENV=production
DATABASE_URL=postgres://zaitaku_app:$APP_PW@127.0.0.1:$PG_PORT/zaitaku
MIGRATION_DATABASE_URL=postgres://zaitaku_owner:$OWNER_PW@127.0.0.1:$PG_PORT/zaitaku
SECRET_KEY=$(rand 48 base64)
PUBLIC_URL=https://zaitaku.city.example.jp
MAIL_FROM=no-reply@city.example.jp
HOST=127.0.0.1
TRUST_PROXY=127.0.0.1
JOB_INTERVAL_SECONDS=5
EOF
chmod 600 "$WORK/zaitaku.env"
load_env() { set -a; . "$WORK/zaitaku.env"; set +a; }

# a refused start must be one line, naming the setting
( load_env; cd "$APP"; PUBLIC_URL=http://localhost:4300 PORT=$API1 npm start --silent >"$WORK/refused.log" 2>&1 ) && { echo "deploy-test: started with a localhost PUBLIC_URL" >&2; exit 1; }
grep -q "PUBLIC_URL is \"http://localhost:4300\"" "$WORK/refused.log" || { echo "deploy-test: no refusal line for PUBLIC_URL" >&2; cat "$WORK/refused.log" >&2; exit 1; }

# 6. Two API processes (systemd: zaitaku@4001, zaitaku@4002), started at once: one migrates, the other waits
start_api() { # port database logfile
  ( load_env; cd "$APP"
    DATABASE_URL="${DATABASE_URL%/*}/$2" MIGRATION_DATABASE_URL="${MIGRATION_DATABASE_URL%/*}/$2" PORT="$1" exec setsid npm start --silent >"$3" 2>&1 ) &
  PIDS+=("$!")
}
wait_healthy() { # port logfile
  for _ in $(seq 1 120); do
    node -e "fetch('http://127.0.0.1:$1/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && return 0
    sleep 0.5
  done
  echo "deploy-test: the API on port $1 did not come up" >&2; cat "$2" >&2; return 1
}
step "two API processes on ports $API1 and $API2 (NODE_ENV=production, no dev dependencies)"
start_api "$API1" zaitaku "$WORK/api1.log"
start_api "$API2" zaitaku "$WORK/api2.log"
wait_healthy "$API1" "$WORK/api1.log"
wait_healthy "$API2" "$WORK/api2.log"
# the runtime role may not rewrite the audit trail
if PGPASSWORD="$APP_PW" psql -h 127.0.0.1 -p "$PG_PORT" -U zaitaku_app -d zaitaku -q -c "delete from audit_event" >/dev/null 2>&1; then
  echo "deploy-test: the runtime role could delete audit rows" >&2; exit 1
fi

# 7. The first VENDOR account, scripted, with a one-time activation code instead of a password
step "create-admin --activation-code"
CODE_OUT="$( load_env; cd "$APP"; npm run --silent create-admin -- --login-id it-admin --name '情報 管理者' --name-kana 'ジョウホウ カンリシャ' --activation-code </dev/null )"
CODE="$(printf '%s\n' "$CODE_OUT" | sed -n 's/^Activation code: \([^ ]*\).*/\1/p')"
[ -n "$CODE" ] || { echo "deploy-test: create-admin printed no code: $CODE_OUT" >&2; exit 1; }

# 8. Smoke test through both processes
step "smoke test through both processes"
PASSWORD="it-admin-password-$(rand 4 hex)1"
node "$REPO/tests/deploy/smoke.mjs" activate-and-share "http://127.0.0.1:$API1" "http://127.0.0.1:$API2" it-admin "$CODE" "$PASSWORD" "$WORK/totp-secret"

# 9. Backup, restore into the second database, a server on it, sign-in there
step "npm run backup"
( load_env; cd "$APP"; npm run --silent backup -- "$WORK/backup.dump" ) >"$WORK/backup.log" 2>&1
test -s "$WORK/backup.dump"
step "npm run restore into zaitaku_restored"
( load_env; cd "$APP"
  DATABASE_URL="${DATABASE_URL%/*}/zaitaku_restored" MIGRATION_DATABASE_URL="${MIGRATION_DATABASE_URL%/*}/zaitaku_restored" npm run --silent restore -- "$WORK/backup.dump" ) >"$WORK/restore.log" 2>&1
step "a server on the restored database, TOTP sign-in"
start_api "$API3" zaitaku_restored "$WORK/api3.log"
wait_healthy "$API3" "$WORK/api3.log"
node "$REPO/tests/deploy/smoke.mjs" sign-in "http://127.0.0.1:$API3" it-admin "$PASSWORD" "$WORK/totp-secret"

step "deployment test passed"
