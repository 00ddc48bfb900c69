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

# (alphabet beyond ASCII, common words); an alphabet of names stands for whole scripts.
_LANGUAGES = {
    "English": (
        "éèêëàâçïîôöüñáíóúãõåøæœäû",
        "the of and to in is that for it was on with as he she at by this had not are but "
        "from or have an they which you were her his there been has their we its who would "
        "will said after about into than them also à or without every each all any has may be",
    ),
    "French": (
        "àâæçéèêëîïôœùûüÿ",
        "le la les de des du un une et est en que qui dans pour pas par sur au aux il elle "
        "ils ne se sont avec plus son sa ses ce cette mais ou nous vous leur été à où déjà "
        "très après même être avait était aussi comme entre deux ni sans tout toute tous "
        "toutes sera leurs aucun dont",
    ),
    "German": (
        "äöüßé",
        "der die das und ist nicht ein eine zu den dem des von mit sich auf für im in auch es "
        "an als wird werden bei nach aus hat sind über wie noch nur oder dass daß wurde um am "
        "vor zum zur müssen können schon sehr während oder weder ohne jeder jede hat haben "
        "kann sein seine ihre",
    ),
    "Spanish": (
        "áéíóúñü",
        "el la los las de del y en que un una por para con no se su sus al es lo como más "
        "pero sin sobre también fue ha han está están entre cuando muy ya porque él esta este "
        "según después así o u ni sin toda todo todos sus será ser les nadie cual",
    ),
    "Portuguese": (
        "áâãàçéêíóôõúü",
        "o a os as de do da dos das e em um uma para com não que se por mais mas no na nos "
        "nas ao à é foi como ele ela seu sua são está também já até pelo pela entre após "
        "quando muito ou pelos pelas sem sob seus suas ser todo toda todos qualquer nem ter",
    ),
    "Italian": (
        "àèéìíîòóùú",
        "il lo la i gli le di del della dei delle e è che un una per in con non si da al alla "
        "sono ha anche come ma più nel nella questo questa perché però già dopo tra fra "
        "essere stato molto o a ad sia cui sulla sullo sul dello degli nei ai dai dal dalla "
        "ogni tutti tutte suo sua loro ed né senza se",
    ),
    "Catalan": (
        "àçèéíïòóúü",
        "el la els les de del i que en un una per amb no es va és al als com més però dels "
        "seva seu també aquest aquesta han ha són o ni sense tot tota tots totes seves "
        "qualsevol ningú cap",
    ),
    "Dutch": (
        "áéèëïóöüêôàç",
        "de het een en van in is dat op te zijn voor met niet aan er die ook als bij om door "
        "maar naar heeft wordt werd of uit nog tot over dan geen zij hij wel zo één wat noch "
        "zonder ieder iedereen hebben kan hun",
    ),
    "Swedish": (
        "åäöé",
        "och att det som en i på är av för med den till inte har de ett var om så men vi kan "
        "från eller också när efter ska skulle han hon även där få mycket år två eller utan "
        "varje alla hans hennes deras",
    ),
    "Danish/Norwegian": (
        "æøåéóôò",
        "og i at det er en til på som med de for av af ikke den har et var om men kan så han "
        "hun skal vil fra også efter etter når nå være blev ble år får før mange eller uten "
        "uden enhver alle hans hennes hendes deres sin sitt sine å",
    ),
    "Icelandic": (
        "áðéíóúýþæö",
        "og að í á er það sem ekki en til við var um með hann hún eru fyrir frá þeir þær "
        "hefur verið eftir þess eða án hver allir sinn sína sitt",
    ),
    "Finnish": (
        "äöå",
        "ja on ei että se hän oli ovat mutta myös kun tai joka sen ole jo vain kuin nyt olla "
        "hänen mukaan sekä jälkeen tai ilman jokainen kaikki heidän",
    ),
    "Estonian": (
        "äöõüšž",
        "ja on ei et see oli ka kui aga või mis ta nii veel pärast üle ning oma seda kes või "
        "ilma iga kõik tema nende",
    ),
    "Czech": (
        "áčďéěíňóřšťúůýž",
        "a v se na je že s z do o to i k by ale jako pro po od jsou byl byla bylo jeho které "
        "který která než při tak už také jen ve za podle před však nebo ani její jejich bez "
        "každý má mají může být své svého svých tom této tento",
    ),
    "Slovak": (
        "áäčďéíĺľňóôŕšťúýž",
        "a v sa na je že s z do o to i k by ale ako pre po od sú bol bola bolo jeho ktoré "
        "ktorý ktorá pri tak už aj len vo za podľa pred však alebo ani jej ich bez každý má "
        "majú môže byť svoje svojho týchto tomto tento",
    ),
    "Polish": (
        "ąćęłńóśźż",
        "w i z na się nie do że to jest o jak po a od za ale co przez dla jego już są był "
        "była było tak także który która które przy oraz jednak tylko lub ani jej ich bez "
        "każdy ma mają może być swoje swego tym ten",
    ),
    "Hungarian": (
        "áéíóöőúüű",
        "a az és hogy nem egy is meg de van volt mint csak már még ez azt ki el fel be "
        "szerint után pedig vagy lesz között vagy sem minden mindenki nélkül kell lehet",
    ),
    "Romanian": (
        "ăâîșțşţ",
        "și şi în de la cu pe a al ale care este nu un o din mai sau pentru că fost ca se "
        "sunt după dar prin această acest vor fi sau nici fără orice fiecare are au poate "
        "sale lor",
    ),
    "Croatian": (
        "čćđšž",
        "i je u na se da za su od s a ne to koji koja koje ali kao što će bi sa iz o po biti "
        "bio bila nije ili još ni njegov njezin njihov bez svatko ima imaju može svoje",
    ),
    "Slovenian": (
        "čšžćđ",
        "in je v na se da za so od z s ne to ki pa tudi kot bo bi ali še po iz ter bil bila "
        "ni njegov njen brez vsakdo ima imajo lahko biti svoje ker med",
    ),
    "Albanian": (
        "çë",
        "e të në dhe një për me që nga është ka se u do si",
    ),
    "Turkish": (
        "çğıöşüâîûİ",
        "ve bir bu da de için ile çok olarak daha gibi en ne o sonra kadar ama değil var olan "
        "her şey mi göre ise ya veya hiç herkes sahip",
    ),
    "Latvian": (
        "āčēģīķļņšūž",
        "un ir ka no uz par ar kas arī tas bet vai to lai ja tā šo tiks bija pēc vai bez "
        "katrs visi viņa viņu",
    ),
    "Lithuanian": (
        "ąčęėįšųūž",
        "ir kad su iš į tai o bet kaip per jis ji buvo yra nuo dėl apie taip tik jau bus arba "
        "be kiekvienas visi jo jos jų į",
    ),
    "Greek": (
        "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς",
        "και το η ο να σε του της των τα τη την τον με για από που θα είναι δεν οι στο στη "
        "στην στον ότι ή ως χωρίς κάθε όλοι τους έχει μπορεί",
    ),
    "Russian": (
        "абвгдежзийклмнопрстуфхцчшщъыьэюяё",
        "и в не на что с по как это он она они но к у из за от о же для был была было то все "
        "всё так его её при или бы мы вы уже или ни без каждый их имеет может быть а я",
    ),
    "Ukrainian": (
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
        "і в не на що з у до як це він вона але за від та й його її для був була було ще вже "
        "при про або ні без кожна кожен всі їх має може бути",
    ),
    "Belarusian": (
        "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
        "і ў не на што з да як гэта ён яна але за ад па для быў была або ні без кожны усе яго "
        "яе іх мае можа быць у з а",
    ),
    "Bulgarian": (
        "абвгдежзийклмнопрстуфхцчшщъьюя",
        "и в на да се не от за е че с по са той тя как но които която което като ще при след "
        "до или нито без всеки всички има може бъде а",
    ),
    "Serbian": (
        "абвгдђежзијклљмнњопрстћуфхцчџш",
        "и је у на се да за су од с а не то који која које али као што ће би из о по био била "
        "није или још ни без сваки сви његов њихов има може бити а с о",
    ),
    "Macedonian": (
        "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
        "и на во да се не од за е со што ќе ги го тоа како но кој која или ниту без секој "
        "сите негово има може биде а",
    ),
    "Hebrew": (
        ("hebrew",),
        "של את על הוא לא זה עם גם כי אבל היא או כל אשר לו יש אם בין",
    ),
    "Arabic": (
        ("arabic",),
        "في من على أن إلى عن مع هذا التي الذي كان أو كل ما لا هو هي ذلك بين",
    ),
    "Thai": (
        ("thai",),
        "",
    ),
    # Scripts without spaces between words: their commonest characters stand for words.
    "Japanese": (
        ("han", "kana", "fullwidth"),
        "のにはをたがでてとしれさいうかなこするまもっくらりんけよつどせ日一国会人年大十二本中長出"
        "三同時政事自行社見月分議後前民生連五発間対上部東者党地合市業内相方四定今回新場金員九入選"
        "立開手米力学問高代明実円関決子動京全目表戦経通外最言氏現理調体化田当八六約主題下首意法不"
        "来作性的要用制治度務強気小七成期公持野協取都和統以機平総加山思家話世受区領多県続進正安設"
        "保改数記院女初北午指権心界支第産結百派点教報済書府活原先共得解名交資予川向際査勝面委告軍"
        "文反元重近千考判認画海参売利組知案道信策集",
    ),
    "Simplified Chinese": (
        ("han", "fullwidth"),
        "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之"
        "年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样"
        "理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将"
        "两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信"
        "表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔"
        "更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管",
    ),
    "Traditional Chinese": (
        ("han", "fullwidth"),
        "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之"
        "年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣"
        "理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將"
        "兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己制身果加西斯月話合回特代內信"
        "表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活爾"
        "更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管",
    ),
    "Korean": (
        ("hangul", "han", "fullwidth"),
        "이의다는에을하고가한지기로서를사도일으나대자정리인수있시적해부아장어그게국상원전라것와보"
        "제들주과여문년면우동성할경신소되만구중연방비조화등내발관위세무었생였선공계실개물없않반러"
        "회학모분까요교던안심았통히말야금마미치각점결명했터진행식민음단두후",
    ),
}
_RARE = {
    "English": "êëàâîôûáíóúãõåøæœä",
    "French": "âîôûùëïÿæœ",
    "German": "é",
    "Spanish": "ü",
    "Portuguese": "ü",
    "Italian": "îíóú",
    "Catalan": "ü",
    "Dutch": "áóêôàç",
    "Swedish": "é",
    "Danish/Norwegian": "éóôò",
    "Estonian": "šž",
    "Slovak": "ŕĺ",
    "Slovenian": "ćđ",
    "Turkish": "âîû",
}
_WESTERN = ("cp1252", "iso8859-1", "iso8859-15", "mac-roman")
_HOMES = (
    (
        ("English", "French", "German", "Spanish", "Portuguese", "Italian", "Catalan", "Dutch"),
        _WESTERN,
    ),
    (("Swedish", "Danish/Norwegian", "Icelandic", "Finnish"), _WESTERN),
    (("Estonian",), ("cp1257", "iso8859-13", "iso8859-15", "cp1252")),
    (("Czech", "Slovak", "Polish", "Hungarian", "Croatian", "Slovenian"), ("cp1250", "iso8859-2")),
    (("Romanian",), ("cp1250", "iso8859-2")),
    (("Albanian",), ("cp1250", "cp1252", "iso8859-1")),
    (("Turkish",), ("cp1254",)),
    (("Latvian", "Lithuanian"), ("cp1257", "iso8859-13")),
    (("Greek",), ("cp1253", "iso8859-7")),
    (
        ("Russian", "Ukrainian", "Belarusian", "Bulgarian", "Serbian", "Macedonian"),
        ("cp1251", "koi8-r", "koi8-u", "iso8859-5", "cp866"),
    ),
    (("Hebrew",), ("cp1255", "iso8859-8")),
    (("Arabic",), ("cp1256", "iso8859-6")),
    (("Thai",), ("cp874",)),
    (("Japanese",), ("shift_jis", "cp932", "euc_jp", "euc_jis_2004", "shift_jis_2004")),
    (("Simplified Chinese",), ("gb18030",)),
    (("Traditional Chinese",), ("big5", "big5hkscs", "cp950")),
    (("Korean",), ("euc_kr", "cp949")),
)
_UNSPACED = frozenset({"han", "kana", "hangul", "thai", "fullwidth", "halfwidth"})


@dataclass(frozen=True)
class _Language:
    name: str
    letters: frozenset[str]  # lower-case letters beyond ASCII, or script names
    words: frozenset[str]  # or single characters, for scripts without spaces
    rare: frozenset[str]  # letters of loanwords or old spellings: half foreign
    home: frozenset[str]  # the encodings it is usually written in


def _languages() -> tuple[_Language, ...]:
    found = []
    for name, (letters, words) in _LANGUAGES.items():
        alphabet = frozenset(letters)
        common = frozenset(words if alphabet & _UNSPACED else words.split())
        rare = frozenset(_RARE.get(name, ""))
        home = next(frozenset(encodings) for names, encodings in _HOMES if name in names)
        found.append(_Language(name, alphabet, common, rare, home | {MIXED}))
    return tuple(found)


LANGUAGES = _languages()
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
    ch for language in LANGUAGES if language.letters & _UNSPACED for ch in language.words
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
                if info.script in _UNSPACED and ch in _FREQUENT:
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
    if script not in _UNSPACED:
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
