-- The caller, as Rowguard's session claims set it for each transaction (rowguard.postgres.session-claims):
-- rowguard.caller is 'user', 'anonymous' or 'system'; rowguard.principal the normalized principal as JSON
-- (empty unless a user). Outside such a transaction nothing is set: no caller, no principal.
CREATE SCHEMA IF NOT EXISTS rowguard;
GRANT USAGE ON SCHEMA rowguard TO PUBLIC;

CREATE OR REPLACE FUNCTION rowguard.is_system() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('rowguard.caller', true) = 'system', false) $$;

CREATE OR REPLACE FUNCTION rowguard.principal() RETURNS jsonb LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('rowguard.principal', true), '')::jsonb $$;

-- auth().member and a declared attribute, as JSON; NULL when anonymous or absent.
CREATE OR REPLACE FUNCTION rowguard.auth(member text) RETURNS jsonb LANGUAGE sql STABLE AS
$$ SELECT nullif(rowguard.principal() -> member, 'null'::jsonb) $$;

CREATE OR REPLACE FUNCTION rowguard.auth_attribute(name text) RETURNS jsonb LANGUAGE sql STABLE AS
$$ SELECT nullif(rowguard.principal() -> 'attributes' -> name, 'null'::jsonb) $$;

CREATE OR REPLACE FUNCTION rowguard.auth_id() RETURNS text LANGUAGE sql STABLE AS
$$ SELECT rowguard.principal() ->> 'id' $$;

-- Conversions, exactly as the policies' in-memory evaluator converts (Values.coerce): a value that does not
-- convert is NULL, which makes the comparison false; none of them raises an error.
CREATE OR REPLACE FUNCTION rowguard.as_text(v jsonb) RETURNS text LANGUAGE sql STABLE AS
$$ SELECT CASE WHEN jsonb_typeof(v) = 'string' THEN v #>> '{}' END $$;

-- Java's BigDecimal syntax after String.trim() (which strips every character up to U+0020); exponents
-- beyond four digits count as not a number (PostgreSQL's numeric would overflow).
CREATE OR REPLACE FUNCTION rowguard.as_number(v jsonb) RETURNS numeric LANGUAGE sql STABLE AS
$$ SELECT CASE jsonb_typeof(v)
    WHEN 'number' THEN (v #>> '{}')::numeric
    WHEN 'string' THEN CASE WHEN btrim(v #>> '{}', E'\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x20')
        ~ '^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,4})?$'
        THEN btrim(v #>> '{}', E'\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x20')::numeric END
    END $$;

CREATE OR REPLACE FUNCTION rowguard.as_boolean(v jsonb) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT CASE jsonb_typeof(v)
    WHEN 'boolean' THEN (v #>> '{}')::boolean
    WHEN 'string' THEN CASE v #>> '{}' WHEN 'true' THEN true WHEN 'false' THEN false END
    END $$;

-- The canonical 8-4-4-4-12 form only.
CREATE OR REPLACE FUNCTION rowguard.as_uuid(v jsonb) RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT CASE WHEN jsonb_typeof(v) = 'string'
        AND (v #>> '{}') ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
    THEN (v #>> '{}')::uuid END $$;

-- java.time.Instant.parse's ISO-8601 form. PL/pgSQL for its exception handler only: an impossible date
-- (2021-02-30) is NULL, not an error, on every PostgreSQL version.
CREATE OR REPLACE FUNCTION rowguard.as_timestamptz(v jsonb) RETURNS timestamptz LANGUAGE plpgsql STABLE AS
$$ BEGIN
    IF jsonb_typeof(v) = 'string'
            AND (v #>> '{}') ~* '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})$' THEN
        RETURN (v #>> '{}')::timestamptz;
    END IF;
    RETURN NULL;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;

-- An enum stored as its ordinal: the constant's position, counted from 0.
CREATE OR REPLACE FUNCTION rowguard.as_ordinal(v jsonb, constants text[]) RETURNS integer LANGUAGE sql STABLE AS
$$ SELECT array_position(constants, rowguard.as_text(v)) - 1 $$;

-- A list's items; none when the value is not a list.
CREATE OR REPLACE FUNCTION rowguard.items(v jsonb) RETURNS SETOF jsonb LANGUAGE sql STABLE AS
$$ SELECT jsonb_array_elements(CASE WHEN jsonb_typeof(v) = 'array' THEN v END) $$;

-- Conditions that read no row, two-valued (never NULL) like the evaluator's (Values.unify, Values.compare).
CREATE OR REPLACE FUNCTION rowguard.kind_of(v jsonb) RETURNS text LANGUAGE sql STABLE AS
$$ SELECT CASE jsonb_typeof(v) WHEN 'string' THEN 'STRING' WHEN 'number' THEN 'NUMBER' WHEN 'boolean' THEN 'BOOLEAN' END $$;

CREATE OR REPLACE FUNCTION rowguard.holds(op text, a anyelement, b anyelement) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(CASE op WHEN '==' THEN a = b WHEN '!=' THEN a <> b WHEN '<' THEN a < b WHEN '<=' THEN a <= b
    WHEN '>' THEN a > b WHEN '>=' THEN a >= b END, false) $$;

-- Compared as l_kind, else r_kind, else the kind of l's value (a string against a uuid as uuids).
CREATE OR REPLACE FUNCTION rowguard.compare(op text, l jsonb, l_kind text, r jsonb, r_kind text) RETURNS boolean
LANGUAGE sql STABLE AS
$$ SELECT coalesce(CASE CASE WHEN coalesce(l_kind, r_kind, rowguard.kind_of(l)) = 'STRING' AND r_kind = 'UUID' THEN 'UUID'
        ELSE coalesce(l_kind, r_kind, rowguard.kind_of(l)) END
    WHEN 'STRING' THEN rowguard.holds(op, rowguard.as_text(l) COLLATE "C", rowguard.as_text(r) COLLATE "C")
    WHEN 'ENUM' THEN rowguard.holds(op, rowguard.as_text(l) COLLATE "C", rowguard.as_text(r) COLLATE "C")
    WHEN 'NUMBER' THEN rowguard.holds(op, rowguard.as_number(l), rowguard.as_number(r))
    WHEN 'BOOLEAN' THEN rowguard.holds(op, rowguard.as_boolean(l), rowguard.as_boolean(r))
    WHEN 'UUID' THEN rowguard.holds(op, rowguard.as_uuid(l), rowguard.as_uuid(r))
    WHEN 'TEMPORAL' THEN rowguard.holds(op, rowguard.as_timestamptz(l), rowguard.as_timestamptz(r))
    END, false) $$;

-- has(list, x): some item equals x, compared as x_kind, else as x's own kind.
CREATE OR REPLACE FUNCTION rowguard.has(list jsonb, x jsonb, x_kind text) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT EXISTS (SELECT 1 FROM rowguard.items(list) i WHERE rowguard.compare('==', x, x_kind, i, NULL)) $$;

CREATE OR REPLACE FUNCTION rowguard.has_some(list jsonb, wanted jsonb) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT jsonb_typeof(list) = 'array' IS TRUE
    AND EXISTS (SELECT 1 FROM rowguard.items(wanted) w WHERE rowguard.has(list, w, NULL)) $$;

CREATE OR REPLACE FUNCTION rowguard.has_every(list jsonb, wanted jsonb) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT jsonb_typeof(list) = 'array' IS TRUE AND jsonb_typeof(wanted) = 'array' IS TRUE
    AND NOT EXISTS (SELECT 1 FROM rowguard.items(wanted) w WHERE NOT rowguard.has(list, w, NULL)) $$;

CREATE OR REPLACE FUNCTION rowguard.is_empty(list jsonb) RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT CASE WHEN jsonb_typeof(list) = 'array' THEN jsonb_array_length(list) = 0 ELSE false END $$;

CREATE OR REPLACE FUNCTION rowguard.text_test(test text, t jsonb, search jsonb, ignore_case boolean) RETURNS boolean
LANGUAGE sql STABLE AS
$$ SELECT coalesce(CASE test
        WHEN 'contains' THEN strpos(a, b) > 0
        WHEN 'startsWith' THEN starts_with(a, b)
        WHEN 'endsWith' THEN right(a, length(b)) = b END, false)
    FROM (SELECT CASE WHEN ignore_case THEN lower(rowguard.as_text(t)) ELSE rowguard.as_text(t) END AS a,
                 CASE WHEN ignore_case THEN lower(rowguard.as_text(search)) ELSE rowguard.as_text(search) END AS b) v $$;

-- For policies written by hand: auth().member as text, and a list member (roles, orgPermissions) as text[].
CREATE OR REPLACE FUNCTION rowguard.auth_text(member text) RETURNS text LANGUAGE sql STABLE AS
$$ SELECT rowguard.as_text(rowguard.auth(member)) $$;

CREATE OR REPLACE FUNCTION rowguard.auth_list(member text) RETURNS text[] LANGUAGE sql STABLE AS
$$ SELECT array(SELECT rowguard.as_text(e) FROM rowguard.items(rowguard.auth(member)) e WHERE rowguard.as_text(e) IS NOT NULL) $$;
