//! Outputs the repository would not keep: paths its ignore rules (`.gitignore` files and
//! `.git/info/exclude`) hide. A generated file that git ignores is never committed, so a fresh
//! clone's `gen --check` would fail; such a catalog is refused before anything is written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

/// The ignore files of one folder, most specific first.
struct Rules {
    matchers: BTreeMap<PathBuf, Vec<Gitignore>>,
    root: PathBuf,
}

impl Rules {
    fn new(root: &Path) -> Rules {
        Rules {
            matchers: BTreeMap::new(),
            root: root.to_path_buf(),
        }
    }

    /// The matchers of folder `dir` (relative to the root): its `.gitignore`, and at the
    /// root also `.git/info/exclude`, which git reads after it.
    fn of(&mut self, dir: &Path) -> &[Gitignore] {
        let root = &self.root;
        self.matchers.entry(dir.to_path_buf()).or_insert_with(|| {
            let mut files = vec![root.join(dir).join(".gitignore")];
            if dir.as_os_str().is_empty() {
                files.push(root.join(".git/info/exclude"));
            }
            files
                .into_iter()
                .filter(|f| f.is_file())
                .filter_map(|f| {
                    let mut builder = GitignoreBuilder::new(root.join(dir));
                    // A rule git cannot read either is ignored by git too.
                    let _ = builder.add(&f);
                    builder.build().ok()
                })
                .collect()
        })
    }

    /// The rule that hides `path` (relative to the root, a file), as `file: pattern`.
    fn hiding(&mut self, path: &Path) -> Option<String> {
        // The deepest folder with a rule that matches decides, as in git.
        let folders: Vec<PathBuf> = path.ancestors().skip(1).map(Path::to_path_buf).collect();
        let root = self.root.clone();
        for dir in folders {
            let relative = path.strip_prefix(&dir).unwrap_or(path).to_path_buf();
            for matcher in self.of(&dir) {
                match matcher.matched_path_or_any_parents(&relative, false) {
                    Match::Ignore(glob) => {
                        let file = glob.from().map_or_else(String::new, |f| {
                            f.strip_prefix(&root).unwrap_or(f).display().to_string()
                        });
                        return Some(format!("{file}: `{}`", glob.original()));
                    }
                    Match::Whitelist(_) => return None,
                    Match::None => {}
                }
            }
        }
        None
    }
}

/// Each of `paths` (relative to `root`) that the repository's ignore rules hide, with the
/// rule that hides it.
pub fn hidden<'a>(
    root: &Path,
    paths: impl IntoIterator<Item = &'a PathBuf>,
) -> Vec<(&'a PathBuf, String)> {
    let mut rules = Rules::new(root);
    paths
        .into_iter()
        .filter_map(|p| rules.hiding(p).map(|rule| (p, rule)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deepest_rule_decides_and_names_its_file() {
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("generated/keep")).unwrap();
        std::fs::write(root.path().join(".gitignore"), "target/\n*.log\n").unwrap();
        std::fs::write(root.path().join("generated/.gitignore"), "!keep.log\n").unwrap();
        let paths: Vec<PathBuf> = [
            "generated/target/src/lib.rs",
            "generated/a/x.log",
            "generated/keep.log",
            "generated/a/src/lib.rs",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let found = hidden(root.path(), &paths);
        let shown: Vec<(String, String)> = found
            .iter()
            .map(|(p, r)| (p.display().to_string(), r.clone()))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "generated/target/src/lib.rs".into(),
                    ".gitignore: `target/`".into()
                ),
                ("generated/a/x.log".into(), ".gitignore: `*.log`".into()),
            ]
        );
    }
}
