-- wrk script: sign in as a demo agent (every request is a full PBKDF2 verification).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"l1@example.com","password":"demo-password"}'
