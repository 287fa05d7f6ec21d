//! Measuring the tool on annotated corpora: the same figures as the scorers in
//! `shared/eval/`, so anyone can measure `claims` on their own annotated data without
//! Python.

pub mod attribution;
pub mod pairs;
pub mod segment;

use std::path::Path;

/// The figures of one evaluation run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// What a person reads (the same lines the matching Python scorer prints).
    pub text: String,
    /// Named figures, for `--min METRIC=VALUE` checks.
    pub metrics: Vec<(String, f64)>,
}

impl Report {
    pub fn metric(&self, name: &str) -> Option<f64> {
        self.metrics
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| *v)
    }
}

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Gold {
        path: String,
        line: u64,
        message: String,
    },
    #[error("{0}")]
    NotBuilt(&'static str),
}

/// Reads a gold JSON Lines file into values, naming the line of any bad record.
pub fn read_gold(path: &Path) -> Result<Vec<serde_json::Value>, EvalError> {
    use std::io::BufRead;
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| EvalError::Io {
        path: name.clone(),
        source,
    })?;
    let mut rows = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| EvalError::Io {
            path: name.clone(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let value = serde_json::from_str(&line).map_err(|e| EvalError::Gold {
            path: name.clone(),
            line: i as u64 + 1,
            message: format!("not JSON: {e}"),
        })?;
        rows.push(value);
    }
    Ok(rows)
}
