#!/usr/bin/env bash
# Starts SadTalker Studio: installs what is missing, builds, applies database migrations at start-up, serves.
#   PORT (default 5000) and HOST (default 127.0.0.1) choose the address; any SADTALKER_* variable overrides a setting.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup.sh
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build src/SadTalker.Web/SadTalker.Web.csproj -c Release --nologo -v quiet -clp:ErrorsOnly

host="${HOST:-127.0.0.1}"
port="${PORT:-5000}"
echo "SadTalker Studio starting at http://${host}:${port} (data in ${SADTALKER_Storage__DataDir:-./data})"
exec dotnet src/SadTalker.Web/bin/Release/net10.0/SadTalker.Web.dll --urls "http://${host}:${port}"
