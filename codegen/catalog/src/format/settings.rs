//! `catalog/errcat.json`: settings for every catalog of a project.

/// The workspace's settings, `catalog/errcat.json`; not a catalog.
pub const SETTINGS_FILE_NAME: &str = "errcat.json";

/// Settings for every catalog of a workspace (`catalog/errcat.json`, optional).
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Where the reference site is published (`https://…/`); a catalog's own `reference_url`
    /// overrides it.
    #[serde(default)]
    pub reference_url: Option<String>,
}
