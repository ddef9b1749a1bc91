import graphene


class ProducerProfileInput(graphene.InputObjectType):
    """The producer's whole profile, as the portal's form sends it (French texts, English
    beside)."""

    legal_name = graphene.String(required=True)
    trade_name = graphene.String(required=True)
    siret = graphene.String(required=True)
    activity_kind = graphene.String(required=True, description="farm, craft or trade.")
    address_line = graphene.String(required=True)
    postcode = graphene.String(required=True)
    town = graphene.String(required=True)
    phone = graphene.String(required=True)
    email = graphene.String(required=True)
    website = graphene.String()
    story = graphene.String()
    story_en = graphene.String()
    pickup_place = graphene.String()
    pickup_days = graphene.String()
    pickup_days_en = graphene.String()
    shipping_methods = graphene.List(graphene.NonNull(graphene.String))


class LabelClaimInput(graphene.InputObjectType):
    """A quality sign claimed for a product. Its proof is a label certificate: a file sent with
    the request (`proof`, multipart), or one of the producer's documents (`proofDocument`)."""

    sign = graphene.String(required=True, description="The sign's code, e.g. aop.")
    registry_reference = graphene.String(required=True)
    certifier = graphene.String(required=True)
    certifier_code = graphene.String()
    certificate_number = graphene.String(required=True)
    valid_until = graphene.Date(required=True)
    is_essential = graphene.Boolean(default_value=True)
    proof = graphene.InputField(
        "shop.graphql.core.scalars.Upload", description="The certificate: a PDF or a picture."
    )
    proof_document = graphene.ID(description="A ProducerDocument's ID, instead of `proof`.")


class ProductMediaCreateInput(graphene.InputObjectType):
    """A photo of one of the producer's products (Saleor's shape). On an approved product,
    shoppers see it once the chamber approves."""

    product = graphene.ID(required=True)
    image = graphene.InputField(
        "shop.graphql.core.scalars.Upload", description="A JPEG, PNG or WebP picture."
    )
    alt = graphene.String(description="What the photo shows, for people who cannot see it.")
    alt_en = graphene.String(description="The same in English.")


class ProductRevisionInput(graphene.InputObjectType):
    """New values for reviewed fields of an approved product. Fields left out keep their
    approved value, or the one already proposed."""

    name = graphene.String()
    description = graphene.String()
    name_en = graphene.String()
    description_en = graphene.String()
    category = graphene.ID(description="A Category's ID.")
    is_alcohol = graphene.Boolean()
    is_perishable = graphene.Boolean()
    photos = graphene.List(
        graphene.NonNull(graphene.ID),
        description="The photos (ProductMedia IDs) to show, in order; the others are removed.",
    )
    label_claims = graphene.List(
        graphene.NonNull(graphene.ID),
        description="The claims (LabelClaim IDs) the product keeps; the others are withdrawn.",
    )
