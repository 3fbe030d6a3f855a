-- Seeds large tenants with SQL, in the very form the service stores (profile JSON, one email row).
-- Variables: big, small, other, full (tenant ids); users are user<N>@<domain>. W2, W3 and W7 read
-- the big tenant, which keeps its 100,000 users throughout; W1 creates in the full one.
-- Bulk seeding skips the per-row foreign-key triggers (the rows are consistent by construction).
SET session_replication_role = replica;
INSERT INTO users (tenant_id, id, user_name, user_name_key, external_id, display_name, given_name, family_name,
                   active, origin, profile, created, last_modified, version)
SELECT t.tenant, t.prefix || g, 'user' || g || '@' || t.domain, 'user' || g || '@' || t.domain, '00u' || g,
       'User ' || g, 'User', 'N' || g, true, 'PROVISIONED',
       '{"userName":"user' || g || '@' || t.domain || '","name":{"givenName":"User","familyName":"N' || g
           || '"},"displayName":"User ' || g || '","externalId":"00u' || g
           || '","emails":[{"value":"user' || g || '@' || t.domain || '","type":"work","primary":true}]'
           -- The big and small tenants declare employeeCode (run.sh): their people carry one, as the
           -- service stores it, so that W2's two tenants differ only in size.
           || CASE WHEN t.tenant IN (:'big', :'small') THEN ',"$custom":{"employeeCode":["E' || g || '"]}' ELSE '' END || '}',
       now() - (t.size - g) * interval '1 millisecond', now() - (t.size - g) * interval '1 millisecond', 1
FROM (VALUES (:'big', 'big-', 'acme.example', 100000), (:'small', 'small-', 'small.example', 1000),
             (:'other', 'other-', 'other.example', 20000), (:'full', 'full-', 'full.example', 100000))
         AS t(tenant, prefix, domain, size),
     generate_series(1, t.size) AS g;

ANALYZE users;
INSERT INTO user_emails (tenant_id, user_id, ordinal, email, email_key, email_type, is_primary)
SELECT tenant_id, id, 0, user_name, user_name_key, 'work', true FROM users
WHERE tenant_id IN (:'big', :'small', :'other', :'full');

-- The big and small tenants' custom attribute (issue #15): one row per value, as AttributeValues writes it
-- (a text that is neither a number, an instant nor a boolean fills only the text columns).
INSERT INTO user_attribute_values (tenant_id, user_id, name_key, ordinal, value_text, value_key)
SELECT :'big', 'big-' || g, 'employeecode', 0, 'E' || g, 'e' || g FROM generate_series(1, 100000) AS g;
INSERT INTO user_attribute_values (tenant_id, user_id, name_key, ordinal, value_text, value_key)
SELECT :'small', 'small-' || g, 'employeecode', 0, 'E' || g, 'e' || g FROM generate_series(1, 1000) AS g;

-- A group of 100,000 members and one of 10, in the big tenant; the small tenant's people are in
-- a group of their own too, so that W2's look-ups in both tenants return a user with one group
-- each and differ only in the size of the tenant (the first ten of the big tenant are in two).
INSERT INTO scim_groups (tenant_id, id, display_name, display_name_key, created, last_modified, version)
VALUES (:'big', 'group-100k', 'Everyone', 'everyone', now(), now(), 1),
       (:'big', 'group-10', 'Board', 'board', now(), now(), 1),
       (:'small', 'group-1k', 'Everyone', 'everyone', now(), now(), 1);
INSERT INTO group_members (tenant_id, group_id, user_id)
SELECT :'big', 'group-100k', 'big-' || g FROM generate_series(1, 100000) AS g;
INSERT INTO group_members (tenant_id, group_id, user_id)
SELECT :'big', 'group-10', 'big-' || g FROM generate_series(1, 10) AS g;
INSERT INTO group_members (tenant_id, group_id, user_id)
SELECT :'small', 'group-1k', 'small-' || g FROM generate_series(1, 1000) AS g;
SET session_replication_role = DEFAULT;
ANALYZE;

-- A bulk load leaves the visibility map unset until autovacuum passes by; a database that has
-- been serving for a while has it set. Vacuum now, so that page scans (W7) see the steady state.
VACUUM (ANALYZE) users, user_emails, group_members, scim_groups, user_attribute_values;
