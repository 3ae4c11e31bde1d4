CREATE TABLE item (
    id        BIGSERIAL PRIMARY KEY,
    title     TEXT    NOT NULL,
    published BOOLEAN NOT NULL DEFAULT FALSE,
    owner_id  TEXT    NOT NULL
);
