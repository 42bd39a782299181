//! Shell integration: completions, man page, colour and progress switches.

use assert_cmd::Command;

fn ddexlint() -> Command {
    Command::cargo_bin("ddexlint").unwrap()
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
