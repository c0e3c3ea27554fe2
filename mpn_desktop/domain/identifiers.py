"""What an MCP ID and an MPN ID are, defined once for the window, the importers and the store.

The MCP ID: Microsoft documents the MCP ID only as the number that links a person's exams
to a partner organisation (KB 2966380; the ``MCPID`` column of Partner
Center's training downloads), with no length. Every one seen is digits
(1234567, 990123456), so the rule is digits only; 20 digits leaves room for
any such number while refusing a spreadsheet's ``1.23457E+12`` or a name typed
into the wrong column. The store's column holds 40 characters, more than that.
"""

from __future__ import annotations

import re

MCP_ID_MAX_DIGITS = 20
_MCP_ID = re.compile(rf"[0-9]{{1,{MCP_ID_MAX_DIGITS}}}")


def is_mcp_id(text: str) -> bool:
    """Whether ``text`` (already stripped) is an MCP ID: 1 to 20 digits 0-9."""
    return _MCP_ID.fullmatch(text) is not None


# The MPN ID (Partner Center's "MPN ID", the reconciliation files' ``MpnId``,
# 4412345 in their samples) is the organisation's number; 4 to 10 digits is
# what the first start has asked for, and what a file's MPN ID is compared with.
MPN_ID_DIGITS = (4, 10)
_MPN_ID = re.compile(rf"[0-9]{{{MPN_ID_DIGITS[0]},{MPN_ID_DIGITS[1]}}}")


def is_mpn_id(text: str) -> bool:
    """Whether ``text`` (already stripped) is an MPN ID: 4 to 10 digits 0-9."""
    return _MPN_ID.fullmatch(text) is not None
