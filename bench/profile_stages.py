#!/usr/bin/env python3
"""Attributes a dotnet-trace speedscope export of the service (bench/profile.sh) to the stages of a request.

Only samples of threads working on a request count (stacks under Kestrel's request loop). Each sample goes to the
innermost stage on its stack (so a stage's figure excludes the stages it calls), and separately to the kinds of
work it is doing (database, DI, JSON, logging), wherever that happens. Microsoft.Data.Sqlite runs synchronously, so
a request's stack is whole from Kestrel down to sqlite3_step while it works.
Usage: profile_stages.py trace.speedscope.json
"""
import collections
import json
import re
import sys

# Outermost first: the middleware order of UseWebApi(), then the endpoint and the mediator pipeline.
STAGES = [
    ("Kestrel: connection, parsing, response writing", r"HttpProtocol\+<ProcessRequests>|Http1Connection|KestrelConnection"),
    ("Hosting: HttpContext, diagnostics, request scope", r"HostingApplication|DefaultHttpContextFactory|RequestServicesFeature|HostingApplicationDiagnostics"),
    ("RequestContextMiddleware (correlation id, log scope)", r"RequestContextMiddleware"),
    ("SecurityHeadersMiddleware", r"SecurityHeadersMiddleware"),
    ("ErrorEnvelopeMiddleware", r"ErrorEnvelopeMiddleware"),
    ("StatusCodePages", r"StatusCodePagesMiddleware"),
    ("Routing", r"EndpointRoutingMiddleware|DfaMatcher|Routing\.Matching"),
    ("HashingAdmissionMiddleware", r"HashingAdmissionMiddleware"),
    ("Rate limiter (disabled in the benchmark)", r"RateLimitingMiddleware"),
    ("Authentication: session cookie -> principal", r"AuthenticationMiddleware|AuthenticationHandler|SessionAuthenticationHandler"),
    ("  of which the session lookup (SessionStore.FindActiveAsync)", r"SessionStore\+<FindActiveAsync>|SessionStore\.FindActiveAsync"),
    ("Authorization middleware", r"AuthorizationMiddleware"),
    ("BodyRulesMiddleware", r"BodyRulesMiddleware"),
    ("CsrfMiddleware", r"CsrfMiddleware"),
    ("Endpoint: binding, result writing", r"EndpointMiddleware|RequestDelegateFactory|AuthEndpoints|ApiResults|ApiEnvelope"),
    ("Mediator: LoggingBehavior", r"LoggingBehavior"),
    ("Mediator: AuthorizationBehavior", r"Behaviors\.AuthorizationBehavior"),
    ("Mediator: ValidationBehavior", r"ValidationBehavior"),
    ("Mediator: UnitOfWorkBehavior", r"UnitOfWorkBehavior"),
    ("VerifyAuthHandler (user from the session's query, mapping)", r"VerifyAuthHandler"),
]
KINDS = [
    ("database (EF Core, Microsoft.Data.Sqlite, SQLite)", r"EntityFrameworkCore|Microsoft\.Data\.Sqlite|SQLitePCL"),
    ("dependency injection (scopes, resolving)", r"Microsoft\.Extensions\.DependencyInjection|ServiceProviderEngineScope|dynamicClass\.ResolveService"),
    ("JSON (System.Text.Json)", r"System\.Text\.Json"),
    ("logging (scopes, filters)", r"Microsoft\.Extensions\.Logging"),
    ("lock waits (Monitor)", r"Monitor\.Enter_Slowpath|Monitor\.ReliableEnter"),
]
REQUEST = re.compile(r"HttpProtocol\+<ProcessRequests>|Http1Connection|Microsoft\.AspNetCore\.|DoubleDibz\.")


def slices(doc):
    for profile in doc["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            if last is not None and stack and event["at"] > last:
                yield tuple(stack), event["at"] - last
            last = event["at"]
            if event["type"] == "O":
                stack.append(event["frame"])
            else:
                stack.pop()


def main(path):
    doc = json.load(open(path))
    names = [frame["name"] for frame in doc["shared"]["frames"]]
    stage_patterns = [(name, re.compile(pattern)) for name, pattern in STAGES]
    kind_patterns = [(name, re.compile(pattern)) for name, pattern in KINDS]
    by_stage, by_kind, total = collections.Counter(), collections.Counter(), 0.0
    for stack, duration in slices(doc):
        frames = [names[i] for i in stack]
        if not any(REQUEST.search(f) for f in frames):
            continue
        innermost = None
        for frame in frames:  # root to leaf: the last stage seen is the innermost
            for index, (_, pattern) in enumerate(stage_patterns):
                if pattern.search(frame) and (innermost is None or index >= innermost):
                    innermost = index
        if innermost is None:
            continue
        total += duration
        by_stage[innermost] += duration
        for name, pattern in kind_patterns:
            if any(pattern.search(f) for f in frames):
                by_kind[name] += duration
    print(f"Request threads' samples: {total / 1000:.1f} s of thread time\n")
    print("| stage (innermost on the stack) | share of request time |")
    print("|---|---|")
    for index, (name, _) in enumerate(STAGES):
        print(f"| {name} | {100 * by_stage[index] / total:.1f} % |")
    print("\n| kind of work, wherever it happens | share of request time |")
    print("|---|---|")
    for name, _ in KINDS:
        print(f"| {name} | {100 * by_kind[name] / total:.1f} % |")


if __name__ == "__main__":
    main(sys.argv[1])
