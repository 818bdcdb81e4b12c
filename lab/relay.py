#!/usr/bin/env python3
"""TCP relay in front of a shard's php -S workers: relay.py LISTEN_HOST:PORT UPSTREAM_HOST:PORT.

Why it exists: `php -S` with PHP_CLI_SERVER_WORKERS forks workers that all accept on the same
socket, so `kill -STOP <php pid>` would not hang the shard. Every API connection goes through
this single process instead, so `kill -STOP <frontendPid>` (this pid) hangs the whole shard:
connections are accepted by the kernel but never answered, until `kill -CONT`.
"""
import asyncio
import sys


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        # Half-close so the other direction can still finish (the response after the request).
        try:
            if writer.can_write_eof():
                writer.write_eof()
        except OSError:
            pass


async def main(listen, upstream):
    up_host, up_port = upstream.rsplit(":", 1)

    async def handle(client_reader, client_writer):
        try:
            up_reader, up_writer = await asyncio.open_connection(up_host, int(up_port))
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(pipe(client_reader, up_writer), pipe(up_reader, client_writer))
        up_writer.close()
        client_writer.close()

    host, port = listen.rsplit(":", 1)
    server = await asyncio.start_server(handle, host, int(port), backlog=256, reuse_address=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
