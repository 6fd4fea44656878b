-- Mail goes out in its recipient's language: an account remembers the language its owner
-- last used the desk in, and a ticket the language of the form its reporter used (for
-- reporters without an account).
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'da'));
ALTER TABLE tickets ADD COLUMN reporter_language TEXT NOT NULL DEFAULT 'en' CHECK (reporter_language IN ('en', 'da'));
