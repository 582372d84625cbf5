#!/usr/bin/env bash
# Draws the pictures README shows, one nnhw command each, into a folder:
#     docs/pictures/generate.sh NNHW [FOLDER]
# NNHW is the nnhw executable; FOLDER defaults to docs/pictures. PictureCommandTests runs this
# into a temporary folder and fails if a picture differs from the one committed here, so the
# README's pictures never go stale: after a change of output, run it with the new build and commit.
set -euo pipefail
nnhw="$1"
out="${2:-$(dirname "$0")}"
cd "$(dirname "$0")/../.."
"$nnhw" plot relu --derivative --format svg --output "$out/relu-derivative.svg"
"$nnhw" plot gelu leaky_relu relu tanh --derivative --from -3 --to 3 --format svg --output "$out/derivatives.svg"
"$nnhw" plot --f "-ln(p)" --var p --from 0.001 --to 1 --xlabel "predicted probability of the true class" \
    --ylabel loss --title "cross-entropy of the true class" --format svg --output "$out/cross-entropy.svg"
"$nnhw" diagram --example relu-3-layer --values --format svg --output "$out/relu-3-layer.svg"
"$nnhw" diagram --f "tanh(a*b + c)" --at a=1,b=-2,c=3 --format svg --output "$out/tanh-graph.svg"
"$nnhw" diagram --example relu-3-layer --graph --format svg --output "$out/relu-3-layer-graph.svg"
