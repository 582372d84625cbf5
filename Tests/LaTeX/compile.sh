#!/usr/bin/env bash
# Compiles the `--format latex --standalone` output of every example in Examples/
# (forward and backward) and of the README example of every other subcommand
# with pdflatex; fails on any error, undefined control sequence or missing character.
# Installs Debian's texlive-latex-base (which holds amsmath) when pdflatex is missing.
# Usage: Tests/LaTeX/compile.sh [path/to/nnhw]   (default: swift run nnhw, release build)
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v pdflatex > /dev/null; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends texlive-latex-base
fi

if [[ $# -ge 1 ]]; then
    nnhw=("$1")
else
    swift build -c release
    nnhw=("$(swift build -c release --show-bin-path)/nnhw")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

runs=()
for spec in Examples/*.json; do
    runs+=("forward --net $spec" "backward --net $spec")
done
runs+=(
    "gradcheck --f x^3 --at x=2"
    "gradcheck --net Examples/relu-3-layer.json --params W3,b3"
    "conv-size --input 36x36x3 --kernel 3 --padding 3 --stride 2 --filters 2"
    "conv --input 6,0,1;3,4,1;1,7,0 --kernel 1,0;0,-1"
    "pool --input 1,3,2,4;5,6,1,2;7,2,9,0;1,8,3,4 --size 2 --mode max"
    "params --layers input_28x28x1;conv_10_k5;maxpool_2;conv_20_k5;maxpool_2;flatten;dense_50;dense_10"
    "hyperparam-count --grid d=10 --grid lambda=6 --grid p=5 --epochs 10 --epoch-time 2min"
    "hyperparam-count --random --good-fraction 0.05 --confidence 0.95"
    "train-cost --dollars 5580000 --price 0.085 --household-kwh-per-month 899"
    "train-cost --gpu-hours 2788000 --watts 700 --price 0.085 --carbon 0.4 --gpus 2048 --gpu-price 17500..70000"
)

failures=0
count=0
for run in "${runs[@]}"; do
    count=$((count + 1))
    name="run$count"
    # Words are split on spaces; "," and "_" stand for spaces inside one argument.
    read -r -a words <<< "$run"
    arguments=("${words[@]}")
    for ((i = 0; i < ${#arguments[@]}; i++)); do
        if [[ "${arguments[$i]}" == *";"* ]]; then arguments[$i]=$(tr ',_' '  ' <<< "${arguments[$i]}"); fi
    done
    "${nnhw[@]}" "${arguments[@]}" --format latex --standalone > "$work/$name.tex"
    if ! (cd "$work" && pdflatex -halt-on-error -interaction=nonstopmode "$name.tex" > /dev/null 2>&1); then
        echo "FAIL (pdflatex error): nnhw $run" >&2
        grep -A3 '^!' "$work/$name.log" >&2 || true
        failures=$((failures + 1))
    elif grep -qE 'Undefined control sequence|Missing character' "$work/$name.log"; then
        echo "FAIL (log): nnhw $run" >&2
        grep -E 'Undefined control sequence|Missing character' "$work/$name.log" >&2
        failures=$((failures + 1))
    else
        echo "ok: nnhw $run"
    fi
done

echo "$((count - failures)) of $count compiled"
[[ $failures -eq 0 ]]
