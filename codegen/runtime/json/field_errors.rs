//! Per-field errors inside an error's details.

use super::ApiError;
use super::pointer::{put, text};
use crate::facts::layout;
use serde_json::{Map, Value};

/// One per-field error inside an error's details.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field.
    pub field: String,
    /// What is wrong with it, where the API says.
    pub message: Option<String>,
    /// An inner code, where the API gives one.
    pub code: Option<String>,
}

/// Where field errors sit inside the details: the list (or the one object that holds them),
/// whether the API documents one object rather than a list, then, inside each field error, the
/// field's name, what is wrong with it and an inner code.
pub(crate) type FieldErrorsAt = (
    &'static str,
    bool,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

impl ApiError {
    /// The per-field errors inside the details, in order; empty where there are none.
    pub fn field_errors(&self) -> Vec<FieldError> {
        let (Some((at, _, field, message, code)), Some(details)) =
            (layout::FIELD_ERRORS, &self.details)
        else {
            return Vec::new();
        };
        let items: Vec<&Value> = match details.pointer(at) {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(item @ Value::Object(_)) => vec![item],
            _ => Vec::new(),
        };
        items
            .into_iter()
            .filter_map(|item| {
                Some(FieldError {
                    field: text(item, field)?,
                    message: message.and_then(|p| text(item, p)),
                    code: code.and_then(|p| text(item, p)),
                })
            })
            .collect()
    }

    /// Adds a per-field error to the details in the shape the catalog's layout gives: pushed
    /// onto the list of field errors, or, where the API documents one object, merged into it.
    /// `message` is written only where the layout has a member for it. Nothing is overwritten:
    /// where the details already hold something else at that place, or the API documents no
    /// field errors, the error is left as it is.
    pub fn with_field_error(
        mut self,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        let Some((at, single, field_at, message_at, _)) = layout::FIELD_ERRORS else {
            return self;
        };
        let mut item = Value::Object(Map::new());
        put(&mut item, field_at, Value::from(field.into()));
        if let Some(p) = message_at {
            put(&mut item, p, Value::from(message.into()));
        }
        let details = self.details.get_or_insert_with(Value::default);
        match details.pointer_mut(at) {
            Some(Value::Array(list)) if !single => list.push(item),
            Some(Value::Object(object)) if single => {
                if let Value::Object(members) = item {
                    object.extend(members);
                }
            }
            None | Some(Value::Null) if single => put(details, at, item),
            None | Some(Value::Null) => put(details, at, Value::Array(vec![item])),
            Some(_) => {}
        }
        self
    }
}
