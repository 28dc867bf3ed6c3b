-- the audit log page and its export filter by days
create index audit_entry_at_idx on audit_entry (at);
