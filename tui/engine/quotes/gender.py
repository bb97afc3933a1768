"""A small, hand-written first-name list so "she" does not resolve to a man (and "he" to a woman).

Only clear cases are listed; unknown names stay neutral and are never ruled out.
"""

from __future__ import annotations

FEMALE = set("""
abigail alexandra alice alicia amanda amy ana andrea angela ann anna anne aparna ashley barbara becky bernadette
betty brittany carmen carol caroline catherine charlotte chelsea cheryl christina christine claire condoleezza
cristina danielle deborah debbie diana diane dianne donna dorothy eleanor elena elizabeth ellen emily emma erin
evelyn frances geraldine gloria grace gwen hannah heather helen hillary huma ilhan irene isabella ivana ivanka
jacqueline jane janet janice jean jennifer jessica jill joan joyce judith judy julia julie kamala karen kate
katherine kathleen kathy katie kayleigh kellyanne kelly kimberly kirsten kristen kristin laura lauren linda lisa
loretta lucia lynn madeleine madison margaret maria marie marine marsha martha mary maxine megan megyn melania
melissa michelle molly monica nancy natalie nicole nikki nina olivia omarosa patricia patty paula peggy rachel
rebecca rebekah rosa rose ruth samantha sandra sarah sharon sheila shirley sonia sophia stacey stephanie susan
sylvia tammy tanya teresa theresa tina tulsi valerie vanessa veronica victoria virginia wendy yolanda
""".split())

MALE = set("""
aaron adam al alan albert alexander andrew anthony arthur austin barack barry ben benjamin bernie bill billy bob
bobby boris brandon brian bruce bryan carl charles chris christopher chuck corey dan daniel david dennis dick
donald douglas dylan edward elijah emmanuel eric ethan eugene francois frank gabriel gary george gerald gregory
harold harry hassan henry hugh jack jacob james jared jason jeb jeff jeffrey jeremy jerry jesse jim jimmy joe john
johnny jonathan jordan jose joseph joshua juan justin keith kenneth kevin kyle larry lawrence logan louis marco
mark matthew michael mike mitch mitt narendra nathan newt nicholas nigel noah patrick paul peter philip rand randy
raymond recep reince rex richard rick robert roger ron ronald roy rudy russell ryan samuel scott sean shinzo
stephen steve steven ted terry thomas tim timothy tom tony tyler vincent vladimir walter wayne william willie
xi zachary
""".split())

_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "king": "m", "queen": "f",
                 "congressman": "m", "congresswoman": "f", "chairwoman": "f", "spokeswoman": "f",
                 "spokesman": "m", "prince": "m", "princess": "f"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def gender_of(words: list[str]) -> str | None:
    """'m', 'f' or None from a title or the first name among `words` ("Mrs. Okafor", "Mary Okafor")."""
    for w in words:
        k = w.lower().rstrip(".")
        if k in _TITLE_GENDER:
            return _TITLE_GENDER[k]
        if k in FEMALE:
            return "f"
        if k in MALE:
            return "m"
    return None
