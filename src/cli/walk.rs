//! Which files a run covers.

use std::cmp::Ordering;
use std::path::{is_separator, Path, PathBuf};

/// A file to lint, named as the report will name it.
pub struct Input {
    pub display: String,
    pub path: Option<PathBuf>,
}

/// Expand the command-line paths: files as given, folders to every `*.xml` below them
/// (sorted, so runs are deterministic), `-` to stdin.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input {
                display: "-".into(),
                path: None,
            });
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| format!("{}: {}", p.display(), e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk_dir(p, &mut files)?;
            files.sort_unstable_by(|a, b| walk_order(a, b));
            out.extend(files.into_iter().map(|f| Input {
                display: f.display().to_string(),
                path: Some(f),
            }));
        } else {
            out.push(Input {
                display: p.display().to_string(),
                path: Some(p.clone()),
            });
        }
    }
    Ok(out)
}

fn walk_dir(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {}", d.display(), e))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {}", d.display(), e))?;
            let path = entry.path();
            let ft = entry.file_type().map_err(|e| format!("{}: {}", path.display(), e))?;
            if ft.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")) {
                out.push(path);
            }
        }
    }
    Ok(())
}

/// The order of `Path`'s `Ord` (component by component) for the paths of one walk, at a
/// fraction of its cost (a catalogue folder holds hundreds of thousands of files): they are
/// all the walked folder joined with plain entry names, so comparing their bytes with the
/// separator ranked below every other byte gives the same order.
fn walk_order(a: &Path, b: &Path) -> Ordering {
    fn bytes(p: &Path) -> impl Iterator<Item = u8> + '_ {
        let raw = p.as_os_str().as_encoded_bytes();
        raw.iter().map(|&c| if is_separator(c as char) { 0 } else { c })
    }
    bytes(a).cmp(bytes(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_order_is_paths_component_order() {
        let names = [
            "a.xml",
            "a-c.xml",
            "a/b.xml",
            "a/b/c.xml",
            "a/a.xml",
            "ab.xml",
            "a b.xml",
            "a.b/x.xml",
            "a-/x.xml",
            "A.xml",
            "é.xml",
            "a/b-c.xml",
            "a/b/a.xml",
            "a0/x.xml",
            "a!.xml",
        ];
        let mut by_path: Vec<PathBuf> = names.iter().map(|n| Path::new("feeds/in").join(n)).collect();
        let mut by_bytes = by_path.clone();
        by_path.sort();
        by_bytes.sort_unstable_by(|a, b| walk_order(a, b));
        assert_eq!(by_path, by_bytes);
    }
}
