"""Entities merged across aliases and documents; IRIs from class and name."""

from __future__ import annotations

import pytest

from kg.graph import Emitter
from kg.ingest import make_document
from kg.pipeline import record
from kg.resolve import Resolver, slug


def resolve(texts: list[str]) -> Resolver:
    r = Resolver()
    for t in texts:
        r.add(record(make_document(t, "x")))
    r.finalize()
    return r


def attributions(texts: list[str]) -> set[tuple[str, str, str]]:
    r = Resolver()
    recs = [record(make_document(t, "x")) for t in texts]
    for rec in recs:
        r.add(rec)
    em = Emitter(r)
    for rec in recs:
        list(em.document(rec))
    return em.attributions


@pytest.mark.parametrize(
    "texts,cls,expected",
    [
        # a project named with one, two or no region prefixes is one project (chained merges)
        (["建设乌海抽水蓄能电站。", "建设内蒙古乌海抽水蓄能电站。", "建设内蒙古自治区乌海抽水蓄能电站。"], "Project",
         {"乌海抽水蓄能电站"}),
        # a company's short name absorbs its legal form and a leading place; a longer name is another firm
        (["引进中国电信集团有限公司等4家企业。", "中国电信集团和中国移动公司签约。"], "Company",
         {"中国电信集团", "中国移动公司"}),
        (["引进德国宝马集团等4家企业。", "支持宝马集团等企业。"], "Company", {"宝马集团"}),
        (["引进毕马威资产评估等4家机构。", "支持毕马威等企业。"], "Company", {"毕马威", "毕马威资产评估"}),
        # a programme's plan named by its title and the programme are one
        (["商务部等5部门发布《城市商业提质行动方案》。", "各地实施城市商业提质行动。"], "Initiative", {"城市商业提质行动"}),
        # the same text twice is one document
        (["江津区委书记 王五\n江津区GDP增长7%。", "江津区委书记 王五\n江津区GDP增长7%。"], "Official", {"王五"}),
    ],
)
def test_merges(texts, cls, expected):
    r = resolve(texts)
    assert {k for c, k in r.entities if c == cls} == expected


def test_attributions_follow_merges():
    got = attributions(["重庆市江津区委书记 王五\n建设江津港。", "重庆市江津区委书记 王五\n建设重庆江津港。"])
    assert {(c, k) for c, k, _r in got if c == "Project"} == {("Project", "江津港")}


@pytest.mark.parametrize("name,expected", [("李应兰", "li-ying-lan"), ("360", "360"), ("中環万象城", "zhong-huan-wan-xiang-cheng")])
def test_slug(name, expected):
    assert slug(name) == expected


def test_iri_is_stable_and_distinct_for_homophones():
    r = Resolver()
    a, b = r.iri("Official", "李电"), r.iri("Official", "李殿")
    assert a != b and a == Resolver().iri("Official", "李电")
