"""Sources: feeds fetched over HTTP(S) and watched folders. No UI here (the app and CLI call it).

`subscribe` adds a feed, `refresh` fetches feeds concurrently and stores new and changed items,
`scan_watched` imports new files of watched folders. Store side: `tui.store.feeds`, `tui.store.watch`.
"""

from tui.sources.http import FetchError, Fetcher, Limits
from tui.sources.refresh import CONCURRENCY, PER_HOST, FeedResult, refresh, subscribe
from tui.sources.watch import ScanResult, scan_watched

__all__ = ["CONCURRENCY", "PER_HOST", "FeedResult", "FetchError", "Fetcher", "Limits", "ScanResult", "refresh",
           "scan_watched", "subscribe"]
