"""Which fields of an approved product need the chamber again when they change.

Price and stock are not among them: they go live at once. One list, read by the revision
service, the portal's forms and the console's side-by-side.
"""

# Keys a product revision may carry. "translations" holds only the translated name and
# description; "category" a category id; "photos" the ids of the product's images in their
# proposed order; "label_claims" the ids of the product's claims it keeps.
REVIEWED_FIELDS: tuple[str, ...] = (
    "name",
    "description",
    "translations",
    "category",
    "label_claims",
    "photos",
    "is_alcohol",
    "is_perishable",
)
REVIEWED_TRANSLATED_FIELDS: tuple[str, ...] = ("name", "description")
