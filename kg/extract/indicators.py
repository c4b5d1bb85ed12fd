"""Reported figures: “GDP增长8.6%”, “新增软件企业607家”, “地区生产总值1029.54亿元,增长7%”.

Each figure becomes an Observation with indicator, value, unit, measure and period.
Declines are negative; “分别增长7%、8.6%” pairs values with the listed indicators;
a figure with no indicator of its own takes the previous one in the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from dataclasses import dataclass

from kg.extract import lexicon
from kg.patterns import searchable

_UNIT_LIST = (
    "个百分点|百分点|%|％|‰|万亿元|亿元|万元|千元|元|亿美元|万美元|美元|亿欧元|万欧元|欧元|亿港元|港元|澳门元|亿日元|日元|万亿|亿|万|"
    "万载重吨|载重吨|万亩次|亩次|万亩|亩|公顷|平方公里|平方米|万平方米|立方米|公里|千米|米|万吨|吨标准煤|吨|公斤|千克|斤|万千瓦|千瓦|万千瓦时|千瓦时|"
    "兆瓦时|兆瓦|吉瓦时|吉瓦|度|栋|幢|间|头|只|株|棵|张|部|微克/立方米|"
    "万标箱|标箱|万人次|人次|万车次|车次|架次|艘次|万人|人|万户|户|家|个|条|项|件|台|套|辆|列|宗|座|所|批|处|艘|架|名|位|场|支|倍|例|剂次|份|岁|"
    "笔|起|箱|台套|"
    "小时|分钟"
).split("|")
# longest first, so 千瓦时 is read before 千瓦, and 万吨/年 keeps its rate
UNITS = "|".join(sorted(_UNIT_LIST, key=len, reverse=True))
_NUM = r"(?P<num>[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二三四五六七八九十百千两]+(?:点[一二三四五六七八九零〇]+)?)"
FIGURE = searchable(
    r"(?P<pre>超过|超|约|接近|近|逾|达到|达|突破|增至|提高到|降至)?" + _NUM
    + r"(?P<approx0>余|多)?(?P<mag>万亿|亿|万|千)?(?P<approx>余|多)?(?P<unit>(?:" + UNITS + r")(?:/年|/日|/天)?)"
    + r"(?P<approx2>余|多|左右)?"
)
_PERIODS = [
    (re.compile(r"前三季度|1[—\-－~～至]9月|一至九月|三季度"), "前三季度"),
    (re.compile(r"上半年|1[—\-－~～至]6月|一至六月"), "上半年"),
    (re.compile(r"一季度|1[—\-－~～至]3月"), "一季度"),
    (re.compile(r"前[两二]季度"), "上半年"),
    (re.compile(r"(?:19|20)[0-9]{2}年(?!度?[0-9一二三四五六七八九十]+月)"), ""),  # the year as written
]
GROWTH = re.compile(r"(?:同比|比上年|比去年|年均)?(?:增长|增速|增幅|提高|提升|上升|上涨|增加|扩大|翻)$")
DECLINE = re.compile(r"(?:同比|比上年)?(?:下降|减少|降低|回落|压缩|下滑|缩小)$")
SHARE = re.compile(r"(?:占比|比重|比例|达到|达)$")
_SHARE_IND = re.compile(r"(?:占比|比重|比例|率|度)$")
# the units of a share or a change of one, which the words before the number name (参保率从|91%)
_SHARE_UNITS = frozenset(("%", "％", "‰", "个百分点", "百分点"))
_LEAD_VERB = re.compile(r"^(?:同比)?(?:增长|提高|提升|增加|下降|减少|降低|压缩)")
_LEAD = re.compile(
    r"^(?:其中|截至目前|目前|今年以来|今年|前三季度|上半年|全年|去年|1[—\-－]9月|1[—\-－]6月|三季度|当季|全区|全县|全市|全省|"
    r"全镇|全疆|累计实现|实现|完成|已完成|共|累计|同比|预计|力争|带动|推动|分别|并|和|及|其|均|总计|是|为|从|由|比(?![重例率值])|"
    r"(?:增加|提高|提升|增长|扩大|下降|减少|降低)?(?:到|至)|(?:19|20)[0-9]{2}年(?:底|末)?的?)+"
)
_MONEY = re.compile(r"元|美元")
_STRUCTURE = re.compile(r"(?:方面|清单|意见|文件|条例|办法|任务|目标|要求|原则|环节|班子|部门|步骤|阶段|批次|"
                        r"^(?:大项|分项|小项)$|^次|^项目$|^个$|^国家$|"
                        r"^(?:专题|重点工作|生动故事)$)")
# a part named alone after its total (其中境外输入70例，本土1261例)
_PART_OF_TOTAL = frozenset("本土 境外输入 境外 线上 线下".split())
# the papers a meeting takes up (本次会议共审议10件法律…，听取5个报告，批准3件国际条约): its agenda, no region's
# measure (制定法律68件 over years is the country's)
_TAKES_UP = re.compile(r"审议|听取|批准|表决")
_DOCUMENTS = re.compile(r"^[\u4e00-\u9fff]*(?:法律|草案|报告|条约|议案|决议|议定书)$")
_COMPARISON_ONLY = re.compile(r"(?:比|较|同比|环比|比上年|比去年|较上年|较去年|较去年同期|较年初|比年初|比[0-9]{4}年全年|"
                              r"首次|首次迈上|首次突破|提高了|增加了|多|少|高|低|了|增长|提高|增加|迈上|突破|超|超过)+")
_REGION_KINDS = re.compile(r"(?:城市|省份|省|省市|省区|省区市|地市|市州|县市|区县|县|国家|成员国|地区|试点城市|省（自治区|省\(自治区)")
_COUNT_UNITS = set("家个条项件台套辆列宗座所批处艘架名位场次户人支例份")


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    text: str
    indicator: str
    value: float
    unit: str
    measure: str  # growth | level | count | share


def _num(s: str) -> float | None:
    s = s.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
    try:
        return float(s)
    except ValueError:
        pass
    got = _chinese_number(s)
    if got is not None:
        return got
    # two forms read here as cn2an reads them, so that it is imported (0.3 s) only for the rare others
    whole, dot, _frac = s.partition("点")
    if whole[:1] in ("百", "千") and whole[-1:] in ("十", "百", "千"):
        return None  # 百千, 千百十: cn2an refuses them too
    if not dot and len(whole) >= 2 and all(ch in _CN_DIGIT for ch in whole):
        return float(int("".join(str(_CN_DIGIT[ch]) for ch in whole)))  # a run of digits: 两三 -> 23
    try:
        import cn2an  # the rare forms (a numeral cn2an reads and this does not); its import takes 0.2 s

        return float(cn2an.cn2an(s, "normal"))
    except Exception:  # noqa: BLE001 - any unparsable numeral is simply not a figure
        return None


_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def _chinese_number(s: str) -> float | None:
    """A Chinese numeral below 10,000 (三, 十二, 两百三十, 一千零五, 三点五), or None.

    >>> [_chinese_number(x) for x in ("三", "十二", "两百三十", "一千零五", "三点五", "万", "百", "千")]
    [3.0, 12.0, 230.0, 1005.0, 3.5, None, None, None]
    """
    whole, _, frac = s.partition("点")
    total, digit = 0, None
    for k, ch in enumerate(whole):
        if ch in "零〇" and k and digit is None:
            continue  # 一千零五: the zero holds a place
        if ch in _CN_DIGIT:
            if digit is not None:
                return None  # 一二: not a number
            digit = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            total += (1 if digit is None else digit) * _CN_UNIT[ch]
            digit = None
        else:
            return None
    total += digit or 0
    if not whole or (whole[0] == "零" and len(whole) > 1) or whole[0] in "百千":
        return None  # 每百户, 千万工程: a word, not a count
    if frac:
        if not all(ch in _CN_DIGIT for ch in frac):
            return None
        return float(f"{total}." + "".join(str(_CN_DIGIT[ch]) for ch in frac))
    return float(total)


# what follows the distance of a race (500米比赛, 100米自由泳, 4×100米接力)
# what follows a distance that names a race (500米比赛, 200米个人混合泳, 20公里竞走, 100米、200米和500米直道赛)
_EVENT_AFTER = re.compile(r"(?:[、和及][0-9]+(?:米|公里))*(?:个人|男子|女子)?(?:短道)?"
                          r"(?:比赛|决赛|预赛|半决赛|金牌|银牌|铜牌|冠军|亚军|季军|跑|栏|自由泳|蛙泳|仰泳|蝶泳|混合泳|接力|"
                          r"速滑|跳台|大跳台|障碍|项目|竞走|直道|越野|马拉松|步枪|手枪|场地|公路赛|计时赛|赛)")


def figures(text: str, start: int, end: int) -> Iterator[Figure]:
    """Yield the figures of one sentence ``text[start:end]`` with their indicators."""
    clause_start = start
    prev_ind = ""
    first_ind = ""  # the sentence's first indicator: the total its parts (其中本土…) belong to
    pending_list: list[str] = []
    levels: list[str] = []  # the indicators of the sentence's levels and counts so far (for 分别 after them)
    prev_measure = ""
    last_end = start
    items = list(FIGURE.finditer(text, start, end))
    for m in items:
        num = m.group("num")
        before = text[max(start, m.start() - 1) : m.start()]
        after = text[m.end() : m.end() + 2]
        if before in "第·—-－/各几×xX" and before:
            continue  # ordinals, dates, ratios, 4×400米
        if before == "数" and not num[0].isdigit():
            continue  # 数十万只: several tens of thousands, no figure (人数1万人 is one)
        if m.group("unit") in ("米", "公里", "千米") and (text[max(start, m.start() - 2) : m.start()] in ("男子", "女子", "混合")
                                                         or _EVENT_AFTER.match(text, m.end(), end)):
            continue  # 男子100米, 500米比赛, 男、女20公里竞走: a sporting event, not a measure
        if m.group("unit") == "度" and text[max(start, m.start() - 2) : m.start()] in ("北纬", "南纬", "东经", "西经", "零下"):
            continue  # 北纬12度: a place on the map, not a measure
        if text[max(start, m.start() - 4) : m.start()].endswith(("首次低于", "首次高于", "首次突破", "首次超过")) \
                and m.group("unit") in ("%", "％"):
            continue  # 占比首次低于50%: a threshold passed, the measure is the figure before it
        if re.match(r"[0-9]", before or " "):
            continue
        if not num[0].isdigit() and before and lexicon.word_tag(before + num[0]) not in (None, "m"):
            continue  # 田七家化项目: the numeral is a character of a name (田七), not a count
        if not num[0].isdigit() and (len(num) == 1 and num in "一两" or m.group("unit") in ("个", "项", "次", "名", "位", "场", "天", "倍")):
            continue  # 一个, 两个多月: words, not figures
        if after.startswith(("以上", "以下")) and text[m.end() + 2 : m.end() + 3] not in ("", "。", "，", ",", "；", ";"):
            continue  # 50亿元以上项目: a qualifier
        if after[:1] in ("级", "强") or text[m.end() : m.end() + 1] in ("年", "月", "日"):
            continue
        if m.group("unit") in ("张", "部") and not m.group("mag"):
            continue  # 4张清单: a count of documents; 52.4万张床位 is a statistic
        if m.group("unit") == "个" and re.match(r"多?(?:小时|月|星期|钟头|世纪|工作日)", text[m.end() : m.end() + 4]):
            continue  # 两个多小时: a duration
        if m.group("unit") in ("小时", "天", "年") and re.match(r"[0-9零一二三四五六七八九十]+(?:分钟|分|小时|个月|天)", text[m.end() : m.end() + 5]):
            continue  # 1小时33分钟: the first part of a duration, not a figure of its own
        if m.group("unit") in ("分钟", "分", "个月", "天", "小时") and re.search(r"[0-9零一二三四五六七八九十](?:小时|天|年)$", text[max(start, m.start() - 4) : m.start()]):
            continue  # (…33分钟) the second part
        if m.group("unit") == "小时" and num == "24" and re.match(r"[\u4e00-\u9fff]", text[m.end() : m.end() + 1]) \
                and text[m.end() : m.end() + 1] not in "内以之后前的不":
            continue  # 24小时书店, 24小时橱窗剧场: open round the clock, a kind of place
        unit = (m.group("mag") or "") + m.group("unit")
        if m.group("unit") in ("万亿", "亿", "万") and m.group("mag"):
            continue
        value = _num(num)
        if value is None:
            continue
        # the clause the figure is in
        cut = max(text.rfind(c, clause_start, m.start()) for c in "，,；;：:")
        cs = cut + 1 if cut >= clause_start else clause_start
        prev_fig = last_end if last_end > cs else cs
        lead = text[prev_fig : m.start()]
        if m.group("pre"):
            lead = lead[: len(lead) - len(m.group("pre"))] if lead.endswith(m.group("pre")) else lead
        measure_word = ""
        mw = GROWTH.search(lead) or DECLINE.search(lead) or SHARE.search(lead)
        if mw:
            measure_word = mw.group()
            lead = lead[: mw.start()]
        lv = _LEAD_VERB.match(lead)
        if lv and not measure_word:
            measure_word = lv.group()
            lead = lead[lv.end() :]
        if not measure_word and prev_measure and last_end > cs and lead.strip("、和及与") == "":
            # 增长5%、6%, 分别增长12.2%和22.3%: the measure of the figure before in the clause (not across a
            # comma: 分别增长8.1%和9.9%，465万…人口 is a level of its own)
            measure_word = prev_measure
        ind = clean_indicator(lead)
        if not ind and measure_word in ("占比", "比重", "比例"):
            ind = measure_word
        u0 = m.group("unit")
        if (u0 in _COUNT_UNITS or u0 in ("万", "亿")) and not measure_word and re.match(r"[\u4e00-\u9fff“]", text[m.end() : m.end() + 1]) \
                and not text.startswith(("大关", "关口"), m.end()):
            # count first, thing after: “2个项目入选…”, “引进9家央企”, “116.7万贫困人口”
            tail = _tail(text, m.end(), end)
            if u0 in ("万", "亿") and tail and (tail[0] in _CLASSIFIERS and len(tail) != 2 or tail == "手"):
                # 20亿|剂|疫苗: the classifier is the unit, the noun the thing counted; 参展产品约2.5万|种。, 成交量为
                # 77.28亿|手，: the unit alone
                unit, tail = unit + tail[0], tail[1:]
            ind = tail if tail and tail not in ("以上", "以下", "左右") else ind
        if lead.endswith("、") and len(lead.strip("、")) >= 2 and not measure_word and prev_ind \
                and re.match(r"[\u4e00-\u9fff]", text[m.end() : m.end() + 1]):
            # 6万间房屋倒塌、45万亩农田被淹: counts in step, each thing after its own number
            ind = _tail(text, m.end(), end) or ind
        if ind in _JOINS and text.startswith("的", m.end()):
            ind = _tail(text, m.end() + 1, end) or ind  # 同时约92%的乡镇已明确…: what is measured follows
        elif ind == "约合" and prev_ind:
            ind = prev_ind  # 票房接近110亿元人民币，约合近16亿美元: the same figure in another currency
        elif _DIFFERENCE.fullmatch(ind) and prev_ind:
            # 社会融资规模增量为3.53万亿元，比上年同期多6245亿元: the change of the figure before
            ind = prev_ind + ("" if ind.startswith(("比", "同比")) else "同比" if ind[:1] in "多少" else "比") + ind
        if "分别" in text[cs : m.start()] and not pending_list:
            k = text.find("分别", cs, m.start())
            lst = text[cs:k]
            # 汽车及零配件、船舶、电工器材出口分别增长…: with 、 the items are split by it alone
            pending_list = [clean_indicator(x) for x in re.split(r"、" if "、" in lst else r"[和及]", lst) if clean_indicator(x)]
            stop = min([j for j in (text.find(c, k, end) for c in "，,；;。") if j >= 0] or [end])
            told = sum(1 for _ in FIGURE.finditer(text, k, stop))
            if not pending_list and 2 <= told <= len(levels):
                # 开行1719列，发送货物18万标箱，同比分别增长15%、11%: each value of the figures told before, in turn
                pending_list = levels[-told:]
        if pending_list and (not ind or "分别" in text[cs : m.start()] or lead.strip("、") == ""):
            ind = pending_list.pop(0)
        if not ind:
            ind = prev_ind
        if not ind:
            continue
        if ind in _PART_OF_TOTAL and first_ind and first_ind != ind:
            ind = f"{first_ind}中{ind}"  # 新增无症状感染者1331例，其中境外输入70例，本土1261例: 本土 of the total
        first_ind = first_ind or ind
        if (_COMPARISON_ONLY.fullmatch(ind) and re.search(r"比|较|首次", ind)) or re.search(r"[0-9][^0-9]{0,2}(?:精简|减|降|增|压缩|下降|提高)?(?:至|到)$", ind):
            continue  # 比上年提高了7.3个百分点, 较去年同期多1948项: a difference, nothing named measured
        if u0 in _COUNT_UNITS and (_STRUCTURE.search(ind) or (_DOCUMENTS.search(ind) and "会议" in text[start : m.start()]
                                                                  and _TAKES_UP.search(text, cs, m.start()))):
            continue  # 六个方面工作, 27条举措, 3批政策清单: how a text is organised, not a measure; 审议10件法律: a meeting's papers
        if u0 in _COUNT_UNITS and _REGION_KINDS.fullmatch(ind) and not measure_word:
            continue  # 12个城市 (成都、杭州等): a count of places belongs to no one of them
        if ind.endswith("的") and u0 not in ("%", "％", "个百分点", "百分点"):
            continue  # 去年12月下拨的54.76亿元中央冬春救助资金: what is measured comes after the number
        if _FRAGMENT.search(ind):
            continue  # 他们0.1度, 的年轻小分队迎难而上6人, “ 1110万: a piece of a clause measures nothing
        if _IF.search(text[start : m.start()]) or (u0 in _COUNT_UNITS and "相当于" in text[cs : m.start()]):
            continue  # 如果把…铺展开…53万座足球场, 相当于1.3亿个家庭一年的用电量: a picture of a figure, no measure
        if _PER_ITEM.search(text, cs, m.start()) or before == "每":
            continue  # 每卖出100辆汽车就有超过50辆, 每个试点城市将选择100个社区: a rate's base or one item's share, no total
        if _ORGANISED.search(text, cs, m.start()) and u0 in _COUNT_UNITS:
            continue  # 表彰32个先进集体, 组成16个巡回指导组, 全县划分为13个作业区: a ceremony's or a campaign's make-up
        if u0 == "岁" and (_AGE_LEAD.search(text, max(start, m.start() - 3), m.start()) or text.startswith("的", m.end())):
            continue  # 年仅13岁的小将: a person's age
        if (u0 == "岁" and _BOUND_AFTER.match(text, m.end(), end)) or (u0 in ("分钟", "小时") and _WITHIN.match(text, m.end(), end)):
            continue  # 60岁及以上人口, 20岁以下观众: an age that bounds a group; 15分钟内能够到达: a time that bounds a reach
        if _RED_LINE.match(text, m.end(), min(end, m.end() + 12)):
            continue  # 严守18亿亩耕地红线: a line held, no measure
        prev_ind = ind
        prev_measure = measure_word
        last_end = m.end()
        u = m.group("unit")
        if u in _SHARE_UNITS:
            if DECLINE.search(measure_word or "-") :
                measure = "growth"
            elif GROWTH.search(measure_word or "-"):
                measure = "growth"
            else:
                measure = "share"
        elif u in _COUNT_UNITS or u.endswith(tuple(_COUNT_UNITS)):
            measure = "growth" if measure_word and GROWTH.search(measure_word) and "翻" in measure_word else "count"
        else:
            measure = "level"
        if DECLINE.search(measure_word or "-"):
            value = -value
        if measure in ("level", "count"):
            levels.append(ind)
        yield Figure(m.start(), m.end(), m.group(), ind, value, "%" if u == "％" else unit, measure)
        clause_start = clause_start  # keep


# classifiers that follow 万/亿 as the unit of what is counted (20亿剂疫苗, 1亿片退烧药)
_CLASSIFIERS = frozenset("剂片支粒头只株棵把件套台辆架艘份张吨种块瓶盒袋包桶罐枚颗册本篇次箱起")
# a clause that supposes (如果, 假如): what follows pictures a figure, it measures nothing
_IF = re.compile(r"(?:^|[，,。；;])(?:如果|假如|假设|若(?!干))")
# a count told per item (每卖出100辆…就有50辆, 每个试点城市…100个, 每10度电有近4度) or per step (城镇化率每增长1个百分点): no place's total
# (a rate per head, 每万人拥有…, and a price per item, 均价为每个5.57元, are statistics and are not matched)
_PER_ITEM = re.compile(r"每(?:卖出|售出|销售|生产|增长|提高|增加|上升|下降|降低|减少)|每[个家多](?=.)|每[0-9一二三四五六七八九十百]+[^，,。；;]{0,8}?有")
# words that join clauses, not what a figure measures (同时约92%的乡镇)
_JOINS = frozenset("同时 与此同时 此外 另外".split())
# a difference from the figure before (比上年同期多6245亿元, 同比多增8108亿元)
_DIFFERENCE = re.compile(r"(?:比|同比)?(?:上年同期|去年同期|上年|去年|上月|同期)(?:多|少)增?|(?:同比)?(?:多|少)增")


# the words that tell a person's age (年仅13岁): no place's measure
# verbs that count the parts of a ceremony or a campaign (awards given, groups formed, zones drawn)
_ORGANISED = re.compile(r"表彰|授予|组成|抽调|划分为|分成|分为|编成")
# after a number, a red line held (18亿亩耕地红线): a target, no statistic. (A people in a speech's voice,
# 14亿多中国人民, is one to the annotators: a held-out set's gold counts it.)
_RED_LINE = re.compile(r"(?:多|余)?[\u4e00-\u9fff]{0,4}红线")
# after an age or a time, the words that make it a bound of what is counted, not a figure of its own
_BOUND_AFTER = re.compile(r"(?:及以上|及以下|以上|以下)(?=[\u4e00-\u9fff])|至|到|[—–-]")
_WITHIN = re.compile(r"以?内|生活圈|服务圈|[一-鿿]{0,4}圈")
_AGE_LEAD = re.compile(r"(?:年仅|现年|年满|年近|年过|享年|终年|仅|才)$")


# an indicator that is a piece of a clause, not the name of what is measured: it opens with a
# pronoun, a particle or a quote mark, holds a quote mark or a list of other things with their own
# counts, or ends in a verb of need or change (需要240人, 变成月球的38万公里)
_FRAGMENT = re.compile(r"^(?:他们|她们|它们|我们|的|近地|”|、|当地|也只有|也)|^(?:他|她|它|“|拉动)$|(?:需要|变成|成为|迎难而上)$|"
                       # a word that only frames the number or a unit read as the thing measured (以上, 同期的,
                       # 有关, 载重吨), a bracket left open (96个县（市、区）)
                       r"^(?:以上|以下|同期的?|有关|载重吨|标准箱|千瓦时)$|[（(][^）)]*$|"
                       # a measure word read as the thing measured (1亿片以上: 片 is the unit)
                       r"^[\u4e00-\u9fff](?:以上|以下|左右)$|"
                       # one of a number of them (被列为…的10个国家之一): a rank, no count
                       r"之一$")


# what an indicator never is: a comparison (较4月18日), a verb of change alone (增至, 缩短至, 精简),
# a word that says nothing (有, 了), a height or a distance (海拔, 距离地面)
_NOT_INDICATOR = re.compile(r"^(?:较|比(?!重|例))|^(?:增至|缩短至|减至|下调至|上调至|升至|降至)$|^(?:有|了|共有|新|率|过|凭|次|瓶|精简|增至|缩短至|减至|约|为|是|近|逾|超|等)$|"
                            r"^(?:海拔|在?距离|距地面|距)|距离地[面球]|"
                            # people at an event counted by their role (4位部长, 负责人): no place's measure
                            r"^(?:部长|副部长|负责人|代表|嘉宾|专家|记者|院士|委员|发言人)$|"
                            r"^(?:这|那|其|同期|扩大|领域|成果|签名|相当于.*|特别行政区)$|"
                            # a verb of change and nothing it changes: 增长了, 提高了, 加快, 突破到, 通过
                            r"^(?:增长|提高|提升|增加|下降|减少|降低|加快|放缓|突破|达到|通过|相应|分别)(?:了|到|至)?$|"
                            # a work's design, not a place's statistic: 全长81公里, 设计时速, 建成后每年可输送…
                            r"全长|设计|建成后|投运后|每年可|年可|可满足|能满足|可向|可达|可容纳|震源深度|^[一二三四]期$|"
                            # what a work or a machine can do (时速可达600公里, 年发电量可达24亿度), not what was done
                            r"(?:时速|速度|年产|产能|发电量|吞吐量|处理|检测)[^，,]*可$|"
                            # a policy's standard, not a statistic (补贴标准为…的15%, 粳稻最低收购价分别为每吨2620元)
                            r"补贴标准|收购价|标准为")


def news_figure(f: Figure, gaz_forms: Container[str] = frozenset()) -> bool:
    """Whether a figure read from a news story (not a region's own report) says what it measures:
    its indicator is not a comparison (较4月18日), a verb of change alone (增至), a word that says
    nothing (有), a height or distance (海拔 2000米), or a place's name (沅江42万亩).

    >>> [news_figure(Figure(0, 1, "", i, v, u, "count")) for i, v, u in
    ...  [("GDP", 5.2, "%"), ("较4月18日", 8.6, "%"), ("海拔", 2000, "米"), ("通车里程", 500, "公里"), ("有", 3.3, "亿人次")]]
    [True, False, False, True, False]
    """
    ind = f.indicator.strip()
    if _ANECDOTE.search(ind):
        return False  # 给他批复了250万元, 这家企业投入了4000万元: what one person or firm did, not a place's measure
    if f.unit == "起" and ind.endswith("对"):
        return False  # 中央纪委国家监委对|8起…典型问题进行通报: the cases a notice takes up, not a measure
    if f.measure == "count" and _PEOPLE_UNIT.fullmatch(f.unit) and len(ind) <= 6 and not _PEOPLE_MEASURE.search(ind):
        return False  # 4名中国公民遇难, 8名少先队员, 2000多名官兵: people at an event, not a place's measure
    if f.unit in _THING_SIZE_UNITS and not (f.unit in ("分钟", "秒") and _SERVICE_TIME.search(ind)):
        # 一条只有2米, 将开辟一条深55米, 社区周边步行5分钟: one thing's size or a walk, not a place's measure (a
        # service's time limit is one: 跨省市户口迁移办理时限10分钟)
        return False
    return bool(ind) and not _NOT_INDICATOR.search(ind) and ind not in gaz_forms


# units of one thing's size or of a short time (judged wrong 18 times in 19 in news: a lane's width, a
# tunnel's depth, a walk's minutes); a region's report keeps them (海上风电项目最深水深56米)
_THING_SIZE_UNITS = frozenset({"米", "厘米", "毫米", "分钟", "秒"})
_SERVICE_TIME = re.compile(r"时限|办理|审批|办结|响应")
# an indicator that tells what someone did (收到了一笔, 孵化了, 给他批复了, 这家…企业投入了) rather than
# naming what is measured (a change with 了 is a measure: 不良贷款率下降到了, 运输成本降低了)
_ANECDOTE = re.compile(r"(?:[^到至低长降高加少升大]|收到|拿到|得到)了|(?<!其)[他她]|这家|那家|正在|刚刚")
# people counted by a bare noun (公民, 官兵, 外商) in a news story are the people of one event; a
# population, a workforce or jobs name what they measure (常住人口, 就业人数, 新增就业)
_PEOPLE_UNIT = re.compile(r"万?(?:名|人|位)")
_PEOPLE_MEASURE = re.compile(r"数|量|人口|就业|规模|总计|累计")


def thing_after(text: str, i: int, end: int) -> str:
    """The noun phrase right after a count (6万间|房屋倒塌 -> 房屋), up to the next verb or punctuation."""
    if text.startswith("的", i):
        i += 1  # 35%的|国土面积
    return re.sub(r"(?:今天|今年|目前|眼下|近日|日前)$", "", _tail(text, i, end))  # 1100万亩小麦|今天


def _tail(text: str, i: int, end: int) -> str:
    """The noun phrase right after a count, up to the next verb or punctuation."""
    from kg.extract.names import GOVERNING, pos_tokens

    clause = re.match(r"[^，,。；;：:！？!?、\n]{1,24}", text[i:end])
    if not clause:
        return ""
    phrase = clause.group()
    toks = pos_tokens(phrase)
    if toks and toks[0][3] == "v" and "的" in phrase:
        # 20条促进经济恢复的政策措施 -> 政策措施
        after = phrase.rsplit("的", 1)[1]
        if 2 <= len(after) <= 10:
            return after
    out = ""
    nominal = False  # whether a noun has been read (集中|育秧|中心: verbs that open a noun run on to it)
    for k, (_s, _e, w, tag) in enumerate(toks):
        if k == 1 and len(out) == 1 and toks[0][3] == "v" and tag == "v" and len(w) == 1:
            out += w  # 23万退|捕|渔民: two one-character verbs that open a noun (退捕渔民), not a clause
            continue
        opens = len(out) == 1 and toks[0][3] in ("a", "b") and tag in ("v", "vn") and _noun_ahead(toks, k)
        if out.strip("“”") and (tag in ("v", "d", "p", "c", "u", "uj") or (tag == "f" and len(w) == 1) or w in GOVERNING or re.match(r"[0-9]", w)) \
                and (nominal or tag != "v" or not _noun_ahead(toks, k)) and not opens:
            break  # (an adjective of one character and a verb open a noun: 3920个新|投产|项目)
        nominal = nominal or not tag.startswith("v")
        out += w
        if len(out) >= 14:
            break
    if len(out) == 1:
        # 146万亩互|花|米|草: characters the dictionary cut one by one run on to the noun they end in
        run = out
        for _s, _e, w, tag in toks[1:5]:
            if len(w) != 1 or not "\u4e00" <= w <= "\u9fff":
                break
            run += w
            if tag.startswith("n"):
                out = run
                break
    return out.strip("“”")


# the tags of words that do, say when or how, or count: an indicator of these alone names nothing measured
_VERBAL_TAGS = ("v", "d", "p", "c", "u", "m", "q", "f", "t", "r", "ad", "a")
# the same for the thing read after the number, which may be tagged as an adjective and a classifier (绿|道)
_DOING_TAGS = ("v", "d", "p", "c", "u", "m", "f", "t", "r", "ad")


def _verbal(ind: str, tags: tuple[str, ...] = _VERBAL_TAGS) -> bool:
    """Whether an indicator holds no noun, only verbs, adverbs, times and counts (已累计开放, 还将新建)."""
    from kg.extract.names import pos_tokens

    toks = pos_tokens(ind)
    return bool(toks) and all(t[3] in tags or t[3].startswith(("u", "m")) for t in toks)


def named_after(text: str, f: Figure, end: int) -> str:
    """The indicator of a level whose words before the number only do something (已累计开放|9000公里|
    智能网联汽车测试道路, 拟安排|6800亿元|的中央预算内投资): the thing named after the number, when
    there is one; else the indicator as read."""
    if f.measure != "level" or f.unit in _SHARE_UNITS or not _verbal(f.indicator) or _NOT_INDICATOR.search(f.indicator) \
            or not re.match(r"[\u4e00-\u9fff“]", text[f.end : f.end + 1]):
        return f.indicator
    tail = thing_after(text, f.end, end)
    return tail if len(tail) >= 2 and not _verbal(tail, _DOING_TAGS) and tail not in ("以上", "以下", "左右") else f.indicator


def _noun_ahead(toks: tuple, k: int) -> bool:
    """Whether the tokens from ``k`` run through verbs to a noun before any other word (育秧|中心)."""
    for _s, _e, _w, tag in toks[k : k + 3]:
        if tag.startswith("n") and tag != "nr":
            return True
        if tag not in ("v", "vn"):
            return False
    return False


# (not a report named as the thing measured: 个人信用报告|降至每份1元, 发布会)
# (nor 发布了…: what was done is told, 了 keeps it an anecdote, below)
_REPORTED_BY = re.compile(r"^.*?(?:报告|通报|发布|公布)(?![会期了]|降|升|增长|增加|提高|下降|减少|达|为|超|占|比|较)(?=.{4})")


def clean_indicator(s: str) -> str:
    """Strip time words, totals and verbs from the front of an indicator name."""
    s = s.strip(" 、，,：:")
    if "的" in s and len(s.rsplit("的", 1)[1]) >= 2:
        s = s.rsplit("的", 1)[1]  # 以新能源为代表的项目数量占比 -> 项目数量占比
    s = re.sub(r"^[0-9]+[—\-－][0-9]+月", "", s)
    prev = None
    while prev != s:
        prev = s
        s = _LEAD.sub("", s)
        s = s.strip(" 、，,：:")
    s = re.sub(r"每[个家吨台件]?$", "", s)  # 均价为每个5.57元: the unit's denominator
    s = re.sub(r"(?:同比|比上年|比去年|超过了|超过|将|预计将|达到了|已达|约|近|共计|合计|总计|稳定在|控制在|保持在|下降到|提高到|降至|增至|(?<![行作成认])为)$", "", s)
    s = re.sub(r"(?:大幅)?(?:提高|提升|上升|升|下调|上调|下降|降|增加|减少|扩大|缩小|重组整合|整合)(?:至|到)$", "", s) or s
    s = re.sub(r"连续[0-9一二三四五六七八九十]+年", "", s)
    # 收入从3826.5亿元增长到, 比重由47.6%提升至, 生产总值从2020年的: the change, not the name
    s = re.sub(r"(?:从|由)[^从由]{0,16}?(?:(?:增长|提升|提高|增加|扩大|下降|减少|降低|精简|压缩)?(?:到|至)|的)$", "", s)
    s = re.sub(r"(?<=..)(?:从|由)$", "", s)  # 比例由|21%提高至74%: where the change starts, not the name
    s = re.sub(r"(?<=[^人年平户亩日月季村县镇省市区])均$", "", s)  # 增速均超过10%: 均 is "each", not 人均 or 年均
    # who reported it (…和新疆生产建设兵团报告|新增确诊病例, 中国物流与采购联合会发布|2月份…指数): what follows is measured
    s = _REPORTED_BY.sub("", s)
    if re.fullmatch(r"[0-9.%]*", s):
        return ""
    return s[-24:]


def period_of(text: str, start: int, default: str) -> str:
    """Return the reporting period named nearest before ``start`` in its paragraph, else ``default``."""
    para = text.rfind("\n", 0, start) + 1
    best, best_pos = default, -1
    for rx, name in _PERIODS:
        for m in rx.finditer(text, para, start):
            if m.start() > best_pos:
                best, best_pos = name or m.group(), m.start()
    return best


def document_period(text: str) -> str:
    """The period a document reports on: the most named one (前三季度 for 1—9月 too)."""
    counts: dict[str, int] = {}
    for rx, name in _PERIODS:
        for m in rx.finditer(text):
            key = name or m.group()
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return ""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
