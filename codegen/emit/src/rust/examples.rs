//! `tests/examples.rs` of a generated crate, and its data: the documented example bodies read
//! and written back, serde and the problem bridge for every code.

use proc_macro2::TokenStream;
use quote::quote;

use errcat_catalog::format::{CodeType, Layout};
use errcat_catalog::model::Model;

/// The writer of the generated crates' XML bodies, which writes the bodies of their tests.
#[path = "../../../runtime/json/xml_write.rs"]
mod xml_write;

/// `tests/examples.rs` and its data `tests/data/examples.in`: every documented example body
/// (the envelope's and each code's) parsed and written back, plus the problem bridge for every
/// code; and where the code has several places (alternatives, a header, a cleanup or XML), the
/// data `tests/data/places.in` of a test that reads every code from each. The test file runs
/// with the `json` feature.
pub(super) fn examples_test(model: &Model) -> (String, String, Option<String>) {
    let lib = quote::format_ident!("{}", model.lib_name);
    let by_status = model.by_status();
    let layout = model.layout();
    let list = layout.as_ref().is_some_and(|l| l.errors.is_some());
    let unknown = model.unknown_code();
    let xml = model.body_is_xml();
    // Where a body is not written back byte for byte as documented: the code is read cleaned
    // or from another place than the one it is written at, or the body is XML. The body then
    // reads back as the same error.
    let lossy = xml
        || layout.as_ref().is_some_and(|l| {
            l.code_clean.is_some() || l.code.as_ref().is_some_and(|c| c.all().len() > 1)
        });
    let (from_body, to_body) = if xml {
        (quote!(from_xml), quote!(to_xml))
    } else {
        (quote!(from_json), quote!(to_json))
    };
    let xml_only = xml.then(|| quote!(#[cfg(feature = "xml")]));

    let mut rows = String::from("[\n");
    let envelope_examples = model.catalog.envelope.iter().flat_map(|e| &e.examples);
    let code_examples = model
        .codes
        .iter()
        .flat_map(|c| c.entry().examples.iter().map(move |e| (Some(c), e)));
    for (code, example) in envelope_examples.map(|e| (None, e)).chain(code_examples) {
        let wire = code.map_or(String::new(), |c| c.wire.clone());
        let status = example
            .status
            .map_or_else(|| "None".to_owned(), |s| format!("Some({s})"));
        let body = match (&example.body, xml) {
            (serde_json::Value::String(document), true) => document.clone(),
            (body, _) => body.to_string(),
        };
        rows.push_str(&format!(
            "    ({}, {status}, {}),\n",
            proc_macro2::Literal::string(&wire),
            proc_macro2::Literal::string(&body),
        ));
    }
    rows.push_str("]\n");

    let check_code = if by_status {
        quote! {
            if !wire.is_empty() {
                let expected = ErrorCode::ALL.iter().find(|c| c.as_str() == wire).copied();
                let classes = error.classes();
                let listed = expected.is_some_and(|c| classes.contains(&c)) || status.is_none() && classes.is_empty();
                assert!(listed, "{wire}: {classes:?} for {body}");
            }
            if let Some(status) = status {
                assert_eq!(error.status(), Some(status), "{body}");
            }
        }
    } else {
        quote! {
            if !wire.is_empty() {
                assert_eq!(error.code().as_str(), wire, "{body}");
                let known = error.code().known().map(ErrorCode::as_str);
                assert_eq!(known, Some(wire), "{body}");
            }
        }
    };
    let written = if list {
        quote!(ApiError::list_to_json(&all))
    } else {
        quote!(error.to_json())
    };
    let read_all = (list && !lossy)
        .then(|| quote!(let all = ApiError::from_json_list(body.as_bytes()).unwrap();));
    let same_error = if by_status {
        quote!(assert_eq!(reread.classes(), error.classes(), "{wire}");)
    } else {
        quote!(assert_eq!(reread.code(), error.code(), "{wire}");)
    };
    let written_back = if lossy {
        quote! {
            let reread = ApiError::#from_body(&error.#to_body()).unwrap();
            #same_error
            assert_eq!(reread.message(), error.message(), "{wire}");
        }
    } else {
        quote! {
            let written = #written;
            let written: Value = serde_json::from_slice(&written).unwrap();
            let documented: Value = serde_json::from_str(body).unwrap();
            assert_eq!(written, documented, "{wire}");
        }
    };
    let (places_test, places_rows) = layout
        .as_ref()
        .filter(|_| !by_status)
        .and_then(|l| places_test(l, xml, &unknown))
        .unzip();
    // The status is checked only where it is what tells errors apart.
    let status = if by_status { quote!(status) } else { quote!(_) };
    let example_tests = layout.as_ref().map(|_| {
        let message_check = layout
            .as_ref()
            .and_then(|l| l.message.as_ref())
            .map(|_| quote!(assert_eq!(read.message(), Some("from a later API version"));));
        // Where only a header carries the code, the body alone does not say it.
        let read_unknown = if layout.as_ref().is_some_and(|l| l.code.is_none()) {
            quote! {
                let headers = error.response_headers();
                let read = ApiError::from_response(400, headers, &error.to_json()).unwrap();
            }
        } else {
            quote!(let read = ApiError::from_json(&error.to_json()).unwrap();)
        };
        let unknown_test = (!by_status).then(|| {
            quote! {
                #[test]
                fn unknown_codes_are_kept_through_the_body() {
                    let code = Code::parse(#unknown);
                    let error = ApiError::new(code).with_message("from a later API version");
                    #read_unknown
                    assert_eq!(read.code().as_str(), #unknown);
                    assert_eq!(read.code().known(), None);
                    #message_check
                }
            }
        });
        quote! {
            /// Each documented example: the code it is filed under (empty for the envelope's own
            /// examples), its documented status and its body.
            #xml_only
            const EXAMPLES: &[(&str, Option<u16>, &str)] = &include!("data/examples.in");

            #[test]
            #xml_only
            fn every_documented_example_reads_as_its_code_and_is_written_back_as_documented() {
                for &(wire, #status, body) in EXAMPLES {
                    let error = ApiError::#from_body(body.as_bytes()).unwrap();
                    #read_all
                    #check_code
                    #written_back
                }
            }

            #places_test

            #[test]
            fn every_code_is_written_and_read_back() {
                for &code in ErrorCode::ALL {
                    let error = ApiError::new(code).with_request_id("req_1").with_param("p");
                    let read = ApiError::from_json(&error.to_json()).unwrap();
                    assert_eq!(read.to_json(), error.to_json(), "{code:?}");
                }
            }

            #[test]
            fn bodies_that_are_not_the_envelope_are_errors_that_keep_the_text() {
                let bodies = ["<html>502</html>", "", "[1, 2]", "{\"other\": true}"];
                for body in bodies {
                    if let Err(e) = ApiError::from_json(body.as_bytes()) {
                        assert_eq!(e.raw(), body);
                        let shown = e.to_string();
                        assert!(shown.contains("error body"), "{shown}");
                    }
                }
                let e = ApiError::from_json(b"<html>").unwrap_err();
                assert!(matches!(e.kind(), ParseErrorKind::NotJson(_)), "{e}");
            }

            #unknown_test
        }
    });
    let ident_check = if by_status {
        quote!(assert_eq!(back.classes(), error.classes(), "{code:?}");)
    } else {
        quote!(assert_eq!(back.code(), error.code(), "{code:?}");)
    };
    let crate_import = match &layout {
        None => quote!(use #lib::{ApiError, Code, ErrorCode, Problem};),
        Some(_) => quote!(use #lib::{ApiError, Code, ErrorCode, ParseErrorKind, Problem};),
    };
    let value_import = quote!(
        use serde_json::Value;
    );
    // In the order rustfmt sorts them.
    let imports = if model.lib_name.as_str() < "serde_json" {
        quote!(#crate_import #value_import)
    } else {
        quote!(#value_import #crate_import)
    };
    let title_check = if by_status {
        quote! {
            if error.classes() == [code] {
                assert_eq!(problem.title.as_deref(), Some(code.message()));
            }
        }
    } else {
        quote!(assert_eq!(problem.title.as_deref(), Some(code.message()));)
    };
    let wire_json = if model.catalog.code_type == CodeType::Integer {
        quote!(serde_json::from_str(code.as_str()).unwrap())
    } else {
        quote!(Value::from(code.as_str()))
    };
    let integer_serde = (model.catalog.code_type == CodeType::Integer).then(|| {
        quote! {
            for &code in ErrorCode::ALL {
                let number: Value = code.as_str().parse().unwrap();
                let back: ErrorCode = serde_json::from_value(number).unwrap();
                assert_eq!(back, code);
            }
        }
    });
    let tokens = quote! {
        #imports

        #example_tests

        #[test]
        fn codes_serialize_as_their_wire_string() {
            for &code in ErrorCode::ALL {
                let json = serde_json::to_value(code).unwrap();
                let wire: Value = #wire_json;
                assert_eq!(json, wire);
                let back: ErrorCode = serde_json::from_value(json.clone()).unwrap();
                assert_eq!(back, code);
                let kept: Code = serde_json::from_value(json).unwrap();
                assert_eq!(kept, Code::Known(code));
            }
            let unknown: Code = serde_json::from_value(Value::from(#unknown)).unwrap();
            assert_eq!(unknown.as_str(), #unknown);
            let refused = serde_json::from_value::<ErrorCode>(Value::from(#unknown));
            assert!(refused.is_err());
            #integer_serde
        }

        #[test]
        fn every_code_converts_to_a_problem_document_and_back() {
            for &code in ErrorCode::ALL {
                let error = ApiError::new(code).with_message("this occurrence").with_request_id("req_1");
                let problem = error.to_problem();
                #title_check
                let parsed = Problem::from_json(&problem.to_json()).unwrap();
                assert_eq!(parsed, problem);
                let back = ApiError::from_problem(&parsed);
                #ident_check
                assert_eq!(back.status(), error.status(), "{code:?}");
                assert_eq!(back.message(), Some("this occurrence"));
                assert_eq!(back.request_id(), Some("req_1"));
                assert_eq!(back.doc_url(), error.doc_url());
            }
        }
    };
    (spaced(tokens), rows, places_rows)
}

/// `tokens` formatted as a test file that runs with the `json` feature, with a blank line
/// between items (`use` items kept together).
fn spaced(tokens: TokenStream) -> String {
    let mut file: syn::File = match syn::parse2(tokens) {
        Ok(file) => file,
        Err(e) => panic!("errcat emitted Rust that does not parse ({e}); this is a bug in errcat"),
    };
    let items = std::mem::take(&mut file.items);
    let mut out = String::from("#![cfg(feature = \"json\")]\n#![allow(deprecated)]\n");
    let mut previous_use = false;
    for item in items {
        let is_use = matches!(item, syn::Item::Use(_));
        if !(is_use && previous_use) {
            out.push('\n');
        }
        previous_use = is_use;
        file.items = vec![item];
        out.push_str(&prettyplease::unparse(&file));
    }
    out
}

/// A test that every code reads back from each place the layout names for it: each body
/// pointer (qualified as `code_clean` expects, where it cleans) and the code header, which wins
/// over a body that names another code. `None` where the code has one plain place only (the
/// documented examples and the written bodies already read it there).
fn places_test(layout: &Layout, xml: bool, unknown: &str) -> Option<(TokenStream, String)> {
    let pointers: &[String] = layout.code.as_ref().map_or(&[], |c| c.all());
    if layout.code_clean.is_none() && pointers.len() < 2 && layout.code_header.is_none() && !xml {
        return None;
    }
    let clean = layout.code_clean.clone().unwrap_or_default();
    let prefix = clean
        .after_last
        .map_or_else(String::new, |s| format!("example.v1{s}"));
    let suffix = clean
        .before_first
        .map_or_else(String::new, |s| format!("{s}detail"));
    let body_with = |pointer: &str, code: &str| -> String {
        let mut item = serde_json::Value::Null;
        put(&mut item, pointer, serde_json::Value::from(code));
        let mut body = match &layout.errors {
            Some(list) => {
                let mut body = serde_json::Value::Null;
                put(&mut body, list, serde_json::Value::Array(vec![item]));
                body
            }
            None => item,
        };
        if body.is_null() {
            body = serde_json::Value::Object(Default::default());
        }
        if xml {
            xml_write::write(&body)
        } else {
            body.to_string()
        }
    };
    let places: Vec<String> = pointers.iter().map(|p| body_with(p, "{code}")).collect();
    let (escape, from_body) = if xml {
        (
            quote!(let text = qualified.replace('&', "&amp;").replace('<', "&lt;");),
            quote!(from_xml),
        )
    } else {
        (
            quote! {
                let text = serde_json::to_string(&qualified).unwrap();
                let text = text[1..text.len() - 1].to_owned();
            },
            quote!(from_json),
        )
    };
    let header_check = layout.code_header.as_deref().map(|header| {
        // A body that names another code, where the body has a code at all.
        let other = pointers
            .first()
            .map_or_else(String::new, |p| body_with(p, unknown));
        quote! {
            let headers = [(#header, qualified.as_str())];
            let other = #other;
            let error = ApiError::from_response(400, headers, other.as_bytes()).unwrap();
            assert_eq!(error.code().known(), Some(code), "{qualified}");
            let headers = ApiError::new(code).response_headers();
            let back = ApiError::from_response(400, headers, b"").unwrap();
            assert_eq!(back.code().known(), Some(code), "{qualified}");
        }
    });
    let xml_only = xml.then(|| quote!(#[cfg(feature = "xml")]));
    let mut rows = String::from("[\n");
    for place in &places {
        rows.push_str(&format!("    {},\n", proc_macro2::Literal::string(place)));
    }
    rows.push_str("]\n");
    Some((
        quote! {
            /// Bodies with the code at each place the layout reads it from; `{code}` stands for it.
            #xml_only
            const PLACES: &[&str] = &include!("data/places.in");

            #[test]
            #xml_only
            fn every_code_reads_from_each_place_the_layout_names() {
                for &code in ErrorCode::ALL {
                    let qualified = format!("{}{}{}", #prefix, code.as_str(), #suffix);
                    #escape
                    for place in PLACES {
                        let body = place.replace("{code}", &text);
                        let error = ApiError::#from_body(body.as_bytes()).unwrap();
                        assert_eq!(error.code().known(), Some(code), "{body}");
                    }
                    #header_check
                }
            }
        },
        rows,
    ))
}

/// Writes `value` at `pointer` in `root`, making the objects on the way.
fn put(root: &mut serde_json::Value, pointer: &str, value: serde_json::Value) {
    let mut at = root;
    for token in errcat_catalog::json_pointer::segments(pointer) {
        if !at.is_object() {
            *at = serde_json::Value::Object(Default::default());
        }
        at = at
            .as_object_mut()
            .expect("made an object above")
            .entry(token)
            .or_insert(serde_json::Value::Null);
    }
    *at = value;
}
