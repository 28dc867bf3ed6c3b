-- what an agent has typed in a ticket's composer and not sent yet: one draft per agent and ticket, saved as they type,
-- gone when the reply, note or call is written (in that write's transaction) or when the agent discards it
create table ticket_draft (
    ticket_id bigint      not null references ticket (id),
    agent_id  bigint      not null references agent (id),
    mode      varchar(16) not null,
    body      varchar     not null,
    saved_at  timestamp with time zone not null,
    primary key (ticket_id, agent_id)
);
