-- preference fields: a label per page language (one "lang=label" line each, see LocalNames) and, for the choice
-- type, the options the admin gives (one per line, in the admin's order: at most 50 of at most 100 characters)
alter table preference_field add column labels varchar(2000);
alter table preference_field add column options varchar(6000);
