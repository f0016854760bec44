# Source this file: pg_start starts a throw-away PostgreSQL server on 127.0.0.1 as the postgres user
# (initdb refuses root), creates the two roles of issue 11 §1 — mingjian_owner (owns the schema, runs migrations) and
# mingjian_app (what the app runs as) — and exports DATABASE_URL (the app role), MIGRATION_DATABASE_URL (the owner)
# and PG_ADMIN_URL (the superuser); pg_stop stops it and removes its files. Loopback is trusted (a throw-away server);
# the passwords are there so the same URLs work with password authentication.
PG_PORT="${PG_PORT:-54329}"
PG_DIR="${PG_DIR:-/tmp/mingjian-pg-$PG_PORT}"

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; return 1; }
  echo "$d"
}

pg_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_start() {
  local bin; bin=$(pg_bin) || return 1
  pg_stop >/dev/null 2>&1 || true
  mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
  pg_as "$bin/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  pg_as "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  export PG_ADMIN_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  # The owner may create databases (the tests make one each) and end the app's sessions when it drops one.
  "$bin/psql" "$PG_ADMIN_URL" -q -v ON_ERROR_STOP=1 >/dev/null <<'SQL' || return 1
CREATE ROLE mingjian_owner LOGIN CREATEDB PASSWORD 'owner-local';
GRANT pg_signal_backend TO mingjian_owner;
CREATE ROLE mingjian_app LOGIN PASSWORD 'app-local';
SQL
  export MIGRATION_DATABASE_URL="postgres://mingjian_owner:owner-local@127.0.0.1:$PG_PORT/postgres"
  export DATABASE_URL="postgres://mingjian_app:app-local@127.0.0.1:$PG_PORT/postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT"
}

pg_stop() {
  local bin; bin=$(pg_bin) || return 0
  [ -d "$PG_DIR/data" ] && pg_as "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$PG_DIR"
}
