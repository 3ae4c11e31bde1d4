-- The todo rule as PostgreSQL row-level security, written the way Supabase's documentation
-- teaches it: an auth.uid()-like function reading the caller from a transaction-local setting
-- (request.jwt.claim.sub, set by set_config per transaction as PostgREST does), one permissive
-- policy per rule (PostgreSQL ORs them), "filter column IN (subquery)" instead of joins.
-- Roles without BYPASSRLS: one sees the policies calling the function directly
-- (owner_id = bench_auth.uid()), the other the same policies with the call wrapped in a
-- sub-select ((select bench_auth.uid())), Supabase's advice for a once-per-statement initPlan.
CREATE SCHEMA IF NOT EXISTS bench_auth;

CREATE OR REPLACE FUNCTION bench_auth.uid() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))
$$;

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rowguard_bench_rls_naive') THEN
        CREATE ROLE rowguard_bench_rls_naive NOLOGIN NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rowguard_bench_rls_wrapped') THEN
        CREATE ROLE rowguard_bench_rls_wrapped NOLOGIN NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rowguard_bench_rls_expert') THEN
        CREATE ROLE rowguard_bench_rls_expert NOLOGIN NOBYPASSRLS;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA bench_auth TO rowguard_bench_rls_naive, rowguard_bench_rls_wrapped, rowguard_bench_rls_expert;
GRANT SELECT ON todo, list, space_user TO rowguard_bench_rls_naive, rowguard_bench_rls_wrapped, rowguard_bench_rls_expert;
GRANT rowguard_bench_rls_naive, rowguard_bench_rls_wrapped, rowguard_bench_rls_expert TO CURRENT_USER;

ALTER TABLE todo ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS todo_list_owner_naive ON todo;
DROP POLICY IF EXISTS todo_space_member_naive ON todo;
DROP POLICY IF EXISTS todo_list_owner_wrapped ON todo;
DROP POLICY IF EXISTS todo_space_member_wrapped ON todo;
DROP POLICY IF EXISTS todo_read_expert ON todo;

-- @Allow(ALL, "list.owner == auth()")
CREATE POLICY todo_list_owner_naive ON todo FOR SELECT TO rowguard_bench_rls_naive
    USING (list_id IN (SELECT l.id FROM list l WHERE l.owner_id = bench_auth.uid()));
-- @Allow(ALL, "list.space.members?[user == auth()] && !list.privateList")
CREATE POLICY todo_space_member_naive ON todo FOR SELECT TO rowguard_bench_rls_naive
    USING (list_id IN (SELECT l.id FROM list l JOIN space_user su ON su.space_id = l.space_id
                       WHERE su.user_id = bench_auth.uid() AND NOT l.private));

CREATE POLICY todo_list_owner_wrapped ON todo FOR SELECT TO rowguard_bench_rls_wrapped
    USING (list_id IN (SELECT l.id FROM list l WHERE l.owner_id = (SELECT bench_auth.uid())));
CREATE POLICY todo_space_member_wrapped ON todo FOR SELECT TO rowguard_bench_rls_wrapped
    USING (list_id IN (SELECT l.id FROM list l JOIN space_user su ON su.space_id = l.space_id
                       WHERE su.user_id = (SELECT bench_auth.uid()) AND NOT l.private));

-- For comparison (not Supabase's style): both rules in one policy, written as the expert's SQL
-- (one semi-join over a UNION ALL), with the wrapped call.
CREATE POLICY todo_read_expert ON todo FOR SELECT TO rowguard_bench_rls_expert
    USING (list_id IN (SELECT l.id FROM list l WHERE l.owner_id = (SELECT bench_auth.uid())
                       UNION ALL
                       SELECT l.id FROM list l JOIN space_user su ON su.space_id = l.space_id
                       WHERE su.user_id = (SELECT bench_auth.uid()) AND NOT l.private));
