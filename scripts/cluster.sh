#!/usr/bin/env bash
# Two app instances behind nginx (round robin, no sticky sessions) against one PostgreSQL: the shape of a
# production deployment (docs/DEPLOYING.md), on one machine.
#
#   scripts/cluster.sh start [--postgres "Host=127.0.0.1;Port=55432;Username=postgres"] [--database samla_cluster]
#                            [--port 8480] [--dir /tmp/samla-cluster] [--sign-in-per-minute 10] [--services N]
#   scripts/cluster.sh stop  [--dir /tmp/samla-cluster]
#
# start builds nothing: it runs the Release output (dotnet build Samla.sln -c Release). It (re)creates the database,
# starts instance "a" (which applies the migrations and seeds the demo data, once), then instance "b" (demo data off),
# then nginx as the current user with its config, pid, logs and temp files in --dir. It prints, and writes to
# DIR/cluster.env, the variables the cluster tests read: SAMLA_CLUSTER_URL (nginx), SAMLA_CLUSTER_PG (the database),
# SAMLA_CLUSTER_INSTANCES (the two direct addresses), SAMLA_CLUSTER_PIDS (their process ids, for memory samples).
# Environment passed on to both instances: anything exported as Samla__… or Logging__… .
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DLL="$ROOT/src/Samla.Web/bin/Release/net10.0/Samla.Web.dll"
NGINX=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

cmd=${1:-}; shift || true
PG="Host=127.0.0.1;Port=${SAMLA_PG_PORT:-55432};Username=postgres"
DBNAME=samla_cluster
PORT=8480
DIR=/tmp/samla-cluster
SIGNIN_PER_MINUTE=10
SERVICES=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --postgres) PG="$2" ;;
        --database) DBNAME="$2" ;;
        --port) PORT="$2" ;;
        --dir) DIR="$2" ;;
        --sign-in-per-minute) SIGNIN_PER_MINUTE="$2" ;;
        --services) SERVICES="$2" ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift 2
done

stop() {
    if [[ -f "$DIR/nginx.pid" ]]; then
        "$NGINX" -p "$DIR" -c "$DIR/nginx.conf" -e "$DIR/nginx-error.log" -s quit 2>/dev/null || true
    fi
    for name in a b; do
        if [[ -f "$DIR/app-$name.pid" ]]; then
            local pid; pid=$(cat "$DIR/app-$name.pid")
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
            kill -9 "$pid" 2>/dev/null || true
            rm -f "$DIR/app-$name.pid"
        fi
    done
    for _ in $(seq 1 25); do [[ -f "$DIR/nginx.pid" ]] || break; sleep 0.2; done
    if [[ -f "$DIR/nginx.pid" ]]; then kill "$(cat "$DIR/nginx.pid")" 2>/dev/null || true; rm -f "$DIR/nginx.pid"; fi
}

conn_value() { # key default: a value of the connection string --postgres
    local kv parts
    IFS=';' read -ra parts <<<"$PG"
    for kv in "${parts[@]}"; do [[ "${kv%%=*}" == "$1" ]] && { echo "${kv#*=}"; return; }; done
    echo "$2"
}

wait_healthy() { # url log
    for _ in $(seq 1 600); do
        curl -sf -o /dev/null "$1/health" && return 0
        sleep 0.5
    done
    echo "!! $1 did not become healthy; last lines of $2:" >&2
    tail -30 "$2" >&2
    return 1
}

# The nginx configuration of docs/DEPLOYING.md, with this machine's paths and ports.
write_nginx_conf() {
    mkdir -p "$DIR/nginx-temp"
    cat >"$DIR/nginx.conf" <<EOF
# As root (CI) the workers stay root, so they can use the temp dir; as anyone else nginx ignores this line.
user $(id -un);
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log $DIR/nginx-access.log;
    client_body_temp_path $DIR/nginx-temp/body;
    proxy_temp_path $DIR/nginx-temp/proxy;
    fastcgi_temp_path $DIR/nginx-temp/fastcgi;
    uwsgi_temp_path $DIR/nginx-temp/uwsgi;
    scgi_temp_path $DIR/nginx-temp/scgi;

    # The import page takes files up to 256 MB (ExchangeSetup.MaxUploadBytes).
    client_max_body_size 256m;

    # Round robin (nginx's default), no sticky sessions: any request may land on any instance.
    upstream samla {
        server 127.0.0.1:$PORT_A max_fails=3 fail_timeout=10s;
        server 127.0.0.1:$PORT_B max_fails=3 fail_timeout=10s;
        keepalive 64;
    }

    # Sign-in attempts per client address, counted here, where every request passes, so the limit holds however
    # many instances there are (each instance also keeps its own Samla:RateLimits as a second line).
    map \$request_method \$sign_in_client {
        POST    \$binary_remote_addr;
        default "";
    }
    limit_req_zone \$sign_in_client zone=sign_in:10m rate=${SIGNIN_PER_MINUTE}r/m;
    limit_req_status 429;

    server {
        listen 127.0.0.1:$PORT;

        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host \$http_host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto \$scheme;
        proxy_read_timeout 120s;

        location = /konto/logga-in {
            limit_req zone=sign_in burst=$((SIGNIN_PER_MINUTE > 1 ? SIGNIN_PER_MINUTE - 1 : 0)) nodelay;
            proxy_pass http://samla;
        }

        location / {
            proxy_pass http://samla;
        }
    }
}
EOF
}

start() {
    [[ -f "$DLL" ]] || { echo "!! $DLL is missing: dotnet build Samla.sln -c Release" >&2; exit 1; }
    [[ -x "$NGINX" ]] || { echo "!! nginx is missing (apt-get install nginx)" >&2; exit 1; }
    stop
    mkdir -p "$DIR/mail"
    PORT_A=$((PORT + 1)) PORT_B=$((PORT + 2))

    local PGHOST PGPORT PGUSER
    PGHOST=$(conn_value Host 127.0.0.1) PGPORT=$(conn_value Port 5432) PGUSER=$(conn_value Username postgres)
    PGOPTIONS="-c client_min_messages=warning" psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "DROP DATABASE IF EXISTS \"$DBNAME\" WITH (FORCE)" >/dev/null
    psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -qc "CREATE DATABASE \"$DBNAME\"" >/dev/null
    local conn="$PG;Database=$DBNAME"

    # Production settings, as an operator would set them (docs/DEPLOYING.md).
    export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production
    export Database__Provider=Postgres ConnectionStrings__Samla="$conn"
    export Samla__PublicUrl="http://127.0.0.1:$PORT"
    export Samla__Hosting__TrustedProxies__0=127.0.0.1
    export Samla__Mail__PickupDirectory="$DIR/mail"
    export Samla__RateLimits__SignIn__PermitLimit=$SIGNIN_PER_MINUTE Samla__RateLimits__SignIn__WindowSeconds=60
    # Quicker than production so that the tests need not wait: the scheduler looks for due jobs every second.
    export Samla__Scheduler__PollSeconds=${Samla__Scheduler__PollSeconds:-1}
    export Logging__Console__FormatterName=${Logging__Console__FormatterName:-simple}

    local name port demo
    for name in a b; do
        if [[ $name == a ]]; then port=$PORT_A demo=true; else port=$PORT_B demo=false; fi
        # Instance a migrates and seeds the demo data; b starts on the ready database (demo data once).
        ( cd "$ROOT/src/Samla.Web" && Samla__DemoData=$demo Samla__Hosting__InstanceName=$name \
            exec dotnet "$DLL" --urls "http://127.0.0.1:$port" >"$DIR/app-$name.log" 2>&1 ) &
        echo $! >"$DIR/app-$name.pid"
        wait_healthy "http://127.0.0.1:$port" "$DIR/app-$name.log"
        if [[ $name == a && "$SERVICES" -gt 0 ]]; then # generated load-test services, after the demo data
            ( cd "$ROOT/src/Samla.Web" && dotnet "$DLL" seed --services "$SERVICES" )
        fi
    done

    write_nginx_conf
    "$NGINX" -p "$DIR" -c "$DIR/nginx.conf" -e "$DIR/nginx-error.log" 2>>"$DIR/nginx-error.log"
    wait_healthy "http://127.0.0.1:$PORT" "$DIR/nginx-error.log"

    # Shell syntax: set -a; source DIR/cluster.env; set +a
    cat >"$DIR/cluster.env" <<EOF
SAMLA_CLUSTER_URL='http://127.0.0.1:$PORT'
SAMLA_CLUSTER_PG='$conn'
SAMLA_CLUSTER_INSTANCES='http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B'
SAMLA_CLUSTER_PIDS='$(cat "$DIR/app-a.pid"),$(cat "$DIR/app-b.pid")'
SAMLA_CLUSTER_SIGN_IN_PER_MINUTE='$SIGNIN_PER_MINUTE'
EOF
    echo "== cluster: nginx http://127.0.0.1:$PORT → a :$PORT_A, b :$PORT_B; PostgreSQL $DBNAME; files in $DIR"
    cat "$DIR/cluster.env"
}

case "$cmd" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: scripts/cluster.sh start|stop [--postgres CONN] [--database NAME] [--port P] [--dir DIR] [--sign-in-per-minute N] [--services N]" >&2; exit 2 ;;
esac
