-- Customers own companies and users; users work in some of their customer's companies.

CREATE TABLE customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_name_key ON customers (lower(name));
SELECT manage_updated_at('customers');

CREATE TABLE companies (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id),
    name         text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    legal_name   text NOT NULL DEFAULT '' CHECK (length(legal_name) <= 300),
    tax_id       text NOT NULL DEFAULT '' CHECK (length(tax_id) <= 20),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX companies_customer_name_key ON companies (customer_id, lower(name));
-- Lets users.active_company_id and memberships refer to (customer, company) pairs, so a
-- user can never be put in another customer's company.
CREATE UNIQUE INDEX companies_customer_id_key ON companies (customer_id, id);
SELECT manage_updated_at('companies');

CREATE TABLE users (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id            bigint NOT NULL REFERENCES customers (id),
    email                  text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 254),
    password_hash          text NOT NULL,
    name                   text NOT NULL CHECK (length(name) <= 200),
    position               text NOT NULL DEFAULT '' CHECK (length(position) <= 200),
    level                  smallint NOT NULL CHECK (level BETWEEN 1 AND 6),
    active_company_id      bigint,
    active                 boolean NOT NULL DEFAULT true,
    -- Access tokens issued before this instant are refused (password change).
    sessions_valid_after   timestamptz NOT NULL DEFAULT now(),
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (customer_id, id),
    FOREIGN KEY (customer_id, active_company_id) REFERENCES companies (customer_id, id)
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
SELECT manage_updated_at('users');

CREATE TABLE company_users (
    customer_id  bigint NOT NULL,
    company_id   bigint NOT NULL,
    user_id      bigint NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, user_id),
    FOREIGN KEY (customer_id, company_id) REFERENCES companies (customer_id, id),
    FOREIGN KEY (customer_id, user_id) REFERENCES users (customer_id, id) ON DELETE CASCADE
);
CREATE INDEX company_users_user_idx ON company_users (user_id);

-- Opaque refresh tokens, stored only as their SHA-256. Each login starts a family; every
-- refresh uses one token up and adds the next. Presenting a used token revokes the family.
CREATE TABLE refresh_tokens (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id   uuid NOT NULL,
    token_hash  bytea NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);
