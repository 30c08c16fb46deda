//! Implementations behind the `serde` and `schemars` features (the `http` feature's are in
//! `facts.rs`: only an HTTP API's crate has that feature).

#[cfg(feature = "serde")]
mod serde_impls {
    use crate::facts::INTEGER_CODES;
    use crate::{Code, ErrorCode};
    use core::fmt;
    use serde::de::{self, Deserialize, Deserializer, Visitor};
    use serde::{Serialize, Serializer};

    impl Serialize for ErrorCode {
        /// Serializes the code as the wire writes it (see [`Code`]'s `Serialize`).
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            wire(self.as_str(), serializer)
        }
    }

    impl Serialize for Code {
        /// Serializes the code as the wire writes it: its wire string, or, where the catalog's
        /// codes are integers, a number (a code that is not one, such as `007` or `+7`, as a
        /// string, so it reads back as sent).
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            wire(self.as_str(), serializer)
        }
    }

    fn wire<S: Serializer>(code: &str, serializer: S) -> Result<S::Ok, S::Error> {
        match code.parse::<i64>() {
            Ok(n) if INTEGER_CODES && n.to_string() == code => serializer.serialize_i64(n),
            _ => serializer.serialize_str(code),
        }
    }

    /// Reads a code from a string, or, where the catalog's codes are integers, a number.
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
        // Integer codes may come as numbers, so only self-describing formats can say which;
        // string codes ask for a string, which every format can give.
        if INTEGER_CODES {
            deserializer.deserialize_any(CodeVisitor)
        } else {
            deserializer.deserialize_str(CodeVisitor)
        }
    }

    struct CodeVisitor;

    impl CodeVisitor {
        fn number<E: de::Error>(self, text: String, unexpected: de::Unexpected) -> Result<Code, E> {
            if INTEGER_CODES {
                Ok(Code::parse(&text))
            } else {
                Err(de::Error::invalid_type(unexpected, &self))
            }
        }
    }

    impl Visitor<'_> for CodeVisitor {
        type Value = Code;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            if INTEGER_CODES {
                f.write_str("an error code, as a string or an integer")
            } else {
                f.write_str("an error code string")
            }
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Code, E> {
            Ok(Code::parse(v))
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Code, E> {
            self.number(v.to_string(), de::Unexpected::Unsigned(v))
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Code, E> {
            self.number(v.to_string(), de::Unexpected::Signed(v))
        }
    }

    impl<'de> Deserialize<'de> for Code {
        /// Deserializes any code; one this crate does not know is kept as `Unknown`.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            read(deserializer)
        }
    }

    impl<'de> Deserialize<'de> for ErrorCode {
        /// Deserializes a wire code (aliases included). A code this crate does not know is an
        /// error; deserialize a [`Code`] to keep it instead.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let unknown = match read(deserializer)? {
                Code::Known(code) => return Ok(code),
                Code::Unknown(unknown) => unknown,
            };
            let unexpected = de::Unexpected::Str(unknown.as_str());
            let expected: &str = "a code of this catalog";
            Err(de::Error::invalid_value(unexpected, &expected))
        }
    }
}

/// [`schemars::JsonSchema`] for [`ErrorCode`]: every wire code, as the wire writes it, each with
/// its description.
#[cfg(feature = "schemars")]
mod schemars_impls {
    use crate::ErrorCode;
    use crate::facts::INTEGER_CODES;
    use schemars::{JsonSchema, Schema, SchemaGenerator};
    use serde_json::{Map, Value};
    use std::borrow::Cow;

    impl JsonSchema for ErrorCode {
        fn schema_name() -> Cow<'static, str> {
            "ErrorCode".into()
        }

        fn schema_id() -> Cow<'static, str> {
            concat!(module_path!(), "::ErrorCode").into()
        }

        /// `oneOf` a `const` per code, in catalog order: a string, or, where the catalog's codes are
        /// integers, a number; each with the code's description.
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            let codes = ErrorCode::ALL.iter().map(|code| {
                let wire = code.as_str();
                let value = match wire.parse::<i64>() {
                    Ok(n) if INTEGER_CODES && n.to_string() == wire => Value::from(n),
                    _ => Value::from(wire),
                };
                let mut one = Map::new();
                one.insert("const".to_owned(), value);
                if !code.description().is_empty() {
                    one.insert("description".to_owned(), code.description().into());
                }
                Value::Object(one)
            });
            let mut schema = Map::new();
            schema.insert("oneOf".to_owned(), Value::Array(codes.collect()));
            Schema::from(schema)
        }
    }
}
