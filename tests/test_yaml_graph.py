"""The YAML graph check's shortcut for flat front matter gives the walk's verdicts."""

import pytest
import yaml
from scrapelint import safeload

DOCUMENTS = [
    "title: A\nauthor: B\n",
    "tags: [one, two, three]\ntitle: A\n",
    "a: &x 1\nb: *x\nc: [*x, *x]\n",
    "a: []\n",
    "{}",
    "a: &l [1, 2]\nb: *l\n",
    "a: {b: 1}\n",  # not flat: the walk decides
    "a: [[1]]\n",
]


def verdicts(node) -> list[str]:
    out = []
    for max_nodes in range(12):
        for max_depth in range(5):
            try:
                safeload.check_yaml_graph(node, max_nodes, max_depth)
                out.append("ok")
            except safeload.InputLimit as exc:
                out.append(str(exc))
    return out


@pytest.mark.parametrize("text", DOCUMENTS)
def test_flat_shortcut_agrees_with_the_walk(text, monkeypatch):
    node = yaml.compose(text)
    fast = verdicts(node)
    monkeypatch.setattr(safeload, "_flat_size", lambda root: None)
    assert fast == verdicts(node)
    assert "ok" in fast and any(v != "ok" for v in fast)  # both sides of both limits are tried


def test_flat_mapping_is_measured_without_the_walk():
    assert safeload._flat_size(yaml.compose("a: 1\nb: [x, y]\n")) == (7, 3)
    assert safeload._flat_size(yaml.compose("a: {b: 1}\n")) is None
