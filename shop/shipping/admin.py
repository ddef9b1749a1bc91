from django.contrib import admin

from shop.shipping.models import WeightRate


@admin.register(WeightRate)
class WeightRateAdmin(admin.ModelAdmin):
    list_display = ("method", "zone", "max_weight_grams", "price")
    list_filter = ("method", "zone")
    list_editable = ("price",)
