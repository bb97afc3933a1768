"""A local feed server for the `refresh` measure: N feeds x M items over several ports, fixed latency.

    python -m bench.feed_server --feeds 300 --items 25 --ports 4 --latency 0.1

Prints one line `READY port1,port2,...` when every feed is generated and served; feed i lives at
http://127.0.0.1:PORT[i % ports]/feed/i.xml. Answers If-None-Match with 304 (ETag per feed). Every
response (200 or 304) waits `latency` seconds first, as a distant server would. Stops on stdin EOF.
Item texts come from bench/generate.py (our own word lists).
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

from bench.generate import article_parts


def feed_xml(index: int, items: int, words: int) -> bytes:
    """RSS 2.0 for feed `index`: `items` generated articles of about `words` words."""
    out = [f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench feed {index}</title>'
           f"<link>http://127.0.0.1/site/{index}/</link><description>generated</description>"]
    for j in range(items):
        p = article_parts(index * 1000 + j, words=words)
        body = "".join(f"<p>{escape(x)}</p>" for x in p["paras"])
        out.append(f"<item><title>{escape(p['title'])}</title><guid isPermaLink=\"false\">b{index}-{j}</guid>"
                   f"<link>/site/{index}/{j}.html</link><pubDate>Tue, 01 Dec 2026 0{j % 10}:00:00 GMT</pubDate>"
                   f"<author>{escape(p['byline'] or 'desk')}</author>"
                   f"<description>{escape(body)}</description></item>")
    out.append("</channel></rss>")
    return "".join(out).encode()


def main() -> None:
    """Serve until stdin closes."""
    p = argparse.ArgumentParser()
    p.add_argument("--feeds", type=int, default=300)
    p.add_argument("--items", type=int, default=25)
    p.add_argument("--ports", type=int, default=4)
    p.add_argument("--latency", type=float, default=0.1)
    p.add_argument("--words", type=int, default=150)
    args = p.parse_args()
    docs = [feed_xml(i, args.items, args.words) for i in range(args.feeds)]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def do_GET(self):
            time.sleep(args.latency)
            try:
                index = int(self.path.rsplit("/", 1)[-1].split(".")[0])
                doc = docs[index]
            except (ValueError, IndexError):
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            etag = f'"bench-{index}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(doc)))
            self.end_headers()
            self.wfile.write(doc)

    servers = []
    for _ in range(args.ports):
        s = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        s.daemon_threads = True
        threading.Thread(target=s.serve_forever, daemon=True).start()
        servers.append(s)
    print("READY " + ",".join(str(s.server_address[1]) for s in servers), flush=True)
    sys.stdin.read()
    for s in servers:
        s.shutdown()
        s.server_close()


if __name__ == "__main__":
    main()
