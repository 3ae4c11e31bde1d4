-- Demo data for dev mode. Tokens for these users: GET /dev/token?sub=alice (bob, carol, dave).
-- Written as the system caller, so that the generated row-level security (the rls profile) lets it through.
SELECT set_config('rowguard.caller', 'system', true);
INSERT INTO app_user (id, email, name) VALUES
    ('alice', 'alice@example.com', 'Alice'),
    ('bob',   'bob@example.com',   'Bob'),
    ('carol', 'carol@example.com', 'Carol'),
    ('dave',  'dave@example.com',  'Dave')
ON CONFLICT (id) DO NOTHING;

INSERT INTO space (id, name, slug, owner_id, org_id) VALUES
    (1, 'Central Perk', 'central-perk', 'alice', NULL),
    (2, 'Rowguard HQ',  'rowguard-hq',  'bob',   'org_rowguard')
ON CONFLICT (id) DO NOTHING;

INSERT INTO space_user (space_id, user_id, role) VALUES
    (1, 'alice', 'ADMIN'),
    (1, 'bob',   'USER'),
    (2, 'bob',   'ADMIN'),
    (2, 'carol', 'USER')
ON CONFLICT (user_id, space_id) DO NOTHING;

INSERT INTO list (id, space_id, owner_id, title, private) VALUES
    (1, 1, 'alice', 'Groceries',            false),
    (2, 1, 'alice', 'Birthday surprise',    true),
    (3, 1, 'bob',   'Coffee machine fixes', false),
    (4, 2, 'bob',   'Launch plan',          false),
    (5, 2, 'carol', 'Carol''s notes',       true)
ON CONFLICT (id) DO NOTHING;

INSERT INTO todo (id, list_id, owner_id, title, completed_at) VALUES
    (1, 1, 'alice', 'Milk',                 NULL),
    (2, 1, 'alice', 'Coffee beans',         now()),
    (3, 2, 'alice', 'Order the cake',       NULL),
    (4, 3, 'bob',   'Descale the machine',  NULL),
    (5, 4, 'bob',   'Write release notes',  NULL),
    (6, 4, 'bob',   'Tag 0.1.0',            NULL),
    (7, 5, 'carol', 'Ask for a raise',      NULL)
ON CONFLICT (id) DO NOTHING;

INSERT INTO post (id, title, content, published, author_id) VALUES
    (1, 'Hello, Rowguard',        'Policies on entities, enforced in SQL.', true,  'alice'),
    (2, 'Draft: secret roadmap',  'Not for everyone yet.',                  false, 'alice'),
    (3, 'Why row-level security', 'Defence in depth.',                      true,  'bob')
ON CONFLICT (id) DO NOTHING;

-- dave submits expenses; carol approves northeast reports up to 5,000 with a manager token:
-- /dev/token?sub=carol&metadata.roles=manager&metadata.region=northeast&metadata.approval_limit=5000
INSERT INTO expense_report (id, submitter_id, region, description, amount, status) VALUES
    (1, 'dave', 'northeast', 'Client dinner',     4000, 'SUBMITTED'),
    (2, 'dave', 'northeast', 'Conference travel', 6000, 'SUBMITTED'),
    (3, 'dave', 'south',     'Team offsite',      3000, 'SUBMITTED'),
    (4, 'dave', 'northeast', 'Taxi',                40, 'DRAFT')
ON CONFLICT (id) DO NOTHING;
-- a manager's note on dave's draft, hidden from dave until the report is decided
UPDATE expense_report SET reviewer_note = 'Sent back once: the receipt was missing' WHERE id = 4;

-- Explicit ids above: move the identity sequences past them.
SELECT setval(pg_get_serial_sequence('space', 'id'), (SELECT max(id) FROM space));
SELECT setval(pg_get_serial_sequence('list', 'id'), (SELECT max(id) FROM list));
SELECT setval(pg_get_serial_sequence('todo', 'id'), (SELECT max(id) FROM todo));
SELECT setval(pg_get_serial_sequence('post', 'id'), (SELECT max(id) FROM post));
SELECT setval(pg_get_serial_sequence('expense_report', 'id'), (SELECT max(id) FROM expense_report));
