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
    """A quality sign claimed for a product. The proof is a label certificate the producer has
    already uploaded to its documents: the API takes no file uploads."""

    sign = graphene.String(required=True, description="The sign's code, e.g. aop.")
    registry_reference = graphene.String(required=True)
    certifier = graphene.String(required=True)
    certifier_code = graphene.String()
    certificate_number = graphene.String(required=True)
    valid_until = graphene.Date(required=True)
    is_essential = graphene.Boolean(default_value=True)
    proof_document = graphene.ID(required=True, description="A ProducerDocument's ID.")
