"""Companies: named enterprises, by legal-form suffix, by context and inside project names.

Suffixes (集团, 公司, 药业, 新能源, 汽车 ...) mark a name; context marks a name without one:
“X、Y等企业”, “X等4家机构”, “引进X西部总部”, “与X实现战略合作”, “联合X等企业”.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract import lexicon
from kg.extract.names import after_apposition, name_start
from kg.extract.projects import normalise_name
from kg.extract.regions import gazetteer
from kg.model import COMPANY, Mention

if TYPE_CHECKING:
    from kg.extract.regions import Gazetteer

# Legal-form and trade suffixes that mark a company name on their own.
SUFFIXES = "股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|股份|银行|证券|药业|制药|控股|电信|移动|联通|石化|电网"
_SUFFIX_RE = re.compile(f"(?:{SUFFIXES})")
_SUFFIXES_ONLY = re.compile(f"(?:{SUFFIXES})+")
_GENERIC_CO = re.compile(
    r"^(?:大型|中小|龙头|领军|骨干|重点|优质|民营|国有|外资|上市|规上|科技型|高新技术|市属|区属|央|"
    r"本地|当地|相关|各类|一批|新能源|传统|数字|平台|运营|担保|金融|服务|市场|商业|物流|建筑|制造|"
    r"汽车|能源|工业|农业|生产|科技|区域性|村集体|村|合作|更多|[外中法美英德日韩港台侨]资)*(?:企业|公司|集团|机构|(?:国有|商业|股份制|城商|农商|村镇|地方|[外中法美英德日韩港台侨]资)银行)?$"
)
_CONTEXT = [
    # X、Y等(N家)企业/机构
    re.compile(r"(?P<list>[^，,。；;：:“”]{2,40}?)等(?:(?:[0-9一二三四五六七八九十几多]+家)?(?:企业|公司|集团|央企|国企|外企|民企)|[0-9一二三四五六七八九十几多]+家机构)"),
    # 引进X西部总部 / X全国总部
    re.compile(r"(?P<list>[^，,。；;：:]{2,40}?)(?:西部|西南|全国|中国|华南|华东|华北|华中|东北|西北|区域|亚太|国际)?总部"),
]
_CONTEXT_NEEDS = {0: "等", 1: "总部"}  # what a _CONTEXT pattern cannot match without (its lazy search is slow)


def find_companies(text: str, start: int, end: int) -> Iterator[Mention]:
    """Yield Company mentions in ``text[start:end]``."""
    for m in _SUFFIX_RE.finditer(text, start, end):
        ns = _drop_lead_chars(text, _name_start(text, start, m.start()), m.start())
        ns = _after_kind_or_clause(text, ns, m.start())
        ns = after_apposition(text, ns, m.start())
        if text[ns : ns + 1] == "原" and m.start() - ns > 3:
            ns += 1  # 原中国国电集团公司: the company as it was called, not a name with 原
        if m.start() - ns < 2 or _SUFFIXES_ONLY.fullmatch(text, ns, m.start()):
            continue  # 控股集团有限公司: legal forms only, the name before them cut off
        if m.end() < end and "\u4e00" <= text[m.end()] <= "\u9fff" and not _ends_word(text, m.end(), end):
            continue
        if text.startswith("交易所", m.end()):
            continue  # 北京证券交易所, 法兰克福证券交易所: an exchange, not a firm named X证券
        name = text[ns : m.end()]
        # a full legal form (有限公司, 有限责任公司) after the place it is registered in and four characters or
        # more names one firm whatever words it is made of (海南|长安国际制药有限公司: 长安 is also a place)
        lead = next((e for s0, e, _f in gazetteer().scan(text, ns, m.start()) if s0 == ns), None)
        registered = m.group().endswith(("有限公司", "有限责任公司")) and lead is not None and m.start() - lead >= 4 \
            and not gazetteer().foreign_only(text[ns:lead])
        if _GENERIC_CO.match(_KIND_LEAD.sub("", name)) or not (registered or _proper(text[ns : m.start()])) \
                or _NOT_COMPANY.search(name):
            continue
        if name[0] in "（()）" or name.count("（") + name.count("(") != name.count("）") + name.count(")"):
            continue  # (集团)有限公司, 大连)有限公司: a name cut inside its brackets
        if m.group() in ("公司", "有限公司", "集团") and _only_places(text[ns : m.start()]):
            continue  # 美国公司, 上海公司: a place and a legal form name a kind, or a branch
        if m.group() == "银行" and gazetteer().foreign_only(_KIND_LEAD.sub("", text[ns : m.start()])):
            continue  # 7家俄罗斯银行, 更多法国银行: a country's banks (重庆银行, 中国银行 are names)
        if m.group() in _WEAK_SUFFIX and not _strong_prefix(text[ns : m.start()]):
            continue
        if m.group() == "电网" and text[ns : m.start()] not in ("中国", "国家", "南方", "国网", "中国南方"):
            continue  # 新疆电网, 黑龙江电网: a province's grid, not a named enterprise (judged so 4 times in 4)
        if _STATE_BANK.search(name):
            continue  # 欧洲中央银行, 英格兰银行, 世界银行: central banks and international bodies, not enterprises
        if _COUNTED.search(text, max(start, ns - 6), ns) and not _names_one(text[ns : m.start()]):
            continue  # 这家巧克力公司, 5家城市商业银行, 第四家外商独资公募基金管理公司: a kind counted or pointed at
        yield Mention(ns, m.end(), name, COMPANY, normalise_name(name), "companies.suffix")
    yield from _brands(text, start, end)
    for k, rx in enumerate(_CONTEXT):
        strong = k == 1  # “X西部总部” names an organisation whatever words X is made of
        if _CONTEXT_NEEDS.get(k, "") not in text[start:end]:
            continue
        for m in rx.finditer(text, start, end):
            ls = m.start("list")
            for part_start, part in _split_list(text, ls, m.end("list")):
                cut = _SUFFIX_RE.search(part)
                name = part[: cut.end()] if cut and cut.end() >= 4 else part
                if len(name) < 2 or len(name) > 12 or _GENERIC_CO.match(name) or re.search(r"[0-9]{4}|的", name):
                    continue
                if not (_named(name) or (strong and name not in _region_forms() and lexicon.word_freq(name) < 50)):
                    continue
                if strong and not _named(name) and _common_words(name):
                    continue  # 北京研发总部, 装甲兵总部: common words before 总部 name no organisation
                if _AGENCY.search(name) or _NOT_COMPANY.search(name) or _BODY.search(name):
                    continue  # 特勤局, 国防部, 联合国儿童基金会, 中国农业大学: a body, a force or a school, not an enterprise
                if not strong and _TRADE.fullmatch(name):
                    continue  # 多晶硅、光伏制造、锂电储能等10多家企业: the trades of the firms, not their names
                yield Mention(part_start, part_start + len(name), name, COMPANY, normalise_name(name),
                              "companies.headquarters" if strong else "companies.context", -1)


# what stands before a kind of company, not in a name: a market, a count, a scope (沪深上市公司,
# 六大国有银行, 境外上市公司)
_KIND_LEAD = re.compile(r"^(?:(?:[一二三四五六七八九十两几数多]+[大家个批]|更多|许多|一些|沪深|A股|港股|美股|海外|境外|境内|国内|全国|全球|"
                        r"世界|各国|部分|中国|我国|美国|中央)(?=.))+")


def _drop_lead_chars(text: str, ns: int, stop: int) -> int:
    """Drop single-character verbs and prepositions glued to a name's front (受美国波音公司…影响,
    赋能上市公司): a name does not start with one when a word of two or more follows."""
    from kg.extract.names import pos_tokens

    toks = pos_tokens(text[ns:stop])
    k = 0
    while k < len(toks) and len(toks[k][2]) == 1 and toks[k][3] in ("v", "p", "d", "c") \
            and not (k + 1 < len(toks) and toks[k + 1][3] == "nrt"):
        k += 1  # a run of them: 赋/能 is a two-character verb cut in two (费|斯托: a transliteration's first character)
    return ns + toks[k][0] if 0 < k < len(toks) and len(toks[k][2]) >= 2 else ns


# a kind of firm told before its name (投行韦德布什证券公司, 天然气进口商尤尼珀公司, 新央企中国长安汽车集团)
_FIRM_KIND = re.compile(r"(?:央企|国企|民企|外企|上市公司|投行|商业银行|区域性银行|廉价航空|航空公司|[\u4e00-\u9fff]{1,3}(?:零售|进口|出口|军火|供应|运营|开发|制造|贸易|承包)商)")


def _after_kind_or_clause(text: str, ns: int, stop: int) -> int:
    """Start a company's name after a kind of firm, a verb or a time word written before it
    (会议明确|中国宝武集团, 3月以来|德意志银行), when a name of two characters or more is left."""
    from kg.extract.names import pos_tokens

    best = ns
    for km in _FIRM_KIND.finditer(text, ns, stop):
        if stop - km.end() >= 2:
            best = max(best, km.end())
    toks = pos_tokens(text[ns:stop])
    for k, (_s0, e0, w, t) in enumerate(toks):
        if ns + e0 > best and stop - (ns + e0) >= 2 and ((t in ("v", "t") and len(w) >= 2 and not _placed_lead(toks, k))
                                                         or (t == "f" and len(w) == 2 and w not in _DIRECTIONS) or w in ("月", "日", "年")):
            best = ns + e0
    return best


def _only_places(prefix: str) -> bool:
    """Whether a prefix is place names and nothing else (美国, 上海, 中国)."""
    from kg.extract.regions import gazetteer

    gaz = gazetteer()
    pos = 0
    for s0, e0, f in gaz.scan(prefix, 0, len(prefix)):
        if s0 != pos or lexicon.word_tag(f) not in (None, "ns"):  # 港口 is a word before it is 港口区
            return False
        pos = e0
    return pos == len(prefix) and pos > 0


_AGENCY = re.compile(r"(?:局|部|厅|署|委|办|军|兵|队|情报)$")
_BODY = re.compile(r"(?:基金会|协会|学会|研究院|研究所|大学|学院|工程处|组织|中心|医院)$")


def _common_words(name: str) -> bool:
    """Whether a name is only places and common words of the dictionary (北京研发, 核心阵地装甲兵)."""
    from kg.extract.names import pos_tokens
    from kg.extract.regions import gazetteer

    forms = gazetteer().forms
    return all(w in forms or (len(w) >= 2 and lexicon.word_freq(w) >= 100) for _s, _e, w, _t in pos_tokens(name))


_NAME_VERBS = {"发展", "投资", "建设", "开发", "控股", "建工", "运营", "服务", "制造", "创新"}


def _place_before(text: str, floor: int, ns: int) -> int:
    """Start a name at the place written right before it (大连|核电石化有限公司: jieba reads 大连 as
    an adverb), when the place opens the clause or follows a word boundary it does not run into."""
    from kg.extract.regions import gazetteer

    gaz = gazetteer()
    for k in range(min(6, ns - floor), 1, -1):
        f = text[ns - k : ns]
        if f in gaz.forms and (ns - k == floor or not ("\u4e00" <= text[ns - k - 1] <= "\u9fff")
                               or text[ns - k - 1] in "在到从于和与及的、"):
            return ns - k
    return ns
# suffixes that are also common words: a company only after a place (中国移动, not 孩子们联通)
_WEAK_SUFFIX = ("移动", "联通", "电信", "电网", "石化")
_PROPER_TAGS = ("nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "eng", "x")


# a count, an ordinal or a demonstrative of firms right before a name (这家, 5家, 首家, 第四家, 多家…的, 各地)
_COUNTED = re.compile(r"(?:(?:[这那该每各]|[0-9０-９一二三四五六七八九十两几多数首]+|第[0-9一二三四五六七八九十]+)家|各地|一批)(?:[^，,。；;、]{0,4}的)?$")


def _names_one(prefix: str) -> bool:
    """Whether the words before a company's suffix name one firm by a place, a proper noun the tagger is
    sure of, Latin letters or digits, a word the dictionary lacks (渣打) or two characters that make no
    word (宇树), not by words of a kind (巧克力, 城市商业)."""
    from kg.extract.names import COMMON_NS, pos_tokens
    from kg.extract.regions import gazetteer

    if re.search(r"[A-Za-z0-9０-９]", prefix) or any(len(f) >= 2 for _s, _e, f in gazetteer().scan(prefix)):
        return True
    toks = pos_tokens(prefix)
    if len(toks) >= 2 and len(toks[0][2]) == 1 and len(toks[1][2]) == 1 and not lexicon.is_word(toks[0][2] + toks[1][2], 1) \
            and all("\u4e00" <= t[2] <= "\u9fff" for t in toks[:2]):
        return True  # two characters that make no word open the name (宇|树, 润|通): a brand
    return any(len(w) >= 2 and w not in COMMON_NS and (t in ("nt", "nz", "j") or lexicon.word_tag(w) is None)
               for _s, _e, w, t in toks)


def _proper(prefix: str) -> bool:
    """Whether a company name's part before its suffix holds a proper name (中煤, 抖音, 360),
    not only common words (绿色石化, 认定跨国公司)."""
    from kg.extract.names import pos_tokens
    from kg.extract.regions import gazetteer

    gaz = gazetteer()
    toks = pos_tokens(prefix)
    places = [w for _s, _e, w, _t in toks if w in gaz.forms]
    rest = [(w, t) for _s, _e, w, t in toks if w not in gaz.forms]
    if places and rest and all(lexicon.word_tag(w) not in (None, *_PROPER_TAGS) for w, _t in rest) \
            and all(len(w) >= 2 for w, _t in rest):
        return False  # a place and common words (美国科技公司, 本地物流公司): a kind of company
    singles = 0
    for _s, _e, w, tag in toks:
        if tag in _PROPER_TAGS or lexicon.word_tag(w) is None:
            return True
        singles = singles + 1 if len(w) == 1 else 0
        if singles >= 2 or (len(w) == 1 and len(toks) == 1):
            return True  # characters that make no word (兰友, 润通): a name
    return False


# A brand before its product, where the product is sold or made: 润通水泵出口, 比亚迪“刀片电池”出口额,
# 康佳MLED商显线实现量产, 华为手机销量.
_PRODUCT_VERB = re.compile(r"(?:出口额|出口量|出口|销量|销售额|实现量产|量产|下线|交付)")


def _brands(text: str, start: int, end: int) -> Iterator[Mention]:
    from kg.extract.names import pos_tokens
    from kg.extract.regions import gazetteer

    gaz = gazetteer()
    for m in _PRODUCT_VERB.finditer(text, start, end):
        quoted = re.search(r"([\u4e00-\u9fff]{2,4})“[^“”]{2,10}”$", text[max(start, m.start() - 20) : m.start()])
        if quoted:
            ps = max(start, m.start() - 20) + quoted.start(1)
        else:
            ps = name_start(text, start, m.start(), limit=14, joins=False)
        phrase = text[ps : m.start()]
        if len(phrase) < 4:
            continue
        brand = ""
        q = re.match(r"([\u4e00-\u9fff]{2,4})(?:“[^”]{2,10}”|[A-Za-z]{2,})", phrase)
        if q:
            brand = q.group(1)
        else:
            # the product is the longest dictionary noun at the end (水泵, 手机, 电池)
            for k in range(2, min(5, len(phrase) - 1)):
                product = phrase[len(phrase) - k :]
                if lexicon.word_tag(product) in ("n", "nz") and 2 <= len(phrase) - k <= 4:
                    brand = phrase[: len(phrase) - k]
            if not brand:
                continue
        if len(brand) not in {e0 for _s0, e0, _w, _t in pos_tokens(phrase)}:
            continue  # the brand is part of a word (地空导弹): no brand
        toks = pos_tokens(brand)
        first, tag = toks[0][2], toks[0][3]
        # a brand starts with a proper name: 比亚迪, 宁德(时代), or characters jieba does not know (润通)
        proper = tag in ("nr", "nz", "nt", "eng") or lexicon.word_tag(first) is None or (
            len(first) == 1 and lexicon.word_tag(brand) is None and all(len(t[2]) == 1 for t in toks))
        if not proper or brand in gaz.forms or lexicon.word_freq(brand) >= 1000 or _GENERIC_CO.match(brand) or _TRADE.fullmatch(brand):
            continue
        if re.fullmatch(r"[0-9]+[A-Za-z]{1,2}", brand):
            continue  # 3D打印机, 5G手机: a technology's grade, no brand
        yield Mention(ps, ps + len(brand), brand, COMPANY, normalise_name(brand), "companies.brand", -1)


# a name made only of the words of trades (锂电储能, 电子电器, 多晶硅, 集成电路): an industry listed or a product,
# no enterprise (长城汽车, 格力电器, 宁德时代 hold a name beside the trade)
_TRADE_WORDS = ("多晶硅|单晶硅|光伏|锂电|储能|电子|电器|电气|农业|装备|新能源|汽车|集成电路|半导体|芯片|生物|医药|新材料|材料|化工|"
                "钢铁|纺织|服装|食品|物流|软件|信息|通信|机械|智能|家电|家居|能源|电力|风电|氢能|航空|航天|船舶|数字|电商|建材|"
                "环保|节能|冶金|有色|稀土|石化|煤炭|矿业|农机|零部件|整车|电池|显示|面板|机器人|人工智能|大数据|云计算|文旅|"
                "零售|物联网|制造|加工|研发|设备|器材|配件|精密|高端|新型|绿色|先进|现代|工业|产业")
_TRADE = re.compile(f"(?:{_TRADE_WORDS})+")


_INDUSTRY = re.compile(r"(?:药业|制药|新能源|能源|科技|电子|电气|电器|汽车|实业|物流|材料|化工|化学|石油|石化|煤业|机械|重工|"
                       r"钢铁|建工|置业|地产|食品|农业|传媒|文化|智能|半导体|光电|生物|医药)$")


def _region_forms() -> dict:
    from kg.extract.regions import gazetteer

    return gazetteer().forms


def _named(name: str) -> bool:
    """A proper name, not a common word or a place (物流仓储, 饲料, 俄罗斯)."""
    from kg.extract.names import pos_tokens
    from kg.extract.regions import gazetteer

    if name in gazetteer().forms or lexicon.word_freq(name) >= 50:
        return False
    if _INDUSTRY.search(name) and len(name) >= 4:
        return True  # 天地药业, 特瑞新能源: a name and its trade
    toks = pos_tokens(name)
    if re.fullmatch(r"[0-9A-Za-z]+", name):
        return True
    return any(t in ("nr", "nz", "nt", "eng", "j") or lexicon.word_tag(w) is None for _s, _e, w, t in toks) \
        or (toks[0][3] == "ns" and len(toks) > 1)


_STATE_BANK = re.compile(r"(?:中央银行|央行|人民银行|储备银行|联邦储备|储蓄保险公司|英格兰银行|日本银行$|世界银行|"
                         r"亚洲基础设施投资银行|亚投行|开发银行(?<!国家开发银行)|货币基金|清算银行|结算银行$)")


def _strong_prefix(prefix: str) -> bool:
    """A national or province-level name before a weak suffix (中国移动, 国家电网, 南方电网, 湖北移动)."""
    from kg.extract.regions import gazetteer

    if prefix in ("中国", "国家", "南方", "国网"):
        return True
    gaz = gazetteer()
    return any(gaz[k].level in ("province", "country") for k in gaz.lookup(prefix))


def _place_prefix(prefix: str) -> bool:
    from kg.extract.names import pos_tokens

    toks = pos_tokens(prefix)
    return bool(toks) and toks[-1][3] in ("ns", "nt") and len(prefix) <= 4


def owner_before_place(text: str, start: int, end: int, gaz: Gazetteer) -> Mention | None:
    """The company a project name opens with when a place follows it (比亚迪郑州基地, 宁德时代
    四川基地): a proper name of 2-4 characters that is no place itself."""
    from kg.extract.names import pos_tokens

    name = text[start:end]
    for cut in range(2, min(5, len(name) - 2)):
        brand, rest = name[:cut], name[cut:]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", brand) or brand in gaz.forms or not any(rest.startswith(f) for f in _place_forms(rest, gaz)):
            continue
        toks = pos_tokens(brand)
        proper = lexicon.word_tag(brand) in ("nr", "nz", "nt", None) and all(t[3] not in ("ns", "f") for t in toks)
        if brand[-1] in "至到—-" or _inner_place(brand, gaz) or _PROJECT_WORD.search(brand):
            continue  # 龙岩至武平段, 龙龙高铁梅州至龙川段: a route, not a company's site
        if not _SITE.search(name):
            continue  # 祝贺大埃及博物馆, 郁江贵港段: only a company's site (基地, 工厂 …) opens with its owner
        if proper and lexicon.word_freq(brand) < 1000 and not _GENERIC_CO.match(brand):
            return Mention(start, start + cut, brand, COMPANY, normalise_name(brand), "companies.owner", -1)
    return None


def leading_brand(text: str, start: int, end: int, gaz: Gazetteer) -> Mention | None:
    """The company a listed project is named after (比亚迪新能源汽车动力电池, 华天科技芯片技改,
    芯业时代8英寸半导体): a first word jieba does not know or tags as a proper name, no place,
    with the trade word right after it (科技, 石油, 化学 …), and something left for the project."""
    from kg.extract.names import pos_tokens

    toks = pos_tokens(text[start:end])
    if len(toks) < 2:
        return None
    first = toks[0][2]
    if first in gaz.forms and len(toks) > 2 and _BRAND_PART.fullmatch(toks[1][2]):
        brand = first + toks[1][2]  # 延长石油: a place's name and a trade make a company's
    else:
        k, brand = 0, ""
        while k < len(toks) and len(brand) < 4:
            w = toks[k][2]
            if not re.fullmatch(r"[\u4e00-\u9fff]+", w):
                break
            if not brand and len(w) >= 2 and (w in gaz.forms or lexicon.word_tag(w) not in (None, "nr", "nz", "nt", "j", "nrt")):
                return None
            if brand and len(w) >= 2:
                if _BRAND_PART.fullmatch(w) and len(brand) <= 3:
                    brand += w  # 华天科技, 芯业时代, 玖德化学
                break
            brand += w
            k += 1
        if not brand or brand[0] in "多几数一二三四五六七八九十两各每" or (k and toks[k - 1][3] == "a"):
            return None  # 多式联运, 煤基新材料: a count or a quality, not a name
        rest = pos_tokens(text[start + len(brand) : end])
        if not _BRAND_PART.search(brand) and rest and (rest[0][3] == "v" or _AFTER_PLACES.match(rest[0][2])):
            return None  # 川藏铁路, 成渝地区, 天然林保护: places before a route or area, a thing before a verb
    if not 2 <= len(brand) <= 6 or brand in gaz.forms or lexicon.word_freq(brand) >= 100:
        return None
    if len(brand) >= end - start - 1:
        return None
    return Mention(start, start + len(brand), brand, COMPANY, normalise_name(brand), "companies.listed", -1)


_AFTER_PLACES = re.compile(r"(?:地区|区域|经济圈|城市群|地方|两地|铁路|高铁|城际|高速|公路|地铁|航线|通道|线)")
_BRAND_PART = re.compile(r"科技|化学|石油|石化|煤业|药业|制药|电子|电气|重工|实业|钢铁|建工|时代|集团|控股|能源")


_SITE = re.compile(r"(?:基地|工厂|产业园|工业园|科技园|总部|生产线|产线|项目|研发中心|创新中心|制造中心|园区|工程|超级工厂)"
                   r"(?:[一二三四五六七八九十0-9]+期)?(?:项目)?$")
_PROJECT_WORD = re.compile(r"(?:高铁|铁路|城际|高速|公路|地铁|港|机场|站|线|桥|隧道|水库|园)")


def _inner_place(brand: str, gaz: Gazetteer) -> bool:
    return any(len(f) >= 2 for _s, _e, f in gaz.scan(brand))


def _place_forms(rest: str, gaz: Gazetteer) -> list[str]:
    for s, _e, form in gaz.scan(rest, 0, min(len(rest), gaz.maxlen)):
        return [form] if s == 0 else []
    return []


def _split_list(text: str, s: int, e: int) -> Iterator[tuple[int, str]]:
    """Split “A、B” into names, each trimmed of leading verbs and function words."""
    pos = s
    for piece in re.split(r"[、和及与]", text[s:e]):
        ps = pos
        pos += len(piece) + 1
        ns = _name_start(text, ps, ps + len(piece))
        name = text[ns : ps + len(piece)]
        if name:
            yield ns, name


def _ends_word(text: str, i: int, end: int) -> bool:
    """Whether a jieba word boundary falls at ``i``."""
    s = max(0, i - 6)
    return (i - s) in lexicon.token_bounds(text[s : min(end, i + 6)])


# the noun a company's name stands in apposition to: 民营高新技术企业兰友科技有限公司, 美国大型零售商
# 塔吉特百货公司, 前母公司硅谷银行金融集团 (the name starts after it); and the words before that mark
# no company (隶属于, 伙同)
_APPOSITION = re.compile(r"(?:企业|机构|平台|基地|母公司|子公司|公司|集团|零售商|电商|运营商|制造商|供应商|服务商|开发商|"
                         r"生产商|经销商|巨头|龙头|品牌|厂商|车企|药企|房企|银行业|业主|股东|承建方|承建商|隶属于|旗下|伙同|包括)")
_NOT_COMPANY = re.compile(r"(?:犯罪集团|诈骗集团|贩毒集团|黑社会|团伙|雇佣兵|恐怖|武装集团|政治集团|利益集团|军事集团|"
                          r"子公司|分公司|母公司|空壳公司|皮包公司|强村公司|公司化|集团化|医疗集团)$|^(?:三级|二级|一级)|"
                          # a kind (上市公司, 创业公司), a body of nations (联合国…, 非洲进出口银行), a piece of a bracket
                          r"上市|创业公司|^[)）]|联合国|组织$|^(?:非洲|亚洲|美洲|欧洲|泛美|加勒比|伊斯兰|阿拉伯|金砖)\S*银行$")


# words that open firms' names as often as they govern or count (中国联合网络通信集团, 第一共和银行)
_NAME_LEADS = frozenset({"联合", "第一"})
# a direction that opens a firm's name (北方华创, 西部联盟银行, 东方电气) is the name's, not a place's part
_DIRECTIONS = frozenset("东方 西方 南方 北方 东部 西部 南部 北部".split())


def _placed_lead(toks: tuple, k: int) -> bool:
    """Whether the word at ``k`` opens a firm's name after the place it is named with (中国|联合网络通信)."""
    return toks[k][2] in _NAME_LEADS and k > 0 and toks[k - 1][2] in gazetteer().forms


def _name_start(text: str, floor: int, stop: int) -> int:
    ns = name_start(text, floor, stop, keep=_NAME_LEADS, limit=12, heads=_SUFFIX_RE, joins=False)
    ns = _place_before(text, floor, ns)
    cut = None
    for m in _APPOSITION.finditer(text, ns, stop):
        if stop - m.end() >= 2:
            cut = m.end()
    if cut is not None:
        ns = cut
    # a company's name holds no verb (之后转业进入黄石公交集团 -> 黄石公交集团)
    from kg.extract.names import pos_tokens

    lo = ns
    toks = pos_tokens(text[ns:stop])
    for k, (s0, _e0, w, t) in enumerate(toks):
        if t == "v" and len(w) >= 2 and w not in _NAME_VERBS and not _placed_lead(toks, k):
            lo = ns + s0 + len(w)
    ns = lo
    if ns == stop:
        digits = re.search(r"(?<![0-9.])[0-9]{3,}$", text[floor:stop])  # a name in digits: 360
        if digits:
            return floor + digits.start()
    return ns
