//! TOML front matter on arbitrary text: an error or metadata and a body start on a char
//! boundary inside the text.
#![no_main]

use claims::input::split_front_matter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    if let Ok((_meta, _id, body)) = split_front_matter("fuzz", text, start) {
        assert!(body >= start && body <= text.len());
        assert!(text.is_char_boundary(body));
    }
});
