"""RDF terms as plain values, the emit step's: an IRI is a ``str``, a literal a ``Lit``.

A corpus's emit makes millions of terms only to write them out again as text. rdflib's terms check
and cast as they are made (a URIRef validates its characters, a Literal parses its lexical form),
and reading their language and datatype back goes through properties; plain strings and a named
tuple cost next to nothing. The writers (``kg.export.lines``, ``kg.export.nquads``) take these and
rdflib's terms alike, with the same bytes; ``to_rdflib`` makes rdflib's where a Graph is wanted.

A ``Lit``'s text is its lexical form exactly as rdflib holds it (``str(Literal(...))``): a typed
literal whose form rdflib would normalise (a date, a decimal) is made with ``from_rdflib``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from rdflib import Literal, URIRef

XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


class Lit(NamedTuple):
    """A literal: its lexical form, and a language tag or a datatype IRI ("" for none)."""

    text: str
    lang: str = ""
    datatype: str = ""  # "" for a plain literal (xsd:string) or a language-tagged one


Term = str | Lit
Triple = tuple[str, str, Term]  # (subject IRI, predicate IRI, object)


def from_rdflib(lit: Literal) -> Lit:
    """The ``Lit`` of an rdflib Literal (its lexical form, language and datatype as rdflib made them).

    >>> from rdflib import Literal, XSD
    >>> from_rdflib(Literal("2024-3-1", datatype=XSD.gYearMonth))
    Lit(text='2024-3-1', lang='', datatype='http://www.w3.org/2001/XMLSchema#gYearMonth')
    """
    return Lit(str(lit), lit.language or "", str(lit.datatype) if lit.datatype is not None else "")


def to_rdflib(t: Term) -> URIRef | Literal:
    """The rdflib term of a plain one (an IRI as URIRef, a ``Lit`` as Literal)."""
    from rdflib import Literal, URIRef

    if isinstance(t, Lit):
        # (normalize=False: the text is a lexical form rdflib made already; kept as it is)
        return Literal(t.text, lang=t.lang or None, datatype=t.datatype or None, normalize=False)
    return URIRef(t)
