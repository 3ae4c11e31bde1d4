-- Spaces and their members take their ids from a sequence that Hibernate reads before the insert,
-- instead of IDENTITY's INSERT ... RETURNING: under the generated row-level security (the rls
-- profile) a new space is not readable by its creator until they are its member, and PostgreSQL
-- refuses to return a row its caller cannot read (docs/enforcement.md).
ALTER TABLE space ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE space_id_seq OWNED BY space.id;
SELECT setval('space_id_seq', coalesce((SELECT max(id) FROM space), 0) + 1, false);
ALTER TABLE space ALTER COLUMN id SET DEFAULT nextval('space_id_seq');

ALTER TABLE space_user ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE space_user_id_seq OWNED BY space_user.id;
SELECT setval('space_user_id_seq', coalesce((SELECT max(id) FROM space_user), 0) + 1, false);
ALTER TABLE space_user ALTER COLUMN id SET DEFAULT nextval('space_user_id_seq');
