//! Shared passages between articles. (Being written.)
