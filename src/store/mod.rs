//! The versioned claim store: plain TOML files under `claims/`, content-addressed with
//! sha256, shared by a team through git.
//!
//! PLACEHOLDER: not built yet.

use std::path::PathBuf;

/// Why the store could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no claim store found at {path} or above it")]
    NotFound { path: PathBuf },
}
