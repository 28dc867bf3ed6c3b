-- accounts: a team's name in each page language an admin gave one for ("fr=Assistance" lines; null: none), shown in
-- the reader's language and falling back to the base name
alter table team add column names varchar(2000);
