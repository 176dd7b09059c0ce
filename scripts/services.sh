#!/usr/bin/env bash
# Makes PostgreSQL and Redis available and writes their URLs to .data/services.env.
#
# Services already listening on 127.0.0.1:5432 and :6379 are used as they are. Otherwise
# private ones are installed (Debian) and started under .data/ on ports 5433 and 6380; their
# data stays there across runs. DATABASE_ADMIN_URL and REDIS_URL in the environment win.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mkdir -p .data

say() { printf '==> %s\n' "$*"; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
shared_service() { [ "${CONSTRUBOT_PRIVATE_SERVICES:-0}" != 1 ] && listening "$1"; }

apt_install() {
  local missing=()
  for package in "$@"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} (Debian)"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

start_private_postgres() {
  local port=5433 data="$root/.data/postgres"
  listening $port && return 0
  apt_install postgresql
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$data" postgres
  if [ ! -f "$data/PG_VERSION" ]; then
    say "creating a private PostgreSQL cluster in .data/postgres"
    mkdir -p "$data"
    chown postgres "$data"
    runuser -u postgres -- "$bin/initdb" -D "$data" -A trust -U postgres >/dev/null
  fi
  chown -R postgres "$data"
  say "starting the private PostgreSQL on 127.0.0.1:$port"
  runuser -u postgres -- "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" start >/dev/null
}

start_private_redis() {
  local port=6380 data="$root/.data/redis"
  listening $port && return 0
  command -v redis-server >/dev/null || apt_install redis-server
  mkdir -p "$data"
  say "starting the private Redis on 127.0.0.1:$port"
  redis-server --port $port --bind 127.0.0.1 --dir "$data" --daemonize yes \
    --logfile "$data/redis.log" --save 60 1 >/dev/null
}

if [ -z "${DATABASE_ADMIN_URL:-}" ]; then
  if shared_service 5432; then
    DATABASE_ADMIN_URL=postgres://postgres@127.0.0.1:5432/postgres
  else
    start_private_postgres
    DATABASE_ADMIN_URL=postgres://postgres@127.0.0.1:5433/postgres
  fi
fi

if [ -z "${REDIS_URL:-}" ]; then
  if shared_service 6379; then
    REDIS_URL=redis://127.0.0.1:6379
  else
    start_private_redis
    REDIS_URL=redis://127.0.0.1:6380
  fi
fi

cat > .data/services.env <<ENV
export DATABASE_ADMIN_URL=$DATABASE_ADMIN_URL
export REDIS_URL=$REDIS_URL
ENV
