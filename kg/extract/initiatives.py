"""Initiatives: named policies, programmes, models, mechanisms and slogans.

Quoted names with their head noun (“亩均效益”改革, “22411”制造业集群体系), and unquoted
names ending in 专项行动 / 行动 / 试点 / 工程 / 经济带 / 经济圈 / 走廊 / 新通道.
The quoted text is the entity's name; the form with its head noun is an alias.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from kg.extract import lexicon
from kg.extract.names import GOVERNING, after_apposition, name_start, pos_tokens
from kg.extract.officials import ROLE_RE
from kg.extract.projects import FORCES, GENERIC, IN_NAME_VERBS, normalise_name, number_opened, proper_core
from kg.extract.regions import gazetteer as regions_gazetteer
from kg.model import INITIATIVE, PROJECT, Mention
from kg.patterns import searchable

QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\n]{2,40})[”\"」』]")
# head nouns that may follow a quoted name and belong to it
QUOTE_HEADS = re.compile(
    r"^[\u4e00-\u9fff]{0,8}?(?:专项行动|行动|改革|体系|模式|机制|制度|工程|工作法|试点|战略|计划|"
    r"发展定位|定位|联合监管|监管|组织|品牌|套餐|系列活动|活动|建设|理念|目标|导向|工作导向|先行区|示范区|试验区)"
)
# 战略 that opens a compound (战略合作, 战略支撑, 产业结构战略调整, 首都城市战略定位) names no strategy
_STRATEGY_COMPOUND = (r"(?!合作|伙伴|性|投资|规划|布局|意义|定力|机遇|支点|部署|目标|高度|引领|选择|沟通|指引|考量|眼光|思维|谋划|清醒|"
                      r"自信|主动|对接|协作|支撑|保障|定位|调整|链接|安全|稳定|智慧|纵深|任务|重点|地位|方向|资源|储备|共识|全局|互信|需求|体系|能力)")
NAMED_HEADS = searchable(r"(?:(?:[0-9]+|[一二三四五两])年行动(?:计划|方案)?|战略行动|攻坚行动|专项行动|行动计划|行动|保卫战|攻坚战|阻击战|"
                         r"倡议(?!书)|综合改革|制度改革|体制改革|管理改革|预算改革|学习教育|主题教育|示范工程|工程|试点|经济带|经济圈|文旅走廊|走廊|新通道|旅游带|文化带|大开发|协同发展|一体化发展|"
                         r"发展战略" + _STRATEGY_COMPOUND + r"|战略" + _STRATEGY_COMPOUND + r"|崛起|自由贸易港|自贸港|政策(?!资金|措施|文件|体系|支持|红利|工具|性|举措|环境|例行|吹风会)|示范区|先行区|试验区)")
# heads that need a place before them (京津冀协同发展, 西部大开发), not a common word (城乡协同发展)
_PLACE_HEADS = ("大开发", "协同发展", "一体化发展", "崛起", "自由贸易港", "自贸港")  # (海南自由贸易港: a policy zone)
# heads after “…”的 that the quoted words name (“交通+旅游+产业”的模式, “共抓大保护，不搞大开发”的理念)
_IDEA_HEADS = ("理念", "模式", "机制", "制度", "体系", "导向", "定位", "原则")
# quoted words that open a statement (a duty, a ban, a negation), not a name
_STATEMENT = re.compile(r"^(?:要|必须|务必|把|禁止|严禁|不再|不受|不能|不得|不会|应当|应该|可能)")
# a day named by its month and date (“9·11”, “九·一八”, “5·15”宣传日) or the people born in a decade (“90后”)
_DAY_OR_COHORT = re.compile(r"^(?:[0-9０-９一二三四五六七八九十]{1,2}[·•．.][0-9０-９一二三四五六七八九十]{1,3}|[0-9]{2}后)$")
# quoted text that is a word in quotes, a figure of speech or a title, not a named initiative
_NOT_NAME = re.compile(r"^(?:(?![一二两双三四五六七八九十百千万])[\u4e00-\u9fff]{1,2}|[\u4e00-\u9fff]|.*[。！？!?]$|[0-9.]+%?)$")


_WORKS = re.compile(
    r"(?:枢纽|交通|水利|管网|道路|公路|铁路|隧道|大桥|桥梁|码头|港口|车站|水库|电站|机场|管廊|改造|扩建|新建|续建|"
    r"防洪|排涝|引水|调水|供水|治污|污水处理|试验段|输水|灌区|堤防|水资源配置)$"
)
_WORKS_AFTER = re.compile(r"(?:(?:特高压)?(?:直流)?输电通道|特高压输电工程|高速公路网|高速铁路网|铁路网|公路网|路网|高速公路|铁路|大桥|隧道|港口|机场|电站|水库|产业园|园区|基地)")
_NUMBERED = re.compile(r"[\u4e00-\u9fff][0-9一二三四五六七八九十]+号$")
_NUMBERED_AFTER = re.compile(r"(?:旅游列车|列车|专列|班列|海上游|卫星|飞船|智算中心|数据中心|平台)")
# a numbered ship or crop variety (“海莉安三号”集装箱货轮, 新品种“扬麦53”) is no work
_NUMBERED_VESSEL = re.compile(r"[\u4e00-\u9fff]{0,4}(?:货轮|游轮|邮轮|班轮|客轮|轮|船|舰|艇)|[\u4e00-\u9fff]{0,10}品种")
_VARIETY_BEFORE = re.compile(r"(?:品种|新品种|船|舰|货轮)$")
_BUILT = re.compile(r"输电|输变电|特高压|直流|电网|千伏|线路|网架|洼地|盾构|岸电|油田|气田|扩容|扩建|改扩建|高速|铁路|公路|管道|管网|水库|大桥|隧道|电站|机场|港口|航道|防洪|"
                    r"调蓄|引水|调水|供水|水利|水资源|枢纽|干流|支流|河道|高铁|地铁|轨道交通|码头|船闸|泵站|堤防|灌区|引[\u4e00-\u9fff]{1,2}[济补入]|"
                    r"^引[\u4e00-\u9fff][一二三四五六七八九十]期|电入[\u4e00-\u9fff]|压气站|分输站|分洪|水闸|"
                    r"(?<!大江)(?<=[\u4e00-\u9fff]{2})[河江淀](?:综合)?(?:整治|治理)")
# a part of a work named by its role (贵南高铁控制性工程, 某某配套工程): the work is the name, read on its own
_PART_OF_WORK = re.compile(r"(?:控制性|重点|核心|配套|附属|关键|标志性)$")
_PROJECT_END = re.compile(r"(?:商店|中心|平台|基地|产业园|园区|工厂|实验室|大厦|广场|公园|博物馆)$")
_PLAN_PERIOD = re.compile(r"[十九八][一二三四五六七八九]?五")
_PLAN_AFTER = re.compile(r"(?:[\u4e00-\u9fff]{2,12}?)?(?:行动方案|实施方案|专项规划|规划纲要|发展规划|规划|方案|计划)")
# a verb after a plan period launches what follows (面向“十四五”实施专项培养计划), outside a plan's title
_LAUNCHED_AFTER = re.compile(r"实施|推进|开展|制定|编制|出台|落实|启动|印发|发布|组织")
# a quoted name that ends in its own head (“强基计划”, “越中人文交流年”)
_INNER_HEAD = re.compile(r"[\u4e00-\u9fff]{2}(?:计划|倡议|规划|行动|工程|战略|试点|政策|改革|"
                         r"(?:交流|友好|合作|文化|旅游|创新|促进|推广|建设|提升|攻坚|服务|质量|竞进|效能)年)$")
# a themed year a programme is named for (“2026电影经济促进年”, “项目竞进年”), also after …举办的
_THEMED_YEAR = re.compile(r"[\u4e00-\u9fff]{2}(?:促进|推广|建设|提升|攻坚|服务|质量|竞进|效能)年$")
# An outline point (“一、夯实“三大支柱”,稳住经济增长“基本盘”。”) frames the speech with figures of speech.
OUTLINE = re.compile(r"[一二三四五六七八九十]+[、.．]")


def find_initiatives(text: str, start: int, end: int) -> Iterator[Mention]:
    """Yield Initiative mentions in ``text[start:end]``; ``key`` is the canonical name."""
    titles = [(t.start(), t.end()) for t in _ARTICLE_TITLE.finditer(text, start, end)] if "《" in text[start:end] else []
    for mention in _initiatives(text, start, end):
        if not any(ts < mention.start and mention.end <= te for ts, te in titles):
            yield mention  # (a name inside an article's title, 《走好…之路，建设金融强国》, is its words)


# an article's or a speech's title: a sentence in 《》 (a plan's title, 《国家残疾预防行动计划》, names it)
_ARTICLE_TITLE = re.compile(r"《[^《》\n]{0,40}[，,：:！？!?][^《》\n]{0,40}》")


def _initiatives(text: str, start: int, end: int) -> Iterator[Mention]:
    outline = bool(OUTLINE.match(text, start))
    for m in QUOTED.finditer(text, start, end):
        if outline:
            break
        inner = m.group(1).strip()
        if re.search(r"[，,。！？!?]", inner) and not QUOTE_HEADS.match(text[m.end() : min(end, m.end() + 12)]):
            continue  # a quoted line of verse or a sentence, not a name (unless a 理念/口号 follows)
        if _NOT_NAME.match(inner) and not re.fullmatch(r"[0-9]{3,6}", inner):
            continue
        if inner.endswith(("走廊", "新通道")) and _corridor_start(inner, "走廊" if inner.endswith("走廊") else "新通道") is None:
            continue  # “莫拉格走廊”: a place abroad, as the named rule reads it
        if _NUMBERED_THING.match(inner):
            continue  # “海巡156”轮, “扬麦53”, “俄罗斯24”频道, “第51州”: a ship, a crop, a channel, an ordinal, no programme
        if _MODEL.match(inner) or _BODY_END.search(inner):
            continue  # “空警-200”: a model; “…工作组”: a body
        if _DAY_OR_COHORT.match(inner):
            continue  # “九·一八”, “3·15”: a day (the annotation leaves them out); “00后”: people born in a decade
        if _HONOUR_OR_EVENT.search(inner):
            continue  # “2023最美基层民警”, “世界品牌500强”, “2022年文化和自然遗产日”, “纪念…75周年”: an honour, a ranking, a day or an event
        if _STATEMENT.match(inner) or inner.endswith(("的", "了", "吗", "呢", "么")):
            continue  # “必须把创新作为引领发展的第一动力”, “不再符合美国利益”, “更独立的”: a statement or a descriptor
        if _SAYING_AFTER.match(text, m.end(), end) or _PROBLEM_AFTER.match(text, m.end(), end) \
                or _FIGURE_AFTER.match(text, m.end(), end):
            continue  # a saying quoted (“…”的嘱托), a theme (以“…”为主线): no programme
        if (lexicon.word_tag(inner) or "") in _WORD_NOT_PROGRAMME and not inner.endswith(_PROGRAMME_WORDS):
            continue  # “一前一后”, “千年一遇”: an idiom; “杜鲁门”号, “摩萨德”: a person's or a body's name; “请进来”: a verb
        works = _WORKS_AFTER.match(text, m.end(), end)
        slogan = "的" in inner or lexicon.word_tag(inner[:2]) in ("v", "vn") or inner[:2] in GOVERNING
        if _NUMBERED.search(inner):
            if _NUMBERED_VESSEL.match(text, m.end(), end) or _VARIETY_BEFORE.search(text, max(start, m.start() - 3), m.start()):
                continue  # “海莉安三号”集装箱货轮, “太丰6号”高蛋白大豆…品种: a ship or a crop, no work
            # “齐鲁1号”旅游列车, “雅江1号”智算中心: a numbered train, craft or centre is a work
            after = _NUMBERED_AFTER.match(text, m.end(), end)
            e = after.end() if after else m.end()
            yield Mention(m.start(), e, text[m.start() : e], PROJECT, normalise_name(text[m.start() : e].replace("“", "").replace("”", "")),
                          "projects.quoted", 1)
            continue
        if works or (_PROJECT_END.search(inner) and not slogan):
            # a quoted name of a built thing: “四纵三横”高速公路网, “算力应用商店”
            e = works.end() if works else m.end()
            yield Mention(m.start(), e, text[m.start() : e], PROJECT, normalise_name(inner), "projects.quoted", 1)
            continue
        if _PLAN_PERIOD.fullmatch(inner):
            plan = _PLAN_AFTER.match(text, m.end(), min(end, m.end() + 16))
            # “十五五”碳达峰行动方案: the period qualifies the plan, the plan is the name
            if plan and (text[m.start() - 1 : m.start()] == "《" or not _LAUNCHED_AFTER.match(text, m.end(), end)):
                full = text[m.start() : plan.end()]
                yield Mention(m.start(), plan.end(), full, INITIATIVE, normalise_name(full.replace("“", "").replace("”", "")),
                              "initiatives.quoted", 1)
            continue  # (“十四五”时期, 面向“十四五”实施…: the period is a time, no programme)
        tail = QUOTE_HEADS.match(text[m.end() : min(end, m.end() + 12)])
        if tail and tail.group().startswith("的") and not tail.group().endswith(_IDEA_HEADS):
            tail = None  # “不再符合美国利益”的国际组织, “果断坚定”的行动: the words describe the thing (“…”的模式 names one)
        if not tail and (lexicon.word_freq(inner) >= 10 or inner.endswith("起来") or text[m.start() - 1 : m.start()] == "的") \
                and inner not in national() and not (_THEMED_YEAR.search(inner) and lexicon.word_freq(inner) < 10):
            continue  # a common word or figure of speech in quotes (“加速度”, “成绩单”; a national programme, “两重”, is none)
        e = m.end() + (tail.end() if tail else 0)
        sure = bool(tail) or _coded(inner) or _launched(text, start, m.start()) or bool(_INNER_HEAD.search(inner))
        if sure and not tail and "—" not in inner and not _CODED.search(inner) and inner not in national() \
                and not _launched(text, start, m.start()) and not _INNER_HEAD.search(inner) \
                and not _RULE_FRAME.search(text, max(start, m.start() - 4), m.start()) and not _RULE_AFTER.match(text, m.end(), end):
            # parallel parts alone (“开窗见绿、出门赏景”，…; 创造了“短短几十年、跨越上千年”的人间奇迹) describe more
            # often than they name: sure when a rule frames them (按照“…”的原则, “…”等措施), else loose; a chain
            # of steps (“研发—制造—应用”) stays sure
            sure = False
        lead = _LEAD_VERB.match(inner)
        if lead and not tail and len(inner) - lead.end() >= 4 and NAMED_HEADS.search(inner[lead.end() :]):
            inner = inner[lead.end() :]  # “实施健康中国战略”: the programme quoted with its verb
        source = "initiatives.quoted" if sure else "initiatives.quoted.loose"
        if sure and len(inner) <= 2 and not tail and inner not in national() and not _launched(text, start, m.start()):
            source = COINED  # (“双奥”, “四立”: a code of two characters alone; see kg.pipeline)
        yield Mention(m.start(), e, text[m.start() : e], INITIATIVE, normalise_name(inner), source, 1)
    yield from _brands(text, start, end)
    for m in _COMMUNITY_PLAN.finditer(text, start, end):
        # 构建中老命运共同体新的五年行动计划: two countries' plan is named with the verb and the edition
        yield Mention(m.start(), m.end(), m.group(), INITIATIVE, normalise_name(m.group()), "initiatives.named")
    bounds = None
    for m in NAMED_HEADS.finditer(text, start, end):
        if text[m.start() - 1 : m.start()] in "”\"」":
            continue  # covered by the quoted rule
        if bounds is None:
            bounds = lexicon.token_bounds(text[start:end])
        hend = m.end()
        # a plan's title ends in 行动方案 (《积极发展老年助餐服务行动方案》): the plan is the name; elsewhere
        # 行动方案 is a plan of a kind (出台行动方案)
        titled = m.group().endswith("行动") and text.startswith("方案", hend) and _in_title(text, start, m.start(), hend + 2, end)
        hend += 2 if titled else 0
        if m.end() < end and (m.end() - start) not in bounds and not titled:
            continue  # 行动指南 is not a 行动
        if _MODIFIES_NEXT.match(text, hend, end):
            continue  # 战略叠加, 战略力量, 工程考古: the head qualifies the noun after it
        if (m.start() - start) not in bounds:
            ws = max((b for b in bounds if b < m.start() - start), default=0) + start
            whole = text[ws : m.end()]
            if lexicon.is_word(whole, 1) and not (lexicon.word_tag(whole) or "").startswith(("ns", "nz", "nt")):
                continue  # 实际行动, 军事行动 read as one word of the dictionary: no programme's head
        ns = _name_start(text, start, m.start())
        zone = None
        if m.group() in ("自由贸易港", "自贸港"):
            # 海南自由贸易港: the place right before it and nothing more (中国特色自由贸易港 describes 海南's, another
            # name for the same zone that would stand as a second node)
            zone = next((s0 for s0, e0, _f in regions_gazetteer().scan(text, max(start, m.start() - 4), m.start())
                         if e0 == m.start()), None)
            if zone is None:
                continue
            ns = zone
        if m.start() - ns < 2:
            # 实施脱贫地区特色产业提升行动: a verb inside the name (提升) cut it short; the verb that launches
            # the programme says where it starts
            launcher = _after_launcher(text, start, m.start()) if zone is None else None
            if launcher is None or m.start() - launcher < 6 \
                    or re.search(r"这个|这一|这项|该|[和与及了]|[两三四五六七八九十]大|^[0-9一二三四五六七八九十第]", text[launcher : m.start()]):
                continue  # (扩大内需这个战略, 七大行动, 周密谋划和务实行动: a phrase about programmes, not a name)
            ns = launcher
        if text[ns] in _NO_NAME_START or (text[ns] == "年" and ns > start and text[ns - 1].isdigit()):
            continue  # 们用实际行动, 2024年稳增长行动: a name cut after a pronoun or a year
        if m.group().endswith("改革") and (m.end() - ns < 5 or text[ns : m.start()] in _REFORM_FIELDS):
            continue  # 国企改革, 经济体制改革: a kind of reform; 零基预算改革, 农业水价综合改革 name one
        apposed = after_apposition(text, ns, m.start())  # 国家重大水利工程——引江济淮工程
        ns = apposed if m.start() - apposed >= 2 else ns
        launched = _after_launcher(text, start, m.start())
        if m.group() in ("学习教育", "主题教育"):
            launched = _campaign_start(text, start, m.start(), launched)
            if launched >= m.start():
                continue  # 开展主题教育: the campaign is not named here
        if launched is not None:
            ns = launched  # 实施扩大民间投资专项行动: the name runs back to the verb that launches it
        else:
            ns = _inner_verb(text, start, ns, m.group())
            lead = _LEAD_VERB.match(text, ns, m.start())
            if lead and m.start() - lead.end() >= 2:
                ns = lead.end()  # 实施水污染防治行动计划, 服务创新驱动战略: the verb governs the name
        if text.endswith(("计划", "方案", "规划"), m.start(), hend) and _in_title(text, start, m.start(), hend, end):
            ns = text.rfind("《", start, m.start()) + 1  # 《全面推进城市一刻钟便民生活圈建设三年行动计划（2023—2025）》: a plan's title is its name, verbs and all
            issued = _ISSUER_YEAR.match(text, ns, m.start())
            if issued and m.start() - issued.end() >= 4:
                ns = issued.end()  # 《自治区2026年|优化营商环境攻坚行动方案》: who issued it for which year is no part of it
        if (ns > 0 and text[ns - 1] in "”\"」") or text[ns] in "）)":
            continue  # “丝路电商”|合作先行区: the quoted rule reads it; （55）|巩固…: an outline's number cut the clause
        if text[ns] == "自" and _SINCE.match(text, hend, end):
            ns += 1  # 自|南水北调东线北延工程通水以来: the preposition of a time, no part of the name
        if m.group() in ("学习教育", "主题教育") and text[ns : m.start()] in regions_gazetteer().forms:
            continue  # 云南省主题教育: a region's part in the national campaign, no name of its own
        if text.startswith("中国", ns) and text[max(start, ns - 2) : ns] == "一个":
            continue  # 一个中国政策: a principle of relations, not a programme
        if text[ns : ns + 2] == "领域" or (m.group().endswith(("战略", "政策")) and "领域" in text[ns : m.start()]):
            continue  # …等领域改革试点, 各个领域发展战略, 生物制造领域新战略: a field's, no one name
        if _foreign_start(text, ns, m.start()):
            continue  # 美国关税政策: another country's policy is not a programme of a Chinese region
        if zone is not None:
            ns = zone
        ns = number_opened(text, start, ns, m.start())  # 十|兆瓦级水光储智能微电网示范工程: the number is the name's
        pre = _ROUND.match(text, ns, m.start())
        if pre and m.start() - pre.end() >= 4:
            ns = pre.end()  # 新版|中柬命运共同体行动计划, 新时代|中部地区崛起: an edition or an era, no name's part
        name = text[ns : hend]
        # 招商引资政策, 系列支持政策: kinds; 消费品以旧换新政策: a national programme's policy
        sure = m.group() != "政策" or proper_core(text[ns : m.start()]) or _holds_national(text[ns : m.start()])
        if m.group() == "政策" and not _holds_national(text[ns : m.start()]) and (
                _POLICY_FIELD.search(text, ns, m.start()) or _abroad_inside(text, ns, m.start())):
            sure = False  # 新兴产业支持政策, 中国贸易政策, 美联邦政府移民政策: a field's or another country's policy, no one programme
        if "“" in name or "”" in name or GENERIC.match(text[ns : m.start()]) or text.startswith(_DEMONSTRATIVE, ns):
            continue
        if hend < len(text) and text[hend] in "”\"」" and _PROBLEM_AFTER.match(text, hend + 1, end):
            continue  # “面子工程”等问题: quoted words named as a problem, as the quoted rule reads them
        told = _LEADER_TOLD.search(name)
        if told:
            # 习近平总书记高度重视|南水北调工程, 习近平总书记关于|长三角一体化发展: the leader and what he does
            # with the programme are no part of its name
            ns += told.end()
            name = text[ns : hend]
            if m.start() - ns < 2:
                continue
        if not _in_title(text, start, m.start(), hend, end):
            verb_end = _after_clause_verb(text[ns : m.start()])
            if verb_end:
                # 在全国开展|服务类社会救助试点, 新时代推动|西部大开发, 中国人民银行继续加大|政策, 加沙地带展开|地面行动:
                # a subject and its verb before the name are a clause, no part of it (a plan's title keeps them)
                ns += verb_end
                name = text[ns:hend]
                if m.start() - ns < 2:
                    continue
        if m.group() in _PLACE_HEADS and not _placeish(text[ns : m.start()]):
            continue
        if m.group() == "崛起" and not _RISING.fullmatch(text, ns, m.start()):
            continue  # 中部地区崛起 is the country's programme; 非洲崛起, 多极崛起, 闽西革命老区崛起 describe a rise
        if m.group() == "发展战略" and not _named_strategy(text[ns : m.start()]):
            sure = False  # 人工智能发展战略, 国家经济社会发展战略, 泰方对接发展战略: a field's or a country's, no named one
        if m.group() == "倡议":
            k = max(text.rfind("全球", ns, m.start()), text.rfind("国际", ns, m.start()))
            core = text[k + 2 : m.start()]
            if k < 0 or not 2 <= len(core) <= 12 or core in _GENERIC_PROPOSALS or _PROPOSING.search(core):
                continue  # 全球发展倡议 names one; 发出倡议, 合作倡议, 全球重大倡议, 国际合作提出四点倡议 do not
            ns, name = k, text[k : hend]  # 国际人士称赞|全球安全倡议: the words before it are a clause
        if m.group().endswith("战略") and text[max(ns, m.start() - 2) : m.start()] in ("国家", "重大", "重要", "总体") \
                and (text[ns - 1 : ns] == "为" or m.start() - 2 - ns <= 3 or "和" in text[ns : m.start()]):
            continue  # 上升为一体化国家战略, 生产力布局和国家重大战略: a rank a programme is given, not its name
        if m.group() in ("行动", "政策", "战略") and m.start() - ns < 4 and not _placeish(text[ns : m.start()]):
            continue  # 军事行动, 经济政策: a kind, not a named programme
        if text[ns : ns + 2] in _LAUNCHERS and text[ns + 2 : ns + 3] == "了" and m.start() - ns > 4:
            ns += 2  # 启动实施了|新一轮找矿突破战略行动: the launcher and its particle are no part of the name
        if text[ns] in "了着过和与及受被因" or (text[ns] == "好" and text[max(start, ns - 2) : ns] in _LAUNCHERS):
            # 实施了|新一轮找矿…行动, 落实好|各项…政策, 融入和|服务|长三角一体化发展: the verb's particle, a
            # conjunction and the verb after it are no part of the name
            ns += 1
            lead = _LEAD_VERB.match(text, ns, m.start())
            if lead and m.start() - lead.end() >= 2:
                ns = lead.end()
            name = text[ns : hend]
            if m.start() - ns < 2 or _foreign_start(text, ns, m.start()):
                continue  # (受|美国关税政策: another country's policy, once the preposition is gone)
        if text.startswith(_MANY, ns) or (m.group() == "政策" and (
                text[m.start() - 1 : m.start()] == "好" or text.endswith("系列", ns, m.start()))):
            continue  # 兴边富民好政策, 各项惠企政策, 更多绿色休闲走廊: good or many of a kind, no one programme
        if m.group().endswith(("行动", "政策", "战略")) and _clause_before_head(text[ns : m.start()]):
            continue  # 党和政府做好政策, 加沙地带中部展开行动, 李显龙总理战略: a clause, not a name
        if m.group().endswith(("走廊", "新通道")):
            cut = _corridor_start(text[ns:hend], text[m.start() : hend])
            if cut is None:
                continue  # 人道主义走廊, 粮食运输走廊, 内察里姆走廊, 贸易新通道: a kind of route or a place abroad, no programme
            ns += cut  # 高质量共建|中巴经济走廊, 重庆经|西部陆海新通道: the verb and the place that uses it are no part
            name = text[ns:hend]
        if m.group() == "工程" and _WORKS.search(text[ns : m.start()]):
            continue  # a construction work (综合交通枢纽工程) is a project
        if m.group() == "工程" and _PART_OF_WORK.search(text, ns, m.start()):
            continue
        k = text.rfind("项目", ns, m.start()) if m.group() == "工程" else -1
        if k >= 0 and m.start() - (k + 2) >= 2 and _BUILT.search(text, k + 2, m.start()):
            ns = k + 2  # 开工项目|引江补汉工程: a kind of project before a work's name
            name = text[ns : hend]
        if m.group() == "工程" and _BUILT.search(text[ns : m.start()]):
            yield Mention(ns, hend, name, PROJECT, normalise_name(name), "projects.works")
            continue  # 陕皖直流输电工程, 贵阳环高扩容工程: a work that is built
        if hend - ns > 6 and lexicon.word_tag(text[ns : ns + 2]) in ("v", "vn") and normalise_name(text[ns + 2 : hend]) in national():
            ns += 2  # 服务|长三角一体化发展, 融入|长江经济带发展: a verb before a national programme's name is no part of it
            name = text[ns:hend]
        if m.group() == "政策" and m.start() - ns <= 3 and not _holds_national(text[ns : m.start()]):
            sure = False  # 中亚政策, 稳外贸政策, 上海市政策, 反俄政策: three characters or fewer name a field or a stance, no one programme
        kind = m.group() in _KIND_HEADS and not titled and not proper_core(text[ns : m.start()])
        # 清淤工程, 局部试点, 部门联合行动: in a news story a kind of work; a region's own report names its own
        yield Mention(ns, hend, name, INITIATIVE, normalise_name(name),
                      "initiatives.named" + ("" if sure else ".unsure") + (".loose" if kind and sure else ""))


def _in_title(text: str, floor: int, hs: int, he: int, end: int) -> bool:
    """Whether a head that ends at ``he`` ends a title in 《》 that opens before ``hs``."""
    ob = text.rfind("《", floor, hs)
    return ob >= 0 and "》" not in text[ob:hs] and _TITLE_END.match(text, he, end) is not None


# who issued a plan and for which year, opening its title (《自治区2026年…》, 《2024年…》)
_ISSUER_YEAR = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:19|20)[0-9]{2}年度?")
# the end of a plan's title (…行动计划》, …行动计划（2023—2025）》)
_TITLE_END = re.compile(r"(?:[（(][^（）()《》]{1,16}[）)])?》")
# a time since an event (自…通水以来)
_SINCE = re.compile(r"[^，,。；;]{0,12}?以来")


# A region's programme named as a quality of the region (数字安徽, 平安中国, 美丽新疆建设) or as
# what it means to become strong in (人才强省, 科教兴省, 制造强国).
_BRAND_PREFIX = ("数字", "平安", "美丽", "健康", "法治", "书香", "文明", "清廉", "幸福", "智慧")
_STRONG = re.compile(r"强省|兴省|强国|兴国|强市|强区|强县")


def _brands(text: str, start: int, end: int) -> Iterator[Mention]:
    from kg.extract.names import name_start
    from kg.extract.regions import gazetteer

    gaz = gazetteer()
    bounds = None
    window = text[start:end]
    # a brand needs one of the prefixes before a place: without one, no need to scan for places
    for s, e, form in gaz.scan(text, start, end) if any(p in window for p in _BRAND_PREFIX) else ():
        pre = text[max(start, s - 2) : s]
        if pre not in _BRAND_PREFIX or "“" in text[max(start, s - 3) : s - 2]:
            continue
        if not any(gaz[k].level in ("country", "province", "prefecture") for k in gaz.lookup(form)):
            continue  # 平安县 is a county's name, not a programme
        if bounds is None:
            bounds = {b + start for b in lexicon.token_bounds(text[start:end])}
        if s - 2 not in bounds or (e not in bounds and e != end and not text.startswith("建设", e)):
            continue  # 数字化, 美丽中国人: not at word boundaries
        yield Mention(s - 2, e, text[s - 2 : e], INITIATIVE, text[s - 2 : e], "initiatives.brand")
    for m in _STRONG.finditer(text, start, end):
        if m.end() < end and "\u4e00" <= text[m.end()] <= "\u9fff" and not text.startswith(("战略", "建设", "和", "与", "及"), m.end()):
            continue  # 强国家: the head runs on into another word
        ns = name_start(text, start, m.start(), limit=6)
        while ns < m.start() and text[ns] in "和与及":
            ns += 1
        if not 2 <= m.start() - ns <= 4 or text[ns] in _NO_NAME_START:
            continue
        name = text[ns : m.end()]
        if lexicon.word_tag(name) in ("n", "v", "a") and lexicon.word_freq(name) > 50:
            continue  # a common word the dictionary has (富国强国)
        toks = pos_tokens(text[ns : m.start()])
        if len(toks) >= 2 and any(t[3] == "v" for t in toks):
            continue  # 有力支撑|强国, 起奋进|强国: a clause before the head (制造强国, 文化旅游强省 are names)
        # 科技强国, 金融强国 in a news story are goals more often than programmes (judged right 1 time in 8):
        # a region's own report (人才强省, 科教兴省) keeps them, news only with --recall
        yield Mention(ns, m.end(), name, INITIATIVE, name, "initiatives.brand.loose")


# a leader named with his title inside what would be a name
_LEADER_TOLD = re.compile(r"^[\u4e00-\u9fff]{0,3}(?:总书记|主席|总理|委员长)(?:关于|高度重视|亲自谋划|亲自部署|亲自推动|亲自|强调|指出|对|在)")
# what names an honour, a ranking, a year's list, a day, an anniversary or a year's edition of an event (欢乐春节——2026年…), not a programme
_HONOUR_OR_EVENT = re.compile(r"最美|[0-9]+强|年度十大|——(?:19|20)[0-9]{2}年|重大进展$|案件$|周年|^(?:19|20)[0-9]{2}年?[^，。]*日$")
# an edition or an era a programme is told in (新版; 新时代 before a place or a verb: 新时代|推动西部大开发).
# (新一轮 stays: the annotators keep it, 新一轮千亿斤粮食产能提升行动方案)
_ROUND = re.compile(r"新版|新时代(?=推动|推进|加快|深入|东北|西部|中部|东部|中国|[\u4e00-\u9fff]{0,2}地区)(?:推动|推进|加快|深入推进)?")
_NO_NAME_START = frozenset("们的了着过地得之和与及")
# words that count policies of a kind (各项惠企政策, 一系列支持政策)
_MANY = ("各项", "各类", "各个", "一系列", "多项", "系列", "相关", "一批", "更多")
# a programme pointed back to (这场攻坚战, 这项工程, 该政策): the words before name none
_DEMONSTRATIVE = ("这场", "这个", "这一", "这项", "这些", "那场", "该", "此次", "此项")
# fields whose 体制改革/制度改革 is a kind of reform, not one named
_REFORM_FIELDS = frozenset("经济 政治 文化 社会 行政 财税 财政 金融 教育 科技 医疗 医药卫生 投资 司法 生态文明 国资国企 国企".split())
# nouns a head qualifies when they follow it (战略叠加, 战略力量, 战略重镇, 战略自主, 工程考古, 政策红利): then it is no head
_MODIFIES_NEXT = re.compile(r"(?:叠加|对话|力量|对接|互信|沟通|协作|协调|储备|考古|红利|效应|窗口|机遇|空间|优势|资金|环境|"
                            r"自主|重器|重镇|擘画|相持|支点|定力|要地|腹地|纵深|眼光|思维|谋划|伙伴)")
_NUMERAL = "一二两三四五六七八九十百千万双"
# “22411”; a count and its classifier (“三个转变”, “五大家园”); numbers in step (“一企一策”, “六稳六保”,
# “一专多能”, “双招双引”) — not a word that opens with a numeral (“一体化”, “双重标准”, “一丝希望”)
_CODED = re.compile(rf"(?<![0-9])(?!(?:19|20)[0-9]{{2}}(?![0-9]))[0-9]{{2,}}|^[{_NUMERAL}]+[个大项条类种批支张新](?=.)|^[{_NUMERAL}][^{_NUMERAL}]{{1,2}}[{_NUMERAL}多]|"
                    rf"^[{_NUMERAL}][^{_NUMERAL}]$")  # (“三新”, “两重”: a count and one character)
_LAUNCH = re.compile(r"(?:实施|推进|推行|深化|深入实施|开展|落实|坚持|打造|构建|建设|实行|践行|贯彻|打好|打赢|启动|"
                     r"部署|聚焦|探索|创新|推广|完善|健全|抓好|做好|锚定|对标|突出|强化|落地|提出|发布|出台|"
                     r"创建|争创|培育|擦亮|叫响|唱响|念好|答好|下好|走好|念好|用好)[了着]?$")


# verbs that govern a name from outside it (深入实施…, 服务…, 要紧紧围绕…)
_LEAD_VERB = re.compile(r"(?:要|深入|积极|大力|全面|持续|加快|加紧|着力|紧紧|坚持|继续)*(?:实施|推进|推动|推行|服务|深化|开展|落实|"
                        r"贯彻|践行|围绕|看到|扩大|加强|打好|打赢|享受|研究|作为)")
# heads that name a kind of work as often as one programme (试点, 工程, 行动): unsure without a proper core
_KIND_HEADS = frozenset({"试点", "工程", "行动", "专项行动", "示范区", "先行区", "试验区", "示范工程"})
# what follows a quoted saying, not a programme (“早出成果、多出成果”的嘱托, 以“…”为主线)
_SAYING_AFTER = re.compile(r"(?:的)?(?:嘱托|要求|指示|重要指示|讲话|重要讲话|论述|重要论述|号召|期望|殷切期望|寄语|回信|为主线|为主题|主题)"
                           r"|的[\u4e00-\u9fff]{0,8}精神")  # (“坚定信念、坚持真理…”的遵义会议精神: the words of a spirit)
# quoted words named as problems or as topics of a talk, alone or in a list (纠治“政绩工程”、“面子工程”等问题,
# 围绕“全球治理机构改革”议题): what is done against or talked about, no programme
_PROBLEM_AFTER = re.compile(r"(?:[、和及与][“\"][^“”\"\n]{1,20}[”\"])*等?(?:问题|现象|乱象|顽疾|歪风|议题|话题)")
# a figure of speech the quoted words fill (做好“改造升级”这篇大文章, 交出“两旺”成绩单, 刷新建设“进度条”)
_FIGURE_AFTER = re.compile(r"(?:这篇)?大?文章|成绩单|答卷|进度条")
# a thing named by words and a number that is no year (a ship, a crop's variety, a channel, an app) or an
# ordinal (“第51州”)
_NUMBERED_THING = re.compile(r"^(?:[\u4e00-\u9fff]{1,4}(?!(?:19|20)[0-9]{2}$)[0-9]{2,}|第[0-9]+[\u4e00-\u9fff])$")
# a quoted designation of a model (“空警-200”, “运-20”): a craft or a machine, no programme
_MODEL = re.compile(r"^[\u4e00-\u9fffA-Za-z]{1,4}[-－](?!(?:19|20)[0-9]{2}$)[0-9A-Za-z]{1,5}$")  # (“昆仑-2025”: a year's operation)
# a quoted name of a body (“…强化气候行动工作组”, “意愿联盟”): an organisation, no programme (a 论坛 may be a mechanism)
_BODY_END = re.compile(r"(?:工作组|小组|委员会|联盟|协会|学会)$")


# what frames parallel parts as a rule or a way of working: 按照/以/通过/秉持 before, 的…原则/等措施 after
_RULE_FRAME = re.compile(r"(?:按照|按|以|通过|秉持|坚持|践行|实行|推行|遵循|确保|传承|弘扬)$")
_RULE_AFTER = re.compile(r"(?:的|等)?[\u4e00-\u9fff]{0,6}?(?:原则|措施|方式|办法|模式|理念|精神|机制|思路|要求|路径|格局|体系|方针|做法|工作法|新?观)")


# what makes 全球/国际…倡议 no one proposal's name: a kind of proposal, or a clause that makes some
_GENERIC_PROPOSALS = frozenset("重大 重要 合作 系列 相关 有关".split())
_PROPOSING = re.compile(r"提出|发出|发起|提议|[0-9一二三四五六七八九十几多]+[点项条个]")
# the country's proposals to the world (全球发展倡议, 全球安全倡议, 全球文明倡议, 全球治理倡议)
_GLOBAL_INITIATIVE = re.compile(r"全球[\u4e00-\u9fff]{2,4}倡议")


# two countries' action plan for their community with a shared future, named with the verb that opens it
# and its edition (构建中老命运共同体新的五年行动计划, 构建新时代中柬命运共同体行动计划)
_COMMUNITY_PLAN = re.compile(r"构建(?:新时代)?(?:更加紧密的)?(?:新时代)?[\u4e00-\u9fff]{2,4}?命运共同体(?:新的五年|新版)?行动计划")


# the source of a quoted code of two characters alone (“双奥”, “四立”, “三绿”): in a wire story as often a
# word the story coins as a programme (judged right 3 times in 20, 2 of them national: “双碳”, “两重”)
COINED = "initiatives.quoted.coined"


def global_initiative(key: str) -> bool:
    """Whether an initiative is one of the country's proposals to the world (全球发展倡议): China's
    wherever a story about it is told."""
    return _GLOBAL_INITIATIVE.fullmatch(key) is not None


def _coded(inner: str) -> bool:
    """A slogan coded by numbers or counts (“22411”, “两个基地”, “三个年”, “六稳六保”, “双招双引”), or
    built of parallel parts (“算力基建—算法研发—场景落地”, “共抓大保护、不搞大开发”)."""
    if _CODED.search(inner) or inner in national():
        return True
    parts = re.split(r"[—、，,]+", inner)
    return len(parts) >= 2 and all(2 <= len(p) <= 8 for p in parts) and len({len(p) for p in parts}) == 1 \
        and not all(len(p) == 1 for p in parts)


def _launched(text: str, floor: int, qs: int) -> bool:
    """Whether a verb that launches or carries out a programme governs the quotes (实施“…”, 深化“…”)."""
    return bool(_LAUNCH.search(text[max(floor, qs - 6) : qs]))


# verbs that launch or carry out a programme and stand outside its name (实施, 开展, 深化 …), with
# the adverbs that may lead them (深入实施, 全面推行); not verbs that often open a programme's own
# name (扩大内需战略, 优化营商环境行动, 服务民营企业专项行动, 促进居民增收三年行动)
_LAUNCHERS = frozenset(
    "实施 开展 深化 推进 推动 推行 落实 启动 部署 打好 打赢 贯彻 贯彻落实 坚持 完成 推广 抓好 做好 抓实 争创 创建 签署 签订 "
    "打造 构建 融入 对接 围绕 聚焦 出台 印发 制定 发布 组织 纳入 入选 列入 获批 开启 举办 用好 落细 启动实施 组织实施 "
    "组织开展 持续开展 扎实开展 深入开展 深入实施 全面实施 全面推行 全面落实 深入推进 加快推进 纵深推进 持续推进 "
    "扎实推进 大力实施 大力推进 积极推进 稳步推进 全面推进 全面深化 持续深化 深入推动 完善 健全 加快 加速 "
    "建强 建好 办好 支持 建设 加快建设 建成 建立 形成 成为 依托 服务于 助力 参与 共建 称赞 发动".split()
)
_ADVERB_NOUNS = frozenset("大力 全力 努力 着力 合力 重点 深入 全面 持续 扎实 统筹 协同 联合 共同 切实 坚决 积极 不断 落地 出台 双方 两国 各方 我们 我国 中方".split())  # (and subjects: 双方|签署…)
_LAUNCH_ADVERBS = ("深入", "全面", "持续", "扎实", "大力", "积极", "加快", "稳步", "纵深", "继续", "着力", "要", "将", "还")
_STRETCH_END = re.compile(r"[、，,。；;：:！？!?“”\"（）()《》\s的]")


def _after_launcher(text: str, floor: int, hs: int) -> int | None:
    """Where a programme's name starts when a launching verb governs it (实施扩大民间投资专项行动,
    深入开展集中化解信访问题专项行动), or when it is an item of a list the verb governs
    (实施科教兴省、人才强省、创新驱动发展战略): the stretch before the head back to punctuation or
    的, after its last launching verb. None when the stretch holds no launcher and is no list item."""
    from kg.extract.names import pos_tokens

    lo = max(floor, hs - 20)
    b = lo
    for k in range(hs - 1, lo - 1, -1):
        if _STRETCH_END.match(text[k]):
            b = k + 1
            break
    if hs - b < 2:
        return None
    after = None
    toks = pos_tokens(text[b:hs])
    for k, (s0, e, w, _t) in enumerate(toks):
        if len(w) == 1 and text[b + s0 : b + s0 + 2] in _LAUNCHERS:
            after = b + s0 + 2  # 建/强: a launcher jieba cut in two
            continue
        core = w
        while core not in _LAUNCHERS and core.startswith(_LAUNCH_ADVERBS):
            core = core[next(len(a) for a in _LAUNCH_ADVERBS if core.startswith(a)):]
        if k > 0 and toks[k - 1][3] in ("n", "j", "nz", "vn") and len(toks[k - 1][2]) >= 2 \
                and toks[k - 1][2] not in _ADVERB_NOUNS and toks[k - 1][2] not in _LAUNCHERS:
            continue  # 国企改革深化提升行动: after a noun the verb is inside the name, it launches nothing
        if core in _LAUNCHERS or (len(core) > 2 and core[:-1] in _LAUNCHERS and core[-1] in "了着"):
            after = b + e
            nxt = toks[k + 1][2] if k + 1 < len(toks) else ""
            if len(w) >= 2 and (w[:-1] in GOVERNING or w[:-1] in ("建", "共建")) and len(nxt) == 1 \
                    and lexicon.word_freq(w[-1] + nxt) >= 3:
                after -= 1  # 共/建成/渝: the verb took the name's first character (共建成渝地区…)
    ns = after if after is not None else (b if b > floor and text[b - 1] == "、" and hs - b <= 12 else None)
    if ns is None or hs - ns < 2 or _COUNTED.search(text, ns, hs):
        return None  # a count (10条…): no one name
    for j in _JOINS.finditer(text, ns, hs):
        if _JOINED_HEAD.search(text, ns, j.start()) or (
                NAMED_HEADS.search(text[ns : j.start()][-6:]) and re.search(f"(?:{NAMED_HEADS.pattern})$", text[ns : j.start()])):
            return None  # two names joined (双城经济圈和西部陆海新通道); 生态保护和高质量发展先行区 is one
    out, lead = ns, True
    for _s0, e0, w, t in pos_tokens(text[ns:hs]):
        # 打造牵引带动渝东北川东北一体化发展: a relating verb starts the name after it; 入选全国首批碳达峰试点:
        # leading qualifiers (全国, 首批) and function words are no part of it
        cut = w in _RELATING or (lead and (w in _NOT_LEAD or (len(w) >= 2 and t in ("d", "p", "r", "t", "m", "u", "uj")
                                                            and not w.startswith("第"))))
        lead = lead and cut
        if cut and hs - (ns + e0) >= 2:
            out, lead = ns + e0, True
    return out


def _campaign_start(text: str, floor: int, hs: int, launched: int | None) -> int:
    """A study campaign is named with the verbs that open it (深入贯彻中央八项规定精神学习教育,
    学习贯彻…主题教育): they stay in its name."""
    lo = max(floor, hs - 40)
    for k in range(hs - 1, lo - 1, -1):
        if _STRETCH_END.match(text[k]) and text[k] != "的":
            break
        if text.startswith(("深入贯彻", "学习贯彻"), k):
            return k
    ns = launched if launched is not None else hs
    return ns if 2 <= hs - ns <= 4 and not _COUNTED.search(text, ns, hs) else hs  # 党史学习教育; not 开展主题教育


_RELATING = frozenset("带动 引领 助力 支撑 牵引 赋能 辐射 服务于 面向 接入 连接 覆盖".split())
_NOT_LEAD = frozenset("全国 全省 全市 全区 全县 首批 一批 首个 一个 今年 目前 当前 我们 其中 以及".split())


_COUNTED = re.compile(r"[并等]|[0-9一二三四五六七八九十两几多]+[个条项批类种家座次]")
_JOINS = re.compile(r"[和及与]")
# a plan's or a programme's head before 和/及/与 ends a first name (高技能人才振兴计划和职业技能提升行动)
_JOINED_HEAD = re.compile(r"[\u4e00-\u9fff]{4}(?:计划|规划|工程)$")


def _inner_verb(text: str, floor: int, ns: int, head: str) -> int:
    """A programme named by what it does keeps its verb after the verb that launches it:
    实施扩大民间投资专项行动, 实施促进居民增收三年行动 (the name starts at 扩大, 促进)."""
    if not head.endswith(("行动", "工程", "计划", "方案")):
        return ns
    from kg.extract.names import governing, pos_tokens

    lo = max(floor, ns - 8)
    toks = pos_tokens(text[lo:ns])
    if len(toks) >= 2 and governing(toks[-2][2]) and toks[-1][3] == "v" and len(toks[-1][2]) == 2:
        return lo + toks[-1][0]
    return ns


# the fields and kinds of support a policy is named by when it is no one programme (…支持政策, 贸易政策, 医保政策)
_POLICY_FIELD = re.compile(r"(?:支持|扶持|合作|关税|贸易|内外|对外|对华|经济|财政|货币|产业|人力资源|医保|移民|停居留|纾困|奖补|补贴|"
                           r"便利化|保供稳价|全国性|优惠|配套|激励|帮扶|惠企|惠农|惠民|支农|相关|宏观|调控|人才|住房|土地|税收|"
                           r"金融|外交|能源|人口|环境|市政|省政|区政)$")


_FOREIGN_GOVERNMENT = re.compile(r"联邦政府|[美日英法德俄韩印澳加][国方]?政府|美联邦")


def _abroad_inside(text: str, ns: int, stop: int) -> bool:
    """Whether another country or its government is named inside a policy's name (尽量减少美国关税政策)."""
    from kg.extract.regions import gazetteer

    if _FOREIGN_GOVERNMENT.search(text, ns, stop):
        return True
    gaz = gazetteer()
    return any(gaz.foreign_only(f) for _s, _e, f in gaz.scan(text, ns, stop))


def _foreign_start(text: str, ns: int, stop: int) -> bool:
    from kg.extract.regions import gazetteer

    if text.startswith(("欧盟", "欧洲联盟", "北约", "联合国", "世贸组织", "世卫组织", "七国集团"), ns):
        return True  # 欧盟关税政策: an international body's policy is no Chinese region's programme
    if FORCES.match(text, ns, stop):
        return True  # 俄军后续行动: an army abroad acts, no programme
    gaz = gazetteer()
    for s, _e, f in gaz.scan(text, ns, stop):
        return s == ns and any(gaz[k].foreign for k in gaz.lookup(f))
    return False


def _placeish(core: str) -> bool:
    from kg.extract.names import pos_tokens

    return any(tag in ("ns", "j") or (tag == "f" and len(w) >= 2) or lexicon.word_tag(w) is None
               for _s, _e, w, tag in pos_tokens(core))  # 中部地区, but not 国际舞台上


def _name_start(text: str, floor: int, stop: int) -> int:
    return name_start(text, floor, stop, limit=16, heads=NAMED_HEADS, joins=False)


_LIGHT_VERBS = frozenset("做好 举行 展开 摆在 采取 发起 出台 制定 调整 宣布".split())


_MODALS = frozenset("要 应 应当 需要 必须 须 能 能够 可 可以 会 将 该 更 更加 已 已经 正在 也 都 还 就 才 便".split())


def _clause_before_head(core: str) -> bool:
    """Whether the words before a bare head (行动, 政策, 战略) are a clause: a verb right before the head
    (做好|政策, 展开|行动), a preposition or a verb that takes it inside (因美国关税政策, 企业享受…政策, 越中关系
    作为对外政策), or a person with a title (李显龙总理)."""
    toks = pos_tokens(core)
    if not toks:
        return False
    if toks[-1][2] in _LIGHT_VERBS:
        return True  # (振兴行动, 提升战略, 扣除政策 are names: a verb that is their content, not a governing one)
    if toks[-1][3] == "c":
        return True  # 中欧领导人会晤以及|战略、经贸…对话: a bare head after a conjunction opens the next item of a list
    if any(w in _MODALS for _s, _e, w, _t in toks):
        return True  # 双方要更紧密对接发展战略, 要明晰…战略: a modal or an adverb makes a clause
    if any(s0 >= 2 and w in GOVERNING and len(w) >= 2 and core[:s0].endswith(_ORGAN_ENDS) for s0, _e, w, _t in toks):
        return True  # 工信部|开展|专项行动: an organ and what it does
    return any(t == "p" or w in ("受", "被", "享受", "作为") for _s, _e, w, t in toks[1:]) or any(
        t.startswith("nr") and len(w) >= 2 and k + 1 < len(toks) and ROLE_RE.fullmatch(toks[k + 1][2])
        for k, (_s, _e, w, t) in enumerate(toks))


_ORGAN_ENDS = ("部", "局", "委", "厅", "署", "办", "政府")
# jieba's tags of a quoted word that is an idiom, a person's name or a verb in the dictionary: no programme
# (set phrases, l, and abbreviations, j, are often one: “以旧换新”, “一国两制”, “四化”)
_WORD_NOT_PROGRAMME = frozenset({"i", "nr", "nrt", "v"})
_PROGRAMME_WORDS = ("政策", "计划", "行动", "工程", "战略", "改革", "试点")  # (“白澳政策”, which jieba tags as a name)

# verbs of a clause that never stand inside a programme's name (继续, 展开, 开展, 提出 …)
_CLAUSE_VERBS = frozenset("继续 展开 采取 报告 牢记 开展 进行 出台 发布 提出 参与 开始 抓好 印发 召开 举行 宣布 表示 指出 强调 "
                          "决定 要求 介绍 通过 加大 推动 实施 运用".split())


def _after_clause_verb(core: str) -> int:
    """Where a programme's name starts after the last clause verb inside the words before its head (地方开展|
    中小企业数字化转型试点): 0 when none stands past the first word."""
    cut = 0
    for s0, e0, w, _t in pos_tokens(core):
        if (s0 > 0 and w in _CLAUSE_VERBS) or (len(w) >= 3 and w[-2:] in _CLAUSE_VERBS):
            cut = e0  # (迅速开展, 充分运用: an adverb and the verb read as one word)
    return cut

# a corridor of China and its neighbours (中巴, 中蒙俄, 老中) or of two places joined by a dash (广西—文莱)
_PARTNERS = re.compile(r"中[^部间央心国东西南北\W]{1,2}(?:经济|陆海|交通)?$|[\u4e00-\u9fff]{1,2}中(?:经济|陆海)$")
_DASHED = re.compile(r"[\u4e00-\u9fff]{2,6}(?:[-—－–][\u4e00-\u9fff]{2,6}?)+(?:经济|交通|科创|创新|文化|旅游|生态)")
_CORRIDOR_KIND = re.compile(r"科创|科技|创新|文化|旅游|文旅|经济|生态")
_CORRIDOR_GLUE = frozenset("经 好 对 作为".split())
_CORRIDOR_VERBS_IN_NAME = frozenset({"创新", "联运"})


# the regions whose rise is a programme (中部地区崛起, 中原崛起)
_RISING = re.compile(r"(?:中部|中原|东北)(?:地区)?(?:加快|加速)?")
# what names a development strategy: its kind (创新驱动, 区域协调, 健康优先, 京津冀协同, 长三角一体化, 振兴)
_STRATEGY_KIND = re.compile(r"优先|驱动|协调|协同|一体化|振兴|高质量发展")


def _named_strategy(core: str) -> bool:
    """Whether the words before 发展战略 name one strategy: its kind, a national programme or a Chinese
    region (厦门发展战略), not a field (人工智能) or a country's plans (中阿, 非洲)."""
    if _STRATEGY_KIND.search(core) or _holds_national(core):
        return True
    gaz = regions_gazetteer()
    return any(s0 == 0 and len(f) >= 2 and not any(gaz[k].foreign for k in gaz.lookup(f)) and f not in ("中国", "国家")
               for s0, _e, f in gaz.scan(core))


def _corridor_start(name: str, head: str) -> int | None:
    """Where a corridor's name starts in ``name`` (which ends in ``head``, 走廊 or 新通道), or None when
    the words name no programme. A corridor is named by its places: a national one (西部陆海新通道), China and
    its partners (中巴经济走廊), places joined by a dash, a Chinese region (长三角G60科创走廊), or a place's
    short form before what the corridor is for (成渝科创走廊). Without them it is a kind of route (运输走廊,
    贸易新通道) or a place abroad (内察里姆走廊); a verb or a preposition before the name (共建, 经) cuts it."""
    core = name[: len(name) - len(head)]
    for n in national():
        if len(n) >= 4 and name.endswith(n) and n.endswith(head):
            return len(name) - len(n)
    if _DASHED.match(core):
        return 0
    partners = next((i for i in range(len(core)) if _PARTNERS.match(core, i)), None)
    if partners is not None:
        return partners  # (共建|中老经济走廊, which jieba reads 共|建中|老)
    cut = 0
    for _s, e, w, t in pos_tokens(core):
        if (t.startswith("v") and t != "vn" and w not in IN_NAME_VERBS and w not in _CORRIDOR_VERBS_IN_NAME) \
                or t == "p" or w in _CORRIDOR_GLUE:
            cut = e
    rest = core[cut:]
    if not rest:
        return None
    gaz = regions_gazetteer()
    if re.search(r"[A-Za-z0-9]", rest) or _DASHED.match(rest) or rest == "陆海" or any(
            s0 == 0 and len(f) >= 2 and not any(gaz[k].foreign for k in gaz.lookup(f)) for s0, _e, f in gaz.scan(rest)):
        return cut
    if _CORRIDOR_KIND.search(rest + head) and not re.match(r"[一二三四五六七八九十两]", rest) \
            and proper_core(rest, abbreviations="places"):
        return cut
    return None


def _holds_national(core: str) -> bool:
    """Whether a name's core holds a national programme's name (消费品以旧换新 holds 以旧换新)."""
    return any(len(n) >= 4 and n in core for n in national())


@functools.cache
def national() -> frozenset[str]:
    """Programmes of the whole country: the initiatives named in five or more of the 31 provincial
    work reports of 2026 (kg/data/national_initiatives.txt, made by scripts/national_initiatives.py),
    leaving out those a region holds as its own kind (文化强省, 示范区)."""
    path = Path(__file__).resolve().parent.parent / "data" / "national_initiatives.txt"
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))
