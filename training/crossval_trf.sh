#!/usr/bin/env bash
# Leave-one-report-out cross-validation of the transformer recipe (training/README.md). For each
# report given (default: all five of annotations/splits.json), stage guide of
# training/finetune_guide.sh from the MSRA stage's best with that report held out, then the
# final checkpoint assembled into OUT/<report>/model-last. Resumable: a fold's fine-tuning
# continues from its checkpoint, an assembled fold is skipped. Two cores: one fold list per
# process (THREADS=1 each). Then score every fold that exists:
#   gov-ner crossval --config configs/trf-finetuned.cfg -o OUT --score-only --checkpoint model-last
set -euo pipefail
OUT="${OUT:-build/cv/trf-s13}"
folds=("$@")
if [ ${#folds[@]} -eq 0 ]; then
  mapfile -t folds < <(python -c 'import json; print("\n".join(json.load(open("annotations/splits.json"))["cross_validation"]))')
fi
for held in "${folds[@]}"; do
  fold="$OUT/$held"
  if [ -f "$fold/model-last/config.cfg" ]; then
    echo "$held: assembled already"; continue
  fi
  OUT="$fold/ft" HELDOUT="$held" THREADS="${THREADS:-1}" SEED="${SEED:-13}" bash training/finetune_guide.sh
  rm -rf "$fold/model-last.part"
  python -m spacy assemble configs/trf-finetuned.cfg "$fold/model-last.part" --paths.classifier "$fold/ft/checkpoint"
  mv "$fold/model-last.part" "$fold/model-last"
done
