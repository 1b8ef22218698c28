"""Chinese-aware text analysis: normalisation, jieba words, character n-grams, pinyin and initials."""

from __future__ import annotations

import logging
import os
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import zhconv

# pypinyin reads these when it is first imported: without them it keeps its 47k-phrase dictionary (twice, as a copy)
# and ~50 MB stay resident. The phrases that change a toneless reading are loaded back right below.
os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
import pypinyin  # noqa: E402 - must follow the environment set just above
from pypinyin import Style, lazy_pinyin  # noqa: E402

from kbassist.core import pinyin_phrases  # noqa: E402

log = logging.getLogger("kbassist.index")


def _load_pinyin_phrases() -> None:
    # Only when pypinyin came up without its phrases (it may have been imported before this module with them).
    if "重复" not in pypinyin.constants.PHRASES_DICT:
        pypinyin.load_phrases_dict(pinyin_phrases.phrases())


_load_pinyin_phrases()

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
        text = zhconv.convert(text, "zh-cn")
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
        converted = zhconv.convert(joined, "zh-cn")
        if len(converted) == len(joined):
            joined = converted
    return joined


def runs(normalized: str) -> list[str]:
    """The CJK, latin and digit runs of a normalised text."""
    return _RUN.findall(normalized)


def char_ngrams(run: str) -> list[str]:
    """Unigrams and bigrams of one CJK run (segmenters disagree on 未到账 vs 到账; n-grams do not)."""
    grams = list(run)
    grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return grams


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
    return tuple(lazy_pinyin(run, style=Style.NORMAL, v_to_u=False, errors="ignore"))


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
    """Syllables of a mixed text: Chinese through pypinyin, latin runs that split cleanly as typed pinyin."""
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


# jieba's dictionary keeps 349k words (with their prefixes, ~70 MB in memory); words below this frequency are rare
# names and idioms our KBs do not use. Single characters stay: they steer jieba's route through a sentence.
JIEBA_MIN_FREQ = 20
# Names the word list the index was built with (part of the index's version stamp).
DICTIONARY_TAG = f"jieba-min{JIEBA_MIN_FREQ}"


def _trimmed_dictionary(source: Iterable[bytes]) -> Iterable[bytes]:
    """The lines of jieba's dict.txt worth keeping: single characters and words of JIEBA_MIN_FREQ or more."""
    for line in source:
        parts = line.split(b" ", 2)
        if len(parts) < 2:
            continue
        try:
            freq = int(parts[1])
        except ValueError:
            continue
        if freq >= JIEBA_MIN_FREQ or len(parts[0].decode("utf-8", "replace")) == 1:
            yield parts[0] + b" " + parts[1].strip() + b"\n"


def write_trimmed_dictionary(target: Path) -> Path:
    """Write the trimmed word list to target (atomically: a crash never leaves half a dictionary)."""
    import jieba

    tmp = target.with_name(target.name + ".tmp")
    with jieba.Tokenizer().get_dict_file() as source, open(tmp, "wb") as out:
        out.writelines(_trimmed_dictionary(source))
    os.replace(tmp, target)
    return target


@dataclass
class Segmenter:
    """A jieba tokenizer of our own (never jieba's global one) on a trimmed dictionary, its files in our cache dir."""

    cache_file: Path | None = None
    _tokenizer: object | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def dictionary_file(self) -> Path | None:
        """The trimmed dictionary beside the cache file (made on first load, made again when missing)."""
        if self.cache_file is None:
            return None
        import jieba

        return self.cache_file.parent / f"jieba-{jieba.__version__}-min{JIEBA_MIN_FREQ}.dict.txt"

    def load(self) -> None:
        """Load the dictionary once (~0.3 s cold, ~0.1 s from the cache file)."""
        if self._tokenizer is not None:
            return
        with self._lock:
            if self._tokenizer is not None:
                return
            _quiet_jieba()  # before initialize(): that is where jieba writes to stderr
            tokenizer = self._from_files() if self.cache_file is not None else None
            if tokenizer is None:
                tokenizer = self._in_memory()
            for word in DOMAIN_WORDS:
                tokenizer.add_word(word, freq=20000)
            self._tokenizer = tokenizer

    def _from_files(self) -> object | None:
        """A tokenizer on the trimmed dictionary file, with jieba's cache file beside it; None if not writable."""
        import jieba

        assert self.cache_file is not None
        dictionary = self.dictionary_file
        assert dictionary is not None
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            if not dictionary.is_file():
                write_trimmed_dictionary(dictionary)
        except OSError as exc:
            log.debug("jieba cache folder not usable (%s); building the dictionary in memory", exc)
            return None
        tokenizer = jieba.Tokenizer(dictionary=str(dictionary))
        # jieba joins tmp_dir and cache_file; both set so it never falls back to the system temp dir. It rebuilds
        # the cache when the dictionary file is newer, so a re-made dictionary never meets a stale cache.
        tokenizer.tmp_dir = str(self.cache_file.parent)
        tokenizer.cache_file = self.cache_file.name
        tokenizer.initialize()
        return tokenizer

    @staticmethod
    def _in_memory() -> object:
        """A tokenizer on the trimmed dictionary without touching the disk (no cache folder to use)."""
        import io

        import jieba

        tokenizer = jieba.Tokenizer()
        with tokenizer.get_dict_file() as source:
            trimmed = io.BytesIO(b"".join(_trimmed_dictionary(source)))
        tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(trimmed)
        tokenizer.initialized = True
        return tokenizer

    def words(self, run: str) -> list[str]:
        """jieba search-mode words of a CJK run, two characters or longer (shorter ones are already n-grams)."""
        if self._tokenizer is None:
            self.load()
        assert self._tokenizer is not None
        return [w for w in self._tokenizer.cut_for_search(run, HMM=False) if len(w) >= 2]  # type: ignore[attr-defined]


class _ToDebug(logging.Handler):
    """Forwards jieba's chatter to our logger at DEBUG instead of stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        log.debug("jieba: %s", record.getMessage())


_quiet_done = False


def _quiet_jieba() -> None:
    global _quiet_done  # a one-time logging tweak, not state anything reads
    if _quiet_done:
        return
    import jieba  # noqa: F401 - importing jieba installs its stderr handler, which is removed right below

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
    "hello": "你好", "thanks": "谢谢", "thank you": "谢谢", "q coins": "q币", "q coin": "q币", "qcoin": "q币",
}
_ENGLISH_RE = re.compile(
    r"\b(?:%s)\b" % "|".join(re.escape(k) for k in sorted(ENGLISH_TERMS, key=len, reverse=True))
)
# English function words: never read as typed pinyin or initials (can, a, he… are also syllables).
ENGLISH_STOP = frozenset(
    "a an the i my me is are was it to of for on in at by with and or but not no can could get got how what when "
    "where why who do does did have has had be been please help this that there your you our we they".split()
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
    return {w for w in words if w in ENGLISH_STOP or w in ENGLISH_TERMS}


def translate_english(normalized: str) -> str:
    """A normalised query with its English words and phrases replaced by the KB's Chinese wording, in place."""
    if not normalized or not any("a" <= c <= "z" for c in normalized):
        return normalized
    return _ENGLISH_RE.sub(lambda m: ENGLISH_TERMS[m.group(0)], normalized)
