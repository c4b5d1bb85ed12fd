"""Mentions to entities: aliases merged, one node per real entity across documents.

This is the only place IRIs are minted. An IRI is derived from the entity's class and
canonical name (pinyin, plus a short hash so homophones never collide) or its GB/T 2260
code, so the same input always gives the same IRIs.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from kg.extract.regions import Gazetteer, gazetteer
from kg.model import COMPANY, INITIATIVE, OFFICIAL, PROJECT, REGION, Analysis, Document, Section
from kg.ontology import DEFAULT_BASE


def slug(text: str, limit: int = 40) -> str:
    """Return a readable ASCII slug of ``text`` (pinyin for Han characters).

    >>> slug("李应兰")
    'li-ying-lan'
    """
    from pypinyin import Style, lazy_pinyin

    parts = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    out = re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")
    return out[:limit].rstrip("-") or "x"


def digest(text: str, n: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


@dataclass
class Entity:
    cls: str
    key: str
    iri: str
    label: str
    aliases: set[str] = field(default_factory=set)
    sections: set[tuple[str, int]] = field(default_factory=set)  # (doc id, section index)
    evidence: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # doc id -> first sentence


@dataclass
class DocRecord:
    doc: Document
    sections: list[Section]
    section_regions: dict[int, str]


class Resolver:
    """Collects analyses and merges their mentions into entities."""

    def __init__(self, base: str | None = None, gaz: Gazetteer | None = None):
        self.base = base or DEFAULT_BASE
        if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*[/#]$", self.base):
            from kg.errors import ConfigError

            raise ConfigError(f"--base {self.base!r}: must be an absolute IRI ending in / or #, "
                              "e.g. https://example.org/kg/")
        self.gaz = gaz or gazetteer()
        self.entities: dict[tuple[str, str], Entity] = {}
        self.docs: dict[str, DocRecord] = {}
        self.posts: dict[str, tuple] = {}  # iri -> (official key, label, title, region, doc, start, end, evidence)
        self.observations: dict[str, tuple] = {}
        self.attributions: set[tuple[str, str, str]] = set()
        self.links: set[tuple[str, str, str, str]] = set()
        self.regions_used: set[str] = set()
        self._alias_index: dict[tuple[str, str], str] = {}

    # ------------------------------------------------------------ IRIs
    def iri(self, cls: str, key: str) -> str:
        if cls == REGION:
            return f"{self.base}region/{key.lower()}"
        return f"{self.base}{cls.lower()}/{slug(key)}-{digest(key)}"

    def doc_iri(self, doc_id: str) -> str:
        return f"{self.base}doc/{doc_id}"

    def section_iri(self, doc_id: str, index: int) -> str:
        return f"{self.base}doc/{doc_id}/s{index}"

    # ------------------------------------------------------------ adding
    def canonical(self, cls: str, key: str) -> str:
        return self._alias_index.get((cls, key), key)

    def entity(self, cls: str, key: str, surface: str | None = None, label: str | None = None) -> Entity:
        key = self.canonical(cls, key)
        ent = self.entities.get((cls, key))
        if ent is None:
            label = self.gaz[key].name if cls == REGION else (label or key)
            ent = Entity(cls, key, self.iri(cls, key), label)
            self.entities[(cls, key)] = ent
            if cls == REGION:
                self._add_region_chain(key)
        if surface and surface != ent.label:
            ent.aliases.add(surface)
            self._alias_index.setdefault((cls, surface), key)
        return ent

    def _add_region_chain(self, key: str) -> None:
        for r in self.gaz.ancestors(key):
            self.regions_used.add(r.key)

    def add(self, an: Analysis) -> None:
        """Merge one document's analysis into the entities seen so far."""
        doc = an.doc
        if doc.id in self.docs:
            return  # the same text twice: nothing new
        self.docs[doc.id] = DocRecord(doc, an.sections, an.section_regions)
        # names and sentences as written (traditional stays traditional); keys as read
        text = doc.written or doc.text
        sents = sorted(an.sentences, key=lambda s: s.start)

        def sentence_of(pos: int) -> tuple[int, int]:
            lo, hi = 0, len(sents) - 1
            while lo <= hi:
                mid = (lo + hi) // 2
                s = sents[mid]
                if s.end <= pos:
                    lo = mid + 1
                elif s.start > pos:
                    hi = mid - 1
                else:
                    return s.start, s.end
            return pos, min(len(text), pos + 1)

        for reg in an.section_regions.values():
            self.entity(REGION, reg)
        # initiatives: the quoted name is canonical; its forms with head nouns are aliases
        for (cls, key), forms in sorted(an.aliases.items()):
            for f in sorted(forms):
                if f != key:
                    self._alias_index.setdefault((cls, f), self.canonical(cls, key))
        for m in an.mentions:
            written = text[m.start : m.end] if doc.written else None
            ent = self.entity(m.cls, m.key, None, label=written if m.cls in (OFFICIAL, COMPANY) else None)
            if written and m.cls != INITIATIVE:
                ent.aliases |= {written, ent.key} - {ent.label}  # both the written and the read form
            for f in sorted(an.aliases.get((m.cls, m.key), ())):
                if f != ent.label:
                    ent.aliases.add(f)
            sec = _section_index(an.sections, m.start)
            ent.sections.add((doc.id, sec))
            if doc.id not in ent.evidence:
                ss, se = sentence_of(m.start)
                ent.evidence[doc.id] = (ss, se, text[ss:se])
        for p in an.posts:
            off = self.entity(OFFICIAL, p.official)
            off.sections.add((doc.id, _section_index(an.sections, p.start)))
            self.entity(REGION, p.region)
            piri = f"{self.base}position/{slug(p.official, 24)}-{digest(p.official, 6)}-{p.region.lower()}-{slug(p.title, 24)}-{digest(p.title, 6)}"
            if piri not in self.posts:
                self.posts[piri] = (off.key, p.label, p.title, p.region, doc.id, p.start, p.end, text[p.start:p.end])
                if doc.id not in off.evidence:
                    off.evidence[doc.id] = (p.start, p.end, text[p.start:p.end])
        for o in an.observations:
            self.entity(REGION, o.region)
            oid = f"{self.base}obs/{doc.id}-{digest(f'{o.region}|{o.indicator}|{o.value}|{o.unit}|{o.start}', 12)}"
            self.observations[oid] = (o, doc.id, _section_index(an.sections, o.start), text[o.start:o.end])
        for a in an.attributions:
            self.entity(REGION, a.region)
            self.attributions.add((a.cls, self.canonical(a.cls, a.key), a.region))
        for cls, key, cls2, key2 in an.links:
            self.links.add((cls, self.canonical(cls, key), cls2, self.canonical(cls2, key2)))

    # ------------------------------------------------------------ results
    def finalize(self) -> None:
        """Merge aliases seen apart: a company's short name (毕马威 for 毕马威资产评估); a project
        named with and without its region (重庆果园港 and 果园港). Chains of merges end at the
        shortest name; attributions and links are rewritten once."""
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

        def final(cls: str, key: str) -> str:
            seen = set()
            while (cls, key) in merge and key not in seen:
                seen.add(key)
                key = merge[(cls, key)]
            return key

        moved: dict[tuple[str, str], str] = {}
        for cls, src in sorted(merge):
            dst = final(cls, src)
            if dst == src or (cls, src) not in self.entities or (cls, dst) not in self.entities:
                continue
            a = self.entities.pop((cls, src))
            b = self.entities[(cls, dst)]
            b.aliases |= a.aliases | {a.label}
            b.aliases.discard(b.label)
            b.sections |= a.sections
            for d, ev in a.evidence.items():
                b.evidence.setdefault(d, ev)
            self._alias_index[(cls, src)] = dst
            moved[(cls, src)] = dst
        if moved:
            self.attributions = {(c, moved.get((c, k), k), r) for c, k, r in self.attributions}
            self.links = {(c1, moved.get((c1, k1), k1), c2, moved.get((c2, k2), k2)) for c1, k1, c2, k2 in self.links}

    def counts(self) -> Counter:
        c: Counter = Counter(e.cls for e in self.entities.values())
        c[REGION] = len(self.regions_used | {k for cl, k in self.entities if cl == REGION})
        c["Position"] = len(self.posts)
        c["Observation"] = len(self.observations)
        return c

    def fact_count(self) -> int:
        return len(self.posts) + len(self.observations) + len(self.attributions)


def _section_index(sections: list[Section], pos: int) -> int:
    for s in sections:
        if s.start <= pos < s.end:
            return s.index
    return 0


ENTITY_CLASSES = (OFFICIAL, REGION, COMPANY, PROJECT, INITIATIVE)
