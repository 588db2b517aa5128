"""A desk on the network that stops answering must not hold the window for TCP's quarter of
an hour: every connection Briefer makes to a desk asks libpq for keepalives and a limit on
unacknowledged data, unless the desk's address sets its own.  Against the real test server."""

from __future__ import annotations

from briefer.store import Workspace


def _parameters(ws: Workspace) -> dict[str, str]:
    return ws.conn.raw.info.get_parameters()


def test_a_desk_connection_gives_up_on_a_silent_host(pg_server) -> None:
    ws = Workspace.open(pg_server.new_desk())
    try:
        given = _parameters(ws)
        assert given["keepalives"] == "1" and int(given["keepalives_idle"]) <= 30
        assert 0 < int(given["tcp_user_timeout"]) <= 60_000 and int(given["connect_timeout"]) <= 15
    finally:
        ws.close()


def test_the_address_own_settings_win(pg_server) -> None:
    url = pg_server.new_desk()
    ws = Workspace.open(url + ("&" if "?" in url else "?") + "keepalives_idle=42&connect_timeout=3")
    try:
        given = _parameters(ws)
        assert given["keepalives_idle"] == "42" and given["connect_timeout"] == "3"
        assert given["keepalives"] == "1"
    finally:
        ws.close()
