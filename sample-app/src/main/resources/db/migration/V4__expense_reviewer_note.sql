-- A note from the reviewing manager; its field rules hide it from everyone else.
ALTER TABLE expense_report ADD COLUMN reviewer_note text;
