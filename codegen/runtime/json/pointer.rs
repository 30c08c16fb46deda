//! Reading and writing the members of a JSON value by JSON pointer.

use serde_json::{Map, Value};

/// A string member, or a number written as text; `None` for anything else.
pub(super) fn text(value: &Value, pointer: &str) -> Option<String> {
    match value.pointer(pointer)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Writes `value` at `pointer`, making the objects on the way.
pub(super) fn put(root: &mut Value, pointer: &str, value: Value) {
    let mut at = root;
    if !pointer.is_empty() {
        for token in pointer[1..].split('/') {
            let token = token.replace("~1", "/").replace("~0", "~");
            if !at.is_object() {
                *at = Value::Object(Map::new());
            }
            let Some(map) = at.as_object_mut() else {
                return;
            };
            at = map.entry(token).or_insert(Value::Null);
        }
    }
    *at = value;
}
