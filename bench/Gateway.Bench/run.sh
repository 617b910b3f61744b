#!/usr/bin/env bash
# Gateway vs nginx (see bench/README.md, docs/performance.md "Gateway"): one route, GET /api/value-chains with a tenant's
# token, straight to the Networks service, through nginx and through the gateway, in one run, with wrk (2 threads,
# 16 connections, 10 s, two rounds); then each service's resident memory, idle after the demo seed and after the load.
#
#   bash bench/Gateway.Bench/run.sh                           # a second stack at +900 (databases *_perf), seeded
#   bash bench/Gateway.Bench/run.sh --baseline path/Gateway.dll   # also another gateway build (e.g. before a change)
#   bash bench/Gateway.Bench/run.sh --baseline path/Gateway.dll --baseline-env NAME=VALUE   # ... with a setting of its own
#   bash bench/Gateway.Bench/run.sh --bare-proxy                  # also YARP alone, none of our middlewares (BareProxy/)
#   bash bench/Gateway.Bench/run.sh --rounds 3 --duration 20s --keep   # --keep: leave it all up (profiling) until Enter
#   bash bench/Gateway.Bench/run.sh --lock /path/bench.lock   # on a shared machine: only the measuring holds that flock
#
# nginx and wrk are Debian's packages (installed when missing); nginx runs on loopback from its own config, pid and
# logs under the run's temporary folder, never the system service. The gateways measured are started by the bench
# beside the stack's own, with the stack's settings, in Production and with the per-tenant rate limit raised.
# From a git worktree, point infra.sh at the running PostgreSQL and RabbitMQ first (REDES_LOCAL_STATE_DIR, ports).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

offset=${GATEWAY_BENCH_OFFSET:-900} suffix=${GATEWAY_BENCH_SUFFIX:-_perf}
threads=2 connections=16 duration=10s rounds=2 baseline="" baseline_env=() bare=0 keep=0 settle=30 lock=""
while (( $# )); do
    case $1 in
        --baseline) baseline=$(realpath "$2"); shift ;;
        --baseline-env) baseline_env+=("$2"); shift ;;
        --rounds) rounds=$2; shift ;;
        --duration) duration=$2; shift ;;
        --connections) connections=$2; shift ;;
        --settle) settle=$2; shift ;;
        --bare-proxy) bare=1 ;;
        --keep) keep=1 ;;
        --lock) lock=$2; shift ;;
        *) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    esac
    shift
done

for package in wrk nginx; do
    command -v "$package" >/dev/null || [[ -x /usr/sbin/$package ]] \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null; }
done

work=$(mktemp -d /tmp/gateway-bench.XXXXXX)
started=()
stop_started() {
    local pid
    for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
    [[ ! -s $work/nginx.pid ]] || kill "$(<"$work/nginx.pid")" 2>/dev/null || true
    rm -rf "$work"
}

source bench/second-stack.sh
second_stack_up "$offset" "$suffix"
trap 'stop_started; second_stack_down' EXIT

run_dir="$REDES_LOCAL_STATE_DIR/stack-$offset/run"
stack_gateway_pid=$(<"$run_dir/gateway.pid")
networks_url=$(tr '\0' '\n' <"/proc/$stack_gateway_pid/environ" | sed -n 's/^Services__Networks=//p')
networks_port=${networks_url##*:}
nginx_port=$((5100 + offset + 90))

# VmRSS counts in full the runtime's and framework's file pages every process maps; PSS divides shared pages among
# the processes sharing them, so the five processes' PSS add up to what they take from the machine.
resident_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
proportional_mb() { awk '/^Pss:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/smaps_rollup"; }
print_memory() { # title, then name=pid words
    local title=$1 entry
    shift
    printf '\n%s (MB)\n  %-20s %6s %6s\n' "$title" process VmRSS PSS
    for entry in "$@"; do printf '  %-20s %6s %6s\n' "${entry%%=*}" "$(resident_mb "${entry#*=}")" "$(proportional_mb "${entry#*=}")"; done
}
stack_processes() {
    local file
    for file in "$run_dir"/*.pid; do printf '%s=%s ' "$(basename "$file" .pid)" "$(<"$file")"; done
}

echo "letting the stack settle for ${settle} s after the seed"
sleep "$settle"
# shellcheck disable=SC2046
print_memory "idle after the demo seed" $(stack_processes)

# A gateway started as the stack started its own (same settings, read from that process), on another port, in
# Production and with the per-tenant bucket far above what 16 connections ask for.
start_gateway() { # dll port [NAME=VALUE...] -> pid in GATEWAY_PID
    local dll=$1 port=$2 log=$work/gateway-$2.log
    shift 2
    local environment
    mapfile -d '' environment <"/proc/$stack_gateway_pid/environ"
    (cd "$(dirname "$dll")" && exec env -i "${environment[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production \
        RateLimits__PerTenantPerSecond=1000000 RateLimits__Burst=1000000 "$@" dotnet "$dll" >"$log" 2>&1) &
    GATEWAY_PID=$!
    started+=("$GATEWAY_PID")
    local deadline=$((SECONDS + 60))
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; do
        (( SECONDS < deadline )) && kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -n 30 "$log" >&2; echo "gateway on $port did not start" >&2; exit 1; }
        sleep 0.5
    done
}

gateway_dll=$(tr '\0' ' ' <"/proc/$stack_gateway_pid/cmdline" | awk '{ print $2 }')
gateway_dll=$(realpath -e "/proc/$stack_gateway_pid/cwd/$(basename "$gateway_dll")")
start_gateway "$gateway_dll" $((nginx_port + 1))
bench_gateway_pid=$GATEWAY_PID
networks_pid=$(<"$run_dir/networks.pid")
targets=("direct=http://127.0.0.1:$networks_port" "nginx=http://127.0.0.1:$nginx_port" "gateway=http://127.0.0.1:$((nginx_port + 1))")
serving=("$networks_pid" nginx "$bench_gateway_pid")
if [[ -n $baseline ]]; then
    start_gateway "$baseline" $((nginx_port + 2)) "${baseline_env[@]}"
    baseline_pid=$GATEWAY_PID
    targets+=("baseline=http://127.0.0.1:$((nginx_port + 2))")
    serving+=("$baseline_pid")
fi

if (( bare )); then
    dotnet build bench/Gateway.Bench/BareProxy/BareProxy.csproj -c Release -o "$work/bare" -v quiet -nologo >/dev/null
    start_gateway "$work/bare/RedesPlataforma.Bench.BareProxy.dll" $((nginx_port + 3))
    targets+=("bare-yarp=http://127.0.0.1:$((nginx_port + 3))")
    serving+=("$GATEWAY_PID")
fi

# nginx as a reverse proxy would be set up in front of a service: HTTP/1.1 to the upstream with a keep-alive pool.
mkdir -p "$work/nginx"
cat >"$work/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    upstream networks { server 127.0.0.1:$networks_port; keepalive 32; }
    server {
        listen 127.0.0.1:$nginx_port;
        location / {
            proxy_pass http://networks;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$remote_addr;
        }
    }
}
EOF
/usr/sbin/nginx -p "$work/nginx" -e "$work/nginx-error.log" -c "$work/nginx.conf"

answer=$(curl -sS "${STACK_GATEWAY}connect/token" -d grant_type=password -d username=admin@agrorural.demo.pe \
    --data-urlencode "password=$REDES_AGRORURAL_ADMIN_PASSWORD")
token=$(tr -d '\n' <<<"$answer" | sed -n 's/.*"access_token"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
[[ -n $token ]] || { printf 'no token for admin@agrorural.demo.pe: %s\n' "$answer" >&2; exit 1; }

# From here on the machine's load is part of the figures: with --lock, other benches wait (and this one waits for them).
if [[ -n $lock ]]; then
    exec {lock_fd}>"$lock"
    echo "waiting for $lock"
    flock "$lock_fd"
fi
for target in "${targets[@]}"; do
    status=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "${target#*=}/api/value-chains")
    [[ $status == 200 ]] || { echo "${target%%=*}: GET /api/value-chains answered $status" >&2; exit 1; }
    wrk -t "$threads" -c "$connections" -d 3s -H "Authorization: Bearer $token" "${target#*=}/api/value-chains" >/dev/null # warm-up (JIT, pools)
done

# Rounds interleave the paths, so a change in the machine's load falls on all of them alike.
printf '\nwrk -t%s -c%s -d%s --latency, GET /api/value-chains; %s CPUs, load average %s\n' \
    "$threads" "$connections" "$duration" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
# CPU per request of the process that answers on the path (the service itself for "direct", nginx's workers, the
# gateway): unlike req/s and latency it hardly moves with what else runs on the machine, so it is the figure to
# compare a change by on a loaded machine. Only the proxy's own share: the service behind it spends as on "direct".
cpu_ticks() { # pid, or "nginx" for its workers
    local pids=$1
    [[ $1 != nginx ]] || pids=$(pgrep -P "$(<"$work/nginx.pid")" | tr '\n' ' ')
    # shellcheck disable=SC2086
    for pid in $pids; do awk '{ print $14 + $15 }' "/proc/$pid/stat"; done | awk '{ sum += $1 } END { print sum }'
}
printf '%-6s %-9s %10s %9s %9s %8s %16s\n' round path req/s p50 p99 non-2xx 'CPU µs/request'
for round in $(seq 1 "$rounds"); do
    for i in "${!targets[@]}"; do
        target=${targets[$i]}
        before=$(cpu_ticks "${serving[$i]}")
        out=$(wrk -t "$threads" -c "$connections" -d "$duration" --latency -H "Authorization: Bearer $token" "${target#*=}/api/value-chains")
        ticks=$(( $(cpu_ticks "${serving[$i]}") - before ))
        requests=$(awk '/requests in/ { print $1 }' <<<"$out")
        printf '%-6s %-9s %10s %9s %9s %8s %16s\n' "$round" "${target%%=*}" \
            "$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")" \
            "$(awk '$1 == "50%" { print $2 }' <<<"$out")" "$(awk '$1 == "99%" { print $2 }' <<<"$out")" \
            "$(awk '/Non-2xx/ { print $NF }' <<<"$out" | grep . || echo 0)" \
            "$(awk -v t="$ticks" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }')"
    done
done
printf 'load average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"

# shellcheck disable=SC2046
print_memory "after the load" $(stack_processes) bench-gateway="$bench_gateway_pid" ${baseline:+baseline-gateway="$baseline_pid"}

if (( keep )); then
    printf '\nUp: direct %s, nginx %s, gateway %s (pid %s). Token in %s. Enter to stop.\n' \
        "${targets[0]#*=}" "${targets[1]#*=}" "${targets[2]#*=}" "$bench_gateway_pid" "$work/token"
    printf '%s' "$token" >"$work/token"
    read -r _
fi
