//! Bytes to text, refusing what is not text.

use super::InputError;

/// How strictly to decode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the input. Offsets are then
    /// into the repaired text.
    pub lossy: bool,
}

/// How far into a file to look for a NUL byte when deciding it is binary (git and
/// ripgrep look at the start of a file the same way).
const BINARY_SNIFF_BYTES: usize = 8192;

/// Checks and converts `bytes` to a `String` without copying valid input.
pub fn decode(origin: &str, bytes: Vec<u8>, options: DecodeOptions) -> Result<String, InputError> {
    let sniff = &bytes[..bytes.len().min(BINARY_SNIFF_BYTES)];
    if let Some(offset) = sniff.iter().position(|&b| b == 0) {
        return Err(InputError::Binary {
            origin: origin.to_owned(),
            offset,
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) if options.lossy => Ok(String::from_utf8_lossy(err.as_bytes()).into_owned()),
        Err(err) => Err(InputError::NotUtf8 {
            origin: origin.to_owned(),
            offset: err.utf8_error().valid_up_to(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_offset_of_bad_utf8() {
        let err = decode(
            "x.txt",
            b"caf\xe9 au lait".to_vec(),
            DecodeOptions::default(),
        )
        .unwrap_err();
        assert!(
            matches!(err, InputError::NotUtf8 { offset: 3, .. }),
            "{err}"
        );
    }

    #[test]
    fn lossy_repairs() {
        let text = decode("x", b"caf\xe9".to_vec(), DecodeOptions { lossy: true }).unwrap();
        assert_eq!(text, "caf\u{fffd}");
    }

    #[test]
    fn nul_means_binary() {
        let err = decode(
            "x",
            b"PK\x03\x04\x00\x00".to_vec(),
            DecodeOptions::default(),
        )
        .unwrap_err();
        assert!(matches!(err, InputError::Binary { offset: 4, .. }));
    }
}
