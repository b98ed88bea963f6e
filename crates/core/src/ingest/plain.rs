//! Plain text and Markdown: title, byline, dateline and site clutter.

use super::{Document, Format, IngestError};

pub(super) fn read(text: &str, format: Format) -> Result<Document, IngestError> {
    let _ = (text, format);
    Err(IngestError::NoText {
        detail: String::new(),
    })
}
