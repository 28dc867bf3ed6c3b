-- sign-in throttling counts failures per client address as well as per account name
alter table login_failure add column client_address varchar(64);
create index login_failure_address_idx on login_failure (client_address, failed_at);
