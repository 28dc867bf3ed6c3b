-- tickets: problems spread over several tickets (links, merges) and the purchase a ticket is about
-- a link between two tickets about the same problem, stored once (lower id first); a link group is the connected set
create table ticket_link (
    low_id    bigint not null references ticket (id),
    high_id   bigint not null references ticket (id),
    linked_at timestamp with time zone not null,
    linked_by bigint references agent (id),
    primary key (low_id, high_id),
    constraint ticket_link_ordered check (low_id < high_id)
);
create index ticket_link_high_idx on ticket_link (high_id, low_id);

-- a duplicate merged into another ticket: closed, and pointing to the survivor (mail to it threads there)
alter table ticket add column merged_into bigint references ticket (id);
-- an order or purchase reference the ticket is about (trimmed, 1 to 100 printable characters)
alter table ticket add column purchase_ref varchar(100);
create index ticket_purchase_ref_idx on ticket (purchase_ref);
