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
from kg.model import COMPANY, INITIATIVE, OFFICIAL, PROJECT, REGION, DocRecord, Post
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
    former: bool = False  # reported as held before (kg:formerPosition)
    dates: set[str] = field(default_factory=set)  # the dates of the documents that report it (YYYY-MM-DD)


def held_posts(rec: DocRecord) -> list[tuple[Post, bool]]:
    """The posts of a record, each with whether the document reports it as held before (原副市长)
    and nowhere in the document as held now."""
    now = {(p.official, p.region, p.title) for p in rec.posts if not p.former}
    return [(p, p.former and (p.official, p.region, p.title) not in now) for p in rec.posts]


_BODY = re.compile(r"联合国|组织|联合会|理事会|联盟|委员会|秘书长|总干事|奥委会|论坛|协会")  # international bodies
_LEGAL_FORM = re.compile(r"(?:集团|控股)?(?:股份有限公司|有限责任公司|有限公司|集团公司|公司|集团|股份|控股)?")
_PROVINCE_LEADER = re.compile(r"^(?:省委|市委|党委|自治区党委)?(?:常务)?副?(?:书记|省长|市长|主席)$|^(?:省|市|自治区)?(?:人大常委会主任|政协主席)$")
_SENIOR = re.compile(r"(?:书记|省长|市长|州长|区长|县长|主席|主任|部长|委员长|总理|常委|委员)$")


@dataclass(frozen=True)
class _Seen:
    """One document's mention of an official's name, as identity sees it."""

    doc: str
    anchors: frozenset[str]  # the provinces (GB code prefix) and foreign countries (F + ISO) of its posts
    senior: bool  # a head's post (书记, 省长, 部长 …)
    national: bool  # a national post (中国)
    leader: bool  # a province's leader (省委书记, 省长 …)
    chinese: bool  # a post in the text's own Chinese place, no place named


def _person_clusters(items: list[_Seen]) -> list[list[int]]:
    """Group one name's mentions (one per document) into people; the first group is the
    best-known person. See :meth:`Resolver._cluster_officials` for the rules."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    first_of: dict[str, int] = {}
    for i, it in enumerate(items):
        for a in sorted(it.anchors):
            if a in first_of:
                union(i, first_of[a])
            else:
                first_of[a] = i
    foreign = [i for i, it in enumerate(items) if any(a.startswith("F") for a in it.anchors)]
    countries = {a for i in foreign for a in items[i].anchors if a.startswith("F")}
    local = any(a[:1].isdigit() for it in items for a in it.anchors)
    if len(countries) == 1 and not local:
        # one foreign country and national posts of no Chinese place: 武文赏 主席 and 越南国家主席 are
        # one man (a foreign leader's title read as China's), not a Chinese official and a foreign one
        for i, it in enumerate(items):
            if it.national:
                union(i, foreign[0])
    nat = [i for i, it in enumerate(items) if it.national and i not in foreign
           and not (len(countries) == 1 and not local)]
    for i, it in enumerate(items):
        if nat and i not in foreign and (it.senior or not it.anchors):
            union(i, nat[0])
    leaders = [i for i, it in enumerate(items) if it.leader]
    for i in leaders[1:]:
        union(i, leaders[0])
    groups: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        if it.anchors or it.national:
            groups.setdefault(find(i), []).append(i)
    clusters = sorted(groups.values(), key=lambda g: (-len(g), _anchor_of(g, items)))
    if not clusters:
        clusters = [[]]

    def abroad(g: list[int]) -> bool:
        # a person seen only with foreign posts (a national post of China's makes them Chinese)
        return bool(g) and not any(items[i].national and not items[i].anchors for i in g) and \
            all(a.startswith("F") for i in g for a in items[i].anchors)

    home = next((k for k, g in enumerate(clusters) if not abroad(g)), None)
    assigned = {i for g in clusters for i in g}
    for i, it in enumerate(items):
        if i in assigned:
            continue
        if it.chinese and abroad(clusters[0]):
            if home is None:
                clusters.append([])
                home = len(clusters) - 1
            clusters[home].append(i)
        else:
            clusters[0].append(i)
    return clusters


def _anchor_of(group: list[int], items: list[_Seen]) -> str:
    anchors = sorted(a for i in group for a in items[i].anchors)
    return anchors[0] if anchors else "CN"


def _iso_date(d: str) -> str:
    """A document date as YYYY-MM-DD (or YYYY-MM, YYYY), or "" when it reads as none.

    >>> [_iso_date(x) for x in ("2022-01-05", "20220105", "2022年1月5日", "2022-13-01", "2022", "昨天")]
    ['2022-01-05', '2022-01-05', '2022-01-05', '2022', '2022', '']
    """
    d = (d or "").strip()
    m = re.match(r"([0-9]{4})([0-9]{2})([0-9]{2})(?![0-9])", d) or \
        re.match(r"([0-9]{4})(?![0-9])(?:[-/.年]([0-9]{1,2})(?![0-9])(?:[-/.月]([0-9]{1,2})(?![0-9]))?)?", d)
    if not m:
        return ""
    y, mo, da = m.group(1), m.group(2), m.group(3)
    if not mo or not 1 <= int(mo) <= 12:
        return y
    if not da or not 1 <= int(da) <= 31:
        return f"{y}-{int(mo):02d}"
    return f"{y}-{int(mo):02d}-{int(da):02d}"


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
        # officials: who is who across documents (finalize clusters the documents of one name)
        self._official_docs: dict[str, list[_Seen]] = {}  # name -> each document that names the official
        self.official_key: dict[tuple[str, str], str] = {}  # (doc id, name) -> the person's key
        self._raw_posts: dict[tuple[str, str, str, bool], tuple[str, dict[str, str]]] = {}  # (name, region, title, former) -> (first label, {doc: date})
        self.doc_dates: dict[str, str] = {}
        self.former_only: set[str] = set()  # officials reported only with former posts (after finalize)
        self.observations = 0
        self._final = False

    # ------------------------------------------------------------ IRIs
    def iri(self, cls: str, key: str, key_slug: str | None = None) -> str:
        """The IRI of entity (cls, key); ``key_slug`` is ``slug(key)`` when the caller has it."""
        if cls == REGION:
            if len(key) == 3 and key[0] == "F" and key[1:].isupper():
                return f"{self.base}country/{key[1:].lower()}"  # a foreign country: its ISO 3166 code
            return f"{self.base}region/{key.lower()}"
        ent = self.entities.get((cls, key))
        if ent is not None:
            return ent.iri  # made once, with this formula, when the entity was added (no pypinyin again)
        return f"{self.base}{cls.lower()}/{key_slug or slug(key)}-{digest(key)}"

    def doc_iri(self, doc_id: str) -> str:
        return f"{self.base}doc/{doc_id}"

    def section_iri(self, doc_id: str, index: int) -> str:
        return f"{self.base}doc/{doc_id}/s{index}"

    def position_iri(self, official: str, region: str, title: str, former: bool = False) -> str:
        """A post held (or, ``former``, reported as held before: a node of its own, with its own dates)."""
        return (f"{self.base}position/{slug(official, 24)}-{digest(official, 6)}-{region.lower()}-"
                f"{slug(title, 24)}-{digest(title, 6)}" + ("-former" if former else ""))

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
        slugs = dict(rec.slugs)
        for e in rec.entities:
            ent = self.entities.get((e.cls, e.key))
            if ent is None:
                label = self.gaz[e.key].name if e.cls == REGION else e.label
                ent = self.entities[(e.cls, e.key)] = Entity(e.cls, e.key, self.iri(e.cls, e.key, slugs.get(e.key)),
                                                             label)
                if e.cls == REGION:
                    self.regions_used.update(r.key for r in self.gaz.ancestors(e.key))
            ent.aliases.update(a for a in e.aliases if a != ent.label)
            if e.cls != REGION and e.label != ent.label:
                ent.aliases.add(e.label)
        date = _iso_date(rec.date)
        if date:
            self.doc_dates[rec.id] = date
        anchors: dict[str, set[str]] = {}
        senior: dict[str, bool] = {}
        national: dict[str, bool] = {}
        leader: dict[str, bool] = {}
        chinese: set[str] = set()
        for p, was in held_posts(rec):
            raw = self._raw_posts.get((p.official, p.region, p.title, was))
            if raw is None:
                raw = self._raw_posts[(p.official, p.region, p.title, was)] = (p.label, {})
            raw[1][rec.id] = date or ""
            r = self.gaz.get(p.region)
            abroad = r is not None and r.foreign
            if p.named:
                # a post that names its place, or a foreign one read from the country the sentence names
                anchors.setdefault(p.official, set()).update(self._anchor(p.region))
            elif not abroad and p.region != "CN":
                chinese.add(p.official)  # a post in the text's own place: a Chinese official, place unknown
            senior[p.official] = senior.get(p.official, False) or bool(_SENIOR.search(p.title))
            national[p.official] = national.get(p.official, False) or p.region == "CN"
            leader[p.official] = leader.get(p.official, False) or self._province_leader(p.title, p.region)
        for e in rec.entities:
            if e.cls == OFFICIAL:
                self._official_docs.setdefault(e.key, []).append(_Seen(
                    rec.id, frozenset(anchors.get(e.key, ())), senior.get(e.key, False), national.get(e.key, False),
                    leader.get(e.key, False), e.key in chinese and not anchors.get(e.key)))
        self.observations += len(rec.observations)
        return True

    def _province_leader(self, title: str, region: str) -> bool:
        r = self.gaz.get(region)
        return r is not None and r.level == "province" and bool(_PROVINCE_LEADER.search(title))

    def _anchor(self, region: str) -> set[str]:
        """What a post's region says of who holds it: the country for a foreign post, the province
        for a Chinese one; a national post (中国) says nothing (its holders served anywhere)."""
        r = self.gaz.get(region)
        if r is None or region == "CN":
            return set()
        if r.foreign:
            return {region}
        return {r.province}

    # ------------------------------------------------------------ merging
    def finalize(self) -> None:
        """Merge names seen apart (once; later calls do nothing).

        A company's short name absorbs the longer form (毕马威 and 毕马威资产评估); a programme's plan
        is the programme (…行动方案 and …行动); a project named with and without its region is one
        (重庆果园港 and 果园港); a name that is a fuller
        form another entity uses (亩均效益改革 for “亩均效益”) is that entity. A short form that
        one document teaches (长安 for 长安汽车) never captures the short name elsewhere.
        Chains of merges end at the shortest name.
        """
        if self._final:
            return
        self._final = True
        self._cluster_officials()
        # a person reported only with posts held before (原副市长, 前总统) holds none: a kg:Person
        held = {row.official for row in self.posts.values() if not row.former}
        self.former_only = {row.official for row in self.posts.values() if row.former} - held
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
                # 中国电信 and 中国电信集团有限公司 are one; a subsidiary (中国电信天翼云科技有限公司) is not
                if k[:i] in companies and _LEGAL_FORM.fullmatch(k[i:]):
                    merge[(COMPANY, k)] = k[:i]
                    break
            else:
                # 德国宝马集团 and 宝马集团, 内蒙古阿拉善左旗新井煤业有限公司 without its province: one firm
                for s0, e0, _form in self.gaz.scan(k, 0, min(len(k), self.gaz.maxlen)):
                    if s0 == 0 and len(k) - e0 >= 3 and k[e0:] in companies:
                        merge[(COMPANY, k)] = k[e0:]
                    break
        initiatives = {k for c, k in self.entities if c == INITIATIVE}
        for k in sorted(initiatives):
            if k.endswith("行动方案") and k[:-2] in initiatives:
                merge[(INITIATIVE, k)] = k[:-2]  # a programme's plan and the programme are one (…提升行动方案, …提升行动)
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

    def _cluster_officials(self) -> None:
        """One node per person. Two documents' mentions of one name are one person when their
        posts share a province (or a foreign country); a national post (中央, 国务院) joins its
        holder's senior Chinese posts, and leading two provinces is one career (习近平 in 福建 and as
        总书记; 许昆林 in 上海 and 江苏). Mentions whose post names no place go with the best-known
        person of that name, but a Chinese official never with a foreign one. Otherwise they are
        two people with two IRIs (李鹏 of a bank in 乌鲁木齐 and 李鹏 in 北京): the one with the most
        documents keeps the plain name as its key, the others get the name and their province or
        country (``李鹏@65``)."""
        for name, items in sorted(self._official_docs.items()):
            clusters = _person_clusters(items)
            for k, g in enumerate(clusters):
                ckey = name if k == 0 else f"{name}@{_anchor_of(g, items)}"
                for i in g:
                    self.official_key[(items[i].doc, name)] = ckey
                base = self.entities.get((OFFICIAL, name))
                if k and base is not None and (OFFICIAL, ckey) not in self.entities:
                    self.entities[(OFFICIAL, ckey)] = Entity(OFFICIAL, ckey, self.iri(OFFICIAL, ckey), base.label,
                                                             set(base.aliases))
        # posts: one node per (person, region, title), with the dates it was reported on
        for (name, region, title, was), (label, docs) in sorted(self._raw_posts.items()):
            for doc, date in sorted(docs.items()):
                who = self.official_key.get((doc, name), name)
                piri = self.position_iri(who, region, title, was)
                row = self.posts.get(piri)
                if row is None:
                    row = self.posts[piri] = PostRow(who, label, title, region, was)
                if date:
                    row.dates.add(date)

    def key(self, cls: str, key: str, doc: str | None = None) -> str:
        """Return the key of the entity that (class, key) of a record (of document ``doc``) stands for."""
        if cls == OFFICIAL and doc is not None:
            key = self.official_key.get((doc, key), key)
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
