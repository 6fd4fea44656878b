-- wrk script: POST a valid report (the body is the same each time; each POST stores a new ticket).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"name":"Bench Mark","email":"bench@example.com","title":"Benchmark ticket","description":"Created by make bench."}'
