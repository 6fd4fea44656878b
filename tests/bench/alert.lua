-- wrk script: the same PagerDuty trigger again and again, as a check that keeps failing
-- sends it: after the first, each one counts on the open incident (the common case).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"routing_key":"bench","event_action":"trigger","dedup_key":"bench-disk-full","payload":{"summary":"Disk 95% full on db-1","source":"db-1","severity":"error"}}'
