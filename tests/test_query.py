"""Queries: the safety check, the cookbook's expected rows, parameters, formats, the store, the CLI.

The cookbook's expected rows are checked on tests/data/query_sample.ttl, the sample
article's graph frozen at one commit (refresh: python -m tests.query_snapshot), so that
work on the extractors does not move them. The store tests build from the live pipeline.
"""

from __future__ import annotations

import json
from collections import Counter

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.query import (
    QueryError,
    QueryRefused,
    bind_params,
    check_query,
    cookbook,
    parse_term,
    recipe,
    term_text,
    to_table,
)
from kg.store import KgStore, StoreError, build_store

from .conftest import ROOT, SAMPLE

SNAPSHOT = ROOT / "tests" / "data" / "query_sample.ttl"
KG = "https://w3id.org/kg-cn/ontology#"
ID = "https://w3id.org/kg-cn/id/"
SAMPLE_ID = "43bd90a4fc48cca5"


@pytest.fixture(scope="session")
def snap():
    return KgStore.from_files([SNAPSHOT])


def rows(st: KgStore, query: str, **params: str) -> list[tuple[str, ...]]:
    rec = recipe(query) if query in cookbook() else None
    text = rec.text if rec else query
    _form, res = st.query(text, bind_params(text, params, rec, st.base))
    return [tuple(term_text(sol[i]) for i in range(len(res.variables))) for sol in res]


# ---------------------------------------------------------------- the safety check

@pytest.mark.parametrize("query,form", [
    ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
    ("PREFIX kg: <https://w3id.org/kg-cn/ontology#>\nASK { ?s a kg:Official }", "ASK"),
    ("BASE <http://x/> CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
    ("describe <http://x/a>", "DESCRIBE"),
    ('SELECT * WHERE { ?s ?p "SERVICE <http://x/>" }', "SELECT"),     # in a string
    ("SELECT * WHERE { ?s ?p '''LOAD\nSERVICE''' }", "SELECT"),          # in a long string
    ("SELECT ?service WHERE { ?service ?p ?o }", "SELECT"),               # a variable
    ("PREFIX service: <http://x/> SELECT * WHERE { ?s service:x ex:service }", "SELECT"),  # prefixed names
    ("# SERVICE <http://x/>\nSELECT * WHERE { ?s ?p ?o }", "SELECT"),    # a comment
    ("SELECT * WHERE { <http://x/SERVICE> ?p ?o }", "SELECT"),           # an IRI
    ("SELECT * WHERE { ?s ?p ?o FILTER(?o < 3) }", "SELECT"),
])
def test_check_accepts_read_only_queries(query, form):
    assert check_query(query) == form


@pytest.mark.parametrize("query,word", [
    ("INSERT DATA { <a> <b> <c> }", "UPDATE (INSERT)"),
    ("PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }", "UPDATE (DELETE)"),
    ("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "UPDATE (WITH)"),
    ("CLEAR ALL", "UPDATE (CLEAR)"),
    ("drop graph <http://g>", "UPDATE (DROP)"),
    ("LOAD <http://example.org/x.ttl>", "LOAD is refused"),
    ("CLEAR DEFAULT ; LOAD <http://example.org/x.ttl>", "LOAD is refused"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is refused"),
    ("select * where { service silent ?endpoint { ?s ?p ?o } }", "SERVICE is refused"),
    ("SELECT * WHERE { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is refused"),
])
def test_check_refuses_update_load_service(query, word):
    with pytest.raises(QueryRefused, match=word.replace("(", r"\(").replace(")", r"\)")):
        check_query(query)


@pytest.mark.parametrize("query", ["", "   ", "PREFIX kg: <x:>", "hello"])
def test_check_rejects_non_queries(query):
    with pytest.raises(QueryError):
        check_query(query)


def test_service_never_reaches_the_network():
    """Oxigraph would POST to a SERVICE endpoint; the check stops it before evaluation."""
    import socket

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    srv.settimeout(0.3)
    port = srv.getsockname()[1]
    st = KgStore.from_files([SNAPSHOT])
    with pytest.raises(QueryRefused):
        st.query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}")
    # FROM, FROM NAMED, GRAPH and DESCRIBE name graphs of the store; Oxigraph fetches none of them
    for q in (f"SELECT * FROM <http://127.0.0.1:{port}/a> FROM NAMED <http://127.0.0.1:{port}/b> WHERE {{ ?s ?p ?o }}",
              f"SELECT * WHERE {{ GRAPH <http://127.0.0.1:{port}/c> {{ ?s ?p ?o }} }}",
              f"DESCRIBE <http://127.0.0.1:{port}/d>"):
        _form, res = st.query(q)
        list(res)
    with pytest.raises(socket.timeout):
        srv.accept()
    srv.close()


def test_syntax_error_is_one_clear_line(snap):
    with pytest.raises(QueryError, match=r"query syntax error: error at 1:\d+"):
        snap.query("SELECT * WHERE {")


# ---------------------------------------------------------------- the cookbook on the sample

OFFICIALS = [
    ("彭水苗族土家族自治县", "石强", "县委书记"),
    ("忠县", "李电", "县委书记"),
    ("永川区", "张智奎", "区委书记"),
    ("江北区", "滕宏伟", "区委书记"),
    ("江津区", "李应兰", "区委书记"),
    ("潼南区", "李成群", "区委副书记"),
    ("潼南区", "李成群", "区长"),
    ("璧山区", "江志斌", "区委副书记"),
    ("璧山区", "江志斌", "区长"),
    ("重庆市", "张安疆", "副市长"),
    ("重庆市", "袁家军", "市委书记"),
    ("重庆高新区", "张安疆", "党工委书记"),
]
JIANGJIN_PROJECTS = [
    "一体化海关监管平台", "中冶赛迪先进机电装备及数字物流产业园", "中国—东盟进出口商品集采分销基地",
    "中国西部(重庆)东盟商品分拨中心", "中新重庆枢纽港产业园", "企业定制班列", "兰家沱进境粮食中转码头",
    "小南垭智慧货站", "小南垭海关监管作业场所", "小南垭铁路物流中心", "平行进口汽车综合集成平台", "珞璜港",
    "珞璜港进境粮食中转码头", "西部陆海新通道江津班列",
]
COMPANIES = [
    ("360", "1", "江北区"), ("中国电信", "1", "重庆高新区"), ("中煤集团", "1", "江北区"), ("天地药业", "1", "忠县"),
    ("抖音集团", "1", "江北区"), ("毕马威资产评估", "1", "江北区"), ("泰石油公司", "1", "江津区"),
    ("特瑞新能源", "1", "忠县"), ("那塔林集团", "1", "江津区"), ("长安汽车", "1", "江津区"),
]
GDP_RANKING = [
    ("重庆高新区", "8.6"), ("彭水苗族土家族自治县", "8.3"), ("永川区", "8"), ("潼南区", "7.1"),
    ("忠县", "6.6"), ("江北区", "6.2"), ("重庆市", "5.6"),
]
COUNTS = [
    ("Observation", "104"), ("Initiative", "68"), ("Project", "44"), ("Position", "12"), ("Company", "10"),
    ("Section", "10"), ("Official", "9"), ("District", "8"), ("Country", "1"), ("Document", "1"),
    ("Province", "1"), ("Zone", "1"),
]
# every cookbook query has a test of its rows below
TESTED = {"officials", "projects", "companies", "shared-initiatives", "ranking", "region", "source", "counts",
          "documents", "career", "holders", "same-name"}


def test_officials(snap):
    assert rows(snap, "officials") == OFFICIALS
    assert rows(snap, "officials", region="江津区") == [("江津区", "李应兰", "区委书记")]
    assert rows(snap, "officials", region="没有这个区") == []


def test_projects_with_evidence(snap):
    got = rows(snap, "projects", region="江津区")
    assert [r[1] for r in got] == JIANGJIN_PROJECTS
    docks = {r[1]: r[2] for r in got if "码头" in r[1]}
    assert docks["兰家沱进境粮食中转码头"] == "建成投用小南垭海关监管作业场所、珞璜港进境粮食中转码头、兰家沱进境粮食中转码头。"
    assert len(rows(snap, "projects")) == 44


def test_companies_and_their_regions(snap):
    assert rows(snap, "companies") == COMPANIES


def test_shared_initiatives(snap):
    assert rows(snap, "shared-initiatives") == []  # the sample gives each district its own slogans
    # across documents: see test_store_merges_entities_across_documents


def test_ranking_gdp_growth_first_three_quarters(snap):
    got = rows(snap, "ranking", indicator="GDP", period="前三季度", measure="growth")
    assert [(r[3], r[4]) for r in got] == GDP_RANKING
    assert {(r[0], r[1], r[2], r[5]) for r in got} == {("GDP", "前三季度", KG + "growth", "%")}
    assert rows(snap, "ranking", indicator="GDP", period="前三季度", measure="kg:level") == []


def test_everything_about_one_region(snap):
    got = rows(snap, "region", region="江津区")
    assert Counter(r[1] for r in got) == {"Project": 14, "Observation": 12, "Initiative": 7, "Company": 3,
                                          "Official": 1}
    assert ("江津区", "Official", "李应兰", "区委书记") in [r[:4] for r in got]
    assert ("江津区", "Observation", "地区生产总值", "前三季度 7%") in [r[:4] for r in got]
    assert [r[2] for r in got if r[1] == "Project"] == JIANGJIN_PROJECTS
    assert all(r[4] for r in got if r[1] in ("Official", "Observation"))  # each with its sentence


def test_source_sentence_of_a_fact(snap):
    obs = rows(snap, "source", label="重庆高新区 GDP 8.6%")
    assert obs == [(ID + "obs/43bd90a4fc48cca5-05431cfef86a", KG + "Observation", "重庆高新区 GDP 8.6%",
                    "科学城高新区更加突出“稳进增效、除险清患、改革求变、惠民有感”工作导向,全力添措施、促创新、转动能,"
                    "前三季度GDP增长8.6%,固投增长19.4%,其中工业投资增长18.7%,规上高技术服务业营收增长27.3%。",
                    ID + "doc/" + SAMPLE_ID, "213", "319")]
    by_iri = rows(snap, "source", fact="obs:43bd90a4fc48cca5-05431cfef86a")
    assert by_iri == obs
    dock = rows(snap, "source", label="兰家沱进境粮食中转码头")
    assert [r[3] for r in dock] == ["建成投用小南垭海关监管作业场所、珞璜港进境粮食中转码头、兰家沱进境粮食中转码头。"]


def test_counts_per_class(snap):
    assert rows(snap, "counts") == [(KG + c, n) for c, n in COUNTS]


def test_documents(snap):
    assert rows(snap, "documents") == [(SAMPLE_ID, "000_153ddeac55c241ad.txt", "examples/000_153ddeac55c241ad.txt",
                                        "43bd90a4fc48cca5b2c0627a929599d2854f7977ba1d29d8951737102f0b320a")]


# ---------------------------------------------------------------- careers over time (a small dated corpus)

TIMELINE = [
    ("d1", "2021-03-01", "重庆市委书记王五主持召开市委常委会会议。"),
    ("d2", "2022-12-10", "天津市委书记王五调研。"),
    ("d3", "2023-01-05", "天津市委书记王五出席会议。"),
    ("d4", "2022-06-01", "重庆市委书记赵六出席会议。"),
    ("d5", "2023-04-02", "重庆市委书记赵六调研。原重庆市委书记王五出席。"),
    ("d6", "2022-05-05", "乌鲁木齐市副市长李鹏出席会议。"),
    ("d7", "2022-07-07", "北京市海淀区副区长李鹏调研。"),
]


@pytest.fixture(scope="module")
def timeline(tmp_path_factory):
    d = tmp_path_factory.mktemp("timeline")
    (d / "news.jsonl").write_text("".join(json.dumps({"id": i, "date": day, "text": t}, ensure_ascii=False) + "\n"
                                          for i, day, t in TIMELINE), encoding="utf-8")
    build_store([d / "news.jsonl"], d / "store")
    with KgStore.open(d / "store", read_only=True) as st:
        yield st


def test_holders_of_a_post_over_time(timeline):
    got = [(r[1], r[3], r[4], r[5]) for r in rows(timeline, "holders", post="重庆市委书记")]
    assert got == [("王五", "held", "2021-03-01", "2021-03-01"), ("赵六", "held", "2022-06-01", "2023-04-02"),
                   ("王五", "former", "2023-04-02", "2023-04-02")]
    assert rows(timeline, "holders", post="天津市委书记")[0][1] == "王五"


def test_career_of_an_official_in_time_order(timeline):
    got = [(r[2], r[3], r[4], r[5]) for r in rows(timeline, "career", official="王五")]
    assert got == [("重庆市委书记", "held", "2021-03-01", "2021-03-01"), ("天津市委书记", "held", "2022-12-10", "2023-01-05"),
                   ("重庆市委书记", "former", "2023-04-02", "2023-04-02")]
    assert len({r[1] for r in rows(timeline, "career", official="王五")}) == 1  # one person, two municipalities


def test_same_name_lists_two_people_with_one_name(timeline):
    (row,) = rows(timeline, "same-name")
    assert row[:2] == ("李鹏", "2")
    assert "乌鲁木齐市副市长" in row[2] and "海淀区副区长" in row[2]
    people = {r[1] for r in rows(timeline, "career", official="李鹏")}
    assert len(people) == 2


def test_every_cookbook_query_is_documented_and_tested(snap):
    book = cookbook()
    assert len(book) >= 8
    for r in book.values():
        assert r.title.endswith(".") and r.description, r.name
        rows(snap, r.name)  # runs
    assert set(book) == TESTED, "a cookbook query without a test of its rows"


def test_cookbook_is_packaged_with_the_code():
    from kg.query import queries_dir

    assert (queries_dir() / "officials.rq").is_file()
    assert queries_dir().resolve() == (ROOT / "queries").resolve()


# ---------------------------------------------------------------- parameters and output

@pytest.mark.parametrize("value,kind,expected", [
    ("江津区", "zh", ox.Literal("江津区", language="zh")),
    ("江津区", "str", ox.Literal("江津区")),
    ("growth", "kg", ox.NamedNode(KG + "growth")),
    ("kg:level", "kg", ox.NamedNode(KG + "level")),
    ("region:500116", "iri", ox.NamedNode(ID + "region/500116")),
    ("<http://example.org/a>", "iri", ox.NamedNode("http://example.org/a")),
    ('"江津区"@zh', None, ox.Literal("江津区", language="zh")),
    ("7", None, ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    ("8.6", None, ox.Literal("8.6", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))),
    ("obs:x", None, ox.NamedNode(ID + "obs/x")),
    ("plain", None, ox.Literal("plain")),
])
def test_parse_term(value, kind, expected):
    assert parse_term(value, kind) == expected


@pytest.mark.parametrize("value,kind", [("not an iri", "iri"), ("nope:x", "iri"), ("<http://a b>", "iri")])
def test_parse_term_rejects_bad_iris(value, kind):
    with pytest.raises(QueryError):
        parse_term(value, kind)


def test_unknown_parameter_lists_the_valid_ones():
    r = recipe("ranking")
    with pytest.raises(QueryError, match="it takes: indicator, period, measure"):
        bind_params(r.text, {"regio": "x"}, r)
    with pytest.raises(QueryError, match="no variable"):
        bind_params("SELECT ?a WHERE { ?a ?b ?c }", {"d": "1"})


def test_table_aligns_chinese_and_drops_control_characters():
    st = KgStore.from_files([SNAPSHOT])
    form, res = st.query("SELECT ?a ?b WHERE { VALUES (?a ?b) { (\"江津区\" \"x\") (\"ab\\u001b[31m\\ncd\" \"y\") } }")
    out = to_table(form, res).splitlines()
    assert out[0] == "a           b"
    assert out[2] == "江津区      x"
    assert out[3] == "ab [31m cd  y"  # the escape and the newline are spaces: nothing reaches the terminal raw
    assert out[-1] == "(2 rows)"
    form, res = st.query("SELECT ?iri WHERE { BIND(region:500116 AS ?iri) }")
    assert to_table(form, res, st.base).splitlines()[2] == "region:500116"


# ---------------------------------------------------------------- the store

TWO_DOCS = {
    "a.txt": "重庆市江津区委书记 王五\n江津区引进长安汽车等企业,深化“双招双引”。",
    "b.txt": "重庆市永川区委书记 赵六\n永川区引进长安汽车等企业,推进“双招双引”,永川区前三季度GDP增长6%。",
}


@pytest.fixture()
def two_docs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for name, text in TWO_DOCS.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def _quads(st: KgStore, graph=None) -> set:
    return {(q.subject, q.predicate, q.object) for q in st.store.quads_for_pattern(None, None, None, graph)}


def test_store_holds_the_same_graph_as_kg_build(tmp_path, sample_graph):
    from kg.store import to_ox

    build_store([SAMPLE], tmp_path / "s")
    with KgStore.open(tmp_path / "s", read_only=True) as st:
        assert _quads(st, ox.DefaultGraph()) == set(to_ox(sample_graph))
        doc = ox.NamedNode(st.doc_iri(st.document_ids()[0]))
        assert _quads(st, doc) == _quads(st, ox.DefaultGraph())


def test_store_evidence_offsets_point_into_the_text(tmp_path, sample_doc):
    build_store([SAMPLE], tmp_path / "s")
    with KgStore.open(tmp_path / "s", read_only=True) as st:
        _form, res = st.query(recipe("source").text)
        facts = [sol for sol in res if sol["start"] is not None]
        assert len(facts) > 100
        for sol in facts:
            assert sol["document"].value == st.doc_iri(sample_doc.id)
            assert sample_doc.text[int(sol["start"].value):int(sol["end"].value)] == sol["evidence"].value


def test_rebuilding_the_same_document_changes_nothing(tmp_path):
    r1 = build_store([SAMPLE], tmp_path / "s")
    with KgStore.open(tmp_path / "s", read_only=True) as st:
        before = set(st.store)
    r2 = build_store([SAMPLE, SAMPLE], tmp_path / "s")
    assert (r1.added, r2.added, r2.unchanged) == (1, 0, 2)
    with KgStore.open(tmp_path / "s", read_only=True) as st:
        assert set(st.store) == before


def test_store_merges_entities_across_documents_and_removes_one(tmp_path, two_docs):
    res = build_store([two_docs], tmp_path / "s")
    assert (res.added, res.store_documents) == (2, 2)
    with KgStore.open(tmp_path / "s") as st:
        assert rows(st, "companies") == [("长安汽车", "2", rows(st, "companies")[0][2])]
        assert set(rows(st, "companies")[0][2].split("、")) == {"江津区", "永川区"}
        shared = rows(st, "shared-initiatives")
        assert [(r[0], r[1]) for r in shared] == [("双招双引", "2")]
        # each sentence paired with its own document through the document graphs
        src = rows(st, "source", label="双招双引")
        assert sorted(r[4] for r in src) == sorted(st.doc_iri(i) for i in st.document_ids())
        assert all("双招双引" in r[3] for r in src) and len({r[3] for r in src}) == 2
        graphs = {g.value for g in st.store.named_graphs()} - {"urn:x-kg:store"}
        assert len(graphs) == 2
        # the merged graph is the union of the document graphs, each triple once
        union = set().union(*(_quads(st, ox.NamedNode(g)) for g in graphs))
        assert _quads(st, ox.DefaultGraph()) == union
        a_id = [r[0] for r in rows(st, "documents") if r[2].endswith("a.txt")][0]
        st.remove(a_id)
        assert len(st.documents()) == 1
        left = {g.value for g in st.store.named_graphs()} - {"urn:x-kg:store"}
        assert _quads(st, ox.DefaultGraph()) == _quads(st, ox.NamedNode(left.pop()))
        assert rows(st, "officials") == [("永川区", "赵六", "区委书记")]
        assert [r[:2] for r in rows(st, "companies")] == [("长安汽车", "1")]  # still there: b names it
        with pytest.raises(StoreError, match="no document"):
            st.remove(a_id)


def test_a_changed_document_replaces_the_old_one(tmp_path):
    f = tmp_path / "news.jsonl"
    f.write_text(json.dumps({"id": "n1", "text": "江津区前三季度GDP增长7%。"}, ensure_ascii=False) + "\n", encoding="utf-8")
    build_store([f], tmp_path / "s")
    f.write_text(json.dumps({"id": "n1", "text": "永川区前三季度GDP增长8%。"}, ensure_ascii=False) + "\n", encoding="utf-8")
    res = build_store([f], tmp_path / "s")
    assert (res.added, res.replaced, res.store_documents) == (0, 1, 1)
    with KgStore.open(tmp_path / "s", read_only=True) as st:
        assert [(r[3], r[4]) for r in rows(st, "ranking")] == [("永川区", "8")]


def test_store_folder_errors(tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("x")
    with pytest.raises(StoreError, match="not empty and holds no store"):
        KgStore.open(tmp_path / "full", create=True)
    with pytest.raises(StoreError, match="no store here"):
        KgStore.open(tmp_path / "missing", read_only=True)
    with KgStore.open(tmp_path / "s", create=True):
        with pytest.raises(StoreError, match="in use by another kg process"):
            KgStore.open(tmp_path / "s")
    with pytest.raises(StoreError, match="uses --base https://w3id.org/kg-cn/id/"):
        KgStore.open(tmp_path / "s", base="https://example.org/kg/")


# ---------------------------------------------------------------- the CLI, in-process

@pytest.fixture()
def runner():
    return CliRunner()


@pytest.mark.parametrize("cmd", [["query"], ["queries"], ["serve"], ["remove"], ["export"]])
def test_help_has_example(runner, cmd):
    r = runner.invoke(main, [*cmd, "--help"])
    assert r.exit_code == 0 and "Example" in r.output


def test_cli_build_store_query_remove(runner, tmp_path, monkeypatch):
    store = str(tmp_path / "kgstore")
    monkeypatch.chdir(tmp_path)
    r = runner.invoke(main, ["build", str(SAMPLE), "--store", store])
    assert r.exit_code == 0, r.output
    assert "added            1" in r.output and "1 documents" in r.output
    assert not (tmp_path / "output").exists()  # no -o: the store only
    r = runner.invoke(main, ["build", str(SAMPLE), "--store", store])
    assert "added            0  (replaced 0, unchanged 1" in r.output
    r = runner.invoke(main, ["query", "--store", store, "officials", "-p", "region=江津区"])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[2].split() == ["江津区", "李应兰", "区委书记"]
    r = runner.invoke(main, ["query", "--store", store, "SELECT (COUNT(*) AS ?n) WHERE { ?o a kg:Official }",
                             "--format", "csv"])
    assert r.exit_code == 0 and r.output.splitlines()[0] == "n" and int(r.output.splitlines()[1]) > 0
    r = runner.invoke(main, ["query", "--store", store, "documents", "--format", "json"])
    doc_id = json.loads(r.output)["results"]["bindings"][0]["id"]["value"]
    r = runner.invoke(main, ["remove", doc_id, "--store", store])
    assert r.exit_code == 0 and f"removed {doc_id}" in r.output and "0 documents, 0 triples" in r.output


def test_cli_build_store_also_writes_files_when_asked(runner, tmp_path):
    r = runner.invoke(main, ["build", str(SAMPLE), "--store", str(tmp_path / "s"), "-o", str(tmp_path / "out"), "-q"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 10000
    assert (tmp_path / "out" / "graph.html").exists()


def test_cli_query_a_graph_file_from_a_file(runner, tmp_path):
    q = tmp_path / "my.rq"
    q.write_text("SELECT ?region WHERE { ?o kg:region/rdfs:label ?region ; kg:value 8.6 ; kg:indicator 'GDP'@zh }",
                 encoding="utf-8")
    r = runner.invoke(main, ["query", "--graph", str(SNAPSHOT), "-f", str(q), "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.output.replace("\r\n", "\n") == "region\n重庆高新区\n"


def test_cli_construct_gives_turtle(runner):
    r = runner.invoke(main, ["query", "--graph", str(SNAPSHOT), "CONSTRUCT WHERE { ?o a kg:Official ; rdfs:label ?n }"])
    assert r.exit_code == 0, r.output
    from rdflib import Graph

    assert len(Graph().parse(data=r.output, format="turtle")) == 18


def test_cli_queries_lists_and_prints(runner):
    r = runner.invoke(main, ["queries"])
    assert r.exit_code == 0
    names = [ln.split()[0] for ln in r.output.splitlines()]
    assert names == list(cookbook())
    assert "[-p indicator=…]" in r.output
    r = runner.invoke(main, ["queries", "ranking"])
    assert r.output == recipe("ranking").text


@pytest.mark.parametrize("args,message", [
    (["query", "--graph", str(SNAPSHOT), "INSERT DATA { <a> <b> <c> }"], "SPARQL UPDATE (INSERT) is refused"),
    (["query", "--graph", str(SNAPSHOT), "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"], "SERVICE is refused"),
    (["query", "--graph", str(SNAPSHOT), "LOAD <http://x/>"], "LOAD is refused"),
    (["query", "--graph", str(SNAPSHOT), "nope"], "no cookbook query 'nope'; choose one of: career, companies"),
    (["query", "--graph", str(SNAPSHOT), "officials", "-p", "x=1"], "unknown parameter 'x' for officials"),
    (["query", "--graph", str(SNAPSHOT), "counts", "--format", "ttl"], "format 'ttl' does not fit a SELECT query"),
    (["query", "--graph", "no/such.ttl", "counts"], "no/such.ttl: no such file"),
    (["query", "--store", "no/such/store", "counts"], "no store here"),
    (["remove", "nope", "--store", "no/such/store"], "no store here"),
])
def test_cli_errors_are_one_line(runner, args, message):
    r = runner.invoke(main, args)
    assert r.exit_code == 2, r.output
    assert message in r.output
    assert "Traceback" not in r.output
    assert len([ln for ln in r.output.splitlines() if ln.startswith("kg: error")]) == 1


def test_cli_query_needs_a_source(runner):
    r = runner.invoke(main, ["query", "counts"])
    assert r.exit_code == 2 and "--store DIR" in r.output
