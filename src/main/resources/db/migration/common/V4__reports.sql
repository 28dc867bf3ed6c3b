-- reports: what each team did each day, kept up to date from ticket events
create table team_day_activity (
    team_id          bigint  not null,
    activity_day     date    not null,
    tickets_opened   integer not null default 0,
    tickets_resolved integer not null default 0,
    touches_in       integer not null default 0,
    touches_out      integer not null default 0,
    primary key (team_id, activity_day)
);
