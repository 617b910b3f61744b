#!/usr/bin/env bash
# Publishes one .NET project into a folder an image copies as /app, with /app/entrypoint.sh to start it. The same
# script runs in the Dockerfile's SDK stage (framework-dependent: the aspnet base image has the runtime) and on the
# host for the images built without a registry (images.sh passes -r linux-x64 --self-contained: the runtime packs
# come from NuGet, and the Debian base needs no .NET of its own).
#
#   bash deploy/compose/publish.sh <project.csproj> <output folder> [dotnet publish options...]
set -euo pipefail

project=${1:?project} out=${2:?output folder}
shift 2
rm -rf "$out"
dotnet publish "$project" -c Release -o "$out" -nologo -v quiet "$@"
# Assembly names differ from project names (Tenants.csproj -> RedesPlataforma.Tenants.dll): read the project's own.
name=$(dotnet msbuild "$project" -nologo -getProperty:TargetName -p:Configuration=Release)
test -f "$out/$name.dll" || { echo "publish.sh: $out/$name.dll missing" >&2; exit 1; }
# A self-contained publish carries its own host next to the assembly; otherwise the image's dotnet runs it.
if [[ -x $out/$name ]]; then start="/app/$name"; else start="dotnet /app/$name.dll"; fi
printf '#!/bin/sh\nexec %s "$@"\n' "$start" >"$out/entrypoint.sh"
chmod 755 "$out/entrypoint.sh"
