//! HTML: main-content extraction and metadata.

use super::{Document, IngestError};

pub(super) fn read(html: &str) -> Result<Document, IngestError> {
    let _ = html;
    Err(IngestError::NoText {
        detail: String::new(),
    })
}
