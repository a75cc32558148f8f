#!/usr/bin/env bash
# Stage 2 of the fine-tuned transformer (training/README.md): the MSRA stage's best classifier
# trained on the guide's data, the spaCy recipes' split (training reports x3 + the authored
# corpus's training writers; held-out reports and authored test writers never train) with 3,000
# MSRA sentences rehearsed. Resumable: run it again and it continues from OUT/checkpoint.
# ALL_REPORTS=1 trains on all five reports (a model to ship; its held-out scores are void).
# The transformer without MSRA: INIT=none LR=1e-4 REHEARSAL=0 OUT=build/ft/guide-nomsra (from the
# bare encoder, no MSRA sentence anywhere).
set -euo pipefail
OUT="${OUT:-build/ft/guide}"
extra=()
[ "${ALL_REPORTS:-0}" = 1 ] && extra+=(--all_reports)
# HELDOUT=002_x,003_y: reports never trained on (default: the split's held-out); one per
# cross-validation fold (training/crossval_trf.sh)
[ -n "${HELDOUT:-}" ] && extra+=(--heldout "$HELDOUT")
if [ "${INIT:-}" = none ]; then
  start=(--encoder build/encoder-zh6)
else
  start=(--init "${INIT:-build/ft/msra/best}")
fi
exec python -m gov_ner.training.finetune --stage guide "${start[@]}" --output_dir "$OUT" \
  --learning_rate "${LR:-5e-5}" --warmup_ratio 0.06 --batch_size 16 --epochs "${EPOCHS:-2}" --eval_steps 150 --save_steps 50 \
  --msra_rehearsal "${REHEARSAL:-3000}" --threads "${THREADS:-2}" --seed "${SEED:-13}" "${extra[@]}"
