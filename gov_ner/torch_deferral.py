"""Importing spaCy without torch, until something really imports torch.

thinc.compat (imported by spaCy) imports torch whenever it is installed, which is always here
(the transformer pipeline needs it): most of `import gov_ner`'s time and about 200 MB, although
the CNN pipeline never calls torch. So `import gov_ner` installs an import hook under which
`import torch` fails while thinc.compat runs for the first time (whenever that is: the public
names may be imported lazily), and thinc records that there is no torch. Any other `import
torch` (the transformer pipeline via spacy-transformers, training, the encoder tools, user
code; before or after thinc) goes through, and once torch is loaded thinc's torch globals are
set as thinc would have set them. Nothing changes when torch or thinc is imported already.
"""
from __future__ import annotations

import importlib.abc
import importlib.util
import sys

# what thinc.compat derives from torch; other thinc modules hold copies (from .compat import torch)
THINC_TORCH_NAMES = ("torch", "has_torch", "has_torch_cuda_gpu", "has_torch_gpu", "has_torch_mps",
                     "has_torch_mps_gpu", "has_torch_amp", "torch_version")


def _thinc_compat_initialising() -> bool:
    compat = sys.modules.get("thinc.compat")
    return compat is not None and getattr(compat.__spec__, "_initializing", False)  # set by importlib


class _TorchFinder(importlib.abc.MetaPathFinder):
    def __init__(self) -> None:
        self._finding = False

    def find_spec(self, name, path=None, target=None):
        if name != "torch" or self._finding:
            return None
        if _thinc_compat_initialising():
            raise ModuleNotFoundError("torch is deferred by gov_ner until something else imports it", name="torch")
        self._finding = True
        try:
            spec = next((s for f in sys.meta_path if f is not self and hasattr(f, "find_spec")
                         for s in [f.find_spec(name, path, target)] if s is not None), None)
        finally:
            self._finding = False
        if spec is not None and spec.loader is not None:
            exec_torch = spec.loader.exec_module

            def exec_module(module):
                exec_torch(module)
                _uninstall(self)
                tell_thinc_about_torch()

            spec.loader.exec_module = exec_module
        return spec


def _uninstall(finder: _TorchFinder) -> None:
    if finder in sys.meta_path:
        sys.meta_path.remove(finder)


def tell_thinc_about_torch() -> None:
    """Set thinc's torch globals (in thinc.compat and the copies other thinc modules hold)
    to what a fresh thinc.compat finds now that torch can be imported."""
    compat = sys.modules.get("thinc.compat")
    if compat is None or compat.has_torch:
        return
    spec = importlib.util.find_spec("thinc.compat")
    fresh = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fresh)  # a second copy: the loaded module keeps its other state
    stale = {name: getattr(compat, name) for name in THINC_TORCH_NAMES}
    for mod_name, module in list(sys.modules.items()):
        if mod_name == "thinc" or mod_name.startswith("thinc."):
            for name, old in stale.items():
                if name in vars(module) and vars(module)[name] is old:
                    setattr(module, name, getattr(fresh, name))


def defer_torch() -> None:
    """Install the hook (see the module docstring), unless torch or thinc is imported already
    or torch is not installed."""
    if ("torch" in sys.modules or "thinc" in sys.modules or any(isinstance(f, _TorchFinder) for f in sys.meta_path)
            or importlib.util.find_spec("torch") is None):
        return
    sys.meta_path.insert(0, _TorchFinder())
