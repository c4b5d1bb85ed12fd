"""Officials and their posts: speaker headings and “title + name” in running text.

Headline forms: “江津区委书记 李应兰”, “潼南区委副书记、区长 李成群”,
“市政府副市长,西部科学城重庆高新区党工委书记 张安疆”. Running text: “市委书记袁家军”,
“中共中央政治局委员、上海市委书记陈吉宁”. A post's region comes from its prefix: a named
region, else 市/省 of the document's main region, 区/县 of the section's, 中央/国务院/部 of 中国.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract import lexicon
from kg.extract.regions import COUNTRY, MUNICIPALITIES, Context, Gazetteer, gazetteer
from kg.text import ROLE_WORDS, SPEAKER_LINE

ROLE_RE = re.compile(rf"(?:常务|代理|代)?副?(?:{ROLE_WORDS})")
_NATIONAL = re.compile(r"^(?:中共中央|中央|国务院|全国|国家|中国|最高人民|[\u4e00-\u9fff]{1,8}部(?=副?部长))")
_ORG_START = re.compile(
    r"(?:中共中央|中央|国务院|全国人大|全国政协|国家|[省市区县州旗]委|[省市区县州]政府|[省市区县州]人大|"
    r"[省市区县州]政协|[省市区县州]纪委|党工委|管委会|最高人民法院|最高人民检察院|(?:自治区|自治州)?党委|[\u4e00-\u9fff]{2,4}(?:部|局|厅|委员会)(?=副?(?:部长|局长|厅长|主任|书记)))"
)
# characters after a two-character name that start the next word (李电调研, 李强主持)
_NOT_NAME_START = set("和与及等的在是对为从向把被")
_POST_VERBS = re.compile(r"召开|举行|主持|会见|出席|参加|调研|表示|指出|强调|听取|传达|学习|落实|贯彻|看望|慰问|考察|率领|陪同|会议|例会|[和与及同]")
_ENDS_NAME = set("在作和与的等说是对向到于")
_VERBS_AFTER_NAME = {"出席", "主持", "调研", "会见", "会晤", "表示", "强调", "指出", "参加", "考察", "视察", "带队",
                     "率队", "介绍", "说道", "讲话", "致辞", "看望", "慰问", "出访", "签署", "宣布", "一行", "同志"}
_AFTER_NAME = set("在和与的等指强表说主出会到来就对是为同率要也还又都参调听先深实代带")


_GOV_PREFIX = re.compile(r"^[省市区县州]政府(?=副?[省市区县州]长)")


@dataclass(frozen=True)
class PostRead:
    label: str  # full post as written
    title: str  # bare role
    region: str  # region key


def parse_posts(posts: str, ctx: Context, section_region: str | None,
                gaz: Gazetteer | None = None) -> list[PostRead]:
    """Read a chain of posts (“潼南区委副书记、区长”) into labelled, regioned posts."""
    gaz = gaz or gazetteer()
    out: list[PostRead] = []
    prev_region: str | None = None
    for part in re.split(r"[、，,]", posts):
        part = part.strip()
        if not part or not ROLE_RE.search(part):
            continue
        region, title = _region_and_title(part, ctx, section_region, prev_region, gaz)
        if region is None:
            continue
        out.append(PostRead(part, title, region))
        prev_region = region
    return out


def _region_and_title(post: str, ctx: Context, section_region: str | None, prev: str | None,
                      gaz: Gazetteer) -> tuple[str | None, str]:
    if _NATIONAL.match(post):
        return COUNTRY, "总书记" if post.endswith("总书记") else post
    # the last region named in the post (西部科学城重庆高新区党工委书记 -> 重庆高新区)
    last: tuple[int, int, str] | None = None
    for s, e, form in gaz.scan(post):
        keys = gaz.lookup(form)
        cands = [gaz[k] for k in keys]
        inctx = [r for r in cands if r.province in ctx.provinces]
        if form not in gaz.full:
            inctx = [r for r in inctx if r.level != "country"] or [r for r in cands if r.level != "county"]
            if not inctx:
                continue
        inctx = inctx or cands
        last = (s, e, sorted(inctx, key=lambda r: (r.rank, r.key))[0].key)
    if last is not None:
        s, e, key = last
        rest = re.sub(r"^(?:人民政府|政府)(?=副?[省市区县州旗]长)", "", post[e:])
        if key == COUNTRY:
            return COUNTRY, rest or post
        r = gaz[key]
        if rest.startswith(("委", "人大", "政协", "政府", "纪委")):
            suffix = {"province": "省", "prefecture": "市", "county": r.name[-1], "zone": "区"}[r.level]
            if r.level == "province" and r.province in MUNICIPALITIES:
                suffix = "市"
            rest = suffix + rest
        if rest:
            return key, rest
    # 自治区 stands for the province in context; the bare role drops the organ (人民政府主席 -> 主席)
    head = "省" if post.startswith("自治区") else post[:1]
    post = re.sub(r"^(?:自治区|[省市区县州旗])?(?:人民政府|政府)?(?=副?(?:主席|[省市区县州旗]长))", "", post) or post
    post = re.sub(r"^自治区(?=党委|人大|政协|纪委)", "", post)
    post = _GOV_PREFIX.sub("", post)
    if head in "市省" and ctx.main and ctx.main != COUNTRY:  # a national story has no 市/省 of its own
        main = gaz.get(ctx.main)
        if main is not None:
            if head == "省" and main.level != "province":
                return main.parent or ctx.main, post
            return ctx.main, post
    if head in "区县旗" and section_region:
        return section_region, post
    if prev is not None:
        return prev, post
    if section_region and not _ORG_START.match(post):
        return section_region, post
    return None, post


@dataclass(frozen=True)
class OfficialHit:
    name: str
    name_start: int
    name_end: int
    posts: list[PostRead]
    post_start: int


def speaker_line(line: str) -> tuple[str, str] | None:
    """Return (posts, name) when ``line`` is a speaker heading (“江津区委书记 李应兰”)."""
    m = SPEAKER_LINE.match(line.strip())
    if not m:
        return None
    name = re.sub(r"[ \u3000]", "", m.group("name"))
    single, compound = lexicon.surnames()
    # a line of its own, post then name: the name needs no known surname (嘎玛泽登) when the
    # post is a head of government or Party committee
    head_post = re.search(r"(?:书记|[省市区县州旗]长|主席|主任)$", m.group("posts"))
    if name[0] not in single and name[:2] not in compound and not (head_post and len(name) >= 3):
        return None
    if not head_post and not plausible_name(name):
        return None
    return m.group("posts"), name


def name_after(text: str, i: int, end: int) -> int:
    """Return the end of a personal name starting at ``i`` (0 length if none)."""
    single, compound = lexicon.surnames()
    sl = 2 if text[i : i + 2] in compound else (1 if text[i : i + 1] in single else 0)
    if not sl:
        return i
    j = i + sl
    given = 0
    while j < end and given < 2 and "\u4e00" <= text[j] <= "\u9fff":
        if given == 1:
            nxt = text[j : j + 2]
            if text[j + 1 : j + 3] in _VERBS_AFTER_NAME and text[j] not in _ENDS_NAME and text[j] not in _AFTER_NAME:
                j += 1  # 胡广杰出席: the verb after the third character decides (not 杰出)
                given += 1
                break
            if text[j] in _AFTER_NAME and (lexicon.is_word(nxt, 20) or j + 1 >= end or not _han(text[j + 1])):
                break
            if text[j] in _ENDS_NAME and lexicon.is_word(text[j + 1 : j + 3], 20):
                break  # 王毅在参加…, 李强作报告: a preposition or verb before a word
            if lexicon.is_word(nxt, 50):
                break
        j += 1
        given += 1
    return j if given else i


def plausible_name(name: str) -> bool:
    """A personal name is not a common word of another kind (殷殷, 书记处) nor a doubled character."""
    if len(name) == 2 and name[0] == name[1]:
        return False
    tag = lexicon.word_tag(name)
    if tag is not None and not tag.startswith("nr") and lexicon.word_freq(name) >= 5:
        return False
    return True


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


_NOT_NAME_AFTER = re.compile(r"(?:会|们|班子|人选|职务|职责|岗位|办公|调研|带队|同志们)")


def officials_in(text: str, start: int, end: int, ctx: Context, section_region: str | None,
                 gaz: Gazetteer | None = None) -> Iterator[OfficialHit]:
    """Yield officials named right after a post in ``text[start:end]`` (“市委书记袁家军”)."""
    gaz = gaz or gazetteer()
    for m in ROLE_RE.finditer(text, start, end):
        ns = m.end()
        if text.startswith("的", ns) and text[max(start, m.start() - 12) : m.start()].find("时任") >= 0:
            ns += 1  # 时任福建省委副书记、代省长的习近平
        ne = name_after(text, ns, end)
        if ne - ns < 2 or _NOT_NAME_AFTER.match(text, ns) or text[ns] in _NOT_NAME_START:
            continue
        name = text[ns:ne]
        if not plausible_name(name):
            continue
        ps = _post_start(text, m.start(), start, gaz)
        chain_start = ps
        # posts joined by 、 before this one belong to the same person
        while chain_start - 1 > start and text[chain_start - 1] == "、":
            prev_role = None
            for pm in ROLE_RE.finditer(text, max(start, chain_start - 25), chain_start - 1):
                prev_role = pm
            if prev_role is None or prev_role.end() != chain_start - 1:
                break
            chain_start = _post_start(text, prev_role.start(), start, gaz)
        posts = parse_posts(text[chain_start : m.end()], ctx, section_region, gaz)
        # a named official whose post's region is unknown (a single sentence) is still an official
        yield OfficialHit(name, ns, ne, posts, chain_start)


# National titles that follow the name: 习近平总书记, 李强总理.
_NAME_THEN_TITLE = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,3}?)(?P<title>总书记|国家主席|国务院总理|总理|副总理|委员长)(?![处办室])"
)


def officials_before_title(text: str, start: int, end: int) -> Iterator[OfficialHit]:
    """Yield officials named before a national title (“习近平总书记指出”)."""
    single, compound = lexicon.surnames()
    for m in _NAME_THEN_TITLE.finditer(text, start, end):
        name = m.group("name")
        ns = m.start("name")
        # prefer the three-character name when both read (习近平, not 近平)
        if len(name) == 2 and ns > start and text[ns - 1] in single and plausible_name(text[ns - 1 : ns + 2]):
            continue
        if not (name[0] in single or name[:2] in compound) or not plausible_name(name):
            continue
        title = m.group("title")
        yield OfficialHit(name, ns, m.end("name"), [PostRead(title, title.replace("国务院", ""), COUNTRY)], ns)


def _post_start(text: str, role_start: int, floor: int, gaz: Gazetteer) -> int:
    """The start of the post whose role word begins at ``role_start``."""
    lo = max(floor, role_start - 20)
    best = role_start
    for p in range(role_start - 1, lo - 1, -1):
        ch = text[p]
        if not _han(ch) and ch not in "()（）—-":
            break
        seg = text[p:role_start]
        if _POST_VERBS.search(seg):
            break
        if _ORG_START.match(seg) or (gaz.lookup(_longest_form(text, p, role_start, gaz)) if _han(ch) else False):
            best = p
    return best


def _longest_form(text: str, p: int, stop: int, gaz: Gazetteer) -> str:
    for n in gaz.lengths.get(text[p], []):
        if p + n <= stop and text[p : p + n] in gaz.forms:
            return text[p : p + n]
    return ""
