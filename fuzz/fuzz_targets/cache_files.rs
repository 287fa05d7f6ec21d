//! The two files under `claims/cache/` read through the store's own paths: arbitrary
//! bytes as `cache/index` (read by `Store::index`) or as `cache/audit-terms` (read by
//! `StoreClaims::open`), in a real store of two articles made once per process.
//!
//! First byte: even feeds `cache/index`, odd feeds `cache/audit-terms`; bit 1 set writes
//! the rest of the input as the whole file, clear puts the header the reader expects
//! (magic, layout, the store's fingerprint) in front of it, so the fuzzer spends its time
//! past the header. Whatever the bytes, reading must give a usable index (no error, every
//! look-up safe) and the audit's claims must answer queries.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use claims::audit::store::{ClaimIndex, StoreClaims};
use claims::input::Document;
use claims::store::{AddOptions, ArticleName, Index, Logger, Store};
use libfuzzer_sys::fuzz_target;

// The audit's cache header (src/audit/store.rs): its constants are private there.
const TERMS_MAGIC: &[u8; 8] = b"CLAIMSAT";
const TERMS_FORMAT: u32 = 1;

const ARTICLES: [(&str, &str); 2] = [
    (
        "harbour",
        "The harbour board approved a new pier on Monday, its chair Ana Ruiz said. \
         \"We will start in May,\" Ruiz said. Costs rose 12 percent, according to the budget office.",
    ),
    (
        "library",
        "The town library will open on Sundays from March, the council said in a statement. \
         Visitors doubled last year, librarian Tom Beck told reporters.",
    ),
];

struct Fixture {
    store: Store,
    fingerprint: [u8; 32],
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let base = if std::path::Path::new("/dev/shm").is_dir() {
            PathBuf::from("/dev/shm")
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("claims-fuzz-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let (store, _) = Store::init(&dir).expect("a store in a fresh folder");
        let options = AddOptions {
            durable: false,
            ..AddOptions::default()
        };
        let mut logger = Logger::start(&store, options, &mut |_| {}).expect("the lock");
        for (name, text) in ARTICLES {
            let name = ArticleName::parse(name).expect("a plain name");
            logger
                .log(name, &Document::from_text("fuzz seed", text))
                .expect("logged");
        }
        logger.finish().expect("committed");
        let ix = store.index().expect("the index");
        Fixture {
            fingerprint: ix.fingerprint,
            store,
        }
    })
}

fn exercise_index(ix: &Index) {
    for head in ix.heads() {
        let article = ix.str(head.article).to_owned();
        for v in ix.history(&article) {
            for row in ix.rows_of(v) {
                let occ = ix.occurrence(row);
                let _ = ix.rows_with_claim(&occ.id);
            }
            let _ = (ix.opt_str(v.title), ix.opt_str(v.url), ix.str(v.outlet));
        }
    }
    let _ = ix.claims_with_prefix("a", 5);
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let fx = fixture();
    let root = fx.store.root();
    let terms = mode & 1 == 1;
    let whole_file = mode & 2 == 2;
    let mut file = Vec::with_capacity(rest.len() + 44);
    if !whole_file {
        if terms {
            file.extend_from_slice(TERMS_MAGIC);
            file.extend_from_slice(&TERMS_FORMAT.to_le_bytes());
            file.extend_from_slice(&fx.fingerprint);
        } else {
            file.extend_from_slice(&claims::store::index_cache_header(&fx.fingerprint));
        }
    }
    file.extend_from_slice(rest);
    let ix = if terms {
        fx.store.index().expect("the index of an undamaged store")
    } else {
        std::fs::write(root.join("cache/index"), &file).expect("cache written");
        fx.store.index().expect("a damaged cache is rebuilt, never an error")
    };
    exercise_index(&ix);
    if terms {
        std::fs::write(root.join("cache/audit-terms"), &file).expect("cache written");
        let claims = StoreClaims::open(&ix, root);
        let _ = claims.len();
        let _ = claims.candidates("the harbour pier costs rose", 5);
        let _ = claims.quotes_by("ruiz");
    }
});
