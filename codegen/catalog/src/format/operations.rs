//! Per-operation error sets (`operations`, `internal_error`): which codes each operation of
//! the API can return.

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CodeValue;

/// One operation of the API and the codes it can return.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Operation {
    /// Its name: lowercase ASCII letters, digits and single `_`, starting with a letter
    /// (`create_record`). Its error enum is the name in UpperCamelCase with `Error` after it
    /// (`CreateRecordError`), in the crate's `operations` module.
    pub name: String,
    /// What it does, for its documentation (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The codes it can return, each a code of the catalog. The catalog's `internal_error`
    /// is every operation's already: anything else a handler fails with becomes it.
    pub codes: Vec<CodeValue>,
}
