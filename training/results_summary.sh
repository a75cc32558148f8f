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
  --curve training/LEARNING_CURVE_LOO.json \
  --into training/RESULTS.md
