#!/usr/bin/env bash
# Brings a fresh Debian machine to what the test suite needs: Debian's Chromium with CJK fonts
# (without them Chinese renders as boxes in screenshots), a running PostgreSQL 15 for the
# second database and a running Redis for the REDIS_URL rate-limit store. Idempotent and quiet
# when everything is already there.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
if [ "${SKIP_REDIS:-0}" != 1 ]; then
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "缺少测试依赖：${missing[*]}。请以 root 运行，或手动安装：apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "安装测试依赖：${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL: start the packaged cluster (no systemd here) and give the postgres role a
# password so tests can connect over TCP like an application would.
if [ "${SKIP_POSTGRES:-0}" != 1 ]; then
  ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
  if [ -n "$ver" ]; then
    pg_lsclusters -h 2>/dev/null | grep -q "^$ver main" || pg_createcluster "$ver" main >/dev/null
    if ! pg_lsclusters -h | grep -q "^$ver main .* online"; then
      pg_ctlcluster --skip-systemctl-redirect "$ver" main start
    fi
    for _ in $(seq 1 30); do
      su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
      sleep 0.5
    done
    su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
  fi
fi

# Redis: no systemd here either, so run it daemonized on loopback, in memory only (tests need
# no persistence). scripts/test.mjs then points TEST_REDIS_URL at it.
if [ "${SKIP_REDIS:-0}" != 1 ] && command -v redis-server >/dev/null 2>&1; then
  if [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" != PONG ]; then
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no \
      --dir /tmp --logfile /tmp/redis-test.log
    for _ in $(seq 1 30); do
      [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ] && break
      sleep 0.2
    done
  fi
fi
