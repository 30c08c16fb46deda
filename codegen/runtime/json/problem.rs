//! RFC 9457 problem documents, and the conversion of an [`ApiError`] to and from one.

use super::{ApiError, ParseError, ParseErrorKind};
use crate::ErrorCode;
use serde_json::{Map, Value};

/// An RFC 9457 problem document (`application/problem+json`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Problem {
    /// `type`: a URI for the kind of problem; `about:blank` when absent.
    pub type_uri: Option<String>,
    /// `title`: a short summary of the kind of problem.
    pub title: Option<String>,
    /// `status`: the HTTP status.
    pub status: Option<u16>,
    /// `detail`: an explanation of this occurrence.
    pub detail: Option<String>,
    /// `instance`: a URI reference for this occurrence.
    pub instance: Option<String>,
    /// Extension members.
    pub extensions: Map<String, Value>,
}

impl Problem {
    /// The media type of problem documents.
    pub const CONTENT_TYPE: &'static str = "application/problem+json";

    /// Parses a problem document. Members of the wrong type are left out, as RFC 9457 asks.
    pub fn from_json(body: &[u8]) -> Result<Problem, ParseError> {
        let Value::Object(mut members) = ParseError::json(body)? else {
            let kind = ParseErrorKind::WrongType {
                at: "",
                expected: "an object",
            };
            return Err(ParseError::new(kind, body));
        };
        let mut string = |name: &str| match members.remove(name) {
            Some(Value::String(s)) => Some(s),
            _ => None,
        };
        let type_uri = string("type");
        let title = string("title");
        let detail = string("detail");
        let instance = string("instance");
        let status = members
            .remove("status")
            .and_then(|s| s.as_u64())
            .and_then(|s| u16::try_from(s).ok());
        Ok(Problem {
            type_uri,
            title,
            status,
            detail,
            instance,
            extensions: members,
        })
    }

    /// The document as JSON.
    pub fn to_json(&self) -> Vec<u8> {
        let mut members = self.extensions.clone();
        let parts = [
            ("type", &self.type_uri),
            ("title", &self.title),
            ("detail", &self.detail),
            ("instance", &self.instance),
        ];
        for (name, value) in parts {
            if let Some(value) = value {
                members.insert(name.to_owned(), Value::from(value.as_str()));
            }
        }
        if let Some(status) = self.status {
            members.insert("status".to_owned(), Value::from(status));
        }
        Value::Object(members).to_string().into_bytes()
    }
}

impl From<ErrorCode> for Problem {
    fn from(code: ErrorCode) -> Self {
        ApiError::new(code).to_problem()
    }
}

impl ApiError {
    /// This error as an RFC 9457 problem document.
    ///
    /// `type` is the doc URL, `title` the catalog message of the code (where the error is
    /// known to be of one code), `status`, `detail` the message, `instance` the request id; the
    /// code is the extension member `code`, and `param`, `details`, `category` and `id` are
    /// extension members too.
    pub fn to_problem(&self) -> Problem {
        let mut problem = Problem {
            type_uri: self.doc_url.clone(),
            title: self.title().map(str::to_owned),
            status: self.status(),
            detail: self.message.clone(),
            instance: self.request_id.clone(),
            extensions: Map::new(),
        };
        let members = &mut problem.extensions;
        if let Some(code) = self.code_member() {
            members.insert("code".to_owned(), code);
        }
        if let Some(param) = &self.param {
            members.insert("param".to_owned(), Value::from(param.as_str()));
        }
        if let Some(details) = &self.details {
            members.insert("details".to_owned(), details.clone());
        }
        if let Some(category) = &self.category {
            members.insert("category".to_owned(), Value::from(category.as_str()));
        }
        if let Some(id) = &self.id {
            members.insert("id".to_owned(), Value::from(id.as_str()));
        }
        problem
    }

    /// The error a problem document describes: the inverse of [`ApiError::to_problem`].
    pub fn from_problem(problem: &Problem) -> Self {
        let mut error = ApiError::empty();
        error.code = ApiError::code_from_member(problem.extensions.get("code"));
        error.status = problem.status;
        error.message = problem.detail.clone().or_else(|| problem.title.clone());
        error.doc_url = problem.type_uri.clone().filter(|t| t != "about:blank");
        error.request_id = problem.instance.clone();
        let text = |name: &str| match problem.extensions.get(name) {
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        };
        error.param = text("param");
        error.details = problem.extensions.get("details").cloned();
        error.category = text("category");
        error.id = text("id");
        error.body = serde_json::from_slice(&problem.to_json()).ok();
        error
    }
}
