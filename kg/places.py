"""Which region each stretch of a document is about: the passage topic that figures and
attributions take their region from.

A speech is about its speaker's district; in a report about many places a clause that opens
with a place makes it the topic to the end of the paragraph (“在陕西，…”, “川渝两地…”); a
sentence that opens with none but names some is about the most local of them.
"""

from __future__ import annotations

import bisect
import re

from kg.extract import officials, regions
from kg.model import Mention
from kg.patterns import searchable


def speaker_region(hit: officials.OfficialHit, sent_regions: list[Mention], gaz: regions.Gazetteer) -> str | None:
    """The region an official speaks for: the most local post's, else (a central post) the first
    region the sentence names (“刘金国在参加宁夏代表团审议时说”)."""
    best = section_region(tuple((p.label, p.title, p.region) for p in hit.posts if p.region != regions.COUNTRY), gaz)
    if best:
        return best
    after = [m for m in sent_regions if m.start >= hit.name_end and m.key != regions.COUNTRY]
    return after[0].key if after else None


Segment = tuple[int, int, tuple[str, ...]]  # a stretch of text and the region(s) it is about


class Places:
    """Which region(s) each stretch of a document is about.

    A clause that opens with a region as its subject makes it the topic from there to the end
    of the paragraph (“在陕西，…”, “吉林省围绕…”, “川渝两地…”); a region that only qualifies
    the clause's first noun (“延安苹果…”, “沈阳浑南科技城落户87个项目”) holds for that clause.
    In a speech, and in a report of a region that calls it its own (全省, 我县), only places
    inside that region count and they hold for their sentence (雄安新区 in 河北's report). A
    paragraph that opens with an official (“天津市委书记陈敏尔在…说”) is about the official's
    region. In a story about many places a sentence that opens with none but names some
    (“位于福建厦门的厦金大桥…”) is about the most local of them.
    """

    def __init__(self, gaz: regions.Gazetteer):
        self.gaz = gaz
        self.joint: tuple[str, ...] = ()  # the regions last named together (川渝两地), for a later 两地
        self.default: tuple[str, ...] = ()
        self.topic: tuple[str, ...] = ()
        self.region: str | None = None
        self.mode = "news"

    def section(self, region: str | None, mode: str = "news") -> None:
        """Start a section about ``region``; ``mode`` is ``speech``, ``own`` (a region's own
        report) or ``news``."""
        self.region, self.mode = region, mode
        self.default = (region,) if region else ()
        self.topic = self.default

    def story(self, found: list[Mention]) -> None:
        """A heading opens another story of a news roundup: the places it names (else none: precision
        first) are the default of the paragraphs under it, not the region the whole document names
        most (黑龙江's figures stay with the 黑龙江 story; the 义乌 story after it is not 黑龙江's)."""
        keys = [m.key for m in found if not self.gaz[m.key].foreign]
        local = [k for k in keys if k != regions.COUNTRY]
        self.default = _leaf_regions(local, self.gaz) or ((regions.COUNTRY,) if keys else ())
        self.topic = self.default

    def sentence(self, text: str, s: int, e: int, hits: list[officials.OfficialHit],
                 found: list[Mention]) -> list[Segment]:
        """Return the segments of sentence ``text[s:e]`` with their regions."""
        gaz = self.gaz
        inside = self.mode != "news"  # places inside the section's region only
        if _para_start(text, s):
            self.topic = self.default
            opener = next((h for h in hits if h.post_start <= s + 2), None) if not inside else None
            if opener is not None:
                spoken = speaker_region(opener, found, gaz)
                self.topic = (spoken,) if spoken else self.topic
        if self.mode == "news" and _NATIONAL_SOURCE.search(text[s : min(e, s + 48)]) and \
                all(m.key == regions.COUNTRY for m in found):
            # 记者从交通运输部了解到，…; 国家邮政局数据显示，…: a central body's figures are the country's
            if _para_start(text, s):
                self.topic = (regions.COUNTRY,)
            if not self.default:
                self.default = (regions.COUNTRY,)  # a story that names no place and cites a central body is national
            return [(s, e, (regions.COUNTRY,))]
        if self.mode == "news" and "在" in text[s : min(e, s + 80)]:
            venue = _EVENT_VENUE.search(text, s, min(e, s + 80))
            held = [m.key for m in found if venue and venue.start("place") <= m.start < venue.end("place")
                    and m.key != regions.COUNTRY and not gaz[m.key].foreign]
            if held and _leaf_regions(held, gaz):
                # 2024中国文化旅游产业博览会今天在天津闭幕，…参展参会，成交额达3.85亿元: a fair's figures are its host city's
                self.topic = _leaf_regions(held, gaz)
        segments: list[Segment] = []
        seg_start = s
        sentence_topic = self.topic
        clause_only: tuple[str, ...] | None = None  # the topic to go back to after a qualifying place
        for cs in [s] + [m.end() for m in _CLAUSE_MARK.finditer(text, s, e - 1)]:
            if clause_only is not None:
                if cs > seg_start:
                    segments.append((seg_start, cs, self.topic))
                self.topic, seg_start, clause_only = clause_only, cs, None
            opened, subject = _opening_region(text, cs, min(e, cs + 24), found, gaz, self.joint,
                                              national=not inside)
            if inside:
                opened = tuple(k for k in opened if self.region and within(k, self.region, gaz) and k != self.region)
            if opened:
                if cs > seg_start:
                    segments.append((seg_start, cs, self.topic))
                if not subject and self.mode == "own":
                    clause_only = self.topic
                self.topic, seg_start = opened, cs
                if len(opened) > 1:
                    self.joint = opened
        last = self.topic
        if self.mode == "news" and not segments and seg_start == s:
            last = _leaf_regions([m.key for m in found if m.key != regions.COUNTRY
                                  and not _EXAMPLES.search(text, _clause_start(text, s, m.start), m.start)
                                  and not _among_bodies(text, s, e, m)
                                  and not text.startswith(_DELEGATION, m.end)],
                                 gaz) or self.topic
        segments.append((seg_start, e, last))
        if clause_only is not None:
            self.topic = clause_only
        if inside or self.topic == (regions.COUNTRY,):
            self.topic = sentence_topic  # in a speech a place holds for its sentence only; so does 全国
        return segments


# a fair, an expo or a games held in a place (…博览会今天在天津闭幕, 产销对接活动在广东惠州落下帷幕)
_EVENT_VENUE = searchable(r"(?:博览会|交易会|展览会|洽谈会|[博洽交贸]会|展会|对接活动|运动会|全运会)[^，,。；;]{0,16}?在"
                          r"(?P<place>[\u4e00-\u9fff]{2,10}?)(?:闭幕|开幕|举办|举行|落下帷幕|启幕|开展|开馆)")
_CLAUSE_MARK = re.compile(r"[，,；;：:]")  # a clause starts after one (a sentence's last character starts none)
# words that open a list of examples: the places in it do not make the sentence theirs (产业项目44项，总投资…，
# 主要有岑溪市…项目、…: the figures are the story's city's, not the county of an example)
_EXAMPLES = re.compile(r"主要有|主要包括|主要是|包括|涵盖|例如|比如|诸如")


# the ends of the names of bodies that are no places (ministries, firms, universities)
_BODY_END = re.compile(r"(?:部|委|局|署|办|公司|集团|银行|大学|学院|协会|理事会|总台|总社)(?:[（(][^）)]*[）)])?$")


# a region's delegation to a congress (参加广东代表团审议时说): where a deputy sat, not what the sentence is about
_DELEGATION = ("代表团", "团审议", "团讨论")


def _among_bodies(text: str, s: int, e: int, m: Mention) -> bool:
    """Whether a place is an item of a list (、) that also names ministries, firms or universities
    (对吉林、湖北、湖南、农业农村部、中国建设银行股份有限公司…开展指导): the places are listed beside the
    bodies, and what the sentence says of a body is none of theirs."""
    if text[m.end : m.end + 1] != "、" and text[m.start - 1 : m.start] != "、":
        return False
    lo = max(s, *(text.rfind(c, s, m.start) + 1 for c in "，,；;：:（("))
    hi = min([e] + [k for c in "，,；;。（(" if (k := text.find(c, m.end, e)) >= 0])
    items = [x for x in re.split(r"、", text[lo:hi]) if x]
    return len(items) >= 3 and any(_BODY_END.search(x) for x in items)


def _clause_start(text: str, s: int, pos: int) -> int:
    return max(s, *(text.rfind(c, s, pos) + 1 for c in "，,；;：:"))


def _leaf_regions(keys: list[str], gaz: regions.Gazetteer) -> tuple[str, ...]:
    """The most local of the regions named (福建 and 厦门 -> 厦门), in text order, at most four."""
    uniq = list(dict.fromkeys(keys))
    leaves = [k for k in uniq if not any(o != k and within(o, k, gaz) for o in uniq)]
    return tuple(leaves) if 0 < len(leaves) <= 4 else ()


def _para_start(text: str, s: int) -> bool:
    return s == 0 or text[s - 1] == "\n"


def within(key: str, ancestor: str, gaz: regions.Gazetteer) -> bool:
    return any(r.key == ancestor for r in gaz.ancestors(key))


def region_at(spans: list[tuple[int, int, tuple[str, ...]]], pos: int) -> tuple[str, ...]:
    i = bisect.bisect_right(spans, (pos, float("inf"), ())) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return spans[i][2]
    return ()


_TOPIC_LEAD = re.compile(
    r"(?:(?:今天|今年以来|今年|目前|近日|日前|近年来|此外|同时|另外|其中|与此同时|新春伊始|当前|截至目前|如今|下一步|去年|"
    # a plan's period, the years since a congress, a decade looked back on (“十四五”期间, 党的十八大以来, 十年来)
    r"“?十[一二三四五六七八九]?五”?(?:期间|时期|以来)|党的(?:十[八九]|二十)大以来|(?:这|过去)[一二三四五六七八九十]+年(?:来|间)?|"
    r"[一二三四五六七八九十]+年(?:来|间)|"
    r"[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:以来)?|前三季度|上半年|一季度|三季度|1[—\-－]9月|1[—\-－]6月|(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月)?(?:以来)?)[，,]?"
    r"|[（(][^）)]{0,12}[）)])*(?:在|据|走进|来到|地处)?"
)


def clause_opening(clause: str) -> str:
    """What a clause says after its time words and framing (今年以来，在… -> the rest)."""
    lead = _TOPIC_LEAD.match(clause)
    return clause[lead.end() if lead else 0 :]


def _opening_region(text: str, s: int, e: int, found: list[Mention], gaz: regions.Gazetteer,
                    joint: tuple[str, ...] = (), national: bool = False) -> tuple[tuple[str, ...], bool]:
    """The region(s) a clause opens with, after time words, and whether they are its subject:
    “今天，在陕西，…” -> ((陕西省,), True); “川渝两地…”, “重庆、四川两地…” -> both; “两地…” -> the
    regions last named together; “延安苹果入选…” -> ((延安市,), False): the place qualifies a noun.

    ``found`` holds the sentence's region mentions, in text order."""
    lead = _TOPIC_LEAD.match(text, s, e)
    at = lead.end() if lead else s
    framed = lead is not None and lead.group().endswith(("在", "据", "走进", "来到", "地处"))
    j = regions.joint_regions(text, at, e)
    if j:
        return j[2], True
    if _ALL_PROVINCES.match(text, at, e):
        return (regions.COUNTRY,), True  # 31个省（自治区、直辖市）和新疆生产建设兵团报告…: the whole country
    if text.startswith(("两地", "三地"), at) and joint:
        return joint, True
    keys: list[str] = []
    pos = at
    for m in found:
        if m.start < at:
            continue
        if m.start != pos or (m.key == regions.COUNTRY and not (not keys and ((m.text in ("我国", "中国")
                                                                           and _subject_follows(text, m.end, e))
                                                                          or (national and m.text == "全国")))
                                 or _RANK_AFTER.match(text, m.end)):
            break  # 全国 opens a national passage in a story (全国地级及以上城市…), 我国 a national sentence (我国银行业…); 全国首个 is a rank
        if keys and m.start == pos and text[pos - 1 : pos] not in ("、", "和", "与") and within(m.key, keys[-1], gaz):
            keys[-1] = m.key  # 浙江湖州安吉县: the most local of a chain
        else:
            keys.append(m.key)
        pos = m.end
        if text[pos : pos + 1] in ("、", "和", "与"):
            pos += 1
        if m.key == regions.COUNTRY:
            break
    if len(keys) > 1 and text.startswith(("两地", "三地", "四地", "等地"), pos):
        return tuple(keys), True
    if _COMPOUND.match(text, pos):
        return (), False  # 武汉都市圈, 成渝地区: the place names a larger thing, not the passage's topic
    if not keys:
        return (), False
    return tuple(keys[:1]), framed or _subject_follows(text, pos, e)


_SUBJECT_WORDS = frozenset("是 为 将 已 正 要 也 还 都 又 共 各 全 今年 去年 今天 目前 近年来 上半年 前三季度 全年 "
                           "累计 持续 不断 始终 坚持 已经 正在 率先 首次".split())


def _subject_follows(text: str, pos: int, e: int) -> bool:
    """Whether what follows a place makes it the clause's subject (吉林省围绕…, 宁德位于…, 福建，…)
    rather than a qualifier of the next noun (延安苹果, 沈阳浑南科技城)."""
    if pos >= e or text[pos] in "，,、：:；;。":
        return True
    from kg.extract import lexicon
    from kg.extract.names import GOVERNING

    words = lexicon.words(text[pos : min(e, pos + 8)])
    if not words:
        return True
    w = words[0]
    tag = lexicon.word_tag(w) or ""
    return w in _SUBJECT_WORDS or w in GOVERNING or tag[:1] in ("v", "d", "p", "c") or tag == "t"


_ALL_PROVINCES = re.compile(r"(?:全国)?(?:31|三十一)个省")
# a central body as the source of a sentence: 记者从交通运输部了解到, 国家邮政局最新数据显示, 据商务部统计
_NATIONAL_SOURCE = re.compile(
    r"(?:^|[：:，,]|从|据)"
    rf"(?:{officials.CENTRAL_BODIES}|中国[\u4e00-\u9fff]{{1,8}}?(?:协会|联合会))"
    r"[^，,。；;]{0,16}?(?:获悉|了解到|数据显示|统计显示|显示|发布|通报|公布|消息|介绍|统计|测算)"
)
# a rank (全国首个) or an honour a person holds (全国劳动模范, 全国人大代表) after 全国: no national passage
HONOURS = r"劳动模范|劳模|道德模范|先进|优秀|模范|五一|三八|人大代表|政协委员|青年五四|最美|十佳"
RANKS = r"首个|首家|首批|首条|首座|第一|领先|前列|最大|最早|唯一|百强|十强"
_RANK_AFTER = re.compile(f"(?:{RANKS}|{HONOURS})")
_COMPOUND = re.compile(r"(?:都市圈|城市群|经济圈|经济带|地区|片区|新城|科学城|城区|都市区|港|机场|站|式|特色|人民|梦|方案|智慧)")


def section_region(posts: tuple, gaz: regions.Gazetteer) -> str | None:
    best = None
    for _label, _title, reg in posts:
        r = gaz.get(reg)
        if r is not None and (best is None or r.rank > gaz[best].rank):
            best = reg
    return best
