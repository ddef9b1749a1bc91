"""The French catalogue is complete, compiled, used, and covers every string of the code.

French is the shop's default language: an untranslated string would show up in English on the
French shop. `make messages` regenerates and compiles the catalogue; these tests fail when that
was forgotten or when a new string was left untranslated.
"""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import translation

from catalogue.images import image_clean
from catalogue.models import Allergen, Product, VatRate
from producers.siret import validate_siret

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
PO_FILE = LOCALE_DIR / "fr" / "LC_MESSAGES" / "django.po"
MO_FILE = PO_FILE.with_suffix(".mo")

# The same folders `make messages` leaves out.
MAKEMESSAGES_IGNORE = [".venv", ".data", "tests", "staticfiles"]
MAKEMESSAGES_EXTENSIONS = {".py", ".html", ".txt"}
SKIPPED_FOLDERS = {"__pycache__", "locale", "node_modules", *MAKEMESSAGES_IGNORE}

needs_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None or shutil.which("xgettext") is None,
    reason="GNU gettext (msgfmt, xgettext) is not installed",
)

_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+(".*")$')


def _unquote(literal: str) -> str:
    """The text of one PO string literal, escapes resolved."""
    body = literal[1:-1]
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda match: escapes.get(match.group(1), match.group(0)), body)


def po_entries(path: Path) -> list[dict]:
    """The entries of a PO file: {"flags": set, "msgid": str, "msgstr": [str, ...], ...}.

    Enough of the format for these checks: comments, flags, msgctxt, plural forms and strings
    continued over several lines. Obsolete entries (#~) are left out; the header is included.
    """
    entries: list[dict] = []
    entry: dict = {}
    key = ""
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line = raw_line.strip()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#"):
            if "msgid" in entry:
                entries.append(entry)
                entry = {}
            if line.startswith("#,"):
                flags = {flag.strip() for flag in line[2:].split(",")}
                entry.setdefault("flags", set()).update(flags)
            continue
        match = _KEYWORD.match(line)
        if match:
            key, literal = match.groups()
            if key in ("msgctxt", "msgid") and "msgid" in entry:
                entries.append(entry)
                entry = {}
            entry[key] = _unquote(literal)
        elif line.startswith('"'):
            entry[key] += _unquote(line)
        else:
            raise AssertionError(f"{path}: unexpected line {raw_line!r}")
    if "msgid" in entry:
        entries.append(entry)
    for item in entries:
        item.setdefault("flags", set())
        forms = sorted(name for name in item if name.startswith("msgstr"))
        item["msgstr"] = [item[name] for name in forms]
    return entries


def incomplete_msgids(path: Path) -> list[str]:
    """The msgids of `path` that are fuzzy or have an empty translation."""
    return [
        entry["msgid"]
        for entry in po_entries(path)
        if "fuzzy" in entry["flags"] or (entry["msgid"] and not all(entry["msgstr"]))
    ]


def msgfmt(po_file: Path, mo_file: Path | str) -> subprocess.CompletedProcess:
    """Compile like `compilemessages` does (--check-format), with statistics on stderr."""
    return subprocess.run(
        ["msgfmt", "--check-format", "--check-header", "--statistics", "-o", str(mo_file), po_file],
        capture_output=True,
        text=True,
        timeout=60,
    )


def catalogue(mo_file: Path) -> dict:
    with mo_file.open("rb") as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)


def test_the_french_catalogue_has_a_french_header():
    header = po_entries(PO_FILE)[0]
    assert header["msgid"] == ""
    assert "fuzzy" not in header["flags"]
    assert "Language: fr\n" in header["msgstr"][0]
    assert "Plural-Forms: nplurals=2; plural=(n > 1);\n" in header["msgstr"][0]
    assert "charset=UTF-8" in header["msgstr"][0]


def test_every_french_entry_is_translated_and_none_is_fuzzy():
    entries = po_entries(PO_FILE)
    assert len(entries) > 100
    assert incomplete_msgids(PO_FILE) == []
    assert "#, fuzzy" not in PO_FILE.read_text(encoding="utf-8")


@needs_gettext
def test_msgfmt_finds_no_untranslated_fuzzy_or_broken_entry(tmp_path):
    result = msgfmt(PO_FILE, tmp_path / "django.mo")
    assert result.returncode == 0, result.stderr
    assert "translated message" in result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


@needs_gettext
def test_the_committed_mo_file_is_compiled_from_the_current_po_file(tmp_path):
    fresh = tmp_path / "django.mo"
    assert msgfmt(PO_FILE, fresh).returncode == 0
    assert MO_FILE.exists(), "Run `make messages`: the .mo file is missing."
    assert catalogue(MO_FILE) == catalogue(fresh), "Run `make messages`: the .mo file is stale."


def test_real_strings_of_the_shop_come_out_in_french_and_stay_english_in_english():
    with translation.override("fr"):
        assert str(Product._meta.verbose_name_plural) == "produits"
        assert str(VatRate.REDUCED.label) == "5,5 % (alimentation)"
        assert str(Allergen.MILK.label) == "Lait (y compris le lactose)"
        assert str(dict(settings.LANGUAGES)["de"]) == "Allemand"
    with translation.override("en"):
        assert str(Product._meta.verbose_name_plural) == "products"
        assert str(VatRate.REDUCED.label) == "5.5 % (food)"
        assert str(Allergen.MILK.label) == "Milk (including lactose)"
        assert str(dict(settings.LANGUAGES)["de"]) == "German"


def test_validation_errors_are_written_in_the_shoppers_language():
    def messages(check, value) -> list[str]:
        with pytest.raises(ValidationError) as error:
            check(value)
        return error.value.messages

    with translation.override("fr"):
        assert messages(image_clean, ContentFile(b"not an image", name="photo.jpg")) == [
            "Ce fichier n'est pas une image valide, ou il est endommagé."
        ]
        assert messages(validate_siret, "123")[0].startswith("Saisissez un numéro SIRET valide")
    with translation.override("en"):
        assert messages(image_clean, ContentFile(b"not an image", name="photo.jpg")) == [
            "This file is not a valid image, or it is damaged."
        ]
        assert messages(validate_siret, "123")[0].startswith("Enter a valid SIRET")


def test_the_storefront_templates_are_translated():
    with translation.override("fr"):
        page = render_to_string("storefront/base.html")
        assert "Aller au contenu" in page
        assert "La boutique des producteurs du Lot" in page
    with translation.override("en"):
        page = render_to_string("storefront/base.html")
        assert "Skip to content" in page
        assert "Aller au contenu" not in page


def _copy_sources(source: Path, target: Path) -> None:
    """The files makemessages reads, under the same relative paths (locale/ copied apart)."""

    def ignored(folder: str, names: list[str]) -> set[str]:
        skipped = set()
        for name in names:
            path = Path(folder) / name
            if path.is_dir():
                if name.startswith(".") or name in SKIPPED_FOLDERS:
                    skipped.add(name)
            elif path.suffix not in MAKEMESSAGES_EXTENSIONS:
                skipped.add(name)
        return skipped

    shutil.copytree(source, target, ignore=ignored)
    shutil.copytree(source / "locale", target / "locale")


@needs_gettext
def test_a_fresh_makemessages_run_finds_no_untranslated_string(tmp_path, settings, monkeypatch):
    """makemessages runs on a copy of the sources, so the committed catalogue is never touched."""
    project = tmp_path / "project"
    _copy_sources(Path(settings.BASE_DIR), project)
    settings.LOCALE_PATHS = [project / "locale"]
    monkeypatch.chdir(project)

    call_command(
        "makemessages",
        locale=["fr"],
        ignore_patterns=MAKEMESSAGES_IGNORE,
        no_obsolete=True,
        verbosity=0,
    )

    fresh = project / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    missing = incomplete_msgids(fresh)
    assert missing == [], f"Translate these strings, then run `make messages`: {missing}"
