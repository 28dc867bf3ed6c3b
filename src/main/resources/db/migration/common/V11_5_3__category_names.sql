-- tickets: a category's name in each page language an admin gave one for ("de=Rechnung" lines; null: none)
alter table category add column names varchar(2000);
