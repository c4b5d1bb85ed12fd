"""Untrusted input: what is read (a graph, with a note), what is refused (one line, exit 1,
the other inputs still read), and output that stays sound whatever the text says.

Every case runs the real command in-process (click's CliRunner) next to a good input,
and asserts the exact outcome: the message and exit code, or the graph's content.
"""

from __future__ import annotations

import codecs
import os
import random
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from kg.cli import main
from kg.ontology import KG

from .conftest import ROOT

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
GOOD = "江津区委书记 李应兰\n江津区前三季度GDP增长7.6%，新引进项目12个。\n"
GOOD_TRAD = "江津區委書記 李應蘭\n江津區前三季度地區生產總值增長7.6%，新引進項目12個。\n"


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def _zip(tmp: Path) -> bytes:
    z = tmp / "z.zip"
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("article.txt", GOOD)
    return z.read_bytes()


def _random_bytes(n: int = 4096, seed: int = 5) -> bytes:
    r = random.Random(seed)
    return bytes(r.getrandbits(8) for _ in range(n))


def run(args: list[str], stdin: bytes | None = None):
    r = CliRunner().invoke(main, args, input=stdin)
    assert "Traceback" not in r.output, r.output
    assert "internal error" not in r.output, r.output
    return r


def error_lines(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.startswith("kg: error:")]


def load_ttl(path: Path) -> Graph:
    """The Turtle, read by both parsers; they must agree triple for triple."""
    data = path.read_bytes()
    g = Graph().parse(data=data.decode("utf-8"), format="turtle")
    assert set(g) == oxigraph_triples(data)
    return g


def oxigraph_triples(data: bytes) -> set:
    store = pyoxigraph.Store()
    store.load(data, pyoxigraph.RdfFormat.TURTLE)

    def term(t):
        if isinstance(t, pyoxigraph.NamedNode):
            return URIRef(t.value)
        if t.language:
            return Literal(t.value, lang=t.language)
        dt = t.datatype.value
        return Literal(t.value, datatype=None if dt == XSD_STRING else URIRef(dt))

    return {(term(q.subject), term(q.predicate), term(q.object)) for q in store}


def labels(g: Graph, cls) -> set[str]:
    return {str(o) for s in g.subjects(RDF.type, cls) for o in g.objects(s, RDFS.label)}


def observations(g: Graph) -> set[tuple[str, float]]:
    return {(str(g.value(o, KG.indicator)), float(g.value(o, KG.value))) for o in g.subjects(RDF.type, KG.Observation)}


# ------------------------------------------------------------------ inputs that are read

def _jsonl(lines: list[dict]) -> bytes:
    import json

    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines).encode("utf-8")


XWLB_LINES = [
    {"id": "xwlb-20240101-01", "title": "江津区发展", "date": "2024-01-01", "source": "CCTV", "text": GOOD},
    {"id": "xwlb-20240101-02", "title": "永川区", "date": "2024-01-01", "text": "永川区前三季度GDP增长8%。"},
]
ONE_MB_LINE = ("测" * 150_000 + "江津区" + "试" * 150_000 + "永川区GDP增长8%" + "验" * 30_000)

# name, file name, bytes, a note the summary shows ("" for none), what the graph must hold
READ = [
    ("utf-8", "a.txt", GOOD.encode(), "", {"Official": {"李应兰"}, "obs": {("GDP", 7.6)}}),
    ("utf-8 with BOM", "a.txt", codecs.BOM_UTF8 + GOOD.encode(), "decoded as utf-8-sig", {"Official": {"李应兰"}}),
    ("GBK", "a.txt", GOOD.encode("gbk"), "decoded as gb18030", {"Official": {"李应兰"}}),
    ("GB18030 4-byte characters", "a.txt", ("䶮𠀀" + GOOD).encode("gb18030"), "decoded as gb18030",
     {"Official": {"李应兰"}}),
    ("UTF-16 LE with BOM", "a.txt", GOOD.encode("utf-16"), "decoded as utf-16", {"Official": {"李应兰"}}),
    ("UTF-16 BE with BOM", "a.txt", codecs.BOM_UTF16_BE + GOOD.encode("utf-16-be"), "decoded as utf-16",
     {"Official": {"李应兰"}}),
    ("UTF-16 LE without BOM", "a.txt", GOOD.encode("utf-16-le"), "decoded as utf-16-le", {"Official": {"李应兰"}}),
    ("traditional Chinese, UTF-8", "t.txt", GOOD_TRAD.encode(), "traditional Chinese", {"Official": {"李應蘭"}}),
    ("traditional Chinese, Big5", "t.txt", GOOD_TRAD.encode("big5"), "decoded as big5", {"Official": {"李應蘭"}}),
    ("full-width digits and letters", "f.txt", "江津区委书记 李应兰\n江津区前三季度ＧＤＰ增长７．６％。".encode(),
     "full-width", {"obs": {("GDP", 7.6)}}),
    ("HTML page", "p.html",
     ("<!doctype html><html><head><title>江津新闻</title><style>p{color:red}</style>"
      "<script>var x='江津区委书记 王五';</script></head><body><div>" + GOOD.replace("\n", "<br>")
      + "</div><!-- 永川区GDP增长9% --></body></html>").encode(),
     "", {"Official": {"李应兰"}, "Document": {"江津新闻"}, "not": {"王五"}}),
    ("HTML without suffix", "page", ("<html><body><p>" + GOOD + "</p></body></html>").encode(), "",
     {"Official": {"李应兰"}}),
    ("JSONL in the xwlb layout", "c.jsonl", _jsonl(XWLB_LINES), "",
     {"Document": {"江津区发展", "永川区"}, "obs": {("GDP", 7.6), ("GDP", 8.0)}}),
    ("JSONL in GB18030", "c.jsonl", _jsonl(XWLB_LINES).decode().encode("gb18030"), "decoded as gb18030",
     {"Document": {"江津区发展"}}),
    ("invisible and control characters", "i.txt",
     "江\u200b津区委书记 李\u202e应\x00兰\ufeff\n江津区前三季度GDP增长7.6%。".encode(), "removed 4 invisible",
     {"Official": {"李应兰"}}),
    ("CRLF line ends", "r.txt", GOOD.replace("\n", "\r\n").encode(), "", {"Official": {"李应兰"}}),
    ("a line of 1 MB without punctuation", "long.txt", ONE_MB_LINE.encode(), "", {"Region": {"永川区"}}),
    ("2,000 rare characters without punctuation", "rare.txt",
     "".join(chr(0x3400 + (i * 7919) % 6500) for i in range(2000)).encode() + b"\n" + GOOD.encode(), "",
     {"Official": {"李应兰"}}),
]


@pytest.mark.parametrize("name,filename,data,note,expect", READ, ids=[r[0] for r in READ])
def test_read(tmp_path, name, filename, data, note, expect):
    f = tmp_path / filename
    f.write_bytes(data)
    r = run(["build", str(f), "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    assert error_lines(r.output) == []
    if note:
        assert note in r.output
    g = load_ttl(tmp_path / "out" / "graph.ttl")
    for key, want in expect.items():
        if key == "obs":
            assert want <= observations(g)
        elif key == "not":
            assert not any(w in str(o) for w in want for o in g.objects())
        else:
            assert want <= labels(g, getattr(KG, key)) | (labels(g, KG.District) if key == "Region" else set())


def test_traditional_labels_kept_as_written(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text(GOOD_TRAD, encoding="utf-8")
    run(["build", str(f), "-o", str(tmp_path / "out")])
    assert "李應蘭" in labels(load_ttl(tmp_path / "out" / "graph.ttl"), KG.Official)


def test_folder_mixing_encodings_and_formats(tmp_path):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_bytes(GOOD.encode("gbk"))
    (d / "b.html").write_bytes(b"<html><body><p>\xe6\xb0\xb8\xe5\xb7\x9d\xe5\x8c\xbaGDP\xe5\xa2\x9e\xe9\x95\xbf8%\xe3\x80\x82</p>"
                               b"</body></html>")
    (d / "sub" / "c.jsonl").write_bytes(_jsonl([{"id": "c1", "text": "潼南区GDP增长7.1%。"}]))
    (d / "sub" / "d.txt").write_bytes("璧山区GDP增长6%。".encode("utf-16"))
    (d / "e.txt").write_bytes(GOOD_TRAD.encode("big5"))
    (d / "photo.png").write_bytes(_png())  # not a text suffix: not read from a folder
    (d / ".hidden.txt").write_text("铜梁区GDP增长5%。", encoding="utf-8")
    r = run(["build", str(d), "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    assert "documents read   5" in r.output
    g = load_ttl(tmp_path / "out" / "graph.ttl")
    assert {("GDP", 8.0), ("GDP", 7.1), ("GDP", 6.0), ("GDP", 7.6)} <= observations(g)
    assert "铜梁区" not in {str(o) for o in g.objects(None, RDFS.label)}


# ------------------------------------------------------------------ inputs that are refused

def _weird_name(tmp: Path) -> Path:
    return Path(os.fsdecode(os.fsencode(str(tmp)) + b"/bad\xff\nname.txt"))


# name, how to make the input (tmp -> path), the exact message after "kg: error: <path>"
REFUSE = [
    ("missing path", lambda t: t / "nope.txt", ": no such file or folder"),
    ("empty file", lambda t: _w(t / "e.txt", b""), ": empty file (nothing to read)"),
    ("white space only", lambda t: _w(t / "w.txt", b" \r\n\t\n  "), ": empty file (only white space)"),
    ("invisible characters only", lambda t: _w(t / "z.txt", "\u200b\u3000\ufeff\n\u202e".encode()),
     ": no text left after clean-up (only white space or control characters)"),
    ("PNG image", lambda t: _w(t / "img.txt", _png()),
     ": a PNG image, not text; give a UTF-8, GB18030 or UTF-16 text, HTML or JSONL file"),
    ("zip archive", lambda t: _w(t / "a.txt", _zip(t)),
     ": a zip archive (or .docx/.xlsx/.epub), not text; give a UTF-8, GB18030 or UTF-16 text, HTML or JSONL file"),
    ("random bytes", lambda t: _w(t / "r.txt", _random_bytes()),
     ": binary data, not text; give a UTF-8, GB18030 or UTF-16 text, HTML or JSONL file"),
    ("Latin-1, no supported encoding", lambda t: _w(t / "l.txt", ("café naïve résumé à la carte " * 20).encode("latin-1")),
     ": not text in a supported encoding (looks like cp1250): invalid UTF-8 at byte 3, and not UTF-8, UTF-16, "
     "GB18030/GBK or Big5; convert it to UTF-8"),
    ("UTF-8 BOM then invalid bytes", lambda t: _w(t / "b.txt", codecs.BOM_UTF8 + b"\xff\xfe\xfd" * 10),
     ": starts with a UTF-8 byte-order mark but is not UTF-8 (bad byte at 3); convert it to UTF-8"),
    ("binary JSONL", lambda t: _w(t / "x.jsonl", _random_bytes()),
     ": binary data, not text; a .jsonl file holds one JSON object per line"),
    ("HTML with no visible text", lambda t: _w(t / "s.html", b"<html><script>alert(1)</script></html>"),
     ": HTML page with no visible text"),
]


def _w(p: Path, data: bytes) -> Path:
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("name,make,message", REFUSE, ids=[r[0] for r in REFUSE])
def test_refused_cleanly_and_others_read(tmp_path, name, make, message):
    bad = make(tmp_path)
    good = _w(tmp_path / "good.txt", GOOD.encode())
    r = run(["build", str(bad), str(good), "-o", str(tmp_path / "out")])
    assert r.exit_code == 1
    assert error_lines(r.output) == [f"kg: error: {bad}{message}"]
    assert "documents read   1  (1 failed)" in r.output
    assert "李应兰" in labels(load_ttl(tmp_path / "out" / "graph.ttl"), KG.Official)


JSONL_BAD = [
    ("not JSON", "{not json}", ':2: not JSON (column 2: Expecting property name enclosed in double quotes); line skipped'),
    ("no text field", '{"title": "x"}', ':2: no "text" field; each line needs {"text": "…"}'),
    ("text not a string", '{"text": 5}', ':2: "text" is a int, not a string; each line needs {"text": "…"}'),
    ("a list, not an object", "[1, 2]", ':2: a JSON list, not an object with a "text" field'),
    ("empty text", '{"text": "  "}', ':2: empty "text"'),
    ("truncated line", '{"text": "江津', ':2: not JSON (column 10: Unterminated string starting at); line skipped'),
    ("undecodable line", b'{"text": "\xff\xfe"}', ":2: not UTF-8 or GB18030 (bad byte at 10); line skipped"),
]


@pytest.mark.parametrize("name,line,message", JSONL_BAD, ids=[r[0] for r in JSONL_BAD])
def test_bad_jsonl_line_refused_other_lines_read(tmp_path, name, line, message):
    f = tmp_path / "c.jsonl"
    bad = line if isinstance(line, bytes) else line.encode()
    f.write_bytes(_jsonl(XWLB_LINES[:1]) + bad + b"\n" + _jsonl(XWLB_LINES[1:]))
    r = run(["build", str(f), "-o", str(tmp_path / "out")])
    assert r.exit_code == 1
    assert error_lines(r.output) == [f"kg: error: {f}{message}"]
    assert "documents read   2  (1 failed)" in r.output
    assert {("GDP", 7.6), ("GDP", 8.0)} <= observations(load_ttl(tmp_path / "out" / "graph.ttl"))


def test_file_name_with_newline_and_bad_bytes_is_one_line(tmp_path):
    bad = _w(_weird_name(tmp_path), b"")
    good = _w(tmp_path / "good.txt", GOOD.encode())
    r = run(["build", str(bad), str(good), "-o", str(tmp_path / "out")])
    assert r.exit_code == 1
    assert error_lines(r.output) == [f"kg: error: {tmp_path}/bad\\udcff\\nname.txt: empty file (nothing to read)"]


def test_every_input_refused_exits_1_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    r = run(["build", str(_w(tmp_path / "e.txt", b"")), str(tmp_path / "nope"), "-o", str(out)])
    assert r.exit_code == 1
    assert len(error_lines(r.output)) == 2
    assert not (out / "graph.ttl").exists()


def test_same_corpus_id_for_two_texts_keeps_both(tmp_path):
    f = _w(tmp_path / "c.jsonl", _jsonl([{"id": "a", "text": GOOD}, {"id": "a", "text": "永川区GDP增长8%。"}]))
    r = run(["build", str(f), "-o", str(tmp_path / "out")])
    assert r.exit_code == 0
    assert "documents read   2" in r.output and "id 'a' already used by another text" in r.output
    assert {("GDP", 7.6), ("GDP", 8.0)} <= observations(load_ttl(tmp_path / "out" / "graph.ttl"))


# ------------------------------------------------------------------ output locations refused

def test_output_is_a_file(tmp_path):
    f = _w(tmp_path / "file", b"x")
    r = run(["build", str(_w(tmp_path / "a.txt", GOOD.encode())), "-o", str(f)])
    assert r.exit_code == 2
    assert error_lines(r.output) == [f"kg: error: {f}: exists and is not a folder; choose another -o"]


def test_output_under_a_file(tmp_path):
    f = _w(tmp_path / "file", b"x")
    r = run(["build", str(_w(tmp_path / "a.txt", GOOD.encode())), "-o", str(f / "sub")])
    assert r.exit_code == 2
    assert error_lines(r.output) == [f"kg: error: {f / 'sub'}: cannot create folder (Not a directory); choose another -o"]


def test_output_not_writable(tmp_path):
    if os.geteuid() == 0:  # root writes anywhere a mode allows: use a file system that refuses
        out = Path("/sys/kg-test-out")
        message = f"kg: error: {out}: cannot create folder (Operation not permitted); choose another -o"
    else:
        out = tmp_path / "ro"
        out.mkdir()
        out.chmod(0o500)
        message = f"kg: error: {out}: folder is not writable; choose another -o"
    r = run(["build", str(_w(tmp_path / "a.txt", GOOD.encode())), "-o", str(out)])
    assert r.exit_code == 2
    assert error_lines(r.output) == [message]


def test_disk_full_is_one_line_and_keeps_old_files(tmp_path, monkeypatch):
    import errno

    from kg.export import atomic

    out = tmp_path / "out"
    a = _w(tmp_path / "a.txt", GOOD.encode())
    assert run(["build", str(a), "-o", str(out), "-q"]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def full(*args, **kw):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    r = run(["build", str(_w(tmp_path / "b.txt", "永川区GDP增长8%。".encode())), "-o", str(out), "-q"])
    assert r.exit_code == 2
    assert len(error_lines(r.output)) == 1 and "No space left on device" in r.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


# ------------------------------------------------------------------ atomic writes

def _outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_failed_render_leaves_previous_files(tmp_path, monkeypatch):
    from kg.export import html

    out = tmp_path / "out"
    assert run(["build", str(_w(tmp_path / "a.txt", GOOD.encode())), "-o", str(out), "-q"]).exit_code == 0
    before = _outputs(out)

    def boom(*a, **k):
        raise RuntimeError("view failed")

    monkeypatch.setattr(html, "view_page", boom)
    r = CliRunner().invoke(main, ["build", str(_w(tmp_path / "b.txt", "永川区GDP增长8%。".encode())), "-o", str(out)])
    assert r.exit_code == 3 and "internal error: RuntimeError: view failed" in r.output
    assert _outputs(out) == before  # graph.ttl was rendered first, but not written alone


KILL_AT = {
    # where the build is killed: in the middle of writing the first temporary file,
    # while rendering the view, and between the temporary files and their renames
    "while writing": "import kg.export.atomic as m; m.os.fsync = lambda fd: os.kill(os.getpid(), 9)",
    "while rendering": "import kg.export.html as m; m.view_page = lambda *a, **k: os.kill(os.getpid(), 9)",
    "before renaming": "import kg.export.atomic as m; m.os.replace = lambda *a: os.kill(os.getpid(), 9)",
}


@pytest.mark.parametrize("where", KILL_AT)
def test_killed_run_leaves_previous_files(tmp_path, where):
    out = tmp_path / "out"
    assert run(["build", str(_w(tmp_path / "a.txt", GOOD.encode())), "-o", str(out), "-q"]).exit_code == 0
    before = _outputs(out)
    b = _w(tmp_path / "b.txt", "永川区GDP增长8%。".encode())
    code = f"import os, sys; {KILL_AT[where]}; from kg.cli import main; main()"
    p = subprocess.run([sys.executable, "-c", code, "build", str(b), "-o", str(out), "-q"], cwd=ROOT,
                       capture_output=True, timeout=120)
    assert p.returncode == -signal.SIGKILL
    after = {k: v for k, v in _outputs(out).items() if not k.startswith(".")}
    assert after == before


def test_killed_at_random_moments_never_leaves_a_broken_file(tmp_path):
    """Kill real builds at random moments: each file is always whole, the old or the new one."""
    out = tmp_path / "out"
    assert run(["build", str(_w(tmp_path / "a.txt", GOOD.encode())), "-o", str(out), "-q"]).exit_code == 0
    old = _outputs(out)
    src = ROOT / "examples" / "000_153ddeac55c241ad.txt"
    cmd = [sys.executable, "-m", "kg.cli", "build", str(src), "-q", "-o"]
    rnd = random.Random(7)
    seen = []
    for _ in range(4):
        p = subprocess.Popen([*cmd, str(out)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0.5, 3.0))
        p.kill()
        p.wait()
        seen.append({k: v for k, v in _outputs(out).items() if not k.startswith(".")})
    subprocess.run([*cmd, str(tmp_path / "new")], cwd=ROOT, check=True, timeout=300)
    new = _outputs(tmp_path / "new")
    for files in seen:
        for name, data in files.items():
            assert data in (old[name], new[name]), name


# ------------------------------------------------------------------ sound output whatever the text says

NASTY = ['名"引号', "反\\斜杠", "尖>括号<", "换\n行", "空\x00字符", "控\x01\x1f\x7f\x9f制", "半\ud800代理\udfff项",
         "从右\u202e到左\u200f", "表情🙂👨‍👩‍👧", "\ufffe非字符\uffff", "100%", "a b\t", "<img src=x onerror=alert(1)>"]


def test_nasty_names_round_trip(tmp_path):
    """Quotes, backslashes, >, newlines, NUL, controls, lone surrogates, RTL marks, emoji."""
    import json

    lines = [{"id": f"n{i}", "title": s, "text": f"江津区推进“{s}工程”。{s}有限公司在江津区落户。\n江津区委书记 李{s}兰"}
             for i, s in enumerate(NASTY)]
    f = tmp_path / "n.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")  # \\ud800 escapes: lone surrogates
    r = run(["build", str(f), "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    g = load_ttl(tmp_path / "out" / "graph.ttl")
    for s in g.subjects():
        assert isinstance(s, URIRef) and all(0x21 <= ord(c) <= 0x7E for c in str(s)), s
        pyoxigraph.NamedNode(str(s))
    texts = " ".join(str(o) for o in g.objects() if isinstance(o, Literal))
    assert "\x00" not in texts and "\ud800" not in texts and "\u202e" not in texts
    assert '"引号' in texts and "反\\斜杠" in texts and "🙂" in texts


def test_graph_from_nasty_names_round_trips_in_memory():
    """The Turtle writer on a graph holding raw nasty strings (what rdflib gets wrong)."""
    from kg.export.turtle import to_turtle

    g = Graph()
    for i, s in enumerate(NASTY):
        n = URIRef(f"https://w3id.org/kg-cn/id/project/p{i}")
        g.add((n, RDF.type, KG.Project))
        g.add((n, RDFS.label, Literal(s.replace("\ud800", "").replace("\udfff", ""), lang="zh")))
        g.add((n, KG.value, Literal(i)))
    data = to_turtle(g, "https://w3id.org/kg-cn/id/").encode("utf-8")
    assert oxigraph_triples(data) == set(g)
    assert set(Graph().parse(data=data.decode(), format="turtle")) == set(g)


BAD_IRIS = ["http://x/a b", 'http://x/a"b', "http://x/100%", "http://x/a\tb\nc", "http://x/\x00", "http://x/a#b#c",
            "http://x/\ud800", "http://x/\ud801", "http://x/a>b", "urn:x:{y}"]


def test_invalid_iris_are_repaired_not_written_raw():
    from kg.export.turtle import to_turtle

    g = Graph()
    for i, iri in enumerate(BAD_IRIS):
        g.add((URIRef(iri), RDFS.label, Literal(f"n{i}")))
    data = to_turtle(g).encode("utf-8")
    got = oxigraph_triples(data)
    assert len(got) == len(BAD_IRIS)  # two lone surrogates do not collide on one IRI
    assert set(Graph().parse(data=data.decode(), format="turtle")) == got


def _build_bytes(tmp: Path, names_in_order: list[str], files: dict[str, bytes], seed: str) -> bytes:
    d = tmp / "in"
    if d.exists():
        for p in sorted(d.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
    d.mkdir(exist_ok=True)
    for name in names_in_order:  # creation order decides the order on disk
        (d / name).write_bytes(files[name])
    out = tmp / f"out-{seed}"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-m", "kg.cli", "build", str(d), "-o", str(out), "-q", "--format", "ttl"],
                   check=True, env=env, cwd=ROOT, capture_output=True, timeout=300)
    return (out / "graph.ttl").read_bytes()


def test_deterministic_whatever_the_file_order_and_hash_seed(tmp_path):
    files = {"a.txt": GOOD.encode("gbk"), "b.html": f"<html><body>{GOOD}</body></html>".encode(),
             "c.jsonl": _jsonl(XWLB_LINES), "d.txt": GOOD_TRAD.encode("big5"),
             "e.txt": "潼南区委书记 张三\n潼南区GDP增长7.1%，与长安汽车合作。".encode("utf-16")}
    names = sorted(files)
    one = _build_bytes(tmp_path, names, files, "1")
    two = _build_bytes(tmp_path, names[::-1], files, "4242")
    assert one == two
    assert len(one) > 2000


# ------------------------------------------------------------------ no network

@pytest.fixture()
def no_network():
    """Fail on any socket connect or name lookup outside loopback while the test runs."""
    calls: list[str] = []
    state = {"on": True}

    def hook(event: str, args: tuple) -> None:
        if not state["on"]:
            return
        if event == "socket.connect":
            addr = args[1]
            host = addr[0] if isinstance(addr, tuple) else addr
            if isinstance(host, str) and host not in ("127.0.0.1", "::1", "localhost") and not host.startswith("/"):
                calls.append(f"connect {addr!r}")
                raise ConnectionRefusedError(f"test: outbound connection to {addr!r}")
        elif event == "socket.getaddrinfo":
            host = args[0]
            if host not in (None, "localhost", "127.0.0.1", "::1", b"localhost"):
                calls.append(f"getaddrinfo {host!r}")
                raise socket.gaierror(f"test: name lookup of {host!r}")

    if not hasattr(no_network, "_hooked"):
        sys.addaudithook(lambda e, a: _HOOKS[-1](e, a) if _HOOKS else None)
        no_network._hooked = True  # type: ignore[attr-defined]
    _HOOKS.append(hook)
    yield calls
    state["on"] = False
    _HOOKS.remove(hook)


_HOOKS: list = []


def test_guard_catches_an_outbound_connection(no_network):
    with pytest.raises(OSError):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    assert no_network and no_network[0].startswith("getaddrinfo") or no_network[0].startswith("connect")
    no_network.clear()


def test_build_view_and_query_open_no_connection(tmp_path, no_network):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_bytes(GOOD.encode("gbk"))
    (d / "b.html").write_bytes(b'<html><head><link rel="stylesheet" href="http://example.com/x.css">'
                               b'<script src="http://example.com/x.js"></script></head><body>'
                               + GOOD.encode() + b'<img src="http://example.com/i.png"></body></html>')
    (d / "c.jsonl").write_bytes(_jsonl(XWLB_LINES))
    out = tmp_path / "out"
    r = run(["build", str(d), "-o", str(out)])
    assert r.exit_code == 0, r.output
    g = load_ttl(out / "graph.ttl")
    rows = list(g.query("SELECT ?n WHERE { ?o a <https://w3id.org/kg-cn/ontology#Official> ; "
                        "<http://www.w3.org/2000/01/rdf-schema#label> ?n }"))
    assert rows
    if "query" in main.commands:
        q = run(["query", "--graph", str(out / "graph.ttl"),
                 "SELECT ?n WHERE { ?o a kg:Official ; rdfs:label ?n }"])
        assert q.exit_code == 0 and "李应兰" in q.output
    assert no_network == []


# ------------------------------------------------------------------ size: streaming and parts

def test_jsonl_corpus_streams_in_bounded_memory(tmp_path):
    """Reading a JSONL corpus holds one article at a time: the peak does not grow with the file."""
    import json
    import tracemalloc

    from kg.ingest import iter_documents

    article = "江津区前三季度GDP增长7.6%，新引进项目12个、全国50强企业8家。" * 20
    f = tmp_path / "big.jsonl"
    with f.open("w", encoding="utf-8") as out:
        for i in range(12_000):
            out.write(json.dumps({"id": f"a{i}", "title": f"第{i}篇", "text": f"{i}{article}"}, ensure_ascii=False) + "\n")
    size = f.stat().st_size
    assert size > 20_000_000
    tracemalloc.start()
    n = sum(1 for _ in iter_documents([f]))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 12_000
    assert peak < 8_000_000, f"peak {peak:,} bytes while reading {size:,}"


def test_long_plain_text_is_read_in_parts(tmp_path, monkeypatch):
    from kg import ingest

    monkeypatch.setattr(ingest, "PART_CHARS", 50_000)
    para = "江津区前三季度GDP增长7.6%，新引进项目12个。\n\n"
    f = _w(tmp_path / "long.txt", (para * 20_000).encode())
    docs = list(ingest.iter_documents([f]))
    assert len(docs) > 10
    assert all(len(d.text) <= 50_000 for d in docs)
    assert docs[0].source == f"{f} (part 1 of {len(docs)})"
    assert all(d.text.endswith("个。") for d in docs)  # cut at paragraph breaks
    assert "long text" in docs[0].notes[-1]
