"""A slow mobile link between the browser and a server, as a loopback TCP relay.

``SlowLink(upstream, rtt=0.4, down=400_000, up=400_000, handshake_rtts=2)`` listens on
a free loopback port and relays every connection to ``upstream`` (``host:port``):

- every chunk waits half a round trip each way, behind the chunks before it on a link
  of ``down``/``up`` bits per second shared by all connections (one phone, one radio);
- a new connection waits ``handshake_rtts`` round trips before its first byte moves:
  TCP's handshake plus TLS 1.3's, which a real HTTPS connection pays and loopback does not.

The defaults are a slow 3G phone (WebPageTest's "3G Slow": 400 ms, 400 kbit/s). TCP slow
start and packet loss are not modelled, so real links are slower still. Run it in a
thread with ``start()``; ``url`` is where the browser should go.
"""

from __future__ import annotations

import asyncio
import threading
import time


class _Link:
    """One direction of the radio: a queue that moves ``bits_per_second``."""

    def __init__(self, bits_per_second: float, delay: float):
        self.rate = bits_per_second / 8
        self.delay = delay
        self.free_at = 0.0

    def arrival(self, size: int) -> float:
        now = time.monotonic()
        self.free_at = max(now, self.free_at) + size / self.rate
        return self.free_at + self.delay


class SlowLink:
    def __init__(self, upstream: str, rtt: float = 0.4, down: float = 400_000, up: float = 400_000,
                 handshake_rtts: int = 2):
        host, _, port = upstream.rpartition(":")
        self.upstream = (host, int(port))
        self.rtt = rtt
        self.handshake = handshake_rtts * rtt
        self.down = _Link(down, rtt / 2)
        self.up = _Link(up, rtt / 2)
        self.connections = 0
        self.port: int | None = None
        self._ready = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> SlowLink:
        threading.Thread(target=asyncio.run, args=(self._serve(),), daemon=True).start()
        self._ready.wait(10)
        return self

    async def _serve(self) -> None:
        server = await asyncio.start_server(self._relay, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        async with server:
            await server.serve_forever()

    async def _relay(self, client_reader, client_writer) -> None:
        self.connections += 1
        opened = time.monotonic() + self.handshake
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            self._pipe(client_reader, server_writer, self.up, opened),
            self._pipe(server_reader, client_writer, self.down, opened),
        )

    async def _pipe(self, reader, writer, link: _Link, opened: float) -> None:
        """Copy ``reader`` to ``writer``, each chunk arriving when the link would deliver it."""
        queue: asyncio.Queue = asyncio.Queue()

        async def deliver():
            while (item := await queue.get()) is not None:
                at, data = item
                await asyncio.sleep(max(0.0, at - time.monotonic()))
                writer.write(data)
                await writer.drain()
            writer.close()

        sender = asyncio.create_task(deliver())
        try:
            while data := await reader.read(16384):
                await asyncio.sleep(max(0.0, opened - time.monotonic()))
                queue.put_nowait((link.arrival(len(data)), data))
        except OSError:
            pass
        queue.put_nowait(None)
        try:
            await sender
        except OSError:
            pass
