"""The pipeline: a Document in, an Analysis out, then the small record that leaves the worker.

``analyse`` is a short loop over named components that share one signature,
``component(an, st) -> None``: each reads what the ones before it left in the Analysis ``an``
and the working state ``st``, and adds its own part (spaCy's ``Language.__call__`` is the
model). ``to_record`` turns an Analysis into the picklable ``DocRecord`` that the reducer
(``kg.resolve``) merges across a corpus.

    sections → sentences → regions → officials → places → names → figures → overlap → attribution
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from kg.extract import indicators, initiatives, officials, organisations, projects, regions
from kg.extract.names import GOVERNING, pos_tokens
from kg.model import (
    COMPANY,
    INITIATIVE,
    OFFICIAL,
    PROJECT,
    REGION,
    Analysis,
    Attribution,
    DocEntity,
    DocRecord,
    Document,
    Mention,
    Observation,
    PlaceDef,
    Post,
    Sentence,
)
from kg.overlap import filter_spans
from kg.places import HONOURS, RANKS, Places, Segment, clause_opening, region_at, section_region, within
from kg.text import is_heading_like, lines, sections_from_speakers, sentences

log = logging.getLogger(__name__)

MAX_SENTENCE = 2000  # characters; longer "sentences" (no punctuation) are cut for the tokenizer


@dataclass
class State:
    """Working state of one document's analysis, shared by the components (never leaves the worker)."""

    text: str
    gaz: regions.Gazetteer
    ctx: regions.Context
    region_forms: dict[tuple[int, int], list[tuple[int, int, str]]]
    headings: list[tuple[int, int]] = field(default_factory=list)
    sentence_regions: list[list[Mention]] = field(default_factory=list)  # per sentence of an.sentences
    hits: list[list[officials.OfficialHit]] = field(default_factory=list)  # per sentence
    segments: list[Segment] = field(default_factory=list)  # stretches of text and their regions, in order
    found: list[Mention] = field(default_factory=list)  # mentions before the overlap policy
    recall: bool = False  # keep the mentions the rules are unsure of (source ending in .unsure)
    inner_region: dict[tuple[int, int], str] = field(default_factory=dict)  # project span -> region in its name
    posts_of: dict[Mention, list[Post]] = field(default_factory=dict)  # a name read in running text -> its posts
    international: set[str] = field(default_factory=set)  # names read with a post of an international body only

    def is_heading(self, sent: Sentence) -> bool:
        return any(hs <= sent.start and sent.end <= he for hs, he in self.headings)


Component = Callable[[Analysis, State], None]


def sections(an: Analysis, st: State) -> None:
    """Speaker headings (“江津区委书记 李应兰”) cut the document into sections; their posts."""
    text, gaz, ctx = st.text, st.gaz, st.ctx
    speakers = []
    for s, e in lines(text):
        hit = officials.speaker_line(text[s:e])
        if hit:
            posts_text, name = hit
            posts = [p for p in officials.parse_posts(posts_text, ctx, None, gaz) if p.region]
            if posts:
                speakers.append((s, e, name, tuple((p.label, p.title, p.region) for p in posts)))
    an.sections = sections_from_speakers(text, speakers)
    for sec in an.sections:
        region = section_region(sec.posts, gaz) or ctx.main or ""
        if region:
            an.section_regions[sec.index] = region
        for label, title, reg in sec.posts:
            line_end = text.find("\n", sec.speaker_start)
            an.posts.append(Post(sec.speaker, label, title, reg, sec.start, line_end if line_end > 0 else len(text)))
        if sec.speaker:
            an.mentions.append(Mention(sec.speaker_start, sec.speaker_end, text[sec.speaker_start:sec.speaker_end],
                                       OFFICIAL, sec.speaker, "officials.heading", 2))


def sentence_spans(an: Analysis, st: State) -> None:
    """The sentences of every section (capped at MAX_SENTENCE), and the heading-like lines."""
    text = st.text
    all_lines = list(lines(text))
    # titles and headings of a longer text are slogans; a one-line text is content
    st.headings = [(s, e) for s, e in all_lines if is_heading_like(text[s:e])] if len(all_lines) >= 3 else []
    for sec in an.sections:
        for sent in sentences(text, sec.start, sec.end, sec.index):
            if sent.end - sent.start > MAX_SENTENCE:
                sent = Sentence(sent.start, sent.start + MAX_SENTENCE, sent.section)
            an.sentences.append(sent)


def region_mentions(an: Analysis, st: State) -> None:
    """Region mentions of each sentence, resolved in the document's context."""
    text = st.text
    for sent in an.sentences:
        forms = st.region_forms.get((sent.start, sent.end))
        if forms is None:
            forms = list(regions.candidates(text, sent.start, sent.end, st.gaz))
        found = [rm for rs, re_, form in forms
                 if (rm := regions.resolve(text, rs, re_, form, st.ctx, st.gaz)) is not None]
        st.sentence_regions.append(found)
        st.found.extend(found)


def official_mentions(an: Analysis, st: State) -> None:
    """Officials named with a post in running text (“市委书记袁家军”, “习近平总书记”) and their posts."""
    text = st.text
    for sent in an.sentences:
        s, e = sent.start, sent.end
        hits: list[officials.OfficialHit] = []
        if not officials.speaker_line(text[s:e]):
            sec_region = an.section_regions.get(sent.section)
            listed = officials.listed_official(text[s:e])
            if listed:  # “李四光  市财政局局长”, “主持人：市政府新闻办副主任 王五”: one official a line
                posts = officials.parse_posts(listed[0], st.ctx, sec_region, st.gaz)
                hits = [officials.OfficialHit(listed[1], s + listed[2], s + listed[3],
                                              [p for p in posts if not p.former and p.region], s,
                                              tuple(p for p in posts if p.former and p.region))]
            else:
                after = list(officials.officials_in(text, s, e, st.ctx, sec_region, st.gaz))
                before = list(officials.officials_before_title(text, s, e))
                named = {h.name for h in (*after, *before)}
                before += [h for h in officials.foreign_officials_before_title(text, s, e) if h.name not in named]
                # 习近平总书记关于…, 普京总统都…: a title that follows its name is not followed by another
                owned = {h.title_end for h in before}
                hits = [h for h in after if h.name_start not in owned] + before
                hits += officials.officials_in_parens(text, s, e, st.ctx, sec_region, st.gaz)
                hits += officials.appointed(text, s, e, st.ctx, sec_region, st.gaz)
        st.hits.append(hits)
    # a name that ran on into the next word (韩正将…, 普京不…, 和金正恩…) is the name the document
    # writes elsewhere without it; a piece left of one character names nobody
    names = {oh.name for hits in st.hits for oh in hits} | {sec.speaker for sec in an.sections if sec.speaker}
    st.hits = [[oh for hit in hits if (oh := _unglued(hit, names, text)) is not None] for hits in st.hits]
    # a person the document places abroad (新加坡副总理颜金勇) holds no Chinese post in it: a later
    # bare title (颜金勇副总理, 国家杜马主席沃洛金) is the same foreign post
    abroad = {oh.name for hits in st.hits for oh in hits for p in (*oh.posts, *oh.former)
              if p.region and st.gaz.get(p.region) is not None and st.gaz[p.region].foreign}
    for i, sent in enumerate(an.sentences):
        kept = []
        for hit in st.hits[i]:
            oh = hit
            chain = text[max(sent.start, oh.post_start - 8) : oh.name_start]
            if not oh.posts and not oh.former and _SCHOOLISH.search(chain) and not _STATE_SCHOOL.search(chain):
                continue  # 林肯中学校长霍塞斯, 中心学校的党总支书记谭建宁: a school's or a hospital's head, with no public post read
            if oh.name in abroad:
                oh = replace(oh, posts=[p for p in oh.posts if p.region != regions.COUNTRY],
                             former=tuple(p for p in oh.former if p.region != regions.COUNTRY))
            kept.append(oh)
            if oh.international:
                st.international.add(oh.name)
            m = Mention(oh.name_start, oh.name_end, text[oh.name_start : oh.name_end], OFFICIAL, oh.name,
                        "officials.text", 1)
            st.found.append(m)
            st.posts_of.setdefault(m, []).extend(Post(oh.name, p.label, p.title, p.region, sent.start, sent.end,
                                                      p.named, p.former) for p in (*oh.posts, *oh.former))
        st.hits[i] = kept


# (a bare 委员, of no committee the chain names, is a member of one named elsewhere: 他们是：主任…，委员王灵桂、…)
_MEMBERSHIP = re.compile(r"(?:全国|省|市|县|区|自治区)?(?:政协委员|政协常委|人大代表|党代表|政协委员会委员)|委员")
# people's organisations, associations and societies (侨联, 红十字会, 青联, 篮协, 研究会, 基金会): their heads hold no public post
# (tests/data/ANNOTATION.md; annotators put them on ignore, the audit judged them not officials)
_PEOPLES_ORG = re.compile(r"侨联|红十字会|红新月会|青联|科协|文联|作协|记协|残联|妇联|工会|"
                         r"残疾人联合会|妇女联合会|青年联合会|归国华侨联合会|文学艺术界联合会|[篮足排乒网棋]协|体育总会|协会|学会|研究会|基金会|商会|"
                         r"组委会|执委会|筹委会")  # an event's organising committee: no public office either


# a company's officers (丁世忠, 集团董事长): company executives hold no public post (tests/data/ANNOTATION.md)
# (a post in a company or a group: 渣打集团主席, 诺德公司董事会主席, 铝电公司党委副书记; an army group, 集团军, is the
# army's)
_COMPANY_OFFICER = re.compile(r"(?:董事长|总经理|总裁|首席执行官|董事会主席|董事局主席|执行董事|总经济师)$|公司|集团(?!军)")
# a society's head (会长, 理事长: 美中关系全国委员会会长, 中国国际经济交流中心副理事长, 论坛理事长) holds no public post:
# only associations, societies, forums and foundations have them
_SOCIETY_HEAD = re.compile(r"(?:会长|理事长)$")


# a head of a research institute, a think tank, a university, a school, a hospital or a clinic (卫生院), and a
# member of an academy's division: experts and scholars, who hold no public post (tests/data/ANNOTATION.md); a
# Party school's head does (县委党校校长)
_SCHOLARS_BODIES = r"研究所|研究中心|智库|大学|(?<!科)学院|学校|中学|高中|小学|医院|卫生院|卫生服务中心|报社|杂志社"
_SCHOLARLY = re.compile(rf"(?:{_SCHOLARS_BODIES})[^，、]{{0,6}}?"
                        r"(?:所长|副所长|主任|副主任|院长|副院长|校长|副校长|社长)$|学部(?:委员|主任)$")
# the same bodies anywhere in a post read with no place (林肯中学校长, 中心学校的党总支书记)
_SCHOOLISH = re.compile(_SCHOLARS_BODIES)
# (the army's and the Party's schools are the state's: 国防大学校长, 县委党校校长)
_STATE_SCHOOL = re.compile(r"国防|军事|军医|党校")
# an armed movement's posts (哈马斯发言人, 胡塞武装发言人, 真主党副总书记, 伊斯兰圣战组织秘书长) are no public office
_ARMED_MOVEMENT = re.compile(r"哈马斯|真主党|胡塞|圣战组织")
# (the state's and the Party centre's own institutes are organs: 国务院发展研究中心主任, 中国科学院院长)
_STATE_INSTITUTE = re.compile(r"^(?:国务院|中央|中共|国家)")


def _no_public_post(p: Post) -> bool:
    """A seat in a congress or conference, a post in a people's organisation, a company's office, or a
    scholar's or a doctor's (研究所所长, 大学校长, 学部委员)."""
    return bool(_MEMBERSHIP.fullmatch(p.title) or _PEOPLES_ORG.search(p.title) or _COMPANY_OFFICER.search(p.title)
                or _SOCIETY_HEAD.search(p.title)
                or _ARMED_MOVEMENT.search(p.label) or _ARMED_MOVEMENT.search(p.title)
                or (bool(_SCHOLARLY.search(p.label) or _SCHOLARLY.search(p.title)) and "党校" not in p.label
                    and not _STATE_INSTITUTE.match(p.label)))


_GLUED_AFTER = frozenset("以原在于才和与及同的是为")  # ends of a given name too, now and then: only with evidence
_NEVER_LAST = frozenset("将受不曾被把让给从向对也都还又就已")  # a verb's or adverb's first character, never a name's last
_GLUED_BEFORE = frozenset("和与及同向对从")


def _unglued(oh: officials.OfficialHit, names: set[str], text: str) -> officials.OfficialHit | None:
    from kg.extract import lexicon

    single, compound = lexicon.surnames()
    name, ns, ne = oh.name, oh.name_start, oh.name_end
    known = officials.known_national()
    for k in (1, 2, 3) if name not in officials.known_foreign() and name not in known else ():
        # 佩斯科夫此, 尹锡悦动, 特鲁多上月, 普京贺信中, 蔡奇同机, 苏林连任: a name the document or the corpus
        # knows, run on into a word (萨尔维 is a name the corpus knows whole beside 萨尔)
        head, rest = name[:-k], name[-k:]
        on = text[ne - 1 : ne + 1]  # the last character and the one after it (连任, 履职)
        # (a head the corpus's national posts alone know takes a free word after it, not a bound one that
        # names use: 刘奇|葆 (vg) is 刘奇葆, a name the list leaves out; 李强|乘, 李希|于, 丁仲礼|作 are cut)
        tag = lexicon.word_tag(rest) or ""
        seen = head in names or head in officials.known_foreign()
        free = tag[:1] in ("v", "p", "c", "d", "z", "r", "u", "f") if seen else tag in ("v", "p", "c", "d", "u")
        if len(head) >= 2 and (seen or head in known) and (
                (k == 1 and (free or ((lexicon.word_tag(on) or "")[:1] == "v" and lexicon.word_freq(on) >= 20)))
                or (k >= 2 and lexicon.word_freq(rest[:2]) >= 50)):
            if oh.post_start == oh.name_start:
                return None
            return replace(oh, name=head, name_end=ne - k)
    if len(name) >= 3 and name[0] in _GLUED_BEFORE and (name[1:] in names or name[1] in single
                                                        or (lexicon.word_tag(name[1:]) or "").startswith("nr")):
        name, ns = name[1:], ns + 1  # 和金正恩
    if len(name) >= 3 and (name[-1] in _NEVER_LAST or (name[-1] in _GLUED_AFTER and (
            name[:-1] in names or (lexicon.word_tag(name[:-1]) or "").startswith("nr") or len(name) >= 5))):
        if oh.post_start == oh.name_start:
            return None  # 刘昆受国家主席委托: the title after the cut name is not its post
        name, ne = name[:-1], ne - 1  # 韩正将, 易纲受, 帕什尼扬曾
    if len(name) == 2 and name[0] in _GLUED_BEFORE:
        return None  # 和从, 和毛: a conjunction and one character
    if name == oh.name:
        return oh
    return replace(oh, name=name, name_start=ns, name_end=ne) if officials.plausible_name(name) else None  # 关于对


def passage_places(an: Analysis, st: State) -> None:
    """Which region(s) each stretch of every section is about (kg.places)."""
    st.segments = _segments(an, st)


def _segments(an: Analysis, st: State, names: list[tuple[int, int]] | None = None) -> list[Segment]:
    """The segments of the whole document; with ``names`` (sorted spans), the places written
    inside those names are left out (西安碑林博物馆新馆 does not make its clause 碑林区's)."""
    places = Places(st.gaz)
    out: list[Segment] = []
    by_section: dict[int, list[int]] = {}
    for i, sent in enumerate(an.sentences):
        by_section.setdefault(sent.section, []).append(i)
    spans = names or []
    starts = [a for a, _b in spans]

    def inside(m: Mention) -> bool:
        return _inside(m, spans, starts)

    # a news roundup: several stories, each under a heading of its own
    roundup = not st.ctx.own and sum(1 for hs, he in st.headings if he - hs >= 6) >= 3
    for sec in an.sections:
        # a speech, or a report of a region that calls it its own: places inside it hold for their sentence
        mode = "speech" if sec.speaker else ("own" if st.ctx.own else "news")
        places.section(an.section_regions.get(sec.index), mode)
        for i in by_section.get(sec.index, ()):
            sent = an.sentences[i]
            found = st.sentence_regions[i]
            if spans:
                found = [m for m in found if not inside(m)]
            if roundup and mode == "news" and st.is_heading(sent):
                places.story(found)
            out.extend(places.sentence(st.text, sent.start, sent.end, st.hits[i], found))
    return out


def _inside(m: Mention, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``m`` lies inside one of the names ``spans`` (sorted; ``starts`` their starts), not
    being that name."""
    k = bisect.bisect_right(starts, m.start) - 1
    return k >= 0 and m.end <= spans[k][1] and spans[k] != (m.start, m.end)


def name_mentions(an: Analysis, st: State) -> None:
    """Projects, companies and initiatives in every sentence that is not a heading."""
    for sent in an.sentences:
        if st.is_heading(sent):
            continue
        s, e = sent.start, sent.end
        st.found.extend(projects.find_projects(st.text, s, e))
        st.found.extend(organisations.find_companies(st.text, s, e))
        st.found.extend(initiatives.find_initiatives(st.text, s, e))


def figures(an: Analysis, st: State) -> None:
    """Reported figures, each given the region of the stretch it stands in."""
    text = st.text
    period_default = indicators.document_period(text)
    local = _local_voice(an, st)
    for sent, sent_regions in zip(an.sentences, st.sentence_regions, strict=True):
        if st.is_heading(sent):
            continue
        s, e = sent.start, sent.end
        listed = _listed_regions(text, sent_regions) if not local and not st.recall and "分别" not in text[s:e] else set()
        for f in indicators.figures(text, s, e):
            ind = _indicator(f.indicator, st.gaz)
            if ind in st.gaz.forms and _HAN.match(text, f.end):
                ind = indicators.thing_after(text, f.end, e) or ind  # 莆田将近6万间|房屋倒塌: the place was the subject
            if len(ind) == 1:
                # 已32个, 约4000项, 这1.6万亿元, 和田|90万亩, 从1个变|为21个: one character, a function word or the
                # end of a word cut, names nothing measured (judged wrong 32 times in 32), unless the thing is named
                # after the number (在超20亿元的“两重”资金支持下)
                after = indicators.thing_after(text, f.end, e).replace("“", "").replace("”", "") if _HAN_OR_QUOTE.match(text, f.end) else ""
                ind = after if len(after) >= 2 and after not in ("以上", "以下", "左右") else _word_then(text, s, f.start, ind)
            if not ind:
                continue
            if not local and not st.recall and not indicators.news_figure(replace(f, indicator=ind), st.gaz.forms.keys()):
                continue  # precision first: a news story's number that measures nothing about a region
            ind = indicators.named_after(text, replace(f, indicator=ind), e)  # (checked as read, named by what follows)
            clause = text[max(s, *(text.rfind(c, s, f.start) + 1 for c in "，,；;。：:")) : f.start]
            opening = clause_opening(clause)
            if _WORLD.match(opening) or _world_before(text, s, f.start, sent_regions):
                continue  # 全球新能源汽车销量…; 全球累计确诊…，累计死亡病例为…: the world's figure, no region's
            if not local and not st.recall and _broad_area_before(text, s, f.start, sent_regions):
                continue  # 长江经济带内，14个零碳园区…; 京津冀4800余家定点医疗机构: a broad area's figure, no region's
            if not local and not st.recall and (_THING_SUBJECT.match(opening)
                                                or _THING_SUBJECT.match(clause_opening(text[s : f.start]))):
                continue  # 园区内90多家企业…, 该装备最大坐底深度…: a zone's or a work's figure, not its region's
            where = region_at(st.segments, f.start)
            if not local and (((_NATIONAL_CLAUSE.match(opening) or _CENTRAL_SUBJECT.match(opening))
                               and not _named_region_after(clause, st.gaz))
                              or ((_NATIONAL_CLAUSE.match(clause_opening(text[s : f.start])) or _central_opening(text[s : f.start]))
                                  and not _named_region_after(text[s : f.start], st.gaz))):
                # 今年我国早稻面积达…: the clause is about the country; 我国基础设施投资增长4.6%，增速比全部
                # 投资高1.8个百分点: so is the rest of a sentence that opens with it and names no place
                where = (regions.COUNTRY,)
            elif _PROVINCE_CLAUSE.match(opening):
                # 宿州、滁州等地抢收，目前全省小麦已收面积超3900万亩: the province's figure, not a city's
                where = tuple(dict.fromkeys(p for k in where if (p := _province_of(k, st.gaz))))
            for region in where:
                if region in listed:
                    continue  # 向甘肃、青海两省下达2.5亿元, 宝安、龙岗等6个区: the list's figure, not one place's
                if st.gaz[region].foreign:
                    continue  # a figure about another country is not about a region
                an.observations.append(Observation(region, ind, f.value, f.unit, f.measure,
                                                   indicators.period_of(text, f.start, period_default), s, e, f.text))


def _word_then(text: str, s: int, i: int, ind: str) -> str:
    """An indicator of one character that ends a word cut before it (增长|面达75.8%: 增长面): the word and
    the character, if the character is a noun's and stands right before the figure (or a verb of one
    character before it); else nothing."""
    from kg.extract import lexicon

    k = text.rfind(ind, s, i)
    if k < s + 2 or i - k > 2 or not (lexicon.word_tag(ind) or "").startswith("n"):
        return ""
    toks = pos_tokens(text[max(s, k - 6) : k])
    w, tag = (toks[-1][2], toks[-1][3]) if toks else ("", "")
    return w + ind if len(w) >= 2 and _HAN.match(w) and tag.startswith(("n", "v")) else ""


# a thing named after a number (的? and a character or a quote: 20亿元的“两重”资金)
_HAN_OR_QUOTE = re.compile(r"的?[\u4e00-\u9fff“]")
# broad areas (not regions: the guide puts them on ignore) whose figures belong to no region (a
# network named after one is projects._BROAD_AREA: 长三角铁路, 国内航线 — a different list for a different use)
_AREA_SUBJECTS = re.compile(r"长三角|珠三角|京津冀|粤港澳大湾区|大湾区|长江经济带|黄河流域|长江沿线|长江流域|中西部地区|中西部|"
                         r"东北地区|西部地区|东部地区|中部地区|成渝地区|沿海地区")
# verbs that make the area their object (来自粤港澳大湾区的项目, 覆盖大湾区近90%城市): no subject of the figure
_AREA_OBJECT = ("来自", "覆盖", "辐射", "连接", "面向", "对接", "融入", "服务", "前往", "帮扶")


def _broad_area_before(text: str, s: int, fs: int, found: list[Mention]) -> bool:
    """Whether the figure at ``fs`` is told of a broad area named before it in its sentence, with no
    region named between them: the area as a subject, not inside quotes or a title, not qualifying a
    noun (来自…大湾区的) and not the object of a verb (覆盖大湾区)."""
    last = None
    for m in _AREA_SUBJECTS.finditer(text, s, fs):
        before = text[s : m.start()]
        if before.count("“") > before.count("”") or before.count("《") > before.count("》"):
            continue
        if text.startswith("的", m.end()) or before.endswith(_AREA_OBJECT):
            continue
        last = m
    if last is None:
        return False
    return not any(last.end() <= r.start < fs and r.key != regions.COUNTRY for r in found)


def _world_before(text: str, s: int, fs: int, found: list[Mention]) -> bool:
    """Whether an earlier clause of the sentence opens with the world (全球累计确诊…，累计死亡…) and no
    region is named from there to the figure at ``fs``."""
    k = s
    last = None
    for m in re.finditer(r"[，,；;]", text[s:fs]):
        if _WORLD.match(clause_opening(text[k : s + m.start()])):
            last = k
        k = s + m.end()
    return last is not None and not any(last <= r.start < fs and r.key != regions.COUNTRY for r in found)


def _listed_regions(text: str, found: list[Mention]) -> set[str]:
    """The regions a sentence names as items of a list (甘肃、青海两省; 上海青浦、江苏吴江和浙江嘉善):
    places written one after the other (江苏吴江) are one item; items are joined by 、 or 和/与/及."""
    ms = sorted(found, key=lambda m: m.start)
    items: list[list[Mention]] = []
    joined: list[bool] = []  # whether each item is joined to the one before it
    for m in ms:
        if items and m.start == items[-1][-1].end:
            items[-1].append(m)
            continue
        joined.append(bool(items) and text[items[-1][-1].end : m.start] in ("、", "和", "与", "及", "以及"))
        items.append([m])
    out: set[str] = set()
    for i, item in enumerate(items):
        if joined[i] or (i + 1 < len(items) and joined[i + 1]):
            out.update(m.key for m in item)
    return out


# a clause about a zone, a work or a thing named before (not a region): 园区内…, 该项目…, 创新中心汇聚了…
_THING_SUBJECT = re.compile(r"(?:该|这个|这座|这家|这条|这台|这艘|此)(?![市县区省州盟旗镇乡村地])|"
                            r"(?:园区|示范区|产业园|开发区|高新区|保税区|综保区|基地|项目|工程|装备|设备|创新中心|中心)(?:内|里|的|已|共|目前|现有|累计)")
_PROVINCE_CLAUSE = re.compile(r"全省|全疆|全自治区")
# a clause whose subject is a central body or a national enterprise (国家电网累计集结抢修人员4万余人)
_CENTRAL_SUBJECT = re.compile(rf"(?:{officials.CENTRAL_BODIES})")


def _province_of(key: str, gaz: regions.Gazetteer) -> str | None:
    """The province-level region that holds ``key`` (the region itself when it is one)."""
    for r in gaz.ancestors(key):
        if r.level == "province":
            return r.key
    return None


_WORLD = re.compile(r"全球|全世界|世界各国|世界(?!级)")


def _central_opening(stretch: str) -> bool:
    """Whether a sentence opens with a central body as its subject (教育部发布…, 由国家电影局…举办的)."""
    opening = clause_opening(stretch)
    return bool(_CENTRAL_SUBJECT.match(opening[1:] if opening.startswith("由") else opening))


# a programme whose name calls it the nation's (中华文明探源工程, 中国载人航天工程, 全国…行动)
_NAMED_NATIONAL = re.compile(r"(?:中国|中华|全国)(?![(（]).*(?:工程|计划|战略|行动|规划|倡议|日|宣传周|宣传月)$")
# an initiative named as a zone (上海自贸试验区, 浙江高质量外资集聚先行区): the place its name holds is its own
_ZONE_NAME = re.compile(r"(?:自贸试验区|自由贸易试验区|自贸区|示范区|先行区|试验区|新区)$")
# (全国 before an honour a person holds — 全国劳动模范, 全国人大代表 — says nothing of where the story is)
_HAN = re.compile(r"[\u4e00-\u9fff]")
# (全国最大的…, 全国唯一的…: a rank among the country's, said of a work in a place the sentence names)
# (全社会跨区域人员流动量: the movement of people between regions is the whole country's; 国家层面…: the state's
# level; 预计 before any of them is a forecast. A province's 全社会研发投入 stays the province's)
_NATIONAL_CLAUSE = re.compile(rf"(?:预计)?(?:全国(?!重点|首|第|范围内首|一流|最|{RANKS}|{HONOURS})|我国|全社会(?=跨区域|人员流动)|国家层面)")


def _named_region_after(clause: str, gaz: regions.Gazetteer) -> bool:
    """Whether a place inside the country is named after 全国/我国 in the clause (全国首个…在广州)."""
    k = max(clause.rfind("全国"), clause.rfind("我国"))
    return any(len(f) >= 2 and f not in ("全国", "我国", "中国") for _s, _e, f in gaz.scan(clause, k + 2))


# a wire service's voice at the head of a story (央视网消息, 新华社…电): not 记者 or 本报讯, which the
# local pages that speak for their region use too (local_dev 0.864 -> 0.859 with them)
_NEWS_VOICE = re.compile(r"央视网消息|新华社|新华网|消息）|电（")


def _wire_story(text: str) -> bool:
    """Whether a text opens as a wire story does (央视网消息, 新华社…电): a reporter's news, not a region's voice."""
    return _NEWS_VOICE.search(text, 0, 300) is not None


def _speech(an: Analysis) -> bool:
    """Whether a document is made of speeches under headings that name their speakers."""
    return any(sec.speaker for sec in an.sections)


# what makes a longer title another post than the short one it ends with (副主席 is not 主席, 代省长 not 省长)
_OTHER_POST_PREFIX = re.compile(r"(?:副|代|代理|常务|名誉|荣誉|前|原|候补|执行|第一)$")


def _short_titles_lengthened(posts: list[Post]) -> list[Post]:
    """A bare title (主席, 总理) of an official who, in the same document, holds a longer title ending
    with it in the same region (国家主席, 国务院总理) is that post said short: one post, under the longer title."""
    longer: dict[tuple[str, str, bool], list[str]] = {}
    for p in posts:
        longer.setdefault((p.official, p.region, p.former), []).append(p.title)
    out = []
    for p in posts:
        full = [t for t in longer[(p.official, p.region, p.former)]
                if len(t) > len(p.title) and t.endswith(p.title) and not _OTHER_POST_PREFIX.search(t[: -len(p.title)])]
        out.append(replace(p, title=max(full, key=len)) if full and p.title else p)
    return out


def _local_voice(an: Analysis, st: State) -> bool:
    """Whether a document speaks for its own region (a region's report that says 全省/我县, or a
    speech), where names of common words and quoted slogans are that region's; a reporter's story
    about a province that quotes 全省 is still news, read precision first."""
    if _speech(an):
        return True
    return st.ctx.own and not _wire_story(st.text)


def overlap(an: Analysis, st: State) -> None:
    """The one overlap policy over every mention; then what a kept project's name holds: a
    company (中国电信数字产业基地 -> 中国电信) and a region (唐山港 -> 唐山市, which places it)."""
    text, gaz = st.text, st.gaz
    kept = filter_spans(an.mentions + st.found)
    local = _local_voice(an, st)
    loose_works: list[Mention] = []
    if not st.recall:
        # precision first: a name the rules are unsure of (a kind, not one thing) is left out, and
        # the span it covered is free for nothing else. In a region's own report or a speech a
        # project named by common words (光子芯片园) and a quoted slogan are that region's; in a
        # news story they are as often a kind (运动公园) or a word in quotes (“零延迟”), so there a
        # project needs a proper name and a quoted name a head, a number or a verb that launches it.
        # A kind's head after common words (门户枢纽, 科研平台) names one work only in a speech.
        speech = _speech(an)
        sure = [m for m in kept if not m.source.endswith(".unsure")
                and (local or not _loose_in_news(m, text, st))
                and (speech or m.source != "projects.common")]
        # (the regions written in a work's name left out still name places: 乌兰察布市|察右中旗黄羊城)
        chosen = set(sure)
        loose_works = [m for m in kept if m.cls == PROJECT and m not in chosen]
        kept = sure
        # a name read only with seats in a congress or conference (全国政协委员) is no official
        seated = {m.key for m, posts in st.posts_of.items() for p in posts if _no_public_post(p)}
        posted = {m.key for m, posts in st.posts_of.items() for p in posts if not _no_public_post(p)}
        kept = [m for m in kept if not (m.cls == OFFICIAL and m.key in seated - posted)]
        # a name read only with a post of an international body (世卫组织发言人林德迈尔) holds no country's
        # post: the annotation guide leaves such people out, the audit judged them no officials
        held = {m.key for m, posts in st.posts_of.items() if posts}
        kept = [m for m in kept if not (m.cls == OFFICIAL and m.key in st.international - held)]
    # the posts of a name read in running text stand only if the name kept its span (俄罗斯联邦总理 is
    # no 斯联邦's); in text order
    kept_set = set(kept)
    for m, posts in st.posts_of.items():
        if m in kept_set:
            # a seat in a congress or a conference (全国政协委员, 人大代表) is a membership, not a post: kept
            # only with --recall
            an.posts.extend(p for p in posts if st.recall or not _no_public_post(p))
    an.posts = _short_titles_lengthened(an.posts)
    extra: list[Mention] = []
    for m in loose_works:
        _inner_regions(m, st, extra)
    for m in kept:
        if m.cls in (INITIATIVE, COMPANY):
            # 鄂尔多斯国家现代煤化工产业示范区 names 鄂尔多斯市; 五家渠市银丰农业装备公司 is 五家渠市's
            _inner_regions(m, st, extra)
        if m.cls != PROJECT:
            continue
        # (read with the words after the name: a brand opens a line whose output a verb after it tells,
        # 康佳MLED商显线实现量产)
        for c in organisations.find_companies(text, m.start, min(len(text), m.end + 6)):
            if c.source in ("companies.suffix", "companies.brand") and c.start >= m.start and c.end < m.end:
                extra.append(c)
                an.links.append((PROJECT, m.key, COMPANY, c.key))
        # a company read from a project's name alone is too loose for a news story (see _CONTEXT_COMPANIES)
        sure_enough = local or st.recall
        if m.source == "projects.listed" and sure_enough:
            brand = organisations.leading_brand(text, m.start, m.end, gaz)
            if brand is not None:
                extra.append(brand)  # 比亚迪新能源汽车动力电池等项目: 比亚迪's project
                an.links.append((PROJECT, m.key, COMPANY, brand.key))
        owner = organisations.owner_before_place(text, m.start, m.end, gaz) if sure_enough else None
        if owner is not None:
            extra.append(owner)  # 比亚迪郑州基地: a company's site in a place
            an.links.append((PROJECT, m.key, COMPANY, owner.key))
        _inner_regions(m, st, extra)
    an.mentions = sorted(set(kept + extra), key=lambda m: (m.start, m.end, m.cls, m.key))
    for m in an.mentions:
        an.aliases.setdefault((m.cls, m.key), set()).add(_surface(m))


def _inner_regions(m: Mention, st: State, extra: list[Mention]) -> None:
    """The regions written inside a name: mentions of their own; the name's place is the first, or
    the more local one written out right after it (三明尤溪县香精香料产业园 -> 尤溪县)."""
    from kg.extract import lexicon

    bounds = lexicon.token_bounds(st.text[m.start : m.end])
    prev: tuple[int, str] | None = None  # (end, key) of the region read just before
    line = any(h.end() == len(m.key) and h.group() in _LINE_HEADS for h in projects.HEAD_RE.finditer(m.key))
    end = m.end
    if m.cls == INITIATIVE and st.text.startswith("“", m.start) and (q := st.text.find("”", m.start, m.end)) > 0:
        end = q  # “八纵八横”高铁主通道加快建设: the words after the quotes up to the head name no place of it
    for rs, re_, form in st.gaz.scan(st.text, m.start, end):
        if rs - m.start not in bounds and not (prev is not None and prev[0] == rs):
            continue  # 空中出海口 holds no 海口 (广西南宁南站: a place right after another starts one)
        r = regions.resolve(st.text, rs, re_, form, st.ctx, st.gaz)
        if r is None or r.key == regions.COUNTRY:
            continue
        # a county's short form inside a name is often another name's piece (巴南高铁); written out
        # right after its city it is the more local place (三明尤溪县…; 北京大兴国际机场 stays 北京's);
        # opening the name of a work that is not a line it is the work's place (义乌全球数贸中心)
        chained = prev is not None and prev[0] == rs and within(r.key, prev[1], st.gaz)
        if form not in st.gaz.full and st.gaz[r.key].level == "county" and (
                rs != m.start or line or m.cls != PROJECT or re_ - m.start not in bounds):
            continue  # (nor is a short form that ends inside a word: 贺兰山全民健身中心)
        extra.append(r)
        span = (m.start, m.end)
        if span not in st.inner_region or chained or within(r.key, st.inner_region[span], st.gaz):
            st.inner_region[span] = r.key  # (the more local place further on: 山东港口|青岛港自动化码头)
        prev = (re_, r.key)


def attribution(an: Analysis, st: State) -> None:
    """Each project, company and initiative to the region of the stretch that names it (or
    the more local region its own name gives)."""
    spans = sorted({(m.start, m.end) for m in an.mentions if m.cls in (PROJECT, COMPANY, INITIATIVE)})
    starts = [a for a, _b in spans]
    # the places read again without those written inside the names; when no region mention lies
    # inside one, that reading is the one passage_places made (the same mentions, the same state)
    again = any(_inside(r, spans, starts) for found in st.sentence_regions for r in found)
    segments = _segments(an, st, spans) if again else st.segments
    local = _local_voice(an, st)
    text = st.text
    sent_starts = [x.start for x in an.sentences]
    report = regions.report_voice(text)
    wire = not local and not report and not st.recall and _wire_story(text)
    for m in an.mentions:
        if m.cls in (PROJECT, COMPANY, INITIATIVE):
            if any(c in m.text for c in "·•・") and not m.text.startswith(("“", '"')):
                continue  # 努尔·汗机场: a place abroad, tied to no region (a quoted “清朗·…”专项行动 is no transliteration)
            if _named_abroad(m.text, st.gaz):
                continue  # 荷兰皇家飞利浦公司 (met in 北京), 南极长城站: named after a place abroad, tied to no region
            where = region_at(segments, m.start)
            k = bisect.bisect_right(sent_starts, m.start) - 1  # the sentence that holds the name
            if m.cls == INITIATIVE and not local and (initiatives.global_initiative(m.key) or (
                    m.key in initiatives.national() and not _names_place(an, st, m)
                    and (st.ctx.main in (None, regions.COUNTRY) or st.gaz[st.ctx.main].level != "province"))):
                # “两个维护”, 以旧换新 in a news story: the country's programme; 全球发展倡议 wherever it was proposed
                where = (regions.COUNTRY,)
            if not local and not st.recall and regions.COUNTRY not in where:
                ss = an.sentences[k].start if k >= 0 else m.start
                clause = text[max(ss, *(text.rfind(c, ss, m.start) + 1 for c in "，,；;。：:")) : m.start]
                opening = clause_opening(clause)
                national = _NATIONAL_CLAUSE.match(opening) or _NATIONAL_CLAUSE.match(clause_opening(text[ss : m.start]))
                # 中央网信办即日起开展…专项行动, 由国家电影局…共同举办的“…”: a central body's programme is the country's
                central = _central_opening(text[ss : m.start])
                if (national and where or central) and not _named_region_after(text[ss : m.end], st.gaz):
                    where = (regions.COUNTRY,)  # 我国加快推进大型风电光伏基地建设: the country's, not the dateline city's
            if not where and m.cls == PROJECT and m.text.startswith("中国"):
                where = (regions.COUNTRY,)  # 中国空间站 in a story that names no place: the country's work
            inner = st.inner_region.get((m.start, m.end))
            if m.cls == COMPANY and local:
                inner = None  # a speech's investor from elsewhere (东莞市…有限公司 in 筠连县) works in the speaker's place
            if inner and (any(within(inner, p, st.gaz) and inner != p for p in where)
                          or ((m.cls != INITIATIVE or _ZONE_NAME.search(m.key))
                              and not any(inner == p or within(p, inner, st.gaz) for p in where))):
                # the more local place its name gives; or the place its name gives when the passage is
                # about another (在雄安新区，北京大兴国际机场到雄安新区的…: the airport is 北京's)
                where = (inner,)
            elif inner and where and wire and st.gaz[inner].level == "province" \
                    and all(p != inner and within(p, inner, st.gaz) for p in where):
                # 江苏自贸试验区, 海南热带雨林国家公园 in a wire story's passage about 南京, 琼海: a work or a programme
                # named by its province is the province's (judged wrong for the city in 11 of 12; a local page
                # ties 广西宏胜陶瓷有限公司 to its city, as its annotators do)
                where = (inner,)
            if not local and not st.recall and not report:
                # precision first in news: a region is tied to a name only when the name's sentence, the
                # sentence before it in its paragraph or the name itself names it, or it is the country;
                # the story's place carried from further back was judged wrong in 136 of 165 audited
                # attributions (a region's own report, a work report's window, a speech and --recall keep it)
                near = [k] if k >= 0 else []
                if k > 0 and an.sentences[k - 1].start > st.text.rfind("\n", 0, m.start):
                    near.append(k - 1)  # (the sentence before, in its paragraph)
                named = {r.key for i in near for r in st.sentence_regions[i]}
                for i in near:  # and the provinces a joint form names (川渝间, 京津冀协同)
                    named |= regions.joint_named(text, an.sentences[i].start, an.sentences[i].end)
                where = tuple(p for p in where if p == regions.COUNTRY or p == inner
                              or any(q == p or within(q, p, st.gaz) for q in named))
            if m.cls == INITIATIVE and not local and not report and not st.recall and not where \
                    and m.key in initiatives.national():
                # “两个确立”, 以旧换新 in a story whose sentence and the one before it name no place (the story's
                # place dropped above): the country's programme, not tied to nothing
                where = (regions.COUNTRY,)
            if m.cls == INITIATIVE and not local and where and regions.COUNTRY not in where \
                    and _NAMED_NATIONAL.match(m.key) and not _ZONE_NAME.search(m.key):
                # 中华文明探源工程, 中国载人航天工程 in a passage about 运城 or 澳门: a programme its name calls the
                # nation's is the country's, not the place's (one tied to no place stays tied to none)
                where = (regions.COUNTRY,)
            if m.cls == PROJECT and where == (regions.COUNTRY,) and not local and not st.recall and not report \
                    and not m.text.startswith(("中国", "我国")) and not any(len(n) >= 4 and n in m.key for n in initiatives.national()):
                # a work stands in a place: in a news story a project tied only to the country (纳晴高速, 阿拉山口口岸
                # in a sentence that names no place, 我国出口印尼的雅万高铁) was judged wrong in 55 of 71 audited
                # attributions; the country's own works are named for it (中国空间站) or for its programme
                # (西部陆海新通道铁海联运班列)
                continue
            area = regions.area_provinces(m.key)
            if area is not None:
                # 长三角一体化发展 in a passage about 东莞, 海南自贸港 in one about 湛江: a name that says its broad area
                # is tied to no place outside it
                where = tuple(p for p in where if p == regions.COUNTRY or st.gaz[p].foreign
                              or (_province_of(p, st.gaz) or "")[:2] in area)
            for region in where:
                if not st.gaz[region].foreign:  # an entity abroad is tied to no region
                    an.attributions.append(Attribution(m.cls, m.key, region, m.start, m.end))


def _named_abroad(name: str, gaz: regions.Gazetteer) -> bool:
    """Whether a name opens with another country's name or a pole (荷兰皇家飞利浦公司, 南极长城站)."""
    if name.startswith(("南极", "北极")):
        return True
    return any(s == 0 and gaz.foreign_only(f) for s, _e, f in gaz.scan(name, 0, min(len(name), gaz.maxlen)))


def _names_place(an: Analysis, st: State, m: Mention) -> bool:
    """Whether the paragraph that holds ``m`` names a place in China before ``m`` or in its sentence
    (“王毅在参加广西代表团审议时说，…坚决做到“两个维护””: the passage is about 广西)."""
    para = st.text.rfind("\n", 0, m.start) + 1
    for i, sent in enumerate(an.sentences):
        if sent.end <= para:
            continue
        if sent.start > m.start:
            break
        if any(r.key != regions.COUNTRY and not st.gaz[r.key].foreign and not (m.start <= r.start < m.end)
               for r in st.sentence_regions[i]):
            return True
    return False


PIPELINE: tuple[tuple[str, Component], ...] = (
    ("sections", sections),
    ("sentences", sentence_spans),
    ("regions", region_mentions),
    ("officials", official_mentions),
    ("places", passage_places),
    ("names", name_mentions),
    ("figures", figures),
    ("overlap", overlap),
    ("attribution", attribution),
)


def analyse(doc: Document, recall: bool = False) -> Analysis:
    """Run every component of ``PIPELINE`` over one document.

    With ``recall`` the names the rules are unsure of are kept too (``kg build --recall``).

    >>> from kg.ingest import make_document
    >>> a = analyse(make_document("江津区委书记 李应兰\\n江津区前三季度GDP增长7%。", "x"))
    >>> [(p.official, p.title) for p in a.posts]
    [('李应兰', '区委书记')]
    >>> [(o.indicator, o.value, o.unit) for o in a.observations]
    [('GDP', 7.0, '%')]
    """
    text = doc.text
    gaz = regions.gazetteer().local()
    spans = [(s.start, min(s.end, s.start + MAX_SENTENCE)) for s in sentences(text)]
    region_forms = {span: list(regions.candidates(text, span[0], span[1], gaz)) for span in spans}
    ctx = regions.document_context(text, gaz, [c for cs in region_forms.values() for c in cs])
    an = Analysis(doc)
    st = State(text, gaz, ctx, region_forms, recall=recall)
    for _name, component in PIPELINE:
        component(an, st)
    an.places = [PlaceDef(r.key, r.name, r.level, r.parent or "") for r in gaz.added]
    return an


# parks and bases named by their industry: in a passage about a city one thing, where a park, a
# station, a centre or a platform with common words before it is a kind (运动公园, 气象观测站)
_INDUSTRY_PARK = re.compile(r"(?:产业园区?|科技园|科创园|[^公乐游花]园|产业基地|训练场|产业城|科学城)$")
# words that tell where a park is, not name it (村里建起黄花产业园, 附近工业园)
_WHEREABOUTS = re.compile(r"(?:村里|村上|镇上|县里|市里|城里|附近|周边|当地|这里|那里|本地|身边|家门口)")


def _loose_in_news(m: Mention, text: str, st: State) -> bool:
    """Whether a mention is too loose for a news story (see ``overlap``): a project in a passage
    about a place in China (在西安高新区，…光子芯片园) is that place's, as in its own report."""
    if m.source.endswith(".loose"):
        return True
    if m.source in _CONTEXT_COMPANIES:
        return True
    if m.source == initiatives.COINED:
        return _wire_story(text)  # a wire story's “双奥”; a report's “三新” is its own
    joins = [s0 for s0, e0, w, _t in pos_tokens(m.key) if w in _JOINS and 0 < s0 and e0 < len(m.key)] \
        if m.cls == INITIATIVE and m.key not in initiatives.national() else []
    if joins and (not _PROGRAMME_END.search(m.key) or _TWO_PROGRAMMES.search(m.key, 0, joins[0])):
        # 盗窃和劫持, 现代公共文化服务体系与文化馆站建设, 长江经济带发展和长三角一体化发展: in a news story words
        # joined by 和 with no programme's head after them are a description or two names (judged wrong 16 times in
        # 20); a plan's title keeps its 和 (…加快经济恢复和重振行动方案), as do a national programme and a word that
        # ends in 和 (碳中和); two programmes joined (…振兴计划和职业技能提升行动, …发展和长三角一体化发展) are no one
        return True
    if m.source == "projects.item":
        return False  # a list's item that opens with a place, checked for clause verbs as it was read
    if m.cls == PROJECT and m.source in ("projects", "projects.common", "projects.coord", "projects.listed"):
        if any(w in _JOINS for _s, _e, w, _t in pos_tokens(m.text)):
            # 污水处理厂和环保影像博物馆, 智慧港口和智慧航道, 罗塔和莫龙-德拉弗龙特拉军事基地: in a news story 和
            # joins two things or ends a clause (judged wrong 35 times in 36); a report's long names keep it
            # (城市运行和治理中心)
            return True
        where = region_at(st.segments, m.start)
        if where and all(k != regions.COUNTRY and not st.gaz[k].foreign and st.gaz[k].level != "province"
                         for k in where) and _INDUSTRY_PARK.search(m.text) and not _WHEREABOUTS.match(m.text):
            # 在西安高新区，…光子芯片园: an industry's park in a place is that place's (not one told by where it
            # is: 村里建起黄花产业园, 附近工业园)
            return False
        core, head = m.text, ""
        for h in projects.HEAD_RE.finditer(m.key):  # the key holds a shared head (西渝 of 西渝、成达万等高铁)
            if h.end() == len(m.key):
                core, head = m.key[: h.start()], h.group()
        # the place a name was introduced with counts (杭州市技术转移转化中心 -> 技术转移转化中心)
        before = text[max(0, m.start - 6) : m.start]
        placed = any(e == len(before) and len(f) >= 2 and not regions.common_form(f) for _s, e, f in regions.gazetteer().scan(before)) \
            or any(s0 == 0 and len(f) >= 2 and not regions.common_form(f) for s0, _e, f in regions.gazetteer().scan(m.text))
        if head not in ("项目", "工程") and _SIZE_WORD.search(core):
            # 香港大型购物中心, 光伏大型电站, 淮河上游水库, 高水位期间中小水库: a size or a reach of a river before the
            # head names a kind (judged wrong 6 times in 6; C919大型客机项目 and 木兰溪下游防洪工程 name one)
            return True
        # the official a name opens with, if any (习近平|步入金色大厅, 李强|宣布博览会)
        official = next((o.key for o in st.found if o.cls == OFFICIAL and core.startswith(o.key)), None)
        if official is not None and core[len(official) : len(official) + 2] in _MOTION_VERBS:
            return True  # 习近平步入|金色大厅: an official and where they go make a clause (jieba tags 步入 a noun)
        if _WEAK_KIND_IN_NEWS.get(head) is not None and not _WEAK_KIND_IN_NEWS[head].search(core):
            # 江西赣州城, 密苏里州堪萨斯城, 北京大学国家发展研究院: in news a bare 城 names a place and an institute of
            # a university or an academy a body, unless its own words say which city of trade or science (三亚国际免税
            # 城; judged right 9 times in 30)
            return True
        if head in _WEAK_IN_NEWS and "“" not in m.text and not placed and not projects.HEAD_RE.search(core):
            # 云平台, 东道主盐城, 中巴要站, 智能选果线: in news these heads name kinds and fragments, unless a
            # place opens the name (南京水务智慧平台) or another work holds the part (龙龙高铁梅龙段)
            return True
        toks = pos_tokens(core)
        if any(t == "v" and len(w) >= 2 and w not in projects.IN_NAME_VERBS and w not in _WORK_VERBS
               and i > 0 and _AGENT_END.search(toks[i - 1][2]) for i, (_s, _e, w, t) in enumerate(toks)):
            return True  # 交通部门延长|地铁, 载人航天工程进入|空间站: a body and its verb make a clause
        if any(t == "v" and len(w) >= 2 and w in GOVERNING for _s, _e, w, t in toks):
            return True  # 人们登长城, 企业建成平台, 城市开通轨道交通: a clause, not a name
        if any(t == "v" and len(w) >= 2 for _s, _e, w, t in toks) and (
                any(t == "d" for _s, _e, w, t in toks) or official is not None):
            return True  # 习近平穿过机场, 李强宣布博览会, 手续便能直达机场: an official or an adverb and a verb make a clause
        # a verb and the place it takes make a clause (双向重开|拉法口岸, 运抵|酒泉卫星发射中心, 距离|库尔斯克核电站);
        # a line or its stretch goes between places (久治至马尔康高速公路, 郑州至开封城际铁路…段)
        if head not in _LINE_HEADS and head != "段" and any(
                t == "v" and len(w) >= 2 and w not in projects.IN_NAME_VERBS and w not in _WORK_VERBS and _place_after(core, e0)
                for _s, e0, w, t in toks):
            return True
        # a line between two places goes by their characters (成达万高铁, 京雄城际); other works by a name
        line = head in _LINE_HEADS
        return not (placed or projects.proper_core(core, strict=True, abbreviations=True if line else "places", plain=True))
    return False


# companies read from a word after them alone, with no legal form in the name (X总部, 比亚迪郑州基地 ->
# 比亚迪, 华天科技芯片技改 -> 华天科技): in news they were judged right 4 times in 38 (X、Y等企业: 9 in 14, kept)
_CONTEXT_COMPANIES = frozenset({"companies.headquarters", "companies.listed", "companies.owner", "companies.brand"})
_JOINS = frozenset("和 及 与 以及".split())
# the end of a programme's name before 和: what follows is a second one
_TWO_PROGRAMMES = re.compile(r"(?:发展|建设|经济带|经济圈|城市群|计划|行动|战略|工程)$")
# the heads that end a programme's or a plan's name (…恢复和重振行动方案, …保护和修复工程)
_PROGRAMME_END = re.compile(r"(?:方案|规划|计划|工程|机制|行动|试点|倡议|政策|改革|制度|纲要|条例|基地|示范区|先行区|试验区|学习教育|"
                            r"战略|攻坚战|整治|一体化发展|协同发展|(?:交流|旅游)年)$")
# the ends of words for bodies and people that act (a verb after one makes a clause, not a name)
_AGENT_END = re.compile(r"(?:部门|局|协会|委员会|单位|人员|工程|企业|政府|公司|集团|机构)$")
# heads that in a news story name a kind or end a fragment far more often than one work (judged in the audit)
_WEAK_IN_NEWS = frozenset("平台 城 站 线 段 景区 场所 综合体 生产线 产线 车站 公路 航线 广场".split())
# words of size and of a river's reach (大型, 中小, 上游) that make a news story's name a kind
_SIZE_WORD = re.compile(r"大型|中小|小型|中型|上游|中游")
# verbs of going somewhere after an official's name (习近平步入…, 李强来到…)
_MOTION_VERBS = frozenset("步入 走进 来到 抵达 进入 参观 考察 视察 前往 走入 登上 出席".split())
# heads that in a news story name one work only with the words these find before them (a city of trade or
# science; an institute of no university, academy or ministry)
_WEAK_KIND_IN_NEWS = {
    "城": re.compile(r"免税|科技|科创|科学|产业|商贸|水产|数据|影视|汽车|不夜|新"),
    "研究院": re.compile(r"^(?!.*(?:大学|学院|科学院|部))"),
}
_LINE_HEADS = frozenset("高铁 铁路 城际铁路 高速公路 高速 公路 快速路 轨道交通 地铁 线 班列 专列 航线 通道 跨海通道 跨江通道 过江通道 大桥 隧道".split())


# verbs that say what a work does inside its name (输电, 过江, 应用合作): not a clause's verb before a place
_WORK_VERBS = frozenset("合作 创新 应用 输电 输水 过江 跨江 跨海 防治 保障 引水 调水 供水 排涝 抽水 蓄能 发射 育种 育秧 联运 研发 "
                        "交流 转化 孵化 示范".split())


def _place_after(core: str, i: int) -> bool:
    """Whether a place's name (by the gazetteer or jieba's tag) follows position ``i`` of a name's core."""
    if any(s0 >= i and len(f) >= 2 for s0, _e, f in regions.gazetteer().scan(core, i)):
        return True
    return any(s0 >= i and t == "ns" and len(w) >= 2 for s0, _e, w, t in pos_tokens(core))


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


# ---------------------------------------------------------------- the record


def to_record(an: Analysis) -> DocRecord:
    """Return the picklable record of one analysed document (pure).

    Within the document, a mention whose key is another entity's form (the quoted name of an
    initiative and the same name with its head noun) is that entity; every form the document
    uses is an alias; names and evidence are as written (traditional stays traditional).
    """
    doc = an.doc
    text = doc.written or doc.text
    sents = sorted((s.start, s.end) for s in an.sentences)
    spans: dict[tuple[int, int], str] = {}

    def sentence_of(pos: int) -> tuple[int, int]:
        import bisect

        i = bisect.bisect_right(sents, (pos, float("inf"))) - 1
        if i >= 0 and sents[i][0] <= pos < sents[i][1]:
            span = sents[i]
        else:
            span = (pos, min(len(text), pos + 1))
        spans.setdefault(span, text[span[0] : span[1]])
        return span

    def keep(s: int, e: int) -> None:
        spans.setdefault((s, e), text[s:e])

    # the document's own alias table: a form of an entity names that entity (first form wins)
    alias: dict[tuple[str, str], str] = {}
    for (cls, key), surfaces in sorted(an.aliases.items()):
        for f in sorted(surfaces):
            if f != key:
                alias.setdefault((cls, f), alias.get((cls, key), key))

    def canon(cls: str, key: str) -> str:
        return alias.get((cls, key), key)

    order: list[tuple[str, str]] = []
    label: dict[tuple[str, str], str] = {}
    forms: dict[tuple[str, str], set[str]] = {}
    secs: dict[tuple[str, str], set[int]] = {}
    first: dict[tuple[str, str], tuple[int, int]] = {}

    def touch(cls: str, key: str, written: str | None = None) -> tuple[str, str]:
        k = (cls, canon(cls, key))
        if k not in label:
            order.append(k)
            label[k] = written if written and cls in (OFFICIAL, COMPANY) else k[1]
            forms[k] = set()
            secs[k] = set()
        return k

    section_of = _section_finder(an)
    for reg in an.section_regions.values():
        touch(REGION, reg)
    for m in an.mentions:
        written = text[m.start : m.end] if doc.written else None
        k = touch(m.cls, m.key, written)
        if written and m.cls != INITIATIVE:
            forms[k] |= {written, k[1]}
        forms[k] |= an.aliases.get((m.cls, m.key), set())
        if k[1] != m.key:
            forms[k].add(m.key)
        secs[k].add(section_of(m.start))
        if k not in first:
            first[k] = sentence_of(m.start)
    for p in an.posts:
        k = touch(OFFICIAL, p.official)
        secs[k].add(section_of(p.start))
        keep(p.start, p.end)
        if k not in first:
            first[k] = (p.start, p.end)
        touch(REGION, p.region)
    for o in an.observations:
        touch(REGION, o.region)
        keep(o.start, o.end)
    for a in an.attributions:
        touch(REGION, a.region)
    entities = tuple(
        DocEntity(cls, key, label[(cls, key)], tuple(sorted(forms[(cls, key)] - {label[(cls, key)]})),
                  tuple(sorted(secs[(cls, key)])), first.get((cls, key), (0, 0)))
        for cls, key in order
    )
    posts = tuple(Post(canon(OFFICIAL, p.official), p.label, p.title, p.region, p.start, p.end, p.named, p.former)
                  for p in an.posts)
    atts = tuple(dict.fromkeys(Attribution(a.cls, canon(a.cls, a.key), a.region, a.start, a.end) for a in an.attributions))
    links = tuple(dict.fromkeys((c1, canon(c1, k1), c2, canon(c2, k2)) for c1, k1, c2, k2 in an.links))
    sha = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
    return DocRecord(
        id=doc.id, source=doc.source, title=doc.title, date=doc.date, sha256=sha, length=len(doc.text),
        notes=doc.notes, sections=tuple(an.sections), section_regions=tuple(sorted(an.section_regions.items())),
        entities=entities, posts=posts, observations=tuple(an.observations), attributions=atts, links=links,
        places=tuple(an.places), sentences=tuple((s, e, t) for (s, e), t in sorted(spans.items())),
    )


def _section_finder(an: Analysis) -> Callable[[int], int]:
    secs = an.sections

    def find(pos: int) -> int:
        for s in secs:
            if s.start <= pos < s.end:
                return s.index
        return 0

    return find


def record(doc: Document, recall: bool = False) -> DocRecord:
    """Analyse ``doc`` and return its record: the map step of a build."""
    return to_record(analyse(doc, recall))
