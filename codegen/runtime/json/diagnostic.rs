//! [`miette::Diagnostic`] for [`ApiError`] (the `miette` feature).

use super::ApiError;
use crate::facts;
use core::fmt::Display;

impl miette::Diagnostic for ApiError {
    /// The wire code; `None` for an error whose body carried none.
    fn code<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        let code = self.code.as_str();
        (!code.is_empty()).then(|| Box::new(code) as Box<dyn Display + 'a>)
    }

    /// Always [`miette::Severity::Error`]: the API answered with an error.
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Error)
    }

    /// The fixes the catalog documents for the code, one a line.
    fn help<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        let fixes = facts::fixes(self.code.known()?);
        (!fixes.is_empty()).then(|| Box::new(fixes) as Box<dyn Display + 'a>)
    }

    /// The documentation URL: the error's own, else the one the catalog documents for its code.
    fn url<'a>(&'a self) -> Option<Box<dyn Display + 'a>> {
        let url = match &self.doc_url {
            Some(url) => url.as_str(),
            None => facts::doc_url(self.code.known()?)?,
        };
        Some(Box::new(url))
    }
}
