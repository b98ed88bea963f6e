//! Backups: a copy of the library taken while it is in use, with SQLite's online backup API. The
//! copy is one consistent state (taken in a single step, inside one read transaction, which in
//! WAL mode never blocks a writer) and is itself a library: `parallax --db BACKUP` or the app
//! opens it as it is.

use crate::{Library, Result, StoreError};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

impl Library {
    /// Writes a backup of the library to `path`. It is written beside `path` under a temporary
    /// name, checked, and renamed into place, so `path` is always either what it was or a whole
    /// backup; it is readable by its owner only (a library holds a journalist's sources).
    pub fn backup(&self, path: &Path) -> Result<()> {
        let io = |what: &str, e: std::io::Error| StoreError::Io(format!("{what}: {e}"));
        if let (Some(own), Ok(target)) = (self.path(), path.canonicalize()) {
            if own.canonicalize().is_ok_and(|own| own == target) {
                return Err(StoreError::InvalidInput(
                    "a backup cannot replace the library it copies".into(),
                ));
            }
        }
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path.file_name().ok_or_else(|| {
            StoreError::InvalidInput(format!("{} is not a file name", path.display()))
        })?;
        let partial = dir.join(format!(
            ".{}.partial-{}",
            name.to_string_lossy(),
            std::process::id()
        ));
        let written = self.write_backup(&partial);
        if let Err(error) = written {
            let _ = std::fs::remove_file(&partial);
            return Err(error);
        }
        std::fs::rename(&partial, path).map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            io(&format!("cannot write {}", path.display()), e)
        })
    }

    fn write_backup(&self, partial: &Path) -> Result<()> {
        let _ = std::fs::remove_file(partial);
        // Readable by its owner only from the first byte, not only once written.
        let mut create = std::fs::OpenOptions::new();
        create.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut create, 0o600);
        create
            .open(partial)
            .map_err(|e| StoreError::Io(format!("cannot write the backup: {e}")))?;
        let mut copy = Connection::open(partial)?;
        {
            let backup = Backup::new(&self.conn, &mut copy)?;
            // All pages in one step: one read transaction, so one consistent state.
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    _ => std::thread::sleep(std::time::Duration::from_millis(20)),
                }
            }
        }
        let verdict: String = copy.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        if verdict != "ok" {
            return Err(StoreError::InvalidInput(format!(
                "the backup did not check out: {verdict}"
            )));
        }
        copy.close().map_err(|(_, e)| e)?;
        std::fs::File::open(partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| StoreError::Io(format!("cannot write the backup: {e}")))?;
        Ok(())
    }
}
