"""Qt-free trigger-point referral atlas: data, validation and "which muscle could cause this?"."""

from bodymap.referral.candidate import Candidate
from bodymap.referral.patterns import (
    Muscle,
    RedFlag,
    ReferralData,
    ReferralDataError,
    TriggerPoint,
    ZoneRef,
    read_referrals,
)
from bodymap.referral.rank import (
    DEFAULT_WEIGHTS,
    RankWeights,
    pain_weights,
    rank_sources,
)
from bodymap.referral.resolve import SidedPattern, resolve_pattern, resolve_zone, sided_patterns
from bodymap.referral.validate import (
    builtin_zone_ids,
    check_referrals,
    load_referrals,
    validate_referrals,
)

__all__ = [
    "DEFAULT_WEIGHTS",
    "Candidate",
    "Muscle",
    "RankWeights",
    "RedFlag",
    "ReferralData",
    "ReferralDataError",
    "SidedPattern",
    "TriggerPoint",
    "ZoneRef",
    "builtin_zone_ids",
    "check_referrals",
    "load_referrals",
    "pain_weights",
    "rank_sources",
    "read_referrals",
    "resolve_pattern",
    "resolve_zone",
    "sided_patterns",
    "validate_referrals",
]
