"""The sync server's HTTP API (FastAPI). It relays ciphertext; it never decrypts.

``create_app`` builds the app from a ``Database`` and a ``ServerConfig``; nothing is
read from globals, so tests run many apps side by side with fake clocks.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import text
from starlette.exceptions import HTTPException as StarletteHTTPException

from renodesk.server import compaction, schemas, store
from renodesk.server.db import Database
from renodesk.server.errors import ApiError
from renodesk.server.limits import BodySizeLimit
from renodesk.server.security import LoginThrottle

log = logging.getLogger("renodesk.server")
VERSION = "1"
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": schemas.ErrorReply} for status in (400, 401, 403, 409, 413, 422, 429)
}


@dataclass
class ServerConfig:
    max_request_bytes: int = 8 * 1024 * 1024
    max_pull_bytes: int = 4 * 1024 * 1024
    #: A device not seen for this long no longer holds pruning back.
    retention: timedelta = compaction.RETENTION
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    throttle: LoginThrottle = field(init=False)

    def __post_init__(self) -> None:
        self.throttle = LoginThrottle(clock=self.clock)


def _language(request: Request) -> str:
    accept = request.headers.get("accept-language", "").strip().lower()
    return "en" if accept.startswith("en") else "nl"


def _b64decode(text_value: str) -> bytes:
    try:
        return base64.b64decode(text_value, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ApiError(400, "bad_base64") from exc


_bearer = HTTPBearer(auto_error=False)


def current_caller(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> store.Caller:
    """The enrolled, unrevoked device behind the request's bearer token."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError(401, "missing_token", headers={"WWW-Authenticate": "Bearer"})
    db: Database = request.app.state.db
    with db.read() as session:
        who = store.authenticate(session, credentials.credentials)
    if who.stale_last_seen:
        with db.write() as session:
            store.touch_device(session, who.device_pk)
    return who


Caller = Annotated[store.Caller, Depends(current_caller)]


def create_app(db: Database, config: ServerConfig | None = None) -> FastAPI:
    """The API over ``db``; the schema must already be migrated."""
    cfg = config or ServerConfig()
    app = FastAPI(
        title="RenoDesk sync server",
        version=VERSION,
        description="Relays a team's encrypted changesets between its enrolled laptops.",
    )
    app.state.db = db
    app.add_middleware(BodySizeLimit, max_bytes=cfg.max_request_bytes)

    def error_reply(request: Request, error: ApiError) -> JSONResponse:
        return JSONResponse(
            error.body(_language(request)), status_code=error.status, headers=error.headers
        )

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_reply(request, exc)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = sorted({".".join(str(p) for p in e.get("loc", ())) for e in exc.errors()})
        return error_reply(request, ApiError(422, "invalid_request", fields=", ".join(fields)))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "bad_request")
        return error_reply(request, ApiError(exc.status_code, code))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_reply(request, ApiError(500, "internal"))


    @app.get("/v1/health", response_model=schemas.Health, responses={503: ERRORS[400]})
    def health() -> schemas.Health:
        """Is the server up and its database reachable? No token needed."""
        try:
            with db.read() as session:
                session.execute(text("SELECT 1"))
        except Exception as exc:
            log.warning("health check: database unreachable: %s", exc)
            raise ApiError(503, "database_unavailable") from exc
        return schemas.Health(status="ok", version=VERSION)

    @app.post("/v1/enrol", response_model=schemas.EnrolReply, responses=ERRORS)
    async def enrol(body: schemas.EnrolRequest, request: Request) -> schemas.EnrolReply:
        """Exchange a one-time code and the coach's password for this laptop's token."""
        keys = [f"ip:{request.client.host if request.client else '-'}"]

        def owner() -> int | None:
            with db.read() as session:
                return store.code_owner(session, body.code)

        user_id = await run_in_threadpool(owner)
        if user_id is not None:
            keys.append(f"user:{user_id}")
        wait = cfg.throttle.locked_for(keys)
        if wait > 0:
            raise ApiError(429, "too_many_attempts", headers={"Retry-After": str(int(wait) + 1)},
                           minutes=int(wait // 60) + 1)
        delay = cfg.throttle.delay_for(keys)
        if delay:
            await cfg.sleep(delay)

        def do_enrol() -> store.Enrolment:
            with db.write() as session:
                return store.enrol_device(
                    session, body.code, body.password, body.device_id, body.device_name
                )

        try:
            result = await run_in_threadpool(do_enrol)
        except ApiError as exc:
            if exc.code == "enrolment_refused":
                cfg.throttle.failed(keys)
            raise
        cfg.throttle.succeeded(keys)
        return schemas.EnrolReply(
            token=result.token, team=result.team, device_id=result.device_id, user=result.user
        )

    @app.get("/v1/whoami", response_model=schemas.WhoAmI, responses=ERRORS)
    def whoami(who: Caller) -> schemas.WhoAmI:
        """Which team and device this token belongs to (to test a connection)."""
        return schemas.WhoAmI(team=who.team, device_id=who.device_id)

    @app.get("/v1/team-key", response_model=schemas.TeamKey,
             responses={**ERRORS, 404: ERRORS[400]})
    def get_team_key(who: Caller) -> schemas.TeamKey:
        """The team's wrapped key, for a coach joining with the team passphrase."""
        with db.read() as session:
            return schemas.TeamKey(team_json=store.team_key(session, who.team_id))

    @app.put("/v1/team-key", response_model=schemas.TeamKey, responses=ERRORS)
    def put_team_key(body: schemas.TeamKey, who: Caller) -> schemas.TeamKey:
        """Keep the team's wrapped key (once; the same content again is harmless)."""
        with db.write() as session:
            return schemas.TeamKey(team_json=store.store_team_key(session, who, body.team_json))

    @app.post("/v1/changesets", response_model=schemas.PushReply, responses=ERRORS)
    def push(body: schemas.PushRequest, who: Caller) -> schemas.PushReply:
        """Store a batch of this device's changesets. Pushing the same batch again is
        harmless: already stored changesets are acknowledged, not doubled."""
        blobs = [_b64decode(item) for item in body.changesets]
        if any(len(blob) > schemas.MAX_CHANGESET_BYTES for blob in blobs):
            raise ApiError(413, "changeset_too_large", limit=schemas.MAX_CHANGESET_BYTES)
        with db.write() as session:
            stored = store.append_changesets(session, who, blobs)
        return schemas.PushReply(
            stored=[schemas.StoredChangeset(seq=s.seq, position=s.position,
                                            duplicate=s.duplicate) for s in stored]
        )

    @app.get("/v1/changesets", response_model=schemas.PullReply, responses=ERRORS)
    def pull(
        who: Caller,
        after: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=schemas.MAX_PULL)] = 200,
    ) -> JSONResponse:
        """The team's changesets after position ``after``, oldest first."""
        if after > who.pulled_to:
            with db.write() as session:
                compaction.record_pulled(session, who.device_pk, after)
        with db.read() as session:
            rows, head = store.changesets_after(
                session, who.team_id, after, limit, cfg.max_pull_bytes
            )
        # Built as plain dicts (the shape of schemas.PullReply): validating thousands
        # of server-made items through pydantic would only cost time.
        items = [
            {
                "position": row.position,
                "device_id": row.device_id,
                "seq": row.seq,
                "hlc_min": row.hlc_min,
                "hlc_max": row.hlc_max,
                "prev": row.prev,
                "count": row.op_count,
                "blob": base64.b64encode(row.blob).decode("ascii"),
            }
            for row in rows
        ]
        cursor = rows[-1].position if rows else after
        return JSONResponse(
            {"changesets": items, "cursor": cursor, "head": head, "more": cursor < head}
        )

    @app.get("/v1/seen-by-all", response_model=schemas.SeenByAll, responses=ERRORS)
    def get_seen_by_all(who: Caller) -> schemas.SeenByAll:
        """How far every active device has pulled the team's stream: a laptop removes
        the tombstones older than that (and than the retention window)."""
        with db.read() as session:
            seen = compaction.seen_by_all(session, who.team_id, cfg.retention)
        return schemas.SeenByAll(position=seen.position, before=seen.before)

    add_snapshot_routes(app, db, cfg)
    return app


_OCTETS = {"content": {"application/octet-stream": {"schema": {"type": "string",
                                                             "format": "binary"}}}}


def add_snapshot_routes(app: FastAPI, db: Database, cfg: ServerConfig) -> None:
    """The team's snapshot, uploaded and downloaded in parts (see ``server.compaction``)."""

    @app.get("/v1/snapshot", response_model=schemas.SnapshotInfo,
             responses={**ERRORS, 404: ERRORS[400]})
    def get_snapshot(who: Caller) -> schemas.SnapshotInfo:
        """The team's newest snapshot: which parts to fetch, and the position to pull on
        from."""
        with db.read() as session:
            kept = compaction.team_snapshot(session, who.team_id)
            return schemas.SnapshotInfo(upload=kept.upload, position=kept.position,
                                        size=kept.size, parts=kept.parts,
                                        received_at=store.aware(kept.received_at))

    @app.get("/v1/snapshot/{upload}/parts/{number}", response_class=Response,
             responses={**ERRORS, 404: ERRORS[400], 200: _OCTETS})
    def get_snapshot_part(upload: str, number: Annotated[int, Path(ge=0, le=2**31)],
                          who: Caller) -> Response:
        """One part of the team's snapshot, as uploaded."""
        with db.read() as session:
            blob = compaction.snapshot_part(session, who.team_id, upload, number)
        return Response(blob, media_type="application/octet-stream")

    @app.get("/v1/snapshot/uploads/{upload}", response_model=schemas.UploadState,
             responses=ERRORS)
    def get_upload(upload: str, who: Caller) -> schemas.UploadState:
        """Which parts of this device's upload arrived (to resume a broken upload)."""
        with db.read() as session:
            return schemas.UploadState(received=compaction.received_parts(session, who, upload))

    @app.put("/v1/snapshot/uploads/{upload}/parts/{number}", response_model=schemas.UploadState,
             responses=ERRORS, openapi_extra={"requestBody": {"required": True, **_OCTETS}})
    async def put_upload_part(upload: str, number: Annotated[int, Path(ge=0, le=2**31)],
                              request: Request, who: Caller) -> schemas.UploadState:
        """Keep one part of this device's snapshot upload (again: replaced)."""
        blob = await request.body()

        def keep() -> list[int]:
            with db.write() as session:
                compaction.store_part(session, who, upload, number, blob)
                return compaction.received_parts(session, who, upload)

        return schemas.UploadState(received=await run_in_threadpool(keep))

    @app.post("/v1/snapshot/uploads/{upload}/commit", response_model=schemas.SnapshotReply,
              responses=ERRORS)
    def commit_upload(upload: str, body: schemas.SnapshotCommit,
                      who: Caller) -> schemas.SnapshotReply:
        """Make this device's complete upload the team's snapshot of the stream up to
        ``position`` (all or nothing); then delete the changesets it covers that every
        active device has pulled."""
        with db.write() as session:
            done = compaction.commit_snapshot(session, who, upload, body.position, body.parts,
                                              body.size, cfg.retention)
        return schemas.SnapshotReply(
            position=done.position, pruned=done.pruned, pruned_to=done.pruned_to,
            waiting=[schemas.WaitingDevice(device_id=w.device_id, name=w.name, user=w.user,
                                           last_seen_at=w.last_seen_at, pulled_to=w.pulled_to)
                     for w in done.waiting])
