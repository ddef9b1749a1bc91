"""The producers API's enums: error codes of the onboarding and review domains, review states,
decisions and the kinds of queued items."""

import graphene

from catalogue.error_codes import CatalogueErrorCode
from catalogue.models import ClaimStatus, ReviewStatus
from producers.error_codes import ProducerErrorCode as DomainProducerCode
from producers.models import RevisionStatus
from producers.review_errors import ReviewErrorCode

# Codes every payload may carry beside the domains' own.
GENERIC_CODES = ("INVALID", "REQUIRED", "UNIQUE", "NOT_FOUND", "PERMISSION_DENIED")
PRODUCER_CODES = (
    *GENERIC_CODES,
    *(member.value for member in DomainProducerCode),
    *(member.value for member in ReviewErrorCode),
    *(member.value for member in CatalogueErrorCode),  # an uploaded photo's checks
)

ProducerErrorCode = graphene.Enum(
    "ProducerErrorCode",
    [(code, code) for code in PRODUCER_CODES],
    description="Why a producer's or a chamber's mutation was refused.",
)
ReviewStatusEnum = graphene.Enum.from_enum(
    ReviewStatus, description="Where a producer or a product stands in the chamber's review."
)
ClaimStatusEnum = graphene.Enum.from_enum(
    ClaimStatus, description="Where a label claim stands in the chamber's review."
)
RevisionStatusEnum = graphene.Enum.from_enum(
    RevisionStatus, description="Where proposed changes to an approved product stand."
)


class ReviewDecisionEnum(graphene.Enum):
    """A chamber's decision on an application or a product."""

    APPROVE = ReviewStatus.APPROVED.value
    REQUEST_CHANGES = ReviewStatus.CHANGES_REQUESTED.value
    REJECT = ReviewStatus.REJECTED.value


class ReviewQueueKind(graphene.Enum):
    """What waits in a chamber's queue."""

    PRODUCER = "producer"
    PRODUCT = "product"
    REVISION = "revision"
    CLAIM = "claim"
