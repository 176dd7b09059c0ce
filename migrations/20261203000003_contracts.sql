-- The directory of a company (counterparties, their sites and contacts, units of measure)
-- and its contracts with their catalogs.
--
-- Every business table carries company_id, and references between them go through
-- (company_id, id) pairs, so the database itself refuses a record that points into another
-- company, whatever the application forgets.

-- The last folio handed out per company. The UPDATE that takes the next one locks the
-- company's row, so concurrent creations queue instead of colliding; folios of deleted
-- contracts are never handed out again.
ALTER TABLE companies ADD COLUMN last_contract_folio bigint NOT NULL DEFAULT 0;

CREATE TABLE counterparties (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id  bigint NOT NULL REFERENCES companies (id),
    kind        text NOT NULL CHECK (kind IN ('client', 'piece_worker', 'subcontractor')),
    name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    legal_name  text NOT NULL DEFAULT '' CHECK (length(legal_name) <= 300),
    tax_id      text NOT NULL DEFAULT '' CHECK (length(tax_id) <= 20),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (company_id, id)
);
CREATE UNIQUE INDEX counterparties_name_key ON counterparties (company_id, lower(name));
SELECT manage_updated_at('counterparties');

CREATE TABLE sites (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id       bigint NOT NULL,
    counterparty_id  bigint NOT NULL,
    name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    address          text NOT NULL DEFAULT '' CHECK (length(address) <= 500),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (company_id, id),
    FOREIGN KEY (company_id, counterparty_id) REFERENCES counterparties (company_id, id)
);
CREATE INDEX sites_counterparty_idx ON sites (counterparty_id);
SELECT manage_updated_at('sites');

CREATE TABLE contacts (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id       bigint NOT NULL,
    counterparty_id  bigint NOT NULL,
    name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    position         text NOT NULL DEFAULT '' CHECK (length(position) <= 200),
    email            text NOT NULL DEFAULT '' CHECK (length(email) <= 254),
    phone            text NOT NULL DEFAULT '' CHECK (length(phone) <= 40),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (company_id, id),
    FOREIGN KEY (company_id, counterparty_id) REFERENCES counterparties (company_id, id)
);
CREATE INDEX contacts_counterparty_idx ON contacts (counterparty_id);
SELECT manage_updated_at('contacts');

CREATE TABLE units (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id   bigint NOT NULL REFERENCES companies (id),
    name         text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 30),
    description  text NOT NULL DEFAULT '' CHECK (length(description) <= 200),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (company_id, id)
);
CREATE UNIQUE INDEX units_name_key ON units (company_id, lower(name));
SELECT manage_updated_at('units');

-- Contracts and subcontracts. A subcontract is a child contract, at any depth; the tree is
-- held by parent_id and walked with recursive queries.
CREATE TABLE contracts (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id            bigint NOT NULL REFERENCES companies (id),
    parent_id             bigint,
    folio                 bigint NOT NULL CHECK (folio > 0),
    code                  text NOT NULL CHECK (length(code) <= 60),
    name                  text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 500),
    short_name            text NOT NULL CHECK (length(short_name) <= 80),
    date                  date NOT NULL,
    counterparty_id       bigint NOT NULL,
    site_id               bigint,
    amount                numeric(16, 2) NOT NULL CHECK (amount >= 0),
    advance_percent       numeric(7, 4) NOT NULL DEFAULT 0
                          CHECK (advance_percent BETWEEN 0 AND 100),
    tax_rate              numeric(7, 4) NOT NULL DEFAULT 0 CHECK (tax_rate BETWEEN 0 AND 100),
    open                  boolean NOT NULL DEFAULT true,
    -- Public works must refuse quantities beyond the contracted ones; others only warn.
    refuse_over_contract  boolean NOT NULL DEFAULT false,
    -- The signed contract, in object storage under a key the server made.
    signed_pdf_key        text,
    signed_pdf_size       bigint,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (company_id, folio),
    UNIQUE (company_id, id),
    CHECK (parent_id IS DISTINCT FROM id),
    FOREIGN KEY (company_id, parent_id) REFERENCES contracts (company_id, id),
    FOREIGN KEY (company_id, counterparty_id) REFERENCES counterparties (company_id, id),
    FOREIGN KEY (company_id, site_id) REFERENCES sites (company_id, id)
);
CREATE INDEX contracts_parent_idx ON contracts (parent_id);
CREATE INDEX contracts_counterparty_idx ON contracts (counterparty_id);
CREATE INDEX contracts_site_idx ON contracts (site_id);
SELECT manage_updated_at('contracts');

CREATE TABLE contract_users (
    contract_id  bigint NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (contract_id, user_id)
);
CREATE INDEX contract_users_user_idx ON contract_users (user_id);

-- The catalog ("catálogo de conceptos"): one row per concept, in the order given.
CREATE TABLE concepts (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id   bigint NOT NULL,
    contract_id  bigint NOT NULL,
    position     integer NOT NULL,
    code         text NOT NULL CHECK (length(btrim(code)) BETWEEN 1 AND 40),
    description  text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 4000),
    unit_id      bigint NOT NULL,
    quantity     numeric(18, 4) NOT NULL CHECK (quantity >= 0),
    unit_price   numeric(16, 2) NOT NULL CHECK (unit_price >= 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (company_id, contract_id) REFERENCES contracts (company_id, id)
        ON DELETE CASCADE,
    FOREIGN KEY (company_id, unit_id) REFERENCES units (company_id, id)
);
CREATE UNIQUE INDEX concepts_code_key ON concepts (contract_id, lower(code));
CREATE INDEX concepts_contract_idx ON concepts (contract_id, position);
CREATE INDEX concepts_unit_idx ON concepts (unit_id);
SELECT manage_updated_at('concepts');

CREATE TABLE retentions (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id   bigint NOT NULL,
    contract_id  bigint NOT NULL,
    name         text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    kind         text NOT NULL CHECK (kind IN ('percentage', 'fixed')),
    base         text NOT NULL DEFAULT 'gross' CHECK (base IN ('gross', 'subtotal')),
    value        numeric(16, 4) NOT NULL CHECK (value >= 0),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (kind <> 'percentage' OR value <= 100),
    FOREIGN KEY (company_id, contract_id) REFERENCES contracts (company_id, id)
        ON DELETE CASCADE
);
CREATE INDEX retentions_contract_idx ON retentions (contract_id);
SELECT manage_updated_at('retentions');
