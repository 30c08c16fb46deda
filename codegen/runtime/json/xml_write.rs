//! A value written as the XML body it stands for (the inverse of `xml_read`): each member an
//! element. Needs no dependency.

use serde_json::Value;

/// `value` written as XML: each member an element (an array, the element repeated), each
/// string or number its text, escaped. `null` members are left out.
pub(crate) fn write(value: &Value) -> String {
    let mut out = String::new();
    if let Value::Object(members) = value {
        for (name, value) in members {
            element(&mut out, name, value);
        }
    }
    out
}

fn element(out: &mut String, name: &str, value: &Value) {
    match value {
        Value::Null => {}
        Value::Array(items) => {
            for item in items {
                element(out, name, item);
            }
        }
        Value::Object(members) => {
            out.push_str(&format!("<{name}>"));
            for (child, value) in members {
                element(out, child, value);
            }
            out.push_str(&format!("</{name}>"));
        }
        Value::String(s) => out.push_str(&format!("<{name}>{}</{name}>", escape(s))),
        Value::Bool(_) | Value::Number(_) => out.push_str(&format!("<{name}>{value}</{name}>")),
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
