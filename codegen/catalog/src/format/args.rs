//! What an error of a code carries: its typed arguments (`codes[].args`).
//!
//! A code with arguments has a message that is a template: `{$name}` places an argument
//! (MessageFormat 2's placeholder syntax), `\{` and `\}` are literal braces. A code without
//! arguments keeps its message as written, braces included.

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One argument of a code: a value each error of that code carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Arg {
    /// The argument's name, as its key on the wire and its `{$name}` placeholder: ASCII
    /// letters, digits and `_`, starting with a letter (`field`, `record_type`, `retryAfter`).
    pub name: String,
    /// Its type.
    #[serde(rename = "type")]
    pub ty: ArgType,
    /// For `"type": "list"`: the type of each item (not `list` or `enum`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<ArgType>,
    /// For `"items": "object"`: the members of each item, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// For `"type": "code"`: the `name` of the inner code set its codes come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<String>,
    /// For `"type": "enum"`: the values it may take, as sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// What it is (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// An example value, of the argument's type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<serde_json::Value>,
    /// Whether an error may leave it out. Left out: required.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
    /// Who may see it. Left out: `public`.
    #[serde(default, skip_serializing_if = "Visibility::is_public")]
    pub visibility: Visibility,
}

impl Arg {
    /// Its type in words, for pages and the terminal: `list of integer`, `one of a, b` (each
    /// value written by `value`), `code of validation` (the set written by `set`), `string`.
    pub fn type_words(
        &self,
        value: impl Fn(&str) -> String,
        set: impl Fn(&str) -> String,
    ) -> String {
        match (self.ty, self.items, &self.set) {
            (ArgType::List, Some(ArgType::Object), _) => {
                let fields: Vec<String> = self
                    .fields
                    .iter()
                    .map(|f| {
                        let optional = if f.optional { ", optional" } else { "" };
                        format!("{}: {}{optional}", value(&f.name), f.ty.name())
                    })
                    .collect();
                format!("list of objects ({})", fields.join("; "))
            }
            (ArgType::List, Some(items), _) => format!("list of {}", items.name()),
            (ArgType::Enum, _, _) => {
                let values: Vec<String> = self.values.iter().map(|v| value(v)).collect();
                format!("one of {}", values.join(", "))
            }
            (ArgType::Code, _, Some(name)) => format!("code of {}", set(name)),
            (ty, _, _) => ty.name().to_owned(),
        }
    }
}

/// The type of an argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ArgType {
    /// Text (`String`).
    String,
    /// A whole number (`i64`).
    Integer,
    /// A number (`f64`).
    Number,
    /// `true` or `false`.
    Bool,
    /// A list of `items`.
    List,
    /// One of `values`.
    Enum,
    /// A code of the inner code set `set`; a code the set does not list is kept as sent.
    Code,
    /// An object of `fields`: only as the `items` of a list (a batch's per-item errors).
    Object,
}

impl ArgType {
    /// The word the catalog uses for it.
    pub fn name(self) -> &'static str {
        match self {
            ArgType::String => "string",
            ArgType::Integer => "integer",
            ArgType::Number => "number",
            ArgType::Bool => "bool",
            ArgType::List => "list",
            ArgType::Enum => "enum",
            ArgType::Code => "code",
            ArgType::Object => "object",
        }
    }
}

/// A member of each object of a list of objects (`"items": "object"`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Its name, as its key on the wire: ASCII letters, digits and `_`, starting with a
    /// letter.
    pub name: String,
    /// Its type: `string`, `integer`, `number` or `bool`.
    #[serde(rename = "type")]
    pub ty: ArgType,
    /// What it is (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether an item may leave it out. Left out: required.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
}

/// A named set of inner codes (`code_sets`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CodeSet {
    /// Its name: lowercase ASCII letters, digits and `_`, starting with a letter
    /// (`validation`). Its enum is the name in UpperCamelCase with `Code` after it
    /// (`ValidationCode`), in the crate's `args` module.
    pub name: String,
    /// Its heading on the reference page.
    pub title: String,
    /// What the set is (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its codes, in the order the API documents them.
    pub codes: Vec<InnerCode>,
}

impl CodeSet {
    /// The anchor of its section on the reference page: `inner-codes-<name>`.
    pub fn anchor(name: &str) -> String {
        format!("inner-codes-{name}")
    }
}

/// One code of an inner code set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InnerCode {
    /// The code exactly as the API sends it.
    pub code: String,
    /// Short human message (one line of inline markdown).
    pub message: String,
    /// Longer explanation (*markdown*).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// Who may see an argument.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// The client: it travels in the error body and may be placed in the message.
    #[default]
    Public,
    /// The server's logs only: never in the body or the message.
    Internal,
    /// No one: never in the body, the message or a log, and redacted in `Debug`.
    Secret,
}

impl Visibility {
    /// Whether it is `public`.
    pub fn is_public(&self) -> bool {
        *self == Visibility::Public
    }

    /// The word the catalog uses for it.
    pub fn name(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Internal => "internal",
            Visibility::Secret => "secret",
        }
    }
}

/// A piece of a message template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text, with `\{` and `\}` read as braces.
    Text(String),
    /// A `{$name}` placeholder.
    Arg(String),
}

/// A problem in a template: the byte offset it is at and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Byte offset in the template.
    pub at: usize,
    /// What is wrong.
    pub problem: String,
}

/// Reads a message template into text and `{$name}` placeholders. A `{` or `}` that is not
/// part of a placeholder must be escaped (`\{`, `\}`): MessageFormat 2 gives bare braces
/// other meanings, so a template that relies on one is refused rather than guessed at.
pub fn template(message: &str) -> Result<Vec<Piece>, TemplateError> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = message.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some((_, '{' | '}'))) => {
                text.push(chars.next().map_or(c, |(_, b)| b));
            }
            '{' => {
                let rest = &message[at + 1..];
                let close = rest.find('}').ok_or_else(|| TemplateError {
                    at,
                    problem: "a `{` that no `}` closes".to_owned(),
                })?;
                let inner = &rest[..close];
                let name = inner
                    .strip_prefix('$')
                    .filter(|n| is_arg_name(n))
                    .ok_or_else(|| TemplateError {
                        at,
                        problem: format!(
                            "`{{{inner}}}` is not a placeholder: write `{{$name}}` for an argument, or `\\{{` for a brace"
                        ),
                    })?;
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Arg(name.to_owned()));
                while chars.peek().is_some_and(|(i, _)| *i <= at + 1 + close) {
                    chars.next();
                }
            }
            '}' => {
                return Err(TemplateError {
                    at,
                    problem: "a `}` that closes no placeholder: write `\\}` for a brace".to_owned(),
                });
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

/// Whether `name` is a valid argument name: ASCII letters, digits and `_`, starting with a
/// letter.
pub fn is_arg_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_is_text_and_placeholders() {
        let got = template(r"Referenced {$column} '{$value}' in \{x\}").unwrap();
        assert_eq!(
            got,
            [
                Piece::Text("Referenced ".into()),
                Piece::Arg("column".into()),
                Piece::Text(" '".into()),
                Piece::Arg("value".into()),
                Piece::Text("' in {x}".into()),
            ]
        );
    }

    #[test]
    fn a_bare_brace_is_refused_where_it_is() {
        let e = template("a {b} c").unwrap_err();
        assert_eq!(e.at, 2);
        assert!(
            e.problem.contains("`{b}` is not a placeholder"),
            "{}",
            e.problem
        );
        assert_eq!(template("a } c").unwrap_err().at, 2);
        assert_eq!(template("a {$b").unwrap_err().at, 2);
        assert!(template("{$1x}").is_err());
    }
}
