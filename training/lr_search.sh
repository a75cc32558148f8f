#!/usr/bin/env bash
# The small learning-rate search of the MSRA stage (training/README.md): 3 rates, 80 steps of
# batch 16 on 4,000 MSRA sentences, scored on 300 MSRA test sentences. ~3 min a rate on 2 cores.
set -euo pipefail
for lr in 3e-5 1e-4 3e-4; do
  python -m gov_ner.training.finetune --stage msra --encoder build/encoder-zh6 --output_dir build/ft/search/lr$lr \
    --msra_limit 4000 --msra_dev 300 --learning_rate $lr --batch_size 16 --max_steps 80 --eval_steps 80 \
    --save_steps 1000 --warmup_ratio 0.1 --log_steps 20
done
python - <<'PY'
import json, pathlib
for p in sorted(pathlib.Path("build/ft/search").glob("lr*/log.jsonl")):
    rows = [json.loads(l) for l in p.read_text().splitlines()]
    dev = [r["dev"] for r in rows if "dev" in r][-1]
    print(p.parent.name, "loss", [r["loss"] for r in rows if "loss" in r][-1], "dev", dev)
PY
