-- Exactly one active token per tenant, decided by the database (docs/architecture.md, "API
-- tokens"). H2 has no partial index, so an active token carries its tenant's id a second time,
-- in active_tenant_id, and only while it is active: a unique index over that column lets one
-- active token per tenant exist, and NULLs (revoked tokens) never collide.
ALTER TABLE api_tokens ADD COLUMN active_tenant_id VARCHAR(64);

-- Repair what parallel regenerations left behind: the newest active token of each tenant stays
-- active, every other one is revoked now.
UPDATE api_tokens SET revoked_at = CURRENT_TIMESTAMP
WHERE revoked_at IS NULL
  AND EXISTS (SELECT 1 FROM api_tokens newer
              WHERE newer.tenant_id = api_tokens.tenant_id
                AND newer.revoked_at IS NULL
                AND (newer.created_at > api_tokens.created_at
                     OR (newer.created_at = api_tokens.created_at AND newer.id > api_tokens.id)));
UPDATE api_tokens SET active_tenant_id = tenant_id WHERE revoked_at IS NULL;

CREATE UNIQUE INDEX api_tokens_one_active_per_tenant ON api_tokens (active_tenant_id);
-- A token is active exactly when it is not revoked, and then it names its own tenant.
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_active_names_its_tenant CHECK (
    (revoked_at IS NULL AND active_tenant_id = tenant_id)
    OR (revoked_at IS NOT NULL AND active_tenant_id IS NULL));
