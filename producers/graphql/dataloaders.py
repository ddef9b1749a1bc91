"""Relations of the producers' own types, in batches (see shop.graphql.core.dataloaders)."""

from collections.abc import Hashable

from producers.models import ProducerDocument
from shop.graphql.core.dataloaders import DataLoader, grouped

PRODUCER = "producer"  # keys: Producer pks


class DocumentsByProducer(DataLoader):
    """A producer's documents, newest first."""

    kind, default = PRODUCER, []

    def batch_load(self, keys: list[Hashable]) -> dict:
        documents = ProducerDocument.objects.filter(producer_id__in=keys)
        return grouped(documents.order_by("-created_at", "-pk"), "producer_id")
