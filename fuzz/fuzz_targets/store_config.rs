//! The store's small files on arbitrary bytes: a ref, `store.toml`, `sources.toml` (the
//! first byte chooses which).
#![no_main]

use claims::store::{Index, Resolver, SourceConfig, parse_config, parse_ref, ref_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    match which % 3 {
        0 => {
            if let Some(id) = parse_ref(bytes) {
                assert_eq!(ref_bytes(&id).as_bytes(), bytes);
            }
        }
        1 => {
            if let Ok(text) = std::str::from_utf8(bytes)
                && let Ok(format) = parse_config(text)
            {
                assert!(format >= 1);
            }
        }
        _ => {
            if let Ok(text) = std::str::from_utf8(bytes)
                && let Ok(config) = SourceConfig::parse(text)
            {
                let resolver = Resolver::new(config, &Index::default());
                for line in text.lines().take(64) {
                    let _ = resolver.resolve(line);
                    let _ = resolver.resolve_query(line);
                }
            }
        }
    }
});
