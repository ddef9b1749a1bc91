"""Producer onboarding: an account with a confirmed email, then the producer's profile, photos
and private documents. Submitting the application is the review's business
(producers.services.submission)."""

from dataclasses import dataclass, field

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from catalogue import images
from catalogue.models import ReviewStatus, Seller, SellerKind
from producers import emails
from producers.audit import audit_record
from producers.documents import document_clean
from producers.error_codes import ProducerErrorCode
from producers.models import (
    COMPETENT_CHAMBER,
    SHIPPING_METHODS,
    ActivityKind,
    Chamber,
    DocumentKind,
    MemberRole,
    Producer,
    ProducerDocument,
    ProducerMember,
    ProducerPhoto,
)
from producers.permissions import member_require
from producers.services.files import file_store, files_removed_on_failure
from producers.siret import normalise_siret, validate_siret
from shop.accounts.models import User
from shop.accounts.services import user_register

# Fields that name the legal entity: frozen while the chamber reviews or once it approved.
IDENTITY_FIELDS = ("legal_name", "siret", "activity_kind")
IDENTITY_EDITABLE_STATUSES = (ReviewStatus.DRAFT, ReviewStatus.CHANGES_REQUESTED)


class _EmailConfirmationTokens(PasswordResetTokenGenerator):
    """One-time links: a confirmed (active) or signed-in account no longer matches the hash."""

    key_salt = "producers.onboarding.email_confirmation"

    def _make_hash_value(self, user: User, timestamp: int) -> str:
        login_timestamp = (
            user.last_login.replace(microsecond=0, tzinfo=None) if user.last_login else ""
        )
        return f"{user.pk}{user.password}{user.is_active}{login_timestamp}{timestamp}"


email_confirmation_tokens = _EmailConfirmationTokens()


def _signup_confirmation_queue(*, user_id: int) -> None:
    from producers.tasks import signup_confirmation_send_task

    signup_confirmation_send_task.delay(user_id=user_id)


@transaction.atomic
def producer_account_register(
    *,
    email: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    language_code: str = "fr",
) -> User:
    """Open the account of a future producer, inactive until its email address is confirmed.

    The rules of accounts are shop.accounts.services.user_register's (ValidationError keyed by
    field); the confirmation email is queued once the account is committed.
    """
    user = user_register(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        language_code=language_code,
    )
    user.is_active = False
    user.save(update_fields=["is_active"])
    transaction.on_commit(lambda: _signup_confirmation_queue(user_id=user.pk), robust=True)
    return user


def signup_confirmation_email_send(*, user_id: int) -> bool:
    """Email the confirmation link of an account still waiting for it; True when sent."""
    user = User.objects.filter(pk=user_id, is_active=False, last_login__isnull=True).first()
    if user is None:
        return False
    emails.signup_confirmation_send(
        user=user,
        uidb64=urlsafe_base64_encode(force_bytes(user.pk)),
        token=email_confirmation_tokens.make_token(user),
    )
    return True


@transaction.atomic
def producer_account_confirm(*, uidb64: str, token: str) -> User | None:
    """Activate the account behind a confirmation link; None when the link is wrong, expired
    or already used (an account disabled later by the brand team cannot be revived by it)."""
    try:
        user_id = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None
    user = User.objects.select_for_update().filter(pk=user_id).first()
    if user is None or user.is_active or user.last_login is not None:
        return None
    if not email_confirmation_tokens.check_token(user, token):
        return None
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


@dataclass(frozen=True, kw_only=True)
class ProducerProfileData:
    """What a producer says about itself; French texts, with their English translations."""

    legal_name: str
    trade_name: str
    siret: str
    activity_kind: str
    address_line: str
    postcode: str
    town: str
    phone: str
    email: str
    website: str = ""
    story: str = ""
    story_en: str = ""
    pickup_place: str = ""
    pickup_days: str = ""
    pickup_days_en: str = ""
    shipping_methods: tuple[str, ...] = field(default_factory=tuple)


def _profile_errors(data: ProducerProfileData) -> dict[str, list[ValidationError]]:
    """The errors a person can fix in the form, in words, before the database sees the row."""
    errors: dict[str, list[ValidationError]] = {}
    try:
        validate_siret(data.siret)
    except ValidationError as error:
        errors["siret"] = [error]
    if data.activity_kind not in ActivityKind.values:
        errors["activity_kind"] = [ValidationError(_("Choose your kind of activity."))]
    postcode = data.postcode.strip()
    if not (
        len(postcode) == 5
        and postcode.isascii()
        and postcode.isdigit()
        and postcode.startswith("46")
    ):
        errors["postcode"] = [
            ValidationError(_("The shop is for producers of the Lot: the postcode starts with 46."))
        ]
    known_methods = {method.value for method in SHIPPING_METHODS}
    if not set(data.shipping_methods) <= known_methods:
        errors["shipping_methods"] = [ValidationError(_("Choose among the shipping offered."))]
    if data.pickup_days.strip() and not data.pickup_place.strip():
        errors["pickup_place"] = [ValidationError(_("Say where shoppers collect their orders."))]
    for name in ("legal_name", "trade_name", "address_line", "town", "email"):
        if not getattr(data, name).strip():
            errors[name] = [ValidationError(_("This field is required."), code="required")]
    return errors


def _profile_apply(*, producer: Producer, data: ProducerProfileData) -> None:
    producer.legal_name = data.legal_name.strip()
    producer.siret = normalise_siret(data.siret)
    producer.activity_kind = data.activity_kind
    producer.address_line = data.address_line.strip()
    producer.postcode = data.postcode.strip()
    producer.town = data.town.strip()
    producer.phone = data.phone.strip()
    producer.email = data.email.strip().lower()
    producer.website = data.website.strip()
    producer.story = data.story.strip()
    producer.pickup_place = data.pickup_place.strip()
    producer.pickup_days = data.pickup_days.strip() if producer.pickup_place else ""
    producer.shipping_methods = [
        method.value for method in SHIPPING_METHODS if method.value in data.shipping_methods
    ]
    english = {"story": data.story_en.strip(), "pickup_days": data.pickup_days_en.strip()}
    if not producer.pickup_place:
        english["pickup_days"] = ""
    producer.translations = {**producer.translations, "en": {k: v for k, v in english.items() if v}}
    if not producer.translations["en"]:
        del producer.translations["en"]


def _validated_save(producer: Producer, errors: dict[str, list[ValidationError]]) -> None:
    """Run the model's own checks (SIRET uniqueness, lengths, URL) beside ours; save or raise."""
    try:
        producer.full_clean(exclude=["seller", "chamber", *errors])
    except ValidationError as error:
        for name, messages in error.error_dict.items():
            errors.setdefault(name, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    producer.save()


def _seller_slug(trade_name: str) -> str:
    base = slugify(trade_name)[:180] or "producteur"
    slug, suffix = base, 2
    while Seller.objects.filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


@transaction.atomic
def producer_create(*, user: User, data: ProducerProfileData) -> Producer:
    """Create the user's producer, in draft, with the user as its owner.

    The competent chamber follows from the activity kind. Raises ValidationError keyed by field
    (invalid SIRET, a postcode outside the Lot...) and saves nothing, or with ALREADY_PRODUCER
    when the user already owns a producer.
    """
    if ProducerMember.objects.filter(user=user, role=MemberRole.OWNER).exists():
        raise ValidationError(
            _("You already run a producer on the shop."),
            code=ProducerErrorCode.ALREADY_PRODUCER.value,
        )
    errors = _profile_errors(data)
    producer = Producer(status=ReviewStatus.DRAFT)
    _profile_apply(producer=producer, data=data)
    if "activity_kind" not in errors:
        producer.chamber = Chamber.objects.get(code=COMPETENT_CHAMBER[data.activity_kind])
    producer.seller = Seller(
        kind=SellerKind.PRODUCER,
        name=data.trade_name.strip()[:200],
        slug=_seller_slug(data.trade_name),
        town=producer.town,
    )
    producer.seller.save()
    _validated_save(producer, errors)
    ProducerMember.objects.create(producer=producer, user=user, role=MemberRole.OWNER)
    audit_record(
        actor=user,
        action="producers.producer.created",
        producer=producer,
        target=producer,
        to_state=producer.status,
    )
    return producer


@transaction.atomic
def producer_update(*, user: User, producer: Producer, data: ProducerProfileData) -> Producer:
    """Change the profile of `producer` (its owner only). The legal identity (name, SIRET,
    activity) can change only while the application is a draft or sent back for changes; a new
    activity kind moves the application to its competent chamber."""
    member_require(user=user, producer=producer, owner=True)
    producer = Producer.objects.select_for_update().select_related("seller").get(pk=producer.pk)
    errors = _profile_errors(data)
    before = {name: getattr(producer, name) for name in IDENTITY_FIELDS}
    _profile_apply(producer=producer, data=data)
    changed = [name for name in IDENTITY_FIELDS if getattr(producer, name) != before[name]]
    if changed and producer.status not in IDENTITY_EDITABLE_STATUSES:
        for name in changed:
            errors.setdefault(name, []).append(
                ValidationError(
                    _("This cannot change while the chamber reviews or after it approved."),
                    code=ProducerErrorCode.IDENTITY_LOCKED.value,
                )
            )
    if "activity_kind" in changed and "activity_kind" not in errors:
        producer.chamber = Chamber.objects.get(code=COMPETENT_CHAMBER[producer.activity_kind])
    _validated_save(producer, errors)
    producer.seller.name = data.trade_name.strip()[:200]
    producer.seller.town = producer.town
    producer.seller.save(update_fields=["name", "town"])
    return producer


@transaction.atomic
def producer_document_add(
    *, user: User, producer: Producer, kind: str, upload, title: str = ""
) -> ProducerDocument:
    """Keep a registration proof or a label certificate in the private storage.

    The file is judged by its content (a PDF, or a picture that is re-encoded); a file whose
    name or declared type lies is refused. Raises ValidationError and stores nothing then.
    """
    member_require(user=user, producer=producer)
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": [ValidationError(_("Choose the kind of document."))]})
    try:
        clean = document_clean(upload)
    except ValidationError as error:
        raise ValidationError({"file": [error]}) from error
    document = ProducerDocument(
        producer=producer,
        kind=kind,
        title=title.strip()[:200],
        content_type=clean.content_type,
        size=len(clean.content),
        uploaded_by=user,
    )
    with files_removed_on_failure() as stored:
        file_store(
            field_file=document.file,
            name=f"{kind}.{clean.extension}",
            content=clean.content,
            stored=stored,
        )
        document.save()
    return document


@transaction.atomic
def producer_document_delete(*, user: User, producer: Producer, document_id: int) -> None:
    """Remove one of the producer's documents while its application can still change."""
    member_require(user=user, producer=producer)
    document = ProducerDocument.objects.filter(pk=document_id, producer=producer).first()
    if document is None:
        raise ValidationError(_("This document does not exist."))
    if producer.status not in IDENTITY_EDITABLE_STATUSES:
        raise ValidationError(
            _("Documents cannot be removed while the chamber reviews or after it approved."),
            code=ProducerErrorCode.NOT_EDITABLE.value,
        )
    name, storage = document.file.name, document.file.storage
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def producer_photo_add(
    *, user: User, producer: Producer, upload, alt: str = "", alt_en: str = ""
) -> ProducerPhoto:
    """Add a photo to the producer's page, validated by content and re-encoded."""
    member_require(user=user, producer=producer)
    try:
        clean = images.image_clean(upload)
    except ValidationError as error:
        raise ValidationError({"image": [error]}) from error
    Producer.objects.select_for_update().only("pk").get(pk=producer.pk)
    last = producer.photos.order_by("-position").values_list("position", flat=True).first()
    photo = ProducerPhoto(
        producer=producer,
        alt=alt.strip()[:250],
        translations={"en": {"alt": alt_en.strip()[:250]}} if alt_en.strip() else {},
        width=clean.width,
        height=clean.height,
        position=0 if last is None else last + 1,
    )
    with files_removed_on_failure() as stored:
        file_store(
            field_file=photo.image,
            name=f"{producer.seller.slug[:40]}.{clean.extension}",
            content=clean.content,
            stored=stored,
        )
        photo.save()
    return photo
