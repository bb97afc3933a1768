"""Quote extraction on hostile, quote-dense texts at 100 KB and 1 MB: linear in the text (issue 14 item 10).

Usage: python bench/speed_quotes.py [--smoke]

Each text is our own sentence pattern repeated: many short attributed quotes in paragraphs, one giant line of
“...,” he said, straight marks that never pair up well, and thousands of different names with "she said".
Prints seconds (CPU) per text and per MB and the 1 MB / 100 KB ratio (about 10 when linear). The whole
analysis budget is 3 s per MB; the quote stage should take a fraction of it. Prints numbers, asserts nothing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tui.engine.quotes import extract_quotes  # noqa: E402


def texts(size: int) -> dict[str, str]:
    """The hostile texts, each cut to `size` characters."""
    n = size // 40 + 1
    made = {
        "attributed_paragraphs": "\n\n".join(f"“We will mend bridge {i} before the frost,” said Vera Lind{i % 7}. "
                                             f"He said “it is fine and {i} more.”" for i in range(n)),
        "one_line": " ".join(f"“Word {i} and more words here,” he said." for i in range(n)),
        "straight_marks": " ".join('"a b c d" "e f g h," Holt said "x' for _ in range(n)),
        "many_names": "\n".join(f"Ines Brook{i} told Paavo Rell{i} that she would go. “We have no money for "
                                "the pumps,” she said." for i in range(n)),
    }
    return {k: v[:size] for k, v in made.items()}


def main() -> int:
    extract_quotes("“Warm-up for the imports and weights,” said Ada Lind.")
    sizes = [100_000] if "--smoke" in sys.argv else [100_000, 1_000_000]
    seen: dict[str, dict[int, float]] = {}
    for size in sizes:
        for name, text in texts(size).items():
            t0 = time.process_time()
            quotes = extract_quotes(text)
            secs = time.process_time() - t0
            seen.setdefault(name, {})[size] = secs
            print(f"{name:24} {size // 1000:5} KB {len(quotes):6} quotes {secs:6.2f} s  ({secs * 1e6 / size:.2f} s/MB)")
    for name, by in seen.items():
        if len(by) == 2:
            print(f"{name:24} 1 MB / 100 KB = {by[1_000_000] / by[100_000]:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
