CREATE TABLE note (
    id        BIGSERIAL PRIMARY KEY,
    title     TEXT    NOT NULL,
    published BOOLEAN NOT NULL DEFAULT FALSE,
    author_id TEXT    NOT NULL
);
