"""Desktop integration: the entry and metainfo shipped, their installation, the icon, About,
and the one-line message when a system library the window needs is missing."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest

import reader
from resources import APP_ID, desktop_file
from ui import launch, system_check
from ui.about import CREDITS, about_html, app_icon
from ui.desktop import ICON_SIZES, install_desktop_entry

ROOT = Path(__file__).resolve().parents[2]


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(desktop_file(".desktop").decode("utf-8"))
    return parser["Desktop Entry"]


def test_the_desktop_entry_opens_every_format_of_the_registry():
    fields = entry()
    assert fields["Type"] == "Application" and fields["Name"] == "Article Reader"
    assert fields["Icon"] == APP_ID and fields["Exec"].startswith("article-reader ")
    assert fields["MimeType"].rstrip(";").split(";") == list(reader.mime_types())


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="no validator here")
def test_the_desktop_entry_is_valid(tmp_path):
    path = tmp_path / f"{APP_ID}.desktop"
    path.write_bytes(desktop_file(".desktop"))
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_metainfo_names_the_app_and_its_licence():
    text = desktop_file(".metainfo.xml").decode("utf-8")
    assert f"<id>{APP_ID}</id>" in text
    assert "<project_license>MIT</project_license>" in text
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text


def test_install_writes_entry_metainfo_and_icons(tmp_path, capsys, qapp):
    assert install_desktop_entry(tmp_path) == 0
    assert (tmp_path / "applications" / f"{APP_ID}.desktop").exists()
    assert (tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml").exists()
    assert (tmp_path / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").exists()
    for size in ICON_SIZES:
        png = tmp_path / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        assert png.read_bytes().startswith(b"\x89PNG")
    assert "Installed Article Reader" in capsys.readouterr().out


def test_about_shows_version_licence_and_credits(qapp):
    html = about_html("Article Reader")
    assert reader.version() in html and "Licence: MIT" in html
    assert all(escape(name) in html for name, _ in CREDITS)
    assert not app_icon().isNull()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    credits = " ".join(readme[readme.index("## Credits") :].split())
    assert all(name in credits and licence in credits for name, licence in CREDITS)
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


# --- a system library the window needs is missing -------------------------------------


@pytest.fixture(scope="module")
def plugin_missing_a_library(tmp_path_factory) -> Path:
    """A shared object that needs a library which is then taken away, as Qt's plugin can."""
    if shutil.which("gcc") is None:
        pytest.skip("no C compiler here")
    folder = tmp_path_factory.mktemp("plugin")
    (folder / "need.c").write_text("int article_reader_need(void) { return 1; }\n")
    (folder / "plugin.c").write_text(
        "int article_reader_need(void);\nint plugin(void) { return article_reader_need(); }\n"
    )
    need = folder / "libarticlereaderneed.so.4"
    gcc = ["gcc", "-shared", "-fPIC"]
    subprocess.run([*gcc, "-Wl,-soname,libarticlereaderneed.so.4", "-o", str(need),
                    str(folder / "need.c")], check=True)  # fmt: skip
    plugin = folder / "libqxcb.so"
    subprocess.run([*gcc, "-o", str(plugin), str(folder / "plugin.c"), str(need)], check=True)
    need.unlink()
    return plugin


def test_the_missing_library_and_its_package_are_named(plugin_missing_a_library):
    assert system_check.missing_library(plugin_missing_a_library) == "libarticlereaderneed.so.4"
    assert system_check.debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert system_check.debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"


def test_the_window_does_not_start_and_says_which_library(
    plugin_missing_a_library, monkeypatch, capsys
):
    monkeypatch.setattr(system_check, "xcb_plugin", lambda: plugin_missing_a_library)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert launch.main([]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "libarticlereaderneed.so.4" in err and "apt install libarticlereaderneed4" in err


def test_the_real_plugin_loads_here_or_the_check_says_why():
    plugin = system_check.xcb_plugin()
    assert plugin is not None and plugin.exists()
    missing = system_check.missing_library(plugin)
    assert missing is None or missing.startswith("lib")
