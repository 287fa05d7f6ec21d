//! Comparing claims across articles: candidate matching through an index, then relating
//! each candidate pair as agree, contradict or neutral, with reasons.
//!
//! PLACEHOLDER: not built yet.
