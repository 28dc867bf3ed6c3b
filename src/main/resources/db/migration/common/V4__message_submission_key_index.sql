-- Opening a ticket with a submission key (API Idempotency-Key, form double-submit guard) first looks the key
-- up across all tickets: "where submission_key = ? and kind = 'CUSTOMER'". The unique key (ticket_id,
-- submission_key) cannot serve that lookup, so it read every message: at 100,000 tickets (400,000 messages)
-- a full scan of 1.3 s on H2 and a whole-index scan of ~900 pages on PostgreSQL for every new ticket
-- (bench/README.md). With this index it reads one entry.
create index message_submission_key_idx on message (submission_key);
