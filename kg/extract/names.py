"""Where a name starts: the left boundary shared by projects, companies and initiatives.

A name ends at a head noun (产业园, 集团, 专项行动); it starts after the nearest governing
verb (建设, 打造, 引进 ...), function word, count (10条) or punctuation before it. jieba
tokens (dictionary only, HMM off) give the word boundaries and part-of-speech tags.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import lexicon

# Governing verbs and adverbs of official Chinese that precede the thing they govern.
GOVERNING = set(
    """
    建设 建成 投用 投运 投产 启动 开通 开工 开园 打造 推动 推进 加快 加速 升级 揭牌 引进 引入 建立 创建 新建 扩建
    改造 完成 实施 培育 发展 依托 围绕 聚焦 融入 列入 入选 成为 形成 获批 获评 实现 力争 上线 运营 开行 落户 签约
    支持 带动 联合 举办 组建 布局 规划 谋划 筹建 申报 争创 集聚 提升 加强 做大 做强 新增 引育 深化 实行 拓展 建强
    推行 开展 强化 优化 完善 健全 壮大 加大 用好 构建 共建 认定 吸引 设立 夯实 心系 参与 参加 承办 主办 坚持 把握 抢抓
    落实 贯彻 学习 召开 举行 出台 印发 制定 发布 推广 复制 探索 突破 抓好 做好 办好 用足 紧扣 立足 着力 致力 致力于
    明确 明晰 总结
    设置 安装 部署 配备 搭建 成立 改建 修建 兴建 竣工 完工 关停 取缔 拆除 整治 治理 修复 关心 调研 考察 视察
    持续 不断 全面 深入 积极 大力 加紧 重点 统筹 协同 携手 合力 助力 赋能 引领 带领 组织 发挥 服务于 面向 对接 接入
    弘扬 推出 亮相 打通 畅通 连接 覆盖 辐射 入驻 进驻 注资 并购 收购 认为 表示 指出 强调 称 纳入 获得 取得 获 启用 迎来 打好 打赢 打响 护航
    驶离 驶入 驶向 开往 抵达 到达 离开 途经 经过 停靠 结束 标志着 意味着 会见 访问 参观 来到 乘坐 符合 攻入 前往 祝贺
    已经 正式 成功 全力 首个 首批 一批 一个 全国 全市 全区 全县 全省 以及 及其 其中 我们 今年 目前 近年来 当前
    包括 包含 涵盖 主要有 部分 多个 多地 大量 各地 有关 察看 走进 走访 乘坐 途经
    高水平 高标准 高质量地 新一轮 进一步 一体化地 已建成 在建 已建 新建成 建成及在建 最大 最长 最高 最早
    """.split()
) | set("据 已 正 将 再 均 仍 亦 即 才 就 与 的 在 同 + ＋ 等 是 为 把 将 对 向 从 让 使 以 并 了 着 也 都 又 还 共 各 每 该 其 此 这 由 被 给 于 到 赴 暨 有".split())
# Part-of-speech tags that never start or continue a name: adverbs, prepositions, pronouns,
# particles, interjections, onomatopoeia, time words.
_STOP_POS = {"d", "p", "r", "u", "uj", "ul", "uz", "ug", "ud", "uv", "y", "e", "o", "t", "tg"}
_PUNCT = re.compile(r"[，,。；;：:！？!?、\s“”\"《》【】]")
_NUM_CL = re.compile(r"^(?=.*[0-9０-９一二三四五六七八九十百千两])[0-9０-９.一二三四五六七八九十百千万亿两几多余]+[个条座家项所处批类种套]?$")
MAX_NAME = 26


_NOUNISH = ("n", "nr", "ns", "nt", "nz", "vn", "an", "a", "j", "l", "eng", "k", "s", "x")


_ADVERB_LEAD = re.compile(r"^(?:深入|全面|大力|积极|持续|加快|扎实|认真|进一步|全力|着力|切实|坚决|不断|统筹|有序|稳步|"
                          r"协同|联合|共同|广泛|精准|高质量|高标准|高水平)")


def governing(w: str) -> bool:
    """Whether token ``w`` governs the name after it: a governing word (建设, 实施), or one glued
    to the adverb before it into one token (深入开展, 全面落实, 大力推进)."""
    if w in GOVERNING:
        return True
    m = _ADVERB_LEAD.match(w)
    return m is not None and len(w) - m.end() >= 2 and w[m.end():] in GOVERNING


_PROPER_NEXT = ("ns", "nr", "nz", "nt")
# place-tagged common words (城市, 乡村): no proper name
COMMON_NS = {"城市", "城乡", "农村", "乡村", "社区", "全国", "国际", "地方", "中外"}


def _governs(toks: tuple[tuple[int, int, str, str], ...], i: int) -> bool:
    """Whether verb token ``i`` governs what follows (到达X) rather than sits inside a name
    (城市运行和治理中心, 商品分拨中心): inside a name a verb follows a noun, possibly through
    other verbs or 和/及."""
    w, tag = toks[i][2], toks[i][3]
    if tag != "v" or len(w) < 2:
        return False
    if i + 1 < len(toks) and len(toks[i + 1][2]) >= 2 and toks[i + 1][3].startswith(_PROPER_NEXT) \
            and toks[i + 1][2] not in COMMON_NS:
        return True  # a verb before a proper name governs it, whatever precedes (孩子们走进元青花博物馆)
    j = i - 1
    while j >= 0 and (toks[j][3] == "v" or toks[j][2] in ("和", "及")):
        j -= 1
    if j < 0:
        return True
    pw, ptag = toks[j][2], toks[j][3]
    if pw in GOVERNING:
        return False  # 启动创新驱动发展行动计划: the name starts at this verb
    return not (ptag in _NOUNISH and not _PUNCT.search(pw) and not _NUM_CL.match(pw))


def after_apposition(text: str, ns: int, stop: int) -> int:
    """Where a name starts when a dash sets it in apposition to what comes before it
    (港口型国家物流枢纽——重庆果园港, 俄罗斯最大银行——联邦储蓄银行): after the last ——, if any."""
    dash = text.rfind("——", ns, stop)
    return dash + 2 if dash >= 0 else ns


def _ends_with(heads: re.Pattern[str], s: str) -> bool:
    return re.search(f"(?:{heads.pattern})$", s) is not None


@lru_cache(maxsize=8192)
def pos_tokens(clause: str) -> tuple[tuple[int, int, str, str], ...]:
    """Return (start, end, word, tag) of the clause's tokens (jieba, HMM off, capped)."""
    if len(clause) > 400:
        clause = clause[:400]
    word_tag = lexicon.word_tag
    out = []
    pos = 0
    for w in lexicon.words(clause):
        # the tags jieba.posseg gives without its HMM: the dictionary's, eng for Latin and digits
        tag = "eng" if _ENG.fullmatch(w) else (word_tag(w) or "x")
        out.append((pos, pos + len(w), w, tag))
        pos += len(w)
    return tuple(out)


_ENG = re.compile(r"[a-zA-Z0-9]+")


@lru_cache(maxsize=1)
def _pos_tokenizer():
    tk = lexicon.tokenizer()  # first: it imports jieba and keeps the log level the application chose
    from jieba.posseg import POSTokenizer

    # POSTokenizer(tk) would read the tag table from dict.txt again (0.7 s): it is the cached one
    pt = object.__new__(POSTokenizer)
    pt.tokenizer = tk
    pt.word_tag_tab = lexicon.word_tags()
    return pt


def name_start(text: str, floor: int, stop: int, keep: frozenset[str] = frozenset(), limit: int = MAX_NAME,
               heads: re.Pattern[str] | None = None, joins: bool = True) -> int:
    """Return where the name ending at ``stop`` starts (``stop`` itself when none does).

    Args:
        text: the document text.
        floor: the clause start; the name never starts before it.
        stop: the start of the head noun (or the end of the name).
        keep: words that may stand inside a name although they are governing words here.
        limit: the longest name prefix walked over.
        heads: head nouns of this kind of name; a name never runs back over “和/及” into
            another complete name (A经济圈和B新通道 is two names).
        joins: whether “和/及” may stand inside the name at all (城市运行和治理中心).
    """
    lo = max(floor, stop - limit - 6)
    clause = text[lo:stop]
    toks = pos_tokens(clause)
    start = stop
    strong: int | None = None  # the start of the last proper word walked over
    glued = -1  # start of a governing word kept only because it stands right before the head
    for i in range(len(toks) - 1, -1, -1):
        ws, we, w, tag = toks[i]
        if w in ("和", "及") and (not joins or (heads is not None and _ends_with(heads, clause[:ws]))):
            break
        if i == len(toks) - 1 and len(w) >= 2 and not _PUNCT.search(w) and not _NUM_CL.match(w) \
                and tag not in _STOP_POS:
            start = lo + ws  # the word right before the head belongs to the name (高质量发展行动)
            if governing(w):
                glued = start
                if tag == "v" and _governs(toks, i):
                    break  # a plain verb right before the head (开展公路, 建成平台) governs it: no name
            continue
        lone = w in ("千", "百") and i + 1 < len(toks) and "\u4e00" <= toks[i + 1][2][:1] <= "\u9fff" \
            and not _NUM_CL.match(toks[i + 1][2])  # 千|石岩隧道, 千|厮门大桥: a name's first character
        if w not in keep and (governing(w) or _PUNCT.search(w) or (_NUM_CL.match(w) and not lone)
                              or (tag in _STOP_POS and len(w) >= 2) or _governs(toks, i)
                              or (tag in ("c", "m") and len(w) >= 2 and i < len(toks) - 1)):
            if len(w) == 1 and i + 1 < len(toks) and w + toks[i + 1][2][:1] in GOVERNING and len(toks[i + 1][2]) == 1:
                start = lo + toks[i + 1][1]  # 获/批 cut apart: the name starts after 获批
                break
            # jieba may glue a verb to the name's first character (共建成渝 -> 共/建成/渝)
            if len(w) >= 2 and i + 1 < len(toks) and w[:-1] in GOVERNING | {"建", "共建"} and len(toks[i + 1][2]) == 1 \
                    and lexicon.word_freq(w[-1] + toks[i + 1][2][:1]) >= 3 and stop - (lo + we - 1) <= limit \
                    and (lexicon.word_tag(w[-1] + toks[i + 1][2][:1]) or "").startswith(("ns", "nr", "nz", "nt", "j")):
                start = lo + we - 1
            break
        start = lo + ws
        if stop - start > limit:
            # too long a run of nouns: the name is the part from the last proper word within reach
            # (签约企业代表东莞市蜀江新能源科技有限公司 -> 东莞市…), else there is none
            return strong if strong is not None else stop
        if tag.startswith(("ns", "nr", "nt", "nz")) or lexicon.word_tag(w) is None and len(w) >= 2:
            strong = start
    if start == glued:
        return stop  # only a verb before the head (深化园区): no name
    while start < stop and text[start] in "和及与、而了着":
        start += 1  # a name never starts with a conjunction
    while stop - start > 4 and text[start] in "要将" and text[start + 2] == "好" and text[start + 1] in "管用建办抓做搞种护守":
        start += 1  # 要|用好…
    while stop - start > 3 and text[start + 1] == "好" and text[start] in "管用建办抓做搞种护守" and text[start + 2] != "的":
        start += 2  # 管好|港珠澳大桥, 用好|…: a verb and its result are not the name
    for k in (1, 2, 3):
        if start + k < stop and all(c in "好要将在向对把被建抓办做搞" for c in text[start : start + k]) \
                and starts_with_place(text, start + k, stop):
            start += k  # 要建好|西安…中心, 建设好|重庆东站: a verb and its complement before the place that opens a name
            break
    # a classifier left behind by a count (10条西部陆海新通道 -> 西部陆海新通道)
    if start > floor and start < stop and re.match(r"[0-9一二三四五六七八九十两]", text[start - 1]) and text[start] in "个条座家项所处批类种套":
        start += 1
    return start


def starts_with_place(text: str, i: int, stop: int) -> bool:
    """Whether a place's name of two characters or more starts at ``i`` and ends by ``stop`` (西安;
    雅万 is no place)."""
    from kg.extract.regions import gazetteer

    g = gazetteer()
    return any(i + n <= stop and text[i : i + n] in g.forms for n in g.lengths.get(text[i], []) if n >= 2)
