#!/usr/bin/env bash
# Builds one libFuzzer target and runs it.
#
#   Tests/Fuzz/run.sh TARGET SECONDS [libFuzzer options...]
#
# TARGET is NetworkSpec, Architecture, Expression, Matrix or Invocation: the entry
# file Tests/Fuzz/<TARGET>.swift compiled with the library sources (and, for
# Invocation, the nnhw sources but main.swift) under -sanitize=fuzzer,address.
# The corpus grows in .build-fuzz/corpus/<TARGET>, seeded from
# Tests/Fuzz/Corpus/<TARGET>; a crash is saved as .build-fuzz/crash-<TARGET>-* and
# the script exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/../.."

target=${1:?usage: Tests/Fuzz/run.sh TARGET SECONDS [libFuzzer options...]}
seconds=${2:?usage: Tests/Fuzz/run.sh TARGET SECONDS [libFuzzer options...]}
shift 2
[[ -f Tests/Fuzz/$target.swift ]] || { echo "run.sh: no fuzz target Tests/Fuzz/$target.swift" >&2; exit 64; }

out=.build-fuzz
flags=(-sanitize=fuzzer,address -parse-as-library -O -g)
mkdir -p "$out"

# Builds library MODULE from DIRECTORY into one object, unless it is newer than every source.
build_module() {
    local module=$1 directory=$2
    local object=$out/$module.o
    if [[ -f $object ]] && [[ -z $(find "$directory" -name '*.swift' -newer "$object" -print -quit) ]] \
        && { [[ $module == NNCore ]] || [[ $out/NNCore.o -ot $object ]]; }; then
        return
    fi
    echo "run.sh: compiling $module" >&2
    find "$directory" -name '*.swift' -print0 | sort -z | xargs -0 swiftc "${flags[@]}" -I "$out" \
        -module-name "$module" -wmo -emit-module -emit-module-path "$out/$module.swiftmodule" -c -o "$object"
}
build_module NNCore Sources/NNCore
build_module NNHomework Sources/NNHomework

sources=("Tests/Fuzz/$target.swift")
if [[ $target == Invocation ]]; then
    while IFS= read -r -d '' file; do sources+=("$file"); done \
        < <(find Sources/nnhw -name '*.swift' ! -name main.swift -print0 | sort -z)
fi
binary=$out/fuzz-$target
echo "run.sh: linking $binary" >&2
swiftc "${flags[@]}" -I "$out" -module-name "Fuzz$target" "${sources[@]}" "$out/NNCore.o" "$out/NNHomework.o" -o "$binary"

corpus=$out/corpus/$target
mkdir -p "$corpus"
# A crash reaches libFuzzer (and is saved) only without Swift's backtracer; stdin is empty
# so that "-" (read standard input) cannot block. libFuzzer checks every input for leaks
# (an input that leaks when run twice is saved as leak-*); LeakSanitizer's own check at
# exit is off, because it takes a Swift global's lazily made value (such as a
# `static let` MathExpression, whose payload pointer carries enum tag bits) for a leak.
ASAN_OPTIONS=leak_check_at_exit=0 SWIFT_BACKTRACE=enable=no "$binary" -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="$out/crash-$target-" "$@" "$corpus" "Tests/Fuzz/Corpus/$target" </dev/null
