//! The binary index cache decoder on arbitrary bytes: a cache file it accepts must be
//! safe to use (every look-up) and encode back to a file that decodes the same.
#![no_main]

use claims::store::Index;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(mut ix) = Index::decode(data) else {
        return;
    };
    let heads: Vec<(String, claims::hash::Id)> = ix
        .heads()
        .iter()
        .map(|v| (ix.str(v.article).to_owned(), v.id))
        .collect();
    for (article, _) in &heads {
        for v in ix.history(article) {
            for row in ix.rows_of(v) {
                let occ = ix.occurrence(row);
                let _ = ix.rows_with_claim(&occ.id);
            }
            let _ = (ix.opt_str(v.title), ix.opt_str(v.url), ix.str(v.outlet));
        }
    }
    for prefix in ["0", "7f", "abcd", "ffff"] {
        let _ = ix.claims_with_prefix(prefix, 10);
    }
    let _ = ix.article_count();
    let encoded = ix.encode();
    let mut again = Index::decode(&encoded).expect("an index we wrote decodes");
    assert_eq!(again.encode(), encoded);
});
