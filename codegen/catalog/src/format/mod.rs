//! What a file in `catalog/` may say: the catalog format and the workspace settings. Types
//! only (serde and schemars); loading and checking are later stages.

pub mod args;
pub mod catalog;
pub mod google_rpc;
pub mod locales;
pub mod operations;

mod settings;
mod version;

pub use args::{Arg, ArgType, CodeSet, Field, InnerCode, Visibility};
pub use catalog::*;
pub use locales::{Locales, Translated, Translation};
pub use operations::Operation;
pub use settings::{SETTINGS_FILE_NAME, Settings};
pub use version::Version;
