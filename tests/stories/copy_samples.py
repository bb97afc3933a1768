"""Our own articles (invented town, people and outlets) for what readers saw in session 32's stories: one remark
printed by two outlets, the first a few words shorter, listed twice under its speaker; the second half of a
quotation split by its attribution ('..., said X. “But ...”') listed on its own. A footbridge over the Lisk at
Quillford closed by flood scour, two outlets, two days."""

from __future__ import annotations

from tui.models import Article

ENGINEER = "Tamsin Elderkin"
PARENT = "Idris Pellow"
# the same remark: the Gazette printed it first without "under the middle arch" and "on Sunday", the Post whole
FULLER = "The piers are holding, but the gravel under the middle arch has moved further downstream than it was on Sunday."
SHORTER = "The piers are holding, but the gravel has moved further downstream than it was."
# the parent's quotation, split by its attribution: its second half opens with "But"
FIRST_HALF = "The footbridge has been the school run for forty years"
SECOND_HALF = ("But we have been asking the county politely for three years and nobody has answered a single "
               "letter.")
REOPEN = "We will not open the footbridge to anyone until the divers have looked at every pier,"

GAZETTE = Article(
    title="Quillford footbridge shut after flood scour under the middle arch",
    source="Quillford Gazette",
    published="2026-10-03",
    body=("The county closed the Lisk footbridge at Quillford on Saturday after the flood scoured gravel from under "
          "its middle arch.\n\n"
          f"“{SHORTER}” said county engineer {ENGINEER}.\n\n"
          f"“{FIRST_HALF},” said {PARENT}, who lives on Mill Bank. “{SECOND_HALF}”\n\n"
          "Pupils from the Mill Bank side will take a bus to the Quillford school from Monday."),
)
POST = Article(
    title="Divers to inspect Quillford footbridge piers as closure goes on",
    source="Marsh Valley Post",
    published="2026-10-04",
    body=("The Lisk footbridge at Quillford stayed closed on Sunday while the county waited for divers to inspect "
          "the piers scoured by the flood.\n\n"
          f"“{FULLER}” county engineer {ENGINEER} said.\n\n"
          f"“{REOPEN}” {ENGINEER} said on Sunday.\n\n"
          "A bus will take pupils from the Mill Bank side to the Quillford school from Monday."),
)

ALL = [GAZETTE, POST]
