#!/usr/bin/env bash
# Bounded AFL++ fuzzing of FactoryTwin's parsers with SharpFuzz (DEPENDENCIES.md item 17): builds the harness
# (fuzz/FactoryTwin.Fuzz), instruments the parsing libraries, runs each target for SECONDS from its seed corpus
# (fuzz/corpus/TARGET), prints executions per second and coverage, and exits 1 when any target found a crash or a hang.
#
#   fuzz/run.sh [SECONDS] [TARGET...]      SECONDS defaults to 60; TARGETs are telemetry and plant (default both)
#
# Findings stay in FUZZ_OUT (a temporary folder unless set); with FUZZ_OUT set, a second run resumes the campaign.
# Each crash or hang found is to be copied into fuzz/regressions/TARGET/, where the regression tests replay it
# (tests/FactoryTwin.Telemetry.Tests, tests/FactoryTwin.Model.Tests). Reproduce one, uninstrumented, with
#   dotnet run --project fuzz/FactoryTwin.Fuzz -- TARGET FILE
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(telemetry plant)
fi

if ! command -v afl-fuzz >/dev/null; then
  echo "fuzz: afl-fuzz is not installed (apt-get install afl++)" >&2
  exit 1
fi

out="${FUZZ_OUT:-$(mktemp -d -t factorytwin-fuzz.XXXXXX)}"
mkdir -p "$out"
bin="$out/bin"
rm -rf "$bin"

# Build in Release and instrument the assemblies that parse: the decoder and validator (Telemetry), the plant loader
# (Model) and the YAML parser under it. The harness itself stays uninstrumented.
dotnet tool restore >/dev/null
dotnet publish fuzz/FactoryTwin.Fuzz -c Release -o "$bin" --nologo -v quiet -p:TreatWarningsAsErrors=true >/dev/null
for assembly in FactoryTwin.Telemetry FactoryTwin.Model YamlDotNet; do
  dotnet sharpfuzz "$bin/$assembly.dll" >/dev/null
done

# Containers: no CPU frequency governor to check, core dumps piped elsewhere, no spare core to bind to.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_AFFINITY=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export AFL_AUTORESUME=1 DOTNET_TieredPGO=0

failed=0
for target in "${targets[@]}"; do
  findings="$out/$target"
  status=0
  afl-fuzz -V "$seconds" -t 5000 -m none -i "fuzz/corpus/$target" -o "$findings" -- "$bin/FactoryTwin.Fuzz" "$target" \
    >"$out/$target.log" 2>&1 || status=$?
  stats="$findings/default/fuzzer_stats"
  if [ "$status" -ne 0 ] || [ ! -f "$stats" ]; then
    echo "fuzz $target: afl-fuzz did not run (exit $status); the end of $out/$target.log:" >&2
    tail -n 30 "$out/$target.log" >&2
    failed=1
    continue
  fi

  stat() { sed -n "s/^$1 *: *//p" "$stats"; }
  crashes=$(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
  hangs=$(find "$findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
  echo "fuzz $target: ${seconds} s, $(stat execs_done) executions, $(stat execs_per_sec)/s, edges $(stat edges_found) ($(stat bitmap_cvg) of the $(stat total_edges)-entry map), corpus $(stat corpus_count), crashes $crashes, hangs $hangs"
  if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then
    echo "fuzz $target: findings in $findings/default/crashes and hangs; keep each in fuzz/regressions/$target/ and fix it" >&2
    failed=1
  fi
done

exit "$failed"
