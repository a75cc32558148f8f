#!/usr/bin/env bash
# Stage 2 of the fine-tuned transformer (training/README.md): the MSRA stage's best classifier
# trained on the guide's data, the spaCy recipes' split (training reports x3 + the authored
# corpus's training writers; held-out reports and authored test writers never train) with 3,000
# MSRA sentences rehearsed. Resumable: run it again and it continues from OUT/checkpoint.
# ALL_REPORTS=1 trains on all five reports (a model to ship; its held-out scores are void).
set -euo pipefail
OUT="${OUT:-build/ft/guide}"
extra=()
[ "${ALL_REPORTS:-0}" = 1 ] && extra+=(--all_reports)
exec python -m gov_ner.training.finetune --stage guide --init "${INIT:-build/ft/msra/best}" --output_dir "$OUT" \
  --learning_rate 5e-5 --warmup_ratio 0.06 --batch_size 16 --epochs "${EPOCHS:-2}" --eval_steps 150 --save_steps 50 \
  --msra_rehearsal 3000 --threads "${THREADS:-2}" "${extra[@]}"
