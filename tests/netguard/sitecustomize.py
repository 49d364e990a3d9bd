"""Loaded by every Python process the tests start (kernels included) through PYTHONPATH.

When TFL_BLOCK_NETWORK=1, any attempt to resolve or connect to a host other than loopback
raises OSError, so a notebook that reaches for the network fails its test instead of
depending on a connection students may not have. Nothing is ever sent: the check runs before
the real call.
"""

import ipaddress
import os
import socket

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


def is_local(host) -> bool:
    """True for loopback addresses and names, unix-socket paths and unspecified hosts."""
    if isinstance(host, (bytes, bytearray)):
        host = host.decode(errors="replace")
    if not isinstance(host, str):
        return True  # AF_UNIX and friends
    h = host.strip("[]").lower()
    if h in _LOCAL_NAMES:
        return True
    try:
        ip = ipaddress.ip_address(h.split("%")[0])
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified


class NetworkBlocked(OSError):
    pass


def _guard(host):
    if not is_local(host):
        raise NetworkBlocked(f"network access to {host!r} is blocked: the notebooks must work offline")


if os.environ.get("TFL_BLOCK_NETWORK") == "1":
    _connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex
    _getaddrinfo, _create_connection = socket.getaddrinfo, socket.create_connection

    def connect(self, address):
        if isinstance(address, tuple):
            _guard(address[0])
        return _connect(self, address)

    def connect_ex(self, address):
        if isinstance(address, tuple):
            _guard(address[0])
        return _connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        _guard(host if host is not None else "")
        return _getaddrinfo(host, *args, **kwargs)

    def create_connection(address, *args, **kwargs):
        _guard(address[0])
        return _create_connection(address, *args, **kwargs)

    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
    socket.getaddrinfo, socket.create_connection = getaddrinfo, create_connection
    socket._tfl_network_blocked = True
