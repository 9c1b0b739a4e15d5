"""Load and faults for bench/faults/run.sh: see there. Standard library only."""
import argparse, copy, json, os, signal, subprocess, threading, time, urllib.error, urllib.request, uuid
from collections import defaultdict

p = argparse.ArgumentParser()
p.add_argument("--app"); p.add_argument("--key"); p.add_argument("--pgdata"); p.add_argument("--pgport")
p.add_argument("--pg-start"); p.add_argument("--pg-stop")
p.add_argument("--down-seconds", type=float, default=float(os.environ.get("DOWN_SECONDS", 25)))
p.add_argument("--silent-seconds", type=float, default=float(os.environ.get("SILENT_SECONDS", 20)))
a = p.parse_args()

log = []            # (t, phase, kind, status, seconds)
acked = []          # (service id, name, number of service areas) the app answered 200 for
lock = threading.Lock()
phase = ["warm-up"]
stop = threading.Event()
T0 = time.monotonic()


def call(method, path, body=None, headers=None, timeout=60):
    req = urllib.request.Request(a.app + path, data=body, method=method, headers=headers or {})
    start = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            data = r.read(); status = r.status
    except urllib.error.HTTPError as e:
        data = e.read(); status = e.code
    except Exception as e:  # connection refused, reset, timeout: no HTTP answer at all
        data = str(e).encode(); status = 0
    return status, data, time.monotonic() - start


def record(kind, status, took):
    with lock:
        log.append((time.monotonic() - T0, phase[0], kind, status, took))


# A template service from the app's own HSDS export; every import gets new ids for what it creates.
status, data, _ = call("GET", "/api/hsds/services?per_page=1&format=ndjson")
template = json.loads(data.decode().splitlines()[0])
KEEP = {"organization", "taxonomy_term", "taxonomy", "taxonomy_terms", "attributes_taxonomy"}


def fresh(o, parent=None):
    if isinstance(o, dict):
        return {k: (str(uuid.uuid4()) if k == "id" and parent not in KEEP else fresh(v, k)) for k, v in o.items()}
    if isinstance(o, list):
        return [fresh(x, parent) for x in o]
    return o


def importer():
    n = 0
    while not stop.is_set():
        n += 1
        svc = fresh(template)
        svc["name"] = f"Felprov {n} {uuid.uuid4().hex[:8]}"
        areas = len(svc.get("service_areas") or [])
        status, body, took = call("POST", "/api/hsds/import", (json.dumps(svc) + "\n").encode(),
                                  {"X-Api-Key": a.key, "Content-Type": "application/x-ndjson"})
        record("import", status, took)
        if status == 200:
            with lock: acked.append((svc["id"], svc["name"], areas))
        time.sleep(0.2)


def searcher(i):
    words = ["stöd", "samtal", "språk", "föräldrar", "tolk", "hälsa", "kvinnor", "barn"]
    n = 0
    while not stop.is_set():
        n += 1
        w = words[(n + i) % len(words)]
        if n % 2:
            status, _, took = call("GET", f"/sok?q={urllib.parse.quote(w)}")
            record("search page", status, took)
        else:
            status, _, took = call("GET", f"/api/hsds/services?search={urllib.parse.quote(w)}")
            record("search api", status, took)
        time.sleep(0.05)


def reader():
    while not stop.is_set():
        status, _, took = call("GET", f"/organisationer?r={uuid.uuid4().hex[:6]}")
        record("db page", status, took)
        time.sleep(0.1)


def health():
    while not stop.is_set():
        status, _, took = call("GET", "/health")
        record("health", status, took)
        time.sleep(0.5)


def postmaster():
    with open(os.path.join(a.pgdata, "postmaster.pid")) as f:
        return int(f.readline())


def cluster_pids():
    pm = postmaster()
    children = subprocess.run(["pgrep", "-P", str(pm)], capture_output=True, text=True).stdout.split()
    return [pm] + [int(c) for c in children]


def pg_ready():
    return subprocess.run(["/usr/lib/postgresql/15/bin/pg_isready", "-h", "127.0.0.1", "-p", a.pgport],
                          capture_output=True).returncode == 0


marks = {}
threads = [threading.Thread(target=f, args=args, daemon=True) for f, args in
           [(importer, ()), (searcher, (0,)), (searcher, (1,)), (reader, ()), (health, ())]]
for t in threads: t.start()

def at(name):
    phase[0] = name
    marks[name] = time.monotonic() - T0
    print(f"[{marks[name]:6.1f}s] {name}", flush=True)

time.sleep(10)
at("down")
subprocess.run(["bash", "-c", a.pg_stop], check=True, capture_output=True)
time.sleep(a.down_seconds)
subprocess.run(["bash", "-c", a.pg_start], check=True, capture_output=True)
while not pg_ready(): time.sleep(0.1)
at("after down")
time.sleep(15)

at("slow")
locker = subprocess.Popen(["psql", "-h", "127.0.0.1", "-p", a.pgport, "-U", "postgres", "-d", "samla", "-qc",
                           'BEGIN; LOCK TABLE "Services" IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(20); COMMIT;'],
                          stdout=subprocess.DEVNULL)
locker.wait()
at("after slow")
time.sleep(10)

at("silent")
pids = cluster_pids()
for pid in pids:
    try: os.kill(pid, signal.SIGSTOP)
    except ProcessLookupError: pass  # a backend that just ended
time.sleep(a.silent_seconds)
for pid in pids:
    try: os.kill(pid, signal.SIGCONT)
    except ProcessLookupError: pass
at("after silent")
time.sleep(15)
stop.set()
for t in threads: t.join(timeout=90)

# Report
kinds = ["db page", "import", "search page", "search api", "health"]
print("\n== Status codes and slowest answer (s) per phase and kind (0 = no HTTP answer)")
for ph in ["warm-up", "down", "after down", "slow", "after slow", "silent", "after silent"]:
    print(f"-- {ph}")
    for k in kinds:
        rows = [r for r in log if r[1] == ph and r[2] == k]
        if not rows: continue
        codes = defaultdict(int)
        for r in rows: codes[r[3]] += 1
        print(f"   {k:12} n={len(rows):5}  " + "  ".join(f"{c}:{n}" for c, n in sorted(codes.items()))
              + f"  max={max(r[4] for r in rows):.2f}")

print("\n== Recovery: from the database back to the first 200 of each kind (s)")
for back in ["after down", "after slow", "after silent"]:
    t = marks[back]
    out = []
    for k in ["db page", "import", "health"]:
        ok = [r[0] for r in log if r[2] == k and r[0] >= t and r[3] == 200]
        out.append(f"{k}: {min(ok) - t:.2f}" if ok else f"{k}: none")
    print(f"   {back:13} " + ", ".join(out))

errors500 = [r for r in log if r[3] >= 500 and r[3] != 503]
print(f"\n== Answers 5xx other than 503: {len(errors500)}")

print("\n== Acknowledged imports checked in the database")
ids = [x[0] for x in acked]
q = 'SELECT s."Id", s."Name", (SELECT count(*) FROM "ServiceAreas" a WHERE a."ServiceId" = s."Id") FROM "Services" s WHERE s."Id" = ANY(ARRAY[%s]::uuid[])' % ",".join(f"'{i}'" for i in ids)
rows = subprocess.run(["psql", "-h", "127.0.0.1", "-p", a.pgport, "-U", "postgres", "-d", "samla", "-Atc", q],
                      capture_output=True, text=True).stdout.split("\n") if ids else []
found = {r.split("|")[0]: r.split("|") for r in rows if r}
missing = [i for i in ids if i not in found]
whole = [x for x in acked if x[0] in found and found[x[0]][1] == x[1] and int(found[x[0]][2]) == x[2]]
print(f"   acknowledged {len(ids)}, in the database {len(found)}, missing {len(missing)}, whole (name and service areas as sent) {len(whole)}")
