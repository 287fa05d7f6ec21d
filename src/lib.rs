//! `claims`: facts and claims in news articles, with their sources.
//!
//! The pipeline is data flowing one way, one module a stage:
//!
//! ```text
//! input (text) -> segment (sentences) -> attribution (attributed statements)
//!     -> claims (atomic claims) -> store -> compare / audit
//! ```
//!
//! [`extract::extract`] runs the first four stages on a document. The command line
//! program `claims` is a thin layer over this library.

pub mod attribution;
pub mod audit;
pub mod claims;
pub mod compare;
pub mod error;
pub mod eval;
pub mod extract;
pub mod hash;
pub mod input;
pub mod report;
pub mod segment;
pub mod span;
pub mod store;
pub mod wordnet;

pub use error::{Error, Result};
pub use extract::{Extraction, extract, extract_text};
pub use span::Span;
