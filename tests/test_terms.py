"""Plain terms (kg.terms) are written to the byte as rdflib's terms of the same triple."""

from __future__ import annotations

import pytest
from rdflib import XSD, Literal, URIRef

from kg.export.lines import Terms, line, prefix_table
from kg.export.nquads import nt_term
from kg.graph import _date, _int, _plain, _value, _zh
from kg.terms import Lit, from_rdflib, to_rdflib

S = "https://w3id.org/kg-cn/id/official/wang-wu"
P = "https://w3id.org/kg-cn/ontology#evidence"
HOSTILE = 'a "q" \\ \n\r\t\b\f \x00\x1f\x7f \u2028\u2029\x85 <script>x</script> 𠮷 😀 \ufeff\ufffe \ud800 end'


@pytest.mark.parametrize(
    "plain,rdflib_term",
    [
        (_zh("重庆市江津区委书记 王五"), Literal("重庆市江津区委书记 王五", lang="zh")),
        (_zh(HOSTILE), Literal(HOSTILE, lang="zh")),
        (_plain(HOSTILE), Literal(HOSTILE)),
        (_plain(""), Literal("")),
        (_int(0), Literal(0)),
        (_int(-12), Literal(-12)),
        (_int(10**30), Literal(10**30)),
        (_int(True), Literal(True)),
        (_date("2024-03-01"), Literal("2024-03-01", datatype=XSD.date)),
        (_date("2022-02-30"), Literal("2022-02-30", datatype=XSD.date)),  # not a date: kept as written
        (_date("2021-13"), Literal("2021-13", datatype=XSD.gYearMonth)),
        (_date("2020"), Literal("2020", datatype=XSD.gYear)),
        (_value(7.5), Literal("7.5", datatype=XSD.decimal)),
        (_value(300.0), Literal("300", datatype=XSD.decimal)),
        (_value(1e-05), Literal("0.00001", datatype=XSD.decimal)),
        ("https://w3id.org/kg-cn/id/region/500116", URIRef("https://w3id.org/kg-cn/id/region/500116")),
        ('http://x/a b"<>{}|^`\\100%', URIRef('http://x/a b"<>{}|^`\\100%')),  # repaired, the same way
    ],
)
def test_plain_terms_are_written_as_rdflib_terms(plain, rdflib_term):
    terms = Terms(prefix_table("https://w3id.org/kg-cn/id/"))
    assert line(S, P, plain, terms) == line(URIRef(S), URIRef(P), rdflib_term, terms)
    assert nt_term(plain) == nt_term(rdflib_term)
    if isinstance(rdflib_term, Literal):
        assert from_rdflib(rdflib_term) == plain
    back = to_rdflib(plain)
    assert back == rdflib_term and type(back) is type(rdflib_term)


def test_a_lit_is_its_lexical_form_language_and_datatype():
    assert Lit("x") == ("x", "", "")
    assert to_rdflib(Lit("x", "zh")) == Literal("x", lang="zh")
