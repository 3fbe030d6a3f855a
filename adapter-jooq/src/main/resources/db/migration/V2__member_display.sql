-- The label the identity provider gave a member (members[].display), shown instead of the
-- user's own name when present (Microsoft's validator reads it back).
ALTER TABLE group_members ADD COLUMN display VARCHAR(1024);
