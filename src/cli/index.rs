//! `ddexlint index build`: read a delivered catalogue once and write its catalogue index, so
//! that each new delivery is checked against it (`check --catalogue`) without reading the
//! old files again.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use rayon::prelude::*;

use ddexlint::catalogue::CatalogueIndex;
use ddexlint::lint::{lint_bytes, Settings};

use super::args::IndexBuildArgs;
use super::walk::collect;
use super::{CliError, EXIT_ERROR};

pub fn build(args: &IndexBuildArgs) -> Result<u8, CliError> {
    let inputs = collect(&args.paths)?;
    // Only the facts are wanted: every rule stays on so that suppressions are judged as in a
    // check, but nothing is reported.
    let settings = Settings {
        catalogue: true,
        ..Settings::default()
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| CliError::Message(e.to_string()))?;
    let index = Mutex::new(CatalogueIndex::default());
    let errors: Vec<String> = pool.install(|| {
        inputs
            .par_iter()
            .enumerate()
            .filter_map(|(i, input)| {
                let path = input.path.as_ref()?;
                let bytes = match std::fs::read(path) {
                    Ok(b) => b,
                    Err(e) => return Some(format!("{}: {e}", input.display)),
                };
                let mut outcome = lint_bytes(&input.display, bytes, &settings);
                if let Some(facts) = outcome.catalogue.take() {
                    index.lock().expect("index lock").merge(i as u32, &input.display, facts);
                }
                None
            })
            .collect()
    });
    for e in &errors {
        eprintln!("ddexlint: error: {e}");
    }
    if !errors.is_empty() {
        return Ok(EXIT_ERROR);
    }
    let index = index.into_inner().expect("index lock");
    write_atomically(&args.output, &index.to_bytes())?;
    eprintln!(
        "ddexlint: wrote {} ({} files, {} distinct names, keys and identifiers)",
        args.output.display(),
        index.files(),
        index.distinct_strings()
    );
    Ok(0)
}

/// The catalogue index of `--catalogue`, without the files this run checks again.
pub fn load(path: &Path, checked: &[String]) -> Result<CatalogueIndex, CliError> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut index = CatalogueIndex::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    let checked: HashSet<&str> = checked.iter().map(String::as_str).collect();
    index.remove_paths(&checked);
    Ok(index)
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    tmp.write_all(bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    tmp.as_file()
        .sync_all()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    tmp.persist(path)
        .map_err(|e| format!("{}: {}", path.display(), e.error))?;
    Ok(())
}
