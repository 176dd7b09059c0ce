-- Contracts and subcontracts, as far as the foundation needs them (the list and who is
-- assigned). The contracts issue adds counterparties, sites and catalogs.

CREATE TABLE contracts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id  bigint NOT NULL REFERENCES companies (id),
    parent_id   bigint REFERENCES contracts (id),
    folio       bigint NOT NULL CHECK (folio > 0),
    code        text NOT NULL CHECK (length(code) <= 60),
    name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 500),
    short_name  text NOT NULL CHECK (length(short_name) <= 80),
    date        date NOT NULL,
    amount      numeric(16, 2) NOT NULL CHECK (amount >= 0),
    open        boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (company_id, folio)
);
CREATE INDEX contracts_parent_idx ON contracts (parent_id);
SELECT manage_updated_at('contracts');

CREATE TABLE contract_users (
    contract_id  bigint NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (contract_id, user_id)
);
CREATE INDEX contract_users_user_idx ON contract_users (user_id);
