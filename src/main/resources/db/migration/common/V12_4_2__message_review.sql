-- a reply held for review before it reaches the customer: its state (PENDING, APPROVED, RETURNED; null for every
-- message never held), its round (1, then one more per resubmission), why it was held (codes, one per line), who
-- decided and when, the status its author chose and the reason given for resolving with a required step open (both
-- applied only when it is approved), the reviewer's comment when returned, and the author's text when the reviewer
-- changed it on approval
alter table message add column review_state varchar(10);
alter table message add column review_reasons varchar(2000);
alter table message add column reviewer_agent_id bigint references agent (id);
alter table message add column review_decided_at timestamp with time zone;
alter table message add column review_next_status varchar(20);
alter table message add column review_comment varchar(4000);
alter table message add column review_original_body varchar;
alter table message add column review_round integer;
alter table message add column review_resolution_reason varchar(500);
create index message_review_idx on message (review_state, ticket_id);
