"""The languages the decoder tells apart: their letters beyond ASCII, common words, rare
letters and the legacy encodings each is usually written in (data for ``encodings``)."""

from __future__ import annotations

from dataclasses import dataclass

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
UNSPACED = frozenset({"han", "kana", "hangul", "thai", "fullwidth", "halfwidth"})


@dataclass(frozen=True)
class Language:
    name: str
    letters: frozenset[str]  # lower-case letters beyond ASCII, or script names
    words: frozenset[str]  # or single characters, for scripts without spaces
    rare: frozenset[str]  # letters of loanwords or old spellings: half foreign
    home: frozenset[str]  # the encodings it is usually written in


def languages(extra_home: str) -> tuple[Language, ...]:
    """Every language's letters, words, rare letters and home encodings (plus ``extra_home``)."""
    found = []
    for name, (letters, words) in _LANGUAGES.items():
        alphabet = frozenset(letters)
        common = frozenset(words if alphabet & UNSPACED else words.split())
        rare = frozenset(_RARE.get(name, ""))
        home = next(frozenset(encodings) for names, encodings in _HOMES if name in names)
        found.append(Language(name, alphabet, common, rare, home | {extra_home}))
    return tuple(found)
