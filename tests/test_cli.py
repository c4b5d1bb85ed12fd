"""Every command in-process (click's CliRunner): help, version, build, errors as one line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import SAMPLE


@pytest.fixture()
def runner():
    return CliRunner()


def test_version(runner):
    r = runner.invoke(main, ["--version"])
    assert r.exit_code == 0 and "kg, version" in r.output


@pytest.mark.parametrize("cmd", [[], ["build"]])
def test_help_has_example(runner, cmd):
    r = runner.invoke(main, [*cmd, "--help"])
    assert r.exit_code == 0
    assert "Example" in r.output


def test_build_writes_both_files_and_summary(runner, tmp_path):
    r = runner.invoke(main, ["build", str(SAMPLE), "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "graph.ttl").stat().st_size > 10000
    assert (tmp_path / "graph.html").stat().st_size > 10000
    for word in ("documents read   1", "Official", "Observation", "facts", "time"):
        assert word in r.output


def test_build_from_stdin(runner, tmp_path):
    r = runner.invoke(main, ["build", "-", "-o", str(tmp_path), "-q"], input="江津区委书记 李四\n江津区GDP增长7%。".encode())
    assert r.exit_code == 0, r.output
    assert "李四" in (tmp_path / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args,message",
    [
        (["build", "no/such/file.txt"], "no such file or folder"),
        (["build", str(SAMPLE), "--format", "pdf"], "unknown format 'pdf'; choose one of: csv, graphml, html, jsonld, nq, nt, trig, ttl"),
        (["build", str(SAMPLE), "--base", "not an iri"], "must be an absolute IRI"),
    ],
)
def test_errors_are_one_line(runner, tmp_path, args, message):
    r = runner.invoke(main, [*args, "-o", str(tmp_path / "o")])
    assert r.exit_code in (1, 2)
    assert message in r.output
    assert "Traceback" not in r.output
    assert len([ln for ln in r.output.splitlines() if ln.startswith("kg: error")]) == 1


def test_output_not_a_folder(runner, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    r = runner.invoke(main, ["build", str(SAMPLE), "-o", str(f)])
    assert r.exit_code == 2 and "not a folder" in r.output


def test_bad_input_does_not_stop_the_others(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    r = runner.invoke(main, ["build", str(empty), str(SAMPLE), "-o", str(tmp_path / "o")])
    assert r.exit_code == 1
    assert "empty.txt: empty file" in r.output
    assert (tmp_path / "o" / "graph.ttl").exists()
