"""Users, roles and logins. Passwords are hashed with argon2id."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update

from pos_app.db.engine import Database
from pos_app.db.models import User
from pos_app.domain.roles import Actor, Permission, Role, parse_role
from pos_app.errors import AuthError, Conflict, LoginThrottled, NotFound, PermissionDenied, ValidationError
from pos_app.services.unit_of_work import Clock, UnitOfWork

# OWASP's first choice for argon2id: 19 MiB of memory, 2 iterations, 1 lane.
OWASP_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
FREE_ATTEMPTS = 5
FIRST_DELAY_SECONDS = 5
MAX_DELAY_SECONDS = 15 * 60
MIN_PASSWORD = 8
MAX_PASSWORD = 256
USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
MIN_PIN, MAX_PIN = 4, 8
PIN_PATTERN = re.compile(rf"[0-9]{{{MIN_PIN},{MAX_PIN}}}")


@dataclass(frozen=True)
class UserInfo:
    username: str
    role: Role
    active: bool
    created_at: datetime
    has_pin: bool = False


def login_delay(failed_logins: int) -> timedelta:
    """No wait for the first five failures, then 5 s, 10 s, 20 s... up to 15 minutes."""
    if failed_logins < FREE_ATTEMPTS:
        return timedelta(0)
    seconds = FIRST_DELAY_SECONDS * 2 ** min(failed_logins - FREE_ATTEMPTS, 16)
    return timedelta(seconds=min(seconds, MAX_DELAY_SECONDS))


def system_actor() -> Actor:
    """The machine's operator, for the command line and the demo: whoever holds the database."""
    return Actor(user_id=None, username="system", role=Role.ADMIN)


def _parse_username(value: object) -> str:
    username = str(value or "").strip().lower()
    if not USERNAME_PATTERN.match(username):
        raise ValidationError(
            "A username is 1 to 64 characters: letters, digits, '.', '_' or '-', starting with a letter "
            f"or digit (got {value!r}).",
            field="username",
        )
    return username


def _check_password(password: object) -> str:
    if not isinstance(password, str) or not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise ValidationError(f"A password has {MIN_PASSWORD} to {MAX_PASSWORD} characters.", field="password")
    return password


class AuthService:
    def __init__(self, db: Database, clock: Clock, hasher: PasswordHasher = OWASP_HASHER) -> None:
        self._db = db
        self._clock = clock
        self._hasher = hasher
        # Verified against when the username is unknown, so that both failures take as long.
        self._dummy_hash = hasher.hash("not a real password")

    def has_users(self) -> bool:
        with UnitOfWork(self._db, write=False) as uow:
            return uow.session.scalar(select(func.count()).select_from(User)) > 0

    def bootstrap_admin(self, username: str, password: str) -> Actor:
        """Create the first admin. Raises Conflict once the database has any user."""
        name = _parse_username(username)
        password_hash = self._hasher.hash(_check_password(password))
        with UnitOfWork(self._db, write=True) as uow:
            if uow.dialect == "postgresql":
                uow.session.execute(select(func.pg_advisory_xact_lock(7_450_214)))
            if uow.session.scalar(select(func.count()).select_from(User)):
                raise Conflict("This shop already has users: an admin must log in and create new ones.")
            user = User(username=name, password_hash=password_hash, role=Role.ADMIN.value, created_at=self._clock())
            uow.session.add(user)
            uow.session.flush()
            uow.commit()
            return Actor(user_id=user.id, username=name, role=Role.ADMIN)

    def login(self, username: str, password: str) -> Actor:
        """Check a user's password. Raises AuthError, or LoginThrottled after repeated failures."""
        return self._authenticate(username, password, use_pin=False)

    def login_with_pin(self, username: str, pin: str) -> Actor:
        """Check a user's PIN, for switching cashier at the counter. Failures count with the password's:
        after five wrong tries, a PIN waits as long as a password would."""
        return self._authenticate(username, pin, use_pin=True)

    def set_pin(self, actor: Actor, pin: str | None, username: str | None = None) -> None:
        """Set (or with None, remove) a PIN of 4 to 8 digits: one's own, or anyone's for an admin."""
        target = actor.username if username is None else _parse_username(username)
        if target != actor.username:
            actor.require(Permission.MANAGE_USERS)
        if pin is not None and not (isinstance(pin, str) and PIN_PATTERN.fullmatch(pin)):
            raise ValidationError(f"A PIN is {MIN_PIN} to {MAX_PIN} digits.", field="pin")
        self._update_user(target, pin_hash=None if pin is None else self._hasher.hash(pin))

    def _authenticate(self, username: str, secret: str, *, use_pin: bool) -> Actor:
        name = str(username or "").strip().lower()
        with UnitOfWork(self._db, write=False) as uow:
            user = uow.session.scalar(select(User).where(User.username == name))
            if user is not None:
                uow.session.expunge(user)
        now = self._clock()
        failure = "Unknown username or wrong PIN." if use_pin else "Unknown username or wrong password."
        stored = (user.pin_hash if use_pin else user.password_hash) if user is not None else None
        if user is None or stored is None:
            self._verify(self._dummy_hash, str(secret))
            if user is not None and use_pin:
                raise AuthError(f"'{name}' has no PIN yet: log in with the password, then set a PIN.")
            raise AuthError(failure)
        if user.last_failed_at is not None:
            wait_until = user.last_failed_at + login_delay(user.failed_logins)
            if now < wait_until:
                raise LoginThrottled(name, max(1, int((wait_until - now).total_seconds() + 0.999)))
        if not self._verify(stored, str(secret)):
            self._record_failure(user.id, now)
            raise AuthError(failure)
        if not user.active:
            raise AuthError(f"The account '{name}' is deactivated. Ask an admin to reactivate it.")
        self._record_success(user, None if use_pin else str(secret))
        return Actor(user_id=user.id, username=user.username, role=Role(user.role))

    def create_user(self, admin: Actor, username: str, password: str, role: str) -> UserInfo:
        """Create a user. Only an admin may. Raises PermissionDenied, ValidationError, Conflict."""
        admin.require(Permission.MANAGE_USERS)
        name = _parse_username(username)
        user_role = parse_role(role)
        password_hash = self._hasher.hash(_check_password(password))
        with UnitOfWork(self._db, write=True) as uow:
            if uow.session.scalar(select(User.id).where(User.username == name)) is not None:
                raise Conflict(f"The username '{name}' is taken: choose another.", field="username")
            user = User(username=name, password_hash=password_hash, role=user_role.value, created_at=self._clock())
            uow.session.add(user)
            uow.commit()
            return _info(user)

    def reset_password(self, admin: Actor, username: str, new_password: str) -> None:
        """Set a new password and lift any login delay. Only an admin may."""
        admin.require(Permission.MANAGE_USERS)
        password_hash = self._hasher.hash(_check_password(new_password))
        self._update_user(username, password_hash=password_hash, failed_logins=0, last_failed_at=None)

    def set_active(self, admin: Actor, username: str, active: bool) -> None:
        """Deactivate (or reactivate) an account; an admin cannot deactivate themselves."""
        admin.require(Permission.MANAGE_USERS)
        if not active and username.strip().lower() == admin.username:
            raise PermissionDenied("You cannot deactivate your own account; ask another admin.")
        self._update_user(username, active=active)

    def users(self, admin: Actor) -> list[UserInfo]:
        admin.require(Permission.MANAGE_USERS)
        with UnitOfWork(self._db, write=False) as uow:
            return [_info(u) for u in uow.session.scalars(select(User).order_by(User.username))]

    def _update_user(self, username: str, **values: object) -> None:
        name = str(username or "").strip().lower()
        with UnitOfWork(self._db, write=True) as uow:
            changed = uow.session.execute(update(User).where(User.username == name).values(**values))
            if changed.rowcount == 0:
                raise NotFound(f"No user named '{name}'.")
            uow.commit()

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def _record_failure(self, user_id: int, now: datetime) -> None:
        with UnitOfWork(self._db, write=True) as uow:
            uow.session.execute(
                update(User).where(User.id == user_id).values(failed_logins=User.failed_logins + 1, last_failed_at=now)
            )
            uow.commit()

    def _record_success(self, user: User, password: str | None) -> None:
        values: dict[str, object] = {}
        if user.failed_logins or user.last_failed_at is not None:
            values.update(failed_logins=0, last_failed_at=None)
        if password is not None and self._hasher.check_needs_rehash(user.password_hash):
            values["password_hash"] = self._hasher.hash(password)
        if not values:
            return
        with UnitOfWork(self._db, write=True) as uow:
            uow.session.execute(update(User).where(User.id == user.id).values(**values))
            uow.commit()


def _info(user: User) -> UserInfo:
    return UserInfo(
        username=user.username,
        role=Role(user.role),
        active=user.active,
        created_at=user.created_at,
        has_pin=user.pin_hash is not None,
    )
