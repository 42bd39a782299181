//! Command-line definitions (clap). The single source for `--help`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "ddexlint",
    version,
    about = "Lint DDEX ERN release feeds: label identity, identifiers, multilingual titles and Unicode hygiene"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check feeds (files, folders of *.xml, or - for stdin)
    Check(CheckArgs),
    /// List every rule: id, category, default severity, fix class, summary
    Rules(RulesArgs),
    /// Show one rule's documentation, with a bad and a good example
    Explain {
        /// Rule id, e.g. label-missing
        id: String,
    },

    // Shell integration (issue 6): generated from these definitions, so they never drift.
    /// Print a shell completion script (e.g. `ddexlint completions bash > /etc/bash_completion.d/ddexlint`)
    Completions {
        /// Target shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `ddexlint man > ddexlint.1`
    Man,
    /// Catalogue index for incremental checks of new deliveries
    #[command(subcommand)]
    Index(IndexCommand),
}

#[derive(Subcommand, Debug)]
pub enum IndexCommand {
    /// Read a catalogue once and write its index (names and identifiers) for `check --catalogue`
    Build(IndexBuildArgs),
}

#[derive(Args, Debug)]
pub struct IndexBuildArgs {
    /// Files or folders (folders: every *.xml below, recursively)
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Where to write the index
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    /// Worker threads (default: all cores)
    #[arg(long)]
    pub jobs: Option<usize>,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files or folders (folders: every *.xml below, recursively); "-" reads stdin
    #[arg(required_unless_present = "show_settings")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
    /// Write the report to this file instead of stdout
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Only these rule ids or categories (comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Leave out these rule ids or categories (comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Exit with 1 when findings at or above this severity remain [default: error]
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Worker threads (default: all cores)
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Apply the safe fixes, then report what remains
    #[arg(long)]
    pub fix: bool,
    /// With --fix or --diff: apply the unsafe fixes too
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change; write nothing
    #[arg(long)]
    pub diff: bool,
    /// List each fix applied (and each fix proposed for a remaining finding)
    #[arg(long)]
    pub show_fixes: bool,
    /// No progress bar
    #[arg(long)]
    pub no_progress: bool,

    // Terminal output (issue 6).
    /// Colour the human report: auto (a terminal, and NO_COLOR unset or empty), always (also into
    /// pipes and files, e.g. CI logs that render ANSI), never
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    // Configuration, baseline (branch config).
    /// Config file (default: ddexlint.toml found upward from the current folder)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Print the resolved settings (and the config file used), then exit
    #[arg(long)]
    pub show_settings: bool,
    /// Label registry (TOML); overrides `labels` of the config file
    #[arg(long, value_name = "FILE")]
    pub labels: Option<PathBuf>,
    /// Check the cross-file rules against this catalogue index (`ddexlint index build`) too
    #[arg(long, value_name = "FILE")]
    pub catalogue: Option<PathBuf>,
    /// Report only findings not recorded in this baseline file
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file, then exit 0
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Diagnostics with the source line underlined, then a summary
    Human,
    /// One JSON report (schemas/report.schema.json)
    Json,
    /// One line per finding: path:line:col: severity[rule] message
    Concise,
    /// One JSON finding per line
    JsonLines,
    /// SARIF 2.1.0 (GitHub code scanning)
    Sarif,
    /// JUnit XML: a test case per file, a failure per finding
    Junit,
    /// GitHub Actions annotations (workflow commands)
    Github,
    /// GitLab Code Quality report
    Gitlab,
}

/// When to colour output (`--color`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}
