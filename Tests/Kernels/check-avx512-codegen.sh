#!/usr/bin/env bash
# Compiles NNCore for an AVX-512 processor (Zen 4) as `NNHW_NATIVE=1` does there, on any x86-64
# host, and checks the wide kernel's inner loop: fused multiply-adds on zmm registers only, its
# 24 accumulators in registers (no load or store through the stack inside the loop).
# Usage: Tests/Kernels/check-avx512-codegen.sh [TARGET_CPU]   (default znver4; skylake-avx512 works too)
set -euo pipefail
cd "$(dirname "$0")/../.."
cpu="${1:-znver4}"
assembly="$(mktemp --suffix=.s)"
trap 'rm -f "$assembly"' EXIT
swiftc -O -wmo -parse-as-library -module-name NNCore -target-cpu "$cpu" -D NNHW_FMA -D NNHW_AVX512 \
    -emit-assembly $(find Sources/NNCore -name '*.swift') -o "$assembly" 2>/dev/null
python3 - "$assembly" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().split("\n")
loops, current = [], None
for line in lines:
    if re.match(r"^\.LBB\S+:.*Inner Loop Header", line):
        current = []
        loops.append(current)
    elif current is not None:
        if re.match(r"^\s*j\w+\s", line):
            current.append(line)
            current = None
        else:
            current.append(line)
def fmas(loop): return [l for l in loop if "vfmadd" in l and "zmm" in l]
# The kernel's loop: fused multiply-adds that read broadcasts and two loads of B per step.
kernels = [l for l in loops if len(fmas(l)) >= 24 and any("vbroadcastsd" in x and "(%r" in x for x in l)]
if not kernels:
    sys.exit("no loop with 24 zmm fused multiply-adds from broadcast operands: the wide kernel is not vectorised for AVX-512")
loop = max(kernels, key=lambda l: len(fmas(l)))
stack = [l for l in loop if "(%rsp)" in l or "(%rbp)" in l]
accumulators = {m for l in fmas(loop) for m in re.findall(r"%zmm\d+$", l.split("#")[0].strip())}
print(f"wide kernel loop: {len(fmas(loop))} zmm fused multiply-adds into {len(accumulators)} accumulators, "
      f"{len(stack)} stack accesses")
if stack: sys.exit("the wide kernel spills to the stack inside its loop")
if len(accumulators) != 24: sys.exit(f"expected 24 accumulators, found {len(accumulators)}")
PY
