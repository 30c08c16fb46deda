//! Reading input files: bytes to text, and the containment rule for files a mapping names.

use std::path::{Component, Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, Report};

/// Reads an input file as UTF-8 text; a read error or bytes that are not UTF-8 are reported.
pub fn read(path: &Path, name: &str) -> Result<String, Report> {
    let bytes =
        std::fs::read(path).map_err(|e| Report::global(format!("cannot read {name}: {e}")))?;
    super::decode(bytes, name)
}

/// Where a path that a mapping names (relative to the mapping's folder `dir`) may be read
/// from: inside `dir`, after symbolic links are followed. Anything else is refused, so a
/// catalog under review cannot copy a file from elsewhere on the machine into the output.
/// A refusal is located at `at`, the member of the mapping that names the path.
pub fn contained(dir: &Path, relative: &str, at: &str) -> Result<PathBuf, Diagnostics> {
    let given = Path::new(relative);
    if given.has_root() || given.is_absolute() {
        return Err(Diagnostic::at(
            at,
            format!(
                "`{relative}` is an absolute path; vendor files are read only from inside the catalog folder"
            ),
        )
        .into());
    }
    let inside = |p: &Path| {
        // Lexically: `..` may not climb above the folder.
        let mut depth = 0usize;
        p.components().all(|c| match c {
            Component::ParentDir => depth.checked_sub(1).map(|d| depth = d).is_some(),
            Component::Normal(_) => {
                depth += 1;
                true
            }
            _ => true,
        })
    };
    if !inside(given) {
        return Err(Diagnostic::at(at, format!("`{relative}` leaves the catalog folder")).into());
    }
    let full = dir.join(given);
    let (Ok(base), Ok(real)) = (dir.canonicalize(), full.canonicalize()) else {
        // Not there: the read that follows reports it.
        return Ok(full);
    };
    if !real.starts_with(&base) {
        return Err(Diagnostic::at(
            at,
            format!(
                "`{relative}` is a symbolic link (or passes through one) to a file outside the catalog folder"
            ),
        )
        .into());
    }
    Ok(real)
}
