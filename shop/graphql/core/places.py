"""Countries as the API shows them: ISO code and name in the active language."""

from shop.shipping.countries import COUNTRIES


def country_display(code: str) -> dict[str, str]:
    """`CountryDisplay`: the code and its name (countries we do not deliver to keep their code)."""
    name = COUNTRIES.get(code, (code,))[0]
    return {"code": code, "country": str(name)}
