"""The quote models' weight files are data a user's install could have damaged: a missing, binary, non-JSON or
wrongly shaped file turns that model off (the rules decide alone), never a traceback."""

import pytest

import tui.assets
from tui.engine.analysis import analyze
from tui.engine.quotes import gate, ranker

TEXT = ("The harbour board voted on Monday to close the old ferry pier for repairs.\n\n"
        "“We cannot keep sending passengers over boards that are rotting,” said Ilse Marten, who chairs the board. "
        "“The work will take until spring.”")

BAD = {
    "missing": None,
    "binary": b"\x00\xff\xfe\x89PNG\r\n\x1a\n\x00\x00",
    "not json": b"weights: many",
    "no weights key": b'{"about": "x"}',
    "weights a list": b'{"weights": [1, 2, 3]}',
    "a weight not a number": b'{"weights": {"dist:1": "heavy"}}',
}


@pytest.fixture
def damaged_models(tmp_path, monkeypatch):
    def install(content):
        models = tmp_path / "models"
        models.mkdir(exist_ok=True)
        for name in (gate.WEIGHTS_FILE, ranker.WEIGHTS_FILE):
            if content is not None:
                (models / name).write_bytes(content)
        shipped = tui.assets.asset  # only the two quote models move; the tagger's files stay the shipped ones
        monkeypatch.setattr(tui.assets, "asset", lambda *parts: (
            models / parts[1] if parts[:1] == ("models",) and parts[1] in (gate.WEIGHTS_FILE, ranker.WEIGHTS_FILE)
            else shipped(*parts)))
        gate.weights.cache_clear()
        ranker.weights.cache_clear()

    yield install
    monkeypatch.undo()
    gate.weights.cache_clear()
    ranker.weights.cache_clear()


@pytest.mark.parametrize("kind", list(BAD))
def test_a_damaged_weights_file_turns_the_model_off(damaged_models, kind):
    damaged_models(BAD[kind])
    assert tui.assets.model_weights(gate.WEIGHTS_FILE) == {}
    assert not gate.active() and not ranker.active()
    quotes = analyze(TEXT).quotes
    assert [q.speaker for q in quotes] == ["Ilse Marten", "Ilse Marten"], quotes


def test_the_shipped_files_are_read():
    assert len(tui.assets.model_weights(gate.WEIGHTS_FILE)) > 10
    assert len(tui.assets.model_weights(ranker.WEIGHTS_FILE)) > 10
