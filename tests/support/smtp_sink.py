#!/usr/bin/python3
"""A real SMTP server on loopback for tests: stores each message as <n>.eml in --dir.

Optional: --auth USER:PASSWORD (AUTH PLAIN/LOGIN required), --tls CERT KEY (STARTTLS required).
Writes the bound port to --port-file once listening. Stops on SIGTERM.
"""
import argparse
import asyncio
import os
import signal
import socket
import ssl

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Saver:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.directory, "%05d.eml" % self.count)
        header = "X-Envelope-From: %s\r\nX-Envelope-To: %s\r\nX-Authenticated: %s\r\nX-TLS: %s\r\n" % (
            envelope.mail_from, ",".join(envelope.rcpt_tos),
            "yes" if session.authenticated else "no",
            "yes" if session.ssl is not None else "no")
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(header.encode() + envelope.original_content)
        os.rename(tmp, path)
        return "250 OK"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--auth")
    ap.add_argument("--tls", nargs=2)
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    kwargs = {}
    if a.auth:
        user, password = a.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, data):
            ok = isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password
            return AuthResult(success=ok)

        kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(a.tls))
    if a.tls:
        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(a.tls[0], a.tls[1])
        kwargs.update(tls_context=ctx, require_starttls=True)
    # aiosmtpd connects to itself to check readiness, so it needs a concrete free port.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Saver(a.dir), hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    with open(a.port_file + ".tmp", "w") as f:
        f.write("%d\n" % port)
    os.rename(a.port_file + ".tmp", a.port_file)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()


if __name__ == "__main__":
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    main()
