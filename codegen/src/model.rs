//! What a user of [`Generator`](crate::Generator) reads of a modelled catalog: a handle with
//! accessors. The model itself is `errcat-catalog`'s, whose fields the later stages read.

use std::fmt;

/// One catalog, loaded, checked and modelled: what [`Generator::load`](crate::Generator::load)
/// returns and the emitting calls take.
pub struct Model(pub(crate) errcat_catalog::Model);

impl fmt::Debug for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Model")
            .field("name", &self.name())
            .field("codes", &self.0.codes.len())
            .finish_non_exhaustive()
    }
}

impl Model {
    /// The catalog's name.
    pub fn name(&self) -> &str {
        self.0.name()
    }

    /// The generated crate's package name (`<name>-errors`).
    pub fn crate_name(&self) -> &str {
        self.0.crate_name()
    }

    /// The catalog's version, as the crate is versioned.
    pub fn version(&self) -> &str {
        self.0.version()
    }

    /// The codes, in the order of the generated enum.
    pub fn codes(&self) -> impl ExactSizeIterator<Item = CodeModel<'_>> {
        self.0.codes().iter().map(CodeModel)
    }

    /// Warnings about the catalog (look-alike codes), rendered.
    pub fn warnings(&self) -> &[String] {
        &self.0.warnings
    }
}

/// One code of a [`Model`].
#[derive(Clone, Copy)]
pub struct CodeModel<'a>(&'a errcat_catalog::CodeModel);

impl fmt::Debug for CodeModel<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CodeModel")
            .field("wire", &self.wire())
            .field("variant", &self.variant())
            .finish_non_exhaustive()
    }
}

impl<'a> CodeModel<'a> {
    /// The code as it is sent on the wire.
    pub fn wire(&self) -> &'a str {
        self.0.wire()
    }

    /// The Rust variant name of the code in the generated `ErrorCode`.
    pub fn variant(&self) -> &'a str {
        self.0.variant()
    }

    /// The code's documentation URL, where the catalog gives one.
    pub fn doc_url(&self) -> Option<&'a str> {
        self.0.doc_url()
    }
}
