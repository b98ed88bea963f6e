-- 0004: note search also finds a note by its quoted passage and by its tags, not only by its
-- body. The tags live in another table, so the index is a regular FTS5 table (it keeps its own
-- copy of the text, small for notes) kept in sync by triggers on `notes` and `note_tags`.
-- Deleted notes stay indexed and are filtered at query time, as before.

DROP TRIGGER notes_fts_insert;
DROP TRIGGER notes_fts_delete;
DROP TRIGGER notes_fts_update;
DROP TABLE notes_fts;

CREATE VIRTUAL TABLE notes_fts USING fts5(
    body,
    quote,
    tags,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO notes_fts(rowid, body, quote, tags)
SELECT n.id, n.body, coalesce(n.anchor_exact, ''),
       coalesce((SELECT group_concat(t.name, ' ') FROM note_tags nt JOIN tags t ON t.id = nt.tag_id
                 WHERE nt.note_id = n.id), '')
FROM notes n;

CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts(rowid, body, quote, tags)
    VALUES (new.id, new.body, coalesce(new.anchor_exact, ''), '');
END;

CREATE TRIGGER notes_fts_update AFTER UPDATE OF body, anchor_exact ON notes BEGIN
    UPDATE notes_fts SET body = new.body, quote = coalesce(new.anchor_exact, '')
    WHERE rowid = new.id;
END;

CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
    DELETE FROM notes_fts WHERE rowid = old.id;
END;

CREATE TRIGGER notes_fts_tag_added AFTER INSERT ON note_tags BEGIN
    UPDATE notes_fts SET tags = coalesce((SELECT group_concat(t.name, ' ') FROM note_tags nt
        JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = new.note_id), '')
    WHERE rowid = new.note_id;
END;

CREATE TRIGGER notes_fts_tag_removed AFTER DELETE ON note_tags BEGIN
    UPDATE notes_fts SET tags = coalesce((SELECT group_concat(t.name, ' ') FROM note_tags nt
        JOIN tags t ON t.id = nt.tag_id WHERE nt.note_id = old.note_id), '')
    WHERE rowid = old.note_id;
END;
