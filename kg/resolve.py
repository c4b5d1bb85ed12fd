"""The reduce step: document records in, one table of entities out. The only place IRIs are minted.

``Resolver.add`` takes the small per-document records (``kg.model.DocRecord``) in input order
and keeps, per entity, what is the same in every document (class, canonical name, label,
aliases, the documents' first sight); no text, no evidence. ``finalize`` merges the names seen
apart (a company's short name, a project with and without its region) and ``key`` maps any
(class, key) a record uses to its entity. An IRI comes from the entity's class and canonical
name (pinyin, plus a short hash so homophones never collide) or its GB/T 2260 code, so the same
input always gives the same IRIs, whatever engine or number of workers read it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg.extract.regions import Gazetteer, Region, gazetteer
from kg.iri import digest, slug
from kg.model import COMPANY, OFFICIAL, PROJECT, REGION, DocRecord
from kg.ontology import DEFAULT_BASE

__all__ = ["Entity", "Resolver", "digest", "slug"]


@dataclass
class Entity:
    cls: str
    key: str
    iri: str
    label: str
    aliases: set[str] = field(default_factory=set)


@dataclass
class PostRow:
    """A post held: the same in every document that reports it (the first one's wording)."""

    official: str  # official key
    label: str
    title: str
    region: str


class Resolver:
    """Collects document records and merges their entities."""

    def __init__(self, base: str | None = None, gaz: Gazetteer | None = None):
        self.base = base or DEFAULT_BASE
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*[/#]$", self.base):
            from kg.errors import ConfigError

            raise ConfigError(f"--base {self.base!r}: must be an absolute IRI ending in / or #, "
                              "e.g. https://example.org/kg/")
        self.gaz = (gaz or gazetteer()).local()  # the national list plus the places documents read
        self.entities: dict[tuple[str, str], Entity] = {}
        self.doc_ids: set[str] = set()
        self.documents = 0
        self.posts: dict[str, PostRow] = {}
        self.regions_used: set[str] = set()
        self.merged: dict[tuple[str, str], str] = {}  # (cls, key) -> key of the entity it was merged into
        self.observations = 0
        self._final = False

    # ------------------------------------------------------------ IRIs
    def iri(self, cls: str, key: str) -> str:
        if cls == REGION:
            if len(key) == 3 and key[0] == "F" and key[1:].isupper():
                return f"{self.base}country/{key[1:].lower()}"  # a foreign country: its ISO 3166 code
            return f"{self.base}region/{key.lower()}"
        return f"{self.base}{cls.lower()}/{slug(key)}-{digest(key)}"

    def doc_iri(self, doc_id: str) -> str:
        return f"{self.base}doc/{doc_id}"

    def section_iri(self, doc_id: str, index: int) -> str:
        return f"{self.base}doc/{doc_id}/s{index}"

    def position_iri(self, official: str, region: str, title: str) -> str:
        return (f"{self.base}position/{slug(official, 24)}-{digest(official, 6)}-{region.lower()}-"
                f"{slug(title, 24)}-{digest(title, 6)}")

    def observation_iri(self, doc_id: str, region: str, indicator: str, value: float, unit: str, start: int) -> str:
        return f"{self.base}obs/{doc_id}-{digest(f'{region}|{indicator}|{value}|{unit}|{start}', 12)}"

    # ------------------------------------------------------------ adding
    def seen(self, doc_id: str) -> bool:
        """Whether a document with this id was added already."""
        return doc_id in self.doc_ids

    def add(self, rec: DocRecord) -> bool:
        """Merge one document's record into the table; False when its id was added before."""
        if rec.id in self.doc_ids:
            return False  # the same text twice: nothing new
        self.doc_ids.add(rec.id)
        self.documents += 1
        for pl in rec.places:
            self.gaz.register(Region(pl.key, pl.name, pl.level, pl.parent or None, slug(pl.name, 30)))
        for e in rec.entities:
            ent = self.entities.get((e.cls, e.key))
            if ent is None:
                label = self.gaz[e.key].name if e.cls == REGION else e.label
                ent = self.entities[(e.cls, e.key)] = Entity(e.cls, e.key, self.iri(e.cls, e.key), label)
                if e.cls == REGION:
                    self.regions_used.update(r.key for r in self.gaz.ancestors(e.key))
            ent.aliases.update(a for a in e.aliases if a != ent.label)
            if e.cls != REGION and e.label != ent.label:
                ent.aliases.add(e.label)
        for p in rec.posts:
            piri = self.position_iri(p.official, p.region, p.title)
            if piri not in self.posts:
                self.posts[piri] = PostRow(p.official, p.label, p.title, p.region)
        self.observations += len(rec.observations)
        return True

    # ------------------------------------------------------------ merging
    def finalize(self) -> None:
        """Merge names seen apart (once; later calls do nothing).

        A company's short name absorbs the longer form (毕马威 and 毕马威资产评估); a project
        named with and without its region is one (重庆果园港 and 果园港); a name that is a fuller
        form another entity uses (亩均效益改革 for “亩均效益”) is that entity. A short form that
        one document teaches (长安 for 长安汽车) never captures the short name elsewhere.
        Chains of merges end at the shortest name.
        """
        if self._final:
            return
        self._final = True
        merge: dict[tuple[str, str], str] = {}
        projects = {k for c, k in self.entities if c == PROJECT}
        for k in sorted(projects):
            for s, e, _form in self.gaz.scan(k, 0, min(len(k), self.gaz.maxlen)):
                rest = k[e:]
                if s == 0 and len(rest) >= 3 and rest in projects and rest != k:
                    merge[(PROJECT, k)] = rest
                break
        companies = {k for c, k in self.entities if c == COMPANY}
        for k in sorted(companies):
            for i in range(2, len(k)):
                if k[:i] in companies:
                    merge[(COMPANY, k)] = k[:i]
                    break
        by_form: dict[tuple[str, str], str] = {}
        for (cls, key), ent in sorted(self.entities.items()):
            if cls in (REGION, OFFICIAL):
                continue
            for f in sorted(ent.aliases):
                if len(f) > len(key):  # a fuller form of this name
                    by_form.setdefault((cls, f), key)
        for (cls, key) in sorted(self.entities):
            dst = by_form.get((cls, key))
            if dst is not None and dst != key and (cls, key) not in merge:
                merge[(cls, key)] = dst

        def final(cls: str, key: str) -> str:
            seen = set()
            while (cls, key) in merge and key not in seen:
                seen.add(key)
                key = merge[(cls, key)]
            return key

        for cls, src in sorted(merge):
            dst = final(cls, src)
            if dst == src or (cls, src) not in self.entities or (cls, dst) not in self.entities:
                continue
            a = self.entities.pop((cls, src))
            b = self.entities[(cls, dst)]
            b.aliases |= a.aliases | {a.label}
            b.aliases.discard(b.label)
            self.merged[(cls, src)] = dst

    def key(self, cls: str, key: str) -> str:
        """Return the key of the entity that (class, key) of a record stands for."""
        return self.merged.get((cls, key), key)

    def entity(self, cls: str, key: str) -> Entity:
        return self.entities[(cls, self.key(cls, key))]

    # ------------------------------------------------------------ results
    def counts(self) -> Counter:
        c: Counter = Counter(e.cls for e in self.entities.values())
        c[REGION] = sum(1 for cl, k in self.entities if cl == REGION and not self.gaz[k].foreign)
        c["Country"] = sum(1 for cl, k in self.entities if cl == REGION and self.gaz[k].foreign)
        c["Position"] = len(self.posts)
        c["Observation"] = self.observations
        return c
