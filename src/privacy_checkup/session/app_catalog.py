"""The catalog as this computer has it: the office policy, the checklist layers and the pack versions seen."""

import contextlib
from pathlib import Path
from typing import NamedTuple

from privacy_checkup.core.catalog import Catalog
from privacy_checkup.core.policy import Policy, PolicyResult, load_policy
from privacy_checkup.core.policy_catalog import PolicyCatalog, build_policy_catalog
from privacy_checkup.core.review import ReviewRules
from privacy_checkup.storage import paths
from privacy_checkup.storage.known_copies import KnownCopies
from privacy_checkup.storage.pack_state import read_seen_versions, record_seen_version


class AppCatalog(NamedTuple):
    policy_result: PolicyResult
    built: PolicyCatalog
    copies: KnownCopies  # the last good copies the checklists were checked against

    @property
    def policy(self) -> Policy:
        return self.policy_result.policy

    @property
    def catalog(self) -> Catalog:
        return self.built.catalog

    @property
    def review_rules(self) -> ReviewRules:
        """The policy's say on reviews, for status, reports and the dashboard."""
        return review_rules(self.policy)


def review_rules(policy: Policy) -> ReviewRules:
    return ReviewRules(policy.review_interval_overrides, policy.max_content_age_days)


def load_app_catalog(office_override: Path | None = None) -> AppCatalog:
    """Read the policy, verify the office pack and merge the layers; remember a verified pack's version."""
    policy_result = load_policy(paths.policy_path())
    state = paths.pack_state_path()
    copies = KnownCopies(paths.known_copies_dir())
    built = build_policy_catalog(paths.checklist_layers(office_override), policy_result.policy,
                                 read_seen_versions(state), copies)
    pack = built.verified_pack
    if pack is not None:
        # A read-only data folder only weakens rollback protection; the verified checklists are still good.
        with contextlib.suppress(OSError):
            record_seen_version(state, pack.manifest.organisation, pack.manifest.version)
    return AppCatalog(policy_result, built, copies)


def load_catalog(office_override: Path | None = None) -> Catalog:
    """The merged catalog exactly as the app and `status` see it."""
    return load_app_catalog(office_override).catalog
