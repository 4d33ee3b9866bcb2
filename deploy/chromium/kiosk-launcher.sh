#!/bin/bash
# Starts Chromium in kiosk mode on the kiosk page and keeps it alive (deploy/README.md):
# - waits for the device agent;
# - removes a stale SingletonLock (left by a power cut: Chromium would refuse the profile) and marks
#   the last exit clean, so no "restore pages?" bubble appears;
# - restarts the browser when it exits, or when the kiosk page stops sending its heartbeat
#   (POST /api/v1/heartbeat every 10 s; GET /api/v1/heartbeat gives the age).
# Run by kiosk-browser.service inside cage. Every setting can be overridden by the environment.
set -u

URL=${KIOSK_URL:-http://127.0.0.1:7300/}
AGENT=${KIOSK_AGENT_URL:-${URL%/}}
CHROMIUM=${KIOSK_CHROMIUM:-/usr/bin/chromium}
PROFILE=${KIOSK_PROFILE_DIR:-${HOME:-/tmp}/.config/kiosk-chromium}
# 0 turns the heartbeat watchdog off (the admin screen has no heartbeat).
STALE_SEC=${KIOSK_HEARTBEAT_STALE_SEC:-45}
GRACE_SEC=${KIOSK_STARTUP_GRACE_SEC:-90}
INTERVAL_SEC=${KIOSK_CHECK_INTERVAL_SEC:-10}
# Stop after this many browser runs (0 = never); lets a test drive the loop.
MAX_RUNS=${KIOSK_MAX_RUNS:-0}

FLAGS=(
  --kiosk
  --no-first-run
  --noerrdialogs
  --disable-infobars
  --disable-session-crashed-bubble
  --hide-crash-restore-bubble
  --disable-features=Translate,TranslateUI,InfiniteSessionRestore
  --overscroll-history-navigation=0
  --disable-pinch
  --disable-background-networking
  --disable-component-update
  --disable-sync
  --check-for-update-interval=31536000
  --autoplay-policy=no-user-gesture-required
  --password-store=basic
  --user-data-dir="$PROFILE"
)
if [ -n "${WAYLAND_DISPLAY:-}" ]; then FLAGS+=(--ozone-platform=wayland); fi
if [ -n "${KIOSK_EXTRA_FLAGS:-}" ]; then read -r -a extra <<<"$KIOSK_EXTRA_FLAGS"; FLAGS+=("${extra[@]}"); fi

log() { echo "kiosk-launcher: $*" >&2; }

wait_for_agent() {
  until curl -fsS -m 3 -o /dev/null "$AGENT/healthz"; do sleep 2; done
}

clean_profile() {
  mkdir -p "$PROFILE/Default"
  rm -f "$PROFILE/SingletonLock" "$PROFILE/SingletonSocket" "$PROFILE/SingletonCookie"
  local prefs="$PROFILE/Default/Preferences"
  if [ -f "$prefs" ]; then
    sed -i -e 's/"exited_cleanly":false/"exited_cleanly":true/g' -e 's/"exit_type":"[A-Za-z]*"/"exit_type":"Normal"/g' "$prefs"
  fi
}

# Prints the heartbeat age in seconds, "none" before the first beat, "down" when the agent is unreachable.
heartbeat_age() {
  local body
  if ! body=$(curl -fsS -m 3 "$AGENT/api/v1/heartbeat" 2>/dev/null); then echo down; return; fi
  local age
  age=$(sed -n 's/.*"ageSec":\([0-9][0-9]*\).*/\1/p' <<<"$body")
  echo "${age:-none}"
}

stop_browser() {
  kill "$1" 2>/dev/null
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$1" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$1" 2>/dev/null
}

runs=0
trap 'stop_browser "${pid:-0}"; exit 0' TERM INT
while :; do
  wait_for_agent
  clean_profile
  "$CHROMIUM" "${FLAGS[@]}" "$URL" &
  pid=$!
  started=$(date +%s)
  runs=$((runs + 1))
  log "browser started (pid $pid, run $runs)"
  while kill -0 "$pid" 2>/dev/null; do
    sleep "$INTERVAL_SEC"
    (( STALE_SEC == 0 )) && continue
    (( $(date +%s) - started < GRACE_SEC )) && continue
    age=$(heartbeat_age)
    # An unreachable agent is the agent's problem (systemd restarts it); the page shows its own notice.
    [ "$age" = down ] && continue
    if [ "$age" = none ] || (( age > STALE_SEC )); then
      log "kiosk page heartbeat stopped (age: $age s); restarting the browser"
      stop_browser "$pid"
      break
    fi
  done
  wait "$pid" 2>/dev/null
  log "browser ended (run $runs)"
  if (( MAX_RUNS > 0 && runs >= MAX_RUNS )); then exit 0; fi
  sleep 1
done
