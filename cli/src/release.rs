//! `release NAME`.

use std::io::Write;
use std::path::Path;

use crate::Host;

/// Records a release of catalog `name` in `root`, then regenerates.
pub(crate) fn run(
    name: &str,
    date: Option<&str>,
    root: &Path,
    host: &Host,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, String> {
    let generator = crate::generator(root, host);
    let released = generator
        .release(name, date)
        .map_err(|report| format!("{report}; nothing was written"))?;
    let _ = writeln!(
        out,
        "{name}: released {} ({}; {}); recorded in {}",
        released.version,
        released.date,
        released.what,
        released.record.display()
    );
    let regenerated = generator
        .plan()
        .map_err(|report| format!("{report}; nothing was written"))?;
    crate::write(&regenerated, root, false, host, out, err).map_err(|e| format!("error: {e}"))
}
