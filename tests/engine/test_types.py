"""Sentence and Entity fill their fields through their own __init__ (faster than the frozen dataclass's): they
behave exactly as the generated frozen dataclasses with the same fields do."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from tui.engine.analysis import analyze
from tui.engine.types import Analysis, Entity, Sentence


@dataclasses.dataclass(frozen=True)
class _PlainSentence:
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclasses.dataclass(frozen=True)
class _PlainEntity:
    start: int
    end: int
    label: str
    text: str
    canonical: str


@pytest.mark.parametrize("cls, plain, args", [
    (Sentence, _PlainSentence, (3, 9, "Hope said.", 2)),
    (Sentence, _PlainSentence, (0, 4, "Bill")),
    (Entity, _PlainEntity, (0, 4, "PERSON", "Hope", "Hope Okafor")),
])
def test_behaves_as_the_generated_frozen_dataclass(cls, plain, args):
    ours, ref = cls(*args), plain(*args)
    assert dataclasses.asdict(ours) == dataclasses.asdict(ref)
    assert repr(ours) == repr(ref).replace("_Plain", "")
    assert hash(ours) == hash(ref) and ours == cls(*args) and ours != ref
    assert cls(**dataclasses.asdict(ours)) == ours
    assert dataclasses.replace(ours, start=1) == cls(1, *args[1:])
    assert [f.name for f in dataclasses.fields(cls)] == [f.name for f in dataclasses.fields(plain)]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ours.start = 5
    assert pickle.loads(pickle.dumps(ours)) == ours
    with pytest.raises(TypeError):
        cls(*args, "one too many", "and another")


def test_an_analysis_round_trips_through_its_dict():
    a = analyze("Hope Okafor said there was little hope. “We will mend the bridge,” said Bill Carver in Porto.")
    assert a.entities and a.sentences
    assert Analysis.from_dict(a.to_dict()) == a
