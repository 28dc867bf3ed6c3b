-- customers: the names an admin gave a service tier (regard.tiers) in each page language ("vi=Ưu tiên" lines); a tier
-- without a row is shown by its key
create table tier_name (
    tier  varchar(50)   not null primary key,
    names varchar(2000) not null
);
