-- The both-layers case: a role without BYPASSRLS that the benchmark's context switches to (SET ROLE),
-- so that the sample's generated row-level security applies to it. TodoBenchmark then installs the
-- generated policies (db/rls/R__rowguard_rls.sql) for this role only.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rowguard_bench_layers') THEN
        CREATE ROLE rowguard_bench_layers NOLOGIN NOBYPASSRLS;
    END IF;
END $$;
GRANT USAGE ON SCHEMA public TO rowguard_bench_layers;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO rowguard_bench_layers;
-- Hibernate's schema validation sees only the sequences a role may use (Space and SpaceUser take sequence ids)
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO rowguard_bench_layers;
GRANT rowguard_bench_layers TO CURRENT_USER;

-- The generated migration turns row-level security on for every table of the sample. The Supabase-style
-- cases' policies on todo look into list and space_user: let their roles read those as before.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['list', 'space_user'] LOOP
        EXECUTE format('DROP POLICY IF EXISTS bench_rls_cases_read ON %I', t);
        EXECUTE format('CREATE POLICY bench_rls_cases_read ON %I FOR SELECT'
            || ' TO rowguard_bench_rls_naive, rowguard_bench_rls_wrapped, rowguard_bench_rls_expert USING (true)', t);
    END LOOP;
END $$;
