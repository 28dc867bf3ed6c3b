-- a round its author withdrew while it waited stays as the work's history, marked withdrawn (it used to be deleted):
-- a reviewer deciding it meanwhile learns that it was withdrawn (409) rather than that it never existed (404)
alter table review drop constraint review_state_known;
alter table review add constraint review_state_known check (state in ('PENDING', 'APPROVED', 'RETURNED', 'WITHDRAWN'));
