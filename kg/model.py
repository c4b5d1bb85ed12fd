"""Frozen records that flow through the pipeline: text -> Document -> mentions -> facts.

All positions are character offsets into ``Document.text`` (end exclusive).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Ontology class names used as mention labels (kept in step with kg.ontology by a test).
OFFICIAL = "Official"
REGION = "Region"
COMPANY = "Company"
PROJECT = "Project"
INITIATIVE = "Initiative"
ENTITY_CLASSES = (OFFICIAL, REGION, COMPANY, PROJECT, INITIATIVE)


@dataclass(frozen=True)
class Document:
    """One input article after decoding and clean-up."""

    id: str  # stable: derived from the text's hash unless the corpus gives one
    text: str
    source: str = ""  # file path, corpus id or "-"
    title: str = ""
    date: str = ""
    notes: tuple[str, ...] = ()  # repairs made while reading (dropped pull quotes, ...)
    written: str = ""  # the text as written when ``text`` reads it otherwise (traditional -> simplified), same offsets


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence(Span):
    section: int  # index into the document's sections


@dataclass(frozen=True)
class Section(Span):
    index: int
    heading: str = ""
    speaker: str = ""  # name of the speaker, if the section is a speech
    speaker_start: int = -1
    speaker_end: int = -1
    posts: tuple[tuple[str, str, str], ...] = ()  # (full post, title, region key) of the speaker


@dataclass(frozen=True)
class Mention(Span):
    """A typed span of text. ``key`` is the canonical name (or GB code for regions)."""

    text: str
    cls: str
    key: str
    source: str = ""  # which extractor found it (overlap tie-break)
    priority: int = 0


@dataclass(frozen=True)
class Post:
    """An official holding a post, read from a heading or running text."""

    official: str  # canonical name
    label: str  # the full post as written (江津区委书记)
    title: str  # bare role (区委书记)
    region: str  # region key (GB code or zone key)
    start: int  # offsets of the evidence (the sentence or heading line)
    end: int
    named: bool = True  # the post names its region (江津区委书记, 俄罗斯总统), not read from context
    former: bool = False  # held before the text's time (原副市长, 曾任…): kg:formerPosition, not kg:holdsPosition


@dataclass(frozen=True)
class Observation:
    """A reported figure about a region."""

    region: str  # region key
    indicator: str
    value: float
    unit: str
    measure: str  # growth | level | count | share
    period: str
    start: int  # evidence sentence offsets
    end: int
    text: str = ""  # the figure as written (8.6%)


@dataclass(frozen=True)
class Attribution:
    """A project, company or initiative tied to the region whose passage names it."""

    cls: str
    key: str
    region: str
    start: int
    end: int


@dataclass(frozen=True)
class DocEntity:
    """One entity as one document names it: its key, label and forms there, and where."""

    cls: str
    key: str  # canonical name within the document (or GB code for regions)
    label: str  # the name as written (traditional stays traditional)
    aliases: tuple[str, ...]  # other forms the document uses
    sections: tuple[int, ...]  # section indexes that name it
    evidence: tuple[int, int]  # the first sentence that names it


@dataclass(frozen=True)
class PlaceDef:
    """A region a document names that the national list lacks (a new area, a village)."""

    key: str
    name: str
    level: str
    parent: str


@dataclass(frozen=True)
class DocRecord:
    """What crosses a process boundary: everything one document contributes to the graph.

    Small and picklable (tuples of frozen records, no text but the evidence sentences), so a
    worker (a process, a Dask task) analyses a document and the reducer merges the records of
    a corpus without holding any text. ``sentences`` maps every evidence span the record
    refers to, ``(start, end)``, to its text as written.
    """

    id: str
    source: str
    title: str
    date: str
    sha256: str
    length: int
    notes: tuple[str, ...]
    sections: tuple[Section, ...]
    section_regions: tuple[tuple[int, str], ...]
    entities: tuple[DocEntity, ...]
    posts: tuple[Post, ...]
    observations: tuple[Observation, ...]
    attributions: tuple[Attribution, ...]
    links: tuple[tuple[str, str, str, str], ...]
    places: tuple[PlaceDef, ...]
    sentences: tuple[tuple[int, int, str], ...]
    # (key, kg.iri.slug(key)) of the entities named by key, made beside the record (kg.flow) so the
    # reducer, one process for the whole corpus, does not run pypinyin for every new name
    slugs: tuple[tuple[str, str], ...] = ()

    def sentence(self, start: int, end: int) -> str:
        """Return the evidence text of span ``(start, end)``."""
        for s, e, t in self.sentences:
            if s == start and e == end:
                return t
        raise KeyError((start, end))


@dataclass
class Analysis:
    """Everything read from one document, before entities are merged across documents."""

    doc: Document
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    section_regions: dict[int, str] = field(default_factory=dict)
    aliases: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (cls, key) -> surface forms
    links: list[tuple[str, str, str, str]] = field(default_factory=list)  # (cls, key, cls2, key2) e.g. project->company
    places: list[PlaceDef] = field(default_factory=list)  # regions read from this document (new areas, villages)
