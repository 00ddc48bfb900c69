"""Which legacy encoding reads a file's bytes as text in one language.

Every candidate decoding of the bytes is scored by how plausible its words
are: the letters beyond ASCII should belong to one language's alphabet, that
language's common words should appear, and no word should change case in its
middle ("cafÈ"), carry a symbol between its letters ("Stra§e"), mix scripts
("cafй") or hold a control character. Each language is tried for each
decoding and the best pair wins; the cost of a decoding is

    the encoding's prior + anomalies + words whose letters fit no one language
    + min over languages (letters foreign to it, rare ones at half
                          - WORD_WEIGHT * its common words
                          + AWAY if the language is seldom written in the encoding)

so a decoding that reads as French, say, beats one that reads as nothing, and
English read as Windows-1252 beats the same letters read as Windows-1250.
Only the words with non-ASCII bytes are decoded (those of a sample, for a big
file), and each distinct word once: a megabyte is scored in a few hundredths of a second.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from math import sqrt

from .alphabets import UNSPACED, languages

# Single-byte candidates, most common first: ties go to the earlier one.
SINGLE_BYTE = (
    "cp1252",
    "iso8859-15",
    "iso8859-1",
    "cp1250",
    "iso8859-2",
    "cp1251",
    "koi8-r",
    "koi8-u",
    "iso8859-5",
    "cp866",
    "cp1253",
    "iso8859-7",
    "cp1254",
    "cp1257",
    "iso8859-13",
    "mac-roman",
)
MIXED = "utf-8+cp1252"  # UTF-8 with pieces of Windows-1252 pasted in
# What a decoding costs before it is seen: a rarer encoding needs more evidence.
PRIORS = {
    "cp1252": 0.0,
    "iso8859-15": 0.0,
    "iso8859-1": 0.0,
    "cp1250": 0.25,
    "iso8859-2": 0.25,
    "cp1251": 0.25,
    "koi8-r": 0.5,
    "koi8-u": 0.5,
    "iso8859-5": 0.75,
    "cp866": 0.5,
    "cp1253": 0.25,
    "iso8859-7": 0.25,
    "cp1254": 0.5,
    "cp1257": 0.5,
    "iso8859-13": 0.5,
    "mac-roman": 0.75,
    MIXED: 0.0,
}
PROPOSED_PRIOR = 0.5
# Taken from charset-normalizer's proposals only (multi-byte, or scripts scored by script alone).
PROPOSED = {
    "shift_jis": "shift_jis",
    "cp932": "cp932",
    "euc_jp": "euc_jp",
    "euc_jis_2004": "euc_jis_2004",
    "euc_jisx0213": "euc_jis_2004",
    "shift_jis_2004": "shift_jis_2004",
    "shift_jisx0213": "shift_jis_2004",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "big5": "big5",
    "big5hkscs": "big5hkscs",
    "cp950": "cp950",
    "euc_kr": "euc_kr",
    "cp949": "cp949",
    "cp1255": "cp1255",
    "iso8859-8": "iso8859-8",
    "cp1256": "cp1256",
    "iso8859-6": "iso8859-6",
    "tis-620": "cp874",
    "cp874": "cp874",
}
LABELS = {
    "cp1252": "Windows-1252 (Western European)",
    "iso8859-15": "ISO-8859-15 (Western European)",
    "iso8859-1": "ISO-8859-1 (Western European)",
    "cp1250": "Windows-1250 (Central European)",
    "iso8859-2": "ISO-8859-2 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "koi8-r": "KOI8-R (Russian)",
    "koi8-u": "KOI8-U (Ukrainian)",
    "iso8859-5": "ISO-8859-5 (Cyrillic)",
    "cp866": "DOS 866 (Cyrillic)",
    "cp1253": "Windows-1253 (Greek)",
    "iso8859-7": "ISO-8859-7 (Greek)",
    "cp1254": "Windows-1254 (Turkish)",
    "cp1257": "Windows-1257 (Baltic)",
    "iso8859-13": "ISO-8859-13 (Baltic)",
    "mac-roman": "Mac OS Roman (Western European)",
    "shift_jis": "Shift JIS (Japanese)",
    "cp932": "Shift JIS (Japanese)",
    "euc_jp": "EUC-JP (Japanese)",
    "euc_jis_2004": "EUC-JP (Japanese)",
    "shift_jis_2004": "Shift JIS (Japanese)",
    "gb18030": "GB18030 (Simplified Chinese)",
    "big5": "Big5 (Traditional Chinese)",
    "big5hkscs": "Big5-HKSCS (Traditional Chinese)",
    "cp950": "Big5 (Traditional Chinese)",
    "euc_kr": "EUC-KR (Korean)",
    "cp949": "EUC-KR (Korean)",
    "cp1255": "Windows-1255 (Hebrew)",
    "iso8859-8": "ISO-8859-8 (Hebrew)",
    "cp1256": "Windows-1256 (Arabic)",
    "iso8859-6": "ISO-8859-6 (Arabic)",
    "cp874": "Windows-874 (Thai)",
}

LABELS[MIXED] = "UTF-8 with parts in Windows-1252"
WORD_WEIGHT = 0.5  # a common word of a language against one letter foreign to it
AWAY = 0.75  # reading a language in an encoding it is seldom written in
RARE_LETTER = 0.5  # a letter a language has only in loanwords, against a foreign one
# Rare letters in every Cyrillic language (about 5% of Russian text), and the share above
# which each costs as much as an anomaly: a Cyrillic decoding of the wrong code page
# turns frequent letters into rare ones while keeping to the alphabet.
_RARE_CYRILLIC = frozenset("южхшцщфэъёџђѕ")
_CYRILLIC = frozenset("абвгдежзийклмнопрстуфхцчшщъыьэюяёђѓєѕіїјљњћќўџґ")
RARE_CYRILLIC_SHARE = 0.12
SAMPLE_BYTES = 32768  # scored from the start of a file...
MIN_SAMPLE_WORDS = 200  # ...plus words with non-ASCII bytes from the rest, if it has fewer
MAX_WORDS = 4000  # words with non-ASCII bytes scored at most
MAX_WORD_BYTES, MAX_LONG_WORDS = 2048, 4  # of longer ones, the start of the first few

LANGUAGES = languages(extra_home=MIXED)
_ALL_LANGUAGES = (1 << len(LANGUAGES)) - 1
_LETTER_LANGUAGES: dict[str, int] = {}  # a letter's key: the languages it belongs to, as bits
for _index, _language in enumerate(LANGUAGES):
    for _letter in _language.letters:
        _LETTER_LANGUAGES[_letter] = _LETTER_LANGUAGES.get(_letter, 0) | 1 << _index
_WORD_LANGUAGES: dict[str, tuple[int, ...]] = {}
for _index, _language in enumerate(LANGUAGES):
    for _word in _language.words:
        _WORD_LANGUAGES[_word] = (*_WORD_LANGUAGES.get(_word, ()), _index)

# What a character is, for scoring. Punctuation that may touch letters anywhere:
_PUNCTUATION = frozenset("“”‘’„‚«»‹›–—―…•·¡¿\u00a0\u00ad′″")
# Symbols of ordinary text, odd when glued to a letter ("25°", "€5", "½", but not "Stra§e"),
# but for these after one ("m²", "N°", "nº", "Acme™") and these before one ("µg", "€uro"):
_MILD = frozenset("°€£¥¢©®™§±×÷½¼¾¹²³ªºµ‰†‡")
_AFTER_LETTER = frozenset("©®™°¹²³ªº")
_INDICES = frozenset("ªº¹²³")  # only after a letter or digit: "nº", "1º", "m²"
_NOT_IN_WORDS = frozenset("“”„‚«»‹›¡¿•…")  # punctuation never between two letters
_BEFORE_LETTER = frozenset("µ€£°")
LETTER, DIGIT, SPACE, PUNCT, MILD, ODD, JUNK, MARK = range(8)
_SCRIPTS = {
    "LATIN": "latin",
    "GREEK": "greek",
    "CYRILLIC": "cyrillic",
    "CJK": "han",
    "IDEOGRAPHIC": "han",
    "HIRAGANA": "kana",
    "KATAKANA": "kana",
    "KATAKANA-HIRAGANA": "kana",
    "HANGUL": "hangul",
    "FULLWIDTH": "fullwidth",
    "HEBREW": "hebrew",
    "ARABIC": "arabic",
    "THAI": "thai",
}
_CJK = frozenset({"han", "kana", "hangul", "fullwidth", "halfwidth"})  # may mix in a word


@dataclass(frozen=True, slots=True)
class _Char:
    kind: int
    key: str = ""  # a letter: its lower case (Latin, Greek, Cyrillic) or its script
    script: str = ""
    upper: bool = False
    lower: bool = False


_chars: dict[str, _Char] = {}


def _char(ch: str) -> _Char:
    known = _chars.get(ch)
    if known is None:
        known = _chars[ch] = _classify(ch)
    return known


def _classify(ch: str) -> _Char:
    if ch in _PUNCTUATION:
        return _Char(PUNCT)
    if ch in _MILD:
        return _Char(MILD)
    category = unicodedata.category(ch)
    if category[0] == "L":
        words = unicodedata.name(ch, "?").split()
        script = _SCRIPTS.get(words[0], words[0].lower())
        lower = ch.lower()
        if script in ("latin", "greek", "cyrillic"):
            key = lower if len(lower) == 1 else ch
        else:
            key = script
        return _Char(LETTER, key, script, ch.isupper(), ch.islower())
    if category[0] == "M":  # a combining mark: Arabic and Hebrew vowel signs, Thai vowels
        words = unicodedata.name(ch, "?").split()
        return _Char(MARK, script=_SCRIPTS.get(words[0], words[0].lower()))
    if category == "Nd":
        return _Char(DIGIT)
    if category in ("Cc", "Cn", "Co", "Cs") or ch == "\ufffd":  # U+0085 too, a "space"
        return _Char(JUNK)
    if category == "Zs" or ch.isspace():
        return _Char(SPACE)
    if 0x3000 <= ord(ch) <= 0x303F or 0xFF01 <= ord(ch) <= 0xFF65:
        return _Char(PUNCT, script="cjk")  # CJK punctuation
    if category[0] == "P" and (0x370 <= ord(ch) < 0x700 or 0x2010 <= ord(ch) < 0x2028):
        return _Char(PUNCT)  # Greek, Hebrew and Arabic punctuation, dashes and dots
    return _Char(ODD)


_ASCII_OTHER = _Char(PUNCT)
_ASCII_DIGIT = _Char(DIGIT)


def _ascii(ch: str) -> _Char:
    if ch.isalpha():
        return _Char(LETTER, "", "latin", ch.isupper(), ch.islower())
    return _ASCII_DIGIT if ch.isdigit() else _ASCII_OTHER


for _code in range(128):
    _chars[chr(_code)] = _ascii(chr(_code))


_FREQUENT = frozenset(
    ch for language in LANGUAGES if language.letters & UNSPACED for ch in language.words
)


@dataclass
class _Tally:
    """What one decoding of the sample's words looks like."""

    anomalies: float = 0.0
    misfits: int = 0  # words whose letters belong to no one language
    chars: int = 0  # beyond ASCII
    letters: Counter[str] = field(default_factory=Counter)  # keys of letters beyond ASCII
    words: Counter[str] = field(default_factory=Counter)  # lower-case words with such letters
    frequent: Counter[str] = field(default_factory=Counter)  # characters of unspaced scripts


def _family(script: str) -> str:
    return "cjk" if script in _CJK else script


def _scan(token: str, count: int, tally: _Tally) -> None:
    """Add one word (as split at ASCII white space) of the decoded sample to ``tally``."""
    infos = [_char(ch) for ch in token]
    if any(info.kind == MARK for info in infos):  # marks on letters belong to them
        kept = [i for i, info in enumerate(infos) if not _marks_letter(infos, i)]
        token = "".join(token[i] for i in kept)
        infos = [infos[i] for i in kept]
    bad = 0.0
    run_start = -1
    cjk = any(_family(info.script) == "cjk" for info in infos if info.kind == LETTER)
    for index, info in enumerate(infos):
        ch = token[index]
        if ord(ch) >= 128:
            tally.chars += count
            if info.kind == LETTER:
                tally.letters[info.key] += count
                if info.script in UNSPACED and ch in _FREQUENT:
                    tally.frequent[ch] += count
        kind = info.kind
        if kind == LETTER:
            if run_start < 0:
                run_start = index
            continue
        if run_start >= 0:
            bad += _run(token, infos, run_start, index, count, tally)
            run_start = -1
        if kind == JUNK:
            bad += 5
        elif kind == MARK:  # on no letter of its script: "apliecinâjuًas"
            bad += 2
        elif kind == ODD:
            touching = _is_letter(infos, index - 1) or _is_letter(infos, index + 1)
            bad += 2 if touching else 1
        elif kind == MILD:  # "Stra§e", "S°ren", "ºi", "sar‡", "º mile"
            before, after = _is_letter(infos, index - 1), _is_letter(infos, index + 1)
            bad += before and (after or ch not in _AFTER_LETTER)
            bad += after and (before or ch not in _BEFORE_LETTER)
            bad += ch in _INDICES and not (before or _is_digit(infos, index - 1))
        elif kind == PUNCT:
            before, after = _is_letter(infos, index - 1), _is_letter(infos, index + 1)
            if info.script == "cjk" and not cjk:  # "｣5" for "£5"
                bad += 2 if before or after else 1
            bad += before and after and ch in _NOT_IN_WORDS  # "S„o" for "São"
            bad += ch == "’" and index == 0 and after  # "’θήνα" for "Αθήνα"
            bad += ch == "·" and (before or after) and token[index - 1 : index + 2].lower() != "l·l"
            bad += ch == "\u00a0" and before and after  # "f\xa0rdern"
    if run_start >= 0:
        bad += _run(token, infos, run_start, len(infos), count, tally)
    tally.anomalies += bad * count


def _marks_letter(infos: list[_Char], index: int) -> bool:
    """A combining mark following a letter of its script (or another such mark)."""
    mark = infos[index]
    while index > 0 and infos[index].kind == MARK:
        index -= 1
        if infos[index].kind == LETTER:
            return mark.script in (infos[index].script, "combining")
    return False


def _lone_cjk(infos: list[_Char], index: int, start: int, end: int) -> bool:
    """A CJK letter between letters of a Latin word, beside no other CJK one."""
    neighbours = [infos[i] for i in (index - 1, index + 1) if start <= i < end]
    return not any(_family(info.script) == "cjk" for info in neighbours)


def _is_letter(infos: list[_Char], index: int) -> bool:
    return 0 <= index < len(infos) and infos[index].kind == LETTER


def _is_digit(infos: list[_Char], index: int) -> bool:
    return 0 <= index < len(infos) and infos[index].kind == DIGIT


def _run(token: str, infos: list[_Char], start: int, end: int, count: int, tally: _Tally) -> float:
    """Anomalies of the letters ``token[start:end]``; records the run as a word."""
    bad = 0.0
    beyond = 0
    for index in range(start, end):
        wide = ord(token[index]) >= 128
        beyond += wide
        if index == start or not (wide or ord(token[index - 1]) >= 128):
            continue
        info, before = infos[index], infos[index - 1]
        capital_inside = info.upper and wide and index + 1 < end and infos[index + 1].lower
        if (before.lower and info.upper) or capital_inside:  # "cafÈ", "оПИБЕР", "DÈclaration"
            bad += 2
        families = {_family(before.script), _family(info.script)}
        ascii_beside = not wide or ord(token[index - 1]) < 128  # "USBメモリ" is ordinary
        if len(families) > 1 and not (families == {"latin", "cjk"} and ascii_beside):
            bad += 2
        if _family(info.script) == "cjk" and _lone_cjk(infos, index, start, end):
            bad += 2  # "m塄s", "塄gstr塄" for "más", "Ångström"
        if token[index - 1] == "ς":  # final sigma inside a word
            bad += 1
    between_digits = start > 0 and end < len(infos) and end - start == 1
    if between_digits and infos[start - 1].kind == infos[end].kind == DIGIT and beyond:
        bad += 1  # "2010ñ2012"
    script = infos[start].script
    if script not in UNSPACED:
        tally.words[token[start:end].lower()] += count
    if beyond:
        languages = _ALL_LANGUAGES
        for index in range(start, end):
            if ord(token[index]) >= 128:
                languages &= _LETTER_LANGUAGES.get(infos[index].key, 0)
        if not languages:  # "jeątě": "ą" is Polish, "ě" Czech
            tally.misfits += count
    if script == "latin" and beyond >= 4 and 3 * beyond > 2 * (end - start):
        bad += 1  # a Latin word made mostly of accented letters
    return bad


@dataclass(frozen=True)
class Decoding:
    encoding: str  # a Python codec name
    cost: float
    language: str  # the language it reads best as
    anomalies: float
    chars: int  # scored characters beyond ASCII
    sample: tuple[str, ...]  # the decoded words, to tell apart decodings that read alike

    @property
    def label(self) -> str:
        return label(self.encoding)


def label(encoding: str) -> str:
    """A person's name for ``encoding``: "Windows-1250 (Central European)"."""
    try:
        normal = codecs.lookup(encoding).name
    except LookupError:
        normal = encoding
    return LABELS.get(PROPOSED.get(normal, normal), encoding.upper())


@dataclass(frozen=True)
class _Sample:
    words: Counter[bytes]  # words with bytes beyond ASCII, as split at ASCII white space
    hits: tuple[float, ...]  # common words in ASCII, per language
    # Words cut short (the sample's last, or a long line of text without spaces), which may
    # end inside a character.
    partial: tuple[bytes, ...] = ()


_NON_ASCII_WORD = re.compile(rb"(?<!\S)[^\s\x80-\xff]*+[\x80-\xff]\S*")
_ASCII_WORD = re.compile(rb"[a-z]+")


def sample_of(data: bytes) -> _Sample:
    """The words of ``data`` that decide its encoding: its start's, and others beyond ASCII."""
    head = data[:SAMPLE_BYTES]
    cut = max(head.rfind(b" "), head.rfind(b"\n"))
    if len(data) > SAMPLE_BYTES and cut > 0:
        head = head[:cut]
    tokens = Counter(head.split())
    words = Counter({token: n for token, n in tokens.items() if not token.isascii()})
    if sum(words.values()) < MIN_SAMPLE_WORDS and len(head) < len(data):
        rest = _NON_ASCII_WORD.finditer(data, len(head))
        words.update(match.group() for match in islice(rest, MAX_WORDS))
    if len(words) > MAX_WORDS:
        words = Counter(dict(islice(words.items(), MAX_WORDS)))
    long = [token for token in words if len(token) > MAX_WORD_BYTES]
    for token in long:  # Chinese or Japanese: each line is one "word"
        del words[token]
    partial = tuple(token[:MAX_WORD_BYTES] for token in long[:MAX_LONG_WORDS])
    hits = [0.0] * len(LANGUAGES)
    for token, n in tokens.items():
        if token.isascii():
            for word in _ASCII_WORD.findall(token.lower()):
                for index in _WORD_LANGUAGES.get(word.decode(), ()):
                    hits[index] += n
    return _Sample(words, tuple(hits), partial)


def score(sample: _Sample, encoding: str) -> Decoding | None:
    """How plausible ``encoding`` makes the sample; None if it cannot decode it."""
    tally = _Tally()
    decoded = []
    for token, count in sample.words.items():
        try:
            text = decode(token, encoding)
        except UnicodeDecodeError:
            return None
        decoded.append(text)
        _scan(text, count, tally)
    for token in sample.partial:
        try:
            text = _decode_start(token, encoding)
        except UnicodeDecodeError:
            return None
        decoded.append(text)
        _scan(text, 1, tally)
    hits = list(sample.hits)
    for word, count in tally.words.items():
        for index in _WORD_LANGUAGES.get(word, ()):
            hits[index] += count
    for ch, count in tally.frequent.items():
        for index in _WORD_LANGUAGES.get(ch, ()):
            hits[index] += count
    singles = {w: n for w, n in tally.words.items() if len(w) == 1 and not w.isascii()}
    cyrillic = sum(n for key, n in tally.letters.items() if key in _CYRILLIC)
    rare = sum(n for key, n in tally.letters.items() if key in _RARE_CYRILLIC)
    unlikely = max(0.0, rare - RARE_CYRILLIC_SHARE * cyrillic)  # "смхбепгюкмю", all caps in KOI8
    best, language = float("inf"), ""
    for index, lang in enumerate(LANGUAGES):
        foreign = 0.0
        for key, n in tally.letters.items():
            if key not in lang.letters:
                foreign += sqrt(n)
            elif key in lang.rare:
                foreign += RARE_LETTER * sqrt(n)
        foreign += sum(n for w, n in singles.items() if w not in lang.words)
        cost = foreign - WORD_WEIGHT * hits[index] + (encoding not in lang.home) * AWAY
        if cost < best:
            best, language = cost, lang.name
    return Decoding(
        encoding,
        tally.anomalies + tally.misfits + unlikely + best + PRIORS.get(encoding, PROPOSED_PRIOR),
        language,
        tally.anomalies,
        tally.chars,
        tuple(decoded),
    )


def decode(data: bytes, encoding: str) -> str:
    """``data`` decoded strictly, ``encoding`` being a codec's name or ``MIXED``."""
    if encoding == MIXED:
        return data.decode("utf-8", errors=_MIXED_HANDLER)
    return data.decode(encoding)


def _decode_start(data: bytes, encoding: str) -> str:
    """The start of a text cut off after ``data``, which may end inside a character."""
    if encoding == MIXED:
        return data.decode("utf-8", errors=_MIXED_HANDLER)
    return codecs.getincrementaldecoder(encoding)().decode(data, final=False)


def _legacy_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes that are not UTF-8, read as Windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return chunk.decode("cp1252", errors="replace"), error.end


_MIXED_HANDLER = "reader-mixed-utf8"
codecs.register_error(_MIXED_HANDLER, _legacy_bytes)


def candidates(proposed: list[str], mixed: bool = False) -> list[str]:
    """The encodings to score: ``MIXED`` if asked, the single-byte ones, then the usable
    ones among charset-normalizer's ``proposed``, in their order."""
    found = [MIXED] if mixed else []
    found.extend(SINGLE_BYTE)
    for name in proposed:
        try:
            normal = codecs.lookup(name).name
        except LookupError:
            continue
        encoding = PROPOSED.get(normal)
        if encoding is not None and encoding not in found:
            found.append(encoding)
    return found


def rank(data: bytes, proposed: list[str], mixed: bool = False) -> list[Decoding]:
    """Every candidate decoding of ``data`` that works, the likeliest first.

    ``proposed`` are charset-normalizer's encodings; ``mixed`` adds UTF-8 with
    pieces of Windows-1252 (``MIXED``).
    """
    sample = sample_of(data)
    order = candidates(proposed, mixed)
    scored = [found for enc in order if (found := score(sample, enc)) is not None]
    return sorted(scored, key=lambda d: (d.cost, order.index(d.encoding)))
