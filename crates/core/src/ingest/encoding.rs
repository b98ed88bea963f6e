//! Decoding text files of unknown encoding.

use super::IngestError;

/// Decodes bytes into normalised-ready text: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8,
/// then a guess among legacy encodings (Windows-1252, Latin-1, …). Binary data is an error.
pub fn decode_text(bytes: &[u8]) -> Result<String, IngestError> {
    let _ = bytes;
    Err(IngestError::Binary)
}
