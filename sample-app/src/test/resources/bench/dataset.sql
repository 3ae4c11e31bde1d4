-- The one-million-todo dataset of docs/benchmarks.md (rules: /work/shared/bench/todo-dataset.md),
-- loaded into the sample's own schema (V1__todo_and_blog_schema.sql). Deterministic; integer
-- division everywhere. The foreign-key indexes are dropped before loading and recreated after it.
DROP INDEX IF EXISTS space_owner_id_idx, space_org_id_idx, space_user_space_id_idx,
    list_space_id_idx, list_owner_id_idx, todo_list_id_idx, todo_owner_id_idx;

-- users 1..10,000; user i is 'i' (ids are text)
INSERT INTO app_user (id, email, name, created_at)
SELECT i::text, 'user' || i || '@example.com', 'User ' || i, timestamptz '2024-01-01 00:00:00+00'
FROM generate_series(1, 10000) AS i;

-- space s: owner = user (s-1)/3 + 1
INSERT INTO space (id, name, slug, owner_id, created_at)
SELECT s, 'Space ' || s, 'space-' || s, ((s - 1) / 3 + 1)::text, timestamptz '2024-01-01 00:00:00+00'
FROM generate_series(1, 1000) AS s;

-- user i is a member of spaces ((i-1)*3 + k) % 1000 + 1, k = 0..2; ADMIN when (i+k) % 10 = 0
INSERT INTO space_user (id, space_id, user_id, role)
SELECT (i - 1) * 3 + k + 1, ((i - 1) * 3 + k) % 1000 + 1, i::text,
       CASE WHEN (i + k) % 10 = 0 THEN 'ADMIN' ELSE 'USER' END
FROM generate_series(1, 10000) AS i, generate_series(0, 2) AS k;

-- list j: space s = (j-1)/100 + 1, r = (j-1) % 100, owner = member m = (r + 7*(r/30)) % 30 of
-- space s, i.e. user (s - 1 + 1000*m)/3 + 1; private when r % 5 = 4
INSERT INTO list (id, space_id, owner_id, title, private, created_at)
SELECT j, s, ((s - 1 + 1000 * ((r + 7 * (r / 30)) % 30)) / 3 + 1)::text, 'List ' || j, r % 5 = 4,
       timestamptz '2024-01-01 00:00:00+00'
FROM (SELECT j, (j - 1) / 100 + 1 AS s, (j - 1) % 100 AS r FROM generate_series(1, 100000) AS j) AS g;

-- todo t: list (t-1)/10 + 1, owner = the list's owner, completed_at on every third
INSERT INTO todo (id, list_id, owner_id, title, completed_at, created_at)
SELECT t, l.id, l.owner_id, 'Todo ' || t,
       CASE WHEN t % 3 = 0 THEN timestamptz '2024-01-02 00:00:00+00' + t * interval '1 second' END,
       timestamptz '2024-01-01 00:00:00+00'
FROM generate_series(1, 1000000) AS t
JOIN list l ON l.id = (t - 1) / 10 + 1;

SELECT setval(pg_get_serial_sequence('space', 'id'), 1000);
SELECT setval(pg_get_serial_sequence('space_user', 'id'), 30000);
SELECT setval(pg_get_serial_sequence('list', 'id'), 100000);
SELECT setval(pg_get_serial_sequence('todo', 'id'), 1000000);

-- what a careful user has: one b-tree on every foreign-key column (plus the schema's own
-- primary keys, unique (user_id, space_id) on space_user and unique slug)
CREATE INDEX space_owner_id_idx ON space (owner_id);
CREATE INDEX space_org_id_idx ON space (org_id);
CREATE INDEX space_user_space_id_idx ON space_user (space_id);
CREATE INDEX list_space_id_idx ON list (space_id);
CREATE INDEX list_owner_id_idx ON list (owner_id);
CREATE INDEX todo_list_id_idx ON todo (list_id);
CREATE INDEX todo_owner_id_idx ON todo (owner_id);
