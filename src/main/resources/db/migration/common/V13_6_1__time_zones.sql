-- Time zones: a team's (null: the desk's regard.time-zone) and an agent's own (null: their first team's, else the
-- desk's), IANA ids checked by accounts.TimeZones. The reports keep the day each ticket's facts were counted on, in the
-- team's zone as it was then, so that a later change of the zone never moves a count to another row: rows stored before
-- this migration were counted in UTC days (null here means exactly that).
alter table team add column time_zone varchar(64);
alter table agent add column time_zone varchar(64);
alter table report_ticket add column opened_day date;
alter table report_ticket add column resolved_day date;
