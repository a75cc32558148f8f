"""Light loading: the CNN pipeline loads and extracts without importing torch; torch, once
something imports it, is known to thinc as if it had been there all along. Each check runs in
a fresh interpreter, since this test session may have imported torch already."""
import subprocess
import sys

import pytest


def _run(code: str, *args: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    return out.stdout.split()


@pytest.mark.parametrize("which", ["tiny", "shipped"])
def test_loading_a_cnn_model_and_extracting_does_not_import_torch(which, tiny_model, repo):
    model = tiny_model if which == "tiny" else next((repo / "models").glob("zh_gov_ner_cnn-*"), None)
    if model is None:
        pytest.skip("no shipped model")
    code = ("import sys, gov_ner; nlp = gov_ner.load(sys.argv[1]); "
            "r = gov_ner.extract('总投资8亿元的项目开工，增长7%。', nlp=nlp); "
            "print(len(r.entities) > 0, 'torch' in sys.modules, 'thinc' in sys.modules)")
    assert _run(code, str(model)) == ["True", "False", "True"]


def test_thinc_has_torch_once_torch_is_imported():
    code = ("import sys, gov_ner, thinc.compat, thinc.util, numpy\n"
            "print(thinc.compat.has_torch, thinc.util.has_torch)\n"
            "import torch\n"
            "import thinc.shims.pytorch as shim\n"
            "from thinc.api import PyTorchWrapper\n"
            "print(thinc.compat.has_torch, thinc.util.has_torch, shim.torch is torch, "
            "thinc.compat.torch_version == thinc.compat.Version(torch.__version__))\n"
            "m = PyTorchWrapper(torch.nn.Linear(3, 2)); m.initialize()\n"
            "print(m.predict(numpy.ones((1, 3), dtype='f')).shape)\n")
    assert _run(code) == ["False", "False", "True", "True", "True", "True", "(1,", "2)"]


def test_torch_imported_first_is_left_alone():
    code = "import torch, sys, gov_ner, thinc.compat; print(thinc.compat.has_torch, thinc.compat.torch is torch)"
    assert _run(code) == ["True", "True"]


def test_the_hook_works_whenever_spacy_is_first_imported(repo):
    """The hook is not tied to `import gov_ner` importing spaCy: a lazily importing package, or
    a tool that imports spaCy later, still gets thinc without torch, and torch when asked."""
    code = ("import importlib.util, sys\n"
            "spec = importlib.util.spec_from_file_location('deferral', sys.argv[1])\n"
            "deferral = importlib.util.module_from_spec(spec); spec.loader.exec_module(deferral)\n"
            "deferral.defer_torch(); deferral.defer_torch()  # twice: one hook\n"
            "print(sum(isinstance(f, deferral._TorchFinder) for f in sys.meta_path))\n"
            "import spacy, thinc.compat\n"
            "print('torch' in sys.modules, thinc.compat.has_torch)\n"
            "import torch\n"
            "print(thinc.compat.has_torch, any(isinstance(f, deferral._TorchFinder) for f in sys.meta_path))\n")
    assert _run(code, str(repo / "gov_ner/torch_deferral.py")) == ["1", "False", "False", "True", "False"]
