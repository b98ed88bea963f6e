//! PDF: the text layer.

use super::{Document, IngestError};

pub(super) fn read(bytes: &[u8]) -> Result<Document, IngestError> {
    let _ = bytes;
    Err(IngestError::NoText {
        detail: String::new(),
    })
}
