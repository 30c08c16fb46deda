//! `tests/examples.rs` of a generated crate, and its data: the documented example bodies read
//! and written back, serde and the problem bridge for every code.

use proc_macro2::TokenStream;
use quote::quote;

use crate::catalog::CodeType;
use crate::model::Model;

/// `tests/examples.rs` and its data `tests/data/examples.in`: every documented example body
/// (the envelope's and each code's) parsed and written back, plus the problem bridge for every
/// code. The test file runs with the `json` feature.
pub(super) fn examples_test(model: &Model) -> (String, String) {
    let lib = quote::format_ident!("{}", model.lib_name);
    let by_status = model.by_status();
    let layout = model.layout();
    let list = layout.as_ref().is_some_and(|l| l.errors.is_some());
    let unknown = model.unknown_code();

    let mut rows = String::from("[\n");
    let envelope_examples = model.catalog.envelope.iter().flat_map(|e| &e.examples);
    let code_examples = model
        .codes
        .iter()
        .flat_map(|c| c.entry.examples.iter().map(move |e| (Some(c), e)));
    for (code, example) in envelope_examples.map(|e| (None, e)).chain(code_examples) {
        let wire = code.map_or(String::new(), |c| c.wire.clone());
        let status = example
            .status
            .map_or_else(|| "None".to_owned(), |s| format!("Some({s})"));
        rows.push_str(&format!(
            "    ({}, {status}, {}),\n",
            proc_macro2::Literal::string(&wire),
            proc_macro2::Literal::string(&example.body.to_string()),
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
    let read_all =
        list.then(|| quote!(let all = ApiError::from_json_list(body.as_bytes()).unwrap();));
    // The status is checked only where it is what tells errors apart.
    let status = if by_status { quote!(status) } else { quote!(_) };
    let example_tests = layout.as_ref().map(|_| {
        let message_check = layout
            .as_ref()
            .and_then(|l| l.message.as_ref())
            .map(|_| quote!(assert_eq!(read.message(), Some("from a later API version"));));
        let unknown_test = (!by_status).then(|| {
            quote! {
                #[test]
                fn unknown_codes_are_kept_through_the_body() {
                    let code = Code::parse(#unknown);
                    let error = ApiError::new(code).with_message("from a later API version");
                    let read = ApiError::from_json(&error.to_json()).unwrap();
                    assert_eq!(read.code().as_str(), #unknown);
                    assert_eq!(read.code().known(), None);
                    #message_check
                }
            }
        });
        quote! {
            /// Each documented example: the code it is filed under (empty for the envelope's own
            /// examples), its documented status and its body.
            const EXAMPLES: &[(&str, Option<u16>, &str)] = &include!("data/examples.in");

            #[test]
            fn every_documented_example_reads_as_its_code_and_is_written_back_as_documented() {
                for &(wire, #status, body) in EXAMPLES {
                    let error = ApiError::from_json(body.as_bytes()).unwrap();
                    #read_all
                    #check_code
                    let written = #written;
                    let written: Value = serde_json::from_slice(&written).unwrap();
                    let documented: Value = serde_json::from_str(body).unwrap();
                    assert_eq!(written, documented, "{wire}");
                }
            }

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
    (spaced(tokens), rows)
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
