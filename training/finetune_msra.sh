#!/usr/bin/env bash
# Stage 1 of the fine-tuned transformer (training/README.md): the 6-layer zh-chars encoder as a
# token classifier on all of MSRA (mapped to the guide), one epoch, lr 1e-4 (the small search in
# training/lr_search.sh), batch 16, 6% warmup. Resumable: run it again and it continues from
# build/ft/msra/checkpoint. THREADS defaults to 2; 1 leaves a core for other work. STOP_AFTER=1600
# ends the run there with the epoch's schedule (the stage every shipped model started from).
set -euo pipefail
[ -d build/encoder-zh6 ] || gov-ner encoder build/encoder-zh6 --vocab zh-chars --layers 6
exec python -m gov_ner.training.finetune --stage msra --encoder build/encoder-zh6 --output_dir build/ft/msra \
  --learning_rate 1e-4 --warmup_ratio 0.06 --batch_size 16 --epochs 1 --eval_steps 400 --save_steps 100 \
  --msra_dev 1000 --threads "${THREADS:-2}" --stop_after "${STOP_AFTER:-0}"
