-- The both-layers case: a role without BYPASSRLS that the benchmark's context switches to (SET ROLE),
-- so that the sample's generated row-level security applies to it. TodoBenchmark then installs the
-- generated policies (db/rls/R__rowguard_rls.sql) for this role only.
-- rowguard_bench_layers_views is the same for the migration generated with --related-rows views.
DO $$
DECLARE
    r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['rowguard_bench_layers', 'rowguard_bench_layers_views'] LOOP
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN NOBYPASSRLS', r);
        END IF;
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', r);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', r);
        -- Hibernate's schema validation sees only the sequences a role may use (Space and SpaceUser take sequence ids)
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', r);
        EXECUTE format('GRANT %I TO CURRENT_USER', r);
    END LOOP;
END $$;

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
