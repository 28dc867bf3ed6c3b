-- touch budgets: each category may say how many touches its tickets are expected to need and at how many something
-- went wrong; a desk-wide pair applies to tickets without a category (or a category without its own pair)
alter table category add column expected_touches integer;
alter table category add column alarm_touches integer;

create table touch_budget_default (
    id               integer primary key,
    expected_touches integer,
    alarm_touches    integer
);
insert into touch_budget_default (id, expected_touches, alarm_touches) values (1, null, null);

-- hand-offs (moved to another team, or away from its agent) and reopenings (resolved or closed, then active again),
-- kept on the ticket by the write path; a flag asks a team lead to look (reason: ALARM, ...), and the lead notes the
-- root cause from the team's list
alter table ticket add column handoffs integer not null default 0;
alter table ticket add column reopenings integer not null default 0;
alter table ticket add column flag_reason varchar(40);
alter table ticket add column flagged_at timestamp with time zone;
alter table ticket add column root_cause varchar(100);
create index ticket_flagged_idx on ticket (flagged_at);

-- the root causes a team offers its leads; a team without rows offers the built-in list
create table team_root_cause (
    team_id  bigint not null references team (id),
    position integer not null,
    label    varchar(100) not null,
    primary key (team_id, position)
);

-- the history already stored: a team move, or an assignee leaving (to another agent or to the team's queue), is a
-- hand-off; changes of one action share their instant, so a team move that also let go of the agent counts once
update ticket set
    handoffs = (select count(distinct c.changed_at) from ticket_change c
                where c.ticket_id = ticket.id
                  and (c.field = 'team' or (c.field = 'assignee' and c.old_value is not null))),
    reopenings = (select count(*) from ticket_change c
                  where c.ticket_id = ticket.id and c.field = 'status'
                    and c.old_value in ('RESOLVED', 'CLOSED') and c.new_value in ('NEW', 'OPEN', 'WAITING'));
