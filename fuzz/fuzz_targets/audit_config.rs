//! The audit configuration reader (`claims.toml`, `[audit]` of `store.toml`) on arbitrary
//! text; what it accepts must print as TOML it accepts again.
#![no_main]

use claims::audit::{AuditConfig, Rule};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut config = AuditConfig::default();
    if config.merge_str(Path::new("claims.toml"), text).is_err() {
        return;
    }
    let printed = config.to_toml();
    let mut again = AuditConfig::default();
    again
        .merge_str(Path::new("printed.toml"), &printed)
        .expect("the printed configuration reads back");
    for rule in Rule::ALL {
        assert_eq!(again.setting(rule), config.setting(rule), "{rule:?}");
    }
    assert_eq!(again.vague_phrases, config.vague_phrases);
    assert_eq!(again.loaded_verbs, config.loaded_verbs);
    assert_eq!(again.anonymity_reasons, config.anonymity_reasons);
});
