-- what later review rules build on: an agent on probation until a day, and agents who may review others' work
alter table agent add column probation_until date;
alter table agent add column reviewer boolean not null default false;
