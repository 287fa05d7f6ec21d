//! Helpers for the integration tests: temporary stores, generated articles (our own
//! text, never the shared corpora) and extracting a repository file.

#![allow(dead_code)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// A temporary folder holding a store at `<dir>/claims`.
pub struct TestStore {
    pub dir: tempfile::TempDir,
}

impl TestStore {
    pub fn new() -> TestStore {
        let t = TestStore {
            dir: tempfile::tempdir().expect("a temporary folder"),
        };
        t.cmd().arg("init").assert().success();
        t
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn store(&self) -> PathBuf {
        self.dir.path().join("claims")
    }

    /// `claims --store <store>` run from the temporary folder.
    pub fn cmd(&self) -> Command {
        let mut c = bare_cmd(self.path());
        c.arg("--store").arg(self.store());
        c
    }

    /// Writes a file under the temporary folder and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("a folder");
        }
        std::fs::write(&p, text).expect("written");
        p
    }

    /// A store with three articles, the first with two versions (so parents are checked
    /// too), verified.
    pub fn with_history() -> TestStore {
        let t = TestStore::new();
        for (name, revision, range) in [("in.jsonl", 0, 0..3), ("again.jsonl", 1, 0..1)] {
            let input = t.write(name, &jsonl_articles(range, revision));
            t.add_jsonl(&input);
        }
        t.verify_ok();
        t
    }

    /// `claims add --input-format jsonl INPUT`, asserting it succeeds.
    pub fn add_jsonl(&self, input: impl AsRef<Path>) {
        self.cmd()
            .args(["add", "--input-format", "jsonl"])
            .arg(input.as_ref())
            .assert()
            .success();
    }

    /// `claims verify`'s output, asserting it succeeds.
    pub fn verify_ok(&self) -> String {
        let out = self.cmd().arg("verify").output().expect("runs");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "verify failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout
    }

    /// The JSON Lines of a command, parsed.
    pub fn jsonl(&self, args: &[&str]) -> Vec<serde_json::Value> {
        let out = self
            .cmd()
            .args(args)
            .args(["--format", "jsonl"])
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect()
    }

    /// Every ref: article name -> version id.
    pub fn refs(&self) -> std::collections::BTreeMap<String, String> {
        let mut out = std::collections::BTreeMap::new();
        if let Ok(entries) = std::fs::read_dir(self.store().join("refs")) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') {
                    continue;
                }
                let id = std::fs::read_to_string(e.path()).expect("a ref");
                out.insert(name, id.trim().to_owned());
            }
        }
        out
    }
}

/// `claims` with no store given, no CLAIMS_STORE, run in `cwd`.
pub fn bare_cmd(cwd: &Path) -> Command {
    let mut c = assert_cmd::cargo::cargo_bin_cmd!("claims");
    c.current_dir(cwd)
        .env_remove("CLAIMS_STORE")
        .env_remove("SOURCE_DATE_EPOCH")
        .env("NO_COLOR", "1");
    c
}

pub fn bin() -> &'static Path {
    assert_cmd::cargo::cargo_bin!("claims")
}

const PLACES: &[&str] = &[
    "Seoul",
    "Beijing",
    "Moscow",
    "Tokyo",
    "Kyiv",
    "Washington",
    "Brussels",
    "Hanoi",
];
const PEOPLE: &[&str] = &[
    "Maria Lind",
    "Tomas Berg",
    "Ana Costa",
    "Jon Park",
    "Lena Novak",
    "Omar Haddad",
];
const TOPICS: &[&str] = &[
    "grain exports",
    "troop movements",
    "the new tariff",
    "the border talks",
    "the power grid",
    "the vaccine rollout",
    "fishing rights",
    "the rail link",
];

/// A generated news article: a dozen sentences, some quoted, some attributed, varied by
/// `seed` and `revision` (a later revision changes some figures and adds a sentence).
pub fn article(seed: usize, revision: usize) -> String {
    let place = PLACES[seed % PLACES.len()];
    let person = PEOPLE[(seed / 3) % PEOPLE.len()];
    let topic = TOPICS[(seed / 7) % TOPICS.len()];
    let n = 100 + (seed * 37) % 900 + revision * 50;
    let mut s = format!(
        "Officials in {place} said on Tuesday that {topic} would resume next month.\n\n\
         About {n} people attended the meeting, according to the city council.\n\
         “We expect progress within weeks,” said {person}, a spokesperson for the ministry.\n\
         Analysts say the decision reflects pressure from neighbouring countries.\n\n\
         The agreement covers {topic} and runs for {y} years.\n\
         {person} added that the terms were final.\n\
         Critics argued the plan ignored smaller towns near {place}.\n\
         Article {seed} ends with a note on {topic}.\n",
        y = 2 + seed % 5,
    );
    for r in 0..revision {
        s.push_str(&format!(
            "Update {r}: the figure was revised to {} after a recount in {place}.\n",
            n + r
        ));
    }
    s
}

/// JSON Lines of articles `range`, ids `gen/<i>`.
pub fn jsonl_articles(range: std::ops::Range<usize>, revision: usize) -> String {
    let mut out = String::new();
    for i in range {
        let line = serde_json::json!({
            "id": format!("gen/{i:04}.txt"),
            "text": article(i, revision),
            "outlet": if i % 2 == 0 { "Daily Example" } else { "Example Times" },
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// `claims extract --format json PATH` on a file of the repository: its text and the one
/// document of the output.
pub fn extract_file(path: &str) -> (String, serde_json::Value) {
    let text = std::fs::read_to_string(path).expect("the article is in the repository");
    let out = assert_cmd::cargo::cargo_bin_cmd!("claims")
        .args(["extract", "--format", "json", path])
        .output()
        .expect("claims runs");
    assert!(
        out.status.success(),
        "claims extract failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let doc = json
        .as_array()
        .and_then(|a| a.first())
        .cloned()
        .expect("one document");
    (text, doc)
}

/// Runs git in `dir` with a fixed identity and no signing, and asserts it succeeded.
pub fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}
