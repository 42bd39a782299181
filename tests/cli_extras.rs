//! Shell integration: completions, man page, colour and progress switches.

use assert_cmd::Command;
use std::path::Path;

fn ddexlint() -> Command {
    Command::cargo_bin("ddexlint").unwrap()
}

fn fixture(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(p)
        .display()
        .to_string()
}

/// A feed with an error finding, so the human report has something to colour.
fn bad_feed() -> String {
    fixture("rules/ref-unresolved/fail-label-party.xml")
}

fn stdout_of(args: &[&str]) -> String {
    let out = ddexlint().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn bash_completions_know_subcommands_and_flags() {
    let script = stdout_of(&["completions", "bash"]);
    assert!(script.contains("check"), "{script}");
    assert!(script.contains("--fail-on"), "{script}");
}

#[test]
fn every_shell_gets_a_script() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout_of(&["completions", shell]);
        // fish spells long flags `-l fail-on`.
        assert!(script.contains("fail-on"), "{shell}: {script}");
    }
}

#[test]
fn unknown_shell_is_a_usage_error() {
    let out = ddexlint().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn man_page_is_roff_and_documents_check() {
    let page = stdout_of(&["man"]);
    assert!(page.starts_with(".TH ddexlint 1"), "{page}");
    assert!(page.contains(".SH \"DDEXLINT CHECK\""), "{page}");
    assert!(page.contains(r"\-\-fail\-on"), "{page}");
    // One apostrophe definition, not one per section.
    assert_eq!(page.matches(".el .ds Aq").count(), 1);
}

#[test]
fn color_always_colours_a_pipe() {
    // NO_COLOR loses to an explicit flag (no-color.org).
    let out = ddexlint()
        .env("NO_COLOR", "1")
        .args(["check", "--color", "always", &bad_feed()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.contains(&0x1b), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn no_color_and_auto_into_a_pipe_is_plain() {
    for args in [vec!["--color", "auto"], vec![]] {
        let out = ddexlint()
            .env("NO_COLOR", "1")
            .arg("check")
            .args(&args)
            .arg(bad_feed())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(!out.stdout.is_empty());
        assert!(!out.stdout.contains(&0x1b), "{}", String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn color_never_and_auto_without_no_color_into_a_pipe_are_plain() {
    for args in [vec!["--color", "never"], vec!["--color", "auto"]] {
        let out = ddexlint()
            .env_remove("NO_COLOR")
            .arg("check")
            .args(&args)
            .arg(bad_feed())
            .output()
            .unwrap();
        assert!(!out.stdout.contains(&0x1b), "{}", String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn unknown_color_choice_is_a_usage_error() {
    let out = ddexlint()
        .args(["check", "--color", "sometimes", &bad_feed()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// A folder of feeds, so a run is long enough to be worth a bar.
fn many_feeds() -> String {
    fixture("rules")
}

#[test]
fn no_bar_on_stderr_when_it_is_not_a_terminal() {
    // With and without --no-progress: a pipe never gets the bar, so stderr stays empty.
    for args in [vec!["--no-progress"], vec![]] {
        let out = ddexlint()
            .arg("check")
            .args(&args)
            .args(["--format", "concise", &many_feeds()])
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty());
        assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    }
}
