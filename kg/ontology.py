"""The vocabulary as code, and the ontology files that define it.

``KG`` is a closed namespace: ``KG.Oficial`` raises AttributeError, so a typo fails at once.
A test keeps ``KG`` and ``ontology/*.ttl`` in step.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import DefinedNamespace

NS = "https://w3id.org/kg-cn/ontology#"
DEFAULT_BASE = "https://w3id.org/kg-cn/id/"


class KG(DefinedNamespace):
    """Terms of the kg ontology (``ontology/kg.ttl``)."""

    _NS = Namespace(NS)
    _fail = True

    # classes
    Person: object
    Place: object
    Organization: object
    Official: object
    Position: object
    Region: object
    Country: object
    Province: object
    City: object
    District: object
    Zone: object
    GovernmentBody: object
    Company: object
    Project: object
    Initiative: object
    Observation: object
    MeasureType: object
    Document: object
    Section: object
    # measure individuals
    growth: object
    level: object
    count: object
    share: object
    # object properties
    holdsPosition: object
    inRegion: object
    postIn: object
    region: object
    measure: object
    speaker: object
    sectionRegion: object
    locatedIn: object
    implementedIn: object
    partOf: object
    mentionedIn: object
    document: object
    company: object
    # datatype properties
    title: object
    indicator: object
    value: object
    unit: object
    period: object
    evidence: object
    startOffset: object
    endOffset: object
    adminCode: object
    adminLevel: object
    sha256: object
    source: object
    heading: object


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
