//! A code's arguments on its reference page.

use super::cell_code;
use errcat_catalog::format::{Arg, ArgType};
use errcat_catalog::text;

/// What each error of a code carries: one row per argument, in declaration order.
pub(super) fn table(args: &[Arg]) -> String {
    let mut out = String::from(
        "| Argument | Type | Required | Visibility | Description |\n|---|---|---|---|---|\n",
    );
    for a in args {
        let ty = match (a.ty, a.items) {
            (ArgType::List, Some(items)) => format!("list of {}", items.name()),
            (ArgType::Enum, _) => {
                let values: Vec<String> = a.values.iter().map(|v| cell_code(v)).collect();
                format!("one of {}", values.join(", "))
            }
            (ty, _) => ty.name().to_owned(),
        };
        let mut description = a
            .description
            .as_deref()
            .map(|d| text::cell(&text::inline(d)))
            .unwrap_or_default();
        if let Some(example) = &a.example {
            let sep = if description.is_empty() { "" } else { " " };
            description.push_str(&format!(
                "{sep}Example: {}.",
                cell_code(&example.to_string())
            ));
        }
        out.push_str(&format!(
            "| {} | {ty} | {} | {} | {description} |\n",
            cell_code(&a.name),
            if a.optional { "no" } else { "yes" },
            a.visibility.name()
        ));
    }
    out
}
