#!/usr/bin/env bash
# The learning curve of the CNN recipe (issue 12, point 5) on leave-one-report-out folds: the sm
# recipe (MSRA first, 3000 steps, seed 13, model-last) with 0, 25, 50 or 100% of the authored
# training writers' paragraphs. Slow: each fold model is ~30-50 minutes on one core.
#
#   training/curve_loo.sh train FRACTION FOLD [FOLD...]   one process per core
#   training/curve_loo.sh score FOLD [FOLD...]            every point whose fold models exist
#
# Resumable: --reuse skips a finished fold (training-complete.json) and trains again one whose run
# stopped part-way. The 100% point is the sm recipe's cross-validation itself (CROSSVAL_SM.md):
# link it as $OUT/authored-1 (ln -s "$PWD/build/cv/sm-s13" build/curve-loo/authored-1).
# Session 10 trained from a worktree at the commit whose corpus and config made build/cv/sm-s13
# (3742cd7: configs without the gazetteer, which scoring adds as +gazetteer; 2,192 authored
# paragraphs), so all points share one corpus; run from such a checkout to reproduce them.
set -euo pipefail
OUT="${OUT:-build/curve-loo}"
MSRA="${MSRA:-build/runs/cnn-msra-authored/msra/model-labelled}"
AUTHORED="${AUTHORED:-annotations/authored/authored.jsonl}"
what=$1; shift
case "$what" in
  train)
    frac=$1; shift
    folds=(); for f in "$@"; do folds+=(--fold "$f"); done
    OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    python -m gov_ner.training.learning_curve --config configs/cnn.cfg -o "$OUT" --msra-model "$MSRA" \
      --max-steps 3000 --seed 13 --checkpoint model-last --reuse --fractions "$frac" "${folds[@]}" ;;
  score)
    folds=(); for f in "$@"; do folds+=(--fold "$f"); done
    python -m gov_ner.training.learning_curve --config configs/cnn.cfg -o "$OUT" --checkpoint model-last \
      --score-only --variant +gazetteer --fractions 0 0.25 0.5 1 "${folds[@]}" --authored "$AUTHORED" \
      --markdown training/LEARNING_CURVE_LOO.md --json training/LEARNING_CURVE_LOO.json ;;
  *) echo "usage: $0 train FRACTION FOLD... | score FOLD..." >&2; exit 2 ;;
esac
