-- mail intake: a stored message is held by the node whose reader fetched it (lease_holder, until lease_until) while it
-- waits in that node's processing pool, so that no other node's sweep takes it out of its conversation's order; a
-- node that dies lets the lease lapse, and any sweep takes the row up again
alter table mail_inbound add column lease_holder varchar(100);
