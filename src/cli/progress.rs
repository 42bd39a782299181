//! The `check` progress bar (issue 5): files done / total, files per second and findings so
//! far, on stderr. Stdout carries the report (or a fixed document), so the bar never mixes
//! into anything a program reads.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Runs shorter than this never show the bar: a flash of bar before a one-file report is
/// noise, and most runs are that short.
const SHOW_AFTER: Duration = Duration::from_millis(300);
/// Redraws per second; the workers update far more often than that.
const REFRESH_HZ: u8 = 10;

/// Shared by the rayon workers: `file_done` takes `&self` and only touches atomics and
/// indicatif's own (thread-safe, rate-limited) state.
pub struct Progress {
    /// `None` when the bar is off (`--no-progress`, stderr not a terminal, a single input).
    bar: Option<ProgressBar>,
    findings: AtomicUsize,
    shown: AtomicBool,
    started: Instant,
}

impl Progress {
    /// `wanted` is `!--no-progress`; the bar also needs stderr to be a terminal, so tests,
    /// pipes and CI logs never see it.
    pub fn new(total: usize, wanted: bool, stderr_is_terminal: bool) -> Self {
        let bar = (wanted && stderr_is_terminal && total > 1).then(|| {
            let style = ProgressStyle::with_template("{bar:30} {pos}/{len} files  {per_sec:0}  {msg}  {elapsed}")
                .expect("valid template")
                .progress_chars("=> ");
            // Hidden until SHOW_AFTER has passed; `file_done` attaches it to stderr.
            let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden()).with_style(style);
            bar.set_message("0 findings");
            bar
        });
        Progress {
            bar,
            findings: AtomicUsize::new(0),
            shown: AtomicBool::new(false),
            started: Instant::now(),
        }
    }

    /// One file finished, with `findings` findings (before any baseline filtering).
    pub fn file_done(&self, findings: usize) {
        let Some(bar) = &self.bar else { return };
        let total = self.findings.fetch_add(findings, Ordering::Relaxed) + findings;
        if findings > 0 {
            bar.set_message(format!("{total} finding{}", if total == 1 { "" } else { "s" }));
        }
        if !self.shown.load(Ordering::Relaxed)
            && self.started.elapsed() >= SHOW_AFTER
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(REFRESH_HZ));
        }
        bar.inc(1);
    }

    /// Erases the bar, so the report (and error lines on stderr) start on a clean line.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_without_a_terminal_or_when_asked() {
        assert!(Progress::new(100, true, false).bar.is_none());
        assert!(Progress::new(100, false, true).bar.is_none());
        assert!(Progress::new(1, true, true).bar.is_none());
        assert!(Progress::new(100, true, true).bar.is_some());
    }

    #[test]
    fn counts_from_many_threads() {
        let p = Progress::new(64, true, true);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| (0..16).for_each(|_| p.file_done(2)));
            }
        });
        assert_eq!(p.findings.load(Ordering::Relaxed), 128);
        assert_eq!(p.bar.as_ref().unwrap().position(), 64);
        p.finish();
    }
}
