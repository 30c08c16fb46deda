//! Codes as read from the wire: a known [`ErrorCode`] or the unknown spelling, kept.

use crate::ErrorCode;

/// A code as the API sent it: one this crate knows, or one it does not know yet.
///
/// An unknown code is kept verbatim in an opaque [`UnknownCode`], so it is never lost and never
/// a panic. Do not match on its text to handle a code this crate does not name yet: when a later
/// version names it, it arrives as `Known` and such a branch silently stops matching. Compare
/// [`Code::as_str`] instead, which gives the same answer before and after.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// A code of this catalog.
    Known(ErrorCode),
    /// A code this crate does not know.
    Unknown(UnknownCode),
}

/// The spelling of a code this crate does not know. It can be read but not built or matched on
/// outside this crate.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownCode(Box<str>);

impl UnknownCode {
    /// The code exactly as the API sent it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Code {
    /// Reads a wire code: `Known` when [`ErrorCode::from_code`] knows it (aliases included),
    /// else `Unknown` with the text kept.
    pub fn parse(wire: &str) -> Self {
        match ErrorCode::from_code(wire) {
            Some(code) => Code::Known(code),
            None => Code::Unknown(UnknownCode(wire.into())),
        }
    }

    /// The code as the wire spells it (for a known code, its catalog spelling).
    pub fn as_str(&self) -> &str {
        match self {
            Code::Known(code) => code.as_str(),
            Code::Unknown(unknown) => unknown.as_str(),
        }
    }

    /// The known code, if it is one.
    pub fn known(&self) -> Option<ErrorCode> {
        match self {
            Code::Known(code) => Some(*code),
            Code::Unknown(_) => None,
        }
    }
}

impl From<ErrorCode> for Code {
    fn from(code: ErrorCode) -> Self {
        Code::Known(code)
    }
}

impl core::fmt::Display for Code {
    /// Writes the wire code.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl core::str::FromStr for Code {
    type Err = core::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Code::parse(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_codes_are_kept() {
        let mut unknown = String::from("zz_future_code");
        while ErrorCode::from_code(&unknown).is_some() {
            unknown.push('_');
        }
        let code = Code::parse(&unknown);
        assert_eq!(code.as_str(), unknown);
        assert_eq!(code.known(), None);
        assert_eq!(code.to_string(), unknown);
        for &known in ErrorCode::ALL {
            assert_eq!(Code::parse(known.as_str()), Code::Known(known));
        }
    }
}
