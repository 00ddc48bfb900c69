"""Legacy encodings read as the right language, and UTF-16/32 text whatever its extension.

The corpus is short news paragraphs written for these tests, each saved in the
legacy encodings its language was usually written in, then loaded from a
``.txt`` file: the text must come back exactly, and without a notice unless
another encoding reads almost as well.
"""

from __future__ import annotations

import codecs
import random
import re
import time

import pytest

from reader import load_document
from reader.errors import DecodeError, UnsupportedFormat
from reader.loaders import registry
from reader.loaders.decode import decode_text, looks_binary

# language: (paragraph, the encodings it is saved in)
CORPUS = {
    "French": (
        "Le conseil municipal a décidé de fermer la piscine pendant l'été, car les travaux "
        "de rénovation dépendent à la fois de l'État et de la région. Les habitants, déçus, "
        "réclament une solution provisoire avant la rentrée. « Nous ne pouvons pas attendre "
        "jusqu'à Noël », a déclaré une mère de famille.",
        ["cp1252", "latin-1", "iso8859-15", "mac_roman"],
    ),
    "French with œ and €": (
        "Le maire a présenté mercredi le budget de la ville : le ticket de bus coûtera 2 € dès "
        "janvier. Au cœur du projet figure la rénovation de l'école, dont les façades sont "
        "très abîmées. Les élus de l'opposition ont dénoncé une manœuvre électorale.",
        ["cp1252", "iso8859-15"],
    ),
    "German": (
        "Die Stadtverwaltung hat am Dienstag angekündigt, dass die Brücke über den Fluss im "
        "Frühjahr für drei Monate gesperrt wird. Pendler müssen größere Umwege in Kauf "
        "nehmen, während die Straßenbahn häufiger fährt. Der Bürgermeister äußerte sich "
        "zufrieden über die schnelle Einigung.",
        ["cp1252", "latin-1", "mac_roman"],
    ),
    "Spanish": (
        "El ayuntamiento anunció el miércoles que la biblioteca municipal abrirá sus puertas "
        "también los domingos. Según la concejala de Cultura, la decisión responde a una "
        "petición de más de dos mil vecinos. ¿Habrá suficiente personal? Los sindicatos "
        "todavía no han dado su opinión.",
        ["cp1252", "latin-1"],
    ),
    "Portuguese": (
        "A câmara municipal aprovou na terça-feira um plano para renovar as praças do centro "
        "histórico. As obras começarão em março e deverão estar concluídas antes do verão, "
        "segundo o vereador responsável. Os comerciantes não escondem a preocupação com a "
        "diminuição do número de visitantes.",
        ["cp1252", "latin-1"],
    ),
    "Italian": (
        "Il comune ha annunciato che la piazza principale sarà chiusa al traffico per tutta "
        "la durata dei lavori. È una decisione che non piace a molti commercianti, perché "
        "temono un calo delle vendite. Il sindaco però ha promesso che entro la fine di "
        "giugno la città avrà di nuovo la sua piazza più bella.",
        ["cp1252", "latin-1"],
    ),
    "Catalan": (
        "L'ajuntament va anunciar dimarts que la biblioteca municipal obrirà també els "
        "diumenges. Segons la regidora de Cultura, la decisió respon a una petició de més de "
        "dos mil veïns. Els col·lectius del barri celebren la notícia.",
        ["cp1252", "latin-1"],
    ),
    "Dutch": (
        "De gemeente heeft besloten om de financiële steun aan de lokale sportverenigingen "
        "te verhogen. Volgens de wethouder zijn de ideeën van de clubs zorgvuldig bekeken, "
        "en de coördinatie met de provincie verloopt goed. Eén vereniging reageerde "
        "teleurgesteld.",
        ["cp1252"],
    ),
    "Swedish": (
        "Kommunen meddelade på tisdagen att den gamla järnvägsstationen ska byggas om till "
        "ett kulturhus. Arbetet väntas pågå i två år och kosta närmare femtio miljoner "
        "kronor. Många invånare är positiva, men några oroar sig för att "
        "parkeringsplatserna försvinner.",
        ["cp1252", "latin-1"],
    ),
    "Norwegian": (
        "Kommunen har bestemt at den gamle skolen skal rives før sommeren. Mange foreldre "
        "er skuffet over beslutningen og mener at bygningen burde vært bevart. Ordføreren "
        "sier at en ny skole vil stå ferdig om to år, og at elevene får låne lokaler i "
        "nærheten.",
        ["cp1252", "latin-1"],
    ),
    "Icelandic": (
        "Borgarstjórn samþykkti í gær að loka sundlauginni í þrjár vikur vegna viðgerða. "
        "Íbúar hverfisins eru ósáttir við ákvörðunina og segja að hún hafi verið tekin án "
        "samráðs. Framkvæmdirnar eiga að hefjast strax eftir helgi.",
        ["cp1252", "latin-1"],
    ),
    "Finnish": (
        "Kaupunginvaltuusto päätti tiistaina, että vanha kirjasto kunnostetaan ensi vuoden "
        "aikana. Remontin aikana lainaaminen onnistuu väliaikaisesta toimipisteestä "
        "keskustassa. Kirjaston johtaja kertoi olevansa tyytyväinen päätökseen.",
        ["cp1252", "latin-1"],
    ),
    "Czech": (
        "Městská rada ve středu schválila rekonstrukci hlavního náměstí, která začne na "
        "jaře. Podle starosty potrvají práce přibližně dva roky a řidiči musí počítat s "
        "objížďkami. Obyvatelé okolních domů si stěžují, že o plánu nebyli včas informováni. "
        "Šéf dopravního podniku slíbil, že tramvaje budou jezdit častěji.",
        ["cp1250", "iso8859-2"],
    ),
    "Slovak": (
        "Mestské zastupiteľstvo v utorok schválilo výstavbu nového mosta cez rieku. Práce by "
        "sa mali začať už na jeseň a potrvajú približne tri roky. Podľa primátora ide o "
        "najväčšiu investíciu v histórii mesta, ktorá môže pomôcť vodičom aj chodcom.",
        ["cp1250", "iso8859-2"],
    ),
    "Polish": (
        "Rada miasta zdecydowała w środę, że stary dworzec kolejowy zostanie przebudowany "
        "na centrum kultury. Prace mają się rozpocząć jesienią i potrwają około dwóch lat. "
        "Mieszkańcy cieszą się z tej decyzji, choć niektórzy obawiają się utraty miejsc "
        "parkingowych. Źródła w urzędzie podają, że koszt wyniesie ponad pięćdziesiąt "
        "milionów złotych.",
        ["cp1250", "iso8859-2"],
    ),
    "Hungarian": (
        "A városi közgyűlés kedden úgy döntött, hogy felújítják a régi vasútállomást. A "
        "munkálatok tavasszal kezdődnek, és várhatóan két évig tartanak. A polgármester "
        "szerint az épület a jövőben kulturális központként működik majd.",
        ["cp1250", "iso8859-2"],
    ),
    "Romanian": (
        "Consiliul local a hotărât marţi ca vechea gară să fie transformată într-un centru "
        "cultural. Lucrările vor începe în primăvară şi vor dura aproximativ doi ani. "
        "Primarul a declarat că proiectul va fi finanţat din fonduri europene, iar câţiva "
        "locuitori s-au arătat nemulţumiţi.",
        ["cp1250", "iso8859-2"],
    ),
    "Croatian": (
        "Gradsko vijeće u utorak je odlučilo da će se stari most zatvoriti za promet tijekom "
        "ljeta. Radovi bi trebali trajati tri mjeseca, a vozači će morati koristiti "
        "obilaznicu. Građani su nezadovoljni jer smatraju da ih nitko nije pitao za "
        "mišljenje. Župan je obećao naknadu štete.",
        ["cp1250", "iso8859-2"],
    ),
    "Slovenian": (
        "Občinski svet je v torek sklenil, da bodo staro šolo prenovili do jeseni. Starši so "
        "z odločitvijo zadovoljni, čeprav bodo morali učenci nekaj mesecev obiskovati pouk v "
        "drugi stavbi. Župan pravi, da bo prenova stala več kot dva milijona evrov.",
        ["cp1250", "iso8859-2"],
    ),
    "Turkish": (
        "Belediye meclisi salı günü eski tren istasyonunun bir kültür merkezine "
        "dönüştürülmesine karar verdi. Çalışmaların ilkbaharda başlaması ve yaklaşık iki yıl "
        "sürmesi bekleniyor. Başkan, projenin şehrin tarihine saygı göstereceğini söyledi. "
        "İlçe sakinleri kararı memnuniyetle karşıladı.",
        ["cp1254", "iso8859-9"],
    ),
    "Latvian": (
        "Pilsētas dome otrdien nolēma, ka vecā dzelzceļa stacija tiks pārbūvēta par "
        "kultūras centru. Darbi sāksies pavasarī un ilgs aptuveni divus gadus. Mērs sacīja, "
        "ka projekts tiks finansēts no Eiropas fondiem, un iedzīvotāji ir apmierināti ar šo "
        "lēmumu.",
        ["cp1257", "iso8859-13"],
    ),
    "Lithuanian": (
        "Miesto taryba antradienį nusprendė, kad senoji geležinkelio stotis bus paversta "
        "kultūros centru. Darbai prasidės pavasarį ir truks maždaug dvejus metus. Meras "
        "teigė, kad projektas bus finansuojamas iš Europos fondų, o gyventojai šiam "
        "sprendimui pritaria.",
        ["cp1257", "iso8859-13"],
    ),
    "Greek": (
        "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να μετατρέψει τον παλιό σιδηροδρομικό "
        "σταθμό σε πολιτιστικό κέντρο. Οι εργασίες θα ξεκινήσουν την άνοιξη και θα "
        "διαρκέσουν περίπου δύο χρόνια. Ο δήμαρχος δήλωσε ότι το έργο θα χρηματοδοτηθεί από "
        "ευρωπαϊκά κονδύλια. Άλλοι κάτοικοι εξέφρασαν ανησυχίες.",
        ["cp1253", "iso8859-7"],
    ),
    "Russian": (
        "Городской совет во вторник решил превратить старый железнодорожный вокзал в "
        "культурный центр. Работы начнутся весной и продлятся около двух лет. Мэр заявил, "
        "что проект будет финансироваться из областного бюджета, а жители в целом "
        "поддерживают это решение. Ещё никто не знает, сколько всё это будет стоить.",
        ["cp1251", "koi8-r", "iso8859-5", "cp866"],
    ),
    "Ukrainian": (
        "Міська рада у вівторок вирішила перетворити старий залізничний вокзал на "
        "культурний центр. Роботи розпочнуться навесні й триватимуть приблизно два роки. "
        "Мер заявив, що проєкт фінансуватимуть з обласного бюджету, а мешканці загалом "
        "підтримують це рішення. Ґанок будівлі відновлять, щоб зберегти її історичний вигляд.",
        ["cp1251", "koi8-u"],
    ),
    "Bulgarian": (
        "Общинският съвет реши във вторник старата железопътна гара да бъде превърната в "
        "културен център. Работите ще започнат през пролетта и ще продължат около две "
        "години. Кметът заяви, че проектът ще бъде финансиран с европейски средства, а "
        "жителите като цяло подкрепят решението.",
        ["cp1251"],
    ),
    "Serbian": (
        "Градско веће је у уторак одлучило да стара железничка станица буде претворена у "
        "културни центар. Радови ће почети на пролеће и трајаће око две године. "
        "Градоначелник је рекао да ће пројекат бити финансиран из европских фондова, а "
        "грађани углавном подржавају ову одлуку.",
        ["cp1251"],
    ),
    "Japanese": (
        "市議会は火曜日、古い駅舎を文化センターに改修することを決めた。工事は春に始まり、"
        "約二年かかる見込みだ。市長は、事業費の大部分を国の補助金でまかなうと説明した。"
        "住民の多くはこの決定を歓迎している。",
        ["shift_jis", "euc_jp"],
    ),
    "Simplified Chinese": (
        "市议会周二决定将旧火车站改建为文化中心。工程将于春季开始，预计持续约两年。"
        "市长表示，项目资金主要来自国家补助，大多数居民对这一决定表示欢迎。",
        ["gb18030"],
    ),
    "Traditional Chinese": (
        "市議會週二決定將舊火車站改建為文化中心。工程將於春季開始，預計持續約兩年。"
        "市長表示，項目資金主要來自國家補助，大多數居民對這一決定表示歡迎。",
        ["big5"],
    ),
    "Hebrew": (
        "מועצת העיר החליטה ביום שלישי להפוך את תחנת הרכבת הישנה למרכז תרבות. העבודות יתחילו "
        "באביב ויימשכו כשנתיים. ראש העיר אמר כי רוב התושבים תומכים בהחלטה.",
        ["cp1255"],
    ),
    "Arabic": (
        "قرر مجلس المدينة يوم الثلاثاء تحويل محطة القطار القديمة إلى مركز ثقافي. وستبدأ "
        "الأعمال في الربيع وتستمر نحو عامين. وقال رئيس البلدية إن معظم السكان يؤيدون هذا القرار.",
        ["cp1256"],
    ),
    "Korean": (
        "시의회는 화요일 오래된 기차역을 문화 센터로 바꾸기로 결정했다. 공사는 봄에 "
        "시작되어 약 2년 동안 계속될 예정이다. 시장은 사업비의 대부분을 정부 보조금으로 "
        "충당할 것이라고 밝혔다. 주민들 대부분은 이번 결정을 환영하고 있다.",
        ["euc_kr"],
    ),
}
CASES = [
    pytest.param(text, encoding, id=f"{language}-{encoding}")
    for language, (text, encodings) in CORPUS.items()
    for encoding in encodings
]

ENGLISH_WITH_QUOTES = (
    "Ferry operator cancels winter timetable\n\n"
    "The island ferry service will run a reduced timetable until March after a storm "
    "damaged the pier at Grenmouth on Sunday night \u2014 the worst in forty years.\n\n"
    "\u201cWe cannot put passengers on a pier we don\u2019t trust,\u201d said Ruth Calloway, "
    "the operator\u2019s managing director. Freight crossings \u2013 four a week \u2013 will "
    "continue from the harbour slipway\u2026\n"
)


FIRST_SENTENCES = [
    pytest.param(re.match(r".+?[.!?。]", text).group(), encoding, id=f"{language}-{encoding}")
    for language, (text, encodings) in CORPUS.items()
    for encoding in encodings
]


def notice_of(document) -> str:
    return document.metadata.get("notice", "")


@pytest.mark.parametrize("text, encoding", CASES)
def test_a_legacy_encoding_reads_back_the_original_text(write_file, text, encoding):
    doc = load_document(write_file("article.txt", text.encode(encoding)))

    assert doc.text == text
    assert notice_of(doc) == ""  # a paragraph leaves no doubt


@pytest.mark.parametrize("text, encoding", FIRST_SENTENCES)
def test_one_sentence_is_enough_to_read_the_right_text(write_file, text, encoding):
    doc = load_document(write_file("sentence.txt", text.encode(encoding)))

    assert doc.text == text  # perhaps with a notice, when another encoding reads almost as well


@pytest.mark.parametrize("encoding", ["cp1252", "cp1250", "cp1257"])
def test_english_with_curly_quotes_and_dashes_is_quiet(write_file, encoding):
    doc = load_document(write_file("ferry.txt", ENGLISH_WITH_QUOTES.encode(encoding)))

    assert doc.text == ENGLISH_WITH_QUOTES
    assert notice_of(doc) == ""


@pytest.mark.parametrize(
    "word",
    [
        "café",
        "naïve",
        "Zürich",
        "£40",
        "25°C",
        "Señor Muñoz",
        "½ mile",
        "¼ mile",
        "crème brûlée",
        "São Paulo",
        "Søren Ørsted",
        "Ångström",
        "Acme™",
        "¡olé!",
        "€20…",
    ],
)
def test_english_with_a_foreign_word_or_a_symbol_is_quiet(write_file, word):
    text = ENGLISH_WITH_QUOTES.replace("forty years", f"forty years ({word})")
    doc = load_document(write_file("ferry.txt", text.encode("cp1252")))

    assert doc.text == text
    assert notice_of(doc) == ""


def test_plain_latin1_french_is_quiet(write_file):
    text = CORPUS["French"][0]
    doc = load_document(write_file("piscine.txt", text.encode("latin-1")))

    assert doc.text == text
    assert notice_of(doc) == ""


@pytest.mark.parametrize("language", ["Czech", "Polish", "Russian", "Greek", "Turkish"])
def test_a_clear_legacy_encoding_is_quiet(write_file, language):
    text, encodings = CORPUS[language]
    doc = load_document(write_file("article.txt", text.encode(encodings[0])))

    assert notice_of(doc) == ""


def test_a_short_ambiguous_text_is_read_with_a_notice(write_file):
    # "crème" in Windows-1252 is "crčme" in Windows-1250: either could be meant.
    doc = load_document(write_file("menu.txt", "Café crème".encode("cp1252")))

    assert doc.text == "Café crème"
    notice = notice_of(doc)
    assert '"menu.txt"' in notice
    assert "Windows-1252 (Western European)" in notice
    assert "Windows-1250 (Central European)" in notice
    assert notice.endswith(".")
    assert "\n" not in notice


def test_an_unsure_central_european_text_is_read_as_windows_1250_with_a_notice(write_file):
    # "ľ" in Windows-1250 is "ž" in ISO-8859-2, and Slovak has both letters.
    text = "Mestské zastupiteľstvo v utorok schválilo výstavbu nového mosta cez rieku."
    doc = load_document(write_file("most.txt", text.encode("cp1250")))

    assert doc.text == text
    assert notice_of(doc) == (
        'The encoding of "most.txt" is not declared; it was read as Windows-1250 '
        "(Central European), the likeliest for its text. If some letters look wrong, it may "
        "be ISO-8859-2 (Central European)."
    )


def test_japanese_that_happens_to_hold_utf8_sequences_is_not_taken_for_mixed_utf8(write_file):
    text = "工事は春に始まり、約二年かかる見込みだ。住民の多くはこの決定を歓迎している。"
    data = text.encode("euc_jp")
    assert not data.decode("utf-8", errors="ignore").isascii()  # some bytes form UTF-8

    doc = load_document(write_file("kouji.txt", data))

    assert doc.text == text
    assert "UTF-8" not in notice_of(doc)


def test_a_megabyte_of_legacy_text_decodes_quickly(write_file):
    paragraphs = [CORPUS[name][0] for name in ("Czech", "Slovak", "Polish")]
    text = "\n\n".join(paragraphs * 2200)
    data = text.encode("cp1250")
    assert len(data) > 1_000_000
    path = write_file("long.txt", data)

    started = time.perf_counter()
    decoded = decode_text(path.read_bytes(), "long.txt")
    elapsed = time.perf_counter() - started

    assert decoded == text
    assert elapsed < 1.0  # under 0.1 s here


def test_accents_only_at_the_end_of_a_long_file_still_decide(write_file):
    english = " ".join(ENGLISH_WITH_QUOTES.split()[:40]).replace("\u2019", "'")
    english = english.encode("ascii", "replace").decode()
    text = "\n\n".join([english] * 1500 + [CORPUS["Polish"][0]])
    doc = load_document(write_file("long.txt", text.encode("iso8859-2")))

    assert doc.text.endswith(CORPUS["Polish"][0])


def test_random_high_bytes_are_still_refused(write_file):
    rng = random.Random(11)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(2000))
    with pytest.raises(DecodeError):
        load_document(write_file("noise.txt", data))


# --- UTF-16 and UTF-32 with a byte-order mark ---------------------------------------

SUBTITLES = (
    "1\n00:00:01,000 --> 00:00:04,000\nThe pier at Grenmouth will reopen in March.\n\n"
    "2\n00:00:04,500 --> 00:00:08,000\n\u201cWe cannot put passengers on it,\u201d "
    "said the operator. Caf\u00e9 owners were pleased.\n"
)
WIDE = [
    ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE),
    ("utf-32-be", codecs.BOM_UTF32_BE),
]


@pytest.mark.parametrize("name", ["film.srt", "film.txt", "film", "notes.news"])
@pytest.mark.parametrize("encoding, bom", WIDE)
def test_utf16_and_utf32_text_with_a_bom_opens_whatever_its_extension(
    write_file, name, encoding, bom
):
    doc = load_document(write_file(name, bom + SUBTITLES.encode(encoding)))

    assert doc.format == "text"
    assert doc.text == SUBTITLES


@pytest.mark.parametrize("encoding, bom", WIDE)
def test_wide_text_in_other_scripts_is_not_taken_for_binary(encoding, bom):
    text = CORPUS["Japanese"][0] + "\n" + CORPUS["Russian"][0] + "\n\U0001f30a\n"
    data = bom + text.encode(encoding)

    assert not looks_binary(data)
    assert decode_text(data, "mixed.srt") == text


def test_utf16_without_a_bom_opens_under_an_unknown_extension(write_file):
    doc = load_document(write_file("film.srt", SUBTITLES.encode("utf-16-le")))

    assert "pier at Grenmouth" in doc.text


@pytest.mark.parametrize("name", ["image.srt", "image", "image.png.bak"])
def test_a_png_is_still_refused(write_file, name):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(UnsupportedFormat) as caught:
        load_document(write_file(name, png))
    assert "is not a document the reader can open" in str(caught.value)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("name", ["data.srt", "data", "data.txt"])
def test_random_bytes_are_refused(write_file, name, seed):
    rng = random.Random(seed)
    data = bytes(rng.randrange(256) for _ in range(4096))
    with pytest.raises(UnsupportedFormat):
        load_document(write_file(name, data))


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE])
@pytest.mark.parametrize("name", ["program.srt", "program", "program.txt"])
def test_binary_that_starts_like_a_bom_is_refused(write_file, name, bom):
    rng = random.Random(3)
    data = bom + bytes(rng.randrange(256) for _ in range(4096))
    assert looks_binary(data)
    with pytest.raises(UnsupportedFormat) as caught:
        load_document(write_file(name, data))
    message = str(caught.value)
    assert name in message
    if name.endswith(".txt"):
        assert "binary data" in message
    else:
        assert "is not a document the reader can open" in message


def test_a_long_utf16_subtitle_file_opens(write_file):
    text = SUBTITLES * 400  # beyond the sample that is checked for binary content
    data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    assert len(data) > 65536

    doc = load_document(write_file("film.srt", data))

    assert doc.text == text


def test_a_bom_followed_by_zeros_is_refused(write_file):
    data = codecs.BOM_UTF16_LE + bytes(2000)
    with pytest.raises(UnsupportedFormat):
        load_document(write_file("blank.srt", data))


def test_the_registry_reads_wide_text_of_an_unknown_extension_as_text(tmp_path):
    data = codecs.BOM_UTF16_LE + SUBTITLES.encode("utf-16-le")

    assert registry.detect(data, tmp_path / "film.srt").name == registry.FALLBACK_FORMAT
