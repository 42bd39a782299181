//! `ddexlint completions` and `ddexlint man`: both generated from the clap definitions in
//! `args.rs`, so a new flag shows up in tab completion and in the man page without extra work.

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

use super::args::Cli;
use super::CliError;

/// Writes the completion script for `shell` to stdout.
pub fn completions(shell: Shell) -> Result<u8, CliError> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "ddexlint", &mut buf);
    write_stdout(&buf)
}

/// Writes a roff man page to stdout: one page, with a section per subcommand holding its
/// synopsis and options. A single page is what `man ddexlint` users expect; clap_mangen's
/// default points at `ddexlint-check(1)` pages, which would need installing several files.
pub fn man() -> Result<u8, CliError> {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    let mut buf = Vec::new();
    man.render_title(&mut buf)?;
    man.render_name_section(&mut buf)?;
    man.render_synopsis_section(&mut buf)?;
    man.render_description_section(&mut buf)?;
    man.render_options_section(&mut buf)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        render_subcommand(sub, &mut buf)?;
    }
    man.render_version_section(&mut buf)?;
    write_stdout(hoist_preamble(&String::from_utf8_lossy(&buf)).as_bytes())
}

/// clap_mangen repeats its `\*(Aq` (apostrophe) definition before every section, so the page
/// would start with `.ie`; `man`, `mandb` and `lexgrog` expect `.TH` first. Keep one copy,
/// right after `.TH` (still before any use).
fn hoist_preamble(page: &str) -> String {
    const PREAMBLE: [&str; 2] = [r".ie \n(.g .ds Aq \(aq", ".el .ds Aq '"];
    let mut out = String::with_capacity(page.len());
    for line in page.lines().filter(|l| !PREAMBLE.contains(l)) {
        out.push_str(line);
        out.push('\n');
        if line.starts_with(".TH ") {
            for p in PREAMBLE {
                out.push_str(p);
                out.push('\n');
            }
        }
    }
    out
}

/// A `.SH "DDEXLINT CHECK"` section: the subcommand's summary, then its synopsis and options
/// demoted to `.SS` subsections.
fn render_subcommand(sub: &clap::Command, out: &mut Vec<u8>) -> std::io::Result<()> {
    let name = format!("ddexlint {}", sub.get_name());
    let sub = sub.clone().bin_name(name.clone());
    let man = clap_mangen::Man::new(sub.clone());
    writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
    if let Some(about) = sub.get_about() {
        writeln!(out, "{}", escape_line(&about.to_string()))?;
    }
    let mut body = Vec::new();
    man.render_synopsis_section(&mut body)?;
    if sub.get_arguments().any(|a| !a.is_hide_set()) {
        man.render_options_section(&mut body)?;
    }
    for line in String::from_utf8_lossy(&body).lines() {
        match line.strip_prefix(".SH ") {
            Some(title) => writeln!(out, ".SS {title}")?,
            None => writeln!(out, "{line}")?,
        }
    }
    Ok(())
}

/// Keeps a free-text line from being read as a roff request (a leading `.` or `'`).
fn escape_line(s: &str) -> String {
    let s = s.replace('\\', "\\e");
    if s.starts_with('.') || s.starts_with('\'') {
        format!("\\&{s}")
    } else {
        s
    }
}

fn write_stdout(buf: &[u8]) -> Result<u8, CliError> {
    let mut out = std::io::stdout().lock();
    out.write_all(buf)?;
    out.flush()?;
    Ok(0)
}
