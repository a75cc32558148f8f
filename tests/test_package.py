"""The shipped model packaged as a wheel installs into a fresh virtual environment and loads
offline (slow: builds a venv and installs the project's dependencies into it)."""
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def test_wheel_installs_and_loads_offline(tmp_path, repo):
    from gov_ner.api import default_model_path
    from gov_ner.packaging import package_model

    try:
        model = default_model_path()
    except OSError:
        pytest.skip("no shipped model")
    wheel = package_model(model, tmp_path / "dist")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = str(venv / "bin" / "python")
    pip = [py, "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run(pip + ["torch==2.13.0"], check=True)
    subprocess.run(pip + [str(repo)], check=True)
    subprocess.run(pip + [str(wheel)], check=True)
    package = wheel.name.split("-")[0]
    code = (
        "import spacy\n"
        f"nlp = spacy.load('{package}')\n"
        "text = '總投資8億元的中公科教小鎮(zhèn)開工建設,增长7%。'\n"
        "doc = nlp(text)\n"
        "import gov_ner\n"
        "rep = gov_ner.extract(text, nlp=nlp)\n"
        "assert all(text[e.start:e.end] == e.text for e in rep.entities)\n"
        "print(sorted({e.label for e in rep.entities}))\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1"}
    out = subprocess.run([py, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "MONEY" in out.stdout
