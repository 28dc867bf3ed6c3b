-- a retired procedure no longer applies to new tickets: its procedure_category rows are deleted (freeing the categories
-- for a new procedure of the team), its versions stay, and tickets pinned to it keep following it
alter table team_procedure add column retired_at timestamp with time zone;
alter table team_procedure add column retired_by bigint;
