"""The office policy: what an office sets for every member of staff, and how it is read."""

import base64
import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple, Self

from privacy_checkup.core.errors import PolicyError
from privacy_checkup.core.model import Checklist
from privacy_checkup.core.schedule import DEFAULT_MAX_CONTENT_AGE_DAYS, is_stale


def key_id(public_key: bytes) -> str:
    """A short, stable name for a raw Ed25519 public key, written into pack.sig by the signer."""
    import hashlib  # OpenSSL is loaded only where keys are shown, not at every start-up

    return hashlib.sha256(public_key).hexdigest()[:16]


class TrustedKey(NamedTuple):
    name: str
    public_key: bytes  # the raw 32-byte Ed25519 public key

    @property
    def key_id(self) -> str:
        return key_id(self.public_key)


class Policy(NamedTuple):
    """The office policy. `Policy()` is what applies when there is no policy file."""

    organisation: str | None = None
    help_contact: str | None = None
    required_checklists: tuple[str, ...] = ()
    review_interval_overrides: Mapping[str, int] = MappingProxyType({})
    max_content_age_days: int = DEFAULT_MAX_CONTENT_AGE_DAYS
    allow_user_checklists: bool = True
    require_signed_checklists: bool = False
    trusted_keys: tuple[TrustedKey, ...] = ()
    safe_defaults: bool = False  # True when the policy file could not be used

    @classmethod
    def fallback(cls) -> Self:
        """What applies when the office's policy file cannot be used. Without it the app cannot know
        which keys the office trusts or whether it forbids checklists of the user's own, so it assumes
        the strictest answer: only the bundled checklists load until the file is fixed."""
        return cls(require_signed_checklists=True, trusted_keys=(), allow_user_checklists=False,
                   safe_defaults=True)

    @property
    def help_link(self) -> str | None:
        """The help contact as a link the app may open: mailto: for an address, else the https:// link."""
        if self.help_contact is None:
            return None
        return self.help_contact if self.help_contact.startswith("https://") else f"mailto:{self.help_contact}"

    def possibly_out_of_date(self, last_verified: dt.date, today: dt.date) -> bool:
        """Content last verified more than `max_content_age_days` before `today` is flagged."""
        return is_stale(last_verified, today, self.max_content_age_days)

    def review_interval_days(self, checklist: Checklist) -> int:
        return self.review_interval_overrides.get(checklist.id, checklist.review_interval_days)


class PolicyResult(NamedTuple):
    """The policy in force and, when the file was bad, why it is not the office's own."""

    policy: Policy
    errors: tuple[PolicyError, ...] = ()


def load_policy(path: Path) -> PolicyResult:
    """Read the office policy at `path`. No file means no policy; a bad file means safe defaults."""
    if not path.exists():
        return PolicyResult(Policy())
    # The validator is loaded only for a policy file that exists: most people's computers have none.
    from privacy_checkup.core import policy_format as fmt
    from privacy_checkup.core.documents import read_json_document

    try:
        raw = read_json_document(path, fmt.POLICY, fmt.MAX_FILE_BYTES, fmt.MAX_DEPTH, error_type=PolicyError)
    except PolicyError as exc:
        return PolicyResult(Policy.fallback(), (exc,))
    return PolicyResult(build_policy(raw))


def build_policy(raw: dict[str, Any]) -> Policy:
    """Turn a validated document into a Policy (call only after validation)."""
    return Policy(
        organisation=raw["organisation"],
        help_contact=raw.get("help_contact"),
        required_checklists=tuple(raw.get("required_checklists", ())),
        review_interval_overrides=MappingProxyType(
            {key: int(days) for key, days in raw.get("review_interval_overrides", {}).items()}),
        max_content_age_days=int(raw.get("max_content_age_days", DEFAULT_MAX_CONTENT_AGE_DAYS)),
        allow_user_checklists=raw.get("allow_user_checklists", True),
        require_signed_checklists=raw.get("require_signed_checklists", False),
        trusted_keys=tuple(TrustedKey(key["name"], base64.b64decode(key["public_key"], validate=True))
                           for key in raw.get("trusted_keys", ())),
    )
