-- audit entries are never edited: no code path updates or deletes them, and the database refuses it as well
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are never changed or deleted';
end
$$;
create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
