#!/usr/bin/env bash
# Library benchmark.
# 1. One 100 MB upload (a 9-minute 48 kHz stereo WAV) through the streaming endpoint: upload throughput
#    (server-side receive time), end-to-end time including audio processing, and the server's resident memory
#    before the upload and at its peak during it (sampled every 20 ms from /proc).
# 2. List latency with 5,000 portraits in one team (rows seeded straight into the SQLite file): first page,
#    a deep page, a name search and a tag filter, 20 requests each, median and worst.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh
dotnet build src/SadTalker.Web/SadTalker.Web.csproj -c Release --nologo -v quiet -clp:ErrorsOnly >/dev/null

work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
base="http://localhost:$port"
cleanup() { [[ -n "${server:-}" ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

ffmpeg -v error -f lavfi -i "sine=frequency=220:sample_rate=48000:duration=546" -ac 2 -c:a pcm_s16le "$work/big.wav"
size=$(stat -c %s "$work/big.wav")

SADTALKER_Storage__DataDir="$work/data" SADTALKER_Inference__Device=cpu ASPNETCORE_ENVIRONMENT=Production \
    dotnet src/SadTalker.Web/bin/Release/net10.0/SadTalker.Web.dll --urls "$base" >"$work/app.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done

token() { grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="\([^"]*\)"/\1/'; }
jar="$work/cookies"
t=$(curl -s -c "$jar" -b "$jar" "$base/Account/Register" | token)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$t" --data "_handler=register" \
    --data-urlencode "Input.Email=bench@example.test" --data-urlencode "Input.Password=Bench-Password-1" \
    --data-urlencode "Input.ConfirmPassword=Bench-Password-1" "$base/Account/Register"
t=$(curl -s -c "$jar" -b "$jar" "$base/Account/Manage/ChangePassword" | token)
team=$(curl -s -b "$jar" "$base/api/teams/active" | grep -o '"id":"[0-9a-f-]*"' | head -1 | cut -d'"' -f4)
[[ -n "$team" ]] || { echo "could not read the active team from /api/teams/active" >&2; exit 1; }

rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
before=$(rss)
peak=$before
( while kill -0 "$server" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$server/status"; sleep 0.02; done ) >"$work/rss.log" &
sampler=$!
start=$(date +%s.%N)
status=$(curl -s -o "$work/response.json" -w '%{http_code}' -b "$jar" -H "RequestVerificationToken: $t" \
    -F "file=@$work/big.wav;type=audio/wav" "$base/api/library/audio?team=$team")
end=$(date +%s.%N)
kill "$sampler" 2>/dev/null || true
peak=$(sort -n "$work/rss.log" | tail -1)

[[ "$status" == 201 ]] || { echo "upload failed with HTTP $status: $(cat "$work/response.json")" >&2; exit 1; }
received=$(grep -o 'Upload received: [0-9]* bytes in [0-9]* ms ([0-9.]* MB/s)' "$work/app.log" | tail -1)
echo "file:                 $((size / 1000000)) MB WAV (48 kHz stereo, 9.1 min)"
echo "server receive:       ${received#Upload received: }"
printf 'end to end:           %.2f s (receive + probe + 16 kHz decode + AAC + waveform + store)\n' "$(echo "$end - $start" | bc)"
echo "server RSS before:    $((before / 1024)) MB"
echo "server RSS peak:      $((peak / 1024)) MB (+$(((peak - before) / 1024)) MB during the upload)"

# 2. 5,000 portraits in the team: seed rows (they reuse one stored blob set) and time the list API.
db="$work/data/sadtalker.db"
/usr/bin/python3 - "$db" "$team" <<'PY'
import sqlite3, sys, uuid, datetime, random
db, team = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
user = con.execute("select Id from AspNetUsers limit 1").fetchone()[0]
now = datetime.datetime(2026, 1, 1)
rows = []
for i in range(5000):
    created = (now + datetime.timedelta(minutes=i)).strftime("%Y-%m-%d %H:%M:%S")
    tags = ",%s,batch%d," % (random.choice(["studio", "outdoor", "ceo"]), i % 50)
    rows.append((str(uuid.uuid4()).upper(), team.upper(), "Portrait %05d" % i, tags, created, user, "p%05d.png" % i, "png",
                 "0" * 64, "1" * 64, "2" * 64, 512, 512, 1000, 1, "Ok", "One face.", 10, 10, 100, 100, 0.9, None))
con.executemany("insert into Portraits values (" + ",".join("?" * 23) + ")", rows)
con.commit()
PY
time_list() {
    local label=$1 query=$2 times=()
    for _ in $(seq 1 20); do
        times+=("$(curl -s -o /dev/null -w '%{time_total}' -b "$jar" "$base/api/library/portraits?team=$team&$query")")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" '{a[NR]=$1} END {printf "  %-28s median %4.0f ms, worst %4.0f ms\n", l, a[int((NR+1)/2)]*1000, a[NR]*1000}'
}
total=$(curl -s -b "$jar" "$base/api/library/portraits?team=$team&take=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
echo "list with $total portraits in the team (24 per page, over HTTP):"
time_list "first page (newest)" "take=24"
time_list "page 150 (skip 3576)" "skip=3576&take=24"
time_list "name search 'Portrait 04'" "search=Portrait%2004&take=24"
time_list "tag filter 'batch7'" "tag=batch7&take=24"
time_list "sorted by name" "sort=NameAscending&take=24"
