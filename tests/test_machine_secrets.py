"""This machine's secrets file: kept by name, owner-only, replaced whole, and never shown in full."""

import json
import stat

import pytest

from pos_app import config
from pos_app.machine_secrets import MachineSecrets, MachineSecretsError, masked


def test_a_secret_is_kept_by_name_and_none_deletes_it(tmp_path):
    secrets = MachineSecrets(tmp_path / "secrets.json")
    assert secrets.get("smtp_password") is None

    secrets.set("smtp_password", "hunter2-but-longer")
    secrets.set("stripe_api_key", "sk_test_123")
    secrets.set("smtp_password", None)

    again = MachineSecrets(tmp_path / "secrets.json")  # another window, or the server, reading the same file
    assert (again.get("smtp_password"), again.get("stripe_api_key")) == (None, "sk_test_123")


def test_the_file_is_readable_by_its_owner_only_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "folder" / "secrets.json"
    MachineSecrets(path).set("smtp_password", "p4ss")

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["secrets.json"]
    assert json.loads(path.read_text()) == {"smtp_password": "p4ss"}


def test_a_damaged_file_is_an_error_that_says_what_to_do_and_is_not_overwritten(tmp_path):
    path = tmp_path / "secrets.json"
    path.write_text("{not json")
    secrets = MachineSecrets(path)

    with pytest.raises(MachineSecretsError, match=r"is damaged\. Delete it, then enter"):
        secrets.get("smtp_password")
    with pytest.raises(MachineSecretsError):
        secrets.set("smtp_password", "p4ss")
    assert path.read_text() == "{not json"


def test_a_file_that_cannot_be_reached_is_an_error_naming_it(tmp_path):
    not_a_folder = tmp_path / "taken"
    not_a_folder.write_text("a file where the folder should be")

    with pytest.raises(MachineSecretsError, match=r"secrets file .*taken/secrets\.json: Not a directory"):
        MachineSecrets(not_a_folder / "secrets.json").set("smtp_password", "p4ss")


def test_the_file_is_in_the_data_folder_unless_pos_secrets_file_names_another(tmp_path, monkeypatch):
    monkeypatch.setenv("POS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("POS_SECRETS_FILE")
    assert config.secrets_file() == tmp_path / "data" / "secrets.json"

    monkeypatch.setenv("POS_SECRETS_FILE", str(tmp_path / "elsewhere.json"))
    assert config.secrets_file() == tmp_path / "elsewhere.json"


@pytest.mark.parametrize(
    ("secret", "shown"),
    [
        (None, ""),
        ("", ""),
        ("sk_test_4eC39HqLyjWDarjtT1zdp7dc4242", "sk_test_…4242"),
        ("whsec_1a2b3c4d5e6f7g8h9i0j1k2l3m4n9876", "whsec_…9876"),
        ("hunter2", "••••••••"),
        ("sk_test_x", "••••••••"),
        ("a-long-passphrase-for-smtp", "…smtp"),
    ],
)
def test_a_masked_secret_shows_its_kind_and_tail_at_most(secret, shown):
    assert masked(secret) == shown
    if secret:
        assert secret not in masked(secret)
