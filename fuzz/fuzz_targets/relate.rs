//! The relation engine on arbitrary strings: features of two texts (split at the first
//! 0xFF byte, which UTF-8 never holds), related both ways.
#![no_main]

use claims::compare::{ClaimFeatures, relate, relate_claims};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let cut = data
        .iter()
        .position(|&b| b == 0xff)
        .unwrap_or(data.len() / 2);
    let a = String::from_utf8_lossy(&data[..cut]);
    let b = String::from_utf8_lossy(data.get(cut + 1..).unwrap_or_default());
    let (fa, fb) = (ClaimFeatures::new(&a), ClaimFeatures::new(&b));
    for r in [relate(&fa, &fb), relate(&fb, &fa)] {
        assert!((0.0..=1.0).contains(&r.score), "score {}", r.score);
        assert!(!r.reasons.is_empty());
    }
    let ab = relate_claims(&fa, &fb);
    let ba = relate_claims(&fb, &fa);
    assert!((0.0..=1.0).contains(&ab.score));
    assert_eq!(ab.relation, ba.relation, "relate_claims is symmetric");
    let _ = (fa.index_keys(), fa.content_concepts());
});
