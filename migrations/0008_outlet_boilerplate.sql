-- 0008: boilerplate learned from the library: fingerprint hashes (see 0006) that recur across
-- many articles of one outlet (its footer, its newsletter prompt, a standard disclaimer). The
-- paragraphs they cover are added to each article's `boilerplate`; the hashes are kept so an
-- article of that outlet imported later is marked too. `hash` is the u64 stored as i64.
CREATE TABLE outlet_boilerplate (
    outlet_id INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
    hash      INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, hash)
) STRICT, WITHOUT ROWID;
