import pytest
from django.db import connection

from catalogue.models import ClaimStatus, Product, ReviewStatus, SellerKind
from catalogue.search import (
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    products_search,
    search_terms,
    search_text,
    sellers_search,
    trigram_available,
)
from tests.factories import make_claim, make_product, make_seller
from tests.trigram import require_trigram

pytestmark = pytest.mark.django_db

NASTY_QUERIES = [
    "",
    " ",
    "\t\n  ",
    "&",
    "|",
    "!",
    ":*",
    "()",
    "'",
    '"',
    "& | ! : * ( ) ' \"",
    "!!rocamadour:*",
    "rocamadour:A",
    "(fromage | noix) & !vin",
    "' OR 1=1 --",
    "rocamadour'; DROP TABLE catalogue_product; --",
    "%_%",
    "\\",
    "\x00",
    "<script>alert(1)</script>",
    "🧀🍷",
    "de la le les",
    "x" * 1000,
    "rocamadour " * 200,
    "é" * 5000,
    "\u0301\u0301",
    "\uff12\uff10\uff12\uff15",  # full-width digits
    "ǅ Ĳ ﬁ",
]


def make_cheese(**overrides) -> Product:
    fields = {
        "name": "Rocamadour AOP",
        "description": "Petit fromage de chèvre au lait cru, affiné deux semaines.",
        "origin": "Causse de Gramat",
        "translations": {
            "en": {
                "name": "Rocamadour PDO",
                "description": "Small raw-milk goat cheese, matured for two weeks.",
            }
        },
    }
    fields.update(overrides)
    return make_product(**fields)


def make_walnuts(**overrides) -> Product:
    fields = {
        "name": "Cerneaux de noix",
        "description": "Noix du Périgord cassées à la main.",
        "translations": {"en": {"name": "Walnut kernels"}},
    }
    fields.update(overrides)
    return make_product(**fields)


def found(query: str, language: str = "fr") -> list[Product]:
    return list(products_search(query=query, language=language))


@pytest.mark.parametrize("query", ["rocamadour", "Rocamadour", "ROCAMADOUR", "  rocamadour  "])
def test_the_name_is_found_whatever_the_case(query):
    cheese = make_cheese()
    make_walnuts()
    assert found(query) == [cheese]


@pytest.mark.parametrize(
    "query",
    ["fromage de chevre", "fromage de chèvre", "chèvre", "CHÈVRE", "chevre", "Che\u0300vre"],
)
def test_words_of_the_description_are_found_with_or_without_accents(query):
    cheese = make_cheese()
    make_walnuts()
    assert found(query) == [cheese]


def test_accents_of_the_text_are_ignored_too():
    pate = make_product(name="Pâté de campagne", description="Œufs, foie gras, crème.")
    assert found("pate") == [pate]
    assert found("oeufs creme") == [pate]
    assert found("PÂTÉ") == [pate]


def test_english_words_find_the_english_translation():
    cheese = make_cheese()
    walnuts = make_walnuts()
    assert found("goat cheese", language="en") == [cheese]
    assert found("cheeses", language="en") == [cheese]
    assert found("walnuts", language="en") == [walnuts]


def test_french_words_are_stemmed():
    cheese = make_cheese()
    assert found("fromages") == [cheese]
    assert found("affinés") == [cheese]


def test_the_last_word_is_a_prefix():
    cheese = make_cheese()
    make_walnuts()
    assert found("roca") == [cheese]
    assert found("fromage de chè") == [cheese]
    assert found("roca noix") == []


def test_a_typo_finds_the_product_when_pg_trgm_is_present():
    require_trigram()
    cheese = make_cheese()
    walnuts = make_walnuts()
    assert found("rocamadur") == [cheese]
    assert found("Rocamdour") == [cheese]
    assert found("wallnut kernel", language="en") == [walnuts]


def test_a_typo_finds_nothing_without_pg_trgm_and_breaks_nothing():
    cheese = make_cheese()
    assert found("rocamadur") == ([cheese] if trigram_available() else [])


def test_close_spellings_are_looked_for_only_when_the_words_find_nothing():
    require_trigram()
    noix = make_product(name="Noix fraîches")
    noir = make_product(name="Vin noir de Cahors")
    assert found("noir") == [noir]
    assert found("noixe") == [noix]


def test_a_word_of_the_name_ranks_above_a_word_of_the_description():
    # Alphabetical order would put the cake first: the rank must not.
    cake = make_product(name="Gâteau du Quercy", description="Un gâteau moelleux aux noix.")
    oil = make_product(name="Huile de noix", description="Pressée à froid.")
    assert found("noix") == [oil, cake]
    assert [product.search_rank > 0 for product in products_search(query="noix")] == [True, True]


def test_only_products_for_sale_are_found():
    on_sale = make_cheese()
    make_cheese(review_status=ReviewStatus.DRAFT)
    make_cheese(review_status=ReviewStatus.SUBMITTED)
    make_cheese(seller=make_seller(is_selling=False))
    withdrawn = make_cheese()
    make_claim(product=withdrawn, status=ClaimStatus.SUSPENDED)
    assert found("rocamadour") == [on_sale]
    assert found("rocamadur") == ([on_sale] if trigram_available() else [])


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_any_text_is_a_valid_query(query):
    make_cheese()
    assert found(query) == found(" ".join(search_terms(query=query)))
    assert isinstance(list(sellers_search(query=query)), list)
    assert Product.objects.count() == 1


def test_operators_and_symbols_are_ignored():
    cheese = make_cheese()
    assert found("& | ! rocamadour : * ( ) ' \"") == [cheese]
    assert found("🧀 rocamadour 🍷") == [cheese]
    assert found("\x00rocamadour") == [cheese]
    assert found("!!rocamadour:*") == [cheese]
    assert found("") == []
    assert found("🧀") == []
    assert found("de la") == []


def test_the_query_is_cleaned_and_cut():
    assert search_text(query="  Che\u0300vre\x00 de\tla\n ferme ") == "Chèvre de la ferme"
    assert search_text(query="x" * 1000) == "x" * MAX_QUERY_LENGTH
    assert search_terms(query="& fromage | de (chèvre) : * 'frais'") == [
        "fromage",
        "de",
        "chèvre",
        "frais",
    ]
    assert search_terms(query=" ".join(f"w{index}" for index in range(30))) == [
        f"w{index}" for index in range(MAX_TERMS)
    ]
    assert search_terms(query="🧀 & |") == []


def test_the_folding_function_of_the_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT omlot_unaccent(%s)", ["Œufs ÉTÉ Straße Ĳssel Łódź ﬁne Ærø Noël"])
        assert cursor.fetchone()[0] == "oeufs ete strasse ijssel lodz fine aero noel"
        cursor.execute("SELECT omlot_unaccent(NULL)")
        assert cursor.fetchone()[0] is None


def test_producers_are_found_by_name_and_town():
    truffles = make_seller(name="Les Truffières du Causse", town="Lalbenque", is_selling=True)
    make_seller(name="Truffes de Lalbenque", town="Lalbenque", is_selling=False)
    make_seller(name="Lalbenque boutique", kind=SellerKind.PROGRAMME, is_selling=True)
    make_seller(name="Domaine du Théron", town="Prayssac", is_selling=True)
    for query in ["lalbenque", "LALBENQUE", "truffières", "truffieres", "truff", "causse lalb"]:
        assert list(sellers_search(query=query)) == [truffles], query


def test_producers_are_ranked_best_first():
    in_town = make_seller(name="Ferme Delpech", town="Gramat", is_selling=True)
    named = make_seller(name="Ferme de Gramat", town="Gramat", is_selling=True)
    assert list(sellers_search(query="ferme gramat")) == [named, in_town]


def test_a_typo_of_a_producer_finds_them_when_pg_trgm_is_present():
    require_trigram()
    truffles = make_seller(name="Les Truffières du Causse", town="Lalbenque", is_selling=True)
    make_seller(name="Domaine du Théron", town="Prayssac", is_selling=True)
    assert list(sellers_search(query="lalbenqe")) == [truffles]
    assert list(sellers_search(query="trufiere")) == [truffles]


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # Tiny test tables are best read whole or in key order: forbid both, leaving the
        # planner bitmap scans, which it can build only from indexes that fit the query.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_the_search_expressions_match_the_indexes():
    """An expression index serves only a query repeating its expression exactly: this proves
    they match (not that the planner picks them on a large table, which depends on the data)."""
    make_cheese()
    assert "catalogue_product_search" in _plan(products_search(query="fromage de chèvre"))
    seller_plan = _plan(sellers_search(query="lalbenque"))
    assert "catalogue_seller_search" in seller_plan
    if trigram_available():
        # No product holds these words: the close spellings are looked up, on their index.
        assert "catalogue_product_name_trgm" in _plan(products_search(query="rocamadur"))
        assert "catalogue_seller_name_trgm" in seller_plan
