-- wrk script for the bare peer Worker: POST one new row each time.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"title":"Benchmark item"}'
