-- Search: whether the rows stored before the index existed (or loaded in bulk) have all been indexed. Absent: the
-- backfill runs (again) after start and indexes whatever is still missing, so a node stopped half-way loses nothing.
create table search_backfill (
    id          integer primary key,
    finished_at timestamp with time zone not null,
    documents   bigint not null
);
