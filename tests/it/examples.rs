//! Every documented example response of every catalog, read by its generated crate: it parses,
//! it reads as the code it is filed under, and the reference page shows it.
//!
//! The crates are listed in `read` below; a catalog that documents its body layout but is
//! missing there fails the test, so a new catalog cannot slip through unwalked.

use std::fs;

use serde_json::Value;

/// The codes `body` reads as, through the crate of `catalog`: the code itself, or for an API
/// that sends only the status, the codes that status may mean. `None` for an unlisted crate.
fn read(catalog: &str, body: &[u8]) -> Option<Result<Vec<String>, String>> {
    fn codes<E: ToString>(r: Result<Vec<String>, E>) -> Result<Vec<String>, String> {
        r.map_err(|e| e.to_string())
    }
    Some(match catalog {
        "dataxid" => codes(
            dataxid_errors::ApiError::from_json(body).map(|e| vec![e.code().as_str().to_owned()]),
        ),
        "records-api" => codes(
            records_api_errors::ApiError::from_json(body)
                .map(|e| vec![e.code().as_str().to_owned()]),
        ),
        "datocms-cma" => codes(
            datocms_cma_errors::ApiError::from_json_list(body)
                .map(|all| all.iter().map(|e| e.code().as_str().to_owned()).collect()),
        ),
        "dreamfactory" => codes(
            dreamfactory_errors::ApiError::from_json(body)
                .map(|e| e.classes().iter().map(|c| c.as_str().to_owned()).collect()),
        ),
        "twilio" => codes(
            twilio_errors::ApiError::from_json(body).map(|e| vec![e.code().as_str().to_owned()]),
        ),
        "datamaker" => codes(
            datamaker_errors::ApiError::from_json(body)
                .map(|e| e.classes().iter().map(|c| c.as_str().to_owned()).collect()),
        ),
        "aws-lambda" => codes(
            aws_lambda_errors::ApiError::from_json(body)
                .map(|e| vec![e.code().as_str().to_owned()]),
        ),
        "shop" => codes(
            shop_errors::ApiError::from_json(body).map(|e| vec![e.code().as_str().to_owned()]),
        ),
        "bookshelf" => codes(
            bookshelf_errors::ApiError::from_json(body).map(|e| vec![e.code().as_str().to_owned()]),
        ),
        // XML bodies: `body` is the document.
        "aws-s3" => codes(
            aws_s3_errors::ApiError::from_xml(body).map(|e| vec![e.code().as_str().to_owned()]),
        ),
        "aws-rds" => codes(
            aws_rds_errors::ApiError::from_xml(body).map(|e| vec![e.code().as_str().to_owned()]),
        ),
        _ => return None,
    })
}

#[test]
fn every_documented_example_reads_as_its_code_and_is_on_the_reference_page() {
    let root = errcat_tests::root();
    let mut walked = 0;
    let mut names: Vec<String> = fs::read_dir(root.join("generated"))
        .unwrap()
        .filter_map(|e| Some(e.ok()?.file_name().to_str()?.to_owned()))
        .filter(|n| root.join("generated").join(n).join("catalog.json").exists())
        .collect();
    names.sort();
    for name in names {
        let text =
            fs::read_to_string(root.join("generated").join(&name).join("catalog.json")).unwrap();
        let catalog: Value = serde_json::from_str(&text).unwrap();
        let page =
            fs::read_to_string(root.join("generated/docs").join(format!("{name}.md"))).unwrap();
        let has_layout = catalog.pointer("/envelope/layout").is_some();
        if has_layout {
            assert!(
                read(&name, b"{}").is_some(),
                "{name} documents its body layout: list it in `read`"
            );
        }
        // (the code it is filed under, as the wire spells it; the body)
        let mut examples: Vec<(Option<String>, &Value)> = Vec::new();
        if let Some(list) = catalog
            .pointer("/envelope/examples")
            .and_then(Value::as_array)
        {
            examples.extend(list.iter().map(|e| (None, &e["body"])));
        }
        for code in catalog["codes"].as_array().unwrap() {
            let wire = match &code["code"] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if let Some(list) = code["examples"].as_array() {
                examples.extend(list.iter().map(|e| (Some(wire.clone()), &e["body"])));
            }
        }
        let xml = catalog.pointer("/envelope/layout/format") == Some(&Value::from("xml"));
        for (code, body) in examples {
            // An XML body is a string holding the document, shown as it is.
            let (pretty, text) = match body {
                Value::String(document) if xml => (document.clone(), document.clone()),
                _ => (
                    serde_json::to_string_pretty(body).unwrap(),
                    body.to_string(),
                ),
            };
            assert!(
                page.contains(&pretty),
                "{name}: the page does not show the example\n{pretty}"
            );
            if !has_layout {
                continue;
            }
            let read = read(&name, text.as_bytes()).unwrap_or_else(|| unreachable!());
            let read = read.unwrap_or_else(|e| panic!("{name}: {e}\n{pretty}"));
            if let Some(code) = code {
                let filed_under = read.contains(&code);
                assert!(filed_under, "{name}: example of {code} reads as {read:?}");
            }
            walked += 1;
        }
    }
    assert!(walked >= 20, "only {walked} examples walked");
}

#[test]
fn a_server_writes_the_documented_field_errors() {
    use serde_json::json;
    // DreamFactory documents one field error as the `context` object.
    let error =
        dreamfactory_errors::ApiError::new(dreamfactory_errors::ErrorCode::BadRequestException)
            .with_message("Bad Request")
            .with_field_error("email", "Invalid email format");
    let written: Value = serde_json::from_slice(&error.to_json()).unwrap();
    let documented = json!({"error": {"code": 400, "message": "Bad Request",
        "context": {"field": "email", "error": "Invalid email format"}}});
    assert_eq!(written, documented);

    // The records API documents a list; a field error joins the details already there.
    let error = records_api_errors::ApiError::new(records_api_errors::ErrorCode::ValidationError)
        .with_details(json!([{"field": "email", "message": "must be a valid email address"}]))
        .with_field_error("age", "must be at least 0");
    let fields: Vec<String> = error.field_errors().into_iter().map(|f| f.field).collect();
    assert_eq!(fields, ["email", "age"]);

    // Details of another shape are left alone.
    let error = records_api_errors::ApiError::new(records_api_errors::ErrorCode::ValidationError)
        .with_details(json!({"note": "kept"}))
        .with_field_error("age", "must be at least 0");
    assert_eq!(error.details(), Some(&json!({"note": "kept"})));
}

#[test]
fn debug_prints_the_variant_name() {
    // `Debug` reads a table of names rather than being derived; it must say what a derive would.
    let shown = format!("{:?}", dataxid_errors::ErrorCode::RateLimitExceeded);
    assert_eq!(shown, "RateLimitExceeded");
    let shown = format!(
        "{:?}",
        dreamfactory_errors::ErrorCode::ConflictResourceException
    );
    assert_eq!(shown, "ConflictResourceException");
    let names: std::collections::BTreeSet<String> = twilio_errors::ErrorCode::ALL
        .iter()
        .map(|c| format!("{c:?}"))
        .collect();
    assert_eq!(names.len(), twilio_errors::ErrorCode::ALL.len());
}
