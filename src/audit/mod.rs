//! The pre-publication sourcing audit: rules over an extracted draft (and the store),
//! findings with positions, levels and waivers.
//!
//! PLACEHOLDER: not built yet.
