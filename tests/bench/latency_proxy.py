#!/usr/bin/env python3
"""A loopback TCP relay that adds network latency, for tests/bench/run.sh.

The kernel here has no netem, so the benchmark's "remote" registry is the
local one behind this relay. Each direction is delayed by DELAY
milliseconds (default 25, so 50 ms round trip):

- connection set-up: the kernel accepts the client at once, so the relay
  holds everything the client sends until one round trip after the accept
  (when a real client's connect() would have returned), and opens its
  connection to the registry one one-way delay after the accept (when the
  SYN would have arrived);
- data: every chunk read from one side is written to the other DELAY ms
  after it was read, in order. Reading goes on while earlier chunks wait,
  so chunks are delayed, not serialised, and throughput stays that of
  loopback;
- a half-close (EOF) travels like data, after the chunks before it.

Usage: latency_proxy.py --upstream HOST:PORT [--listen HOST:PORT]
       [--delay-ms 25] [--port-file FILE]
The listening port (0 picks a free one) is written to FILE once the relay
accepts connections. It runs until killed. Loopback addresses only.
"""

import argparse
import asyncio
import ipaddress
import os
import signal
import sys

CHUNK = 65536


def parse_host_port(text):
    host, _, port = text.rpartition(":")
    host = host.strip("[]")
    if not ipaddress.ip_address(host).is_loopback:
        sys.exit(f"latency_proxy: {host} is not a loopback address")
    return host, int(port)


class Direction:
    """One way of a connection: chunks read from `reader` are written to
    the writer set by start() at their due time, in order."""

    def __init__(self, reader, delay, not_before):
        self.reader = reader
        self.delay = delay
        # Nothing read is "sent" before this loop time (the handshake).
        self.not_before = not_before
        self.queue = asyncio.Queue()

    async def read(self):
        loop = asyncio.get_running_loop()
        try:
            while True:
                data = await self.reader.read(CHUNK)
                due = max(loop.time(), self.not_before) + self.delay
                self.queue.put_nowait((due, data))
                if not data:
                    return
        except (ConnectionError, OSError):
            self.queue.put_nowait((loop.time(), None))

    async def write(self, writer):
        loop = asyncio.get_running_loop()
        while True:
            due, data = await self.queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if data is None:  # the other side broke: drop this one too
                writer.transport.abort()
                return
            if not data:  # EOF: pass the half-close on
                if writer.can_write_eof():
                    writer.write_eof()
                return
            writer.write(data)
            await writer.drain()


async def relay(client_reader, client_writer, upstream, delay):
    loop = asyncio.get_running_loop()
    accepted = loop.time()
    to_server = Direction(client_reader, delay, accepted + 2 * delay)
    tasks = [asyncio.create_task(to_server.read())]
    server_writer = None
    try:
        # The SYN reaches the server one way after the client sent it.
        await asyncio.sleep(delay)
        server_reader, server_writer = await asyncio.open_connection(
            *upstream)
        to_client = Direction(server_reader, delay, 0)
        tasks += [
            asyncio.create_task(to_server.write(server_writer)),
            asyncio.create_task(to_client.read()),
            asyncio.create_task(to_client.write(client_writer)),
        ]
        await asyncio.gather(*tasks)
    except (ConnectionError, OSError):
        pass
    finally:
        for task in tasks:
            task.cancel()
        for writer in (client_writer, server_writer):
            if writer is not None:
                writer.close()


async def serve(args):
    upstream = parse_host_port(args.upstream)
    host, port = parse_host_port(args.listen)
    delay = args.delay_ms / 1000.0
    server = await asyncio.start_server(
        lambda r, w: relay(r, w, upstream, delay), host, port,
        backlog=512, reuse_address=True)
    bound = server.sockets[0].getsockname()[1]
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write(f"{bound}\n")
        # Renamed into place so that a reader never sees half a number.
        os.replace(args.port_file + ".tmp", args.port_file)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--listen", default="127.0.0.1:0")
    parser.add_argument("--delay-ms", type=float, default=25.0)
    parser.add_argument("--port-file")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
