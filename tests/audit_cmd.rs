//! `claims audit` end to end: every case in `tests/cmd/audit/*.toml` is data (args, the
//! drafts from `tests/fixtures/audit/`, an optional config, the expected findings and
//! exit code), run against the real binary in a fresh temporary folder.
//!
//! `findings` lists each expected finding as `file:line:col:level:rule`, compared with
//! the `line` output in order; a case without `findings` expects none unless it checks
//! output in another way (`stdout_contains` ...).

use assert_cmd::cargo::cargo_bin_cmd;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    #[allow(dead_code)]
    description: String,
    /// Drafts copied from tests/fixtures/audit into the case's folder ("-" is stdin).
    #[serde(default)]
    files: Vec<String>,
    /// Arguments after `claims audit`, before the files.
    #[serde(default)]
    args: Vec<String>,
    /// Written as `claims.toml` in the case's folder.
    config: Option<String>,
    /// Written as `claims/store.toml` in the case's folder (the store found from the
    /// working directory).
    store_toml: Option<String>,
    /// Files copied into the case's folder for `setup` (resolved like `files`).
    #[serde(default)]
    setup_files: Vec<String>,
    /// `claims` commands run first in the case's folder (`[["init"], ["add", "a.md"]]`);
    /// each must succeed.
    #[serde(default)]
    setup: Vec<Vec<String>>,
    /// The drafts go in this subfolder (to test config discovery upward).
    subdir: Option<String>,
    stdin: Option<String>,
    findings: Option<Vec<String>>,
    #[serde(default)]
    code: i32,
    #[serde(default)]
    stdout_contains: Vec<String>,
    #[serde(default)]
    stdout_not_contains: Vec<String>,
    #[serde(default)]
    stderr_contains: Vec<String>,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A bare name is a fixture; a path is relative to the repository (the seed, the example
/// articles).
fn fixture(f: &str) -> PathBuf {
    if f.contains('/') {
        root().join(f)
    } else {
        root().join("tests/fixtures/audit").join(f)
    }
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn run_case(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let case: Case = toml::from_str(&text).map_err(|e| format!("bad case file: {e}"))?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let draft_dir = match &case.subdir {
        Some(sub) => dir.path().join(sub),
        None => dir.path().to_owned(),
    };
    std::fs::create_dir_all(&draft_dir).map_err(|e| e.to_string())?;
    if let Some(config) = &case.config {
        std::fs::write(dir.path().join("claims.toml"), config).map_err(|e| e.to_string())?;
    }
    if let Some(store) = &case.store_toml {
        std::fs::create_dir_all(dir.path().join("claims")).map_err(|e| e.to_string())?;
        std::fs::write(dir.path().join("claims/store.toml"), store).map_err(|e| e.to_string())?;
    }
    for f in &case.setup_files {
        let src = fixture(f);
        let name = file_name(&src);
        std::fs::copy(&src, dir.path().join(&name))
            .map_err(|e| format!("{}: {e}", src.display()))?;
    }
    for args in &case.setup {
        let out = cargo_bin_cmd!("claims")
            .current_dir(dir.path())
            .env_remove("CLAIMS_STORE")
            .args(args)
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(format!(
                "setup `claims {}` failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    let mut file_args = Vec::new();
    for f in &case.files {
        if f == "-" {
            file_args.push(f.clone());
            continue;
        }
        let src = fixture(f);
        let name = file_name(&src);
        std::fs::copy(&src, draft_dir.join(&name))
            .map_err(|e| format!("{}: {e}", src.display()))?;
        file_args.push(match &case.subdir {
            Some(sub) => format!("{sub}/{name}"),
            None => name,
        });
    }
    let mut cmd = cargo_bin_cmd!("claims");
    cmd.current_dir(dir.path())
        .env_remove("CLAIMS_STORE")
        .env("NO_COLOR", "1")
        .arg("audit")
        .args(&case.args)
        .args(&file_args);
    if let Some(stdin) = &case.stdin {
        cmd.write_stdin(stdin.clone());
    }
    let output = cmd.output().map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let context = || format!("\n--- stdout\n{stdout}--- stderr\n{stderr}");
    let code = output.status.code().unwrap_or(-1);
    if code != case.code {
        return Err(format!(
            "exit code {code}, expected {}{}",
            case.code,
            context()
        ));
    }
    let checks_output = !case.stdout_contains.is_empty() || !case.stderr_contains.is_empty();
    let expected = case
        .findings
        .clone()
        .or(if checks_output || case.code == 2 {
            None
        } else {
            Some(Vec::new())
        });
    if let Some(expected) = expected {
        let got: Vec<String> = stdout
            .lines()
            .map(|l| l.splitn(6, ':').take(5).collect::<Vec<_>>().join(":"))
            .collect();
        if got != expected {
            return Err(format!(
                "findings differ\n  got:      {got:?}\n  expected: {expected:?}{}",
                context()
            ));
        }
    }
    for want in &case.stdout_contains {
        if !stdout.contains(want.as_str()) {
            return Err(format!("stdout lacks {want:?}{}", context()));
        }
    }
    for unwanted in &case.stdout_not_contains {
        if stdout.contains(unwanted.as_str()) {
            return Err(format!("stdout has {unwanted:?}{}", context()));
        }
    }
    for want in &case.stderr_contains {
        if !stderr.contains(want.as_str()) {
            return Err(format!("stderr lacks {want:?}{}", context()));
        }
    }
    Ok(())
}

#[test]
fn audit_cases() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("tests/cmd/audit"))
        .expect("tests/cmd/audit")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "only {} cases", paths.len());
    let failures: Vec<String> = paths
        .iter()
        .filter_map(|p| {
            run_case(p).err().map(|e| {
                format!(
                    "{}: {e}",
                    p.file_name().unwrap_or_default().to_string_lossy()
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
