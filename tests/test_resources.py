"""The package data files: YAML reads bare ``on`` / ``no`` / ``yes`` / ``off`` as booleans, which silently
turns a word in a word list into True or False."""
from importlib import resources

import yaml


def _booleans(value, path=""):
    if isinstance(value, bool):
        yield path
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _booleans(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _booleans(item, f"{path}[{i}]")


# settings that are meant to be true or false
_FLAGS = {("regions.yaml", ".name_antecedents")}


def test_no_word_list_holds_a_boolean():
    files = [f for f in resources.files("narratrace.resources").iterdir() if f.name.endswith(".yaml")]
    assert files
    found = [(f.name, path) for f in files for path in _booleans(yaml.safe_load(f.read_text("utf-8")))
             if (f.name, path) not in _FLAGS]
    assert found == []


def test_the_check_sees_a_bare_yaml_word():
    assert list(_booleans(yaml.safe_load("words: [of, on, no]"))) == [".words[1]", ".words[2]"]
