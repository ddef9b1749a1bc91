import graphene

from shop.accounts.addresses import ADDRESS_FIELDS, AddressData

# AddressInput's names of our fields: Saleor writes street_address1, we street_address_1.
INPUT_FIELDS = {name.replace("address_", "address"): name for name in ADDRESS_FIELDS}


class AccountInput(graphene.InputObjectType):
    first_name = graphene.String()
    last_name = graphene.String()
    language_code = graphene.InputField("shop.graphql.core.enums.LanguageCodeEnum")
    default_billing_address = graphene.InputField("shop.accounts.graphql.inputs.AddressInput")
    default_shipping_address = graphene.InputField("shop.accounts.graphql.inputs.AddressInput")
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataInput"))
    )


class AccountRegisterInput(graphene.InputObjectType):
    first_name = graphene.String()
    last_name = graphene.String()
    language_code = graphene.InputField("shop.graphql.core.enums.LanguageCodeEnum")
    email = graphene.String(required=True)
    password = graphene.String(required=True)
    redirect_url = graphene.String()
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataInput"))
    )
    channel = graphene.String()


class AddressFilterInput(graphene.InputObjectType):
    phone_number = graphene.InputField("shop.graphql.core.inputs.StringFilterInput")
    country = graphene.InputField("shop.graphql.core.inputs.CountryCodeEnumFilterInput")


class AddressInput(graphene.InputObjectType):
    first_name = graphene.String()
    last_name = graphene.String()
    company_name = graphene.String()
    street_address1 = graphene.String()
    street_address2 = graphene.String()
    city = graphene.String()
    city_area = graphene.String()
    postal_code = graphene.String()
    country = graphene.InputField("shop.graphql.core.enums.CountryCode")
    country_area = graphene.String()
    phone = graphene.String()
    metadata = graphene.InputField(
        graphene.List(graphene.NonNull("shop.graphql.core.inputs.MetadataInput"))
    )
    skip_validation = graphene.Boolean(default_value=False)


def address_data(data) -> AddressData:
    """The address an AddressInput describes (a field it leaves out is empty), its metadata
    the input's items."""
    values = {}
    for name, ours in INPUT_FIELDS.items():
        value = data.get(name)
        values[ours] = getattr(value, "value", value) or ""
    values["metadata"] = {item.key: item.value for item in data.get("metadata") or []}
    return AddressData(**values)


def address_fields_given(data) -> list[str]:
    """Our names of the address fields an AddressInput gives: the ones Saleor's partial update
    changes, the others keeping their values."""
    return [ours for name, ours in INPUT_FIELDS.items() if name in data]
