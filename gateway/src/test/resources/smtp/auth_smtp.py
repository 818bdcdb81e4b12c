#!/usr/bin/python3
"""An SMTP server (aiosmtpd, Debian's python3-aiosmtpd) that offers the AUTH mechanisms
it is told to, in that order, checks the credentials, and writes what happened as JSON
lines: one {"auth": ...} per AUTH attempt and one {"mail": ...} per message accepted.

  auth_smtp.py --log FILE --user U [--password PW] [--secret S]
               [--mechanisms "CRAM-MD5 PLAIN LOGIN"] [--port P]

It prints "listening <port>" once it accepts connections (port 0, the default, takes a
free one) and stops on SIGTERM.

PLAIN records the authorization identity the client sent; CRAM-MD5 sends a challenge
and checks the client's HMAC-MD5 of it with the shared secret (RFC 2195).
"""

import argparse
import asyncio
import base64
import hashlib
import hmac
import json
import os
import signal
import time

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, args):
        self.args = args

    def record(self, entry):
        with open(self.args.log, "a", encoding="utf-8") as log:
            log.write(json.dumps(entry) + "\n")

    def checked(self, mechanism, authzid, user, ok):
        self.record({"auth": {"mechanism": mechanism, "authzid": authzid, "user": user, "ok": ok}})
        return AuthResult(success=ok, handled=False, auth_data=LoginPassword(user.encode(), b""))

    async def auth_PLAIN(self, server, args):
        if len(args) == 1:
            blob = await server.challenge_auth("")
        else:
            blob = base64.b64decode(args[1])
        authzid, user, password = blob.decode("utf-8").split("\0")
        ok = user == self.args.user and password == (self.args.password or "")
        return self.checked("PLAIN", authzid, user, ok)

    async def auth_LOGIN(self, server, args):
        user = await server.challenge_auth("Username:")
        password = await server.challenge_auth("Password:")
        user = user.decode("utf-8")
        ok = user == self.args.user and password.decode("utf-8") == (self.args.password or "")
        return self.checked("LOGIN", "", user, ok)

    async def auth_CRAM__MD5(self, server, args):
        challenge = "<%d.%d@zgw.test>" % (os.getpid(), time.time_ns())
        answer = (await server.challenge_auth(challenge)).decode("utf-8")
        user, _, digest = answer.rpartition(" ")
        expected = hmac.new((self.args.secret or "").encode(), challenge.encode(), hashlib.md5).hexdigest()
        ok = user == self.args.user and hmac.compare_digest(digest, expected)
        return self.checked("CRAM-MD5", "", user, ok)

    async def handle_DATA(self, server, session, envelope):
        self.record({"mail": {"from": envelope.mail_from, "to": envelope.rcpt_tos,
                              "authenticated": session.authenticated}})
        return "250 OK"


class OrderedAuthSMTP(SMTP):
    """Advertises exactly the mechanisms asked for, in the order asked for (none: no
    AUTH extension)."""

    def __init__(self, handler, mechanisms, **kwargs):
        super().__init__(handler, auth_require_tls=False, **kwargs)
        self._auth_methods = {m: self._auth_methods[m] for m in mechanisms}
        self.advertised = mechanisms

    async def smtp_EHLO(self, hostname):
        # aiosmtpd sorts the AUTH list; a server's order matters to Alertmanager.
        original = self.push

        async def push(status):
            if isinstance(status, str) and status.startswith("250-AUTH "):
                if not self.advertised:
                    return  # no AUTH extension at all
                status = "250-AUTH " + " ".join(self.advertised)
            await original(status)

        self.push = push
        try:
            await super().smtp_EHLO(hostname)
        finally:
            self.push = original


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--log", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password")
    parser.add_argument("--secret")
    parser.add_argument("--mechanisms", default="PLAIN LOGIN")
    args = parser.parse_args()
    handler = Handler(args)
    mechanisms = args.mechanisms.split()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: OrderedAuthSMTP(handler, mechanisms, authenticator=lambda *a: AuthResult(success=False)),
        "127.0.0.1", args.port)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    print("listening %d" % server.sockets[0].getsockname()[1], flush=True)
    await stop.wait()
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
