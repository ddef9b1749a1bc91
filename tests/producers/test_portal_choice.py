"""A member of several producers chooses which one they work for in the portal: the choice is
kept in the session and checked again on every request, and no one chooses a producer they are
not a member of (which answers as a producer that does not exist)."""

import pytest

from producers.models import MemberRole, ProducerMember
from producers.services.members import invitation_token_make
from tests.factories import make_member, make_producer, make_product, make_seller, make_user

pytestmark = pytest.mark.django_db

PRODUCTS = "/en/producteur/produits/"
CHOOSE = "/en/producteur/producteur-choisi/"


def _two_producers():
    """A cheese farm its user owns, a cutler's workshop they joined as staff later, a product
    of each."""
    farm = make_producer(seller=make_seller(name="Chèvrerie des Causses"))
    workshop = make_producer(seller=make_seller(name="Coutellerie du Lot"))
    user = make_member(producer=farm)
    ProducerMember.objects.create(producer=workshop, user=user, role=MemberRole.STAFF)
    make_product(seller=farm.seller, name="Rocamadour AOP")
    make_product(seller=workshop.seller, name="Couteau pliant")
    return user, farm, workshop


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_member_of_two_producers_switches_and_sees_the_others_listings(client):
    user, farm, workshop = _two_producers()
    client.force_login(user)
    farm_product = farm.seller.products.get()

    before = _page(client, PRODUCTS)
    switched = client.post(CHOOSE, {"producer": workshop.seller_id})
    dashboard = _page(client, "/en/producteur/")
    after = _page(client, PRODUCTS)
    theirs = client.get(f"/en/producteur/produits/{farm_product.pk}/")

    assert "Rocamadour AOP" in before and "Couteau pliant" not in before
    assert '<select id="portal-producer" name="producer">' in before
    assert f'<option value="{workshop.seller_id}">Coutellerie du Lot</option>' in before
    assert switched.status_code == 302 and switched["Location"] == "/en/producteur/"
    assert "Couteau pliant" in after and "Rocamadour AOP" not in after
    assert f'<option value="{workshop.seller_id}" selected>Coutellerie du Lot</option>' in after
    assert "You now work for Coutellerie du Lot." in dashboard
    assert theirs.status_code == 404


def test_no_one_switches_to_a_producer_they_are_not_a_member_of(client):
    user, _farm, _workshop = _two_producers()
    stranger = make_producer(seller=make_seller(name="Safran du Quercy"))
    make_product(seller=stranger.seller, name="Safran en pistils")
    client.force_login(user)

    answers = [
        client.post(CHOOSE, {"producer": stranger.seller_id}),
        client.post(CHOOSE, {"producer": stranger.seller_id + 1000}),
        client.post(CHOOSE, {"producer": "not-a-number"}),
        client.post(CHOOSE, {"producer": 2**70}),
    ]
    page = _page(client, PRODUCTS)

    assert [answer.status_code for answer in answers] == [404] * 4
    assert len({answer.content for answer in answers[:2]}) == 1
    assert "Rocamadour AOP" in page and "Safran en pistils" not in page
    assert client.session.get("portal_producer") is None


def test_a_member_who_leaves_the_chosen_producer_works_for_their_own_again(client):
    user, _farm, workshop = _two_producers()
    client.force_login(user)
    client.post(CHOOSE, {"producer": workshop.seller_id})

    ProducerMember.objects.filter(producer=workshop, user=user).delete()
    page = _page(client, PRODUCTS)

    assert "Rocamadour AOP" in page and "Couteau pliant" not in page
    assert 'id="portal-producer"' not in page
    assert client.session.get("portal_producer") is None


def test_joining_a_second_producer_by_invitation_works_for_it_at_once(client):
    farm = make_producer(seller=make_seller(name="Chèvrerie des Causses"))
    workshop = make_producer(seller=make_seller(name="Coutellerie du Lot"))
    user = make_member(producer=farm, email="paul@example.org")
    make_product(seller=workshop.seller, name="Couteau pliant")
    token = invitation_token_make(producer=workshop, email="paul@example.org")
    client.force_login(user)

    joined = client.post(f"/en/producteur/invitation/{token}/")
    page = _page(client, PRODUCTS)

    assert joined.status_code == 302
    assert "Couteau pliant" in page


def test_a_signed_out_visitor_is_sent_to_sign_in_and_a_get_is_refused(client):
    _user, _farm, workshop = _two_producers()
    signed_out = client.post(CHOOSE, {"producer": workshop.seller_id})
    client.force_login(make_user())
    by_get = client.get(CHOOSE)

    assert signed_out.status_code == 302 and "/login/" in signed_out["Location"]
    assert by_get.status_code == 405
