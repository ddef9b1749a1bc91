"""Types made of one of the shop's fixed choices (a member of a model's TextChoices): a VAT
rate, a shipping zone, a delivery method."""

import graphene
from django.db.models import TextChoices

from shop.graphql.core.ids import to_global_id


class ChoiceFields:
    """The ID (holding the choice's stored value, under the type's name) and the name (its
    label in the active language) of a type made of a choice."""

    id = graphene.ID(required=True)
    name = graphene.String(required=True)

    @staticmethod
    def resolve_id(root: TextChoices, info) -> str:
        return to_global_id(info.parent_type.name, root.value)

    @staticmethod
    def resolve_name(root: TextChoices, info) -> str:
        return str(root.label)
