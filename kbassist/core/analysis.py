"""Chinese-aware text analysis: normalisation, jieba words, character n-grams, pinyin and initials."""

from __future__ import annotations

import logging
import math
import os
import re
import struct
import sys
import threading
import time
import unicodedata
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MethodType
from typing import Any

# Pinyin comes from kbassist.core.pinyin: pypinyin's readings as compact tables (<1 MB instead of ~12 MB resident).
from kbassist.core import pinyin, zhcn

log = logging.getLogger("kbassist.index")

# Bump whenever tokens produced for the index change: a different stamp makes the index rebuild itself.
ANALYSIS_VERSION = 4

# Words jieba's stock dictionary splits or does not know; pinned so the words stay whole in every text.
DOMAIN_WORDS: tuple[str, ...] = (
    "卡密", "直充", "到账", "二线", "一线", "q币", "话费", "风控", "卡盟", "点券", "点卡", "充值卡", "游戏卡",
    "补发", "退款", "扣款", "拿货价", "分站", "提现", "换绑", "实名", "实名认证", "面值", "流量包", "话术",
    "续费", "自动续费", "停服", "区服", "卡号", "充错", "未到账", "没到账", "已使用", "待支付", "未支付",
    "工单", "客诉", "客服", "代理", "供货商", "货源", "手动发货", "补货", "缺货", "差价", "补差价", "优惠券",
    "满减", "叠加", "发票", "专票", "普票", "积分", "兑换码", "通道", "冻结", "解冻", "申诉", "复核",
)

# Characters that carry almost no meaning in a customer's sentence; they still match, they just weigh less.
STOP_CHARS = frozenset("的了吗呢啊吧呀哦嘛么我你您他她它们是在有个这那就都还也和与及或被把给让对很太又再才")

_CJK_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF))
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z]+|[0-9]+")
_LATIN_WORD = re.compile(r"[a-z]+")

# Every Mandarin syllable without tone (the set pypinyin produces for the CJK block), for splitting typed pinyin.
PINYIN_SYLLABLES = frozenset(
    """a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen ceng
    cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci cong cou cu
    cuan cui cun cuo da dai dan dang dao de den deng di dian diao die ding diu dong dou du duan dui dun duo e ei en eng
    er fa fan fang fei fen feng fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui
    gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao jie
    jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan kuang kui kun kuo la
    lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve ma mai man
    mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang
    niao nie nin ning niu nong nou nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin
    ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou
    ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shen sheng shi shou shu shua
    shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting
    tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu
    xuan xue xun ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha
    zhai zhan zhang zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan
    zui zun zuo""".split()
)
_MAX_SYLLABLE = 6

# Digit runs this long are order numbers, phone numbers or amounts pasted from chat: never useful search terms.
LONG_DIGITS = 5


def is_cjk(ch: str) -> bool:
    if "\u4e00" <= ch <= "\u9fff":  # the common case first: this runs for every character of every search
        return True
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch).lower()
    return folded


def normalize(text: str) -> str:
    """Full-width to half-width, traditional to simplified, lower case; punctuation and emoji become spaces."""
    if not text:
        return ""
    if len(text) <= 64:
        return _normalize_short(text)
    return _normalize(text)


@lru_cache(maxsize=65536)  # titles, aliases and tags are normalised again for tokens, pinyin and initials
def _normalize_short(text: str) -> str:
    return _normalize(text)


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    # zhconv's t2s maps phrases too; one call on the whole text is far cheaper than per character.
    if any(is_cjk(c) for c in text):
        text = zhcn.to_simplified(text)
    return " ".join(_RUN.findall(text))


@lru_cache(maxsize=32768)  # the snippet code folds the same block sentences on every search
def fold_chars(text: str) -> str:
    """A per-character folding of text with the same length, so matches found in it map back to the original."""
    out = []
    for ch in text:
        folded = _fold_char(ch)
        if len(folded) != 1:
            folded = ch.lower() if len(ch.lower()) == 1 else ch
        out.append(folded)
    joined = "".join(out)
    if any(is_cjk(c) for c in joined):
        converted = zhcn.to_simplified(joined)
        if len(converted) == len(joined):
            joined = converted
    return joined


def runs(normalized: str) -> list[str]:
    """The CJK, latin and digit runs of a normalised text."""
    return _RUN.findall(normalized)


def bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def split_pinyin(letters: str) -> list[str] | None:
    """Split a typed pinyin string into syllables (fewest syllables wins, then longest first); None if impossible."""
    n = len(letters)
    if n == 0 or n > 60:
        return None
    # best[i] = (syllable count, negative first-syllable length) for letters[i:]; classic DP over the suffixes.
    inf = (10**9, 0)
    best: list[tuple[int, int]] = [inf] * (n + 1)
    choice = [0] * (n + 1)
    best[n] = (0, 0)
    for i in range(n - 1, -1, -1):
        for length in range(min(_MAX_SYLLABLE, n - i), 0, -1):
            if letters[i : i + length] in PINYIN_SYLLABLES and best[i + length][0] < inf[0]:
                candidate = (best[i + length][0] + 1, -length)
                if candidate < best[i]:
                    best[i] = candidate
                    choice[i] = length
    if best[0][0] >= inf[0]:
        return None
    out = []
    i = 0
    while i < n:
        out.append(letters[i : i + choice[i]])
        i += choice[i]
    return out


@lru_cache(maxsize=65536)
def _pinyin_of_run(run: str) -> tuple[str, ...]:
    return tuple(pinyin.syllables(run))


def pinyin_of(text: str) -> list[str]:
    """Toneless pinyin syllables of the CJK characters of a normalised text, in order."""
    out: list[str] = []
    for run in runs(text):
        if is_cjk(run[0]):
            out.extend(_pinyin_of_run(run))
    return out


def initials_of(syllables: Iterable[str]) -> str:
    # zh/ch/sh type as z/c/s: agents write 账号被盗 as zhbd.
    return "".join(s[0] for s in syllables if s)


def pinyin_sequence(normalized: str) -> list[str]:
    """Syllables of a mixed text: Chinese read as pypinyin reads it, latin runs that split cleanly as typed pinyin."""
    out: list[str] = []
    for run in runs(normalized):
        if is_cjk(run[0]):
            out.extend(_pinyin_of_run(run))
        elif run.isalpha():
            split = split_pinyin(run)
            if split:
                out.extend(split)
    return out


def compact(text: str) -> str:
    """The normalised text without spaces: the form used for exact title, alias and trigger comparison."""
    return normalize(text).replace(" ", "")


# jieba keeps its dictionary as a dict of ~500k words and word prefixes (~58 MB resident). The same table as two
# sorted arrays of 64-bit hashes and frequencies is ~6 MB, answers every lookup alike (checked in the tests: no two
# keys share a hash) and loads from our cache file in milliseconds.
_TABLE_MAGIC = b"kbassist-jieba-table-1\n"


def _word_key(word: str) -> int:
    # Stable across processes (unlike hash()), so the table can be saved; two independent 32-bit checksums.
    data = word.encode("utf-8", "surrogatepass")
    return (zlib.crc32(data) << 32) | zlib.adler32(data)


class CompactFreq:
    """The subset of dict jieba's Tokenizer uses on its FREQ table, backed by sorted hash and frequency arrays."""

    __slots__ = ("keys", "freqs", "extra")

    def __init__(self, keys: array, freqs: array) -> None:
        self.keys = keys
        self.freqs = freqs
        self.extra: dict[str, int] = {}  # words added at run time (add_word), and their prefixes

    def get(self, word: str, default: int | None = None) -> int | None:
        if self.extra:
            found = self.extra.get(word)
            if found is not None:
                return found
        data = word.encode("utf-8", "surrogatepass")
        key = (zlib.crc32(data) << 32) | zlib.adler32(data)
        keys = self.keys
        i = bisect_left(keys, key)
        if i < len(keys) and keys[i] == key:
            return self.freqs[i]
        return default

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get(word) is not None

    def __getitem__(self, word: str) -> int:
        found = self.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __setitem__(self, word: str, freq: int) -> None:
        self.extra[word] = freq

    def __len__(self) -> int:
        return len(self.keys) + len(self.extra)


def build_table(source: Iterable[bytes]) -> tuple[array, array, int]:
    """(sorted keys, frequencies, total) of a jieba dict.txt: words with their frequency, prefixes with 0."""
    packed: list[int] = []
    total = 0
    for line in source:
        parts = line.split(b" ", 2)
        if len(parts) < 2:
            continue
        word = parts[0].decode("utf-8")
        freq = int(parts[1])
        total += freq
        packed.append((_word_key(word) << 32) | freq)
        packed.extend(_word_key(word[:n]) << 32 for n in range(1, len(word)))
    packed.sort()
    keys, freqs = array("Q"), array("I")
    last = -1
    for item in packed:
        key, freq = item >> 32, item & 0xFFFFFFFF
        if key == last:
            freqs[-1] = max(freqs[-1], freq)  # a word that is also another word's prefix keeps its frequency
        else:
            keys.append(key)
            freqs.append(freq)
            last = key
    return keys, freqs, total


def _write_table(path: Path, keys: array, freqs: array, total: int) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        handle.write(_TABLE_MAGIC)
        handle.write(struct.pack("<QQ", total, len(keys)))
        keys.tofile(handle)
        freqs.tofile(handle)
    os.replace(tmp, path)  # a crash never leaves half a table behind


def _read_table(path: Path) -> tuple[array, array, int] | None:
    """The table saved by _write_table, or None when it is missing, damaged or from another format."""
    try:
        with open(path, "rb") as handle:
            if handle.read(len(_TABLE_MAGIC)) != _TABLE_MAGIC:
                return None
            total, count = struct.unpack("<QQ", handle.read(16))
            keys, freqs = array("Q"), array("I")
            keys.fromfile(handle, count)
            freqs.fromfile(handle, count)
            if handle.read(1):
                return None
    except (OSError, EOFError, struct.error, ValueError):
        return None
    if keys.itemsize != 8 or freqs.itemsize != 4:
        return None
    return keys, freqs, total


def _jieba_table(cache_file: Path | None) -> tuple[array, array, int]:
    """jieba's dictionary as a compact table, from cache_file when it holds one, else built (and saved there)."""
    _quiet_jieba()
    import jieba

    if cache_file is not None:
        table = _read_table(cache_file)
        if table is not None:
            log.debug("jieba table read from %s (%d words and prefixes)", cache_file, len(table[0]))
            return table
    start = time.perf_counter()
    with jieba.Tokenizer().get_dict_file() as source:
        table = build_table(source)
    log.debug("jieba table built in %.2f s (%d words and prefixes)", time.perf_counter() - start, len(table[0]))
    if cache_file is not None:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            _write_table(cache_file, *table)
        except OSError as exc:
            log.debug("jieba table not saved (%s); it is built again next time", exc)
    return table


class _Dag(dict):  # type: ignore[type-arg]
    """jieba's DAG (start → possible word ends) plus the frequency of each word in it, for calc."""

    __slots__ = ("freqs",)


def _get_dag(self: Any, sentence: str) -> _Dag:
    """jieba.Tokenizer.get_DAG with one table lookup per fragment (each costs a hash and a search here)."""
    get = self.FREQ.get
    dag = _Dag()
    freqs: dict[tuple[int, int], int] = {}
    n = len(sentence)
    for k in range(n):
        ends = []
        i = k
        frag = sentence[k]
        while i < n:
            freq = get(frag)
            if freq is None:
                break
            if freq:
                ends.append(i)
                freqs[k, i] = freq
            i += 1
            frag = sentence[k : i + 1]
        if not ends:
            ends.append(k)
        dag[k] = ends
    dag.freqs = freqs
    return dag


def _calc(self: Any, sentence: str, dag: _Dag, route: dict[int, tuple[float, int]]) -> None:
    """jieba.Tokenizer.calc reading the frequencies _get_dag found (same arithmetic, so the same routes)."""
    n = len(sentence)
    route[n] = (0, 0)
    logtotal = math.log(self.total)
    freqs = getattr(dag, "freqs", None)
    get = self.FREQ.get
    for idx in range(n - 1, -1, -1):
        route[idx] = max(
            (math.log((freqs.get((idx, x)) if freqs is not None else None) or get(sentence[idx : x + 1]) or 1)
             - logtotal + route[x + 1][0], x)
            for x in dag[idx]
        )


@dataclass
class Segmenter:
    """A jieba tokenizer of our own (never jieba's global one) on a compact table, its cache file in our cache dir."""

    cache_file: Path | None = None
    _tokenizer: object | None = field(default=None, init=False, repr=False)
    _cut: Callable[[str], tuple[str, ...]] | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def load(self) -> None:
        """Load the dictionary once (~1.5 s the first time, milliseconds from the cache file)."""
        if self._tokenizer is not None:
            return
        with self._lock:
            if self._tokenizer is not None:
                return
            _quiet_jieba()
            import jieba

            keys, freqs, total = _jieba_table(self.cache_file)
            tokenizer = jieba.Tokenizer()
            # Filled in directly: initialize() would build jieba's own dict (or look in the system temp dir).
            tokenizer.FREQ, tokenizer.total = CompactFreq(keys, freqs), total
            tokenizer.initialized = True
            # jieba looks each fragment up twice in get_DAG and again in calc; these do it once per sentence.
            tokenizer.get_DAG = MethodType(_get_dag, tokenizer)  # type: ignore[attr-defined]
            tokenizer.calc = MethodType(_calc, tokenizer)  # type: ignore[attr-defined]
            for word in DOMAIN_WORDS:
                tokenizer.add_word(word, freq=20000)

            # The index, the ranker and the initials cut the same titles and aliases; a cut is ~0.1 ms.
            @lru_cache(maxsize=8192)
            def cut(run: str) -> tuple[str, ...]:
                return tuple(w for w in tokenizer.cut_for_search(run, HMM=False) if len(w) >= 2)

            self._cut = cut
            self._tokenizer = tokenizer  # last: load() returns early once it is set

    def words(self, run: str) -> list[str]:
        """jieba search-mode words of a CJK run, two characters or longer (shorter ones are already n-grams)."""
        if self._cut is None:
            self.load()
        assert self._cut is not None
        return list(self._cut(run))


class _ToDebug(logging.Handler):
    """Forwards jieba's chatter to our logger at DEBUG instead of stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        log.debug("jieba: %s", record.getMessage())


_quiet_done = False


def _quiet_jieba() -> None:
    global _quiet_done  # a one-time logging tweak, not state anything reads
    if _quiet_done:
        return
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        # jieba reads its bundled files through pkg_resources when that imports (~7 MB resident, nothing else here
        # needs it) and through plain open() otherwise; the same files either way.
        sys.modules["pkg_resources"] = None  # type: ignore[assignment] - makes `import pkg_resources` fail
        try:
            import jieba  # noqa: F401 - importing jieba installs its stderr handler, which is removed right below
        finally:
            del sys.modules["pkg_resources"]
    import jieba  # noqa: F401,F811

    jieba_log = logging.getLogger("jieba")
    for handler in list(jieba_log.handlers):
        jieba_log.removeHandler(handler)
    jieba_log.addHandler(_ToDebug())
    jieba_log.propagate = False
    jieba_log.setLevel(logging.DEBUG)
    _quiet_done = True



def text_tokens(
    segmenter: Segmenter, text: str, *, keep_long_digits: bool = True, unigrams: bool = True, words: bool = True
) -> list[str]:
    """Index/query tokens of free text: jieba words, CJK uni+bigrams, latin words, digit runs."""
    tokens: list[str] = []
    for run in runs(normalize(text)):
        first = run[0]
        if is_cjk(first):
            if unigrams or len(run) == 1:
                tokens.extend(run)
            tokens.extend(bigrams(run))
            if words and len(run) >= 3:
                tokens.extend(segmenter.words(run))
        elif first.isdigit():
            if keep_long_digits or len(run) < LONG_DIGITS:
                tokens.append(run)
        else:
            tokens.append(run)
    return tokens


def id_words(entry_id: str) -> list[str]:
    """card-not-received → card, not, received."""
    return _LATIN_WORD.findall(entry_id.lower())


def pinyin_tokens(text: str) -> list[str]:
    """Syllables and syllable bigrams (ka, mi, ka_mi) of a title, alias or tag: homophone-proof matching."""
    syl = pinyin_of(normalize(text))
    tokens = list(syl)
    tokens.extend(f"{a}_{b}" for a, b in zip(syl, syl[1:]))
    return tokens


def initials_tokens(segmenter: Segmenter, text: str) -> list[str]:
    """Initials of a title or alias, their prefixes of 2+ letters, and the initials of each of its words
    (卡密兑换教程 → kmdhjc, km, kmd, …, dh, jc), so typed initials find entries in any word order."""
    normalized = normalize(text)
    ini = initials_of(pinyin_of(normalized))
    out = [ini[:j] for j in range(2, len(ini) + 1)]
    for run in runs(normalized):
        if is_cjk(run[0]) and len(run) >= 3:
            for word in segmenter.words(run):
                out.append(initials_of(_pinyin_of_run(word)))
    return out


# --- query side: regional variants and English -----------------------------------------------------------------------

# Regional (Taiwan/Hong Kong) words that zhconv's character conversion leaves as valid but different simplified
# words: 儲值 becomes 储值, not the 充值 the KB uses. Applied to queries only, after normalize().
VARIANT_WORDS: dict[str, str] = {
    "储值": "充值", "代储": "代充", "简讯": "短信", "讯息": "消息", "登入": "登录", "影片": "视频", "序号": "卡号",
    "门号": "手机号", "帐密": "账号密码", "退费": "退款", "点数": "点券", "客服人员": "客服", "贩售": "出售",
    "网银": "网上银行", "帐": "账",
    # Colloquial and internet spellings of question words: 啥时候发 is 什么时候发货.
    "为啥": "为什么", "啥": "什么", "咋": "怎么", "肿么": "怎么", "神马": "什么", "木有": "没有", "没得": "没有",
}
_VARIANT_RE = re.compile("|".join(sorted(VARIANT_WORDS, key=len, reverse=True)))

# English words and phrases customers and agents type, mapped to the wording the KB uses. An editorial resource:
# the KB is written in Chinese and has few English aliases, so an English query would otherwise match only ids.
# Keys are lower case, whole words; longer phrases win over their words.
ENGLISH_TERMS: dict[str, str] = {
    "top up": "充值", "topped up": "充值", "topup": "充值", "recharge": "充值", "reload": "充值",
    "refund": "退款", "refunds": "退款", "refunded": "退款", "money back": "退款", "chargeback": "退款",
    "invoice": "发票", "receipt": "发票", "tax": "发票",
    "password": "密码", "forgot": "忘记", "forget": "忘记", "reset": "重置", "login": "登录", "log in": "登录",
    "stolen": "被盗", "hacked": "被盗", "hack": "被盗", "account": "账号",
    "card code": "卡密", "code": "卡密", "codes": "卡密", "pin": "卡密", "key": "卡密", "card": "卡",
    "redeem": "兑换", "redeemed": "兑换", "activate": "激活", "used": "已使用", "already": "已经",
    "not received": "没收到", "never received": "没收到", "didn t receive": "没收到", "missing": "没到账",
    "not arrived": "没到账", "not credited": "没到账", "delay": "延迟", "delayed": "延迟",
    "order": "订单", "stuck": "卡住", "pending": "处理中", "processing": "处理中",
    "payment": "付款", "pay": "付款", "paid": "已付款", "unpaid": "未支付", "failed": "失败", "fail": "失败",
    "declined": "失败", "charge": "扣款", "charged": "扣款", "double": "两次", "twice": "两次",
    "duplicate": "重复",
    "expired": "过期", "expire": "过期", "expiry": "有效期", "invalid": "无效", "wrong": "错",
    "value": "面值", "denomination": "面值", "amount": "金额",
    "phone": "手机", "mobile": "手机", "phone number": "手机号", "change phone": "换绑手机", "bind": "绑定",
    "phone bill": "话费", "data": "流量",
    "coupon": "优惠券", "voucher": "优惠券", "discount": "折扣", "points": "积分", "price": "价格",
    "dropped": "降价", "cheaper": "降价", "price drop": "降价",
    "out of stock": "缺货", "sold out": "缺货", "stock": "库存", "restock": "补货",
    "withdraw": "提现", "withdrawal": "提现", "cash out": "提现", "balance": "余额",
    "cancel": "取消", "auto renew": "自动续费", "auto renewal": "自动续费", "renewal": "续费",
    "subscription": "自动续费", "membership": "会员", "member": "会员", "vip": "会员", "video": "视频",
    "delivery": "发货", "deliver": "发货", "ship": "发货", "shipping": "发货", "how long": "多久",
    "complaint": "投诉", "complain": "投诉", "angry": "生气", "upset": "生气", "swearing": "辱骂",
    "abusive": "辱骂", "insult": "辱骂", "manager": "主管", "supervisor": "主管", "escalate": "升级",
    "reseller": "代理", "agent": "代理", "dealer": "代理", "substation": "分站", "wholesale": "批发",
    "bulk": "批量", "real name": "实名", "verification": "认证", "verify": "认证", "id card": "身份证",
    "frozen": "冻结", "freeze": "冻结", "blocked": "拦截", "risk": "风控", "review": "复核",
    "server": "区服", "region": "区服", "game": "游戏", "shutdown": "停服", "shut down": "停服",
    "working hours": "上班时间", "hours": "时间", "customer service": "客服",
    "where": "在哪", "how to": "怎么", "how do i": "怎么", "hello": "你好", "thanks": "谢谢", "thank you": "谢谢", "q coins": "q币", "q coin": "q币", "qcoin": "q币",
}
# Words of English phrases that cannot be typed pinyin ("sold", "out"; not "you" or "long").
_ENGLISH_PHRASE_WORDS = frozenset(w for k in ENGLISH_TERMS if " " in k for w in k.split() if split_pinyin(w) is None)
_ENGLISH_RE = re.compile(
    r"\b(?:%s)\b" % "|".join(re.escape(k) for k in sorted(ENGLISH_TERMS, key=len, reverse=True))
)
# English function words: never read as typed pinyin or initials (can, a, he… are also syllables).
ENGLISH_STOP = frozenset(
    "a an the i my me is are was it to of for on in at by with and or but not no can could get got how what when "
    "why who do does did have has had be been please help this that there your you our we they".split()
)


def apply_variants(normalized: str) -> str:
    """A normalised query with regional words replaced by the KB's mainland wording (储值 → 充值)."""
    return _VARIANT_RE.sub(lambda m: VARIANT_WORDS[m.group(0)], normalized) if normalized else normalized


def english_terms(normalized: str) -> list[str]:
    """The KB's Chinese wording of the English words and phrases in a normalised query, in order."""
    if not normalized or not any("a" <= c <= "z" for c in normalized):
        return []
    return [ENGLISH_TERMS[m.group(0)] for m in _ENGLISH_RE.finditer(normalized)]


def english_words(normalized: str) -> set[str]:
    """Latin words of a query that are English (function words or mapped terms), not typed pinyin."""
    words = set(_LATIN_WORD.findall(normalized))
    terms = {w for w in words if w in ENGLISH_TERMS or (" " in normalized and w in _ENGLISH_PHRASE_WORDS)}
    # Function words are English only in an English query: "an quan" or "zen me" is typed pinyin.
    if terms or any(split_pinyin(w) is None for w in words if len(w) > 1):
        terms.update(w for w in words if w in ENGLISH_STOP)
    return terms


def translate_english(normalized: str) -> str:
    """A normalised query with its English words and phrases replaced by the KB's Chinese wording, in place."""
    if not normalized or not any("a" <= c <= "z" for c in normalized):
        return normalized
    return _ENGLISH_RE.sub(lambda m: ENGLISH_TERMS[m.group(0)], normalized)


# Customers' everyday words for things the KB names differently. Unlike VARIANT_WORDS these are added next to the
# query's own words, not in their place (退钱 also stays 退钱). An editorial resource: extend it when agents see a
# common wording miss; keep it to true equivalents in this trade, not to fixes for single queries.
DOMAIN_SYNONYMS: dict[str, str] = {
    "退钱": "退款", "扣钱": "扣款", "扣费": "扣款", "盗号": "被盗", "服务器": "区服", "骂人": "辱骂", "脏话": "辱骂",
    "便宜": "优惠", "审核": "复核", "加盟": "代理", "拿货": "批发", "秒到": "到账", "到货": "到账",
}
_SYNONYM_RE = re.compile("|".join(sorted(DOMAIN_SYNONYMS, key=len, reverse=True)))


def synonym_terms(normalized: str) -> list[str]:
    """The KB's words for the everyday words in a normalised query (退钱 → 退款), in order, without repeats."""
    if not normalized:
        return []
    return list(dict.fromkeys(DOMAIN_SYNONYMS[m.group(0)] for m in _SYNONYM_RE.finditer(normalized)))
