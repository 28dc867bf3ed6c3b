-- unread markers: the newest message each agent has seen on each ticket they opened; a ticket with a message
-- newer than that, written by someone else, is unread for them. One row per agent and ticket, written by the ticket page.
create table ticket_seen (
    agent_id   bigint not null references agent (id),
    ticket_id  bigint not null references ticket (id),
    message_id bigint not null,
    seen_at    timestamp with time zone not null,
    constraint ticket_seen_pk primary key (agent_id, ticket_id)
);
