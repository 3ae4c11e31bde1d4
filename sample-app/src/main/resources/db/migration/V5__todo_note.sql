-- A private note on a todo; its field rule shows it to the todo's owner only.
ALTER TABLE todo ADD COLUMN note text;
