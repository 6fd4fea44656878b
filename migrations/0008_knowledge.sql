-- Earlier solutions: full-text indexes over tickets and knowledge-base articles (FTS5,
-- external content: the index stores tokens only and reads text from the table).

CREATE VIRTUAL TABLE tickets_fts USING fts5(
    title, description, resolution_notes,
    content = 'tickets', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO tickets_fts (tickets_fts) VALUES ('rebuild');

CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO tickets_fts (rowid, title, description, resolution_notes)
    VALUES (new.id, new.title, new.description, new.resolution_notes);
END;
-- Only text changes touch the index (most writes change status or assignment).
CREATE TRIGGER tickets_fts_update AFTER UPDATE OF title, description, resolution_notes ON tickets
WHEN old.title IS NOT new.title OR old.description IS NOT new.description
  OR old.resolution_notes IS NOT new.resolution_notes
BEGIN
    INSERT INTO tickets_fts (tickets_fts, rowid, title, description, resolution_notes)
    VALUES ('delete', old.id, old.title, old.description, old.resolution_notes);
    INSERT INTO tickets_fts (rowid, title, description, resolution_notes)
    VALUES (new.id, new.title, new.description, new.resolution_notes);
END;

CREATE TABLE kb_articles (
    id               INTEGER PRIMARY KEY,
    title            TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    source_ticket_id INTEGER REFERENCES tickets (id),
    published        INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    author           TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX kb_articles_published ON kb_articles (published, id);

CREATE VIRTUAL TABLE kb_fts USING fts5(
    title, body, content = 'kb_articles', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER kb_fts_insert AFTER INSERT ON kb_articles BEGIN
    INSERT INTO kb_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER kb_fts_update AFTER UPDATE OF title, body ON kb_articles BEGIN
    INSERT INTO kb_fts (kb_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO kb_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
