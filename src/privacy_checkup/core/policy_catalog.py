"""The catalog as the office policy shapes it: a verified office pack, locked layers, interval overrides."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

from privacy_checkup.core.catalog import Catalog, Layer, LayerSource, build_catalog
from privacy_checkup.core.errors import PackError
from privacy_checkup.core.loader import KnownGood
from privacy_checkup.core.pack_names import claims_signature
from privacy_checkup.core.policy import Policy

if TYPE_CHECKING:
    from privacy_checkup.core.packs import VerifiedPack


class PolicyCatalog(NamedTuple):
    """The merged catalog; the verified office pack, whose version is to be remembered so an older one is
    refused later; the checklists the policy requires that are in no layer (or only in a rejected one)."""

    catalog: Catalog
    verified_pack: VerifiedPack | None
    missing_required: tuple[str, ...] = ()


def build_policy_catalog(layers: list[LayerSource], policy: Policy, highest_seen: Mapping[str, int],
                         known: KnownGood | None = None) -> PolicyCatalog:
    """Merge `layers` under `policy`. A rejected office pack drops the office layer (the others
    still load) and is recorded in `catalog.rejected_packs`."""
    verified: VerifiedPack | None = None
    rejected: list[PackError] = []
    sources: list[LayerSource] = []
    for source in layers:
        # An office folder with no signature, where none is required, is an ordinary layer: no
        # need to load the signature code (and OpenSSL) to find that out at every start.
        if source.layer is Layer.OFFICE and (policy.require_signed_checklists or claims_signature(source.folder)):
            try:
                from privacy_checkup.core.packs import verify_pack  # cryptography: only when checking a pack

                verified = verify_pack(source.folder, policy.trusted_keys,
                                       require_signed=policy.require_signed_checklists, highest_seen=highest_seen)
            except PackError as exc:
                rejected.append(exc)
                continue
            if verified is not None:
                source = LayerSource(source.layer, source.folder, verified.signature, verified.files)
        sources.append(source)
    if policy.allow_user_checklists:
        catalog = build_catalog(sources, known=known)
    else:
        # Users may neither replace the office's or the app's checklists nor add their own.
        catalog = build_catalog(sources, locked_layers=frozenset({Layer.BUNDLED, Layer.OFFICE}),
                                closed_layers=frozenset({Layer.USER}), known=known)
    catalog.rejected_packs.extend(rejected)
    for checklist_id, days in policy.review_interval_overrides.items():
        entry = catalog.entries.get(checklist_id)
        if entry is not None:
            catalog.entries[checklist_id] = entry._replace(
                checklist=entry.checklist._replace(review_interval_days=days))
    missing = tuple(cid for cid in policy.required_checklists if cid not in catalog.entries)
    return PolicyCatalog(catalog, verified, missing)
