"""The API's schema, assembled from each domain's queries and mutations."""

import gc

import graphene

from catalogue.graphql.assigned import ASSIGNED_ATTRIBUTE_TYPES
from catalogue.graphql.attribute_lists import AttributeQueries
from catalogue.graphql.schema import CatalogueQueries
from producers.graphql.schema import ProducersMutations, ProducersQueries
from shop.accounts.graphql.schema import AccountsMutations, AccountsQueries
from shop.checkout.graphql.schema import CheckoutMutations, CheckoutQueries
from shop.graphql.content.schema import ContentQueries
from shop.graphql.core.carriers import CONTRACT_ONLY_TYPES
from shop.graphql.core.schema import CoreMutations, CoreQueries
from shop.graphql.core.taxes import TaxQueries
from shop.orders.graphql.schema import OrdersQueries
from shop.payments.graphql.schema import PaymentsMutations
from shop.shipping.graphql.schema import ShippingQueries


class Query(
    CoreQueries,
    CatalogueQueries,
    AttributeQueries,
    ContentQueries,
    CheckoutQueries,
    AccountsQueries,
    OrdersQueries,
    ProducersQueries,
    ShippingQueries,
    TaxQueries,
    graphene.ObjectType,
):
    """What the shop answers: its catalogue, content, checkouts, accounts and orders, its
    shipping zones and taxes, and the producers' and chambers' own work."""


class Mutation(
    CoreMutations,
    CheckoutMutations,
    PaymentsMutations,
    AccountsMutations,
    ProducersMutations,
    graphene.ObjectType,
):
    """What the shop lets a client change: its checkouts, payments and account, the producers'
    profiles and submissions, and the chambers' decisions."""


schema = graphene.Schema(
    query=Query, mutation=Mutation, types=[*ASSIGNED_ATTRIBUTE_TYPES, *CONTRACT_ONLY_TYPES]
)

# The schema and everything loaded so far live as long as the process: moved out of the cyclic
# garbage collector's sight, they are no longer scanned at each collection, which otherwise
# costs a large share of a big query's time (thousands of objects made per request).
gc.freeze()
