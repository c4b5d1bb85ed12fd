"""The vocabulary as code, and the ontology files that define it.

``KG`` is a closed namespace: ``KG.Oficial`` raises AttributeError, so a typo fails at once.
A test keeps ``KG`` and ``ontology/*.ttl`` in step.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace

NS = "https://w3id.org/kg-cn/ontology#"
DEFAULT_BASE = "https://w3id.org/kg-cn/id/"


class KG(DefinedNamespace):
    """Terms of the kg ontology (``ontology/kg.ttl``)."""

    _NS = Namespace(NS)
    _fail = True

    # classes
    Person: URIRef
    Place: URIRef
    Organization: URIRef
    Official: URIRef
    Position: URIRef
    Region: URIRef
    Country: URIRef
    Province: URIRef
    City: URIRef
    District: URIRef
    Zone: URIRef
    GovernmentBody: URIRef
    Company: URIRef
    Project: URIRef
    Initiative: URIRef
    Observation: URIRef
    MeasureType: URIRef
    Document: URIRef
    Section: URIRef
    ReportDate: URIRef
    # measure individuals
    growth: URIRef
    level: URIRef
    count: URIRef
    share: URIRef
    # object properties
    holdsPosition: URIRef
    formerPosition: URIRef
    inRegion: URIRef
    postIn: URIRef
    region: URIRef
    measure: URIRef
    speaker: URIRef
    sectionRegion: URIRef
    locatedIn: URIRef
    implementedIn: URIRef
    partOf: URIRef
    mentionedIn: URIRef
    document: URIRef
    company: URIRef
    # datatype properties
    title: URIRef
    indicator: URIRef
    value: URIRef
    unit: URIRef
    period: URIRef
    evidence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    adminCode: URIRef
    adminLevel: URIRef
    sha256: URIRef
    firstSeen: URIRef
    lastSeen: URIRef
    source: URIRef
    heading: URIRef


# Each term as a plain class attribute: DefinedNamespace resolves an attribute in __getattr__ with
# its checks on every access (15 µs; the emit step reads a million of them); a name that is not a
# term still goes there and fails.
for _term in KG.__annotations__:
    type.__setattr__(KG, _term, KG[_term])
del _term


def ontology_dir() -> Path:
    """Return the folder holding the ontology ``.ttl`` files (``ontology/``, packaged as ``kg/ontology_files``)."""
    return Path(str(resources.files("kg").joinpath("ontology_files")))


@lru_cache(maxsize=1)
def load_ontology() -> Graph:
    """Parse every ontology file into one graph (cached; do not mutate the result)."""
    g = Graph()
    for f in sorted(ontology_dir().glob("*.ttl")):
        g.parse(f, format="turtle")
    return g
