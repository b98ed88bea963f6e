//! One module per command: call the library, print text or its types as JSON.

pub mod bundle;
pub mod compare;
pub mod delete;
pub mod diff;
pub mod export;
pub mod framing;
pub mod import;
pub mod list;
pub mod note;
pub mod quotes;
pub mod reuse;
pub mod search;
pub mod session;
pub mod show;
