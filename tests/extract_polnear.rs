//! Attribution on the PolNeAR development articles, when `../shared` is present (it is not
//! part of the repository: the articles are other people's news). Runs the real binary's
//! `claims eval attribution` and asserts the floors the project has reached; skips
//! quietly where the data is absent.

use std::path::Path;

const DEV: &str = "../shared/data/attribution/polnear_dev.jsonl";

#[test]
fn polnear_dev_stays_above_the_floors() {
    if !Path::new(DEV).exists() {
        eprintln!("skipped: {DEV} not found");
        return;
    }
    let out = assert_cmd::cargo::cargo_bin_cmd!("claims")
        .args([
            "eval",
            "attribution",
            DEV,
            "--min",
            "source_f1=0.675",
            "--min",
            "source_p=0.88",
            "--min",
            "source_r=0.54",
            "--min",
            "source_r_speech=0.86",
        ])
        .output()
        .expect("claims runs");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "below the floors:\n{report}");
    assert!(report.contains("source_f1"), "{report}");
}
