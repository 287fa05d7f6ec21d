//! `claims sources`: every source quoted in the store, with kind, role, aliases, and how
//! many claims in how many articles; `sources merge` and `sources alias` write
//! `sources.toml` for the user.

use super::GlobalArgs;
use super::error::CliError;
use super::lookup;
use super::output::{ellipsize, new_table};
use super::store_view::{Format, JsonWriter, format_or_default, open_store, wait_message};
use claims::attribution::SourceKind;
use claims::store::{
    Index, MAX_CONFIG_BYTES, Resolver, SOURCES_FILE, SOURCES_TEMPLATE, SourceConfig, SourceEntry,
    Store, StoreError, key, read_store_file, summarize, write_atomic,
};
use serde::Serialize;
use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Duration;

#[derive(Debug, clap::Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "\
`*` marks a source edited in sources.toml. `merge` and `alias` edit that file for you,
under the store's writer lock and atomically (a temporary file, then a rename): the
entries they do not touch are kept as written, comments included; the entry they touch
is rewritten. The file is checked before it is written (a name listed under two sources
is refused), and `claims sources` shows the result. Commit sources.toml to share it.

EXAMPLES:
    claims sources                                      # who is quoted, most claims first
    claims sources --format json
    claims sources merge \"John Boehner\" \"Speaker Boehner\" # one source, the first name kept
    claims sources alias boehner \"the Speaker\"           # another name for John Boehner"
)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Make two sources one: B and every name it goes by become aliases of A.
    #[command(after_help = "\
A and B are matched as `claims list --source` matches (a name, an alias, any part of
one, any case) and must each name exactly one source. A keeps its name, kind and role
(B's fill in what A's entry lacks); B's entry in sources.toml, if any, is removed.

EXAMPLES:
    claims sources merge \"John Boehner\" \"Speaker Boehner\"
    claims sources merge Austin \"Secretary of Defense\"")]
    Merge(MergeArgs),
    /// Give a source another name: claims attributed to ALIAS count as NAME's.
    #[command(after_help = "\
NAME is matched as `claims list --source` matches and must name exactly one source;
ALIAS is written as given.

EXAMPLES:
    claims sources alias boehner \"the Speaker\"
    claims sources alias \"Victor D. Cha\" \"Victor Cha\"")]
    Alias(AliasArgs),
}

#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// The source to keep.
    #[arg(value_name = "A")]
    pub keep: String,
    /// The source that becomes an alias of A.
    #[arg(value_name = "B")]
    pub other: String,
    /// Seconds to wait for another writer to finish before giving up.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub lock_timeout: u64,
}

#[derive(Debug, clap::Args)]
pub struct AliasArgs {
    /// The source.
    #[arg(value_name = "NAME")]
    pub name: String,
    /// The other name.
    #[arg(value_name = "ALIAS")]
    pub alias: String,
    /// Seconds to wait for another writer to finish before giving up.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub lock_timeout: u64,
}

pub fn run(global: &GlobalArgs, args: Args) -> Result<ExitCode, CliError> {
    match args.action {
        Some(Action::Merge(m)) => {
            let timeout = m.lock_timeout;
            edit(global, timeout, |index, resolver, file| {
                merge(index, resolver, file, &m.keep, &m.other)
            })
        }
        Some(Action::Alias(a)) => {
            let timeout = a.lock_timeout;
            edit(global, timeout, |index, resolver, file| {
                alias(index, resolver, file, &a.name, &a.alias)
            })
        }
        None => list(global, args.format),
    }
}

fn list(global: &GlobalArgs, format: Option<Format>) -> Result<ExitCode, CliError> {
    let format = format_or_default(format);
    let store = open_store(global)?;
    let index = super::store_view::load_index(&store)?;
    let resolver = Resolver::new(store.source_config()?, &index);
    let summaries = summarize(&index, &resolver);
    let mut out = super::pager::Out::new(global);
    match format {
        Format::Table => {
            if summaries.is_empty() {
                writeln!(out, "no sources: no stored claim is attributed to anyone")?;
            } else {
                let mut table =
                    new_table(["source", "kind", "role", "aliases", "claims", "articles"]);
                for s in &summaries {
                    let name = if s.edited {
                        format!("{} *", s.name)
                    } else {
                        s.name.clone()
                    };
                    table.add_row([
                        name,
                        s.kind.as_str().to_owned(),
                        ellipsize(s.role.as_deref().unwrap_or(""), 40),
                        ellipsize(&s.aliases.join(", "), 60),
                        s.claims.to_string(),
                        s.articles.to_string(),
                    ]);
                }
                writeln!(out, "{table}")?;
                writeln!(
                    out,
                    "{} source(s); * = edited in {}",
                    summaries.len(),
                    store.root().join(SOURCES_FILE).display()
                )?;
            }
        }
        _ => {
            let mut w = JsonWriter::new(&mut out, format)?;
            for s in &summaries {
                w.write(s)?;
            }
            w.finish()?;
        }
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

/// `sources.toml` as text: what comes before the first `[[source]]`, then one block of
/// text per entry, in the order of the parsed entries.
struct SourcesText {
    preamble: String,
    blocks: Vec<Option<String>>,
    entries: Vec<SourceEntry>,
}

impl SourcesText {
    fn parse(text: &str, config: SourceConfig) -> SourcesText {
        let mut preamble = String::new();
        let mut blocks: Vec<String> = Vec::new();
        for line in text.split_inclusive('\n') {
            if line.trim() == "[[source]]" {
                blocks.push(String::new());
            }
            match blocks.last_mut() {
                Some(b) => b.push_str(line),
                None => preamble.push_str(line),
            }
        }
        let blocks = if blocks.len() == config.entries.len() {
            blocks.into_iter().map(Some).collect()
        } else {
            // Written some other way (inline tables): every entry is rewritten.
            preamble = SOURCES_TEMPLATE.to_owned();
            vec![None; config.entries.len()]
        };
        SourcesText {
            preamble,
            blocks,
            entries: config.entries,
        }
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.entries.iter().position(|e| key(&e.name) == key(name))
    }

    /// The entry for `name`, added at the end when there is none.
    fn entry_mut(&mut self, name: &str) -> &mut SourceEntry {
        let at = match self.position(name) {
            Some(at) => at,
            None => {
                self.entries.push(SourceEntry {
                    name: name.to_owned(),
                    kind: None,
                    role: None,
                    aliases: Vec::new(),
                });
                self.blocks.push(None);
                self.entries.len() - 1
            }
        };
        self.blocks[at] = None;
        &mut self.entries[at]
    }

    fn remove(&mut self, name: &str) -> Option<SourceEntry> {
        let at = self.position(name)?;
        self.blocks.remove(at);
        Some(self.entries.remove(at))
    }

    fn render(&self) -> String {
        let mut out = self.preamble.clone();
        for (entry, block) in self.entries.iter().zip(&self.blocks) {
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
            }
            match block {
                Some(text) => out.push_str(text),
                None => out.push_str(&render_entry(entry)),
            }
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out
    }
}

fn render_entry(entry: &SourceEntry) -> String {
    #[derive(Serialize)]
    struct EntryOut<'a> {
        name: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        kind: Option<SourceKind>,
        #[serde(skip_serializing_if = "Option::is_none")]
        role: Option<&'a str>,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        aliases: &'a [String],
    }
    #[derive(Serialize)]
    struct FileOut<'a> {
        source: [EntryOut<'a>; 1],
    }
    let file = FileOut {
        source: [EntryOut {
            name: &entry.name,
            kind: entry.kind,
            role: entry.role.as_deref(),
            aliases: &entry.aliases,
        }],
    };
    toml::to_string(&file).unwrap_or_default()
}

fn add_alias(entry: &mut SourceEntry, alias: &str) -> bool {
    if key(alias) == key(&entry.name) || entry.aliases.iter().any(|a| key(a) == key(alias)) {
        return false;
    }
    entry.aliases.push(alias.trim().to_owned());
    true
}

/// The one source a name typed on the command line names.
fn one_source(index: &Index, resolver: &Resolver, query: &str) -> Result<String, CliError> {
    let found = lookup::sources(index, resolver, query)?;
    match found.names.as_slice() {
        [one] => Ok(one.clone()),
        many => Err(CliError::new(format!(
            "{query:?} matches {} sources: {}",
            many.len(),
            many.join("; ")
        ))
        .with_hint("give the source's full name, in quotes")),
    }
}

/// What an edit did, for the message; `None` when the file already said so.
type Edit = Option<(String, String)>;

fn merge(
    index: &Index,
    resolver: &Resolver,
    file: &mut SourcesText,
    keep: &str,
    other: &str,
) -> Result<Edit, CliError> {
    let a = one_source(index, resolver, keep)?;
    let b = one_source(index, resolver, other)?;
    if key(&a) == key(&b) {
        return Ok(None);
    }
    let spellings: Vec<String> = summarize(index, resolver)
        .into_iter()
        .find(|s| key(&s.name) == key(&b))
        .map(|s| s.aliases)
        .unwrap_or_default();
    let removed = file.remove(&b);
    let entry = file.entry_mut(&a);
    add_alias(entry, &b);
    if let Some(old) = &removed {
        entry.kind = entry.kind.or(old.kind);
        if entry.role.is_none() {
            entry.role.clone_from(&old.role);
        }
        for alias in &old.aliases {
            add_alias(entry, alias);
        }
    }
    for alias in &spellings {
        add_alias(entry, alias);
    }
    Ok(Some((
        a.clone(),
        format!("merged {b:?} into {a:?}: {b:?} and the names it goes by are aliases of {a:?}"),
    )))
}

fn alias(
    index: &Index,
    resolver: &Resolver,
    file: &mut SourcesText,
    name: &str,
    alias: &str,
) -> Result<Edit, CliError> {
    if key(alias).is_empty() {
        return Err(CliError::new("the alias is empty").with_hint("give the other name, in quotes"));
    }
    let a = one_source(index, resolver, name)?;
    if !add_alias(file.entry_mut(&a), alias) {
        return Ok(None);
    }
    Ok(Some((
        a.clone(),
        format!("{alias:?} is now an alias of {a:?}"),
    )))
}

/// Reads sources.toml under the writers' lock, applies `change`, checks the result
/// parses, and writes it atomically.
fn edit(
    global: &GlobalArgs,
    lock_timeout: u64,
    change: impl FnOnce(&Index, &Resolver, &mut SourcesText) -> Result<Edit, CliError>,
) -> Result<ExitCode, CliError> {
    let store = open_store(global)?;
    let timeout = Duration::from_secs(lock_timeout);
    let _lock = store.lock(timeout, &mut wait_message(&store, timeout))?;
    let path = store.root().join(SOURCES_FILE);
    let text = match read_store_file(&path, MAX_CONFIG_BYTES) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| StoreError::Sources {
            path: path.clone(),
            message: "not UTF-8".into(),
        })?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => SOURCES_TEMPLATE.to_owned(),
        Err(source) => return Err(StoreError::Io { path, source }.into()),
    };
    let config = SourceConfig::parse(&text).map_err(|message| StoreError::Sources {
        path: path.clone(),
        message,
    })?;
    let index = store.index()?;
    let resolver = Resolver::new(config.clone(), &index);
    let mut file = SourcesText::parse(&text, config);
    let Some((name, message)) = change(&index, &resolver, &mut file)? else {
        println!("nothing to change: {} already says so", path.display());
        return Ok(ExitCode::SUCCESS);
    };
    let new_text = file.render();
    let new_config = SourceConfig::parse(&new_text).map_err(|why| {
        CliError::new(format!("not written: {why}")).with_hint(format!(
            "a name can belong to one source only: edit {} by hand, or merge the two sources",
            path.display()
        ))
    })?;
    write_atomic(&path, new_text.as_bytes(), true).map_err(StoreError::from)?;
    report(&store, &index, new_config, &name, &message)
}

fn report(
    store: &Store,
    index: &Index,
    config: SourceConfig,
    name: &str,
    message: &str,
) -> Result<ExitCode, CliError> {
    let resolver = Resolver::new(config, index);
    let mut out = io::stdout().lock();
    writeln!(out, "{message}")?;
    if let Some(s) = summarize(index, &resolver)
        .into_iter()
        .find(|s| key(&s.name) == key(name))
    {
        writeln!(
            out,
            "{}: {} claim(s) in {} article(s); aliases: {}",
            s.name,
            s.claims,
            s.articles,
            s.aliases.join(", ")
        )?;
    }
    writeln!(out, "wrote {}", store.root().join(SOURCES_FILE).display())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
