"""The French, Dutch and German catalogues are complete, compiled, used, and cover every string.

English is the source language. French is the shop's default language, and the tourists who buy
after a summer in the Lot read Dutch and German too: an untranslated string would show up in
English on those shops. `make messages` regenerates and compiles the catalogues; these tests fail
when that was forgotten or when a new string was left untranslated in any of them.
"""

import gettext
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

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
from shop.shipping.countries import country_choices
from shop.shipping.models import DeliveryMethod

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"

# Every language the shop offers has a catalogue, except English, the language of the sources.
CATALOGUE_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "nl": "nplurals=2; plural=(n != 1);",
    "de": "nplurals=2; plural=(n != 1);",
}
each_language = pytest.mark.parametrize("language", CATALOGUE_LANGUAGES)


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


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


def test_the_shop_ships_a_catalogue_for_french_dutch_and_german():
    assert CATALOGUE_LANGUAGES == ["fr", "nl", "de"]
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text(encoding="utf-8")
    commands = [line for line in makefile.splitlines() if "makemessages" in line]
    commands += [line for line in makefile.splitlines() if "compilemessages" in line]
    assert len(commands) == 2, "The Makefile target `messages` runs both commands once."
    for command in commands:
        assert all(f"-l {language}" in command for language in CATALOGUE_LANGUAGES), command


@each_language
def test_each_catalogue_has_a_header_for_its_language(language):
    header = po_entries(po_path(language))[0]
    assert header["msgid"] == ""
    assert "fuzzy" not in header["flags"]
    assert f"Language: {language}\n" in header["msgstr"][0]
    assert f"Plural-Forms: {PLURAL_FORMS[language]}\n" in header["msgstr"][0]
    assert "charset=UTF-8" in header["msgstr"][0]


@each_language
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    path = po_path(language)
    entries = po_entries(path)
    assert len(entries) > 100
    assert incomplete_msgids(path) == []
    assert "#, fuzzy" not in path.read_text(encoding="utf-8")


def test_the_catalogues_hold_the_same_strings():
    def msgids(language: str) -> set[tuple]:
        return {
            (entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural"))
            for entry in po_entries(po_path(language))
        }

    french = msgids("fr")
    for language in CATALOGUE_LANGUAGES:
        assert msgids(language) == french, f"Run `make messages`: {language} differs from fr."


@needs_gettext
@each_language
def test_msgfmt_finds_no_untranslated_fuzzy_or_broken_entry(language, tmp_path):
    result = msgfmt(po_path(language), tmp_path / "django.mo")
    assert result.returncode == 0, result.stderr
    assert "translated message" in result.stderr
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


@needs_gettext
@each_language
def test_the_committed_mo_file_is_compiled_from_the_current_po_file(language, tmp_path):
    fresh = tmp_path / "django.mo"
    assert msgfmt(po_path(language), fresh).returncode == 0
    committed = po_path(language).with_suffix(".mo")
    assert committed.exists(), "Run `make messages`: the .mo file is missing."
    assert catalogue(committed) == catalogue(fresh), "Run `make messages`: the .mo file is stale."


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


INTERFACE_STRINGS = {
    "nl": {
        "Add to cart": "In winkelwagen",
        "Cart": "Winkelwagen",
        "Your cart is empty.": "Uw winkelwagen is leeg.",
        "incl. VAT": "incl. btw",
        "Check out": "Afrekenen",
    },
    "de": {
        "Add to cart": "In den Warenkorb",
        "Cart": "Warenkorb",
        "Your cart is empty.": "Ihr Warenkorb ist leer.",
        "incl. VAT": "inkl. MwSt.",
        "Check out": "Zur Kasse",
    },
}


@pytest.mark.parametrize("language", INTERFACE_STRINGS)
def test_real_interface_strings_come_out_in_dutch_and_german(language):
    with translation.override(language):
        for source, expected in INTERFACE_STRINGS[language].items():
            assert translation.gettext(source) == expected
    with translation.override("en"):
        for source in INTERFACE_STRINGS[language]:
            assert translation.gettext(source) == source


def test_plurals_and_lazy_labels_follow_each_language():
    def items(count: int) -> str:
        text = translation.ngettext("%(counter)s item", "%(counter)s items", count)
        return text % {"counter": count}

    with translation.override("fr"):
        assert [items(0), items(1), items(2)] == ["0 article", "1 article", "2 articles"]
        assert str(DeliveryMethod.PICKUP.label) == "Retrait chez le producteur"
        assert ("DE", "Allemagne") in [(code, str(name)) for code, name in country_choices()]
    with translation.override("nl"):
        assert [items(0), items(1), items(2)] == ["0 artikelen", "1 artikel", "2 artikelen"]
        assert str(DeliveryMethod.PICKUP.label) == "Afhalen bij de producent"
        assert ("NL", "Nederland") in [(code, str(name)) for code, name in country_choices()]
    with translation.override("de"):
        assert [items(0), items(1), items(2)] == ["0 Artikel", "1 Artikel", "2 Artikel"]
        assert str(DeliveryMethod.CHILLED.label) == "Gekühlter Expressversand"
        assert ("DE", "Deutschland") in [(code, str(name)) for code, name in country_choices()]


# The button that commits the shopper to pay must say so, in the words each country's law uses
# (France: Code de la consommation, art. L.221-14; Germany: BGB § 312j; the Netherlands: BW 6:230v).
PLACE_ORDER = {
    "fr": "Commander avec obligation de paiement",
    "nl": "Bestelling plaatsen met betalingsverplichting",
    "de": "Zahlungspflichtig bestellen",
    "en": "Place order",
}


@pytest.mark.parametrize("language", PLACE_ORDER)
def test_the_order_button_carries_the_legal_wording(language):
    summary = SimpleNamespace(
        groups=[],
        subtotal=Decimal("12.50"),
        shipping_total=Decimal("0.00"),
        total=Decimal("12.50"),
        vat_lines=[],
        withdrawal_excluded=[],
        has_alcohol=False,
    )
    context = {"summary": summary, "gateway": SimpleNamespace(name="Test")}
    with translation.override(language):
        page = render_to_string("storefront/checkout/review.html", context)
    assert f'name="action" value="place">{PLACE_ORDER[language]}</button>' in page


@pytest.mark.django_db
def test_a_dutch_visitor_gets_the_home_page_in_dutch(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="nl-BE,nl;q=0.9,en;q=0.5")["Location"] == "/nl/"
    page = client.get("/nl/").content.decode()
    assert '<html lang="nl">' in page
    for dutch in ("Naar de inhoud", "Winkelwagen", "Zoeken", "Er is nog geen product te koop"):
        assert dutch in page
    for english in ("Skip to content", "Cart", "No product is on sale yet"):
        assert english not in page


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
@each_language
def test_a_fresh_makemessages_run_finds_no_untranslated_string(
    language, tmp_path, settings, monkeypatch
):
    """makemessages runs on a copy of the sources, so the committed catalogues are never touched."""
    project = tmp_path / "project"
    _copy_sources(Path(settings.BASE_DIR), project)
    settings.LOCALE_PATHS = [project / "locale"]
    monkeypatch.chdir(project)

    call_command(
        "makemessages",
        locale=[language],
        ignore_patterns=MAKEMESSAGES_IGNORE,
        no_obsolete=True,
        verbosity=0,
    )

    fresh = project / "locale" / language / "LC_MESSAGES" / "django.po"
    missing = incomplete_msgids(fresh)
    assert missing == [], f"Translate these strings, then run `make messages`: {missing}"
