//! Scoring pairs against a gold corpus.
//!
//! PLACEHOLDER: not built yet.

use super::{EvalError, Report};
use std::path::Path;

pub fn evaluate(_gold: &Path) -> Result<Report, EvalError> {
    Err(EvalError::NotBuilt("pairs evaluation is not built yet"))
}
