//! Which files a run covers.

use std::path::{Path, PathBuf};

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
            files.sort();
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
