from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from pos_app.db.models import User
from pos_app.domain.roles import Role
from pos_app.errors import AuthError, Conflict, LoginThrottled, NotFound, PermissionDenied, ValidationError
from pos_app.services.auth import AuthService, login_delay
from tests.conftest import PASSWORDS


def test_users_log_in_with_their_role(services):
    actor = services.auth.login("Stock ", PASSWORDS["stock"])
    assert (actor.username, actor.role) == ("stock", Role.STOCK_MANAGER)


def test_wrong_password_and_unknown_user_give_the_same_message(services):
    with pytest.raises(AuthError, match="Unknown username or wrong password"):
        services.auth.login("stock", "wrong-password")
    with pytest.raises(AuthError, match="Unknown username or wrong password"):
        services.auth.login("nobody", "wrong-password")


def test_passwords_are_stored_as_argon2id_hashes(services):
    with services.db.read_session() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "stock"))
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert PASSWORDS["stock"] not in stored


def test_after_five_failures_each_attempt_must_wait_longer(services, clock):
    for _ in range(5):
        with pytest.raises(AuthError):
            services.auth.login("cashier", "wrong-password")
    with pytest.raises(LoginThrottled) as throttled:
        services.auth.login("cashier", PASSWORDS["cashier"])
    assert throttled.value.retry_after_seconds == 5
    clock.advance(seconds=5)
    with pytest.raises(AuthError):
        services.auth.login("cashier", "wrong-password")
    with pytest.raises(LoginThrottled) as throttled:
        services.auth.login("cashier", PASSWORDS["cashier"])
    assert throttled.value.retry_after_seconds == 10
    clock.advance(seconds=10)
    assert services.auth.login("cashier", PASSWORDS["cashier"]).username == "cashier"
    clock.advance(seconds=1)
    with pytest.raises(AuthError):  # the count starts again after a success
        services.auth.login("cashier", "wrong-password")
    assert services.auth.login("cashier", PASSWORDS["cashier"]).username == "cashier"


def test_the_delay_grows_and_is_capped():
    assert [login_delay(n).total_seconds() for n in (4, 5, 6, 7)] == [0, 5, 10, 20]
    assert login_delay(40) == timedelta(minutes=15)


def test_a_password_hashed_with_old_parameters_is_rehashed_at_login(services, admin):
    weak = AuthService(services.db, services.clock, PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    weak.create_user(admin, "olduser", "old-password", "cashier")
    services.auth.login("olduser", "old-password")
    with services.db.read_session() as session:
        stored = session.scalar(select(User.password_hash).where(User.username == "olduser"))
    assert "m=19456,t=2,p=1" in stored
    assert services.auth.login("olduser", "old-password").role is Role.CASHIER


def test_only_an_admin_creates_users(services, admin, stock_manager):
    with pytest.raises(PermissionDenied, match="may not manage users"):
        services.auth.create_user(stock_manager, "newbie", "password-123", "cashier")
    services.auth.create_user(admin, "newbie", "password-123", "cashier")
    assert services.auth.login("newbie", "password-123").role is Role.CASHIER


@pytest.mark.parametrize(
    ("username", "password", "role", "error"),
    [
        ("bad name", "password-123", "cashier", ValidationError),
        ("", "password-123", "cashier", ValidationError),
        ("x" * 65, "password-123", "cashier", ValidationError),
        ("ok", "short", "cashier", ValidationError),
        ("ok", "password-123", "boss", ValidationError),
        ("stock", "password-123", "cashier", Conflict),
    ],
)
def test_bad_new_users_are_refused(services, admin, username, password, role, error):
    with pytest.raises(error):
        services.auth.create_user(admin, username, password, role)
    assert [u.username for u in services.auth.users(admin)] == ["accountant", "admin", "cashier", "stock"]


def test_bootstrap_works_only_on_an_empty_shop(services):
    with pytest.raises(Conflict, match="already has users"):
        services.auth.bootstrap_admin("intruder", "password-123")


def test_a_deactivated_user_cannot_log_in_and_an_admin_can_reset_a_password(services, admin):
    services.auth.set_active(admin, "cashier", False)
    with pytest.raises(AuthError, match="deactivated"):
        services.auth.login("cashier", PASSWORDS["cashier"])
    services.auth.set_active(admin, "cashier", True)
    services.auth.reset_password(admin, "cashier", "brand-new-password")
    assert services.auth.login("cashier", "brand-new-password").username == "cashier"
    with pytest.raises(NotFound):
        services.auth.reset_password(admin, "ghost", "brand-new-password")
    with pytest.raises(PermissionDenied, match="your own account"):
        services.auth.set_active(admin, "admin", False)


def test_a_cashier_sets_a_pin_and_switches_in_with_it(services, cashier):
    services.auth.set_pin(cashier, "4821")
    assert services.auth.login_with_pin("cashier", "4821") == cashier
    with pytest.raises(AuthError, match="wrong PIN"):
        services.auth.login_with_pin("cashier", "0000")
    assert services.auth.login("cashier", PASSWORDS["cashier"]) == cashier  # the password still works


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", " 1234"])
def test_a_pin_is_four_to_eight_digits(services, cashier, pin):
    with pytest.raises(ValidationError, match="4 to 8 digits"):
        services.auth.set_pin(cashier, pin)


def test_only_an_admin_sets_someone_else_s_pin(services, cashier, admin):
    with pytest.raises(PermissionDenied):
        services.auth.set_pin(cashier, "1234", username="admin")
    services.auth.set_pin(admin, "9876", username="cashier")
    assert services.auth.login_with_pin("cashier", "9876") == cashier
    services.auth.set_pin(admin, None, username="cashier")
    with pytest.raises(AuthError, match="has no PIN yet"):
        services.auth.login_with_pin("cashier", "9876")


def test_guessing_a_pin_is_slowed_down_like_a_password(services, cashier, clock):
    services.auth.set_pin(cashier, "4821")
    for guess in range(5):
        with pytest.raises(AuthError):
            services.auth.login_with_pin("cashier", f"000{guess}")
    with pytest.raises(LoginThrottled):
        services.auth.login_with_pin("cashier", "4821")
    clock.advance(seconds=6)
    assert services.auth.login_with_pin("cashier", "4821") == cashier
