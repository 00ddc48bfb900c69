"""Names, statements and stance only for English prose; every text gets its summary."""

from __future__ import annotations

import pytest

import reader
from reader.loaders import load_document
from reader.nlp.language import read_text

FOREIGN = {
    "Hebrew": "ראש העיר אמר היום כי המעבורת תחזור לפעול ביום שני. המהנדסים בדקו את "
    "המזח ומצאו שני עמודים סדוקים. התושבים אמרו שהם מחכים לפתרון מהיר, והמועצה הבטיחה "
    "תקציב חדש לתיקון המזח עוד לפני החורף הבא. הנוסעים יעברו בינתיים בסירה קטנה.",
    "Arabic": "قال رئيس البلدية اليوم إن العبارة ستعود إلى العمل يوم الاثنين. وفحص المهندسون "
    "الرصيف ووجدوا عمودين متصدعين. وقال السكان إنهم ينتظرون حلا سريعا، ووعد المجلس "
    "بميزانية جديدة لإصلاح الرصيف قبل الشتاء المقبل. وسينتقل الركاب في قارب صغير.",
    "Chinese": "市长今天表示，渡轮将于星期一恢复运行。工程师检查了码头，发现两根支柱出现裂缝。"
    "居民们说他们希望尽快解决问题，议会承诺在明年冬天之前拨出新的预算修复码头。"
    "在此期间，乘客将乘坐一艘小船往返。当地商人说，游客人数已经明显减少。",
    "Japanese": "市長は今日、フェリーが月曜日に運航を再開すると述べた。技術者が桟橋を調べたところ、"
    "二本の支柱にひびが見つかった。住民は早い解決を望んでいると話し、議会は次の冬までに"
    "桟橋を修理する新しい予算を約束した。その間、乗客は小さな船で移動する。",
    "Thai": "นายกเทศมนตรีกล่าววันนี้ว่าเรือข้ามฟากจะกลับมาให้บริการในวันจันทร์ วิศวกรตรวจสอบท่าเรือ"
    "และพบเสาสองต้นที่มีรอยร้าว ชาวบ้านกล่าวว่าพวกเขารอการแก้ไขอย่างรวดเร็ว "
    "และสภาได้สัญญาว่าจะมีงบประมาณใหม่เพื่อซ่อมท่าเรือก่อนฤดูหนาวหน้า",
    "Russian": "Мэр сказал сегодня, что паром возобновит работу в понедельник. Инженеры "
    "осмотрели причал и нашли две треснувшие опоры. Жители сказали, что ждут быстрого "
    "решения, а совет пообещал новый бюджет на ремонт причала до следующей зимы.",
    "Greek": "Ο δήμαρχος δήλωσε σήμερα ότι το πλοίο θα επιστρέψει στα δρομολόγια τη Δευτέρα. "
    "Οι μηχανικοί εξέτασαν την προβλήτα και βρήκαν δύο ραγισμένες κολόνες. Οι κάτοικοι "
    "είπαν ότι περιμένουν γρήγορη λύση και το συμβούλιο υποσχέθηκε νέο προϋπολογισμό.",
    "French": "Le maire a déclaré aujourd'hui que le ferry reprendra son service lundi. Les "
    "ingénieurs ont examiné la jetée et ont trouvé deux piliers fissurés. Les habitants "
    "disent qu'ils attendent une solution rapide, et le conseil a promis un nouveau budget "
    "pour la réparation de la jetée avant l'hiver prochain. Les passagers prendront un petit "
    "bateau pendant les travaux.",
    "German": "Der Bürgermeister sagte heute, dass die Fähre am Montag wieder fahren wird. "
    "Die Ingenieure haben den Steg untersucht und zwei gerissene Pfeiler gefunden. Die "
    "Einwohner sagen, dass sie auf eine schnelle Lösung warten, und der Rat hat ein neues "
    "Budget für die Reparatur des Stegs vor dem nächsten Winter versprochen.",
    "Spanish": "El alcalde dijo hoy que el transbordador volverá a funcionar el lunes. Los "
    "ingenieros examinaron el muelle y encontraron dos pilares agrietados. Los vecinos dicen "
    "que esperan una solución rápida, y el consejo prometió un nuevo presupuesto para la "
    "reparación del muelle antes del próximo invierno.",
}

ENGLISH_TABLE = (
    "SOCCER - ENGLISH PREMIER LEAGUE RESULTS.\n\nLONDON 1996-08-31\n\n"
    "Results of English premier league matches on Saturday:\n\n"
    + "\n".join(
        f"{home} {a} {away} {b}"
        for home, a, away, b in [
            ("Arsenal", 2, "Leeds", 0),
            ("Chelsea", 1, "Everton", 1),
            ("Coventry", 0, "Derby", 3),
            ("Liverpool", 2, "Southampton", 1),
            ("Newcastle", 1, "Sheffield Wednesday", 2),
            ("Nottingham Forest", 0, "Middlesbrough", 0),
        ]
    )
    + "\n\nStandings (tabulate under played, won, drawn, lost, goals for, against, points):\n\n"
    + "\n".join(f"{team} 4 3 1 0 8 2 10" for team in ("Arsenal", "Chelsea", "Derby", "Leeds"))
)

CODE = {
    "python": "\n".join(
        [
            "import os",
            "from pathlib import Path",
            "",
            "def read_config(path: str) -> dict:",
            '    """Read the settings file and return its values."""',
            "    values = {}",
            "    for line in Path(path).read_text().splitlines():",
            "        if not line.strip() or line.startswith('#'):",
            "            continue",
            "        key, _, value = line.partition('=')",
            "        values[key.strip()] = value.strip()",
            "    return values",
            "",
            "class Ferry:",
            "    def __init__(self, name):",
            "        self.name = name",
            "        self.said = 'The captain said the pier was unsafe.'",
        ]
    ),
    "c": "\n".join(
        [
            "#include <stdio.h>",
            "int main(int argc, char **argv) {",
            "    int count = 0;",
            "    for (int i = 0; i < argc; i++) {",
            '        printf("%s said hello\\n", argv[i]);',
            "        count += 1;",
            "    }",
            "    return count == 0;",
            "}",
        ]
    ),
    "kernel log": "\n".join(
        f"[    {n}.{n * 7919 % 1000000:06d}] usb 1-{n}: new high-speed USB device number {n} "
        "using ehci-pci, the device said it reported errors"
        for n in range(1, 12)
    ),
    "hex dump": "\n".join(
        f"{n * 16:08x}: 7f45 4c46 0201 0100 0000 0000 0000 0000  .ELF............"
        for n in range(12)
    ),
}


@pytest.mark.parametrize("language", list(FOREIGN))
def test_a_text_in_another_language_gets_a_summary_and_a_notice(spacy_model, write_file, language):
    document = load_document(write_file(f"{language}.txt", FOREIGN[language]))

    analysis = reader.analyze(document, reader.AnalysisOptions(algorithm="lead", length="2"))

    assert analysis.summary is not None and analysis.summary.sentences
    assert analysis.entities == () and analysis.statements == ()
    assert [note.stage for note in analysis.notes] == ["entities", "stance", "portrayal"]
    note = analysis.notes[0]
    assert not note.failed
    assert note.message == (
        f"This article looks like {language}; names, statements and stance are only "
        "computed for English."
    )


@pytest.mark.parametrize("kind", list(CODE))
def test_code_and_machine_output_get_no_statements(spacy_model, write_file, kind):
    document = load_document(write_file("file.txt", CODE[kind]))

    analysis = reader.analyze(document)

    assert analysis.statements == () and analysis.entities == ()
    assert "program code or data" in analysis.notes[0].message


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH_TABLE,
        "The ferry ran late.",  # too short to judge: read as English
        "Le Monde said on Monday that the French government would resign, and the Paris "
        "prosecutor, Jean-Pierre Dupont, told reporters that the case of the Banque de France "
        "was closed. Critics said the decision was taken too fast by the ministers.",
    ],
)
def test_english_news_is_english_prose(text):
    reading = read_text(text)
    assert reading.english_prose and reading.notice == ""
