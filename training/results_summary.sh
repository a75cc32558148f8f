#!/usr/bin/env bash
# The cross-validation section at the end of training/RESULTS.md (python -m gov_ner.training.summary):
# the recipes' pooled leave-one-report-out rows and the learning curves, gathered from the JSON
# files their own commands wrote. Re-run after `gov-ner evaluate ... --results training/RESULTS.md`
# (which rewrites the page above the section) or after a new cross-validation or curve point.
set -euo pipefail
python -m gov_ner.training.summary \
  --crossval 'CNN, MSRA first, 2,192 authored paragraphs (zh_gov_ner_sm recipe, seed 13)=training/CROSSVAL_SM.json#cnn@last+gazetteer' \
  --crossval 'fine-tuned transformer, MSRA first, same corpus (zh_gov_ner_trf recipe, seed 13), 0.6.0 windows=training/CROSSVAL_TRF.json#trf-finetuned+gazetteer@windows=256,32,mean' \
  --crossval 'fine-tuned transformer, MSRA first, same corpus (zh_gov_ner_trf recipe, seed 13), 0.6.1 windows=training/CROSSVAL_TRF.json#trf-finetuned+gazetteer@windows=128,32,max_context' \
  --crossval 'fine-tuned transformer, same corpus and weights, 0.6.2 decoding (word-edge penalty 8)=training/CROSSVAL_TRF.json#trf-finetuned+gazetteer@windows=128,32,max_context,8' \
  --crossval 'the same transformer folds 002+004 pooled, 0.6.1 decoding=training/CROSSVAL_TRF_2192_002_004.json#trf-finetuned+gazetteer@windows=128,32,max_context' \
  --crossval 'the same transformer folds 002+004 pooled, 0.6.2 decoding (word-edge penalty 8)=training/CROSSVAL_TRF_2192_002_004.json#trf-finetuned+gazetteer@windows=128,32,max_context,8' \
  --crossval 'transformer recipe on 2,384 paragraphs (+ w20-w23, session-9 corrections), seed 13, folds 002+004, 0.6.1 decoding=training/CROSSVAL_TRF_2384.json#trf-finetuned+gazetteer@windows=128,32,max_context' \
  --crossval 'transformer recipe on 2,384 paragraphs, seed 13, folds 002+004, 0.6.2 decoding=training/CROSSVAL_TRF_2384.json#trf-finetuned+gazetteer@windows=128,32,max_context,8' \
  --crossval 'transformer recipe on 2,384 paragraphs, seed 14 (MSRA stage re-made in session 12), folds 002+004, 0.6.1 decoding=training/CROSSVAL_TRF_2384_S14_002_004.json#trf-finetuned+gazetteer@windows=128,32,max_context' \
  --crossval 'transformer recipe on 2,384 paragraphs, seed 14 (MSRA stage re-made in session 12), folds 002+004, 0.6.2 decoding=training/CROSSVAL_TRF_2384_S14_002_004.json#trf-finetuned+gazetteer@windows=128,32,max_context,8' \
  --crossval 'transformer recipe on 2,384 paragraphs, seed 14, folds 001+002+004 as assembled (0.6.2 decoding)=training/CROSSVAL_TRF_2384_S14.json#trf-finetuned' \
  --curve training/LEARNING_CURVE_LOO.json \
  --into training/RESULTS.md
