"""NLTK is imported by one thread at a time: two threads importing it at once (the story view's reader and
the warm-up `v` starts) were handed a partially initialised nltk.tokenize ("cannot import name
'sent_tokenize' from partially initialized module"), and the story view said it could not be read."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_sentence_splitting_and_stemming_wait_for_an_nltk_import_in_progress():
    code = textwrap.dedent("""
        import sys, threading, time
        from tui.engine import tokens
        from tui.engine.sentences import split_sentences

        results = {}
        tokens._NLTK_LOCK.acquire()  # as if another thread were importing NLTK now
        workers = [threading.Thread(target=lambda: results.update(split=split_sentences("One here. Two there."))),
                   threading.Thread(target=lambda: results.update(terms=tokens.content_terms("warming stems")))]
        for w in workers:
            w.start()
        time.sleep(0.5)
        waiting = [w.is_alive() for w in workers]
        loaded_meanwhile = "nltk.tokenize.punkt" in sys.modules or "nltk.stem.snowball" in sys.modules
        tokens._NLTK_LOCK.release()
        for w in workers:
            w.join(60)
        print(waiting, loaded_meanwhile, len(results["split"]), results["terms"])
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["[True,", "True]", "False", "2", "['warm',", "'stem']"]
