-- Every view ever recorded. The in-memory snapshot is loaded from here in id order.
CREATE TABLE view_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     varchar(64) NOT NULL,
    product_id  varchar(32) NOT NULL,
    viewed_at   timestamptz NOT NULL
);

-- GET /api/users/{userId}/views: a user's views, newest first, and their count.
CREATE INDEX view_events_by_user ON view_events (user_id, viewed_at DESC, id DESC);

-- One row per idempotency key: the primary key decides duplicates atomically across threads,
-- replicas and restarts. The fingerprint (SHA-256 of the view) tells a retry from a reused key.
CREATE TABLE idempotency_keys (
    idempotency_key  varchar(128) PRIMARY KEY,
    fingerprint      char(64)     NOT NULL,
    status           smallint     NOT NULL,
    created_at       timestamptz  NOT NULL
);

-- The scheduled expiry deletes by age.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
