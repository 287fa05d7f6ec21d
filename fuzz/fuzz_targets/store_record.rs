//! The version record reader on arbitrary text. What it accepts must write back to a
//! file that reads as the same record, with the same id.
#![no_main]

use claims::store::VersionRecord;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(record) = VersionRecord::from_toml(text) else {
        return;
    };
    let written = record.to_toml();
    let back = VersionRecord::from_toml(&written).expect("a record we wrote reads back");
    assert_eq!(back, record);
    assert_eq!(back.to_toml(), written);
    assert_eq!(back.id(), record.id());
});
