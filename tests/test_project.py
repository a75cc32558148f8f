"""project.yml, the spaCy project that rebuilds the shipped models: it validates, and every
command it runs exists with the options it passes (a renamed option fails here, not an hour into
a rebuild on a new machine)."""
from __future__ import annotations

import importlib.util
import shlex

import pytest


@pytest.fixture(scope="module")
def project(repo):
    from weasel.util import load_project_config

    return load_project_config(repo)  # validates against weasel's schema, fills ${vars.*}


def _lines(project):
    for command in project["commands"]:
        for line in command["script"]:
            argv = shlex.split(line)
            while argv and (argv[0] == "env" or "=" in argv[0]):
                argv = argv[1:]  # env A=1 B=2 bash …
            yield command["name"], argv


def test_workflows_name_only_commands_it_defines(project):
    names = {c["name"] for c in project["commands"]}
    for workflow, steps in project["workflows"].items():
        assert set(steps) <= names, workflow
    assert {"trf", "sm", "crossval-trf", "crossval-sm"} <= set(project["workflows"])


def test_every_script_line_runs_something_that_exists(project, repo):
    from gov_ner.cli import build_parser

    parser = build_parser()
    seen = set()
    for name, argv in _lines(project):
        tool = argv[0]
        if tool == "gov-ner":
            parser.parse_args(argv[1:])  # argparse exits on an unknown option or a bad choice
        elif tool == "bash":
            assert (repo / argv[1]).is_file(), (name, argv[1])
        elif argv[:2] == ["python", "-m"]:
            assert importlib.util.find_spec(argv[2]) is not None, (name, argv[2])
            if argv[2:4] == ["spacy", "assemble"]:
                assert (repo / argv[4]).is_file(), (name, argv[4])
        else:
            pytest.fail(f"{name}: unexpected tool {tool}")
        seen.add(tool)
    assert seen == {"gov-ner", "bash", "python"}


def test_inputs_outside_build_are_in_the_repository(project, repo):
    for command in project["commands"]:
        for dep in command.get("deps", []):
            if not dep.startswith("build/"):
                assert (repo / dep).exists(), (command["name"], dep)
