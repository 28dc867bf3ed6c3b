-- a written reason for resolving a ticket while a required step of its procedure is open (the warn gate) is kept in
-- the ticket's history (up to 500 characters; a reviewer's comment on a returned resolution up to 2000), and each
-- team's day counts the tickets resolved that way
alter table ticket_change alter column new_value set data type varchar(2000);
alter table team_day_activity add column resolved_over_open_step integer not null default 0;
