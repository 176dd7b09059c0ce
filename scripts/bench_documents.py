"""Document timings for `make bench`: rendering a 500-concept estimate PDF and importing a
5,000-row catalog, each several times against the running release server.

Every render follows a change to a line, so the PDF kept in storage is never the one served;
every import goes into a new contract. Prints min, median and max wall time per operation.
"""

import json
import os
import statistics
import sys
import time
import urllib.request
import uuid

BASE = sys.argv[1]
TOKEN = sys.argv[2]
RUNS = int(os.environ.get("BENCH_DOCUMENT_RUNS", "5"))


def call(method, path, body=None, raw=None, content_type="application/json"):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + TOKEN)
    if data is not None:
        request.add_header("Content-Type", content_type)
    with urllib.request.urlopen(request, timeout=300) as response:
        payload = response.read()
        kind = response.headers.get("content-type", "")
        return json.loads(payload) if kind.startswith("application/json") else payload


def contract_with(concepts, unit_id, client_id, name):
    contract = call("POST", "/contracts", {
        "name": name, "date": "2026-01-15", "counterparty_id": client_id, "amount": "1000000",
    })
    batch = [{
        "code": f"B{index:05}", "description": f"Concepto de prueba número {index}, con "
        "descripción larga como las de los catálogos reales de obra pública",
        "unit_id": unit_id, "quantity": "100.5", "unit_price": "123.45",
    } for index in range(concepts)]
    call("POST", f"/contracts/{contract['id']}/concepts", {"concepts": batch})
    return contract["id"]


def timed(action):
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def report(name, seconds):
    print(f"{name:<34} {len(seconds):>5} {min(seconds) * 1000:>9.0f}ms "
          f"{statistics.median(seconds) * 1000:>9.0f}ms {max(seconds) * 1000:>9.0f}ms")


def multipart(file_name, content):
    boundary = uuid.uuid4().hex
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n")
    body = head.encode() + content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def main():
    tag = uuid.uuid4().hex[:6]
    unit = call("POST", "/units", {"name": f"pza-{tag}"})
    client = call("POST", "/counterparties", {"kind": "client", "name": f"Cliente {tag}"})

    contract = contract_with(500, unit["id"], client["id"], f"PDF de 500 conceptos {tag}")
    concepts = call("GET", f"/contracts/{contract}/concepts?limit=1000")["items"]
    estimate = call("POST", f"/contracts/{contract}/estimates",
                    {"period_start": "2026-02-01", "period_end": "2026-02-15"})

    def render(run):
        lines = [{"concept_id": c["id"], "quantity": f"{1 + run}.5"} for c in concepts]
        call("PUT", f"/estimates/{estimate['id']}/lines", {"lines": lines})
        return timed(lambda: call("GET", f"/estimates/{estimate['id']}/pdf"))

    source = contract_with(5000, unit["id"], client["id"], f"Catálogo de 5,000 {tag}")
    workbook = call("GET", f"/contracts/{source}/concepts.xlsx")

    def import_once(run):
        target = call("POST", "/contracts", {
            "name": f"Importado {tag} {run}", "date": "2026-01-15",
            "counterparty_id": client["id"], "amount": "1",
        })
        body, kind = multipart("catalogo.xlsx", workbook)
        return timed(lambda: call("POST", f"/contracts/{target['id']}/concepts/import",
                                  raw=body, content_type=kind))

    print(f"\n{'document':<34} {'runs':>5} {'min':>11} {'median':>11} {'max':>11}")
    report("estimate PDF, 500 concepts", [render(run) for run in range(RUNS)])
    report("catalog import, 5,000 rows", [import_once(run) for run in range(RUNS)])


main()
