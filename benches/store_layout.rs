//! Measures the two store layouts the format could use, on the BBC benchmark corpus
//! (`../shared/data/bench/bbc_news.jsonl`, skipped when absent):
//!
//! - **per version** (what `claims` writes): one TOML file per article version holding
//!   its claims, plus the text and a ref: 3 files per article;
//! - **per record** (git-style fan-out of every record): one file per claim occurrence
//!   under `objects/ab/cdef...`, a version file listing them, the text and a ref.
//!
//! Both use the same atomic batch writes (temp file, one syncfs, rename, syncfs, refs).
//! For each it reports the time to write the corpus, files and bytes on disk, the time to
//! read and re-hash everything (what `verify` does), the time to read one article back,
//! and `git add` + `git commit` time when git is present.
//!
//! Run: `cargo bench --bench store_layout`.

use claims::hash::{Id, ObjectKind};
use claims::input::{Document, JsonlReader};
use claims::store::{AddOptions, ArticleName, Batch, Logger, Store};
use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const CORPUS: &str = "../shared/data/bench/bbc_news.jsonl";

fn main() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    let Ok(file) = fs::File::open(&corpus) else {
        eprintln!("store_layout: {} not found, skipped", corpus.display());
        return;
    };
    let docs: Vec<Document> = JsonlReader::new(BufReader::new(file), "bbc")
        .collect::<Result<_, _>>()
        .expect("the corpus is valid JSON Lines");
    let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 / 1e6;
    println!("corpus: {} articles, {mb:.1} MB of text\n", docs.len());

    let dir = tempfile::tempdir().expect("a temporary folder");
    let a = dir.path().join("per-version");
    let b = dir.path().join("per-record");
    let t_a = per_version(&a, &docs);
    let t_b = per_record(&b, &docs);

    println!("| | per version (chosen) | per record (fan-out) |");
    println!("|---|---|---|");
    row("write the corpus (one add)", fmt_s(t_a), fmt_s(t_b));
    let (fa, ba) = disk_usage(&a);
    let (fb, bb) = disk_usage(&b);
    row("files", fa.to_string(), fb.to_string());
    row(
        "bytes on disk (allocated)",
        format!("{:.1} MB", ba as f64 / 1e6),
        format!("{:.1} MB", bb as f64 / 1e6),
    );
    row(
        "read and re-hash every file",
        fmt_s(rehash_all(&a)),
        fmt_s(rehash_all(&b)),
    );
    let name = ArticleName::slug(docs[docs.len() / 2].id.as_deref().unwrap_or("x"));
    row(
        "read one article's claims back",
        fmt_s(read_one_per_version(&a, &name)),
        fmt_s(read_one_per_record(&b, &name)),
    );
    if Command::new("git").arg("--version").output().is_ok() {
        row(
            "git add + commit",
            fmt_s(git_commit(&a)),
            fmt_s(git_commit(&b)),
        );
    }
}

fn row(what: &str, a: String, b: String) {
    println!("| {what} | {a} | {b} |");
}

fn fmt_s(secs: f64) -> String {
    if secs < 0.1 {
        format!("{:.1} ms", secs * 1000.0)
    } else {
        format!("{secs:.2} s")
    }
}

/// The real store: `Logger` as `claims add` uses it.
fn per_version(root: &Path, docs: &[Document]) -> f64 {
    let (store, _) = Store::init(root).expect("init");
    let start = Instant::now();
    let mut logger = Logger::start(&store, AddOptions::default(), &mut |_| {}).expect("the lock");
    for doc in docs {
        let name = ArticleName::slug(doc.id.as_deref().unwrap_or(&doc.origin));
        logger.log(name, doc).expect("logged");
    }
    logger.finish().expect("committed");
    start.elapsed().as_secs_f64()
}

fn fan_out(dir: &Path, id: &Id, ext: &str) -> PathBuf {
    let hex = id.to_hex();
    dir.join(&hex[..2]).join(format!("{}.{ext}", &hex[2..]))
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// The alternative: every claim occurrence its own content-addressed file.
fn per_record(root: &Path, docs: &[Document]) -> f64 {
    fs::create_dir_all(root).expect("a folder");
    let start = Instant::now();
    let mut batch = Batch::new(root, true);
    for doc in docs {
        let name = ArticleName::slug(doc.id.as_deref().unwrap_or(&doc.origin));
        let extraction = claims::extract(doc);
        let text_id = Id::of(ObjectKind::Text, doc.text.as_bytes());
        batch
            .stage_object(
                fan_out(&root.join("objects"), &text_id, "txt"),
                doc.text.as_bytes().to_vec(),
                true,
            )
            .expect("staged");
        let mut version = format!(
            "article = {}\ntext = \"{text_id}\"\nclaims = [\n",
            toml_string(name.as_str())
        );
        for c in &extraction.claims {
            let record = format!(
                "id = \"{}\"\ntext = {}\nspan = [{}, {}]\nsentence = {}\nquote = \"{}\"\n{}",
                c.id,
                toml_string(&c.text),
                c.span.start,
                c.span.end,
                c.sentence,
                c.quote.as_str(),
                c.source.as_ref().map_or(String::new(), |s| format!(
                    "source = {{ kind = \"{}\", name = {} }}\n",
                    s.kind.as_str(),
                    toml_string(&s.name)
                )),
            );
            let occ_id = Id::of(ObjectKind::Claim, record.as_bytes());
            batch
                .stage_object(
                    fan_out(&root.join("objects"), &occ_id, "toml"),
                    record.into_bytes(),
                    false,
                )
                .expect("staged");
            version.push_str(&format!("  \"{occ_id}\",\n"));
        }
        version.push_str("]\n");
        let version_id = Id::of(ObjectKind::Version, version.as_bytes());
        batch
            .stage_object(
                fan_out(&root.join("objects"), &version_id, "toml"),
                version.into_bytes(),
                false,
            )
            .expect("staged");
        batch
            .stage_ref(
                root.join("refs").join(name.as_str()),
                format!("{version_id}\n").into_bytes(),
            )
            .expect("staged");
    }
    batch.commit().expect("committed");
    start.elapsed().as_secs_f64()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != ".git" && n != "cache") {
                walk(&p, out);
            }
        } else {
            out.push(p);
        }
    }
}

fn disk_usage(dir: &Path) -> (usize, u64) {
    let mut files = Vec::new();
    walk(dir, &mut files);
    let mut bytes = 0;
    for f in &files {
        if let Ok(m) = fs::metadata(f) {
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                bytes += m.blocks() * 512;
            }
            #[cfg(not(unix))]
            {
                bytes += m.len();
            }
        }
    }
    (files.len(), bytes)
}

fn rehash_all(dir: &Path) -> f64 {
    let start = Instant::now();
    let mut files = Vec::new();
    walk(dir, &mut files);
    let mut x = 0u8;
    for f in &files {
        let bytes = fs::read(f).expect("readable");
        x ^= Id::of(ObjectKind::Text, &bytes).as_bytes()[0];
    }
    std::hint::black_box(x);
    start.elapsed().as_secs_f64()
}

fn read_one_per_version(root: &Path, name: &ArticleName) -> f64 {
    let start = Instant::now();
    let store = Store::open(root).expect("a store");
    let head = store.read_ref(name).expect("readable").expect("a ref");
    let rec = store.read_version(&head).expect("a version");
    std::hint::black_box(rec.claims.len());
    start.elapsed().as_secs_f64()
}

fn read_one_per_record(root: &Path, name: &ArticleName) -> f64 {
    let start = Instant::now();
    let head = fs::read_to_string(root.join("refs").join(name.as_str())).expect("a ref");
    let id: Id = head.trim().parse().expect("an id");
    let version =
        fs::read_to_string(fan_out(&root.join("objects"), &id, "toml")).expect("a version");
    let table: toml::Table = version.parse().expect("TOML");
    let mut n = 0;
    for occ in table["claims"].as_array().expect("a list") {
        let occ: Id = occ.as_str().expect("an id").parse().expect("an id");
        let text =
            fs::read_to_string(fan_out(&root.join("objects"), &occ, "toml")).expect("a claim");
        let t: toml::Table = text.parse().expect("TOML");
        n += t.len();
    }
    std::hint::black_box(n);
    start.elapsed().as_secs_f64()
}

fn git_commit(dir: &Path) -> f64 {
    let git = |args: &[&str]| {
        Command::new("git")
            .args([
                "-c",
                "user.name=bench",
                "-c",
                "user.email=bench@example.invalid",
            ])
            .args(args)
            .current_dir(dir)
            .output()
            .expect("git runs")
    };
    git(&["init", "-q"]);
    let start = Instant::now();
    git(&["add", "-A"]);
    git(&["commit", "-q", "-m", "corpus"]);
    start.elapsed().as_secs_f64()
}
