"""Projects: named works that are built, opened or run (ports, parks, bases, centres, ...).

A project name ends in a head noun (产业园, 码头, 中心, 班列, ...) at a word boundary and
starts after a verb of building or running (建设, 投用, 打造), a count (10条), or clause
punctuation. Coordinated names share a head: “智能网联新能源汽车整车及零部件、新材料等产业园”
gives two parks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from kg.extract import lexicon
from kg.extract.names import (
    COMMON_NS,
    GOVERNING,
    after_apposition,
    governing,
    name_start,
    pos_tokens,
    starts_with_place,
)
from kg.extract.regions import COMMON_WORD_FREQ, common_form, gazetteer
from kg.model import PROJECT, Mention
from kg.patterns import searchable

HEADS = (
    "产业园区|工业园区|产业园|工业园|科技园|物流园|科创园|高创园|文创园|创业园|园区|示范园|农业园|植物园|"
    "枢纽港|港区|渔港|码头|港|口岸|综保区|综合保税区|保税区|商务区|航线|航道|机场|航站楼|货站|车站|东站|西站|南站|北站|站|场所|"
    "纪念馆|美术馆|图书馆|科技馆|展览馆|"
    "基地|中心|平台|班列|专列|隧道|大桥|铁路|高速公路|高速|公路|快速路|轨道交通|地铁|风电场|航天发射场|大科学装置|"
    "综合体|公园|科学城|城|储气库|空间站|林场|景区|大厅|高铁|城际铁路|电站|水电站|水库|枢纽|延伸段|段|生产线|产线|线|"
    "实验室|研究院|博物馆|体育馆|会展中心|广场|大道|走廊带|训练场|试验场|体育场|枢纽工程|交通工程|水利工程|防洪工程|排涝工程|引水工程|调水工程|供水工程|灌区工程|治理工程|监测站|"
    "跨海通道|跨江通道|过江通道|一期项目|二期项目|三期项目|一期工程|二期工程|三期工程|一期|二期|三期|四期|项目"
)
HEAD_RE = searchable("(?:[0-9０-９]+号线|" + "|".join(sorted(HEADS.split("|"), key=len, reverse=True)) + ")")

_CLAUSE = re.compile(r"[，,。；;：:！？!?、\s“”\"《》]")
_NUM_CL = re.compile(r"[0-9０-９一二三四五六七八九十百千万亿两几多余]+[个条座家项所处批类]$")
# A project name is not just generic modifiers + head (数字化车间, 研发平台, 市级绿色园区).
GENERIC = re.compile(
    r"^(?:市级|省级|国家级|区级|县级|国家|国际|全国|区域|区域性|本地|特色|新型|现代|综合|公共|基层|"
    r"数字化|智能化|智能|绿色|研发|科创|创新|服务|交通|物流|产业|工业|农业|商贸|文化|旅游|数字|"
    r"重点|重大|主要|大型|小型|龙头|领军|示范|试点|标杆|各类|相关|以上|以下|指挥|治理|管理|运营|项目|企业|工作|"
    r"战略性|新兴|新兴产业|招商|签约|开工|竣工|在建|续建|新建)*$"
)
MAX_NAME = 26
# broad areas (not two places' characters: 成渝铁路 is one line) and the heads their networks take
_BROAD_AREA = re.compile(r"长三角|珠三角|大湾区|粤港澳大湾区|京津冀|长江经济带|黄河流域|西部|东部|中部|东北|沿海|内河|沿边|国内|境内|全境")
_NETWORK_HEADS = frozenset("铁路 高铁 机场 港口 港 码头 高速 高速公路 公路 航线 口岸 景区 电站".split())
# parts of the world a network is named after (中东…港口), beside the countries the gazetteer knows
_WORLD_PARTS = frozenset("中东 欧洲 非洲 中亚 东南亚 南亚 西亚 北美 拉美 南美".split())


# another country's armed forces (美军, 以军, 俄军): what they hold or strike is named by them
FORCES = re.compile(r"[美俄乌以英法日德韩朝印巴北]军|[美俄乌以英法日德韩朝印巴]方")


def find_projects(text: str, start: int, end: int) -> Iterator[Mention]:
    """Yield Project mentions in ``text[start:end]`` (one clause window at a time)."""
    for cs, ce in _clauses(text, start, end):
        bounds = None
        for m in HEAD_RE.finditer(text, cs, ce):
            he = m.end()
            if bounds is None:
                bounds = {b + cs for b in lexicon.token_bounds(text[cs:ce])}
            if he not in bounds and he != ce:
                continue
            if m.group() == "中心" and ((he < ce and text[he] in "区城") or text[m.start() - 1 : m.start()] == "市"
                                       or text.startswith(("任务", "工作", "环节", "位置", "地位"), he)):
                continue  # 中心城区; 开罗市中心: a city's centre is a place; 党和国家中心任务: the main task, no work
            if m.group().endswith("期") and (text[m.start() - 1 : m.start()] == "第" or (
                    he < ce and "\u4e00" <= text[he] <= "\u9fff" and text[he] not in "建开投竣等和及与已正将全顺稳达实完落成启")):
                continue  # 第二期: an ordinal; 木兰溪一期试验段工程: the phase of a longer name
            if m.group() == "高速" and _SPEED_AFTER.match(text, he, ce):
                continue  # 保持高速增长
            if _ZONE_AFTER.match(text, he, ce) or (m.group() == "线" and text[he : he + 1] in ("上", "下")):
                continue  # 上海临港|新片区: the head is inside a zone's name; 设线|上线下主会场: online, no line
            if _MODE_AFTER.match(text, he, ce) and m.group() in _MODES:
                continue  # 铁路里程, 公路网密度: the network, not one work
            if he - m.start() == 1 and m.start() not in bounds and not _proper_word(text, m.start(), he, bounds):
                continue  # the head is the end of another word (阶段 is not a 段)
            ns = name_start(text, cs, m.start(), heads=HEAD_RE)
            k = text.rfind("和", ns, m.start())
            if k >= 0 and (k + 1 == m.start() or starts_with_place(text, k + 1, m.start())
                           or any(len(h.group()) >= 2 or h.end() == k for h in HEAD_RE.finditer(text, ns, k))):
                # 城市运行和治理中心, 国家药品和医疗器械审评检查华中分中心 are one name; 延吉机场迁建和长春龙嘉机场
                # (a work before 和), 作品和意大利人类文明博物馆 (a place after it), 南排和航道 are not
                ns = name_start(text, cs, m.start(), heads=HEAD_RE, joins=False)
            ns = _strip_lead(text, ns, m.start())
            ns = after_apposition(text, ns, m.start())
            ns = _past_glued_start(text, cs, ns, m.start())
            ns = _after_descriptor(text, ns, m.start(), m.group())
            ns = _after_clause_verb(text, ns, m.start())
            ns = _after_move_verb(text, ns, m.start())
            for dm in _PLACE_DESCRIPTOR.finditer(text, ns, m.start()):
                if m.start() - dm.end() >= 2 and proper_core(text[dm.end() : m.start()]):
                    ns = dm.end()  # 张家口赛区|云顶滑雪公园, 拉萨世界文化遗产|罗布林卡公园: what the place is, then its name
            k = text.find(m.group(), ns, m.start()) if len(m.group()) >= 2 else -1
            if k >= 0 and _kind_prefix(text, ns, k) and _name_like(text[k + len(m.group()) : m.start()]):
                ns = k + len(m.group())  # 最大核电站|扎波罗热核电站: the kind before the name in apposition
            elif len(m.group()) >= 2 and _kind_prefix(text, ns, m.start()) and _apposed(text, he, ce, m.group()):
                continue  # (the kind itself, 高原机场 of 高原机场|昭苏天马机场, is no name)
            elif _kind_repeated(text, ns, he, ce):
                continue  # 首个先进计算中心|哈尔滨先进计算中心: the kind before the place's own centre
            q = _place_then_kind(text, ns, m.start(), he)
            if q > ns:
                ns = q  # (and the same kind glued before it: 先进计算中心|哈尔滨先进计算中心)
            if m.group() == "班列" and m.start() - 2 > ns and _SERVICE_PAIR.fullmatch(text, m.start() - 2, m.start()) \
                    and (not proper_core(text[ns : m.start() - 2]) or text[ns] in "万千百十列趟次"):
                ns = m.start() - 2  # 入境|中欧班列, 全程时刻表|中欧班列, 万列|中欧班列: the service is named 中欧班列
                # (a place, a route, a train's number or a brand stays: 西安至杜伊斯堡…, X8037次, 义新欧)
            if _runs_into_known(text, ns, he, ce):
                continue  # 拱北海关所属港|珠澳大桥: the head opens a work the corpus knows whole
            ns = known_start(text, ns, he)
            if text[ns] == "最":
                continue  # 最长最宽钢壳混凝土沉管隧道: a description of a record, no name
            k = text.rfind("至", ns, m.start())
            if k >= 0 and m.group().endswith(_POINT_HEADS) and m.start() - (k + 1) >= 2 \
                    and not _LINE_KIND.search(text, ns, k):
                # 福田至|香港西九龙站, 天津西站至|大兴机场站: a route's end is the station, not the route (a line's
                # section between two stations, 青藏铁路唐古拉南站至联通河站, stays whole)
                ns = k + 1
            item = False
            if m.group() in ("项目", "工程"):
                walked = ns
                ns = _region_led_item(text, cs, ns, m.start(), he)
                item = ns != walked
            if m.start() - ns < 2 or he - ns > MAX_NAME or text[ns] in ".．%％-—/至]］)）":
                continue  # .5MW光储充…: a name cut inside a number; 南宁至钦州、至北海高速公路: a route cut from its start
            he = _paren_tail(text, he, ce)
            name = text[ns:he]
            core = text[ns : m.start()]
            if m.start() - ns < 2 or GENERIC.match(core) or _NUM_CL.search(core) or _BAD_CORE.search(core):
                continue
            if _HEAD_THEN_VERB.search(core):
                continue  # 霍尔果斯口岸|通行|中欧班列: a work, a verb and another work make a clause, not a name
            if m.group() == "港" and core.endswith(("自由贸易", "自贸")):
                continue  # 海南自由贸易港: a policy zone (an initiative), not a port
            if m.group() == "项目" and not _named_project(core, item):
                continue  # 招商引资项目, 民生项目, 宣布项目: a kind or a clause; 田七家化项目 names one
            if name.count("(") + name.count("（") != name.count(")") + name.count("）"):
                continue
            if he < ce and text[he] in "镇乡村" and m.end() == he:
                continue  # 玉环清港|镇: the head ends a town's or a village's name
            if name in _region_forms() or re.search(r"[县市镇乡]城$|^(?:距离|距)", name):
                continue  # 连云港 is a city; 距榕江县城: a county's seat is a place, not a work
            if m.group() == "段" and not _LINE_KIND.search(text, ns, m.start()):
                continue  # 临汾段, 湖北段, 贵阳至荔波段, 合龙段: a stretch of a river or of a line not named here
            if _ends_in_city(text, ns, m.start(), m.end()):
                continue  # 习近平主席亲临香港: the head ends a city's or a province's name (香港), no work is named
            core = text[ns : m.start()]
            if (_BROAD_AREA.fullmatch(core) or core in _WORLD_PARTS or gazetteer().foreign_only(core)) \
                    and m.group() in _NETWORK_HEADS:
                continue  # 长三角铁路, 大湾区机场, 阿富汗公路: an area's or a country's network, not one work
            if FORCES.search(text, ns, m.start()) or FORCES.fullmatch(text, max(cs, ns - 2), ns):
                continue  # 以军梅龙空军基地, 俄军无人机操作中心: a target of war named by its army, not a work
            if m.group() == "研究院" and _NATIONAL_BODY.match(text, ns, m.start()):
                continue  # 中国信息通信研究院, 中国历史研究院: a national body's institute, an organisation
            if text[ns:m.start()] in ("中国", "全国", "我国", "国家", "全省", "全市") and m.group() != "空间站":
                continue  # 中国铁路: the country's railways, not one line
            if _DEMONSTRATIVE.search(text, max(cs, ns - 2), ns) and not _names_something(text[ns : m.start()]):
                continue  # 这个创意产业园, 这家海洋电缆实验室, 该港口共有航线: a work pointed at by its kind, not named
            ns0, ns = ns, _drop_leading_regions(text, ns, m.start())
            if m.group() == "城" and (text[m.start() - 1] == "古" or _all_places(text, ns0, m.start()) or _all_places(text, ns0, he)):
                continue  # 湖北|谷城 (a county), 延安城, 江西赣州城, 巴拿马城, 凤凰古城: a place, not a work (北海|铁山港 is a port)
            # a kind named after a country (美国|空军基地, 乌克兰|军用机场) is no one work
            abroad_kind = ns > ns0 and not proper_core(text[ns : m.start()]) and any(
                gazetteer().foreign_only(f) for s0, _e, f in gazetteer().scan(text, ns0, ns) if s0 == ns0)
            sure = (not _VAGUE.search(text[ns0 : m.start()]) or proper_core(text[ns0 : m.start()], strict=True)) \
                and not _ORGAN_CENTRE.search(text, ns0, he) and not abroad_kind \
                and not _COUNTED_KINDS.search(text, ns0, m.start())
            # a name of common words alone (煤化工基地, 门户枢纽) is one work only in a speech about its place
            common = not item and m.group() in _COMMON_KIND_HEADS and not _LEVEL_OWN.match(text, ns0, m.start()) \
                and not (_base_named if m.group() == "基地" else proper_core)(text[ns0 : m.start()])
            # the name as written (宁波舟山港, 四川省成都市天府国际机场) is the mention and an alias; its key
            # leaves out the places it was introduced with, so the same work merges across texts
            yield Mention(ns0, he, text[ns0:he], PROJECT, normalise_name(text[ns:he]),
                          ("projects.item" if item else "projects.common" if common else "projects") if sure else "projects.unsure")
        yield from _fairs(text, cs, ce)
        # (_LISTED needs a 等 and _COORD a 、 with a head after it: no search without them)
        clause = text[cs:ce]
        dun = clause.find("、")
        # names listed before 等(N个)(重大)项目: 芯业时代8英寸半导体、比亚迪新能源汽车动力电池等项目投产
        for m in _LISTED.finditer(text, cs, ce) if "等" in clause else ():
            if _BATCH.search(text, max(cs, m.start("list") - 4), m.start("list") + 4):
                continue  # 建设一批化工新材料、专用化学品等项目: kinds of projects in a batch, no names
            if _SPORT_LISTED.search(clause) or text.startswith(("一线", "领域", "方面"), m.end()):
                continue  # 在赛艇、射击、体操等项目上产生31枚金牌: sports events; 戈壁荒漠等工程一线: a front, no works
            for ps, pe in _list_items(text, cs, m.start("list"), m.end("list")):
                part = text[ps:pe]
                if part in gazetteer().forms or part.endswith("建设") or re.search(r"[《》及]", part):
                    continue  # 官厅、密云等水库: a place names the reservoir the text leaves unsaid; …通道建设: a kind of work
                if 2 <= len(part) <= 24 and not GENERIC.match(part) and not _BAD_CORE.search(part) \
                        and not _VAGUE.search(part) and (proper_core(part) or len(part) >= 5 or HEAD_RE.search(part)):
                    yield Mention(ps, pe, part, PROJECT, normalise_name(part), "projects.listed")
        # coordinated names before a shared head: A、B等产业园 / A、B产业园
        for m in _COORD.finditer(text, cs, ce) if dun >= 0 and HEAD_RE.search(text, cs + dun, ce) else ():
            head = m.group("head")
            if any(governing(w) for _s, _e, w, _t in pos_tokens(m.group("last"))):
                continue  # 甲大学、乙大学牵头建设实验室: the list is the subject of a clause, no shared head
            items = [(m.start(1) + x.start(), m.start(1) + x.end()) for x in re.finditer(r"[^、]+", m.group(1))]
            a_start, a_end = items[0]
            ns = _strip_lead(text, name_start(text, cs, a_end, heads=HEAD_RE), a_end)
            items[0] = (max(ns, a_start) if ns < a_end else a_end, a_end)
            last_end = m.end("last")
            items.append((m.start("last"), last_end))
            for k, (ps, pe) in enumerate(items):
                part = text[ps:pe]
                if k == len(items) - 1 and text[last_end : m.start("head")] in ("", "等"):
                    pe = m.end("head")  # the last item and the shared head: 新材料等产业园 (京沪|等主要高速公路: the item)
                if _ORGAN_PART.search(part) or (head == "研究院" and _NATIONAL_BODY.match(part)):
                    continue  # 中共中央宣传部、中共中央党史和文献研究院: organs listed, no works sharing a head
                if k < len(items) - 1 and re.sub(r"[（(][^）)]*[）)]$", "", part) in gazetteer().forms:
                    continue  # 北京（京津冀）、上海（长三角）、…国际科技创新中心: places listed before a longer name
                if len(part) >= 2 and not GENERIC.match(part) and not HEAD_RE.search(part[-3:]) and not _BAD_CORE.search(part):
                    # a part that already names a place of its own (闽西革命烈士陵园, 人工智能学院) takes no
                    # shared head; one that is no proper name (以文惠民, 何毅亭): in a news story the
                    # shared head is as often wrong
                    own = k < len(items) - 1 and bool(_OWN_HEAD.search(part))
                    toks = pos_tokens(part)
                    loose = not proper_core(part) or not toks or \
                        toks[0][3][:1] in ("p", "v", "c", "d") or any(t[3].startswith("nr") for t in toks)
                    yield Mention(ps, pe, text[ps:pe], PROJECT, normalise_name(part if own else part + head),
                                  "projects.coord" + (".loose" if loose or own else ""))


# Fairs and expos are run, edition by edition: 第二十届中国国际中小企业博览会, 2022年中国国际大数据产业博览会,
# 第六届中国辽洽会, 智博会 (forums, summits, conferences and contests are meetings, not projects).
_FAIR_HEAD = searchable(r"博览交易会|博览会|商品交易会|交易会|交易大会|展览会|洽谈会|电视节|电影节")
_FAIR_ABBR = re.compile(r"博会|洽会|交会|贸会")
# what follows 交会 when craft, trains or roads meet (交会对接, 交会试验, 相对交会时速), not a fair
_MEET_AFTER = re.compile(r"对接|试验|时速|点|处")
_EDITION = re.compile(r"(?:第[0-9一二三四五六七八九十百零]+届|(?:19|20)[0-9]{2}年?)$")


# marks that open no name (a dash of apposition, a closing bracket, quotes)
_LEAD_MARKS = frozenset("—－–-）)”’")


def _fairs(text: str, cs: int, ce: int) -> Iterator[Mention]:
    """Yield fairs and expos named in the clause ``text[cs:ce]``, with their edition (第N届, 2022年)."""
    found = []
    for m in _FAIR_HEAD.finditer(text, cs, ce):
        ns = _strip_lead(text, name_start(text, cs, m.start(), heads=_FAIR_HEAD), m.start())
        if m.start() - ns >= 2 and not GENERIC.match(text[ns : m.start()]):
            found.append((ns, m.end()))
    bounds = None
    for m in _FAIR_ABBR.finditer(text, cs, ce):
        if any(s <= m.start() < e for s, e in found):
            continue
        if bounds is None:
            bounds = {b + cs for b in lexicon.token_bounds(text[cs:ce])}
        if not (m.end() in bounds or m.end() == ce) or _MEET_AFTER.match(text, m.end(), ce):
            continue  # 交会对接, 交会试验: two craft or trains meeting, no fair
        # 进博会, 西洽会, 中国辽洽会: one or two characters that start a word, before the head; a word of
        # the dictionary there (进行|交会, 成功|交会, 太空|交会) or a function word (为|交会, 以|广交会) is none
        for ns in (m.start() - 4, m.start() - 3, m.start() - 2, m.start() - 1):
            if ns >= cs and ns in bounds and (m.start() - ns <= 2 or text.startswith("中国", ns)) \
                    and all("\u4e00" <= c <= "\u9fff" for c in text[ns : m.start()]) \
                    and text[ns] not in "同和与及对向从在把好个次场以因让了" and text[ns] not in _FUNCTION_CHARS \
                    and not (m.start() - ns == 2 and lexicon.is_word(text[ns : m.start()])):
                found.append((ns, m.end()))
                break
    for ns, he in found:
        at = ns + 1 if text[ns] == "届" else ns  # 第22|届…: the edition's number was left before the name
        ed = _EDITION.search(text, cs, at)
        if ed and ed.end() == at:
            ns = ed.start()
        elif at > ns:
            ns = at
        while ns < he and text[ns] in _LEAD_MARKS:
            ns += 1  # 国家级展会——|中国国际进口博览会: the dash of an apposition is no part of the name
        close = max(text.rfind("）", ns, he), text.rfind(")", ns, he))
        if close >= 0 and "（" not in text[ns:close] and "(" not in text[ns:close]:
            ns = close + 1  # 2023（第十六届）|四川电视节: a bracket closed inside the name opened before it
        if he - ns >= 3:
            yield Mention(ns, he, text[ns:he], PROJECT, normalise_name(text[ns:he]), "projects.fair")


# A、B(、C)等<head>: names sharing one head noun, the head after the last
_COORD = re.compile(
    r"([^，,。；;、\s]{2,24}(?:、[^，,。；;、\s0-9的为]{2,12})*)、(?P<last>[^，,。；;、\s0-9的为]{2,12}?)(?:等(?:主要|重点|重要)?)?"
    r"(?P<head>" + HEADS.removesuffix("|项目") + r")(?=[，,。；;、]|$|建设|通道|线路|项目|[0-9]|进城|出城|进京|出京|方向|沿线|全线|路段)"
)
# what goes on after a head inside the name of a zone (临港新片区, 前海合作区)
_ZONE_AFTER = re.compile(r"(?:新片区|片区|新区|合作区|开发区|经济区)")
_MODES = {"铁路", "公路", "高速公路", "高速", "高铁", "地铁", "轨道交通", "城际铁路", "机场", "港", "码头"}
_BATCH = re.compile(r"一批|一系列|若干|多个|各类")
# 高速 that says how fast something grows, not a road (保持高速增长)
_SPEED_AFTER = re.compile(r"(?:增长|发展|运行|运转|推进|扩张|上涨|攀升)")
_MODE_AFTER = re.compile(r"(?:里程|密度|网|运输|运量|营业|客运|货运|线网|通车里程|总里程|覆盖|建设投资|投资)")
_LISTED = re.compile(
    r"(?P<list>[^，,。；;：:“”]{2,90}?)等(?:[0-9一二三四五六七八九十百几多]+[个处条座家项批])?(?:重大|重点|一批|在建|外资|"
    r"产业|工业|基础设施|民生|水利|交通|能源|高速公路|铁路|水库|煤矿)*(?:项目|工程|煤矿|水库)(?!资金|投资|用地|前期|储备|清单|库)"
)


def _list_items(text: str, cs: int, ls: int, le: int) -> list[tuple[int, int]]:
    """The names of a list A、B、C (the first one starts after the verb or clause start before it)."""
    items = []
    pos = ls
    for piece in re.split(r"[、]", text[ls:le]):
        ps, pe = pos, pos + len(piece)
        pos = pe + 1
        while ps < pe and text[ps] in "和及与":
            ps += 1  # …项目和黄百等4个铁路项目
        done = _DONE_AFTER.search(text, ps, pe)
        if done and done.end() == pe and done.start() - ps >= 2:
            pe = done.start()  # 中山大桥|合龙等项目完工: what the work reached, no part of its name
        items.append((ps, pe))
    if items:
        # the first name runs from the clause start or the last governing verb before it (digits
        # and all: 芯业时代8英寸半导体, 延长石油150亿方/年天然气产能倍增工程)
        ps, pe = items[0]
        lo = ns = max(cs, ps - 30)
        for _s0, e0, w, _t in pos_tokens(text[lo:pe]):
            if (governing(w) or _CLAUSE.match(w) or w in ("的", "在", "将", "把")) and lo + e0 < pe - 1:
                ns = lo + e0  # after the last verb or mark before the name
        ns = _strip_lead(text, ns, pe)
        items[0] = (max(ns, ps), pe)
    return [(ps, pe) for ps, pe in items if pe - ps >= 2]


# what a work reaches, said after its name in a list (中山大桥合龙等项目)
_DONE_AFTER = re.compile(r"(?:合龙|贯通|完工|竣工|建成|开工|投产|通车|开通|封顶|并网)")
# the words that open a list of works (此次签约的项目有…、…; 主要包括…) or a name after a figure (投资1亿元的…)
_ITEM_OPENER = re.compile(r"(?:有|包括|包含|是|为|的|即|[：:、])$")
# a sports event's 项目 (冬奥会冰球项目), no work
# a list of sports (射箭、武术、乒乓球等13个项目): the events of a games, not works
_SPORT_LISTED = re.compile(r"金牌|银牌|奖牌|比赛|赛事|代表队|代表团|运动员|大运会|亚运会|奥运会|全运会|冠军")
_SPORT = re.compile(r"奥运|冬奥|亚运|全运|运动会|冬季|夏季|雪上|冰上|比赛|赛事|体育|代表团")
# verbs that stand inside a work's name (综合设施建设项目, 集聚区, 升级改造项目); any other governing word
# between a place and the head makes a clause (重庆加快推进…项目)
IN_NAME_VERBS = frozenset("建设 升级 改造 扩建 新建 改建 迁建 集聚 提升 发展 治理 整治 修复 培育 安装 服务 开发 生产 "
                          "制造 加工 示范 配套 保护 利用 提质 扩能 储备 综合 一体化".split())


def _region_led_item(text: str, cs: int, ns: int, hs: int, he: int) -> int:
    """Where a work named by a list item that opens with a place starts, when the name walked back
    from its head stopped inside it: 此次签约的项目有孟连县扎莫弄复合光伏发电项目、…; 主要有岑溪市宸龙源
    纺织服装集聚区项目、… (jieba reads verbs in such names: 扎/弄, 集聚). The item must stand in a list
    (a 、 before or after it) or after a word that opens one; the words between the place and the head
    hold no clause verb, preposition or particle."""
    b = max(cs, *(text.rfind(c, cs, ns) + 1 for c in "、，,；;：:（("))
    if b >= ns:
        return ns
    listed = text.startswith("、", he) or text[b - 1 : b] == "、"
    for rs, re_, form in gazetteer().scan(text, b, ns):
        if not (_ITEM_OPENER.search(text, b, rs) or (rs == b and listed)):
            continue
        if hs - rs > MAX_NAME or re_ >= ns or form in ("中国", "全国", "我国") or _SPORT.search(text, re_, hs):
            return ns  # 中国体育代表团本届冬奥会首枚雪上项目, 北京2022年冬奥会冰球项目: an event, not a work
        toks = pos_tokens(text[re_:hs])
        if any(t[3] in ("p", "u", "uj", "ul", "c") or (governing(t[2]) and t[2] not in IN_NAME_VERBS)
               for t in toks):
            return ns
        return rs
    return ns


_RANKED = ("重点", "重大", "旗舰", "标志性", "示范", "龙头", "骨干")


def _named_project(core: str, item: bool = False) -> bool:
    """Whether the words before 项目 name one project (孟连县绿色建材加工项目, 田七家化项目) rather than a
    kind (民生项目) or the end of a clause (县委书记某某宣布项目, 狠抓项目): a proper core of three or more
    characters, no person's name in it, no verb right before the head, no 和 joining two things.
    An ``item`` of a list that opens with a place may end in a verb of a work's name (梧州大酒店升级改造项目)."""
    if len(core) < 3 or "和" in core or core.endswith(_RANKED):
        return False  # (海南自贸港重点项目: a rank of projects, not one)
    from kg.extract.regions import gazetteer

    places = [(s, e) for s, e, f in gazetteer().scan(core) if len(f) >= 2]
    toks = pos_tokens(core)
    if not toks or (toks[-1][3] == "v" and not (item and toks[-1][2] in IN_NAME_VERBS)) or any(
            t[3].startswith("nr") and len(t[2]) >= 2 and not any(s <= t[0] < e for s, e in places) for t in toks):
        return False  # a clause (某某宣布项目, 狠抓项目), not a name
    rest = core[places[0][1]:] if places and places[0][0] == 0 else core
    # a place, an organisation's name, Latin letters or digits; what follows a leading place says
    # more than one word (孟连县绿色建材加工项目; not 黑龙江省投资项目)
    own = bool(_LATIN_OR_DIGIT.search(rest)) or any(t[3] in ("ns", "nt") for t in pos_tokens(rest)) \
        or any(s > 0 for s, _e in places)
    return own or (bool(places) and len(rest) >= 4)


# heads of a point on a route (a station, an airport, a port), not of the line between two
_POINT_HEADS = ("站", "机场", "港", "码头", "口岸", "港区", "航站楼")
# a work's head and a verb of passing through or reaching right after it, inside what would be a name
_HEAD_THEN_VERB = re.compile(r"(?:口岸|机场|港区|码头|车站|大桥|隧道)(?:通行|开行|抵达|驶离|驶入|发出|进出|出境|入境)")
_BAD_CORE = re.compile(r"以上|以下|领域|新增|没有|[的+＋“”等某或]|部分|^(?:国家级|世界级|全国|全省|全市|多地|各地|新建|改扩建|普速|去程|回程)|"
                       r"[一二三四五六七八九十两几多]大$|"
                       # a whole area's or every one of a kind (陕西全省高速公路, 客流高峰期全国铁路, 境内所有水库),
                       # the main ones or those of several places (主要国际航空口岸, 长三角多地机场), a count of them
                       # (伊宁三个对外开放航空口岸), a clause's verb of using (广东借助…平台, 作为俄乌谈判平台)
                       r"(?<!中华)全[国省市县区](?![运会])|所有|主要|多地|[0-9一二三四五六七八九十两几]+个|借助|作为|依托")
# (and time words, forecasts and broad areas that jieba glues to a name: 今年以来|中欧班列（西安）,
# 预计|北部湾港, 前9个月通行|中欧班列, 西部地区|中欧班列)
_LEAD = sorted([w for w in GOVERNING if len(w) >= 2] + ["以来", "预计", "月通行", "西部地区", "东部地区", "中部地区", "东北地区",
                                                         "共有", "现有", "拥有", "建有", "已有", "充分", "指导", "重开", "后经"],
               key=len, reverse=True)
# the same words (longest first) by their first character: a name start tries only its own
_LEAD_BY_FIRST = {c: [w for w in _LEAD if w[0] == c] for c in {w[0] for w in _LEAD}}


# heads that common words before them make a kind of work far more often than one (门户枢纽, 文化传承创新基地,
# 玉米制种基地, 聚合物锂离子电池生产基地)
_COMMON_KIND_HEADS = frozenset("平台 枢纽 线 场所 航线 公路 通道 基地".split())
# a work the state or a province designates names one (国家稀土功能材料制造业创新中心, 省科技成果转化综合服务平台)
# where words alone would describe a kind
_LEVEL_OWN = re.compile(r"国家(?!级)|[省市](?![级场民内外份区县])")
_MODALS = frozenset("要应将需须并")
_PROPER_TAGS = ("nr", "ns", "nz", "nt", "nrt", "nrfg", "j", "eng")
_LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9０-９]")


def proper_core(core: str, strict: bool = False, abbreviations: bool | str = False, plain: bool = False) -> bool:
    """Whether the words before a head name one thing (果园港, 成渝中线高铁, 望仙谷景区, 1号线,
    长赣高铁) rather than describe a kind (对外开放平台, 高能级科创平台, 人才中心): the core holds a
    place's name, a proper noun, a word the dictionary lacks, a pair of single characters that is
    no word (an abbreviation: 长赣, 京雄), Latin letters or digits. ``strict``: only a place, a
    proper noun, Latin letters or digits (jargon the dictionary lacks, 科创 or 数智, is no name);
    with ``abbreviations`` also a pair of single characters that is no word (成达万, 西渝); with
    ``abbreviations="places"`` only one that opens with a place's or a name's character (秦创原).
    ``plain``: common words count for nothing even where a county's short form or jieba's tag for a
    name says otherwise (资源, 港口; 智慧, 养老: ``lexicon.common_names``), as in a news story, where such
    words before a head describe a kind (检验资源共享中心, 智慧农业大数据中心)."""
    if not core:
        return False
    if _LATIN_OR_DIGIT.search(core):
        return True
    from kg.extract.regions import gazetteer

    gaz = gazetteer()
    for _s, _e, f in gaz.scan(core):
        if len(f) >= 2 and not (plain and common_form(f, COMMON_WORD_FREQ)):
            return True
    toks = pos_tokens(core)
    for k, (_s, _e, w, t) in enumerate(toks):
        if plain and w in lexicon.common_names():
            continue  # (智慧, 养老: common words jieba's dictionary tags as names)
        if len(w) >= 2 and w not in COMMON_NS and (t.startswith(_PROPER_TAGS) or (lexicon.word_tag(w) is None and not strict)):
            return True  # (城市, 乡村: tagged as places, common words)
        if strict and not abbreviations:
            continue
        if _pair_no_word(toks, k) and (abbreviations != "places" or t in ("ns", "nr", "j")):
            return True
    return False




def _pair_no_word(toks: tuple, k: int) -> bool:
    """Whether tokens ``k`` and ``k + 1`` are single characters that make no word: an abbreviation
    (长赣, 呼包鄂) or a foreign name's sounds (内瓦提姆, 阿布祖胡尔)."""
    w = toks[k][2]
    if len(w) != 1 or k + 1 >= len(toks) or len(toks[k + 1][2]) != 1:
        return False
    nxt = toks[k + 1][2]
    return "\u4e00" <= w <= "\u9fff" and "\u4e00" <= nxt <= "\u9fff" and not lexicon.is_word(w + nxt, 1) \
        and w not in _FUNCTION_CHARS and nxt not in _FUNCTION_CHARS


def _base_named(core: str) -> bool:
    """Whether the words before 基地 name one: a place, Latin letters or digits, or single characters
    that make no word (an abbreviation, a foreign name's sounds: 呼包鄂通, 内瓦提姆空军). jieba's tags
    are no help here: it reads crops and materials as names (玉米|制种基地, 锂离子|电池生产基地)."""
    if _names_something(core):
        return True
    toks = pos_tokens(core)
    return any(_pair_no_word(toks, k) for k in range(len(toks)))


def _names_something(core: str) -> bool:
    """Whether the words before a head hold a place (by the gazetteer or jieba's tag), Latin letters or
    digits (枣阳|产业园, X8037次), not only words of a kind (创意, 新材料中试: jieba's other tags are too loose
    to tell a name here)."""
    if _LATIN_OR_DIGIT.search(core) or any(len(f) >= 2 for _s, _e, f in gazetteer().scan(core)):
        return True
    return any(t[3] == "ns" for t in pos_tokens(core))


# a demonstrative (and its classifier) right before a kind of work: the text points at one, it names none
_DEMONSTRATIVE = re.compile(r"(?:[这那][个座家处片条所]|该)$")
# the two ends that name a China-to-abroad rail service (中欧班列, 中亚班列): words before them describe one run
_SERVICE_PAIR = re.compile(r"中[欧亚老越]")


# a name that ends in a head of its own (研究所, 陵园, 遗址, 工坊): a shared head after it is not its
_OWN_HEAD = re.compile(r"(?:所|院|馆|园|陵园|遗址|工坊|大学|学院|中心|基地|港|站|城|区|镇|村)$")
_FUNCTION_CHARS = set("的和与及等在是为对向从把被将了着也都又还共各每该其此这由给于到")
# words that describe a kind or a quality, not name one thing: a core that holds one is unsure
# unless it also holds a proper name (高能级科创平台, 更多开放平台, 对外开放平台, 人才中心)
_VAGUE = re.compile(r"高能级|更多|一批|多个|各类|各级|对外开放|开放|支撑|在建|拟建|已建|现代化|高水平|高标准|一流|"
                    r"重要|主要|核心|关键|人才|技术|增长|服务型|功能型|综合性|全链条|副中心")
# a count of a kind (五大海上风电基地, 西部四大通关口岸, 十大研发中心) names several works, not one
# (九万大山, 二十大, 五大道 are names)
_COUNTED_KINDS = re.compile(r"(?<![一二三四五六七八九十百千万])[两二三四五六七八九十]大(?![桥道坝学厦街院会赛山])")

# the bodies whose institutes are organisations, not works (中国信息通信研究院, 中共中央党史和文献研究院)
_NATIONAL_BODY = re.compile(r"中国|中共中央|中央|中科院|国务院")
# an organ as an item of a list (中央宣传部、…), not a work's name before a shared head
_ORGAN_PART = re.compile(r"(?:部|局|厅|委员会|委|办公室|办公厅|办|署|总台|总局|党校)(?:[（(][^）)]*[）)])?$")
# a centre that is an organ's office or department, not a work built or run as an undertaking
# (国家卫星气象中心, 财经节目中心, 新闻传播中心, 招生考试管理中心, 主媒体中心)
_ORGAN_CENTRE = re.compile(r"(?:管理|节目|气象|传播|调度|运调|指挥|监测|信息|新闻|媒体|交流|操作|响应|控制|监控|卫生)中心$")


_UNIT_OPENING = re.compile(r"(?:千伏|万伏|千瓦|万千瓦|兆瓦|万吨|吨)")


def _kind_prefix(text: str, ns: int, k: int) -> bool:
    """Whether what stands before a head at ``k`` is a kind's modifier (核|电站, 高原|机场, 最北端|高铁)."""
    return k - ns <= 2 or text[ns] == "最"


def _name_like(rest: str) -> bool:
    """Whether the words between two equal heads name a work (扎波罗热, 昭苏天马), not a clause (至石太, 构筑起高原)."""
    if len(rest) < 2 or any(c in _FUNCTION_CHARS or c in "至按到从起" or c.isdigit() for c in rest) or _CLAUSE.search(rest):
        return False
    if starts_with_place(rest, 0, len(rest)):
        return True
    toks = pos_tokens(rest)
    return bool(toks) and toks[0][3].startswith(("n", "j", "eng"))


def _kind_repeated(text: str, ns: int, he: int, ce: int) -> bool:
    """Whether the whole kind ``text[ns:he]`` is said again right after a place's name (先进计算中心|
    哈尔滨|先进计算中心): the first is the kind, the second the work."""
    kind = text[ns:he]
    if len(kind) < 3:
        return False
    j = text.find(kind, he + 2, min(ce, he + 8 + len(kind)))
    return j > 0 and _all_places(text, he, j) > 0


def _place_then_kind(text: str, ns: int, hs: int, he: int) -> int:
    """Where a place's own work starts inside a name that says its kind first (先进计算中心|哈尔滨先进
    计算中心 -> 哈尔滨…); ``ns`` when the name does not."""
    for s, e, _f in gazetteer().scan(text, ns + 3, hs):
        kind = text[ns:s]
        if text[e:he] == kind:
            return s
    return ns


def _apposed(text: str, he: int, ce: int, head: str) -> bool:
    """Whether the same head follows after a name (高原机场|昭苏天马|机场): this one is the kind."""
    j = text.find(head, he + 2, min(ce, he + 16))
    return j > 0 and _name_like(text[he:j])


# a description of the place a work stands in, written before the work's name in apposition
_PLACE_DESCRIPTOR = re.compile(r"(?:港口|沿海|[东南西北中]部|边境|海滨|工业|旅游)城市|首府|重镇|赛区|文化遗产|自然遗产|"
                               r"核心工程|最[东西南北]端")
# the kinds of line a section (…段) is part of, named before it (京广高铁|北京至武汉段, 银昆高速公路|宁夏段)
_LINE_KIND = re.compile(r"铁路|高铁|城际|高速|公路|国道|省道|轨道交通|地铁|号线|线路|干线|专线|绿道|工程|管道|通道|项目|大道")
_MONTH = re.compile(r"(?:[一二三四五六七八九十]{1,3}月|月)份")


# verbs jieba tags as nouns of action that govern a place in a clause (媒体援引美国…, 海关监管中欧班列)
_CLAUSE_VN = frozenset("援引 引述 监管 出口".split())


def _after_clause_verb(text: str, ns: int, stop: int) -> int:
    """Where a name starts that a clause's verb, preposition or conjunction before a place has run
    into (撞上|纽约布鲁克林大桥, 媒体援引|美国内利斯空军基地, 任务及|中国空间站): at the place. A verb
    that says what the work does (迁建, 改造), a noun of action (产业现代化|潇河园区) and 及 between places
    (粤港澳大湾区及海南…专列) are the name's own."""
    toks = pos_tokens(text[ns:stop])
    cut = ns
    for k in range(1, len(toks)):
        s0 = toks[k][0]
        if toks[k][3] != "ns" or starts_with_place(text, ns + s0 - 1, stop):
            continue  # (a place jieba reads as a place: 合作 of 创新合作中心 is no 合作市; 运往上|海洋山港 cuts 上海)
        _s, _e, w, t = toks[k - 1]
        if (t == "v" and len(w) >= 2 and w not in IN_NAME_VERBS) or w in _CLAUSE_VN or (
                w in ("上", "到", "向", "进") and k >= 2 and toks[k - 2][3] == "v") or (
                w in ("及", "与") and not any(t0 == "ns" for _a, _b, _w, t0 in toks[: k - 1])):
            cut = ns + s0
    return cut if stop - cut >= 2 else ns


# verbs of using, running, joining or reaching a work, and of deciding on it, that no work's name holds
# (调度|嘉陵江亭子口水库, 连通|三峡水库, 通行|中欧班列, 核准|江苏徐圩一期工程, 出席|中老铁路,
# 串联起|苏州博物馆, 不通|高速): the name starts after the last of them (jieba tags them as it likes)
_MOVE_VERBS = frozenset("调度 连通 联通 通行 核准 拓宽 优化 加密 增开 开启 可经 出席 来到 搭乘 发往 变身 "
                        "做大 做优 做强 放大 串联 串联起 不通".split())


def _after_move_verb(text: str, ns: int, stop: int) -> int:
    """Where a name starts that a verb of ``_MOVE_VERBS`` before it has run into: after the last one.
    Not before a single character (联通|河站 is a station's name), nor after 调度 that a work's own
    words follow (监测调度|平台, 资源调度|服务平台, 电力调度|大厅: a dispatch platform or hall)."""
    cut = ns
    toks = pos_tokens(text[ns:stop])
    for k, (_s, e, w, _t) in enumerate(toks):
        if w not in _MOVE_VERBS:
            continue
        after = ns + e + (1 if w == "串联" and k + 1 < len(toks) and toks[k + 1][2] == "起" else 0)
        if stop - after == 1 or (w == "调度" and not (stop - after >= 2 and proper_core(text[after:stop]))):
            continue
        cut = after
    return cut


def _past_glued_start(text: str, cs: int, ns: int, stop: int) -> int:
    """Where a name starts that the word before it has glued on: a number's unit opens a name with
    the number (500千伏|任庄变电站 is 500千伏任庄变电站); a road's number or a year is no part of it
    (国道314线|中巴友谊公路, 2025年|全国博物馆), nor a classifier after 这 (这段|北京城区) or the
    result of a verb (运营好|雅万高铁)."""
    if ns <= cs:
        return ns
    if stop - ns > 2 and ((text[ns - 1] in "这那该每此本某" and text[ns] in "段座条个家处项所片批") or
                          (text[ns] in "好完" and (lexicon.word_tag(text[max(cs, ns - 2) : ns]) or "").startswith("v"))):
        return ns + 1
    month = _MONTH.match(text, ns - 1 if text[ns] == "份" else ns, stop)
    if month and stop - month.end() >= 2:
        return month.end()  # (1月)份|中老铁路, 一月份|中老铁路: the month, no part of the name
    k = number_opened(text, cs, ns, stop)
    if k < ns or not text[ns - 1].isdigit():
        return k
    if text[ns] in "线号年月日段期届":
        return ns + 1
    return ns


_NUMERALS = frozenset("0123456789.０１２３４５６７８９零一二三四五六七八九十百千")


def number_opened(text: str, floor: int, ns: int, stop: int) -> int:
    """Where a name starts whose first word is a unit after a number the name cut off (500千伏|任庄变电站,
    十|兆瓦级…示范工程): at the number; ``ns`` when the name does not open with a unit."""
    if ns <= floor or text[ns - 1] not in _NUMERALS or not _UNIT_OPENING.match(text, ns, stop):
        return ns
    k = ns
    while k > floor and text[k - 1] in _NUMERALS:
        k -= 1
    if k > floor and text[k - 1] == "±":
        k -= 1
    return _route_before(text, floor, k)


_ROUTE_JOINS = ("至", "送", "-", "—", "－")


def _route_before(text: str, floor: int, k: int) -> int:
    """Where the places that name a line end to end before ``k`` start (宁夏至湖南|±800千伏…);
    ``k`` when no place stands right before it."""
    g = gazetteer()
    lo = max(floor, k - 16)
    good = {k}  # positions from which places and joins run on to k
    best = k
    for p in range(k - 1, lo - 1, -1):
        if text[p] in _ROUTE_JOINS and p + 1 in good and p + 1 < k:
            good.add(p)
            continue
        if any(p + n in good and text[p : p + n] in g.forms for n in g.lengths.get(text[p], []) if n >= 2):
            good.add(p)
            best = p
    # (one place alone before the number is where the work stands, not its name: 江苏徐州|500千伏任庄变电站)
    return best if any(c in _ROUTE_JOINS for c in text[best:k]) else k


# a description of a work's kind or rank that ends in 工程/项目 (国家重点项目, 控制性工程, 重大水利工程), not a
# company's name that does (海油工程)
_DESCRIPTOR = re.compile(r"(?:重点|重大|骨干|控制性|配套|标志性|关键|核心|世纪|民生|水利|交通|能源|投资|基础设施|示范)(?:工程|项目)")


def _after_descriptor(text: str, ns: int, hs: int, head: str) -> int:
    """Where a work's name starts when a description of its kind stands before it in apposition:
    国家重点项目|延榆高铁, 国家重点水利工程|安徽凤凰山水库, 重大水利交通工程|临淮岗复线船闸项目,
    重庆至黔江铁路控制性工程|刘家山隧道. The description ends in 工程 or 项目 at a word boundary, and
    what follows it up to the head is itself a name (a place opens it, or a proper word or a pair of
    single characters that is no word: 延榆); 海上风电工程施工平台 (施工 no name) stays whole. A work named
    after the 项目 that holds it is read alone (海上风电项目|启源海上风电场)."""
    k = text.rfind("项目", ns, hs)
    if k > ns and hs - (k + 2) >= 4 and head != "项目":
        return k + 2
    found = None
    for d in _DESCRIPTOR.finditer(text, ns, hs):
        found = d
    if found is None or hs - found.end() < 2:
        return ns
    if head == "项目" and found.group() == "项目":
        return ns  # 项目…项目: one name's own words
    rest = text[found.end() : hs]
    if rest in gazetteer().forms and (head.endswith(("段", "期")) or head == "项目"):
        return ns  # …工程|广东段: a place alone before the head is the section of the work named before it
    if found.end() - ns < 4 or not (starts_with_place(text, found.end(), hs) or proper_core(rest, strict=True, abbreviations="places")):
        return ns  # 水利工程|机械中心: a short kind word is part of the name
    toks = pos_tokens(text[ns:hs])
    if not any(ns + s == found.end() for s, _e, _w, _t in toks):
        return ns  # 工程机械: 工程 inside a word
    return found.end()


def _drop_leading_regions(text: str, ns: int, head_start: int) -> int:
    """Drop the province and city a name is introduced with (四川省成都市天府国际机场 -> 天府国际机场;
    山东青岛港 -> 青岛港); a single short place name stays part of the name (重庆人工智能创新中心)."""
    from kg.extract.regions import gazetteer

    gaz = gazetteer()
    hits = []
    pos = ns
    for s, e, form in gaz.scan(text, ns, head_start):
        if s != pos or any(gaz[k].level == "country" for k in gaz.lookup(form)):
            break  # 中国西部(重庆)东盟商品分拨中心 keeps its 中国
        hits.append((s, e, form))
        pos = e
    if not hits:
        return ns
    h = HEAD_RE.match(text, hits[0][1], head_start)
    if h and (len(h.group()) >= 2 or lexicon.word_tag(text[hits[0][0] : h.end()]) is not None):
        return ns  # 广州|港南沙港区, 雄安新区|高铁站: the place opens a work's own name (广州港), it is kept
    # full names (省/市/县 written out) go; of a chain of short names all but the last go
    keep_from = ns
    for k, (_s, e, form) in enumerate(hits):
        if form in gaz.full or k < len(hits) - 1:
            keep_from = e
    return keep_from if head_start - keep_from >= 2 else ns


def _all_places(text: str, a: int, b: int) -> int:
    """How many places' names ``text[a:b]`` is, end to end (湖北|谷城: 2); 0 when it is anything else."""
    pos, n = a, 0
    for s, e, _f in gazetteer().scan(text, a, b):
        if s == pos:
            pos, n = e, n + 1
    return n if pos == b and b > a else 0


def _proper_word(text: str, hs: int, he: int, bounds: set[int]) -> bool:
    """Whether the word that holds a head ending at ``he`` is a proper name (天津港), not a
    common word the head ends (阶段, 路段)."""
    ws = max((b for b in bounds if b < hs), default=hs)
    return lexicon.word_tag(text[ws:he]) in ("ns", "nz", "nt")


def _ends_in_city(text: str, ns: int, hs: int, he: int) -> bool:
    """Whether the head ``text[hs:he]`` is the end of a province's, a city's or a country's name
    (香港, 连云港); a county's short form is too often a common word (新城) to tell."""
    from kg.extract.regions import gazetteer

    gaz = gazetteer()
    for n in range(he - hs + 1, min(6, he - ns + 1)):
        form = text[he - n : he]
        if form in gaz.forms and any(gaz[k].level in ("country", "province", "prefecture") for k in gaz.lookup(form)):
            return True
    return False


@lru_cache(maxsize=1)
def known() -> frozenset[str]:
    """Names of works the corpus writes whole at a clause's start in two texts or more (港珠澳大桥,
    白鹤滩水电站): kg/data/known_projects.txt, made by scripts/known_projects.py."""
    text = resources.files("kg").joinpath("data/known_projects.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def known_start(text: str, ns: int, he: int) -> int:
    """Where a name starts that holds a work the corpus knows whole, when the words before that work
    are no work and end in no place (刷新|港珠澳大桥, 拱北海关所属|港珠澳大桥, 海关监管经|港珠澳大桥珠海公路口岸):
    a clause glued on in this text. A place right before it or a work is the name's own (珠海|港珠澳大桥,
    西安咸阳国际机场|T5航站楼)."""
    names = known()
    gaz = gazetteer()
    for j in range(ns + 1, he - 3):
        k = next((text[j : j + n] for n in _known_sizes() if j + n <= he and text[j : j + n] in names), None)
        if k is None:
            continue
        head = next((h for h in HEAD_RE.finditer(k) if h.end() == len(k)), None)
        lead = text[ns:j]
        if head is None or not _proper_words(k[: head.start()]) or HEAD_RE.search(lead) \
                or _LATIN_OR_DIGIT.search(lead) or re.search(r"[至—–-]", lead) \
                or any(e == len(lead) and len(f) >= 2 for _s, e, f in gaz.scan(lead)) \
                or not any(t in _CLAUSE_TAGS or w in _CLAUSE_WORDS for _s, _e, w, t in pos_tokens(lead)):
            return ns  # (a kind, 制造业创新中心; a train's number, X8037次; a place, 珠海; words of the name's own)
        return j
    return ns


# the tags and words of a clause glued before a known work (刷新, 经, 所属, 地处, 距离)
_CLAUSE_TAGS = frozenset({"v", "p", "d", "vn", "c"})
_CLAUSE_WORDS = frozenset({"所属", "地处", "距离", "期间", "经"})


def _proper_words(core: str) -> bool:
    """Whether a known work's words name one thing: a place or a name (港珠澳, 白鹤滩, 中欧), not jargon
    jieba tags as an abbreviation (中试, 研发: 中试平台 is a kind)."""
    return any(len(f) >= 2 for _s, _e, f in gazetteer().scan(core)) or any(
        t in ("ns", "nr", "nrt", "nz") for _s, _e, _w, t in pos_tokens(core))


def _runs_into_known(text: str, ns: int, he: int, ce: int) -> bool:
    """Whether a work the corpus knows whole starts inside a name and runs on past its head."""
    names = known()
    return any(text[j : j + n] in names for j in range(ns + 1, he) for n in _known_sizes() if he < j + n <= ce)


@lru_cache(maxsize=1)
def _known_sizes() -> tuple[int, ...]:
    return tuple(sorted({len(n) for n in known()}, reverse=True))


def _region_forms() -> dict:
    from kg.extract.regions import gazetteer

    return gazetteer().forms


_JING_WORDS = ("经开", "经济", "经纬", "经典", "经营", "经贸", "经发", "继电")


def _strip_lead(text: str, ns: int, limit: int) -> int:
    """Drop verbs and function words glued to the front of a name (投用小南垭... -> 小南垭...)."""
    if text[ns : ns + 1] in ("经", "继") and limit - ns >= 3 and not text.startswith(_JING_WORDS, ns):
        ns += 1  # 经|港珠澳大桥珠海公路口岸, 继|港珠澳大桥后: by way of, after (经开区, 经济… are names' words)
    changed = True
    while changed:
        changed = False
        if text[ns : ns + 1] in _MODALS and any(text.startswith(w, ns + 1) for w in _LEAD_BY_FIRST.get(text[ns + 1 : ns + 2], ())):
            ns += 1  # 要|充分发挥…: a modal before the verb
        for w in _LEAD_BY_FIRST.get(text[ns : ns + 1], ()):
            if text.startswith(w, ns) and ns + len(w) < limit:
                ns += len(w)
                changed = True
                break
    return ns


def _paren_tail(text: str, he: int, ce: int) -> int:
    """Include a short bracketed qualifier after the head: 长江国家文化公园(重庆段)."""
    if he < ce and text[he] in "(（":
        close = re.match(r"[(（][^()（）]{1,8}[)）]", text[he:ce])
        if close:
            return he + close.end()
    return he


_CLAUSE_END = re.compile(r"[，,。；;！？!?\n]")


def _clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _CLAUSE_END.finditer(text, start, end):
        e = m.start()
        if e > pos:
            yield pos, e
        pos = m.end()
    if pos < end:
        yield pos, end


def normalise_name(name: str) -> str:
    """Canonical form of a name: full-width brackets and dashes folded (NFKC-like)."""
    return name.replace("（", "(").replace("）", ")").replace("－", "-").strip()
