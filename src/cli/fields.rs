//! `--id-field`, `--text-field`, ...: which fields of a JSON Lines record hold the id,
//! the text and the metadata, so a corpus goes in with the field names it has.

use super::error::CliError;
use claims::input::FieldMap;

#[derive(Debug, Clone, Default, clap::Args)]
pub struct FieldArgs {
    /// With --input-format jsonl: the field holding each record's id [default: id];
    /// several, comma-separated, are joined with `-` (`--id-field event_id,outlet`).
    #[arg(long, value_name = "NAME", value_delimiter = ',')]
    pub id_field: Vec<String>,
    /// With --input-format jsonl: the field holding the article text [default: text].
    #[arg(long, value_name = "NAME")]
    pub text_field: Option<String>,
    /// With --input-format jsonl: the field holding the title [default: title].
    #[arg(long, value_name = "NAME")]
    pub title_field: Option<String>,
    /// With --input-format jsonl: the field holding the outlet [default: outlet].
    #[arg(long, value_name = "NAME")]
    pub outlet_field: Option<String>,
    /// With --input-format jsonl: the field holding the article's URL [default: url].
    #[arg(long, value_name = "NAME")]
    pub url_field: Option<String>,
    /// With --input-format jsonl: the field holding the publication date [default:
    /// published, else date].
    #[arg(long, value_name = "NAME")]
    pub date_field: Option<String>,
}

impl FieldArgs {
    fn given(&self) -> Option<&'static str> {
        [
            ("--id-field", !self.id_field.is_empty()),
            ("--text-field", self.text_field.is_some()),
            ("--title-field", self.title_field.is_some()),
            ("--outlet-field", self.outlet_field.is_some()),
            ("--url-field", self.url_field.is_some()),
            ("--date-field", self.date_field.is_some()),
        ]
        .into_iter()
        .find_map(|(flag, given)| given.then_some(flag))
    }

    /// The field map; an error when a field flag is given for input that is not JSON
    /// Lines, or names no field.
    pub fn field_map(&self, jsonl: bool) -> Result<FieldMap, CliError> {
        if let Some(flag) = self.given()
            && !jsonl
        {
            return Err(
                CliError::new(format!("{flag} applies to JSON Lines input only"))
                    .with_hint("add --input-format jsonl, or leave the field flags out"),
            );
        }
        let name =
            |given: &Option<String>, flag: &str, default: &str| -> Result<String, CliError> {
                match given {
                    None => Ok(default.to_owned()),
                    Some(n) => checked(n, flag),
                }
            };
        let mut map = FieldMap::default();
        if !self.id_field.is_empty() {
            map.id = self
                .id_field
                .iter()
                .map(|n| checked(n, "--id-field"))
                .collect::<Result<_, _>>()?;
        }
        map.text = name(&self.text_field, "--text-field", &map.text)?;
        map.title = name(&self.title_field, "--title-field", &map.title)?;
        map.outlet = name(&self.outlet_field, "--outlet-field", &map.outlet)?;
        map.url = name(&self.url_field, "--url-field", &map.url)?;
        map.date = self
            .date_field
            .as_ref()
            .map(|n| checked(n, "--date-field"))
            .transpose()?;
        Ok(map)
    }
}

fn checked(name: &str, flag: &str) -> Result<String, CliError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(CliError::new(format!("{flag} names no field"))
            .with_hint(format!("give the field's name, e.g. {flag} event_id")));
    }
    Ok(name.to_owned())
}
