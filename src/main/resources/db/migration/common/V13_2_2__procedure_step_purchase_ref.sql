-- procedures: a step whose field gives the ticket's purchase reference (ticking it with a value sets the reference);
-- earlier versions' steps give none
alter table procedure_step add column purchase_ref boolean not null default false;
