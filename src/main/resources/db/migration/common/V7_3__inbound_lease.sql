-- mail intake: a row being turned into a ticket message is claimed until lease_until, so two nodes never process
-- the same message; a node that stops mid-way leaves a lease that lapses, and the sweep takes the row up again
alter table mail_inbound add column lease_until timestamp with time zone;
