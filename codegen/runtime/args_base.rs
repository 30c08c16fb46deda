//! What every `args` module has, whatever its catalog: the trait of the public arguments, how
//! a value is written into a message or a log field, and why arguments could not be read.

/// The public arguments of one code's errors.
pub trait Args {
    /// The code whose arguments these are.
    const CODE: crate::ErrorCode;
}

/// Writes an argument's value into a rendered message or a log field.
pub(super) trait Render {
    /// Appends the value to `out`.
    fn render(&self, out: &mut String);

    /// The value as text.
    fn rendered(&self) -> String {
        let mut out = String::new();
        self.render(&mut out);
        out
    }
}

impl Render for String {
    fn render(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Render for i64 {
    fn render(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl Render for f64 {
    fn render(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl Render for bool {
    fn render(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

/// A list is its items, separated by `, `.
impl<T: Render> Render for Vec<T> {
    fn render(&self, out: &mut String) {
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            item.render(out);
        }
    }
}

/// Why `ApiError::args` (with the `json` feature) could not read the arguments.
#[derive(Clone, Debug, PartialEq)]
pub enum ArgsError {
    /// The error is of another code than the arguments' (for an API that tells errors apart
    /// by status, its status is not one the code is documented with).
    OtherCode {
        /// The code of the arguments asked for.
        expected: crate::ErrorCode,
        /// The error's code (or status), as received.
        found: String,
    },
    /// The error has no details to read arguments from.
    NoDetails,
    /// The details do not hold the arguments: what the JSON reader says.
    Mismatch(String),
}

impl core::fmt::Display for ArgsError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            ArgsError::OtherCode { expected, found } => write!(
                f,
                "the error is `{found}`, not `{}`: its details hold other arguments",
                expected.as_str()
            ),
            ArgsError::NoDetails => f.write_str("the error has no details to read arguments from"),
            ArgsError::Mismatch(why) => write!(f, "the details do not hold the arguments: {why}"),
        }
    }
}

impl std::error::Error for ArgsError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_render_as_a_message_shows_them() {
        assert_eq!(vec![1_i64, 2, 3].rendered(), "1, 2, 3");
        assert_eq!(Vec::<String>::new().rendered(), "");
        assert_eq!(true.rendered(), "true");
        assert_eq!(0.5_f64.rendered(), "0.5");
        assert_eq!(2.0_f64.rendered(), "2");
        assert_eq!(String::from("a b").rendered(), "a b");
    }

    #[test]
    fn an_args_error_says_which_code_it_found() {
        let error = ArgsError::OtherCode {
            expected: crate::ErrorCode::ALL[0],
            found: "other".to_owned(),
        };
        let shown = error.to_string();
        assert!(shown.starts_with("the error is `other`, not `"), "{shown}");
        assert_eq!(
            ArgsError::Mismatch("missing field `a`".to_owned()).to_string(),
            "the details do not hold the arguments: missing field `a`"
        );
    }
}
