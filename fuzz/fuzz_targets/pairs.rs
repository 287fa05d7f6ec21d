//! The `compare --pairs` reader on arbitrary bytes.
#![no_main]

use claims::compare::pairs::PairReader;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for pair in PairReader::new(data, "fuzz").take(10_000).flatten() {
        assert!(pair.line >= 1);
    }
});
