from django.apps import AppConfig
from django.db.backends.signals import connection_created


class ShopConfig(AppConfig):
    name = "shop"
    verbose_name = "Oh my Lot !"

    def ready(self) -> None:
        from shop.db_timestamps import timestamp_loader_register

        connection_created.connect(timestamp_loader_register, dispatch_uid="timestamp_loader")
