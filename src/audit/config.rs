//! Audit configuration: an `[audit]` table in the claim store's `store.toml` and in a
//! `claims.toml` found next to the draft or in a folder above it.
//!
//! Precedence, lowest first: built-in defaults, then the store's `[audit]`, then the
//! nearest `claims.toml` (or the file given with `--config`). Rule settings of a later
//! file replace those of an earlier one rule by rule; phrase lists and waivers add up.
//!
//! ```toml
//! [audit]
//! vague-phrases = ["insiders whisper"]
//! loaded-verbs = ["slammed"]
//! anonymity-reasons = ["to protect their safety"]
//!
//! [audit.rules]
//! loaded-verb = "off"          # or "error", "warning", "info"
//! unsourced-claim = "info"
//!
//! [[audit.waivers]]
//! id = "3f2a9c1e"              # a finding id, as printed
//! reason = "common knowledge"  # required
//! ```

use super::rules::{Level, Rule, rule_list};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The largest config file read (as for the store's own `store.toml`).
const MAX_CONFIG_BYTES: u64 = crate::store::MAX_CONFIG_BYTES;

/// The name of the per-folder config file.
pub const CONFIG_FILE: &str = "claims.toml";

/// Whether a rule runs, and at which level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Off,
    /// Every finding of the rule gets this level.
    Level(Level),
}

/// A waiver from a config file: a finding id and why it is accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiver {
    pub id: String,
    pub reason: String,
    /// The file it came from.
    pub origin: PathBuf,
}

/// The configuration in force for one draft.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditConfig {
    /// Rules set explicitly; the others run at their default level.
    pub rules: BTreeMap<Rule, Setting>,
    pub vague_phrases: Vec<String>,
    pub loaded_verbs: Vec<String>,
    pub anonymity_reasons: Vec<String>,
    pub waivers: Vec<Waiver>,
    /// The files read, lowest precedence first.
    pub files: Vec<PathBuf>,
}

/// A config file that cannot be used. Exit code 2 at the command line.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not valid TOML: {message}")]
    Syntax { path: PathBuf, message: String },
    #[error("{path}: `{key}`: {message}")]
    Key {
        path: PathBuf,
        key: String,
        message: String,
    },
    /// A waiver marker comment in a draft that cannot be used.
    #[error("{origin}:{line}: waiver marker: {message}")]
    Marker {
        origin: String,
        line: usize,
        message: String,
    },
}

impl AuditConfig {
    /// Whether `rule` runs, and the level it gives unless the rule raises it itself.
    pub fn setting(&self, rule: Rule) -> Setting {
        self.rules
            .get(&rule)
            .copied()
            .unwrap_or(Setting::Level(rule.default_level()))
    }

    pub fn enabled(&self, rule: Rule) -> bool {
        self.setting(rule) != Setting::Off
    }

    /// Whether the level of `rule` was set by a config file (which then overrides the
    /// rule's own choice between levels, as for `anonymous-source`).
    pub fn level_is_configured(&self, rule: Rule) -> bool {
        matches!(self.rules.get(&rule), Some(Setting::Level(_)))
    }

    /// Reads the `[audit]` table of a TOML file and layers it over this config.
    pub fn merge_file(&mut self, path: &Path) -> Result<(), ConfigError> {
        use std::io::Read;
        let io_err = |source| ConfigError::Io {
            path: path.to_owned(),
            source,
        };
        // Bounded: a config file linked to /dev/zero (or simply huge) must not exhaust
        // memory in CI.
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes))
            .map_err(io_err)?;
        if bytes.len() as u64 > MAX_CONFIG_BYTES {
            return Err(io_err(std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                format!("over the limit of {MAX_CONFIG_BYTES} bytes for a config file"),
            )));
        }
        let text = String::from_utf8(bytes).map_err(|_| {
            io_err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "not UTF-8",
            ))
        })?;
        self.merge_str(path, &text)
    }

    /// Layers the `[audit]` table of `text` (read from `path`) over this config.
    pub fn merge_str(&mut self, path: &Path, text: &str) -> Result<(), ConfigError> {
        let table: toml::Table = toml::from_str(text).map_err(|e| ConfigError::Syntax {
            path: path.to_owned(),
            message: e.message().trim().to_owned(),
        })?;
        self.files.push(path.to_owned());
        let Some(audit) = table.get("audit") else {
            return Ok(());
        };
        let key_err = |key: &str, message: String| ConfigError::Key {
            path: path.to_owned(),
            key: key.to_owned(),
            message,
        };
        let audit = audit
            .as_table()
            .ok_or_else(|| key_err("audit", "must be a table ([audit])".into()))?;
        for (key, value) in audit {
            let full = format!("audit.{key}");
            match key.as_str() {
                "rules" => {
                    let rules = value.as_table().ok_or_else(|| {
                        key_err(&full, "must be a table of rule = \"level\"".into())
                    })?;
                    for (id, level) in rules {
                        let rule_key = format!("audit.rules.{id}");
                        let rule: Rule = id.parse().map_err(|e| key_err(&rule_key, e))?;
                        let setting = parse_setting(level).map_err(|e| key_err(&rule_key, e))?;
                        self.rules.insert(rule, setting);
                    }
                }
                "vague-phrases" => {
                    extend_list(&mut self.vague_phrases, value).map_err(|e| key_err(&full, e))?
                }
                "loaded-verbs" => {
                    extend_list(&mut self.loaded_verbs, value).map_err(|e| key_err(&full, e))?
                }
                "anonymity-reasons" => extend_list(&mut self.anonymity_reasons, value)
                    .map_err(|e| key_err(&full, e))?,
                "waivers" => {
                    let list = value.as_array().ok_or_else(|| {
                        key_err(
                            &full,
                            "must be an array of tables ([[audit.waivers]])".into(),
                        )
                    })?;
                    for (n, item) in list.iter().enumerate() {
                        let item_key = format!("audit.waivers[{n}]");
                        self.waivers
                            .push(parse_waiver(item, path).map_err(|e| key_err(&item_key, e))?);
                    }
                }
                other => {
                    return Err(key_err(
                        &full,
                        format!(
                            "unknown setting {other:?}; the settings are: rules, vague-phrases, loaded-verbs, anonymity-reasons, waivers"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// The configuration in force, as TOML that can be pasted into a `claims.toml`.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        out.push_str("# The audit configuration in force");
        if self.files.is_empty() {
            out.push_str(" (built-in defaults: no config file found)\n");
        } else {
            out.push_str(", read from (later wins):\n");
            for f in &self.files {
                let _ = writeln!(out, "#   {}", f.display());
            }
        }
        out.push_str("\n[audit]\n");
        for (key, list) in [
            ("vague-phrases", &self.vague_phrases),
            ("loaded-verbs", &self.loaded_verbs),
            ("anonymity-reasons", &self.anonymity_reasons),
        ] {
            let items: Vec<String> = list.iter().map(|s| toml_string(s)).collect();
            let _ = writeln!(out, "{key} = [{}]", items.join(", "));
        }
        out.push_str("\n[audit.rules]\n");
        for rule in Rule::ALL {
            let value = match self.setting(rule) {
                Setting::Off => "off",
                Setting::Level(level) => level.as_str(),
            };
            let note = if self.rules.contains_key(&rule) {
                ""
            } else {
                "  # default"
            };
            let _ = writeln!(out, "{} = \"{value}\"{note}", rule.id());
        }
        for w in &self.waivers {
            let _ = writeln!(
                out,
                "\n[[audit.waivers]]  # from {}\nid = {}\nreason = {}",
                w.origin.display(),
                toml_string(&w.id),
                toml_string(&w.reason)
            );
        }
        out
    }
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn parse_setting(value: &toml::Value) -> Result<Setting, String> {
    match value {
        toml::Value::String(s) if s == "off" => Ok(Setting::Off),
        toml::Value::String(s) => s.parse().map(Setting::Level),
        toml::Value::Boolean(false) => Ok(Setting::Off),
        other => Err(format!(
            "{other} is not a level: use \"error\", \"warning\", \"info\" or \"off\""
        )),
    }
}

fn extend_list(list: &mut Vec<String>, value: &toml::Value) -> Result<(), String> {
    let items = value
        .as_array()
        .ok_or_else(|| "must be an array of strings".to_owned())?;
    for item in items {
        let s = item
            .as_str()
            .ok_or_else(|| format!("{item} is not a string"))?
            .trim();
        if s.is_empty() {
            return Err("empty phrase".into());
        }
        if !list.iter().any(|x| x == s) {
            list.push(s.to_owned());
        }
    }
    Ok(())
}

fn parse_waiver(item: &toml::Value, origin: &Path) -> Result<Waiver, String> {
    let table = item
        .as_table()
        .ok_or_else(|| "must be a table with `id` and `reason`".to_owned())?;
    for key in table.keys() {
        if key != "id" && key != "reason" {
            return Err(format!(
                "unknown key {key:?}: a waiver has `id` and `reason`"
            ));
        }
    }
    let id = table
        .get("id")
        .and_then(toml::Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| "a waiver needs an `id` (the finding id printed by the audit)".to_owned())?;
    let reason = table
        .get("reason")
        .and_then(toml::Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| format!("the waiver of {id} has no `reason`: say why it is accepted"))?;
    Ok(Waiver {
        id: id.to_owned(),
        reason: reason.to_owned(),
        origin: origin.to_owned(),
    })
}

/// The nearest `claims.toml` in `dir` or a folder above it.
pub fn find_config_file(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|p| p.is_file())
}

/// Builds the config for a draft: defaults, then the store's `store.toml` (when given),
/// then `explicit` if given, else the nearest `claims.toml` above `draft_dir`.
pub fn load(
    store_toml: Option<&Path>,
    explicit: Option<&Path>,
    draft_dir: &Path,
) -> Result<AuditConfig, ConfigError> {
    let mut config = AuditConfig::default();
    if let Some(path) = store_toml {
        config.merge_file(path)?;
    }
    let local = match explicit {
        Some(p) => Some(p.to_owned()),
        None => find_config_file(draft_dir),
    };
    if let Some(path) = local {
        config.merge_file(&path)?;
    }
    Ok(config)
}

/// The known rule ids, for hints.
pub fn known_rules() -> String {
    rule_list()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn an_endless_config_file_is_refused_not_read_forever() {
        let err = AuditConfig::default()
            .merge_file(Path::new("/dev/zero"))
            .unwrap_err();
        assert!(err.to_string().contains("over the limit"), "{err}");
    }

    fn parse(text: &str) -> Result<AuditConfig, ConfigError> {
        let mut c = AuditConfig::default();
        c.merge_str(Path::new("claims.toml"), text)?;
        Ok(c)
    }

    #[test]
    fn reads_rules_lists_and_waivers() {
        let c = parse(
            r#"
[audit]
vague-phrases = ["insiders whisper"]
[audit.rules]
loaded-verb = "off"
unsourced-claim = "info"
[[audit.waivers]]
id = "abc12345"
reason = "common knowledge"
"#,
        )
        .unwrap();
        assert_eq!(c.setting(Rule::LoadedVerb), Setting::Off);
        assert_eq!(c.setting(Rule::UnsourcedClaim), Setting::Level(Level::Info));
        assert_eq!(
            c.setting(Rule::VagueAttribution),
            Setting::Level(Level::Warning)
        );
        assert_eq!(c.vague_phrases, ["insiders whisper"]);
        assert_eq!(c.waivers[0].reason, "common knowledge");
    }

    #[test]
    fn names_the_bad_key() {
        let err = parse("[audit.rules]\nvague-atribution = \"error\"\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("claims.toml: `audit.rules.vague-atribution`: unknown rule"),
            "{err}"
        );
        let err = parse("[audit.rules]\nloaded-verb = \"fatal\"\n").unwrap_err();
        assert!(err.to_string().contains("audit.rules.loaded-verb"), "{err}");
        let err = parse("[audit]\nvague = []\n").unwrap_err();
        assert!(err.to_string().contains("`audit.vague`"), "{err}");
    }

    #[test]
    fn a_waiver_needs_a_reason() {
        let err = parse("[[audit.waivers]]\nid = \"abc\"\n").unwrap_err();
        assert!(err.to_string().contains("audit.waivers[0]"), "{err}");
        assert!(err.to_string().contains("no `reason`"), "{err}");
    }

    #[test]
    fn later_files_win_rule_by_rule_and_lists_add_up() {
        let mut c = AuditConfig::default();
        c.merge_str(
            Path::new("store.toml"),
            "[audit]\nloaded-verbs=[\"slammed\"]\n[audit.rules]\nloaded-verb=\"error\"\nmisquote=\"off\"\n",
        )
        .unwrap();
        c.merge_str(
            Path::new("claims.toml"),
            "[audit]\nloaded-verbs=[\"blasted\"]\n[audit.rules]\nloaded-verb=\"info\"\n",
        )
        .unwrap();
        assert_eq!(c.setting(Rule::LoadedVerb), Setting::Level(Level::Info));
        assert_eq!(c.setting(Rule::Misquote), Setting::Off);
        assert_eq!(c.loaded_verbs, ["slammed", "blasted"]);
    }

    #[test]
    fn dump_parses_back_to_the_same_settings() {
        let c = parse("[audit]\nanonymity-reasons=[\"to protect \\\"him\\\"\"]\n[audit.rules]\nsingle-source=\"off\"\n").unwrap();
        let back = parse(&c.to_toml()).unwrap();
        for rule in Rule::ALL {
            assert_eq!(back.setting(rule), c.setting(rule));
        }
        assert_eq!(back.anonymity_reasons, c.anonymity_reasons);
    }
}
