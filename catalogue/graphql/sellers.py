"""Our extensions to the contract: who sells a product, and the quality signs in force.

The brand mark "Oh my Lot !" is a collective brand, not a quality sign: it is never listed
among `signs`."""

import graphene

from catalogue.graphql.dataloaders import ClaimsBySeller
from catalogue.graphql.filters import products_page
from catalogue.graphql.variants import page_arguments
from catalogue.models import SellerKind, SignKind
from catalogue.selectors import products_of_seller
from shop.graphql.core.connections import countable_connection
from shop.graphql.core.ids import to_global_id

SellerKindEnum = graphene.Enum.from_enum(SellerKind, description="Who a seller is.")
SignKindEnum = graphene.Enum.from_enum(SignKind, description="What kind of sign or title.")


class QualitySign(graphene.ObjectType):
    """An official quality sign or title: AOP, IGP, Label Rouge, organic, Maître artisan..."""

    code = graphene.String(required=True)
    name = graphene.String(required=True)
    kind = graphene.Field(SignKindEnum, required=True)
    description = graphene.String(required=True)

    @staticmethod
    def resolve_name(root, info) -> str:
        return root.translated("name")

    @staticmethod
    def resolve_description(root, info) -> str:
        return root.translated("description")


class SignInForce(graphene.ObjectType):
    """A sign a product or a producer holds now, with its proof's public details."""

    sign = graphene.Field(QualitySign, required=True)
    registry_reference = graphene.String(required=True)
    certifier = graphene.String(required=True)
    certifier_code = graphene.String(description="FR-BIO-xx for organic products.")
    valid_until = graphene.Date(required=True)

    @staticmethod
    def resolve_certifier_code(root, info) -> str | None:
        return root.certifier_code or None


class Producer(graphene.ObjectType):
    """A seller of the shop: a producer of the Lot, or the programme (merchandise)."""

    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    town = graphene.String(required=True)
    kind = graphene.Field(SellerKindEnum, required=True)
    signs = graphene.List(
        graphene.NonNull(SignInForce),
        required=True,
        description="The producer's own titles and labels in force (craft titles, EPV).",
    )
    products = graphene.Field(
        "catalogue.graphql.products.ProductCountableConnection",
        channel=graphene.String(),
        **page_arguments(),
    )

    @staticmethod
    def resolve_id(root, info) -> str:
        return to_global_id("Producer", root.pk)

    @staticmethod
    def resolve_signs(root, info) -> list:
        return info.context.loaders.get(ClaimsBySeller).load(root.pk)

    @staticmethod
    def resolve_products(root, info, **arguments):
        return products_page(info, products=products_of_seller(seller=root), **arguments)


ProducerCountableConnection = countable_connection(Producer, "Producer")
