//! An XML error body read as the JSON value the layout's paths address (the `xml` feature,
//! quick-xml): the root element is an object with one member, named after it; an element with
//! child elements is an object of them (an element name that repeats gives an array); any
//! other element is its text, trimmed. Attributes, comments and processing instructions are
//! not part of an error's facts and are left out; namespace prefixes are dropped.

use serde_json::{Map, Value};

/// `body` as a JSON value, or why it is not XML with one root element.
pub(crate) fn parse(body: &[u8]) -> Result<Value, String> {
    use quick_xml::events::Event;

    let text = core::str::from_utf8(body).map_err(|e| e.to_string())?;
    let mut reader = quick_xml::Reader::from_str(text);
    // Open elements: name, the children read so far, the text read so far.
    let mut open: Vec<(String, Map<String, Value>, String)> = Vec::new();
    let mut root: Option<Value> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("{e} at byte {}", reader.error_position()))?;
        match event {
            Event::Start(start) => {
                if open.is_empty() && root.is_some() {
                    return Err("a second root element".to_owned());
                }
                let name = name_of(start.local_name().as_ref())?;
                open.push((name, Map::new(), String::new()));
            }
            Event::Empty(start) => {
                let name = name_of(start.local_name().as_ref())?;
                close(&mut open, &mut root, name, Map::new(), String::new())?;
            }
            Event::End(_) => {
                let (name, children, text) = open
                    .pop()
                    .ok_or_else(|| "an end tag with no start".to_owned())?;
                close(&mut open, &mut root, name, children, text)?;
            }
            Event::Text(t) => {
                let t = t.decode().map_err(|e| e.to_string())?;
                text_into(&mut open, &t)?;
            }
            Event::CData(t) => {
                let t = t.decode().map_err(|e| e.to_string())?;
                text_into(&mut open, &t)?;
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|e| e.to_string())?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| format!("unknown entity `&{name};`"))?
                            .to_owned()
                    }
                };
                text_into(&mut open, &resolved)?;
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if !open.is_empty() {
        return Err("the document ends inside an element".to_owned());
    }
    root.ok_or_else(|| "no root element".to_owned())
}

fn name_of(raw: &[u8]) -> Result<String, String> {
    core::str::from_utf8(raw)
        .map(str::to_owned)
        .map_err(|e| e.to_string())
}

fn text_into(open: &mut [(String, Map<String, Value>, String)], text: &str) -> Result<(), String> {
    match open.last_mut() {
        Some((_, _, into)) => {
            into.push_str(text);
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None => Err("text outside the root element".to_owned()),
    }
}

/// Ends element `name`: its value goes into its parent, or is the document.
fn close(
    open: &mut [(String, Map<String, Value>, String)],
    root: &mut Option<Value>,
    name: String,
    children: Map<String, Value>,
    text: String,
) -> Result<(), String> {
    let value = if children.is_empty() {
        Value::String(text.trim().to_owned())
    } else {
        Value::Object(children)
    };
    match open.last_mut() {
        Some((_, siblings, _)) => {
            match siblings.get_mut(&name) {
                Some(Value::Array(items)) => items.push(value),
                Some(first) => {
                    let first = first.take();
                    siblings.insert(name, Value::Array(vec![first, value]));
                }
                None => {
                    siblings.insert(name, value);
                }
            }
            Ok(())
        }
        None if root.is_none() => {
            let mut document = Map::new();
            document.insert(name, value);
            *root = Some(Value::Object(document));
            Ok(())
        }
        None => Err("a second root element".to_owned()),
    }
}
