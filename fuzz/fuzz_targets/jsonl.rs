//! The JSON Lines article reader on arbitrary bytes.
#![no_main]

use claims::input::JsonlReader;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Errors are skipped: the reader must go on (or stop) cleanly after one.
    for doc in JsonlReader::new(data, "fuzz").take(10_000).flatten() {
        assert_eq!(doc.body.start, 0);
        assert_eq!(doc.body.end, doc.text.len());
    }
});
