"""The pipeline: a Document in, an Analysis out; many Analyses into one graph.

``analyse`` runs the extractors over one document in a fixed, short loop; ``build_graph``
streams documents from the inputs, resolves entities across them and returns the graph
with a summary.
"""

from __future__ import annotations

import bisect
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.extract import indicators, initiatives, officials, organisations, projects, regions
from kg.model import (
    COMPANY,
    INITIATIVE,
    OFFICIAL,
    PROJECT,
    Analysis,
    Attribution,
    Document,
    Mention,
    Observation,
    Post,
)
from kg.overlap import filter_spans
from kg.text import is_heading_like, lines, sections_from_speakers, sentences

if TYPE_CHECKING:
    from rdflib import Graph

log = logging.getLogger(__name__)

MAX_SENTENCE = 2000  # characters; longer "sentences" (no punctuation) are cut for the tokenizer


def analyse(doc: Document) -> Analysis:
    """Run every extractor over one document.

    >>> from kg.ingest import make_document
    >>> a = analyse(make_document("江津区委书记 李应兰\\n江津区前三季度GDP增长7%。", "x"))
    >>> [(p.official, p.title) for p in a.posts]
    [('李应兰', '区委书记')]
    >>> [(o.indicator, o.value, o.unit) for o in a.observations]
    [('GDP', 7.0, '%')]
    """
    text = doc.text
    gaz = regions.gazetteer()
    spans = [(s.start, min(s.end, s.start + MAX_SENTENCE)) for s in sentences(text)]
    region_forms = {span: list(regions.candidates(text, span[0], span[1], gaz)) for span in spans}
    ctx = regions.document_context(text, gaz, [c for cs in region_forms.values() for c in cs])
    an = Analysis(doc)

    # 1. speaker headings cut the document into sections
    speakers = []
    for s, e in lines(text):
        hit = officials.speaker_line(text[s:e])
        if hit:
            posts_text, name = hit
            posts = officials.parse_posts(posts_text, ctx, None, gaz)
            if posts:
                speakers.append((s, e, name, tuple((p.label, p.title, p.region) for p in posts)))
    an.sections = sections_from_speakers(text, speakers)
    for sec in an.sections:
        region = _section_region(sec.posts, gaz) or ctx.main or ""
        if region:
            an.section_regions[sec.index] = region
        for label, title, reg in sec.posts:
            line_end = text.find("\n", sec.speaker_start)
            an.posts.append(Post(sec.speaker, label, title, reg, sec.start, line_end if line_end > 0 else len(text)))
        if sec.speaker:
            an.mentions.append(Mention(sec.speaker_start, sec.speaker_end, text[sec.speaker_start:sec.speaker_end],
                                       OFFICIAL, sec.speaker, "officials.heading", 2))

    all_lines = list(lines(text))
    # titles and headings of a longer text are slogans; a one-line text is content
    heading_spans = [(s, e) for s, e in all_lines if is_heading_like(text[s:e])] if len(all_lines) >= 3 else []
    period_default = indicators.document_period(text)

    # 2. sentence by sentence
    found: list[Mention] = []
    sentence_regions: list[tuple[int, int, tuple[str, ...]]] = []
    places = _Places(gaz)
    for sec in an.sections:
        sec_region = an.section_regions.get(sec.index)
        places.section(sec_region, bool(sec.speaker))
        for sent in sentences(text, sec.start, sec.end, sec.index):
            if sent.end - sent.start > MAX_SENTENCE:
                sent = type(sent)(sent.start, sent.start + MAX_SENTENCE, sent.section)
            an.sentences.append(sent)
            s, e = sent.start, sent.end
            forms = region_forms.get((s, e))
            if forms is None:
                forms = list(regions.candidates(text, s, e, gaz))
            sent_regions = [rm for rs, re_, form in forms
                            if (rm := regions.resolve(text, rs, re_, form, ctx, gaz)) is not None]
            found.extend(sent_regions)
            hits: list[officials.OfficialHit] = []
            if not officials.speaker_line(text[s:e]):
                hits = list(officials.officials_in(text, s, e, ctx, sec_region, gaz))
                hits += officials.officials_before_title(text, s, e)
                for oh in hits:
                    found.append(Mention(oh.name_start, oh.name_end, oh.name, OFFICIAL, oh.name, "officials.text", 1))
                    for p in oh.posts:
                        an.posts.append(Post(oh.name, p.label, p.title, p.region, s, e))
            segments = places.sentence(text, s, e, hits, sent_regions)
            sentence_regions.extend(segments)
            heading = any(hs <= s and e <= he for hs, he in heading_spans)
            if heading:
                continue
            found.extend(projects.find_projects(text, s, e))
            found.extend(organisations.find_companies(text, s, e))
            found.extend(initiatives.find_initiatives(text, s, e))
            for f in indicators.figures(text, s, e):
                for region in _region_at(segments, f.start):
                    an.observations.append(Observation(region, _indicator(f.indicator, gaz), f.value, f.unit, f.measure,
                                                       indicators.period_of(text, f.start, period_default), s, e, f.text))
    kept = filter_spans(an.mentions + found)
    # a company named inside a project's name (中国电信数字产业基地 -> 中国电信)
    # and a region named inside it (唐山港 -> 唐山市), which also places it
    extra: list[Mention] = []
    inner_region: dict[tuple[int, int], str] = {}
    for m in kept:
        if m.cls == PROJECT:
            for c in organisations.find_companies(text, m.start, m.end):
                if c.source in ("companies.suffix", "companies.brand") and c.end < m.end:
                    extra.append(c)
                    an.links.append((PROJECT, m.key, COMPANY, c.key))
            owner = organisations.owner_before_place(text, m.start, m.end, gaz)
            if owner is not None:
                extra.append(owner)  # 比亚迪郑州基地: a company's site in a place
                an.links.append((PROJECT, m.key, COMPANY, owner.key))
            for rs, re_, form in gaz.scan(text, m.start, m.end):
                r = regions.resolve(text, rs, re_, form, ctx, gaz)
                # a county's short form inside a name is often another name's piece (巴南高铁)
                if r is None or r.key == regions.COUNTRY or (form not in gaz.full and gaz[r.key].level == "county"):
                    continue
                extra.append(r)
                inner_region.setdefault((m.start, m.end), r.key)
    an.mentions = sorted(set(kept + extra), key=lambda m: (m.start, m.end, m.cls, m.key))
    for m in an.mentions:
        an.aliases.setdefault((m.cls, m.key), set()).add(_surface(m))
    # 3. attribution: each project, company and initiative to its section's region
    for m in an.mentions:
        if m.cls in (PROJECT, COMPANY, INITIATIVE):
            where = _region_at(sentence_regions, m.start)
            inner = inner_region.get((m.start, m.end))
            if inner and any(_within(inner, p, gaz) and inner != p for p in where):
                where = (inner,)  # the more local place its name gives
            for region in where:
                an.attributions.append(Attribution(m.cls, m.key, region, m.start, m.end))
    return an


def _indicator(ind: str, gaz: regions.Gazetteer) -> str:
    """Drop a region named at the front of an indicator (铜梁区前三季度GDP -> GDP)."""
    for s, e, _form in gaz.scan(ind, 0, min(len(ind), gaz.maxlen)):
        if s == 0 and e < len(ind):
            return indicators.clean_indicator(ind[e:]) or ind
        break
    return ind


def _surface(m: Mention) -> str:
    t = m.text
    if m.cls == INITIATIVE:
        return t.replace("“", "").replace("”", "").replace('"', "")
    return projects.normalise_name(t)


def _speaker_region(hit: officials.OfficialHit, sent_regions: list[Mention], gaz: regions.Gazetteer) -> str | None:
    """The region an official speaks for: the most local post's, else (a central post) the first
    region the sentence names (“刘金国在参加宁夏代表团审议时说”)."""
    best = _section_region(tuple((p.label, p.title, p.region) for p in hit.posts if p.region != regions.COUNTRY), gaz)
    if best:
        return best
    after = [m for m in sent_regions if m.start >= hit.name_end and m.key != regions.COUNTRY]
    return after[0].key if after else None


Segment = tuple[int, int, tuple[str, ...]]  # a stretch of text and the region(s) it is about


class _Places:
    """Which region(s) each stretch of a document is about.

    A clause that opens with a region makes it the topic from there to the end of the
    paragraph (“在陕西，…”, “吉林省围绕…”, “川渝两地…”); in a speech only places inside the
    speaker's region count (雄安新区 in 河北's report) and hold for their sentence. A paragraph
    that opens with an official (“天津市委书记陈敏尔在…说”) is about the official's region. In a
    report about many places a sentence that opens with none but names some (“位于福建厦门的
    厦金大桥…”) is about the most local of them.
    """

    def __init__(self, gaz: regions.Gazetteer):
        self.gaz = gaz
        self.joint: tuple[str, ...] = ()  # the regions last named together (川渝两地), for a later 两地
        self.default: tuple[str, ...] = ()
        self.topic: tuple[str, ...] = ()
        self.region: str | None = None
        self.speech = False

    def section(self, region: str | None, speech: bool) -> None:
        self.region, self.speech = region, speech
        self.default = (region,) if region else ()
        self.topic = self.default

    def sentence(self, text: str, s: int, e: int, hits: list[officials.OfficialHit],
                 found: list[Mention]) -> list[Segment]:
        """Return the segments of sentence ``text[s:e]`` with their regions."""
        gaz = self.gaz
        if _para_start(text, s):
            self.topic = self.default
            opener = next((h for h in hits if h.post_start <= s + 2), None) if not self.speech else None
            if opener is not None:
                spoken = _speaker_region(opener, found, gaz)
                self.topic = (spoken,) if spoken else self.topic
        segments: list[Segment] = []
        seg_start = s
        sentence_topic = self.topic
        for cs in [s] + [i + 1 for i in range(s, e - 1) if text[i] in "，,；;：:"]:
            opened = _opening_region(text, cs, min(e, cs + 24), found, gaz, self.joint, national=not self.speech)
            if self.speech:
                opened = tuple(k for k in opened if self.region and _within(k, self.region, gaz) and k != self.region)
            if opened:
                if cs > seg_start:
                    segments.append((seg_start, cs, self.topic))
                self.topic, seg_start = opened, cs
                if len(opened) > 1:
                    self.joint = opened
        last = self.topic
        if not self.speech and not segments and seg_start == s:
            last = _leaf_regions([m.key for m in found if m.key != regions.COUNTRY], gaz) or self.topic
        segments.append((seg_start, e, last))
        if self.speech or self.topic == (regions.COUNTRY,):
            self.topic = sentence_topic  # in a speech a place holds for its sentence only; so does 全国
        return segments


def _leaf_regions(keys: list[str], gaz: regions.Gazetteer) -> tuple[str, ...]:
    """The most local of the regions named (福建 and 厦门 -> 厦门), in text order, at most four."""
    uniq = list(dict.fromkeys(keys))
    leaves = [k for k in uniq if not any(o != k and _within(o, k, gaz) for o in uniq)]
    return tuple(leaves) if 0 < len(leaves) <= 4 else ()


def _para_start(text: str, s: int) -> bool:
    return s == 0 or text[s - 1] == "\n"


def _within(key: str, ancestor: str, gaz: regions.Gazetteer) -> bool:
    return any(r.key == ancestor for r in gaz.ancestors(key))


def _region_at(spans: list[tuple[int, int, tuple[str, ...]]], pos: int) -> tuple[str, ...]:
    i = bisect.bisect_right(spans, (pos, float("inf"), ())) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i][2]
    return ()


_TOPIC_LEAD = re.compile(
    r"(?:(?:今天|今年以来|今年|目前|近日|日前|近年来|此外|同时|另外|其中|与此同时|新春伊始|当前|截至目前|"
    r"前三季度|上半年|一季度|三季度|1[—\-－]9月|1[—\-－]6月|(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月)?(?:以来)?)[，,]?"
    r"|[（(][^）)]{0,12}[）)])*(?:在|据|走进|来到|地处)?"
)


def _opening_region(text: str, s: int, e: int, found: list[Mention], gaz: regions.Gazetteer,
                    joint: tuple[str, ...] = (), national: bool = False) -> tuple[str, ...]:
    """The region(s) a clause opens with, after time words: “今天，在陕西，…” -> (陕西省,);
    “川渝两地…”, “重庆、四川两地…” -> both; “两地…” -> the regions last named together.

    ``found`` holds the sentence's region mentions, in text order."""
    lead = _TOPIC_LEAD.match(text, s, e)
    at = lead.end() if lead else s
    j = regions.joint_regions(text, at, e)
    if j:
        return j[2]
    if text.startswith(("两地", "三地"), at) and joint:
        return joint
    keys: list[str] = []
    pos = at
    for m in found:
        if m.start < at:
            continue
        if m.start != pos or (m.key == regions.COUNTRY and not (national and not keys and m.text == "全国")
                                 or _RANK_AFTER.match(text, m.end)):
            break  # only 全国 opens a national passage (全国地级及以上城市…); 我国 is rhetoric, 全国首个 a rank
        if keys and m.start == pos and text[pos - 1 : pos] not in ("、", "和", "与") and _within(m.key, keys[-1], gaz):
            keys[-1] = m.key  # 浙江湖州安吉县: the most local of a chain
        else:
            keys.append(m.key)
        pos = m.end
        if text[pos : pos + 1] in ("、", "和", "与"):
            pos += 1
        if m.key == regions.COUNTRY:
            break
    if len(keys) > 1 and text.startswith(("两地", "三地", "四地", "等地"), pos):
        return tuple(keys)
    if _COMPOUND.match(text, pos):
        return ()  # 武汉都市圈, 成渝地区: the place names a larger thing, not the passage's topic
    return tuple(keys[:1])


_RANK_AFTER = re.compile(r"(?:首个|首家|首批|首条|首座|第一|领先|前列|最大|最早|唯一|百强|十强)")
_COMPOUND = re.compile(r"(?:都市圈|城市群|经济圈|经济带|地区|片区|新城|科学城|城区|都市区|港|机场|站)")


def _section_region(posts: tuple, gaz: regions.Gazetteer) -> str | None:
    best = None
    for _label, _title, reg in posts:
        r = gaz.get(reg)
        if r is not None and (best is None or r.rank > gaz[best].rank):
            best = reg
    return best


@dataclass
class BuildResult:
    """A built graph and what went into it."""

    graph: Graph
    documents: int = 0
    failed: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    facts: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


def build_graph(inputs: Iterable[str | Path], base: str | None = None,
                on_error: Callable[[InputError], None] | None = None,
                progress: Callable[[int], None] | None = None) -> BuildResult:
    """Read every input, analyse each document and return one merged graph.

    Raises:
        InputError: when no document could be read from the inputs.
    """
    from kg.graph import to_graph
    from kg.ingest import iter_documents
    from kg.resolve import Resolver

    t0 = time.perf_counter()
    failed: list[str] = []

    def err(e: InputError) -> None:
        failed.append(str(e))
        if on_error:
            on_error(e)
        else:
            log.error("%s", e)

    resolver = Resolver(base)
    n = 0
    notes: list[str] = []
    for doc in iter_documents(inputs, err):
        an = analyse(doc)
        resolver.add(an)
        notes.extend(f"{doc.source}: {note}" for note in doc.notes)
        n += 1
        if progress:
            progress(n)
    if n == 0:
        raise InputError("no document could be read from the inputs" + (f" ({failed[0]})" if failed else ""))
    g = to_graph(resolver)
    counts = resolver.counts()
    res = BuildResult(g, n, failed, counts, resolver.fact_count(), time.perf_counter() - t0, notes)
    return res
