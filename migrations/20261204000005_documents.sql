-- Documents: the company's logo heads every PDF it prints.
ALTER TABLE companies ADD COLUMN logo_key text;
