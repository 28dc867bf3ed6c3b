-- a category may say that resolving its tickets needs a second person's review
alter table category add column resolution_review boolean not null default false;

-- a resolution asked for and waiting for review: at most one per ticket; the row goes when the review is decided
create table ticket_resolution_request (
    ticket_id    bigint primary key references ticket (id),
    requested_by bigint not null references agent (id),
    requested_at timestamp with time zone not null,
    reason       varchar(500)
);
