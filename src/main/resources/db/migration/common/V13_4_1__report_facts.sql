-- Reports: per-ticket facts and small daily tables, kept from the tickets module's events (reports.ActivityLedger), so
-- that every report is a sum over days. Unknown language is '' and no category is 0, so that they can be in keys.

-- what the ledger knows of each ticket: its dimensions as it opened, whether it is open, and its latest resolution (the
-- day and dimensions of the resolution row a reopening counts against)
create table report_ticket (
    ticket_id          bigint primary key,
    team_id            bigint,
    channel            varchar(20),
    language           varchar(8) not null default '',
    opened_at          timestamp with time zone,
    open               boolean not null default true,
    resolved_at        timestamp with time zone,
    resolved_team_id   bigint,
    resolved_category  bigint,
    resolved_touches   integer,
    resolved_replies   integer
);

-- one row per (day resolved, team, category, channel, language, touches, replies class): how many resolutions, and
-- how many of them the customer reopened within the "resolved for good" window or later
create table report_resolution_day (
    resolved_day      date        not null,
    team_id           bigint      not null,
    category_id       bigint      not null,
    channel           varchar(20) not null,
    language          varchar(8)  not null,
    touches           integer     not null,
    replies           integer     not null,
    resolutions       integer     not null default 0,
    reopened_within   integer     not null default 0,
    reopened_later    integer     not null default 0,
    primary key (resolved_day, team_id, category_id, channel, language, touches, replies)
);
create index report_resolution_team_idx on report_resolution_day (team_id, resolved_day);

-- tickets by the day they opened, team, channel and language: how many opened (the volume) and how many of them are
-- open now (the backlog by age is a sum over these rows); one row for both, so that opening a ticket updates one row
create table report_opened_day (
    opened_day  date        not null,
    team_id     bigint      not null,
    channel     varchar(20) not null,
    language    varchar(8)  not null,
    opened      integer     not null default 0,
    still_open  integer     not null default 0,
    primary key (opened_day, team_id, channel, language)
);
create index report_opened_team_idx on report_opened_day (team_id, opened_day);

-- the backfill of tickets stored before the ledger kept facts: how far it got, who holds the work, when it finished
create table report_backfill (
    id            integer primary key,
    after_id      bigint not null default 0,
    upto_id       bigint,
    lease_holder  varchar(80),
    lease_until   timestamp with time zone,
    finished_at   timestamp with time zone,
    tickets       bigint not null default 0
);
insert into report_backfill (id) values (1);
