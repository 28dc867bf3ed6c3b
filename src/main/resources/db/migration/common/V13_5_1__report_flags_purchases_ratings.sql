-- Reports: flagged tickets and their root causes, touches per purchase, and satisfaction (ratings), kept from events
-- like the other reports (reports.ReportFacts). No cause noted is '', no category 0, unknown tier ''.

-- what the ledger knows of each ticket besides its resolution: the customer's tier when it opened; its current flag (the
-- report_flag_day row it counts in: day, team, category, reason, cause); its purchase reference and the contribution it
-- makes to its purchase (team, day and touches of its latest resolution; null until resolved); its latest reopening; whether it was rated
alter table report_ticket add column tier varchar(50) not null default '';
alter table report_ticket add column flagged_at timestamp with time zone;
alter table report_ticket add column flag_team_id bigint;
alter table report_ticket add column flag_category bigint;
alter table report_ticket add column flag_reason varchar(40);
alter table report_ticket add column flag_cause varchar(80);
alter table report_ticket add column purchase_ref varchar(100);
alter table report_ticket add column purchase_team_id bigint;
alter table report_ticket add column purchase_day date;
alter table report_ticket add column purchase_touches integer;
alter table report_ticket add column reopened_at timestamp with time zone;
-- whether a rating of it is counted (a reopening then looks for ratings whose resolution it reopened)
alter table report_ticket add column rated boolean not null default false;

-- flags by the day they were raised, team, category then, reason, root cause ('' until a lead notes one), channel, language
create table report_flag_day (
    flagged_day  date        not null,
    team_id      bigint      not null,
    category_id  bigint      not null,
    reason       varchar(40) not null,
    root_cause   varchar(80) not null,
    channel      varchar(20) not null,
    language     varchar(8)  not null,
    flags        integer     not null default 0,
    primary key (flagged_day, team_id, category_id, reason, root_cause, channel, language)
);
create index report_flag_team_idx on report_flag_day (team_id, flagged_day);

-- one row per purchase reference and team: its resolved tickets and their touches (as of each one's latest
-- resolution), and the day of the latest of those resolutions
create table report_purchase (
    purchase_ref  varchar(100) not null,
    team_id       bigint       not null,
    tickets       integer      not null default 0,
    touches       integer      not null default 0,
    last_day      date         not null,
    primary key (purchase_ref, team_id)
);
create index report_purchase_team_idx on report_purchase (team_id, last_day);

-- the same tickets one by one: by the day of their latest resolution, team and touches (20: 20 or more)
create table report_purchase_ticket (
    resolved_day  date    not null,
    team_id       bigint  not null,
    touches       integer not null,
    tickets       integer not null default 0,
    primary key (resolved_day, team_id, touches)
);
create index report_purchase_ticket_team_idx on report_purchase_ticket (team_id, resolved_day);

-- the latest answer of each rating request, and the dimensions of the row it counts in
create table report_rating (
    request_id    bigint primary key,
    ticket_id     bigint      not null,
    team_id       bigint      not null,
    category_id   bigint      not null,
    channel       varchar(20) not null,
    language      varchar(8)  not null,
    tier          varchar(50) not null,
    resolved_at   timestamp with time zone not null,
    score         varchar(4)  not null,
    answered_at   timestamp with time zone,
    reopened      boolean     not null default false
);
create index report_rating_ticket_idx on report_rating (ticket_id);

-- ratings by the day of the resolution they rate, team, category, channel, language, tier and score: how many, and how
-- many of those resolutions were reopened within the "resolved for good" window
create table report_rating_day (
    resolved_day     date        not null,
    team_id          bigint      not null,
    category_id      bigint      not null,
    channel          varchar(20) not null,
    language         varchar(8)  not null,
    tier             varchar(50) not null,
    score            varchar(4)  not null,
    ratings          integer     not null default 0,
    reopened_within  integer     not null default 0,
    primary key (resolved_day, team_id, category_id, channel, language, tier, score)
);
create index report_rating_team_idx on report_rating_day (team_id, resolved_day);

-- the backfill of flags, purchases and ratings stored before (its own progress, like report_backfill's)
create table report_backfill_more (
    id            integer primary key,
    after_id      bigint not null default 0,
    upto_id       bigint,
    lease_holder  varchar(80),
    lease_until   timestamp with time zone,
    finished_at   timestamp with time zone,
    tickets       bigint not null default 0
);
insert into report_backfill_more (id) values (1);
