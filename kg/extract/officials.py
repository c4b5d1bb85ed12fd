"""Officials and their posts: speaker headings and “title + name” in running text.

Headline forms: “江津区委书记 李应兰”, “潼南区委副书记、区长 李成群”,
“市政府副市长,西部科学城重庆高新区党工委书记 张安疆”. Running text: “市委书记袁家军”,
“中共中央政治局委员、上海市委书记陈吉宁”. A post's region comes from its prefix: a named
region, else 市/省 of the document's main region, 区/县 of the section's, 中央/国务院/部 of 中国.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.extract import lexicon
from kg.extract.names import pos_tokens
from kg.extract.regions import (
    COMMON_WORD_FREQ,
    COUNTRY,
    MUNICIPALITIES,
    Context,
    Gazetteer,
    common_form,
    gazetteer,
)
from kg.patterns import searchable
from kg.text import ROLE_WORDS, SPEAKER_LINE

ROLE_RE = searchable(rf"(?:常务|代理|代)?副?(?:{ROLE_WORDS})")
# the State Council's departments by name (some hold 和)
CENTRAL_DEPARTMENTS = (
    r"外交部|国防部|工业和信息化部|国家发展和改革委员会|发展改革委|教育部|科学技术部|科技部|公安部|国家安全部|民政部|司法部|"
    r"财政部|人力资源和社会保障部|人力资源社会保障部|人社部|自然资源部|生态环境部|住房和城乡建设部|住建部|交通运输部|水利部|农业农村部|"
    r"商务部|文化和旅游部|文旅部|国家卫生健康委员会|国家卫健委|退役军人事务部|应急管理部|审计署|海关总署|税务总局|"
    r"市场监管总局|国家市场监督管理总局|国家广播电视总局|广电总局|国家体育总局|体育总局|国家统计局|国家医保局|国家知识产权局|国资委|"
    r"证监会|金融监管总局|国家金融监督管理总局|港澳办|国台办|中联办")
# central bodies and national enterprises whose figures are the country's (国家邮政局, 国铁集团, 国家电网)
CENTRAL_BODIES = (
    rf"{CENTRAL_DEPARTMENTS}|国家[\u4e00-\u9fff]{{1,8}}?(?:局|委|署)|国务院新闻办公室?|国新办|国务院国资委|中央网信办|(?:中国)?人民银行|央行|"
    r"中国国家铁路集团|国铁集团|中国民航局|民航局|国家电网")
_NATIONAL = re.compile(
    r"^(?:中共中央|中央|国务院|国务委员|全国|国家|中国|最高人民|[\u4e00-\u9fff]{1,8}部(?=副?部长)|"
    rf"{CENTRAL_DEPARTMENTS}|"
    # the armed forces
    r"(?:东部|南部|西部|北部|中部)战区|中央军委|军委|解放军|人民解放军|武警|火箭军|战略支援部队)"
)
_ORG_START = re.compile(
    r"(?:越共|古共|中共中央|全国人民代表大会|中国人民政治协商会议|民革|民盟|民建|民进|农工党|致公党|九三学社|台盟|全国工商联|中央|国务院|国务|全国人大|全国政协|国家|[省市区县州旗]委|[省市区县州]政府|[省市区县州]人大|"
    r"[省市区县州]政协|[省市区县州]纪委|党工委|管委会|最高人民法院|最高人民检察院|(?:自治区|自治州)?党委|[\u4e00-\u9fff]{2,4}(?:部|局|厅|委员会)(?=副?(?:部长|局长|厅长|主任|书记)))"
)
# characters after a two-character name that start the next word (李电调研, 李强主持)
_NOT_NAME_START = set("和与及等的在是对为从向把被")
_POST_VERBS = searchable(r"召开|举行|主持|会见|出席|参加|调研|表示|指出|强调|听取|传达|学习|落实|贯彻|看望|慰问|考察|率领|带领|带队|率队|陪同|会晤|致电|致信|会议|例会|邀请|应邀|访华|访问|出访|前往|来华|拒绝|包括|就(?!业)|裁定|授权|接受|要求|指责|宣布|任命|提名|敦促|呼吁|感谢|祝贺|[和与及同由对向的率给]")
_ORGAN_END = set("委部局厅办处室科院会组所站队社团")
_DEPARTMENT_STEMS = frozenset(("宣传", "组织", "统战"))  # a Party committee's departments
# organs named in full whose names hold a word that would end a post (和, 与)
_ORGAN_NAME = re.compile(r"(?:工业和信息化部|国家发展和改革委员会|人力资源和社会保障部|住房和城乡建设部|文化和旅游部|"
                         r"应急管理部|退役军人事务部|国家卫生健康委员会|中央和国家机关|自然资源和规划局|教育和体育局|发展和改革委员会|"
                         r"发展和改革局|工业和信息化局|人力资源和社会保障局|住房和城乡建设局|文化和旅游局|卫生健康委员会)")
# a national council or association whose name joins two fields with 与, right before a role (中国环境与发展国际合作委员会)
_COUNCIL_BEFORE = re.compile(r"(?:中国|国家|全国)[\u4e00-\u9fff]{0,6}与[\u4e00-\u9fff]{2,10}?(?:委员会|协会|联合会|研究会|基金会)$")
# 和/与 joining two fields of one committee, bureau or institute named right before the role
_FIELDS_JOINED = re.compile(r"[和与](?=[\u4e00-\u9fff]{2,8}?(?:委员会|执法局|管理局|研究院)$)")
_OWN_ZONE = re.compile(r"[市区县州]?(?:高新区|经开区|高新技术产业开发区|经济技术开发区)")
_ENDS_NAME = set("在作和与的等说是对向到于将就同被")  # (作 also starts a verb after a role: 组长作报告)
_VERBS_AFTER_NAME = {"出席", "主持", "调研", "会见", "会晤", "表示", "强调", "指出", "参加", "考察", "视察", "带队",
                     "率队", "介绍", "说道", "讲话", "致辞", "看望", "慰问", "出访", "签署", "宣布", "一行", "同志"}
# characters that open a word (强调, 表示) and characters that are a word on their own (说, 在, 和): after a name
_WORD_OPENERS = set("指强表主出会率要参调听先深实代带应")
_AFTER_NAME = _WORD_OPENERS | set("在和与的等说到来就对是为同也还又都")


_PARTY_DEPARTMENT = re.compile(r"^(?:组织部|宣传部|统战部|统一战线工作部|政法委|纪委|编办|网信办)")
# (首任总统: the first holder of a post, held before; 武装部队前总参谋长: 前 after the organ)
# 前 before the role it marks as held before (前总统, 武装部队前总参谋长, 国家情报院前院长)
_FORMER_ROLE = r"前(?=副?(?:总统|总理|首相|国务卿|主席|部长|外长|外交大臣|议长|领导人|总书记|秘书长|政府|过渡|众议院|参议院|总参谋长|总司令|院长|局长|署长|州长|省长|市长|大使))"
_FORMER = re.compile(r"^(?:原|前任|前(?=[^\u4e00-\u9fff]|[总首副国外部议省市区县州政众参]))|[委府部局厅院会协办司行队所组处科心省市区县州旗]原|首任(?=总统|总理|主席)|"
                     + _FORMER_ROLE)
_FORMER_MARK = re.compile(r"^(?:原任|前任|原|前)|(?<=[委府部局厅院会协办司行队所组处科心省市区县州旗])原|首任(?=总统|总理|主席)|"
                          + _FORMER_ROLE)
_GOV_PREFIX = re.compile(r"^[省市区县州]政府(?=副?[省市区县州]长)")


@dataclass(frozen=True)
class PostRead:
    label: str  # full post as written
    title: str  # bare role
    region: str  # region key
    named: bool = True  # the region is named in the post (or it is a national organ), not taken from context
    former: bool = False  # a post held before (原副市长, 前任…, 曾任…), not now


def parse_posts(posts: str, ctx: Context, section_region: str | None,
                gaz: Gazetteer | None = None) -> list[PostRead]:
    """Read a chain of posts (“潼南区委副书记、区长”) into labelled, regioned posts."""
    gaz = gaz or gazetteer()
    out: list[PostRead] = []
    prev_region: str | None = None
    former = False
    organ = ""  # the Party committee the part before named (浙江省委 of 浙江省委委员)
    for part in re.split(r"[、，,兼]", posts):
        part = part.strip()
        if not part or not ROLE_RE.search(part):
            continue
        if organ and part in _COMMITTEE_ROLES:
            part = organ + part  # 浙江省委委员、常委、书记: the same committee's 常委 and 书记 (省委书记, not 书记)
        om = _COMMITTEE_ORGAN.match(part)
        organ = om.group(1) if om else ""
        lead = _leading_country(part, gaz)
        rest = part[len(lead[1]):] if lead is not None else ""
        if lead is not None and rest[:1] in ("前", "原") and len(rest) > 2 and not lexicon.is_word(rest[:2], 5):
            former = True  # 意大利前经济发展部副部长: the country's former minister
            part = lead[1] + rest[1:]
        elif _FORMER.search(part):
            former = True  # 原副省长, 政府原党组成员、副主席: held before, and so every post after it
            part = _FORMER_MARK.sub("", part, count=1) or part
            if not ROLE_RE.search(part):
                continue
        part = re.sub(r"^(?:新任|现任|首任|时任)", "", part) or part
        part = re.sub(r"^(?:第?[0-9一二三四五六七八九十百]+)?届(?=.)", "", part)  # 第十四届全国人民代表大会…
        if prev_region is not None and gaz.get(prev_region) is not None and gaz[prev_region].foreign \
                and not any(gaz.get(k) is not None for _s, _e, f in gaz.scan(part) for k in gaz.lookup(f)):
            out.append(PostRead(part, part, prev_region, True, former))  # 越南…委员、中央书记处书记: still 越南's
            continue
        region, title = _region_and_title(part, ctx, section_region, prev_region, gaz)
        title = re.sub(r"^(?:新当选|当选|新任|现任|首任|时任)(?=.)", "", title)  # 智利新当选总统 -> 总统
        title = re.sub(r"^第[0-9一二三四五六七八九十百]+任(?=.)", "", title)  # 日本第103任首相 -> 首相
        if title.startswith("新") and ROLE_RE.fullmatch(title, 1):
            title = title[1:]  # 英国新首相 -> 首相
        if region is not None and gaz.get(region) is not None and gaz[region].level == "village":
            region = gaz[region].parent  # 代县段家湾村党支部书记: a village is no region of a post; its county is
        named = region is not None and _names_region(part, gaz)
        if region is None or (not named and part in _NEEDS_ORGAN and prev_region is None):
            # no region: a country named before may give one. A bare 部长 or 主任 heads an organ the
            # text does not name here: the place of the story is not its region
            out.append(PostRead(part, title, "", False, former))
            continue
        out.append(PostRead(part, title, region, named, former))
        prev_region = region
    return out


# a Party committee and one of its members' roles (浙江省委|委员, 新疆维吾尔自治区党委|常委): bare roles after it in a
# chain are the same committee's
_COMMITTEE_ORGAN = re.compile(r"(.{1,14}?(?:省委|市委|区委|县委|州委|盟委|旗委|党委))(?:委员|常委|副书记|书记)$")
_COMMITTEE_ROLES = frozenset("委员 常委 副书记 书记".split())

_NEEDS_ORGAN = frozenset("部长 副部长 主任 副主任 局长 副局长 厅长 副厅长 司长 副司长 处长 副处长 董事长 总经理 副总经理 "
                         "行长 副行长 院长 副院长 校长 副校长 社长 总编辑 台长 主任委员".split())


_SUFFIX = {"province": "省", "prefecture": "市", "county": "", "zone": "区"}  # 江津区委 -> 区委 ("": the name's own)


# foreign parties named by their abbreviation (越共中央总书记, 古共中央第一书记)
_FOREIGN_PARTY = {"越共": "FVN", "古共": "FCU"}


# another country named by one character before its officials' posts (俄外长, 美总统国家安全事务助理,
# 日首相): only where the character cannot be read as a Chinese place or a common word
_COUNTRY_CHAR = {"俄": "FRU", "美": "FUS", "日": "FJP", "英": "FGB", "法": "FFR", "德": "FDE", "乌": "FUA",
                 "韩": "FKR", "朝": "FKP", "越": "FVN", "印": "FIN", "以": "FIL", "意": "FIT", "加": "FCA",
                 "澳": "FAU", "土": "FTR", "菲": "FPH", "泰": "FTH", "沙": "FSA"}
_FOREIGN_ROLE = re.compile(r"(?:总统|副总统|总理|副总理|首相|副首相|外长|防长|国务卿|外交部长|国防部长|财政部长|国防部|外交部|军|"
                           r"商务部长|驻华大使|大使|总统助理|总统新闻秘书|总统府|总统办公室|国家安全事务助理|常驻联合国代表|议长|"
                           r"联储主席|联储理事|总参谋长|参谋长|总司令)")


def _country_char(post: str) -> bool:
    return post[:1] in _COUNTRY_CHAR and bool(_FOREIGN_ROLE.match(post, 1))


def _region_and_title(post: str, ctx: Context, section_region: str | None, prev: str | None,
                      gaz: Gazetteer) -> tuple[str | None, str]:
    for abbr, key in _FOREIGN_PARTY.items():
        if post.startswith(abbr) and gaz.get(key) is not None:
            # 越共中央总书记 -> 总书记, 古共中央第一书记 -> 第一书记 (as 中共中央总书记 is 总书记)
            return key, re.sub(r"^中央(?=总书记|第一书记|书记)", "", post[len(abbr):]) or post
    if _country_char(post) and gaz.get(_COUNTRY_CHAR[post[0]]) is not None:
        # 俄外长 -> 外长; an organ named with the country (美联储主席) keeps it
        # (美军参谋长联席会议主席 -> 参谋长联席会议主席: the army, like the country, is no part of the post)
        return _COUNTRY_CHAR[post[0]], post if post.startswith("联储", 1) else post[2:] if post[1] == "军" else post[1:]
    zhu = post.find("驻")
    if zhu >= 0 and (post[zhu + 1 : zhu + 2] == "华" or _foreign_at(post, zhu + 1, gaz) or _INTERNATIONAL.match(post, zhu + 1)):
        # 中国驻埃及大使, 埃及驻华大使: the post is of the country that sends, not of the one it sits in
        sender = [k for s, e, f in gaz.scan(post, 0, zhu) for k in gaz.lookup(f)[:1]]
        return (sender[-1] if sender else COUNTRY), post[zhu:]
    lead = _leading_country(post, gaz)
    if lead is not None and _NATIONAL.match(post[len(lead[1]):]):
        return lead[0], post[len(lead[1]):]  # 乌克兰国防部副部长: the country's ministry, not ours
    if _NATIONAL.match(post):
        if prev is not None and prev != COUNTRY and _PARTY_DEPARTMENT.match(post):
            return prev, post  # 市委常委、组织部部长: the city's department, not a ministry
        return COUNTRY, "总书记" if post.endswith("总书记") else post
    z = _OWN_ZONE.match(post)
    if z and z.end() < len(post):
        city = _own_at_level("市", section_region or ctx.main, gaz)
        kind = "gxq" if "高新" in z.group() else "jkq"
        zone = f"Z{city}{kind}" if city else None
        if zone is not None and gaz.get(zone) is not None:
            return zone, post[z.end():]  # 市高新区党工委书记: the zone of the text's own city
    # the last region named in the post (西部科学城重庆高新区党工委书记 -> 重庆高新区)
    last: tuple[int, int, str] | None = None
    bounds: frozenset[int] | None = None
    for s, e, form in gaz.scan(post):
        keys = gaz.lookup(form)
        if post[e : e + 1] in "市州省县" and (s > 0 or post[e : e + 2] in ("市市", "州州")) and gaz.foreign_only(form):
            continue  # 努尔苏丹市市长: a country's name inside a city's, no country's post
        if s > 0:
            bounds = bounds if bounds is not None else lexicon.token_bounds(post)
            if s not in bounds:
                # 马里兰州州长: a place's name that starts inside a word is no place (not 兰州), nor is
                # one read earlier inside the same word (not 马里)
                word_start = max(b for b in bounds if b < s)
                if last is not None and last[0] >= word_start:
                    last = None
                continue
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
        rest = re.sub(r"^(?:人民政府|政府)(?=(?:常务|代理|代)?副?(?:[省市区县州旗]长|主席))", "", post[e:])
        if key == COUNTRY:
            return COUNTRY, rest or post
        r = gaz[key]
        if rest.startswith(("委", "人大", "政协", "政府", "纪委")) and r.level in _SUFFIX:
            suffix = _SUFFIX[r.level] or r.name[-1]
            if r.level == "province" and r.province in MUNICIPALITIES:
                suffix = "市"
            rest = suffix + rest
        if r.foreign:
            # 柬埔寨王国首相, 越南社会主义共和国主席: the country's full style is no part of the title
            rest = re.sub(r"^(?:社会主义|人民民主|民主|伊斯兰|阿拉伯|联邦|合作)?(?:共和国|王国)(?=.)", "", rest)
            rest = _country_guo(post, e, rest)
        if rest:
            return key, rest
    # 自治区 stands for the province in context; the bare role drops the organ (人民政府主席 -> 主席)
    head = "省" if post.startswith("自治区") else post[:1]
    post = re.sub(r"^(?:自治区|[省市区县州旗])?(?:人民政府|政府)?(?=(?:常务|代理|代)?副?(?:主席|[省市区县州旗]长))", "",
                  post) or post
    post = re.sub(r"^自治区(?=党委|人大|政协|纪委)", "", post)
    post = _GOV_PREFIX.sub("", post)
    own = _own_at_level(head, section_region or ctx.main, gaz)
    if own is not None:
        return own, post
    if prev is not None:
        return prev, post
    if section_region and section_region != COUNTRY and not _ORG_START.match(post) and head not in "市省区县州旗":
        return section_region, post
    return None, post


# the words a title opens with that start with 国 (国防部长, 国务卿, 国家安全顾问)
_GUO_WORDS = ("国防", "国务", "国家", "国土", "国资", "国会", "国民", "国安", "国际", "国库", "国王")


def _country_guo(post: str, e: int, rest: str) -> str:
    """The title after a country's name when 国 stands between them: 蒙古国|总理 (the country's
    name as news writes it, 国 no part of the title) and 以色列|国防部长 (the gazetteer's 以色列国
    read over the title's first character; 美国|防长 is a role whole)."""
    if rest.startswith("国") and not rest.startswith(_GUO_WORDS) and len(rest) > 2:
        return rest[1:]
    if post[e - 1 : e] == "国" and ("国" + rest).startswith(_GUO_WORDS) and not ROLE_RE.fullmatch(rest):
        return "国" + rest
    return rest


def _leading_country(post: str, gaz: Gazetteer) -> tuple[str, str] | None:
    """The other country a post opens with, and the form it is written in (乌克兰国防部副部长 -> 乌克兰)."""
    for s, _e, form in gaz.scan(post, 0, min(len(post), 12)):
        if s == 0 and gaz.foreign_only(form):
            keys = gaz.lookup(form)
            if keys and gaz[keys[0]].foreign:
                return keys[0], form
        break
    return None


def _own_at_level(head: str, region: str | None, gaz: Gazetteer) -> str | None:
    """The text's own region at the level a bare organ names: 省委 -> the province, 市长 -> the
    city (a county-level 市 in its own news), 县委/区长 -> the county or district; none when the
    text's region is above that level (县委书记 in a province's report names no county)."""
    if not region or region == COUNTRY or head not in "省市州区县旗":
        return None
    chain = [r for r in gaz.ancestors(region) if not r.foreign]
    if not chain:
        return None
    if head == "省":
        return next((r.key for r in chain if r.level == "province"), None)
    if head == "市":
        r0 = chain[0]
        if r0.level == "county" and r0.name.endswith("市"):
            return r0.key
        return next((r.key for r in chain if r.level == "prefecture"
                     or (r.level == "province" and r.province in MUNICIPALITIES)), None)
    if head == "州":
        return next((r.key for r in chain if r.level == "prefecture" and r.name.endswith(("州", "盟"))), None)
    r0 = chain[0]
    if r0.level in ("county", "zone"):
        return r0.key
    return None


def _names_region(part: str, gaz: Gazetteer) -> bool:
    return bool(_NATIONAL.match(part)) or any(len(f) >= 2 for _s, _e, f in gaz.scan(part)) or \
        part.startswith(tuple(_FOREIGN_PARTY)) or _country_char(part)


# titles only other countries have: without a country named they take no Chinese region
_FOREIGN_TITLES = re.compile(r"(?:总统|首相|国王|女王|王储|亲王|大公|议长|众议长|参议长|外长|防长|大臣|国务卿|总督)$")


def _foreign_at(post: str, i: int, gaz: Gazetteer) -> bool:
    for s, _e, f in gaz.scan(post, i, len(post)):
        return s == i and any(gaz[k].foreign for k in gaz.lookup(f))
    return False


@dataclass(frozen=True)
class OfficialHit:
    name: str
    name_start: int
    name_end: int
    posts: list[PostRead]  # the posts held (those a place is read from)
    post_start: int
    former: tuple[PostRead, ...] = ()  # posts held before (原…, 曾任…)
    title_end: int = -1  # a name read before its title (习近平总书记): where the title ends
    international: bool = False  # named only with a post of an international body (联合国秘书长古特雷斯)


def speaker_line(line: str) -> tuple[str, str] | None:
    """Return (posts, name) when ``line`` is a speaker heading (“江津区委书记 李应兰”)."""
    line = line.strip()
    if " " not in line and "\u3000" not in line:
        return None  # a heading sets its name apart with a space: most lines are not searched
    m = SPEAKER_LINE.match(line)
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


# one person a line, as press conferences and meeting reports print them: the name first (a
# two-character name padded to align: 张  三), then the posts (“李四光  市财政局局长”); or a label, then
# posts and name (“主持人：市政府新闻办副主任 王五”, “发布人：…”)
_NAME_FIRST_LINE = re.compile(
    rf"^(?P<name>[\u4e00-\u9fff](?:[ \u3000]{{0,3}}[\u4e00-\u9fff]){{1,3}})[ \u3000]+"
    rf"(?P<posts>[^。！？!?；;：:，,\s]{{2,60}}?(?:{ROLE_WORDS}))$"
)
_LABEL = re.compile(r"^(?:主持人|发布人|发言人|出席人|出席嘉宾|嘉宾|主讲人|主持|发布|出席)[：:]\s*")


def listed_official(line: str) -> tuple[str, str, int, int] | None:
    """Return (posts, name, name start, name end) of a line that prints one official, name first
    (“李四光  市财政局局长”) or after a label (“主持人：市政府新闻办副主任 王五”); offsets into ``line``."""
    single, compound = lexicon.surnames()
    m = _NAME_FIRST_LINE.match(line)
    if m:
        name = re.sub(r"[ \u3000]", "", m.group("name"))
        if 2 <= len(name) <= 4 and (name[0] in single or name[:2] in compound) and plausible_name(name):
            return m.group("posts"), name, m.start("name"), m.end("name")
    lab = _LABEL.match(line)
    if lab:
        rest = line[lab.end() :]
        hit = speaker_line(rest)
        if hit:
            posts, name = hit
            k = rest.rstrip().rfind(name[-1])
            ne = lab.end() + k + 1
            return posts, name, ne - len(rest.rstrip()[: k + 1].rstrip().split()[-1]), ne
    return None


_NAME_THEN_PAREN = re.compile(
    rf"(?P<name>[\u4e00-\u9fff]{{2,3}})[（(](?P<posts>[^（）()。！？!?；;]{{2,40}}?(?:{ROLE_WORDS}))[）)]"
)


_APPOINTED = re.compile(
    rf"(?P<name>[\u4e00-\u9fff]{{2,3}})(?:同志)?(?:任|担任|出任|当选为|当选)(?P<posts>[^，,。！？!?；;（）()]{{2,40}}(?:{ROLE_WORDS}))"
    r"(?=[，,。；;]|$|职务)"
)
# appointed by a body (“任命韩俊为农业农村部部长”, “选举李四为县长”)
_APPOINTED_AS = re.compile(
    rf"(?:任命|提名|选举|决定)(?P<name>[\u4e00-\u9fff]{{2,3}}?)为(?P<posts>[^，,。！？!?；;（）()]{{2,40}}(?:{ROLE_WORDS}))"
    r"(?=[，,。；;]|$|职务)"
)
# a year a career is told by, in figures or in characters (1985年, 一九八五年)
_CAREER_YEAR = re.compile(r"(?:19|20)[0-9]{2}年|(?:一九|二〇|二零)[〇零○一二三四五六七八九]{2}年")
# every match of the two above holds one of these (任 of 担任 and 任命): a sentence without them is
# not searched (both patterns try a name at every Han character, so a search costs)
_APPOINTED_WORDS = ("任", "当选", "提名", "选举", "决定")


def appointed(text: str, start: int, end: int, ctx: Context, section_region: str | None,
              gaz: Gazetteer) -> Iterator[OfficialHit]:
    """Yield officials appointed or elected to a post (“张三同志任抚州市委书记”, “李四当选为县长”)."""
    sentence = text[start:end]
    if not any(w in sentence for w in _APPOINTED_WORDS):
        return
    single, compound = lexicon.surnames()
    bounds = lexicon.token_bounds(sentence)
    for m in itertools.chain(_APPOINTED.finditer(text, start, end), _APPOINTED_AS.finditer(text, start, end)):
        name = m.group("name")
        ns = m.start("name")
        if len(name) == 3 and (ns - start) not in bounds:
            name, ns = name[1:], ns + 1
        if (ns - start) not in bounds or not (name[0] in single or name[:2] in compound) or not plausible_name(name):
            continue
        if text[max(start, ns - 1) : ns] in ("曾", "原", "历") or re.search(r"[他她您你我它们兼就曾再又将已]", name):
            continue  # 祝贺他当选…, 兼任, 宣誓就任: no name
        if ns > start and (text[ns - 1] in _DOTS or _name_word_before(text, start, ns, bounds)):
            continue  # 提名乌梅|罗夫担任, 别尔德穆哈|梅多夫当选: the end of a longer (foreign) name
        if _CAREER_YEAR.search(text, start, ns) or text[max(start, ns - 1) : ns] == "的":
            # 1985年，江泽民出任上海市市长, 一九八〇年，江泽民同志担任…: a career told; 接替…的某某出任: the object,
            # not who takes it
            continue
        held = [p for p in parse_posts(m.group("posts"), ctx, section_region, gaz) if p.region and not p.former]
        if held:
            yield OfficialHit(name, ns, m.end("name"), held, m.start("posts"))


def _name_word_before(text: str, start: int, ns: int, bounds: frozenset[int]) -> bool:
    """Whether the word (of the sentence's ``bounds``) that ends right at ``ns`` is a part of a
    personal name (乌梅|罗夫, 穆哈|梅多夫)."""
    b = max((x for x in bounds if x < ns - start), default=None)
    if b is None or ns - start - b < 2:
        return False
    return (lexicon.word_tag(text[start + b : ns]) or "").startswith("nr")


def officials_in_parens(text: str, start: int, end: int, ctx: Context, section_region: str | None,
                        gaz: Gazetteer) -> Iterator[OfficialHit]:
    """Yield officials named with their posts in brackets after the name (“王五（抚州市副市长）：…”,
    “张三（右二，市委书记）” is not read: a position in a photo is no post)."""
    if text.find("（", start, end) < 0 and text.find("(", start, end) < 0:
        return  # no bracket: no match (the pattern tries a name at every Han character)
    single, compound = lexicon.surnames()
    for m in _NAME_THEN_PAREN.finditer(text, start, end):
        ns = m.start("name")
        for k in (0, 1):  # 记者王五（…）: the name may be the last two or three characters
            name = m.group("name")[k:]
            if len(name) < 2 or not (name[0] in single or name[:2] in compound) or not plausible_name(name):
                continue
            s0 = ns + k
            if s0 > start and _han(text[s0 - 1]) and k == 0 and len(name) == 3 and lexicon.is_word(text[s0 - 1 : s0 + 1], 5):
                continue
            posts = parse_posts(m.group("posts"), ctx, section_region, gaz)
            held = [p for p in posts if p.region and not p.former]
            if held:
                yield OfficialHit(name, s0, m.end("name"), held, m.start("posts"),
                                  tuple(p for p in posts if p.region and p.former))
            break


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
            if (lexicon.word_tag(text[i : j + 1]) or "").startswith("nr") or text[i : j + 1] in known_national():
                j += 1  # 李克强13日: a name the dictionary knows whole; 张国清代表: one the corpus's national posts know
                given += 1
                break
            if (text[j] in _ENDS_NAME or text[j] in _AFTER_NAME or lexicon.is_word(text[j : j + 2], 20)) \
                    and lexicon.word_freq(text[i:j]) >= 20 and (lexicon.word_tag(text[i:j]) or "").startswith("nr") \
                    and not lexicon.is_word(text[i : j + 1], 1) \
                    and not (text[j] not in _ENDS_NAME and text[j + 1 : j + 2] in _ENDS_NAME
                             and lexicon.is_word(text[j + 2 : j + 4], 20)
                             and not (lexicon.word_tag(text[j : j + 2]) or "").startswith("v")):
                break  # 李强向莫迪, 李强应约, 李强乘坐: a known two-character name and a word after it
            nxt = text[j : j + 2]
            if text[j + 1 : j + 3] in _VERBS_AFTER_NAME and text[j] not in _ENDS_NAME and \
                    (text[j] not in _AFTER_NAME or text[j : j + 2] == text[j + 1 : j + 3] or text[j + 1] == text[j]):
                j += 1  # 胡广杰出席: the verb after the third character decides (not 杰出)
                given += 1
                break
            if text[j] in _AFTER_NAME and (lexicon.is_word(nxt, 20) or (
                    (j + 1 >= end or not _han(text[j + 1])) and text[j] not in _WORD_OPENERS)):
                break  # 王毅说，, 尹强和1名: a word on its own ends the name; 尹若强，: one that opens a word does not
            if nxt[1:] in ("和", "与", "同") and _place_at(text, j + 2) and lexicon.is_word(nxt, 50):
                j += 1  # 丁薛祥|和委内瑞拉总统: 和 joins the next person, the word it makes with the third character (祥和) is none
                given += 1
                break
            if (text[j] in _ENDS_NAME or text[j] == "以") and (lexicon.is_word(text[j + 1 : j + 3], 20) or _place_at(text, j + 1)
                                          or text[j] == "被" or text[j + 1 : j + 2] in ("了", "出", "的")
                                          or text[j : j + 2] == "到会"):
                break  # 王毅在参加…, 李强作报告, 刘奇作的报告, 蔡奇到会: a preposition or verb before a word
            if lexicon.is_word(nxt, 50) and not (text[j + 1 : j + 2] in _ENDS_NAME
                                                 and (lexicon.is_word(text[j + 2 : j + 4], 20)
                                                      or text[j + 1 : j + 3] in ("作了", "作的"))
                                                 and not (lexicon.word_tag(nxt) or "").startswith("v")):
                break  # (李干杰作总结, 刘彦平等一批: the third character, then a verb or 等 before a word)
            if text[j] == "等" and given == 1:
                break  # 李斌等就有关议题作了说明: 等 closes a list, no name's character
            if text[j] == "时" and (j + 1 >= end or not _han(text[j + 1]) or text[j + 1 : j + 3] in _VERBS_AFTER_NAME):
                break  # 会见…特使翟隽时，: 时 closes a clause of time, no name's character
            if text[j + 1 : j + 2] == "了" and text[j + 1 : j + 3] != "了解":
                break  # 主任曹钰松了一口气: a verb before 了, no name's character
            if text[j] in "在为" and not (lexicon.word_tag(text[i : j + 1]) or "").startswith("nr"):
                break  # 李希在哈瓦那出席, 以李舸为主席: a preposition or a copula after a two-character name
            if text[j] == "案" and (j + 1 >= end or not _han(text[j + 1]) or text[j + 1] in "等的中件"):
                break  # 张琦案: a case named after its man
        j += 1
        given += 1
    return j if given else i


def _place_at(text: str, i: int) -> bool:
    """Whether a place's name starts at ``i`` (韩正向|哥伦比亚…: the name ends before 向)."""
    gaz = gazetteer()
    return any(text.startswith(f, i) for n in gaz.lengths.get(text[i : i + 1], ()) if (f := text[i : i + n]) in gaz.forms)


def plausible_name(name: str) -> bool:
    """A personal name is not a common word of another kind (殷殷, 书记处) nor a doubled character."""
    if len(name) == 2 and (name[0] == name[1] or name[1] in "市县省镇乡村"):
        return False  # 冈市 (新潟县长冈市): a place, not a name
    tag = lexicon.word_tag(name)
    if tag is not None and not tag.startswith("nr") and lexicon.word_freq(name) >= 5:
        return False
    if name[-1] in "了着过吗呢啊" or (len(name) == 2 and name[0] in "都也就还又已将" and name[1] in "会要能是在有可把被让"):
        return False  # 总书记来了, 总书记都会走进: a particle, or an adverb and a modal, not a name
    if any(c in "就的了将是都把被着两" for c in name[1:]):
        return False  # 执行主席|席就座: a particle or an adverb is no character of a given name
    if (len(name) == 3 and name[2] in "其他她") or (len(name) == 2 and name[1] in "在对向于"):
        return False  # 祝贺其当选…主席, 相信在总书记…领导下: a verb and a pronoun, a preposition, no name
    if (len(name) == 3 and name[1:] in gazetteer().forms and name[0] in "来去到赴访驻在从往") or (
            len(name) == 2 and name[0] in "来去到赴访驻从往抵" and (name[1] in _COUNTRY_CHAR or name[1] == "华")):
        return False  # 特别代表来印尼, 来法出席, 来华: a verb of going and a place, not a surname and a given name
    if len(name) == 3 and name[0] in "应要将需须可能会" and lexicon.word_freq(name[1:]) >= 1000 \
            and (lexicon.word_tag(name[1:]) or "")[:1] in ("v", "d"):
        return False  # 政协委员应持续加强: a modal and a verb, not a surname (应勇 stays)
    head = lexicon.word_tag(name[:2])
    if len(name) == 3 and head is not None and head[:2] not in ("nr", "ns") and lexicon.word_freq(name[:2]) >= 1000:
        return False  # 总统任期后: a common word (任期) opens no three-character name
    return True


def _han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


_NOT_NAME_AFTER = re.compile(r"(?:会|们|班子|人选|职务|职责|岗位|办公|调研|带队|率团|率队|率领|同志们|官邸|[处办室厅科团馆府])")


def officials_in(text: str, start: int, end: int, ctx: Context, section_region: str | None,
                 gaz: Gazetteer | None = None) -> Iterator[OfficialHit]:
    """Yield officials named right after a post in ``text[start:end]`` (“市委书记袁家军”,
    “俄罗斯总统普京”, “尼泊尔副总理兼外交部长施雷斯塔”, “联合国秘书长古特雷斯”).

    The post is read first: a post of another country or of an international body is
    followed by a transliterated (or foreign) name, read whole up to the next word
    (泽连斯基表示, 岸田文雄举行); a Chinese post by a Chinese name (surname and one or two characters).
    """
    gaz = gaz or gazetteer()
    bounds = None
    last: tuple[int, list[str]] | None = None  # where the last official's name ended, the regions its posts named
    named_before: str | None = None  # the Chinese region the sentence's last named post was of
    last_abroad: str | None = None  # the country of the last official's post, when another country's
    last_region: str | None = None  # the region of the last official's first post
    for m in ROLE_RE.finditer(text, start, end):
        ns = m.end()
        if bounds is None:
            bounds = lexicon.token_bounds(text[start:end])
        if (ns - start) not in bounds:
            continue  # the role word ends inside a word (重大使命, 大使馆, 总统府): no post
        if text.startswith("的", ns) and text[max(start, m.start() - 12) : m.start()].find("时任") >= 0:
            ns += 1  # 时任福建省委副书记、代省长的习近平
        if ns >= end or text[ns] in "兼、" or ROLE_RE.match(text, ns) or _TITLE_TAIL.match(text, ns):
            continue  # the post goes on (副总理兼外交部长, 总统助理): the name follows its last role
        if _NOT_NAME_AFTER.match(text, ns):
            continue
        if text[ns] in _NOT_NAME_START and not (text[ns] in lexicon.surnames()[0] and not lexicon.is_word(
                text[ns : ns + 2], 5) and not lexicon.is_word(text[ns + 1 : ns + 3], 5) and not _place_at(text, ns + 1)):
            continue  # 书记向大家介绍 (a preposition), but 代区长向诗兵 (a surname)
        if text[ns] in "和与同及" and _name_then_role(text, ns, end):
            continue  # 习近平主席和图普六世国王: 和 joins a second person named with a post after
        # a post never reaches back over the name of the official read before it (国家主席习近平就越南
        # 前国家主席陈德良: 陈德良's post starts after 习近平)
        floor = max(start, last[0]) if last is not None else start
        ps = _post_start(text, m.start(), floor, gaz)
        chain_start = ps
        # posts joined by 、 or 兼 before this one belong to the same person
        while chain_start - 1 > floor and text[chain_start - 1] in "、兼":
            prev_role = None
            for pm in ROLE_RE.finditer(text, max(floor, chain_start - 25), chain_start - 1):
                prev_role = pm
            if prev_role is None or prev_role.end() != chain_start - 1:
                break
            chain_start = _post_start(text, prev_role.start(), floor, gaz)
        if _BOARD.search(text, max(floor, chain_start - 3), m.end()):
            # 集团有限公司董事局主席丁世忠, 渣打集团主席, 董事长、党组书记刘明胜, 音乐学院理事会主席: a company's or
            # a board's posts, the Party's in a company too, are no public office
            continue
        if m.group().endswith("发言人") and _ARMED.search(text, max(floor, chain_start - 8), m.start()):
            continue  # 以色列国防军发言人, 武装部队发言人, 卡桑旅发言人: a soldier who speaks, no public post
        posts = parse_posts(text[chain_start : m.end()], ctx, section_region, gaz)
        held_once = bool(posts) and all(p.former for p in posts)
        # a country named before a post of an international body (罗塞芙…新开发银行行长), or the place of
        # the passage, is not the post's
        international = any(im.end() >= chain_start for im in _INTERNATIONAL.finditer(text, max(start, chain_start - 12), m.end()))
        for im in _INTERNATIONAL.finditer(text, max(start, ps - 14), min(end, ps + 14)):
            if im.start() <= ps < im.end() or (
                    im.end() < ps and text[ps - 1] in _ORGAN_END
                    and re.fullmatch(r"[\u4e00-\u9fff]{1,10}", text[im.end() : ps])
                    and not _POST_VERBS.search(text, im.end(), ps)):
                # 海湾阿拉伯国家合作委员会|秘书长 (国家 inside the body's name is no country), 北约|军事委员会|主席:
                # a post of the body or of its organ is no country's (the posts before it in a chain keep theirs)
                international = True
                posts = [p for p in posts if not p.label.startswith(text[ps : m.end()])] if ps > chain_start else []
        if _INTERNATIONAL_BEFORE.search(text, max(start, chain_start - 20), chain_start) and (
                text[chain_start - 1] == "的" or _QUESTION.match(text, chain_start, m.start())):
            international = True
            posts = [p for p in posts if not p.named or text[chain_start - 1] == "的"]
        prior = None if international else _country_before(text, start, chain_start, gaz)
        if last is not None and chain_start == last[0] and last_region:
            prior = last_region  # 国家主席习近平|特别代表: an envoy right after the one who sends him holds that country's post
        abroad = prior if prior is not None and gaz[prior].foreign else last_abroad
        if abroad is not None and m.group() == "部长" and _ministry_stem(text[chain_start : m.start()]):
            # 美国…国防部长赫格塞思, 乌副总理…、司法部长马柳斯卡: a ministry named by its field alone, with no place
            # of its own, is the country's the sentence named last or whose official it named last, as a bare
            # 部长 is (国防部长董军, with no other country named, stays 中国's)
            posts = [PostRead(p.label, p.title, abroad, False, p.former) if p.region == COUNTRY else p for p in posts]
        if named_before is not None and not international and prior is None:
            # 全国人大宪法法律委副主任委员黄明作的…报告，副主任委员王洪祥作的…: a bare role with no place
            # of its own, later in the sentence that named the organ, is a post of the same organ's place
            posts = [PostRead(p.label, p.title, named_before, False, p.former)
                     if not p.region and not p.named and p.label == p.title and _BARE_ROLE.fullmatch(p.title) else p
                     for p in posts]
        posts = [p if p.named else (PostRead(p.label, p.title, prior, False, p.former) if prior else p) for p in posts
                 if p.named or prior or (p.region and not _FOREIGN_TITLES.search(p.title) and not international)]
        placed = [p for p in posts if p.region]
        before = text[max(start, chain_start - 3) : chain_start]
        held_before = before.endswith(("曾任", "原任", "前任", "递补")) or (
            before[-1:] in ("原", "前") and (len(before) < 2 or not lexicon.is_word(before[-2:], 5)))
        if not placed and (held_before or held_once):
            # 社会保障厅原|党组成员、副厅长王成兵, 文化和旅游厅原党组书记、厅长李小豹: posts held before, of no place
            # read: no official
            continue
        posts = placed
        named_before = next((p.region for p in reversed(posts) if p.named and not gaz[p.region].foreign), named_before)
        if held_before:
            # 曾任…, 原重庆市委书记, 递补…候补委员: a post held before (时任, the post at the time told of, stays
            # held: the annotators list it, though the audit judged people named only so no officials now)
            posts = [PostRead(p.label, p.title, p.region, p.named, True) for p in posts]
        former = tuple(p for p in posts if p.former)
        posts = [p for p in posts if not p.former]
        if last is not None and last_abroad and text[last[0] : chain_start] in _LIST_JOINS:
            # 蒙古国总理…、总统呼日勒苏赫、国家大呼拉尔主席阿玛尔巴伊斯格楞: in a list of another country's
            # officials a 国家… organ other than our head of state's is that country's
            posts = [PostRead(p.label, p.title, last_abroad, True, p.former)
                     if p.region == COUNTRY and ((p.label.startswith(("国家", "国民")) and not _NATIONAL_TITLE.match(p.label))
                                                 or (p.label == p.title and _MINISTER.fullmatch(p.label)))
                     else p for p in posts]
        c = text[chain_start]
        if last_abroad and c in _COUNTRY_CHAR and gaz[last_abroad].name.startswith(c) and last_abroad != _COUNTRY_CHAR[c]:
            # 乌拉圭总统奥尔西和乌外长卢贝特金: the one character stands for the country just named
            posts = [PostRead(p.label, p.title, last_abroad, p.named, p.former) if p.region == _COUNTRY_CHAR[c] else p
                     for p in posts]
        foreign = any(gaz[p.region].foreign for p in (*posts, *former) if gaz.get(p.region)) or \
            (not posts and _INTERNATIONAL.search(text, chain_start, m.end()) is not None)
        if foreign:
            ne = foreign_name_after(text, ns, end)
        else:
            ne = name_after(text, ns, end)
            if (ne - ns == 3 and not posts and not former and _runs_on(text, ne, end)) or (ne < end and text[ne] in _DOTS):
                ne = foreign_name_after(text, ns, end)  # 古特雷斯, 吉姆·乔丹: a name that runs on
                foreign = True
            elif ne - ns >= 2 and _DOT_AHEAD.match(text, ne, end):
                ne = foreign_name_after(text, ns, end)  # 副主席玉苏甫江·麦麦提: a name in parts, read whole
            elif ne - ns >= 2 and (_FOREIGN_TITLES.search(text, m.start(), m.end())
                                   or (ne - ns == 3 and (lexicon.word_tag(text[ne : ne + 2]) or "") in ("nr", "nrt"))):
                # 第一副总统穆赫|贝尔, 副首相谢索帕|拉: a title only another country gives, or more of a name after
                # three characters (代理州长斯米尔|诺夫), is a foreign name read whole
                fe = foreign_name_after(text, ns, end)
                if fe > ne:
                    ne, foreign = fe, True
            elif ne == ns and posts:
                ne = _unlisted_surname_name(text, ns, end)  # 州委书记虢正贵出席: a surname the list lacks
        if ne - ns < 2:
            continue
        if _DECEASED.match(text, ne, end) and _PAST_TERM.search(text, max(start, ns - 60), ns):
            # 第十届、十一届…委员长吴邦国同志，因病医治无效，于…逝世; 中央军委原副主席许其亮同志的遗体…火化: an
            # obituary's posts of past terms were held before, by one who holds none now (the audit judged such
            # officials wrong every time; a head of state who dies in office, 英国女王伊丽莎白二世, held hers)
            continue
        name = text[ns:ne]
        if name[-1] in "市县省镇乡村" or (foreign and name in gaz.forms):
            continue  # 新潟县长冈市: the post's place goes on; 团长俄罗斯总统助理: a country, no name
        if not foreign and (not plausible_name(name) or _verb_inside(text, ns, ne) or (
                name[0] in "都也就还又已" and lexicon.is_word(text[ns + 1 : ns + 3], 100))
                or lexicon.word_tag(text[ns : ns + 4]) == "i"):
            # (总书记都详细察看: an adverb before a word, not a surname; 总书记高瞻远瞩: an idiom)
            continue  # 来到海东市, 委员时发表, 组长作动员: a verb, not a name
        if foreign and (name[0] in "时后" or (lexicon.word_tag(name) or "").startswith("v")):
            continue  # 卸任美国总统时将…, 国家主席后的首次出访, 美总统调兵: a time or a verb after the post, no name
        if last is not None and text[last[0] : chain_start] in _LIST_JOINS:
            # 河北省委书记倪岳峰和省长王正谱, 山西省委书记蓝佛安、省长金湘军: a bare 省长 in a list takes the
            # province the post before it names, not the text's own region
            posts = [_from_list(p, last[1], gaz) for p in posts]
        if foreign and not any(p.named and "问题" not in p.label for p in (*posts, *former)) \
                and _body_before(text, start, chain_start):
            # 联合国难民署|发言人, 联合国贸发会议秘书长, 国际货币基金组织（IMF）…部主任, 联合国也门问题特使: a bare
            # role of a name read as foreign, after an international body in its clause, is the body's post, not
            # a country's (the one the story's place or source gives; a two-character name, 哈克, is not reached)
            posts, former, international = [], (), True
        home = known_foreign().get(name) if foreign else None
        if home is not None and any(home in gaz.lookup(f) for _s, _e, f in gaz.scan(text, start, end)):
            # 委内瑞拉…遭美国强行控制的委总统马杜罗, 以色列…要求总理内塔尼亚胡下台: a bare title of a foreign official
            # the corpus knows with their country's post is that country's, where the sentence names it, not the
            # country named last (a common name the corpus knows for another country, 古铁雷斯, keeps the list's)
            posts = [p if p.named or p.region == home else PostRead(p.label, p.title, home, False, p.former) for p in posts]
        # a named official whose post's region is unknown (a single sentence) is still an official
        intl = not posts and not former and (international or _INTERNATIONAL.search(text, chain_start, m.end()) is not None)
        yield OfficialHit(name, ns, ne, posts, chain_start, former, international=intl)
        last = (ne, [p.region for p in posts if p.named and p.region and p.region != COUNTRY])
        last_region = next((p.region for p in posts if p.region), None)
        last_abroad = next((p.region for p in posts if gaz.get(p.region) is not None and gaz[p.region].foreign), None)
        if not foreign and posts:
            # 政治局常委李强、赵乐际、王沪宁出席: names listed after one post all hold it
            for ls, le in _listed_names(text, ne, end):
                yield OfficialHit(text[ls:le], ls, le, posts, chain_start, former)


# a post of a past term or held before, in an obituary's chain (第十届…委员长, 中央军委原副主席)
_PAST_TERM = re.compile(r"第[一二三四五六七八九十]+届|原")
# what follows the name of one who has died (同志，因病医治无效, 同志的遗体, 不幸逝世)
_DECEASED = re.compile(r"(?:同志|先生|女士)?[，,]?(?:的遗体|因病医治无效|不幸逝世|逝世|病逝|与世长辞)")
# a company or a board in a post's chain (董事局主席, 理事会主席, 集团有限公司党组书记; 集团军 is the army's)
_BOARD = re.compile(r"董事局|董事会|理事会|监事会|公司|集团(?!军)")
# an army or an armed group before a spokesman's role (军方, 国防军, 武装部队, 卡桑旅, 民兵)
_ARMED = re.compile(r"[军旅]|武装|部队|民兵")
_LIST_JOINS = frozenset({"、", "和", "及", "与", "，", ","})
# a minister named by the ministry's field alone (国防部长, 外交部长): after another country's official, that country's
_MINISTER = re.compile(r"[\u4e00-\u9fff]{2,8}部长")
# the roles of a committee's or an office's leadership that say no level of their own
_BARE_ROLE = re.compile(r"副?主任委员|副?主任|秘书长|副秘书长")


def _from_list(p: PostRead, regions_before: list[str], gaz: Gazetteer) -> PostRead:
    """A post that does not name its region (省长) takes it from the post before it in a list of
    officials, at the level its organ names (山西省委书记 -> 山西省), when that one names one."""
    if p.named or not p.region:
        return p
    for r in regions_before:
        own = _own_at_level(p.label[:1], r, gaz)
        if own is not None:
            return PostRead(p.label, p.title, own, False, p.former)
    return p


# what may follow a role inside one post (总统新闻秘书, 总统助理, 特使)
_TITLE_TAIL = re.compile(r"(?:特使|特别代表|顾问|办公厅主任|办公室主任)")
# bodies whose posts belong to no country (联合国秘书长): their officials have foreign names
_INTERNATIONAL = re.compile(
    r"联合国|世卫组织|世界卫生组织|世界银行|世界贸易组织|世贸组织|国际货币基金组织|国际奥委会|国际原子能机构|"
    r"东盟|欧盟|欧洲理事会|欧洲议会|欧洲委员会|非盟|阿盟|北约|上合组织|上海合作组织|金砖国家|二十国集团|"
    r"亚太经合组织|国际刑警组织|国际红十字|世界经济论坛|国际电信联盟|世界气象组织|国际劳工组织|联合国教科文组织|"
    r"新开发银行|亚洲基础设施投资银行|亚投行|各国议会联盟|议联|阿拉伯国家联盟|海湾阿拉伯国家合作委员会|海合会|"
    r"经济合作与发展组织|经合组织|石油输出国组织|欧佩克|国际能源署|世界粮食计划署|国际移民组织|红十字国际委员会|"
    r"欧元集团|国际残奥委会|亚残奥委员会|亚洲残奥委员会|亚残奥委会|国际足联|世界田联|国际大体联|亚奥理事会|亚洲奥林匹克理事会|金融稳定理事会|国际清算银行|"
    r"世界反兴奋剂机构|国际民航组织|国际海事组织|世界知识产权组织|国际标准化组织|国际电工委员会|全球疫苗免疫联盟|"
    r"国际[\u4e00-\u9fff]{1,4}联合会"
)


def _body_before(text: str, start: int, chain_start: int) -> bool:
    """Whether an international body is named in the clause before a post, no more than 16
    characters before it and with no verb of a clause between (联合国难民署|发言人)."""
    floor = max(start, chain_start - 16, *(text.rfind(c, start, chain_start) + 1 for c in "，。；：,;:！？"))
    return any(not _CLAUSE_VERBS.search(text, im.end(), chain_start)
               for im in _INTERNATIONAL.finditer(text, floor, chain_start))


# verbs that make a clause of their own between an international body and a post (联合国大会期间…举行)
_CLAUSE_VERBS = re.compile(r"召开|举行|主持|会见|出席|参加|表示|指出|强调|访问|前往|会晤|致电|致信|会谈|通电话|宣布|任命|提名|[同向给]")


# such a body's post told before the role with 的, or its head's envoy on a country's question (联合国负责人道
# 主义事务的|副秘书长, 联合国秘书长|叙利亚问题特使): the post is the body's
_INTERNATIONAL_BEFORE = re.compile(rf"(?:{_INTERNATIONAL.pattern})(?:秘书长|[^，。；：、,\s]{{0,14}}?的)$")
_QUESTION = re.compile(r"[^，。；：、,\s]{2,8}?问题")
# words that start right after a name (the name ends before them), besides any common word
_AFTER_FOREIGN_NAME = frozenset(
    "表示 说 称 举行 会见 会晤 会谈 出席 发表 通电话 通话 指出 强调 宣布 签署 访问 访华 抵达 一行 分别 共同 主持 "
    "上月 上周 本月 本周 下月 今晨 昨晚 当晚 "
    "接受 出访 透露 回应 认为 警告 呼吁 承诺 希望 感谢 祝贺 欢迎 介绍 谈到 参加 致电 致函 致信 发来 发出 赞赏 指责 "
    "批评 否认 提出 谴责 敦促 重申 证实 说明 补充 当选 就任 辞职 同意 支持 反对 决定 下令 要求 前往 来华 讲话 致辞 "
    "先生 女士 阁下 夫人 夫妇 本人 亲自 随后 此前 此次 近期 昨天 明天 今天 当天 日前 近日 上午 下午 晚上 今年 去年 "
    "再次 首次 专访 独家 邀请 祝愿 会面 汇报 目前 代行 致贺 致贺电 贺电 致以 祝福".split())
_STOP_CHARS = frozenset("说称在和与同向对就将于并也还已正是为率致的等及时被把从到以由给让请遭或案互再又则均都祝因了")
_ADVERB_CHARS = frozenset("再又也还已将就都均仍互")
# characters that open no transliterated name (adverbs, prepositions, 是)
_NOT_FOREIGN_START = frozenset("很就也还都又再已正将更最太是在和与同向对为把被从到由给让请遭或则说称访来应涉窜毁此这该其")
_NAME_TAGS = ("nr", "nrt", "nrfg", "ns")
_REGNAL = re.compile(r"^[一二三四五六七八九十]+世$")
_FOREIGN_NAME_CHAR = re.compile(r"[\u4e00-\u9fff·•・‧\-－]")
_DOTS = "·•・‧-－"


def _stops_name(w: str, so_far: int) -> bool:
    """Whether token ``w`` ends a foreign name that has ``so_far`` characters."""
    if w in _AFTER_FOREIGN_NAME or (len(w) >= 3 and w[:2] in _AFTER_FOREIGN_NAME):
        return True  # 举行会谈, 表示欢迎: a word that follows names, glued to the next
    if len(w) == 1:
        return (so_far >= 2 or w == "等") and w in _STOP_CHARS  # 普京|在, 外长敦|等政府官员; but 李在明, 文在寅
    if so_far >= 2 and w[0] in _ADVERB_CHARS:
        return True  # 高市早苗|再提, 穆罕默德|互致: an adverb glued to the verb after the name
    if so_far >= 2 and w[0] == "称" and (lexicon.word_tag(w) or "").startswith("v"):
        return True  # 泽连斯基|称愿: the verb of saying glued to the word after the name
    if _REGNAL.match(w):
        return False  # 伊丽莎白二世
    if so_far >= 2 and w in lexicon.common_names():
        return True  # 哈贝克|采取措施: a common word jieba's dictionary tags as a name (kg/data/common_names.txt)
    tag = lexicon.word_tag(w) or ""
    if tag.startswith(_NAME_TAGS):
        return False
    if tag in ("i", "l") or (len(w) >= 3 and tag):
        return True  # an idiom or a longer word of the dictionary (逃避责任, 高瞻远瞩) is no name
    return lexicon.word_freq(w) >= 100 or (tag[:1] in ("v", "d", "p", "c", "r") and lexicon.word_freq(w) >= 20)


def _part_before_dot(text: str, j: int, end: int) -> bool:
    """Whether the words at ``j`` run on to a middle dot within four characters (卡尔|十六世|·古斯塔夫,
    库尔班|古力|·别尔德穆哈梅多夫): still a part of the name, however common the words."""
    for k in range(j, min(end, j + 5)):
        if text[k] in _DOTS:
            return k > j
        if not _han(text[k]) or text[k] in _STOP_CHARS:
            return False
    return False


def foreign_name_after(text: str, i: int, end: int, limit: int = 20) -> int:
    """Return the end of a foreign name starting at ``i`` (``i`` itself when none starts there).

    The name is the run of words from ``i`` up to the first common word that is not a name
    (普京|邀请, 安瓦尔|独家专访, 内塔尼亚胡|当地) or a word that follows names (表示, 一行, 在);
    the middle dot joins its parts (伊斯迈尔·萨布里, 彼得·帕维尔)."""
    j = i
    if text[i : i + 1] in _NOT_FOREIGN_START or (text[i : i + 1] == "因" and lexicon.is_word(text[i + 1 : i + 3], 20)):
        return i  # 外长就欧洲…, 大使很是振奋, 总统来华, 国务卿涉古, 议长因纳粹…: an adverb, a preposition or a verb, no name
    for w in lexicon.words(text[i : min(end, i + limit + 6)]):
        if not all(_FOREIGN_NAME_CHAR.match(c) for c in w):
            break
        if w[0] in _DOTS:
            j += len(w)
            continue
        if j - i >= 2 and text[j : j + 2] in _AFTER_FOREIGN_NAME and text[j - 1] not in _DOTS:
            break  # 库拉马拉|上月: a word that follows names, cut in two by the segmenter
        if _stops_name(w, j - i) and not (j > i and text[j - 1] in _DOTS) and not _part_before_dot(text, j, end):
            break
        if j + len(w) - i > limit:
            break
        j += len(w)
        if _REGNAL.match(w) and j - len(w) > i:
            break  # 伊丽莎白二世|新冠病毒: a monarch's number ends the name
    while j > i and text[j - 1] in _DOTS:
        j -= 1
    return max(j, _known_foreign_at(text, i, end, j))


def _known_foreign_at(text: str, i: int, end: int, j: int) -> int:
    """The end of the longest foreign official's name the corpus knows that starts at ``i`` and runs
    past ``j`` (乌梅罗夫|担任, cut by the segmenter at 乌梅|罗|夫): the name read whole; else ``i``."""
    known = known_foreign()
    for n in range(min(_longest_known(), end - i), j - i, -1):
        if text[i : i + n] in known and text[i + n : i + n + 1] not in _DOTS:
            return i + n
    return i


def _country_before(text: str, start: int, stop: int, gaz: Gazetteer) -> str | None:
    """The foreign country a sentence names last before ``stop`` when it names no Chinese place
    after it (离开金边时，柬埔寨人民党主席洪森，…国会第一副主席钱业: 柬埔寨's)."""
    last = None
    prev_end = -1
    bounds = None
    for s0, e0, f in gaz.scan(text, start, stop):
        keys = gaz.lookup(f)
        if f == "苏丹" and s0 == prev_end and last is not None:
            continue  # 文莱苏丹: the sultan of the country just named, not Sudan
        if keys and gaz[keys[0]].foreign:
            if bounds is None:
                bounds = lexicon.token_bounds(text[start:stop])
            if s0 - start not in bounds or text[e0 : e0 + 1] in ("市", "州", "省", "县"):
                continue  # 努尔苏丹市: a city's name holds no 苏丹
        if keys and len(f) >= 2:
            last = keys[0] if gaz[keys[0]].foreign else None
            prev_end = e0
    return last


def _verb_inside(text: str, ns: int, ne: int) -> bool:
    """Whether a verb of the dictionary starts inside a Chinese-read name (来到, 发表, 动员)."""
    for k in (ns, ns + 1):
        w = text[k : k + 2]
        if k + 2 <= ne + 1 and lexicon.word_tag(w) in ("v", "vn") and lexicon.word_freq(w) >= 200:
            return True
    return False


def _listed_names(text: str, j: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans of Chinese names listed with 、 right after the name that ends at ``j``
    (李强、赵乐际、王沪宁), as long as each is a whole name: what follows it is another 、, the
    end of the clause, or a word that follows names. A role right after a name (、市长李四) is
    a post of its own, read by its own hit."""
    while j < end and text[j] == "、":
        s = j + 1
        e = name_after(text, s, end)
        if text[s] == "原" or not 2 <= e - s <= 3 or not plausible_name(text[s:e]) or _verb_inside(text, s, e) or _place_at(text, s):
            break
        if e < end and not (text[e] in "、，,。；;：:等" or text[e : e + 2] in _VERBS_AFTER_NAME
                            or text[e : e + 2] in _AFTER_FOREIGN_NAME or (lexicon.word_tag(text[e : e + 2]) or "")[:1] == "v"):
            break  # 、李四书记 or 、两会: not a listed name
        yield s, e
        j = e


def _unlisted_surname_name(text: str, i: int, end: int) -> int:
    """A two- or three-character name right after a Chinese post whose surname the list lacks,
    read only when a word that follows names comes right after it (虢正贵出席, 亓成章表示)."""
    for n in (3, 2):
        j = i + n
        if text[i] in _STOP_CHARS or text[i] in _ENDS_NAME or lexicon.is_word(text[i + 1 : i + 3], 100):
            return i  # 组长作动员讲话: a verb and its object, not a name
        if n == 3 and text[i + 2 : i + 3] in _ENDS_NAME and lexicon.is_word(text[i + 3 : i + 5], 20):
            continue  # 铁凝在参加: a preposition before a word ends a two-character name
        if j <= end and all(_han(c) for c in text[i:j]) and not lexicon.is_word(text[i : i + 2], 5) \
                and (j == end or text[j] in "，,。；;、：:" or text[j : j + 2] in _AFTER_FOREIGN_NAME
                     or text[j : j + 2] in _VERBS_AFTER_NAME
                     or (n == 2 and text[j] in _ENDS_NAME and text[j] != "的" and lexicon.is_word(text[j + 1 : j + 3], 20))):
            return j
    return i


def _name_then_role(text: str, i: int, end: int) -> bool:
    """Whether a conjunction at ``i`` joins a name with a role after it (和图普六世国王, 与普京总统)."""
    j = foreign_name_after(text, i + 1, end)
    k = j
    while k < end and text[k] in "一二三四五六七八九十世":
        k += 1
    return j > i + 1 and ROLE_RE.match(text, k) is not None


_DOT_AHEAD = re.compile(r"[\u4e00-\u9fff]{1,3}[·•・‧][\u4e00-\u9fff]")


def _runs_on(text: str, j: int, end: int) -> bool:
    """Whether the text goes on after a Chinese-read name with more name (古特雷|斯表示, 吉姆|·乔丹)."""
    if j < end and text[j] in _DOTS:
        return True
    return j < end and _FOREIGN_NAME_CHAR.match(text, j) is not None and text[j] not in _STOP_CHARS \
        and not (lexicon.is_word(text[j : j + 2], 20) and lexicon.word_tag(text[j : j + 2]) != "nrt") \
        and not (text[j] in _ENDS_NAME and (text[j + 1 : j + 2] in ("了", "的", "出") or (
            text[j] == "作" and lexicon.is_word(text[j + 1 : j + 3], 20))))  # 王洪祥|作的报告, 万鄂湘|作工作报告


# National titles that follow the name: 习近平总书记, 李强总理.
_NAME_THEN_TITLE = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{2,3}?)(?P<title>总书记|国家主席|国家副主席|国务院总理|总理|副总理|委员长|主席)(?![处办室团台])"
)
# every title above holds one of these: a sentence without them is not searched or cut
_NATIONAL_TITLE_WORDS = ("书记", "主席", "总理", "委员长")


_NATIONAL_TITLE = re.compile(r"(?:中央军委主席|国家主席|国家副主席|国务院总理|总书记)(?![处办室团])")


def officials_before_title(text: str, start: int, end: int) -> Iterator[OfficialHit]:
    """Yield officials named before a national title (“习近平总书记指出”, “李强总理出席”).

    The name starts a word (俄罗斯联邦总理 is no 斯联邦's; 完成李强总理… is 李强's) and is not
    a title addressed (同总理先生会晤)."""
    sentence = text[start:end]
    if not any(w in sentence for w in _NATIONAL_TITLE_WORDS):
        return
    single, compound = lexicon.surnames()
    bounds = lexicon.token_bounds(sentence)
    pos = start
    while True:
        m = _NAME_THEN_TITLE.search(text, pos, end)
        if m is None:
            return
        pos = m.start() + 1  # names may overlap a rejected reading (成李强 -> 李强)
        name = m.group("name")
        ns = m.start("name")
        if text.startswith(("先生", "女士", "阁下"), m.end()):
            continue  # 同总理先生举行会晤: the title addressed, no name before it
        if (ns - start) not in bounds and not (ns > start and (ns - 1 - start) in bounds and text[ns - 1] in single
                                                and len(name) == 2):
            continue  # a name starts a word
        # prefer the three-character name when both read (习近平, not 近平)
        if len(name) == 2 and ns > start and text[ns - 1] in single and plausible_name(text[ns - 1 : ns + 2]) \
                and (ns - 1 - start) in bounds:
            continue
        if not (name[0] in single or name[:2] in compound) or not plausible_name(name):
            continue
        if name in known_foreign():
            continue  # 习近平主席同阿德恩总理…: a foreign official the corpus knows holds his own country's title
        if name[-1] in "副正代常总原前给向对把被让从将就也都还又已曾不受方" or name[:2] in ("原副", "前副", "原任", "前任"):
            continue  # 政协原副主席: the title's own prefix, not a name
        before = text[max(start, ns - 10) : ns]
        if (any(d in before for d in _DOTS) and not re.search(r"[，,。；;、：:\s]", before.split("·")[-1])) \
                or name in gazetteer().forms:
            continue  # 别尔德穆哈梅多夫主席 (the end of a foreign name); 伊拉克总理 (a country, no name)
        if len(name) == 3 and (name[0] in "和与及同" or lexicon.is_word(name[1:], 100)):
            continue  # 和梁强国家主席 (梁强, read again from the next character), 任政府总理, 蒙三国
        head_tag = lexicon.word_tag(name[:2]) or ""
        if len(name) == 3 and lexicon.word_freq(name[:2]) >= 100 and not head_tag.startswith("nr"):
            continue  # 国家副主席: a word, not a name, before the title
        titles = [m.group("title")]
        pos = m.end()
        # 习近平总书记、国家主席: the titles listed after the name are the same person's
        while pos < end and text[pos] == "、" and (t := _NATIONAL_TITLE.match(text, pos + 1, end)):
            titles.append(t.group())
            pos = t.end()
        yield OfficialHit(name, ns, m.end("name"), [PostRead(t, t.replace("国务院", ""), COUNTRY) for t in titles], ns,
                          title_end=pos)


@functools.cache
def known_foreign() -> dict[str, str]:
    """Foreign officials the 新闻联播 corpus names with their country's post (普京 -> 俄罗斯), from
    kg/data/foreign_officials.tsv (made by scripts/foreign_officials.py)."""
    path = Path(__file__).resolve().parent.parent / "data" / "foreign_officials.tsv"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, country, _n = line.split("\t")
            out[name] = country
    return out


@functools.cache
def known_national() -> frozenset[str]:
    """Chinese officials the 新闻联播 corpus names with a national post (蔡奇, 王沪宁), from
    kg/data/national_officials.tsv (made by scripts/national_officials.py)."""
    path = Path(__file__).resolve().parent.parent / "data" / "national_officials.tsv"
    return frozenset(line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()
                     if line and not line.startswith("#"))


@functools.cache
def _longest_known() -> int:
    return max(map(len, known_foreign()), default=0)


_FOREIGN_BARE_TITLE = re.compile(r"总书记|国家主席|副主席|主席|副总统|总统|副总理|总理|首相|国王|女王|王储|外长|外交部长|议长|国务卿")


def foreign_officials_before_title(text: str, start: int, end: int) -> Iterator[OfficialHit]:
    """Yield foreign officials the corpus knows, named before a bare title that does not say their
    country (“同通伦总书记、国家主席一道签署”, “岸田文雄首相表示”): the post is of their country."""
    known = known_foreign()
    if not known:
        return
    longest = _longest_known()
    for m in _FOREIGN_BARE_TITLE.finditer(text, start, end):
        ts = m.start()
        for n in range(min(longest, ts - start), 1, -1):
            name = text[ts - n : ts]
            if name in known and (ts - n == start or not _FOREIGN_NAME_CHAR.match(text, ts - n - 1)
                                  or text[ts - n - 1] in _STOP_CHARS or text[ts - n - 1] in "以同与和及"):
                titles = [m.group()]
                # 通伦总书记、国家主席: the titles listed after the name are the same person's
                j = m.end()
                while j < end and text[j] in "、和" and (t := _FOREIGN_BARE_TITLE.match(text, j + 1, end)):
                    titles.append(t.group())
                    j = t.end()
                yield OfficialHit(name, ts - n, ts, [PostRead(t, t, known[name]) for t in titles], ts - n, title_end=j)
                break


def _post_start(text: str, role_start: int, floor: int, gaz: Gazetteer) -> int:
    """The start of the post whose role word begins at ``role_start``."""
    lo = max(floor, role_start - 20)
    best = role_start
    # characters of place names (埃及, 安吉) are never read as the verbs that end a post (及, 和)
    masked = list(text[lo:role_start])
    for s, e, _f in gaz.scan(text, lo, role_start):
        masked[s - lo : e - lo] = "地" * (e - s)
    for om in _ORGAN_NAME.finditer(text, lo, role_start):
        masked[om.start() - lo : om.end() - lo] = "地" * (om.end() - om.start())  # 工业和信息化部: its 和 ends nothing
    council = _COUNCIL_BEFORE.search(text[lo:role_start])
    if council:  # 中国环境与发展国际合作委员会主席: a council named with 与 right before the role
        masked[council.start() : council.end()] = "地" * (council.end() - council.start())
    joined = _FIELDS_JOINED.search(text, lo, role_start)
    if joined and _field_before(text, lo, joined.start()) and (
            _ORG_START.search(text, lo, joined.start()) or any(len(f) >= 2 for _s, _e, f in gaz.scan(text, lo, joined.start()))):
        # (only after the body's place or organ, 伊朗议会, 全国人大, 中央: 听取了宪法和… stays cut at 和)
        masked[joined.start() - lo] = "地"  # 国家安全和外交政策委员会主席, 移民与海关执法局局长: one body of two fields
    boundary = lo
    for p in range(role_start - 1, lo - 1, -1):
        ch = text[p]
        if (not _han(ch) and ch not in "()（）—-") or text[p - 1 : p + 1] == "——":
            boundary = p + 1  # (——: what stands before it is in apposition, 两位国家领导人——莫桑比克总统查波)
            break
        seg = text[p:role_start]
        if _POST_VERBS.search("".join(masked[p - lo :])):
            boundary = p + 1
            while boundary < role_start and _POST_VERBS.match("".join(masked[boundary - lo :])):
                boundary += 1
            break
        if _ORG_START.match(seg) or _ORGAN_NAME.match(seg) or _NATIONAL.match(seg) or (
                _han(ch) and gaz.lookup(form := _longest_form(text, p, role_start, gaz))
                and not common_form(form, COMMON_WORD_FREQ)):
            best = p  # (a county's short form that is a common word, 合作 of 与合作部长, opens no post)
    else:
        if role_start - lo <= 12 and _country_char(text[lo : role_start + 12]):
            return lo  # (a post at the clause's start) 美|联储主席
        return _with_country_char(text, best, floor)
    if role_start - boundary <= 12 and _country_char(text[boundary : role_start + 12]):
        return boundary  # 俄|总统助理, 美|总统国家安全事务助理: a country's one-character name and its head's post
    if best == role_start and text[role_start - 2 : role_start] in _DEPARTMENT_STEMS and text.startswith("部长", role_start):
        return role_start - 2  # 宣传部长, 组织部长: the department and its head share 部
    seg = text[boundary:role_start]
    if best == role_start and text.startswith("部长", role_start) and _ministry_stem(seg):
        # 国防部长, 外交部长, 财政部长: the ministry and its minister share 部 (国防部|部长); a ministry of two
        # fields joined by 和 (法国经济和财政部长, 、矿产和能源部长) right after a country, after 、 or where the
        # stretch read for posts begins (a name read before it, 布林肯和|国防部长, ends no ministry)
        if boundary - 1 > floor and text[boundary - 1] in "和与":
            a = boundary - 1
            while a > floor and a > boundary - 12 and _han(text[a - 1]) and text[a - 1] != "、":
                a -= 1
            place = None
            for s0, e, _f in gaz.scan(text, a, boundary - 1):
                if e < boundary - 1:
                    place = (s0, e)  # (the country named before the ministry: 法国|经济和财政部长)
            if place is not None and _ministry_stem(text[place[1] : boundary - 1]):
                return place[0]
            if place is None and _ministry_stem(text[a : boundary - 1]) and (a == floor or text[a - 1] == "、"):
                return a
        return boundary
    if best == role_start and seg in _HEADS_OF_STATE and text.startswith("助理", role_start):
        return boundary  # 代表团团长、总统助理: the head's aide (a country before it is read above)
    # an organ the lists do not know, standing alone before its role (政法委书记, 新闻发布处处长)
    if best == role_start and 2 <= len(seg) <= 10 and seg[-1] in _ORGAN_END and not lexicon.is_word(seg, 1000):
        return boundary
    if boundary < best and _OWN_ZONE.fullmatch(text, boundary, best):
        return boundary  # 市高新区党工委书记: the city's own zone
    return _with_country_char(text, best, floor)


# the heads whose aides (助理) a chain of posts names without their country again
_HEADS_OF_STATE = frozenset("总统 总理 首相 主席 国务卿".split())
# what opens words that point at or count ministers rather than name a ministry (该国部长, 两位部长, 老部长)
_NOT_MINISTRY = re.compile(r"^[该这那各每多两几首新老前原副代女男]|[国位名个]$")


def _field_before(text: str, lo: int, k: int) -> bool:
    """Whether the word before 和/与 at ``k`` is a field of a body's name (国家安全, 移民, 气候保护), not a
    person, a place, a post (外交部长和…) or a pronoun."""
    w = text[max(lo, k - 2) : k]
    tag = lexicon.word_tag(w) or ""
    return len(w) == 2 and all(_han(c) for c in w) and tag[:1] in ("n", "v", "a") \
        and not tag.startswith(("nr", "ns", "nt")) and not ROLE_RE.search(w)


def _ministry_stem(seg: str) -> bool:
    """Whether ``seg`` before 部长 names a ministry's field (国防, 外交, 侨民事务): words of two or more Han
    characters, nouns, no person's name, nothing that points at or counts ministers (命|前|国防: a verb's end)."""
    if not 2 <= len(seg) <= 8 or not all(_han(c) for c in seg) or _NOT_MINISTRY.search(seg):
        return False
    toks = pos_tokens(seg)
    return bool(toks) and not any(len(w) < 2 or t.startswith(("nr", "r", "m", "q", "p", "c", "d", "f")) or t in ("v", "vd", "vg")
                                  for _s, _e, w, t in toks)


def _with_country_char(text: str, best: int, floor: int) -> int:
    """Take in a country's one-character name right before the post (俄|外长, 美|总统…助理)."""
    if best > floor and _country_char(text[best - 1 : best + 12]) and (
            best - 1 == floor or not _han(text[best - 2]) or text[best - 2] in "、和与及同对向"):
        return best - 1
    return best


def _longest_form(text: str, p: int, stop: int, gaz: Gazetteer) -> str:
    for n in gaz.lengths.get(text[p], []):
        if p + n <= stop and text[p : p + n] in gaz.forms:
            return text[p : p + n]
    return ""
