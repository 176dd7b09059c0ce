-- Estimates ("estimaciones"): progress bills of a contract, their lines per concept, the
-- take-off rows behind a line's quantity, and an audit log of every change.

-- Lets estimate lines point at (contract, concept) pairs, so a line can never bill a
-- concept of another contract.
CREATE UNIQUE INDEX concepts_contract_id_key ON concepts (contract_id, id);

CREATE TABLE estimates (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id        bigint NOT NULL,
    contract_id       bigint NOT NULL,
    -- 1..n within the contract, contiguous: only the latest estimate can be deleted.
    number            integer NOT NULL CHECK (number > 0),
    period_start      date NOT NULL,
    period_end        date NOT NULL,
    drafted_by_id     bigint REFERENCES users (id),
    supervised_by_id  bigint REFERENCES users (id),
    authorized_by_id  bigint,
    show_advance      boolean NOT NULL DEFAULT true,
    show_retentions   boolean NOT NULL DEFAULT true,
    is_final          boolean NOT NULL DEFAULT false,
    invoiced_on       date,
    paid_on           date,
    -- Grows on every change, so a rendered document can be keyed by it.
    revision          integer NOT NULL DEFAULT 1,
    -- The statement as it was invoiced: issued figures never change afterwards, whatever
    -- happens to the catalog.
    frozen_statement  jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (contract_id, number),
    UNIQUE (company_id, id),
    CHECK (period_start <= period_end),
    CHECK (paid_on IS NULL OR invoiced_on IS NOT NULL),
    FOREIGN KEY (company_id, contract_id) REFERENCES contracts (company_id, id),
    FOREIGN KEY (company_id, authorized_by_id) REFERENCES contacts (company_id, id)
);
CREATE INDEX estimates_contract_idx ON estimates (contract_id, number);
CREATE INDEX estimates_open_idx ON estimates (company_id) WHERE paid_on IS NULL;
SELECT manage_updated_at('estimates');

CREATE TABLE estimate_lines (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id   bigint NOT NULL,
    estimate_id  bigint NOT NULL REFERENCES estimates (id) ON DELETE CASCADE,
    contract_id  bigint NOT NULL,
    concept_id   bigint NOT NULL,
    quantity     numeric(18, 4) NOT NULL CHECK (quantity >= 0),
    notes        text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    -- Frozen when the estimate is invoiced; a draft follows the concept's price.
    unit_price   numeric(16, 2),
    amount       numeric(16, 2),
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (estimate_id, concept_id),
    FOREIGN KEY (contract_id, concept_id) REFERENCES concepts (contract_id, id)
);
CREATE INDEX estimate_lines_concept_idx ON estimate_lines (concept_id);
CREATE INDEX estimate_lines_contract_idx ON estimate_lines (contract_id);
SELECT manage_updated_at('estimate_lines');

-- Take-off rows ("números generadores"): the line's quantity is the sum of their products.
CREATE TABLE measurements (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    line_id   bigint NOT NULL REFERENCES estimate_lines (id) ON DELETE CASCADE,
    position  integer NOT NULL,
    label     text NOT NULL DEFAULT '' CHECK (length(label) <= 200),
    length    numeric(18, 4) CHECK (length >= 0),
    width     numeric(18, 4) CHECK (width >= 0),
    height    numeric(18, 4) CHECK (height >= 0),
    pieces    numeric(18, 4) CHECK (pieces >= 0)
);
CREATE INDEX measurements_line_idx ON measurements (line_id, position);

-- Photos of the work behind a line, kept re-encoded in object storage.
CREATE TABLE photos (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id   bigint NOT NULL,
    estimate_id  bigint NOT NULL REFERENCES estimates (id) ON DELETE CASCADE,
    contract_id  bigint NOT NULL,
    concept_id   bigint NOT NULL,
    object_key   text NOT NULL UNIQUE,
    width        integer NOT NULL,
    height       integer NOT NULL,
    bytes        bigint NOT NULL,
    caption      text NOT NULL DEFAULT '' CHECK (length(caption) <= 300),
    created_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (company_id, estimate_id) REFERENCES estimates (company_id, id)
        ON DELETE CASCADE,
    FOREIGN KEY (contract_id, concept_id) REFERENCES concepts (contract_id, id)
);
CREATE INDEX photos_estimate_idx ON photos (estimate_id, concept_id);
CREATE INDEX photos_company_idx ON photos (company_id);

-- Why an invoiced estimate was opened again, and by whom.
CREATE TABLE estimate_unlocks (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    estimate_id  bigint NOT NULL REFERENCES estimates (id) ON DELETE CASCADE,
    user_id      bigint NOT NULL REFERENCES users (id),
    reason       text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
    created_at   timestamptz NOT NULL DEFAULT now()
);

-- Who changed what, when, with the record before and after.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    company_id  bigint NOT NULL REFERENCES companies (id),
    user_id     bigint REFERENCES users (id),
    entity      text NOT NULL,
    entity_id   bigint NOT NULL,
    action      text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    before      jsonb,
    after       jsonb,
    at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_entity_idx ON audit_log (company_id, entity, entity_id, id);

-- Every change to the audited tables lands in audit_log, whatever code made it. The server
-- opens such transactions with db::begin, which names the user; changes made without it
-- (migrations, operators in psql) are logged with no user.
CREATE FUNCTION audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    before_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    after_row  jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    a_row      jsonb := coalesce(after_row, before_row);
BEGIN
    IF TG_OP = 'UPDATE' AND before_row - 'updated_at' = after_row - 'updated_at' THEN
        RETURN NEW;
    END IF;
    INSERT INTO audit_log (company_id, user_id, entity, entity_id, action, before, after)
    VALUES (
        (a_row ->> 'company_id')::bigint,
        nullif(current_setting('construbot.user_id', true), '')::bigint,
        TG_TABLE_NAME,
        (a_row ->> 'id')::bigint,
        CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END,
        before_row,
        after_row
    );
    RETURN coalesce(NEW, OLD);
END;
$$;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON contracts
    FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON concepts
    FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON retentions
    FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON estimates
    FOR EACH ROW EXECUTE FUNCTION audit_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON estimate_lines
    FOR EACH ROW EXECUTE FUNCTION audit_change();
