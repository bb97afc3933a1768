#!/usr/bin/env python3
"""Write assets/samples.json: the shipped sample articles (assets/articles) as the importers read them today.

    python bench/build_samples.py [--out FILE] [--check]

A new library is seeded from that file instead of parsing the files (tui/seed.py: the HTML sample's trafilatura was
most of a first `add`'s extra CPU). Run it after changing a sample or an importer that reads them differently;
tests/test_assets_and_seed.py fails until then. --check only says whether the shipped file is up to date (exit 1 if not).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.seed import PARSED, sample_files, samples_json  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "assets" / PARSED)
    ap.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = ap.parse_args(argv)
    text = samples_json(sample_files())
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'OUT OF DATE: run bench/build_samples.py'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
